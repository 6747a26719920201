"""Text captures of Hugging Face "trending papers" pages.

Two layouts are seen: blank-line separated blocks under a header of page chrome (``new``,
``Subscribe``, ``byAK and the research community``, a date like ``Mar 11``), and one line per
field with the first title glued to ``Subscribe`` ("SubscribeSpeculative Prefill: ...").
Both reduce to the same thing once blank lines and chrome are dropped: title, abstract, title,
abstract... The pairing below checks each line's shape so that a record missing its abstract is
skipped on its own instead of shifting every record after it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from paperkg.model import Paper, Skip, SourceRef
from paperkg.sources.text import one_line

CHROME_LINES = frozenset(
    {
        "new",
        "subscribe",
        "get trending papers in your email inbox!",
        "get trending papers in your email inbox once a day!",
        "byak and the research community",
        "trending papers",
        "daily papers",
    }
)
_DATE_LINE = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}(?:, \d{4})?$",
    re.IGNORECASE,
)
_GLUED_SUBSCRIBE = re.compile(r"^Subscribe(?=\S)")
_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z0-9(]")
# An abstract is long prose; a title is short. Seen: titles up to 174 characters, abstracts from
# 523. The bounds leave room on both sides for other pages.
_ABSTRACT_MIN_CHARS = 250
_TITLE_MAX_CHARS = 300


@dataclass(frozen=True, slots=True)
class _Line:
    number: int
    text: str


def looks_like_chrome(text: str) -> bool:
    """True for page furniture that is never a title or an abstract."""
    return text.casefold() in CHROME_LINES or bool(_DATE_LINE.match(text))


def looks_like_abstract(text: str) -> bool:
    """True for prose: long, or several sentences."""
    if len(text) >= _ABSTRACT_MIN_CHARS:
        return True
    return len(text) > 80 and len(_SENTENCE_BREAK.findall(text)) >= 2


def looks_like_title(text: str) -> bool:
    return len(text) <= _TITLE_MAX_CHARS and not looks_like_abstract(text)


def sniff(text: str) -> bool:
    """True when ``text`` reads like a trending-papers capture."""
    head = [line.strip() for line in text.splitlines()[:12] if line.strip()]
    return any(looks_like_chrome(line) or _GLUED_SUBSCRIBE.match(line) for line in head)


def _content_lines(text: str) -> list[_Line]:
    """Non-blank lines without the page chrome, with the glued ``Subscribe`` cut off."""
    lines: list[_Line] = []
    in_header = True
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if looks_like_chrome(line):
            continue
        if in_header and _GLUED_SUBSCRIBE.match(line):
            # Only the page header glues "Subscribe" to the first title; a later title that
            # starts with the word is kept as written.
            line = line[len("Subscribe") :]
        in_header = False
        lines.append(_Line(number, line))
    return lines


def read_hf_text(text: str, name: str) -> Iterator[Paper | Skip]:
    """Papers (and skipped records) of one capture, in file order."""
    lines = _content_lines(text)
    index = 0
    while index < len(lines):
        current = lines[index]
        following = lines[index + 1] if index + 1 < len(lines) else None
        after = lines[index + 2] if index + 2 < len(lines) else None
        source = SourceRef(name, current.number)
        if not looks_like_title(current.text):
            yield Skip(source, "text without a title before it (an abstract with its title missing?)")
            index += 1
            continue
        if following is None:
            yield Skip(source, "truncated last record: a title with no abstract after it")
            break
        if after is None and not (looks_like_abstract(following.text) or _ends_like_prose(following.text)):
            yield Skip(source, "truncated last record: its abstract is cut short or missing")
            break
        # A short line after a title is still its abstract, unless it is itself followed by an
        # abstract: then it is the next title and the current record lost its abstract.
        if looks_like_title(following.text) and after is not None and looks_like_abstract(after.text):
            yield Skip(source, f"abstract missing for title {current.text[:60]!r}")
            index += 1
            continue
        yield Paper(title=one_line(current.text), abstract=one_line(following.text), sources=(source,))
        index += 2


def _ends_like_prose(text: str) -> bool:
    return text.rstrip().endswith((".", "!", "?"))
