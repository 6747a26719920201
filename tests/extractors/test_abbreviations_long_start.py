"""Where a defined acronym's long form starts, when the shortest reading takes an initial from the wrong word."""

from __future__ import annotations

import pytest

from paperkg.extractors.abbreviations import find_abbreviations


@pytest.mark.parametrize(
    "text, long_form",
    [
        ("on the Abstraction and Reasoning Corpus (ARC) benchmark", "Abstraction and Reasoning Corpus"),
        ("we use Auto-Rubric as Reward (ARR) to score", "Auto-Rubric as Reward"),
        ("we propose Competitive consensus Chain-of-Thought (CCoT), a paradigm", "Competitive consensus Chain-of-Thought"),
        ("We use Proximal policy optimization (PPO) here", "Proximal policy optimization"),
        ("Our Deep reinforcement learning (DRL) agent", "Deep reinforcement learning"),  # already right
        ("we fine-tune Large Language Models (LLMs) on", "Large Language Models"),  # no capitalised word before
    ],
)
def test_the_long_form_opens_with_the_word_that_gives_its_first_initial(text, long_form):
    assert [a.long for a in find_abbreviations(text)] == [long_form]


@pytest.mark.parametrize(
    "text, long_form",
    [
        # the shortest reading spells AURAC from "Accuracy Curve" (A-c-c-U-R-a-c-y): fewer words than capitals
        ("We further propose Area Under the Rank Accuracy Curve (AURAC), a metric", "Area Under the Rank Accuracy Curve"),
        ("using the Positional-aware Perceiver Resampler (PPR) to obtain", "Positional-aware Perceiver Resampler"),
        # as many words as capitals: the shortest reading stands, and no long form reaches past a parenthesis
        ("While vision-language models (VLMs) and video generation models (VGMs) hold", "video generation models"),
        ("we propose Turn-level Truncated On-Policy Distillation (TT-OPD), a", "Turn-level Truncated On-Policy Distillation"),
    ],
)
def test_a_long_form_the_words_initials_spell_beats_one_spelled_inside_words(text, long_form):
    assert find_abbreviations(text)[-1].long == long_form
