"""The real spaCy pipeline end to end: awkward sentences, odd input, records and graph edges."""

from __future__ import annotations

import pytest

from paperkg.extractors.pipeline import PIPE_NAMES, extract_papers, load_pipeline
from paperkg.graph import assemble
from paperkg.model import Paper, SourceRef


def _extract(title: str, abstract: str):
    paper = Paper(title=title, abstract=abstract, sources=(SourceRef("t", 1),))
    [extraction] = list(extract_papers([paper]))
    return paper, extraction


def _entities(title: str, abstract: str) -> dict[str, tuple[str, str]]:
    _, extraction = _extract(title, abstract)
    return {m.entity.name: (m.entity.type, m.role) for m in extraction.mentions}


def test_pipeline_is_blank_english_plus_project_components():
    nlp = load_pipeline()
    assert nlp.lang == "en" and tuple(nlp.pipe_names) == PIPE_NAMES


def test_enumerations_split_into_entities():
    found = _entities("T", "It beats GPT-4/3.5. We fine-tune T5 Base, Large, and XL and test on CIFAR-10/100.")
    assert {"GPT-4", "GPT-3.5", "T5 Base", "T5 Large", "T5 XL", "CIFAR-10", "CIFAR-100"} <= set(found)
    assert found["GPT-4"] == ("model", "compares") and found["CIFAR-100"][0] == "dataset"


def test_acronym_definition_links_long_and_short_forms():
    _, extraction = _extract("T", "We build on Mixture-of-Experts (MoE). Later, the MoE layer routes tokens.")
    [moe] = [m for m in extraction.mentions if m.entity.name == "mixture of experts"]
    assert "MoE" in moe.entity.aliases and moe.entity.type == "method"
    assert len(extraction.mentions) == 1


def test_parenthesised_non_definitions_are_not_entities():
    found = _entities("T", "Accuracy is high (85-95%), as in Smith et al. (2020), for models (e.g., GPT-4).")
    assert set(found) == {"GPT-4"}


def test_latex_title_and_coined_name_introduced():
    found = _entities(
        "Forward $χ^2$ Divergence Based Variational Importance Sampling",
        "We propose VISχ, a new estimator. We compare it with variational inference (VI) baselines.",
    )
    assert found["variational inference"][0] == "method"
    assert found["importance sampling"][0] == "method"


def test_title_prefix_is_introduced_and_typed_from_the_description():
    found = _entities("Yi: Open Foundation Models by 01.AI", "We introduce the Yi model family. It is strong on MMLU.")
    assert found["Yi"] == ("model", "introduces")
    assert found["MMLU"][0] == "dataset" and "01.AI" not in found


def test_model_variants_get_their_family():
    paper, extraction = _extract("T", "We start from Qwen2.5-32B-Instruct and compare with Llama-3.1-405B-Instruct-FP8.")
    by_name = {m.entity.name: m.entity for m in extraction.mentions}
    qwen = by_name["Qwen2.5-32B-Instruct"]
    assert (qwen.family, qwen.size, qwen.variant) == ("Qwen2.5", "32B", "Instruct")
    batch = assemble([paper], {paper.key: extraction})
    variant_edges = {(e.source, e.target) for e in batch.edges if e.type == "VARIANT_OF"}
    assert ("model:qwen2.5-32b-instruct", "model:qwen2.5") in variant_edges
    assert ("model:llama3.1-405b-instruct-fp8", "model:llama3.1") in variant_edges


def test_evidence_points_at_the_name():
    _, extraction = _extract("T", "First sentence. We evaluate on LiveCodeBench and AIME 2024.")
    for mention in extraction.mentions:
        evidence = mention.evidence
        assert evidence.sentence == "We evaluate on LiveCodeBench and AIME 2024."
        assert 0 < evidence.confidence <= 1 and evidence.rule
    names = {m.entity.name: m for m in extraction.mentions}
    live = names["LiveCodeBench"].evidence
    assert "First sentence. We evaluate on LiveCodeBench and AIME 2024."[live.start : live.end] == "LiveCodeBench"
    assert names["AIME 2024"].role == "evaluates_on"


@pytest.mark.parametrize(
    "abstract",
    [
        "",
        " ",
        "https://github.com/a/b https://huggingface.co/datasets/x/y",
        "我们提出了一种新的方法，在 ImageNet 上取得了最好的结果。Мы используем BERT. النماذج اللغوية",
        ("We fine-tune BERT on GLUE. " * 4000)[:100_000],
        "((((((((((((()))))))))))) ---- .... :::: $$$$ \\\\ {{{{ }}}}",
        "A" * 5000,
    ],
    ids=["empty", "space", "only-urls", "non-latin", "100k", "punctuation", "one-long-word"],
)
def test_odd_input_never_crashes(abstract):
    _, extraction = _extract("Title", abstract)
    for mention in extraction.mentions:
        assert mention.entity.name and mention.entity.type in ("model", "dataset", "method")


def test_the_loaded_gazetteers_are_left_out_of_the_collectors_passes():
    import gc

    from paperkg.extractors.gazetteer import default_gazetteer

    load_pipeline()
    walked = {id(o) for o in gc.get_objects()}  # the objects the collector's passes walk (not the frozen)
    entries = default_gazetteer().entries
    assert entries and not any(id(entry) in walked for entry in entries)


def test_spacy_is_imported_without_its_command_line_package():
    """A fresh process that extracts a paper never imports spaCy's CLI (typer, weasel, requests: 0.15-0.3 s
    of start-up); spacy.info and a later `import spacy.cli` are still the real ones."""
    import subprocess
    import sys

    script = """
import sys
from paperkg.extractors.pipeline import extract_papers
from paperkg.model import Paper, SourceRef
[x] = extract_papers([Paper(title="T", abstract="We fine-tune Llama-2-7B on MMLU.", sources=(SourceRef("t", 1),))])
assert {m.entity.name for m in x.mentions} >= {"Llama-2-7B", "MMLU"}, x.mentions
print(sorted(m for m in ("spacy.cli", "spacy.cli.info", "typer", "weasel") if m in sys.modules))
import spacy
print(spacy.info(silent=True)["spacy_version"] == spacy.__version__)
import spacy.cli
print(callable(spacy.cli.download), spacy.cli.info.__name__)
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.split("\n")[:3] == ["[]", "True", "True info"], result.stdout
