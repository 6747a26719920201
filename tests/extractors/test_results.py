"""Result extraction: scores tied to datasets and subjects, relative changes and sizes left out."""

from __future__ import annotations

import pytest

from paperkg.extractors.pipeline import extract_papers
from paperkg.extractors.results import find_scores
from paperkg.model import Paper, SourceRef


def _results(title: str, abstract: str) -> list[tuple]:
    paper = Paper(title=title, abstract=abstract, sources=(SourceRef("t", 1),))
    [extraction] = list(extract_papers([paper]))
    return [(r.subject, r.own, r.dataset, r.value, r.metric, r.unit) for r in extraction.results]


@pytest.mark.parametrize(
    "text",
    [
        "It improves accuracy by 2% over the baseline.",
        "Our method gives a +12.0% gain and a 6.6 percentage point improvement.",
        "Decoding is 31x faster and 3x cheaper.",
        "It reduces latency by 40% and uses 40% of the parameters.",
        "We train a 7B model on 2.6T tokens with 8 GPUs for 3 days across 14 languages.",
        "It outperforms GPT-4 by 24.7% and by 3.1 and 4.2 points.",
    ],
)
def test_relative_changes_costs_and_sizes_are_not_scores(text):
    assert find_scores(text) == []


def test_scores_keep_their_unit_and_metric():
    [acc, fid] = find_scores("It reaches 63% accuracy and an FID of 1.34.")
    assert (acc.value, acc.unit, acc.metric) == (63.0, "%", "accuracy")
    assert (fid.value, fid.unit, fid.metric) == (1.34, None, "FID")


def test_scores_listed_after_the_subject_go_to_each_dataset():
    found = _results(
        "AM-Thinking-v1: Advancing the Frontier of Reasoning at 32B Scale",
        "We present AM-Thinking-v1, a dense language model. AM-Thinking-v1 achieves impressive scores of 85.3 on AIME 2024, "
        "74.4 on AIME 2025 and 70.3 on LiveCodeBench.",
    )
    assert ("AM-Thinking-v1", True, "AIME 2024", 85.3, None, None) in found
    assert ("AM-Thinking-v1", True, "AIME 2025", 74.4, None, None) in found


def test_parenthesised_scores_go_to_the_names_listed_before_the_dataset():
    found = _results(
        "DataComp-LM: In search of the next generation of training sets for language models",
        "Our baseline model is also comparable to Mistral-7B-v0.3 and Llama 3 8B on MMLU (63% & 66%), while being trained "
        "with 6.6x less compute than Llama 3 8B.",
    )
    assert ("Mistral-7B-v0.3", False, "MMLU", 63.0, None, "%") in found
    assert ("Llama 3 8B", False, "MMLU", 66.0, None, "%") in found
    assert len(found) == 2, "6.6x is a relative change"


def test_from_to_gives_the_baseline_and_the_papers_own_score():
    found = _results(
        "ChainRL: Reinforcement Learning for Chains of Thought",
        "We propose ChainRL, which improves Mistral-7B from 52.2% to 68.9% on GSM8K. It is 3x faster to train than PPO.",
    )
    assert found == [("Mistral-7B", False, "GSM8K", 52.2, None, "%"), ("ChainRL", True, "GSM8K", 68.9, None, "%")]


def test_a_score_without_a_dataset_is_not_a_result():
    assert _results("Fast Nets", "We propose FastNet. FastNet achieves 90% accuracy while being 2x faster.") == []


def test_dataset_variant_and_metric_are_kept():
    found = _results(
        "Diffusion Models without Classifier-free Guidance",
        "We propose Model-guidance (MG). We establish state-of-the-art performance on ImageNet 256 benchmarks "
        "with an FID of 1.34.",
    )
    assert [(f[2], f[3], f[4]) for f in found] == [("ImageNet 256", 1.34, "FID")]
