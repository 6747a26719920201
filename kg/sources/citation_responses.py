"""Saved citation responses -> citation records: Semantic Scholar Graph API ``references`` /
``citations`` responses and paper objects, and OpenAlex works (one, or a ``results`` list).

Semantic Scholar's references and citations responses do not name the paper they are about
(``{"data": [{"citedPaper": {...}}], "next": ...}``); the caller says which (``subject``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from paperkg.errors import InputError
from paperkg.model import Skip, SourceRef, normalize_title, parse_arxiv_id
from paperkg.sources.json_items import load_json
from paperkg.sources.text import one_line

S2, OPENALEX = "s2", "openalex"
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class PaperRef:
    """A paper as a citation source names it: any of arXiv id, title and the source's own id."""

    title: str = ""
    arxiv_id: str | None = None
    external_id: str | None = None  # "s2:<paperId>" or "openalex:W..."
    url: str | None = None
    key: str | None = None  # a graph key given directly (the subject paper)


@dataclass(frozen=True, slots=True)
class CitationRecord:
    citing: PaperRef
    cited: PaperRef
    source: str  # "s2" or "openalex"
    where: SourceRef


@dataclass(frozen=True, slots=True)
class Described:
    """A paper a response describes in its own right (an OpenAlex work, a Semantic Scholar paper
    object), whether or not it lists citations: it can complete a stub."""

    ref: PaperRef
    source: str
    where: SourceRef


def detect(document: Any) -> str | None:
    """Which kind of response a parsed document is, or None."""
    if isinstance(document, dict):
        if isinstance(document.get("data"), list):
            return "s2-list"
        if "referenced_works" in document or isinstance(document.get("results"), list):
            return "openalex"
        if "paperId" in document:
            return "s2-paper"
    if isinstance(document, list) and document and all(isinstance(d, dict) and "paperId" in d for d in document):
        return "s2-paper"
    return None


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, dict) else {}


