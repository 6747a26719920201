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


@pytest.mark.parametrize(
    "text, long_form",
    [
        ("We propose KnowRL (Knowledge-Guided Reinforcement Learning), an RL training framework.",
         "Knowledge-Guided Reinforcement Learning"),
        ("This paper introduces COAT (Compressing Optimizer States and Activations for FP8 Training), a framework.",
         "Compressing Optimizer States and Activations for FP8 Training"),
        ("We use GA (Generative Adversarial Network) here.", None),  # its last word is not spelled
        # words listed with commas inside the parentheses
        ("we propose Prism (Pruning, Remasking, and Integrated Self-verification Method), an efficient framework.",
         "Pruning, Remasking, and Integrated Self-verification Method"),
        ("We use ZorbNet (Zero Order Robust Blocks and Gated Residual Nets) here.", None),  # too many words left out
    ],
)
def test_a_capitalised_name_after_its_short_form_may_hold_a_word_or_two_it_leaves_out(text, long_form):
    assert [a.long for a in find_abbreviations(text)] == ([long_form] if long_form else [])


@pytest.mark.parametrize(
    "text, definition",
    [
        ("we propose SLIM, a framework of dynamic Skill LIfecycle Management for agentic RL.",
         ("SLIM", "Skill LIfecycle Management")),
        ("we introduce PhyGenBench, a comprehensive Physics Generation Benchmark designed to evaluate models.",
         ("PhyGenBench", "Physics Generation Benchmark")),
        ("We present UMR, an Unsupervised Multilingual dense Retriever that works.",
         ("UMR", "Unsupervised Multilingual dense Retriever")),
        # a lower-case word inside the description opens no name
        ("we propose AlphaGRPO, a novel framework that applies Group Relative Policy Optimization to models.", None),
    ],
)
def test_a_name_defined_after_its_short_form_opens_with_its_first_word_or_a_capitalised_one(text, definition):
    assert [(a.short, a.long) for a in find_abbreviations(text)] == ([definition] if definition else [])
