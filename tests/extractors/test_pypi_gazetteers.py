"""The PyPI gazetteer readers and their name guard, on small wheels made here (no network)."""

from __future__ import annotations

import importlib.util
import sys
import zipfile
from pathlib import Path

import pytest

TOOLS = Path(__file__).resolve().parents[2] / "tools"
_spec = importlib.util.spec_from_file_location("pypi_gazetteers", TOOLS / "pypi_gazetteers.py")
pypi = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("pypi_gazetteers", pypi)  # dataclasses look their module up there
_spec.loader.exec_module(pypi)

COMMON = frozenset({"banking", "drop", "image", "places", "flowers", "encoder", "decoder", "time", "series", "transformer"})


@pytest.fixture
def guard():
    return pypi.NameGuard(COMMON, frozenset({"llm"}))


@pytest.mark.parametrize(
    "name,kept",
    [
        ("Banking", False),  # an ordinary word, capitalised
        ("flowers", False),  # a lower-case word would match case-blind
        ("SST", False),  # three letters: too many meanings
        ("ai", False),
        ("LLM", False),  # listed in not_entities
        ("Time Series Transformer", False),  # plain words, all common
        ("Encoder decoder", False),
        ("DROP", False),  # all capitals, but an English word: papers coin such acronyms
        ("V*Bench", False),  # the matcher would read it as "VBench"
        ("BANKING77", True),
        ("Places365", True),
        ("MathVista", True),
        ("Video-MME", True),
        ("Swin Transformer", True),  # "Swin" is not an English word
        ("Mistral", True),
        ("SWE_bench", False),
    ],
)
def test_name_guard(guard, name, kept):
    assert guard.matchable(name) is kept


def test_an_acronym_spelling_a_word_needs_two_registries():
    assert pypi.NameGuard(COMMON, frozenset(), frozenset({"drop"})).matchable("DROP")
    assert not pypi.NameGuard(COMMON, frozenset(), frozenset({"drop"})).matchable("Drop")


def _wheel(tmp_path: Path, files: dict[str, str]) -> object:
    path = tmp_path / "pkg-1.0-py3-none-any.whl"
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return pypi.Wheel(path)


def test_transformers_reads_pretty_names_without_heads(tmp_path):
    pairs = '[("llama", "LLaMA"), ("clip_text_model", "CLIPTextModel"), ("qwen2", "Qwen2")]'
    source = f"MODEL_NAMES_MAPPING = OrderedDict(\n    {pairs}\n)\n"
    wheel = _wheel(tmp_path, {"transformers/models/auto/configuration_auto.py": source})
    assert [name for _, name, _ in pypi.transformers(wheel)] == ["LLaMA", "Qwen2"]


def test_evalscope_and_lmms_eval_names(tmp_path):
    wheel = _wheel(
        tmp_path,
        {
            "evalscope/benchmarks/a.py": 'register(BenchmarkMeta(name="x", pretty_name="SWE-bench_Verified"))\n'
            'register(BenchmarkMeta(name="y", pretty_name="General-QA"))\n'
            'register(BenchmarkMeta(name="z", pretty_name="BhashaBench-V1 (Legal)"))\n',
            "lmms_eval/tasks/videomme/videomme.yaml": "dataset_path: lmms-lab/Video-MME\ntask: videomme\n",
            "lmms_eval/tasks/vcr/a.yaml": "dataset_path: vcr-org/VCR-wiki-en-easy-test\n",
            "lmms_eval/tasks/mme/a.yaml": "dataset_path: someone/MME-RealWorld-Lmms-eval\n",
        },
    )
    assert [name for _, name, _ in pypi.evalscope(wheel)] == ["SWE-bench Verified", "BhashaBench-V1"]
    assert sorted(name for _, name, _ in pypi.lmms_eval(wheel)) == ["MME-RealWorld", "Video-MME"]


def test_torchvision_drops_task_suffixes_and_helpers(tmp_path):
    imports = [("cifar", "CIFAR10"), ("voc", "VOCDetection"), ("folder", "ImageFolder"), ("kitti", "KittiFlow")]
    init = "".join(f"from .{module} import {name}\n" for module, name in imports)
    wheel = _wheel(tmp_path, {"torchvision/datasets/__init__.py": init})
    assert [name for _, name, _ in pypi.torchvision(wheel)] == ["CIFAR10", "VOCDetection", "Kitti"]


def test_timm_names_from_docstrings(tmp_path):
    wheel = _wheel(
        tmp_path,
        {
            "timm/models/cait.py": '"""Class-Attention in Image Transformers (CaiT)\n\nmore"""\n',
            "timm/models/convnext.py": '""" ConvNeXt\n"""\n',
            "timm/models/_helpers.py": '"""Helpers"""\n',
        },
    )
    assert pypi.timm(wheel) == [("model", "CaiT", []), ("model", "ConvNeXt", [])]


def test_helm_keeps_leaf_groups_spelled_like_names(tmp_path):
    schema = """metrics:
  - name: exact_match
    display_name: Exact match
run_groups:
  - name: core_scenarios
    display_name: Core Scenarios
    subgroups:
      - mmlu
  - name: mmlu
    display_name: MMLU (Massive Multitask Language Understanding)
    taxonomy:
      what: knowledge
  - name: virology
    display_name: Virology
  - name: blimp
    display_name: BLiMP
  - name: fleurs_fairness
    display_name: FLEURS Fairness
"""
    wheel = _wheel(tmp_path, {"helm/benchmark/static/schema_classic.yaml": schema})
    assert pypi.helm(wheel) == [
        ("dataset", "MMLU", ["Massive Multitask Language Understanding"]),
        ("dataset", "BLiMP", []),
    ]


def test_lm_eval_readme_headings(tmp_path):
    files = {
        "lm_eval/tasks/logiqa2/README.md": "# LogiQA 2.0\n\ntext",
        "lm_eval/tasks/blimp_nl/README.md": "# BLiMP-NL: A Corpus of Dutch Minimal Pairs\n",
        "lm_eval/tasks/c4/README.md": "# Colossal Clean Crawled Corpus(C4)\n",
        "lm_eval/tasks/template/README.md": "# Task-name\n",
        "lm_eval/tasks/mmmu/README.md": "# MMMU Benchmark\n",
    }
    wheel = _wheel(tmp_path, files)
    assert sorted(pypi.lm_eval_readmes(wheel)) == [
        ("dataset", "BLiMP-NL", ["A Corpus of Dutch Minimal Pairs"]),
        ("dataset", "C4", ["Colossal Clean Crawled Corpus"]),
        ("dataset", "LogiQA 2.0", []),
        ("dataset", "MMMU", []),
    ]


def test_mteb_benchmarks_and_english_tasks(tmp_path):
    source = """
MTEB_EN = Benchmark(name="MTEB(eng, v2)", tasks=get_tasks(tasks=["ArguAna", "Banking77Classification.v2", "QuoraRetrieval"]))
MTEB_FRA = Benchmark(name="MTEB(fra, v1)", tasks=get_tasks(tasks=["AlloprofRetrieval"]))
"""
    wheel = _wheel(tmp_path, {"mteb/benchmarks/benchmarks/benchmarks.py": source})
    assert [name for _, name, _ in pypi.mteb(wheel)] == ["MTEB", "ArguAna", "Banking77", "MTEB"]