def _string(value: Any) -> str:
    """Text of an id or title field: strings as they are, numbers written out, anything else ''."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)  # a broken escape cannot be stored as UTF-8
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value) if abs(value) < 1e30 else ""
    return ""


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []


def read_citations(text: str, name: str, *, subject: PaperRef | None = None) -> Iterator[CitationRecord | Described | Skip]:
    """Citation records of one saved response (or of OpenAlex works as JSON Lines); items of the
    wrong shape come out as Skips."""
    from paperkg.sources import openalex

    if openalex.sniff(text) and not _one_document(text):
        # OpenAlex works as JSON Lines (a snapshot's works files, or `kg build`'s openalex input)
        from paperkg.sources.jsonl import json_objects

        for item in json_objects(enumerate(text.split("\n"), start=1), name):
            if isinstance(item, Skip):
                yield item
            else:
                yield from _openalex_work(item[1], item[0])
        return
    document = load_json(text, name)
    kind = detect(document)
    where = SourceRef(name, 1)
    if kind == "s2-list":
        yield from _s2_list(document, name, subject)
    elif kind == "s2-paper":
        for paper in document if isinstance(document, list) else [document]:
            yield from _s2_paper(paper, where)
    elif kind == "openalex":
        results = document.get("results")
        for index, work in enumerate(results if isinstance(results, list) else [document]):
            if isinstance(work, dict):
                yield from _openalex_work(work, where)
            else:
                yield Skip(SourceRef(name, index + 1), f"an OpenAlex work is {type(work).__name__}, expected an object")
    else:
        raise InputError(
            f"{name}:1: not a Semantic Scholar references/citations response or an OpenAlex work; "
            "save the API's JSON answer as it came"
        )


def _one_document(text: str) -> bool:
    try:
        load_json(text, "")
    except InputError:
        return False
    return True


def s2_ref(paper: Mapping[str, Any]) -> PaperRef:
    ids = _mapping(paper.get("externalIds"))
    arxiv = parse_arxiv_id(_string(ids.get("ArXiv"))) if ids.get("ArXiv") else None
    paper_id = _string(paper.get("paperId")).strip()
    return PaperRef(
        title=one_line(_string(paper.get("title"))),
        arxiv_id=arxiv,
        external_id=f"s2:{paper_id}" if paper_id else None,
        url=f"https://www.semanticscholar.org/paper/{paper_id}" if paper_id else None,
    )


def _s2_list(document: Mapping[str, Any], name: str, subject: PaperRef | None) -> Iterator[CitationRecord | Skip]:
    data = document["data"]
    if not data:
        return
    sample = next((item for item in data if isinstance(item, dict)), {})
    direction = "references" if "citedPaper" in sample else "citations" if "citingPaper" in sample else None
    if direction is None:
        raise InputError(f"{name}:1: items hold neither citedPaper nor citingPaper; ask Semantic Scholar for those fields")
    if subject is None:
        raise InputError(
            f"{name}: a Semantic Scholar {direction} response does not say which paper it is about; "
            "pass --paper (key, arXiv id or title)"
        )
    for index, item in enumerate(data):
        where = SourceRef(name, index + 1)
        other = item.get("citedPaper" if direction == "references" else "citingPaper") if isinstance(item, dict) else None
        if other is None:
            continue  # Semantic Scholar's way of saying it does not know the paper
        if not isinstance(other, dict):
            yield Skip(where, f"item {index + 1} is {type(other).__name__}, expected a paper object")
            continue
        ref = s2_ref(other)
        if direction == "references":
            yield CitationRecord(subject, ref, S2, where)
        else:
            yield CitationRecord(ref, subject, S2, where)


def _s2_paper(paper: Any, where: SourceRef) -> Iterator[CitationRecord | Described | Skip]:
    if not isinstance(paper, dict):
        yield Skip(where, f"a Semantic Scholar paper is {type(paper).__name__}, expected an object")
        return
    me = s2_ref(paper)
    yield Described(me, S2, where)
    for cited in _list(paper.get("references")):
        if isinstance(cited, dict):
            yield CitationRecord(me, s2_ref(cited), S2, where)
    for citing in _list(paper.get("citations")):
        if isinstance(citing, dict):
            yield CitationRecord(s2_ref(citing), me, S2, where)


def openalex_id(value: str) -> str:
    return value.rstrip("/").rsplit("/", 1)[-1].upper()


def openalex_ref(work: Mapping[str, Any]) -> PaperRef:
    ids = _mapping(work.get("ids"))
    arxiv = None
    for candidate in (ids.get("arxiv"), ids.get("doi"), work.get("doi")):
        if isinstance(candidate, str) and "arxiv" in candidate.lower():
            arxiv = parse_arxiv_id(candidate.lower().rsplit("arxiv.", 1)[-1]) or parse_arxiv_id(candidate)
            if arxiv:
                break
    raw_id = (_string(work.get("id")) or _string(ids.get("openalex"))).strip()
    return PaperRef(
        title=one_line(_string(work.get("title")) or _string(work.get("display_name"))),
        arxiv_id=arxiv,
        external_id=f"openalex:{openalex_id(raw_id)}" if raw_id and openalex_id(raw_id) else None,
        url=raw_id or None,
    )


def _openalex_work(work: Mapping[str, Any], where: SourceRef) -> Iterator[CitationRecord | Described]:
    me = openalex_ref(work)
    yield Described(me, OPENALEX, where)
    for cited in _list(work.get("referenced_works")):
        if isinstance(cited, str) and cited.strip() and openalex_id(cited.strip()):
            yield CitationRecord(me, PaperRef(external_id=f"openalex:{openalex_id(cited)}", url=cited), OPENALEX, where)


def ref_norm_title(ref: PaperRef) -> str:
    return normalize_title(ref.title) if ref.title else ""
