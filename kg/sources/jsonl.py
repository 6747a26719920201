"""JSON Lines: one paper per line (``id``, ``title``, ``abstract``, optional ``arxiv_id``, ``doi``,
``authors``, ``published``, ``url``).

The record's own ``id`` (and ``doi``) stay with the paper as its ``ids`` whatever they are
("acme-0001", a DOI, an OpenReview id), so the paper can be named by them later; an arXiv id (in
``id``, ``arxiv_id`` or an arXiv ``url``) gives the paper its key."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from paperkg.model import Paper, Skip, SourceRef, own_ids, parse_arxiv_id
from paperkg.sources.json_items import JSONProblem, WrongType, parse_json, text_field, text_list_field

MAX_RECORD_CHARS = 1_000_000


def sniff(text: str) -> bool:
    """True when the first non-blank line is a JSON object on its own."""
    return isinstance(first_value(text.splitlines()), dict)


def first_value(lines: Iterable[str]) -> Any:
    """The JSON value on the first non-blank line, or None when there is none or it is no JSON
    (what the JSON Lines formats' sniffers look at)."""
    for line in lines:
        if line.strip():
            try:
                return parse_json(line)
            except JSONProblem:
                return None
    return None


def read_jsonl(text: str, name: str) -> Iterator[Paper | Skip]:
    """Papers (and skipped records) of one JSONL file, in file order."""
    return read_jsonl_lines(numbered_lines(text), name)


def read_jsonl_lines(lines: Iterable[tuple[int, str]], name: str) -> Iterator[Paper | Skip]:
    """Papers (and skipped records) from numbered lines read lazily."""
    return papers_of_objects(lines, name, paper_from_mapping)


def numbered_lines(text: str) -> Iterable[tuple[int, str]]:
    """(line number, line) of a text held in memory, as the lazy readers get them from a file."""
    return enumerate(text.split("\n"), start=1)


def papers_of_objects(
    lines: Iterable[tuple[int, str]], name: str, paper_from: Callable[[Mapping[str, Any], SourceRef], Paper | Skip]
) -> Iterator[Paper | Skip]:
    """Papers (and skipped records) of a JSON Lines input, each object read by ``paper_from``
    (this format's records, an arXiv snapshot's, OpenAlex works), in file order."""
    for item in json_objects(lines, name):
        yield item if isinstance(item, Skip) else paper_from(item[1], item[0])


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
    if len(line) > MAX_RECORD_CHARS:
        return Skip(source, f"record of {len(line):,} characters is longer than the {MAX_RECORD_CHARS:,} kg reads")
    try:
        record = parse_json(line)
    except JSONProblem as exc:
        reason = "truncated last record" if last else "not valid JSON"
        return Skip(source, f"{reason} ({exc.msg} at column {exc.colno})")
    if not isinstance(record, dict):
        return Skip(source, f"expected a JSON object, found {type(record).__name__}")
    return source, record


def paper_from_mapping(record: dict, source: SourceRef) -> Paper | Skip:
    """A Paper from a flat mapping with title/abstract fields, or the reason it is unusable (a
    field of the wrong JSON type skips the record, naming the field)."""
    try:
        return _paper_from_mapping(record, source)
    except WrongType as exc:
        return Skip(source, f"{exc}; fix the record or leave the field out")


def _paper_from_mapping(record: dict, source: SourceRef) -> Paper | Skip:
    title = text_field(record, "title")
    abstract = text_field(record, "abstract") or text_field(record, "summary")
    if not title:
        return Skip(source, "empty title")
    if not abstract:
        return Skip(source, f"abstract missing for title {title[:60]!r}")
    raw_id = _id_text(record, "id") or _id_text(record, "arxiv_id")
    url = text_field(record, "url")
    arxiv_id = parse_arxiv_id(raw_id) or parse_arxiv_id(url)
    return Paper(
        title=title,
        abstract=abstract,
        sources=(source,),
        arxiv_id=arxiv_id,
        authors=text_list_field(record, "authors", split_commas=True),
        published=text_field(record, "published") or None,
        url=url or None,
        ids=own_ids(raw_id, text_field(record, "doi")),
    )


def _id_text(record: dict, field: str) -> str:
    """An id as text; a whole number is accepted as written (``"id": 42``), other types are wrong."""
    value = record.get(field)
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) < 10**30:
        return str(value)
    return text_field(record, field)
