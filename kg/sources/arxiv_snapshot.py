"""The arXiv metadata snapshot (Kaggle's ``arxiv-metadata-oai-snapshot.json``): one JSON object per
line with ``id``, ``title``, ``abstract``, ``authors`` as one string, ``authors_parsed``,
``categories`` (space-separated), ``versions`` ([{version, created}]) and ``update_date``.

Titles and abstracts keep the line breaks of the submission ("Attention Is All\\n  You Need");
they are joined back into one line. The publication date is the first version's date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from email.utils import parsedate_to_datetime
from typing import Any

from paperkg.model import Paper, Skip, SourceRef, own_ids, parse_arxiv_id
from paperkg.sources.jsonl import first_value, numbered_lines, papers_of_objects
from paperkg.sources.text import one_line

# Keys only the snapshot's records have together (generic JSONL has id/title/abstract too).
_SNAPSHOT_KEYS = ("versions", "authors_parsed", "update_date")
_AUTHOR_SPLIT = re.compile(r",\s*|\s+and\s+")


def sniff(text: str) -> bool:
    """True when the first non-blank line is a snapshot record."""
    record = first_value(text.split("\n"))
    return isinstance(record, dict) and "id" in record and any(key in record for key in _SNAPSHOT_KEYS)


def read_arxiv_snapshot(text: str, name: str) -> Iterator[Paper | Skip]:
    """Papers (and skipped records) of a snapshot held in memory."""
    return read_arxiv_snapshot_lines(numbered_lines(text), name)


def read_arxiv_snapshot_lines(lines: Iterable[tuple[int, str]], name: str) -> Iterator[Paper | Skip]:
    """Papers (and skipped records) of a snapshot read line by line, in file order."""
    return papers_of_objects(lines, name, paper_from_record)


def paper_from_record(record: Mapping[str, Any], source: SourceRef) -> Paper | Skip:
    """A Paper from one snapshot record, or the reason it is unusable."""
    title = one_line(record.get("title"))
    abstract = one_line(record.get("abstract"))
    raw_id = one_line(record.get("id"))
    arxiv_id = parse_arxiv_id(raw_id)
    if not title:
        return Skip(source, f"empty title (arXiv id {raw_id!r})")
    if not abstract:
        return Skip(source, f"abstract missing for title {title[:60]!r}")
    if not arxiv_id:
        return Skip(source, f"id {raw_id!r} is not an arXiv identifier")
    return Paper(
        title=title,
        abstract=abstract,
        sources=(source,),
        arxiv_id=arxiv_id,
        authors=_authors(record),
        published=first_version_date(record.get("versions")) or one_line(record.get("update_date")) or None,
        url=f"https://arxiv.org/abs/{arxiv_id}",
        categories=tuple(one_line(record.get("categories")).split()),
        ids=own_ids(one_line(record.get("doi"))),  # a journal DOI; the arXiv id is the key
    )


def first_version_date(versions: object) -> str | None:
    """``YYYY-MM-DD`` of the first version ("Mon, 2 Apr 2007 19:18:42 GMT" -> "2007-04-02")."""
    if not isinstance(versions, list) or not versions or not isinstance(versions[0], dict):
        return None
    created = versions[0].get("created")
    if not isinstance(created, str):
        return None
    try:
        return parsedate_to_datetime(created).date().isoformat()
    except (TypeError, ValueError):
        return None


def _authors(record: Mapping[str, Any]) -> tuple[str, ...]:
    """Names as "First Last": from ``authors_parsed`` ([last, first, suffix]) when present, else
    the ``authors`` string split at commas and "and"."""
    parsed = record.get("authors_parsed")
    names: list[str] = []
    if isinstance(parsed, list) and parsed:
        for parts in parsed:
            if isinstance(parts, list) and parts:
                last, first, suffix = ([one_line(p) for p in parts] + ["", ""])[:3]
                names.append(" ".join(p for p in (first, last, suffix) if p))
    else:
        names = [part.strip() for part in _AUTHOR_SPLIT.split(one_line(record.get("authors")))]
    return tuple(dict.fromkeys(n for n in names if n))
