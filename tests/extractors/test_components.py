"""Unit tests of the pure extractor functions on hand-written sentences, awkward cases included."""

from __future__ import annotations

from importlib import resources

import pytest

from paperkg.extractors.abbreviations import find_abbreviations
from paperkg.extractors.candidates import find_candidates, split_sentences
from paperkg.extractors.gazetteer import DATA_FILES, Entry, Gazetteer, default_gazetteer
from paperkg.extractors.modelnames import parse_model_name
from paperkg.extractors.patterns import is_name_like, siblings, size_suffixed_models, title_name
from paperkg.extractors.roles import decide_role


@pytest.mark.parametrize(
    "text,expected",
    [
        ("inspired by byte-pair encoding (BPE), but", [("byte-pair encoding", "BPE")]),
        ("the Mixture-of-Experts (MoE) models", [("Mixture-of-Experts", "MoE")]),
        ("DataComp for Language Models (DCLM), a testbed", [("DataComp for Language Models", "DCLM")]),
        (
            "This paper introduces UMR, an Unsupervised Multilingual dense Retriever trained",
            [("Unsupervised Multilingual dense Retriever", "UMR")],
        ),
        ("We propose Expert-Specialized Fine-Tuning, or ESFT, which", [("Expert-Specialized Fine-Tuning", "ESFT")]),
        # parentheses that define nothing
        ("with high accuracy (85-95%) and", []),
        ("as shown by Chen et al. (2017) before", []),
        ("large vision-language models (e.g., GPT-4, LLaVA) is", []),
        ("rely on the Key-Value (KV) Cache to store", []),
    ],
)
def test_abbreviations(text, expected):
    assert [(a.long, a.short) for a in find_abbreviations(text)] == expected


def test_abbreviation_offsets_point_at_both_forms():
    text = "We study Dynamic Gradient Alignment (DGA) here."
    [found] = find_abbreviations(text)
    assert text[found.long_start : found.long_end] == "Dynamic Gradient Alignment"
    assert text[found.short_start : found.short_end] == "DGA"


@pytest.fixture(scope="module")
def small_gazetteer() -> Gazetteer:
    return Gazetteer(
        [
            Entry("method", "mixture of experts", ("MoE",), "test"),
            Entry("model", "BERT", (), "test"),
            Entry("model", "Llama 2", ("LLaMA-2",), "test"),
            Entry("model", "OPT", (), "test"),
            Entry("dataset", "The Pile", (), "test"),
            Entry("method", "Transformer", ("transformers",), "test"),
        ]
    )


@pytest.mark.parametrize(
    "text,names",
    [
        ("a Mixture-of-Experts layer", ["mixture of experts"]),
        ("sparse mixture of experts and MoE", ["mixture of experts", "mixture of experts"]),
        ("we fine-tune BERT", ["BERT"]),
        ("my friend Bert said", []),  # names with capitals keep their case
        ("we opt for OPT", ["OPT"]),
        ("Llama 2, LLaMA-2 and Llama2", ["Llama 2", "Llama 2", "Llama 2"]),
        ("trained on the Pile", ["The Pile"]),
        ("stacked Transformers", ["Transformer"]),
        ("RoBERTa is not BERT", ["BERT"]),  # no match inside a longer word
    ],
)
def test_gazetteer_matches_names_whatever_the_separators(small_gazetteer, text, names):
    assert [m.entry.name for m in small_gazetteer.find(text)] == names


def test_gazetteer_offsets_cover_the_words():
    text = "on the Mixture-of-Experts (MoE) idea"
    spans = [text[m.start : m.end] for m in Gazetteer([Entry("method", "mixture of experts", ("MoE",), "t")]).find(text)]
    assert spans == ["Mixture-of-Experts", "MoE"]


def test_shipped_gazetteers_load_with_sources():
    gazetteer = default_gazetteer()
    sources = {f.removeprefix("gazetteer_").removesuffix(".tsv") for f in DATA_FILES}
    assert {e.source for e in gazetteer.entries} == sources
    assert {"curated", "pwc_methods", "evalscope", "hf_transformers"} <= sources
    for filename in DATA_FILES:
        head = resources.files("paperkg.extractors").joinpath("data", filename).read_text(encoding="utf-8").splitlines()[:2]
        assert head[0].startswith("# source: ") and head[1].startswith("# licence: "), filename
    assert gazetteer.lookup("XLM-RoBERTa").name == "XLM-R"
    assert gazetteer.lookup("LiveCodeBench").type == "dataset"
    assert gazetteer.lookup("P") is None


