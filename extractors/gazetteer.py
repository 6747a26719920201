"""Known names of models, datasets and methods, matched in text whatever the separators.

Entries come from data files (extractors/data/gazetteer_*.tsv, each naming its source and
licence). A name is matched on its words joined without separators, so "Mixture-of-Experts",
"mixture of experts" and "Mixture of Experts" are one entry, and "GPT4" = "GPT-4" = "GPT 4".
Names spelled like ordinary words ("knowledge distillation") match case-blind; names with
capitals inside or digits ("BERT", "GPT-4", "XLM-R") match with their case, so that "Bert" the
name or "opt" the verb do not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

# A word: letters and digits, with dots inside numbers ("Qwen2.5", "3.1").
WORD = re.compile(r"[A-Za-z0-9\u00B5\u00C0-\u024F\u0370-\u03FF]+(?:\.\d+)*")
# What may stand between the words of one name.
_GAP = re.compile(r"^[\s\-‐‑–/·']{1,3}$|^\.\s$|^$")
_PHRASE_WORD = re.compile(r"^[A-Z]?[a-z]+$")
MAX_WORDS = 10
# Files in priority order: an earlier file decides a name's type.
DATA_FILES = (
    "gazetteer_curated.tsv",
    "gazetteer_opencompass.tsv",
    "gazetteer_lm_eval.tsv",
    "gazetteer_pwc_methods.tsv",
)


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer entity: its type, canonical name, aliases and where the entry comes from."""

    type: str
    name: str
    aliases: tuple[str, ...]
    source: str


@dataclass(frozen=True, slots=True)
class GazetteerMatch:
    start: int
    end: int
    entry: Entry

    def surface(self, text: str) -> str:
        return text[self.start : self.end]


def words_of(text: str) -> list[re.Match]:
    return list(WORD.finditer(text))


def is_phrase(name: str) -> bool:
    """Spelled like ordinary words: matched case-blind.

    Several words each all lower-case or capitalised ("Knowledge Distillation"), or one
    lower-case word ("dropout"). One capitalised word ("Pile", "Chameleon") keeps its case, or
    it would match the common word.
    """
    parts = [m.group(0) for m in WORD.finditer(name)]
    if len(parts) == 1:
        return parts[0].isalpha() and parts[0].islower()
    return bool(parts) and all(_PHRASE_WORD.match(p) for p in parts)


def _key(words: Iterable[str], fold: bool) -> str:
    joined = "".join(words)
    return joined.lower() if fold else joined


class Gazetteer:
    """Exact and case-blind lookup tables over entry names and aliases."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.exact: dict[str, Entry] = {}
        self.fold: dict[str, Entry] = {}
        self._first_exact: dict[str, int] = {}
        self._first_fold: dict[str, int] = {}
        self.entries: list[Entry] = []
        for entry in entries:
            self.add(entry)

    def add(self, entry: Entry) -> None:
        self.entries.append(entry)
        for form in (entry.name, *entry.aliases):
            parts = [m.group(0) for m in WORD.finditer(form)]
            if not parts or len(parts) > MAX_WORDS:
                continue
            fold = is_phrase(form)
            table, first = (self.fold, self._first_fold) if fold else (self.exact, self._first_exact)
            key = _key(parts, fold)
            if len(key) < 2:
                continue  # one letter is never a name on its own
            table.setdefault(key, entry)  # the first entry (higher-priority file) keeps a name
            head = parts[0].lower() if fold else parts[0]
            first[head] = max(first.get(head, 0), len(parts))

    def lookup(self, name: str) -> Entry | None:
        """The entry a name (or alias) belongs to, or None."""
        parts = [m.group(0) for m in WORD.finditer(name)]
        if not parts:
            return None
        found = self.exact.get(_key(parts, False)) or self.fold.get(_key(parts, True))
        if found is None and parts[-1].endswith("s") and len(parts[-1]) > 3:
            trimmed = [*parts[:-1], parts[-1][:-1]]
            found = self.exact.get(_key(trimmed, False)) or self.fold.get(_key(trimmed, True))
        return found

    def find(self, text: str, words: list[re.Match] | None = None) -> list[GazetteerMatch]:
        """Longest non-overlapping matches, left to right."""
        words = words if words is not None else words_of(text)
        found: list[GazetteerMatch] = []
        index, count = 0, len(words)
        first_exact, first_fold = self._first_exact, self._first_fold
        while index < count:
            word = words[index].group(0)
            span = max(first_exact.get(word, 0), first_fold.get(word.lower(), 0))
            match = self._longest(text, words, index, span) if span else None
            if match is None:
                index += 1
                continue
            found.append(match[0])
            index += match[1]
        return found

    def _longest(self, text: str, words: list[re.Match], index: int, span: int) -> tuple[GazetteerMatch, int] | None:
        parts = [words[index].group(0)]
        ends = [1]
        for offset in range(1, min(span, len(words) - index)):
            gap = text[words[index + offset - 1].end() : words[index + offset].start()]
            if not _GAP.match(gap):
                break
            parts.append(words[index + offset].group(0))
            ends.append(offset + 1)
        for n in reversed(ends):
            chosen = parts[:n]
            entry = self.exact.get(_key(chosen, False)) or self.fold.get(_key(chosen, True))
            if entry is None and chosen[-1].endswith("s") and len(chosen[-1]) > 3:
                trimmed = [*chosen[:-1], chosen[-1][:-1]]
                entry = self.exact.get(_key(trimmed, False)) or self.fold.get(_key(trimmed, True))
            if entry is not None:
                start, end = words[index].start(), words[index + n - 1].end()
                return GazetteerMatch(start, end, entry), n
        return None


def read_entries(filename: str) -> list[Entry]:
    """Entries of one gazetteer data file (``#`` lines name its source and licence)."""
    text = resources.files("extractors").joinpath("data", filename).read_text(encoding="utf-8")
    source = filename.removeprefix("gazetteer_").removesuffix(".tsv")
    entries = []
    for line in text.splitlines():
        if not line or line.startswith("#") or line.startswith("type\t"):
            continue
        kind, name, aliases = (line.split("\t") + ["", ""])[:3]
        entries.append(Entry(kind, name, tuple(a for a in aliases.split("|") if a), source))
    return entries


@cache
def default_gazetteer() -> Gazetteer:
    """All shipped gazetteer files, loaded once per process."""
    return Gazetteer(entry for filename in DATA_FILES for entry in read_entries(filename))
