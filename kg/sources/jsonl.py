"""JSON Lines: one paper per line (``id``, ``title``, ``abstract``, optional ``arxiv_id``, ``doi``,
``authors``, ``published``, ``url``).

The record's own ``id`` (and ``doi``) stay with the paper as its ``ids`` whatever they are
("acme-0001", a DOI, an OpenReview id), so the paper can be named by them later; an arXiv id (in
``id``, ``arxiv_id`` or an arXiv ``url``) gives the paper its key."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from paperkg.model import Paper, Skip, SourceRef, own_ids, parse_arxiv_id


def sniff(text: str) -> bool:
    """True when the first non-blank line is a JSON object on its own."""
    for line in text.splitlines():
        if line.strip():
            try:
                return isinstance(json.loads(line), dict)
            except ValueError:
                return False
    return False


def read_jsonl(text: str, name: str) -> Iterator[Paper | Skip]:
    """Papers (and skipped records) of one JSONL file, in file order."""
    return read_jsonl_lines(enumerate(text.split("\n"), start=1), name)


def read_jsonl_lines(lines: Iterable[tuple[int, str]], name: str) -> Iterator[Paper | Skip]:
    """Papers (and skipped records) from numbered lines read lazily."""
    for item in json_objects(lines, name):
        yield item if isinstance(item, Skip) else paper_from_mapping(item[1], item[0])


def json_objects(lines: Iterable[tuple[int, str]], name: str) -> Iterator[tuple[SourceRef, dict] | Skip]:
    """(where, object) for each non-blank line holding a JSON object, or why the line is skipped.

    A line that does not parse is "not valid JSON", unless it is the last line with content: then
    the file was cut short ("truncated last record"). One line of look-ahead tells them apart.
    """
    pending: tuple[int, str] | None = None
    for number, line in lines:
        if not line.strip():
            continue
        if pending is not None:
            yield _parse_line(*pending, name, last=False)
        pending = (number, line)
    if pending is not None:
        yield _parse_line(*pending, name, last=True)


def _parse_line(number: int, line: str, name: str, *, last: bool) -> tuple[SourceRef, dict] | Skip:
    source = SourceRef(name, number)
    try:
        record = json.loads(line)
    except ValueError as exc:
        reason = "truncated last record" if last else "not valid JSON"
        return Skip(source, f"{reason} ({exc.msg} at column {exc.colno})")
    if not isinstance(record, dict):
        return Skip(source, f"expected a JSON object, found {type(record).__name__}")
    return source, record


def paper_from_mapping(record: dict, source: SourceRef) -> Paper | Skip:
    """A Paper from a flat mapping with title/abstract fields, or the reason it is unusable."""
    title = _text(record.get("title"))
    abstract = _text(record.get("abstract") or record.get("summary"))
    if not title:
        return Skip(source, "empty title")
    if not abstract:
        return Skip(source, f"abstract missing for title {title[:60]!r}")
    raw_id = _text(record.get("id") or record.get("arxiv_id"))
    arxiv_id = parse_arxiv_id(raw_id) or parse_arxiv_id(_text(record.get("url")))
    authors = record.get("authors") or ()
    if isinstance(authors, str):
        authors = [part.strip() for part in authors.split(",")]
    return Paper(
        title=title,
        abstract=abstract,
        sources=(source,),
        arxiv_id=arxiv_id,
        authors=tuple(_author_name(a) for a in authors if _author_name(a)),
        published=_text(record.get("published")) or None,
        url=_text(record.get("url")) or None,
        ids=own_ids(raw_id, _text(record.get("doi"))),
    )


def _author_name(author: object) -> str:
    if isinstance(author, dict):
        return _text(author.get("name"))
    return _text(author)


def _text(value: object) -> str:
    """Strip strings; other values (numbers, None) become their text or ''."""
    if value is None:
        return ""
    if isinstance(value, str):
        return " ".join(value.split()) if "\n" in value else value.strip()
    return str(value).strip()