@pytest.mark.parametrize("kind", ["model", "dataset", "method"])
def test_each_curated_name_is_written_once(kind):
    # tools/build_gazetteers.py keeps a name's first line: a second one, with its aliases, would be dropped unseen
    text = resources.files("paperkg.extractors").joinpath("data", f"curated_{kind}s.tsv").read_text(encoding="utf-8")
    names = [line.split("\t")[0].strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    assert [name for name in names if names.count(name) > 1] == []


@pytest.mark.parametrize(
    "token,expected",
    [
        ("SpecPrefill", True),
        ("OffCEM", True),
        ("TextHawk2", True),
        ("MoE-X", True),
        ("H3", True),
        ("Q-Former", True),
        ("VideoLLM-MoD", True),
        ("GPT-4o", True),
        ("Language", False),
        ("TTFT", False),
        ("LLMs", False),
        ("337K", False),
        ("3D", False),
        ("BERT-based", False),
        ("Vision-Language", False),
        ("Fine-Tuning", False),
        ("H100", False),
        # a name that opens with its dimension is read by what follows "3D"
        ("4DiM", True),
        ("3D-RoPE", True),
        ("2DGS-Room", True),
        ("3DoF", False),  # degrees of freedom, not "oF" (a "6DoF" never reads as a dimension)
        ("3D-CNN", False),
        ("3DGS-based", False),
        ("8x22B", False),  # a mixture of experts' size, a name only beside its family's ("Mixtral 8x7B")
    ],
)
def test_name_shapes(token, expected):
    assert is_name_like(token) is expected


@pytest.mark.parametrize(
    "text,start_end,expected",
    [
        ("better than GPT-4/3.5 on", (12, 17), ["GPT-3.5"]),
        ("T5 Base, Large, and XL models", (0, 7), ["T5 Large", "T5 XL"]),
        ("on CIFAR-10/100.", (3, 11), ["CIFAR-100"]),
        ("on CIFAR-10 and", (3, 11), []),
    ],
)
def test_enumerated_siblings(text, start_end, expected):
    assert [name for name, _, _ in siblings(text, *start_end)] == expected


def test_size_suffixed_names_are_models():
    text = "serves Llama-3.1-405B-Instruct-FP8. Mistral-7B and Qwen3-235B-A22B, not AM-Thinking-v1."
    assert [s.text for s in size_suffixed_models(text)] == ["Llama-3.1-405B-Instruct-FP8", "Mistral-7B", "Qwen3-235B-A22B"]


@pytest.mark.parametrize(
    "title,name,kind",
    [
        ("SpecPrefill: Turbocharging TTFT with Token Importance", "SpecPrefill", None),
        ("Yi: Open Foundation Models by 01.AI", "Yi", "model"),
        ("CSPRD: A Financial Policy Retrieval Dataset for Chinese Stock Market", "CSPRD", "dataset"),
        ("CodecLM: Aligning Language Models with Tailored Synthetic Data", "CodecLM", None),
        ("Any2Caption:Interpreting Any Condition to Caption", "Any2Caption", None),
        ("$γ-$MoD: Exploring Mixture-of-Depth Adaptation", "$γ-$MoD", None),
    ],
)
def test_title_names(title, name, kind):
    found = title_name(title)
    assert found is not None and (found.name, found.type) == (name, kind)


@pytest.mark.parametrize(
    "title",
    [
        "A Survey on Mixture of Experts",
        "MM-LLMs: Recent Advances in MultiModal Large Language Models",
        "Pre-train, Prompt, and Predict: A Systematic Survey of Prompting Methods",
        "Less is More: Fewer Tokens Suffice",
        "Let the Expert Stick to His Last: Expert-Specialized Fine-Tuning",
        "Forward $χ^2$ Divergence Based Variational Importance Sampling",
    ],
)
def test_titles_without_a_system_name(title):
    assert title_name(title) is None


@pytest.mark.parametrize(
    "name,family,size,variant",
    [
        ("Qwen2.5-32B-Instruct", "Qwen2.5", "32B", "Instruct"),
        ("Llama-3.1-405B-Instruct-FP8", "Llama-3.1", "405B", "Instruct-FP8"),
        ("Mistral-7B", "Mistral", "7B", None),
        ("Mixtral 8x7B", "Mixtral", "8x7B", None),
        ("T5 XL", "T5", "XL", None),
        ("GPT-4o", "GPT-4o", None, None),
    ],
)
def test_model_names(name, family, size, variant):
    parsed = parse_model_name(name)
    assert (parsed.family, parsed.size, parsed.variant) == (family, size, variant)


@pytest.mark.parametrize(
    "sentence,name,kind,known,role",
    [
        ("In this paper, we propose SpecPrefill, a training-free framework.", "SpecPrefill", "method", False, "introduces"),
        ("We call this architecture a Pointer Net.", "Pointer Net", "method", False, "introduces"),
        ("Our model outperforms DeepSeek-R1 on math.", "DeepSeek-R1", "model", True, "compares"),
        ("It is 3x faster than FlashAttention-2 here.", "FlashAttention-2", "method", True, "compares"),
        ("Experiments on LiveCodeBench show large gains.", "LiveCodeBench", "dataset", True, "evaluates_on"),
        ("We fine-tune Mistral-7B with our data.", "Mistral-7B", "model", True, "uses"),
        ("Models such as GPT-4 are popular.", "GPT-4", "model", True, "mentions"),
        ("We propose a method built on ImageNet features.", "ImageNet", "dataset", True, "uses"),
        # a data set after a comparison is where it was run; a data set compared stays compared
        ("Our method outperforms PPO by 5% on GSM8K.", "GSM8K", "dataset", True, "evaluates_on"),
        ("It surpasses Llama3-70B on MATH and ARC-Challenge.", "ARC-Challenge", "dataset", True, "evaluates_on"),
        ("For example, we see a 19% improvement on MMLU.", "MMLU", "dataset", True, "evaluates_on"),
        ("It offers tighter confidence intervals than MT-Bench.", "MT-Bench", "dataset", True, "compares"),
        ("Compared to counterparts (e.g., MMC4, OBELICS), our data is larger.", "OBELICS", "dataset", True, "compares"),
        # further along a comparison's list; not a model that is the setting, nor after "over"/"than" of no comparison
        ("It outperforms the strongest proprietary models such as Claude Opus 4.5 and Gemini 3 Pro by 40%.",
         "Gemini 3 Pro", "model", True, "compares"),
        ("SAGE outperforms GRPO by 2.0 points on Llama-3.2-3B-Instruct and 1.2 points on Qwen2.5-7B-Instruct.",
         "Qwen2.5-7B-Instruct", "model", True, "mentions"),
        ("Over the course, we have open-sourced a series of models, including ChatGLM-6B.", "ChatGLM-6B", "model", True,
         "mentions"),
        # what the presented work is built upon is another's, unless called new
        ("In this paper, we present TAPTRv3, which is built upon TAPTRv2 to improve it.", "TAPTRv2", "model", False,
         "uses"),
        ("We present UniT, a unified model built upon a novel Group Autoregressive Transformer.",
         "Group Autoregressive Transformer", "method", False, "introduces"),
    ],
)
def test_roles(sentence, name, kind, known, role):
    assert decide_role(sentence, sentence.index(name), entity_type=kind, known=known).role == role


def test_a_name_called_a_baseline_is_compared():
    sentence = "It brings a zero-to-one leap for the Qwen-Image baseline on Mind-Bench."
    start = sentence.index("Qwen-Image")
    decision = decide_role(sentence, start, entity_type="model", known=True, end=start + len("Qwen-Image"))
    assert decision.role == "compares"


def test_sentences_do_not_break_after_abbreviations():
    text = "We use e.g. GPT-4. Chen et al. (2017) agree. It works! Done"
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "We use e.g. GPT-4.",
        "Chen et al. (2017) agree.",
        "It works!",
        "Done",
    ]


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [("We fold our new model, ZorbNet, into a pipeline.", "ZorbNet", "model"),
     ("We fold our new dataset, ZorbSet, into a pipeline.", "ZorbSet", "dataset")],
)
def test_a_kind_before_a_presented_name_types_the_candidate_it_marks(text, name, kind):
    # one span both presents and types a name already found: the name gets both, not the mark alone
    [candidate] = [c for c in find_candidates(text, default_gazetteer()).candidates if c.text == name]
    assert candidate.introduced and candidate.type == kind
