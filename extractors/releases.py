"""Releases of one name: a stem and its version or tier ("Orient Anything" + "V2", "Arcee Trinity" +
"Large"), and where a text names another release of the same stem ("Trinity Nano")."""

from __future__ import annotations

import re
from collections.abc import Iterator

# What follows a stem to make one release of it: a version ("V2", "2.0") or a tier ("Nano", "Pro").
_TIERS = "Nano|Mini|Micro|Tiny|Small|Medium|Large|Pro|Max|Ultra|Lite|Flash|Plus|Turbo|Air"
_RELEASE = rf"(?:[Vv]\d+(?:\.\d+)*|\d+(?:\.\d+)+|{_TIERS})"
_RELEASE_WORD = re.compile(_RELEASE)
_TIER = re.compile(_TIERS)
BARE_RELEASE = re.compile(r"[Vv]\d+(?:\.\d+)*")


def is_release(word: str) -> bool:
    """A version or a tier on its own ("V2", "2.0", "Pro"): a release of a name written before it."""
    return _RELEASE_WORD.fullmatch(word) is not None


def release_parts(name: str) -> tuple[str, str] | None:
    """(stem, release) of a name that ends in a release: "Arcee Trinity Large" -> ("Arcee Trinity", "Large")."""
    stem, _, release = name.rpartition(" ")
    if not stem or not _RELEASE_WORD.fullmatch(release) or not any(ch.isalpha() for ch in stem):
        return None
    return stem.rstrip(), release


_RELEASE_AT = re.compile(rf"\s+{_RELEASE}(?![\w-])")


def releases_after(text: str, stem: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each "<stem> <release>" in ``text`` ("Trinity Nano" for the stem "Trinity")."""
    for start in occurrences(text, stem):
        release = _RELEASE_AT.match(text, start + len(stem))
        if release:
            yield start, release.end()


def tier_sibling(name: str, own: str) -> bool:
    """"Trinity Nano" is a tier of the presented "Arcee Trinity Large" (a version is not: "V1" came before)."""
    mine, theirs = release_parts(name), release_parts(own)
    if mine is None or theirs is None or not (_TIER.fullmatch(mine[1]) and _TIER.fullmatch(theirs[1])):
        return False
    return theirs[0] == mine[0] or theirs[0].endswith(" " + mine[0])


def occurrences(text: str, word: str) -> Iterator[int]:
    """Where ``word`` stands in ``text`` as a whole word, left to right without overlaps: the starts of
    ``re.finditer(rf"(?<![\\w-]){re.escape(word)}(?![\\w-])", text)``, found without compiling a
    pattern per word (a name differs from paper to paper, so re's cache would not help)."""
    position = text.find(word)
    while position >= 0:
        end = position + len(word)
        if not (position > 0 and _glued(text[position - 1])) and not (end < len(text) and _glued(text[end])):
            yield position
            position = text.find(word, end)
        else:
            position = text.find(word, position + 1)


def _glued(char: str) -> bool:
    """A character that makes a word go on: what ``[\\w-]`` matches."""
    return char.isalnum() or char in "_-"


_VARIANT_TAIL = re.compile(r"-[A-Z0-9][\w.]*?(?:-[A-Za-z0-9][\w.]*?)*(?=[.,;:]?(?:\s|$)|[)\]])")


def dash_variants(text: str, name: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each "<name>-<Word or number>..." token in ``text`` ("Covo-Audio-Chat-FD" of "Covo-Audio")."""
    position = text.find(name + "-")
    while position >= 0:
        if not (position > 0 and (_glued(text[position - 1]) or text[position - 1] in "/.@")):  # not inside a URL
            tail = _VARIANT_TAIL.match(text, position + len(name))
            if tail:
                yield position, tail.end()
        position = text.find(name + "-", position + 1)
