#!/usr/bin/env python3
"""Mine names of models and datasets, with their type, from how papers write about them.

    python tools/mine_corpus_names.py --corpus ../shared/corpus/hf_daily [--report mined.txt]

The hand-written gazetteers know the famous names; new papers keep naming the long tail
(benchmarks such as "VBench" or "MathVerse", checkpoints such as "InternVL2"). Papers type those
names for the reader as they write: "the X benchmark", "X, a large-scale dataset for ...",
"benchmarks such as X, Y and Z", "X-7B", "models like X and Y". This script reads the titles
and abstracts of an unlabeled corpus (the Hugging Face daily-papers listings), finds name-shaped
tokens, and lets each such context vote for a type. Votes are counted per DISTINCT paper: a name
is kept only when at least two papers type it (more when the only evidence is weak, such as
"results on X" or a name ending in "Bench") and one type has a clear majority. That is what
makes the list carry over to future papers: a name coined and typed by one paper is never kept.

Precision comes first. Dropped are: names a higher-priority gazetteer already has, the project's
list of non-entities (extractors/data/not_entities.tsv), generic class words, ordinary words
(the lower-case form is common in the corpus), acronyms of classes and tasks (defined by a
lower-case long form, as in "vision-language-action (VLA)", or used in the plural, as "VLAs"),
and model names with a parameter count (the size pattern finds those; their family is kept).

Writes extractors/data/gazetteer_mined.tsv (type, name, aliases; sorted, deterministic) and
prints a report with each kept name's votes (papers per type and per strength) to stderr or to
--report. The corpus itself is never copied: only the names and their types ship.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from paperkg.extractors.abbreviations import find_abbreviations  # noqa: E402
from paperkg.extractors.candidates import split_sentences  # noqa: E402
from paperkg.extractors.gazetteer import DATA_FILES, WORD, Gazetteer, is_phrase, read_entries  # noqa: E402
from paperkg.extractors.patterns import (  # noqa: E402
    DATASET_TAIL,
    MODEL_TAIL,
    NAME_TOKEN,
    SIZE_WORDS,
    VARIANT_WORDS,
    is_name_like,
    type_from_appositive,
)
from paperkg.extractors.resolve import GENERIC_WORDS, not_entities  # noqa: E402
from paperkg.model import match_key  # noqa: E402
from paperkg.sources.text import one_line  # noqa: E402

OUT = ROOT / "extractors" / "data" / "gazetteer_mined.tsv"
MINED_FILE = "gazetteer_mined.tsv"
SOURCE = (
    "mined from the Hugging Face daily-papers corpus (titles and abstracts, GitHub "
    "2404589803/hf-daily-paper-newsletter-chinese via shared/corpus/hf_daily), tools/mine_corpus_names.py"
)
LICENCE = "Apache-2.0 (corpus); the list of names and types is derived data under the same licence"
TYPES = ("model", "dataset", "method", "other")  # "other": tasks, fields, tools ("CAD generation")
_GROUP_TYPES = ("dataset", "model", "method", "other")  # the order of the context patterns' groups

# -- thresholds (distinct papers) ---------------------------------------------------------------
MIN_STRONG_PAPERS = 2  # papers with a strong context for the winning type ...
MIN_STRONG_WITH_WEAK = 1  # ... or this many strong papers plus weak ones up to MIN_ANY_PAPERS
MIN_ANY_PAPERS = 2
MIN_WEAK_PAPERS = 3  # ... or only weak contexts ("results on X", "XBench") in this many papers
MIN_SHORT_ACRONYM_PAPERS = 3  # strong papers for an acronym of 2-3 letters ("GTA", "CAD")
MIN_NAME_LENGTH = 3  # "O1": a casing of a listed name, or a fragment
LIST_MIN_KNOWN = 2  # known names of one type that type the other names of a list
MIN_SHARE = 0.8  # the winning type's share of all typed papers
MIN_ORDINARY_PAPERS = 3  # a word seen in lower case in this many papers is an ordinary word
MIN_CLASS_PAPERS = 2  # an acronym in the plural or defined in lower case in this many papers
EMITTED_TYPES = ("model", "dataset")  # method votes only keep techniques from being typed as data

# -- contexts -----------------------------------------------------------------------------------
_DATASET_HEADS = r"benchmarks?|datasets?|data\s?sets?|corpus|corpora|suite|leaderboard|testbed|test\s?sets?"
_MODEL_HEADS = r"models?|LLMs?|MLLMs?|VLMs?|LVLMs?|LMMs?|LRMs?|LMs?|checkpoints?|model\s+family|series"
_METHOD_HEADS = r"methods?|algorithms?|framework|approach|technique|loss|objective|optimizer|paradigm|strategy"
_OTHER_HEADS = (
    r"tasks?|generation|problems?|domains?|applications?|signals?|recordings?|scans?|software|library|toolkit|"
    r"platform|engine|format|files?|company|team|lab|users?|workflows?|pipelines?"
)
_HEAD_AFTER = re.compile(
    rf"\s*-?\s*(?:({_DATASET_HEADS})|({_MODEL_HEADS})|({_METHOD_HEADS})|({_OTHER_HEADS}))\b(?!-)", re.IGNORECASE
)
_DATA_AFTER = re.compile(r"\s+data\b(?!-)")
_ENUM_BEFORE = re.compile(
    rf"\b(?:({_DATASET_HEADS})|({_MODEL_HEADS}|baselines?\s+models?|backbones?)|(methods|algorithms|approaches|techniques))"
    r"\s*[,(]?\s*(?:such\s+as|like|including|e\.g\.,?|for\s+example,?|for\s+instance,?|namely|:)\s*$",
    re.IGNORECASE,
)
_EVAL_BEFORE = re.compile(
    r"\b(?:evaluat\w*|experiments?|results|performance|accuracy|tested|scores?|achiev\w*|outperform\w*|"
    r"state-of-the-art|SOTA|gains?|improvements?)\b[^.;:]{0,40}?\b(?:on|across)\s+(?:the\s+)?(?:challenging\s+)?$"
)
_SPACE_SIZE_AFTER = re.compile(r"\s\d+(?:\.\d+)?[BM]\b")
_COORDINATION = re.compile(r"^\s*(?:,|/|&|and|or|,\s*and|,\s*or)\s*$")
_TOKEN = re.compile(rf"(?<![\w\-./@'’^$\\{{}}_~])({NAME_TOKEN})(?![\w@]|-\w|\.\w)")
_SIZE_PART = re.compile(r"-(?:\d+(?:\.\d+)?[BMKT]|\d+x\d+(?:\.\d+)?[BMK]|A\d+(?:\.\d+)?B)\b")
_ACRONYM = re.compile(r"^[A-Z]{2,8}$")
# Modality pairs name tasks ("T2I", "I2V", "T2A"), not models or data sets.
_TASK_SHAPE = re.compile(r"^[A-Z]{1,3}2[A-Z]{1,3}$")
_PLURAL_DATASET_HEAD = re.compile(r"\s*-?\s*(?:benchmarks|datasets|corpora)\b", re.IGNORECASE)
_CAPITALISED = re.compile(r"^[A-Z][a-z]{2,}$")
_LOWER_WORD = re.compile(r"(?<![\w-])[a-z]{3,}(?![\w-])")
# Name shapes that speak for a type on their own (weak: one vote, never enough alone).
_DATASET_SHAPE = re.compile(r"(?:Bench|bench|Arena|Eval|QA|Corpus)$|-\d+[KkM]$")
_MODEL_SHAPE = re.compile(r"-(?:Instruct|Chat|VL|Coder|R1|Base|it|Omni|Thinking|Distill)$")
# Parts of a hyphenated token that make it a description, not a name ("GPT-style").
_MODIFIER_TAIL = re.compile(
    r"-(?:[a-z]+|(?i:like|style|based|level|aware|free|guided|driven|only|specific|centric|oriented|wise|scale|"
    r"inspired|enhanced|augmented|powered|native|compatible|generated|tuned|trained))$"
)
# Words that name a size or variant of a model or data set, never a whole name ("Lite", "Sonnet").
_PART_WORDS = frozenset((SIZE_WORDS + "|" + VARIANT_WORDS + "|Eval|Bench|Verified|Hard|Easy").split("|"))
# Seen in "X models" / "X benchmarks" contexts without being names of one model or data set.
DENYLIST = frozenset(
    {
        "AI", "AGI", "ML", "DL", "NLP", "CV", "IR", "RL", "SFT", "RLHF", "RLVR", "CoT", "RAG", "QA", "VQA", "MoE",
        "ASR", "TTS", "OCR", "GUI", "GUIs", "LLM", "SOTA", "API", "IoT", "AR", "VR", "XR", "NeRF", "3DGS", "KV",
        "US", "UK", "EU", "USA", "GPT", "ChatGPT", "Wikipedia", "Internet", "Web", "English", "Chinese",
        "Arabic", "Japanese", "Korean", "French", "German", "Spanish", "Hindi", "Russian", "Python", "Lean",
        "Copilot", "SMPL", "SMPL-X", "Objaverse-XL",
    }
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Paper:
    """One corpus record: its arXiv id, title and abstract."""

    id: str
    title: str
    abstract: str


@dataclass
class Votes:
    """Distinct papers typing one name, per type and strength, and the casings seen."""

    strong: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    weak: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    casings: Counter = field(default_factory=Counter)

    def papers(self, kind: str) -> set[str]:
        return self.strong[kind] | self.weak[kind]


# -- reading ------------------------------------------------------------------------------------


def load_papers(corpus: Path) -> list[Paper]:
    """Every record of the corpus once (by arXiv id), in id order."""
    papers: dict[str, Paper] = {}
    for path in sorted(corpus.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        records = data.get("data", []) if isinstance(data, dict) else data
        for record in records:
            paper = record.get("paper", record) if isinstance(record, dict) else None
            if not isinstance(paper, dict) or not paper.get("id"):
                continue
            title = one_line(paper.get("title") or record.get("title") or "")
            abstract = one_line(paper.get("summary") or "")
            papers.setdefault(str(paper["id"]), Paper(str(paper["id"]), title, abstract))
    return [papers[key] for key in sorted(papers)]


def sentences(paper: Paper) -> Iterator[tuple[str, bool]]:
    """(sentence, is the title) of one paper."""
    yield paper.title, True
    for start, end in split_sentences(paper.abstract):
        yield paper.abstract[start:end], False


# -- names --------------------------------------------------------------------------------------


def name_key(name: str) -> str:
    """The key names are grouped under: their words joined, lower-cased (as the matcher joins them)."""
    return "".join(m.group(0) for m in WORD.finditer(name)).lower()


def is_candidate(token: str, sentence_start: bool) -> bool:
    """Shaped like a name: coined ("MathVista", "GSM8K"), an acronym ("MMLU") or, mid-sentence, a
    capitalised word ("Gemini"). Descriptions ("GPT-style") and quantities are not."""
    core = token.rstrip("+")
    if len(core) < 2 or not core[0].isalpha() or _MODIFIER_TAIL.search(core) or core in _PART_WORDS:
        return False
    if is_name_like(core):
        return True
    if _ACRONYM.match(core):
        return True
    return not sentence_start and bool(_CAPITALISED.match(core))


def split_size(token: str) -> tuple[str, bool]:
    """(family, True) for a name with a parameter count ("InternVL2-8B" -> "InternVL2"), else (token, False)."""
    size = _SIZE_PART.search(token)
    if size is None:
        return token, False
    for match in re.finditer(r"-", token[: size.start() + 1]):
        if MODEL_TAIL.fullmatch(token, match.start()):
            return token[: match.start()], True
    return token[: size.start()], True


def tokens(sentence: str, title: bool = False) -> list[tuple[int, int, str]]:
    """Candidate names of one sentence: (start, end, token).

    A capitalised word counts only inside a sentence of running text, standing alone: not at the
    start, not in a title (titles capitalise every word), not next to another capitalised word
    ("Claude 3.5 Sonnet", "Tanks and Temples" are longer names this miner does not cut apart)."""
    found = []
    for match in _TOKEN.finditer(sentence):
        token = match.group(1)
        plain = title or _CAPITALISED.match(token) is not None and _in_capitalised_run(sentence, match.start(1), match.end(1))
        if is_candidate(token, sentence_start=plain or not sentence[: match.start()].strip()):
            found.append((match.start(1), match.end(1), token))
    return found


_WORD_BEFORE = re.compile(r"([\w.\-]+)\s+(?:(?:and|of|&)\s+)?$")
_WORD_AFTER = re.compile(r"\s+(?:(?:and|of|&)\s+)?([\w.\-]+)")


def _in_capitalised_run(sentence: str, start: int, end: int) -> bool:
    before = _WORD_BEFORE.search(sentence, 0, start)
    after = _WORD_AFTER.match(sentence, end)
    return any(m is not None and (m.group(1)[:1].isupper() or m.group(1)[:1].isdigit()) for m in (before, after))


def coordinated(sentence: str, found: list[tuple[int, int, str]], index: int, step: int) -> list[int]:
    """Indexes of the names listed with ``found[index]`` ("X, Y and Z"), walking back (-1) or on (+1)."""
    chain = [index]
    while 0 <= chain[-1] + step < len(found):
        a, b = sorted((chain[-1], chain[-1] + step))
        if not _COORDINATION.match(sentence[found[a][1] : found[b][0]]):
            break
        chain.append(chain[-1] + step)
    return chain


# -- votes --------------------------------------------------------------------------------------


def sentence_votes(sentence: str, title: bool = False) -> Iterator[tuple[str, str, str, bool]]:
    """(token, name, type, strong) for every typing context of one sentence."""
    found = tokens(sentence, title)
    for i, (start, end, token) in enumerate(found):
        name, sized = split_size(token)
        if sized or _SPACE_SIZE_AFTER.match(sentence, end):
            yield token, name, "model", True
        if _MODEL_SHAPE.search(token):
            yield token, name, "model", False
        if _DATASET_SHAPE.search(token):
            yield token, name, "dataset", False
        head = _HEAD_AFTER.match(sentence, end)
        if head:
            kind = _GROUP_TYPES[[g is not None for g in head.groups()].index(True)]
            chain = coordinated(sentence, found, i, -1)
            if len(chain) == 1 and _PLURAL_DATASET_HEAD.match(sentence, end):
                yield token, name, "other", False  # "VideoQA benchmarks": a task, not one data set
                continue
            for j in chain:
                yield found[j][2], split_size(found[j][2])[0], kind, True
        elif _DATA_AFTER.match(sentence, end):
            yield token, name, "dataset", False
        appositive = type_from_appositive(sentence, end)
        if appositive:
            yield token, name, appositive, True
        if i == 0 or not _COORDINATION.match(sentence[found[i - 1][1] : start]):
            yield from list_votes(sentence, found, i)
        before = sentence[max(0, start - 80) : start]
        enum = _ENUM_BEFORE.search(before)
        evaluated = _EVAL_BEFORE.search(before)
        if enum or evaluated:
            kind = _GROUP_TYPES[[g is not None for g in enum.groups()].index(True)] if enum else "dataset"
            for j in coordinated(sentence, found, i, +1):
                yield found[j][2], split_size(found[j][2])[0], kind, bool(enum)


def list_votes(sentence: str, found: list[tuple[int, int, str]], first: int) -> Iterator[tuple[str, str, str, bool]]:
    """Names listed with names the other gazetteers know take their type: lists are of one kind
    ("GPT-4o, Claude and X"). Strong when two known names of that type are in the list."""
    chain = coordinated(sentence, found, first, +1)
    if len(chain) < 2:
        return
    kinds = [known_type(found[j][2]) for j in chain]
    typed = Counter(k for k in kinds if k)
    if len(typed) != 1:
        return
    kind, n = typed.most_common(1)[0]
    for j, known in zip(chain, kinds, strict=True):
        if known is None and n >= LIST_MIN_KNOWN:
            yield found[j][2], split_size(found[j][2])[0], kind, n >= 2


@cache
def known_type(token: str) -> str | None:
    """The type the other gazetteers give a token, its family or its name without a size."""
    gazetteer = known_gazetteer()
    for form in (token, split_size(token)[0], family(token, "model"), family(token, "dataset")):
        entry = gazetteer.lookup(form)
        if entry is not None:
            return entry.type
    return None


def collect_votes(papers: Iterable[Paper]) -> dict[str, Votes]:
    """Votes per name key over all papers (each paper counts once per name, type and strength)."""
    votes: dict[str, Votes] = defaultdict(Votes)
    for paper in papers:
        for sentence, title in sentences(paper):
            for _token, name, kind, strong in sentence_votes(sentence, title):
                entry = votes[name_key(name)]
                (entry.strong if strong else entry.weak)[kind].add(paper.id)
                entry.casings[name] += 1
    return votes


# -- filters ------------------------------------------------------------------------------------


def lower_word_papers(papers: Iterable[Paper]) -> Counter:
    """Papers each lower-case word occurs in: a name that is also a common word is dropped."""
    counts: Counter = Counter()
    for paper in papers:
        counts.update(set(_LOWER_WORD.findall(f"{paper.title} {paper.abstract}")))
    return counts


def class_acronyms(papers: Iterable[Paper]) -> set[str]:
    """Acronyms of classes and tasks: used in the plural ("VLAs") or defined by a lower-case long
    form ("vision-language-action (VLA)") in more papers than by a capitalised one."""
    plural: Counter = Counter()
    lower: Counter = Counter()
    upper: Counter = Counter()
    for paper in papers:
        text = f"{paper.title}. {paper.abstract}"
        plural.update({m.group(1) for m in re.finditer(r"\b([A-Z][A-Za-z]*[A-Z])s\b", text)})
        for abbreviation in find_abbreviations(text):
            first = abbreviation.long.split()[0] if abbreviation.long.split() else ""
            (lower if first[:1].islower() else upper)[abbreviation.short] += 1
    found = {name for name, n in plural.items() if n >= MIN_CLASS_PAPERS}
    # Only plain acronyms: benchmarks are often defined in lower case ("... benchmark (VSI-Bench)").
    found |= {name for name, n in lower.items() if n > upper[name] and _ACRONYM.match(name)}
    return found


@cache
def known_gazetteer() -> Gazetteer:
    """Every shipped gazetteer but the mined one: a name they know keeps their type."""
    return Gazetteer(entry for filename in DATA_FILES if filename != MINED_FILE for entry in read_entries(filename))


def is_generic(name: str, stop: frozenset[str]) -> bool:
    words = [w.lower() for w in re.split(r"[\s-]+", name) if w]
    return match_key(name) in stop or all(w in GENERIC_WORDS for w in words) or name in DENYLIST


def is_ordinary(name: str, lower_words: Counter) -> bool:
    """All letters and the lower-case form common in the corpus ("Transformer", "Table")."""
    parts = [p for p in re.split(r"-", name) if p]
    return all(p.isalpha() for p in parts) and all(lower_words[p.lower()] >= MIN_ORDINARY_PAPERS for p in parts)


# -- decisions ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Mined:
    type: str
    name: str
    aliases: tuple[str, ...]
    strong: int
    weak: int
    others: str


def decide(votes: Votes, min_strong: int = MIN_STRONG_PAPERS) -> str | None:
    """The type most distinct papers give the name, if enough papers and a clear majority do."""
    counted = {kind: len(votes.papers(kind)) for kind in TYPES}
    total = sum(counted.values())
    if not total:
        return None
    kind = max(TYPES, key=lambda k: (counted[k], len(votes.strong[k]), -TYPES.index(k)))
    strong = len(votes.strong[kind])
    if counted[kind] / total < MIN_SHARE:
        return None
    if strong >= min_strong or (strong >= MIN_STRONG_WITH_WEAK and counted[kind] >= max(MIN_ANY_PAPERS, min_strong)):
        return kind
    if counted[kind] >= max(MIN_WEAK_PAPERS, min_strong):
        return kind
    return None


def casing(votes: Votes) -> tuple[str, tuple[str, ...]]:
    """The majority spelling and, as aliases, other spellings the exact matcher would miss."""
    ranked = sorted(votes.casings.items(), key=lambda item: (-item[1], item[0]))
    name = ranked[0][0]
    aliases = tuple(
        sorted(s for s, n in ranked[1:] if n >= 2 and not (is_phrase(s) and is_phrase(name)) and name_key(s) == name_key(name))
    )
    return name, aliases


def family(name: str, kind: str) -> str:
    """The family name a longer one extends ("CIFAR-10" -> "CIFAR", "InternVL2-Instruct" -> "InternVL2")."""
    tail = MODEL_TAIL if kind == "model" else DATASET_TAIL
    for match in re.finditer(r"[-\s]", name):
        if tail.fullmatch(name, match.start()):
            return name[: match.start()]
    return name


def mine(papers: list[Paper]) -> list[Mined]:
    votes = collect_votes(papers)
    lower_words = lower_word_papers(papers)
    classes = class_acronyms(papers)
    known = known_gazetteer()
    stop = not_entities()
    known_types = {name_key(form): entry.type for entry in known.entries for form in (entry.name, *entry.aliases)}
    kept: dict[str, Mined] = {}
    for key in sorted(votes):
        entry = votes[key]
        name, aliases = casing(entry)
        short_acronym = len(name) <= 3 and name.isalpha() and name.isupper()
        kind = decide(entry, MIN_SHORT_ACRONYM_PAPERS if short_acronym else MIN_STRONG_PAPERS)
        if kind not in EMITTED_TYPES or known_types.get(key, kind) != kind:
            continue  # too little evidence, or a listed name in another spelling with another type
        if (
            known.lookup(name) is not None
            or len(name) < MIN_NAME_LENGTH
            or _TASK_SHAPE.match(name)
            or not is_candidate(name, sentence_start=False)
            or is_generic(name, stop)
            or is_ordinary(name, lower_words)
            or name in classes
            or name.rstrip("s") in classes
            or split_size(name)[1]
        ):
            continue
        others = ", ".join(f"{k}={len(entry.papers(k))}" for k in TYPES if k != kind and entry.papers(k))
        kept[key] = Mined(kind, name, aliases, len(entry.strong[kind]), len(entry.weak[kind] - entry.strong[kind]), others)
    return [m for m in kept.values() if not _extends_known(m, kept, known)]


def _extends_known(mined: Mined, kept: dict[str, Mined], known: Gazetteer) -> bool:
    """A longer name whose family is already listed with its type: the matcher extends the family."""
    base = family(mined.name, mined.type)
    if base == mined.name or len(base) < 2:
        return False
    entry = known.lookup(base)
    other = kept.get(name_key(base))
    return (entry is not None and entry.type == mined.type) or (other is not None and other.type == mined.type)


# -- output -------------------------------------------------------------------------------------


def write_tsv(rows: list[Mined], path: Path) -> None:
    lines = [f"# source: {SOURCE}", f"# licence: {LICENCE}", "type\tname\taliases"]
    for row in sorted(rows, key=lambda r: (r.type, r.name.lower(), r.name)):
        lines.append(f"{row.type}\t{row.name}\t{'|'.join(row.aliases)}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def report(rows: list[Mined], papers: int) -> str:
    counts = Counter(r.type for r in rows)
    lines = [f"{papers} papers; kept {len(rows)} names: " + ", ".join(f"{k} {counts[k]}" for k in EMITTED_TYPES)]
    lines.append("type\tname\tstrong papers\tweak-only papers\tother types")
    for row in sorted(rows, key=lambda r: (r.type, -r.strong, r.name)):
        lines.append(f"{row.type}\t{row.name}\t{row.strong}\t{row.weak}\t{row.others}")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "hf_daily")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--report", type=Path, help="write the vote counts of the kept names here (default: stderr)")
    args = parser.parse_args()
    papers = load_papers(args.corpus)
    rows = mine(papers)
    write_tsv(rows, args.out)
    text = report(rows, len(papers))
    if args.report:
        args.report.write_text(text, encoding="utf-8")
        print(text.splitlines()[0], file=sys.stderr)
    else:
        sys.stderr.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
