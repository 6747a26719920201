"""Hugging Face papers API JSON: ``/api/daily_papers`` lists (items ``{"paper": {...}, ...}``) and
``/api/papers/{id}`` objects (the paper itself).

Some fields (``githubRepo``, ``projectPage``, ``ai_keywords``, ``summary``) sit in the item or in
``paper`` depending on the endpoint and its version; both places are read, ``paper`` first.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from paperkg.errors import InputError
from paperkg.model import Paper, Skip, SourceRef, own_ids, parse_arxiv_id
from paperkg.sources.json_items import WrongType, array_items, load_json, text_field, text_list_field

LINK_FIELDS = ("githubRepo", "projectPage")


def _looks_like_paper(value: Any) -> bool:
    return isinstance(value, dict) and (
        isinstance(value.get("paper"), dict) or ("title" in value and ("summary" in value or "publishedAt" in value))
    )


def sniff(text: str) -> bool:
    """A JSON array of daily-papers items or one paper object, as the API returns them."""
    start = text.lstrip()[:1]
    if start not in ("[", "{"):
        return False
    try:
        document = load_json(text, "")
    except InputError:
        # A broken JSON document (a truncated download) is still ours to report, unless its first
        # line is a whole object: then it is JSON Lines.
        from paperkg.sources.jsonl import sniff as jsonl_sniff

        return not jsonl_sniff(text)
    if isinstance(document, list):
        return bool(document) and all(_looks_like_paper(item) for item in document[:5])
    return _looks_like_paper(document)


def read_hf_api(text: str, name: str) -> Iterator[Paper | Skip]:
    document = load_json(text, name)
    if isinstance(document, dict):
        yield paper_from_item(document, SourceRef(name, 1))
        return
    if not isinstance(document, list):
        yield Skip(SourceRef(name, 1), f"expected a list of papers or one paper object, found {type(document).__name__}")
        return
    for line, item in array_items(text):
        if not isinstance(item, dict):
            yield Skip(SourceRef(name, line), f"expected a JSON object, found {type(item).__name__}")
            continue
        yield paper_from_item(item, SourceRef(name, line))


def _field(item: Mapping[str, Any], paper: Mapping[str, Any], name: str) -> Any:
    value = paper.get(name)
    return value if value not in (None, "", []) else item.get(name)


def _text(item: Mapping[str, Any], paper: Mapping[str, Any], name: str) -> str:
    return text_field({name: _field(item, paper, name)}, name)


def paper_from_item(item: Mapping[str, Any], source: SourceRef) -> Paper | Skip:
    """A Paper from a daily-papers item or a paper object (fields from ``paper`` win); a field of
    the wrong JSON type skips the record, naming the field."""
    try:
        return _paper_from_item(item, source)
    except WrongType as exc:
        return Skip(source, f"{exc}; fix the record or leave the field out")


def _paper_from_item(item: Mapping[str, Any], source: SourceRef) -> Paper | Skip:
    paper = item.get("paper") if isinstance(item.get("paper"), dict) else item
    title = _text(item, paper, "title")
    abstract = _text(item, paper, "summary")
    if not title:
        return Skip(source, "empty title")
    if not abstract:
        return Skip(source, f"summary missing for title {title[:60]!r}")
    raw_id = text_field(paper, "id")
    arxiv_id = parse_arxiv_id(raw_id)
    authors = text_list_field(paper, "authors")
    keywords = text_list_field({"ai_keywords": _field(item, paper, "ai_keywords")}, "ai_keywords")
    upvotes = paper.get("upvotes")
    links = tuple(
        (field, url) for field in LINK_FIELDS if (url := _text(item, paper, field)).lower().startswith(("http://", "https://"))
    )
    published = _text(item, paper, "publishedAt")
    return Paper(
        title=title,
        abstract=abstract,
        sources=(source,),
        arxiv_id=arxiv_id,
        authors=authors,
        published=published[:10] or None,
        url=f"https://huggingface.co/papers/{arxiv_id}" if arxiv_id else None,
        ids=own_ids(raw_id),
        upvotes=upvotes if isinstance(upvotes, int) and not isinstance(upvotes, bool) else None,
        keywords=keywords,
        links=links,
    )
