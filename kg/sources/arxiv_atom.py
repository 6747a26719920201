"""arXiv API Atom feeds (``export.arxiv.org/api/query``): one paper per ``<entry>``.

The entry id ``http://arxiv.org/abs/2501.05874v2`` gives the arXiv id without its version; title,
summary, authors, published date, categories and links are kept. The API reports a bad query as
a feed with one entry titled "Error"; that becomes an error naming the file and the message.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from paperkg.errors import InputError
from paperkg.model import Paper, Skip, SourceRef, own_ids, parse_arxiv_id
from paperkg.sources.text import one_line

ATOM = "{http://www.w3.org/2005/Atom}"
ARXIV = "{http://arxiv.org/schemas/atom}"
_ENTRY_TAG = re.compile(r"<(?:\w+:)?entry[\s>]")


def sniff(text: str) -> bool:
    head = text.lstrip()[:600]
    return head.startswith("<") and "http://www.w3.org/2005/Atom" in head and "<feed" in head


def _text(element: ET.Element | None) -> str:
    return one_line(element.text) if element is not None else ""


def read_arxiv_atom(text: str, name: str) -> Iterator[Paper | Skip]:
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        line, column = exc.position
        raise InputError(f"{name}:{line}: not a well-formed Atom feed ({exc.msg.split(':')[0]} at column {column}); "
                         "fetch it again or fix the file") from None
    if root.tag != f"{ATOM}feed":
        raise InputError(f"{name}:1: expected an Atom <feed>, found <{root.tag.split('}')[-1]}>; is this an arXiv API response?")
    lines = [text.count("\n", 0, m.start()) + 1 for m in _ENTRY_TAG.finditer(text)]
    for index, entry in enumerate(root.findall(f"{ATOM}entry")):
        source = SourceRef(name, lines[index] if index < len(lines) else 1)
        entry_id = _text(entry.find(f"{ATOM}id"))
        if "/api/errors" in entry_id:
            raise InputError(f"{source}: the arXiv API answered with an error: {_text(entry.find(f'{ATOM}summary'))}")
        yield paper_from_entry(entry, source)


def paper_from_entry(entry: ET.Element, source: SourceRef) -> Paper | Skip:
    title = _text(entry.find(f"{ATOM}title"))
    abstract = _text(entry.find(f"{ATOM}summary"))
    if not title:
        return Skip(source, "entry without a title")
    if not abstract:
        return Skip(source, f"summary missing for title {title[:60]!r}")
    entry_id = _text(entry.find(f"{ATOM}id"))
    arxiv_id = parse_arxiv_id(entry_id)
    authors = tuple(a for a in (_text(author.find(f"{ATOM}name")) for author in entry.findall(f"{ATOM}author")) if a)
    categories = tuple(c.get("term", "") for c in entry.findall(f"{ATOM}category") if c.get("term"))
    primary = entry.find(f"{ARXIV}primary_category")
    if primary is not None and primary.get("term") in categories:
        categories = (primary.get("term"), *(c for c in categories if c != primary.get("term")))
    abs_url = next((link.get("href") for link in entry.findall(f"{ATOM}link")
                    if link.get("rel") == "alternate" and link.get("href")), None)
    return Paper(
        title=title,
        abstract=abstract,
        sources=(source,),
        arxiv_id=arxiv_id,
        authors=authors,
        published=_text(entry.find(f"{ATOM}published"))[:10] or None,
        url=abs_url or (f"https://arxiv.org/abs/{arxiv_id}" if arxiv_id else None),
        ids=own_ids(entry_id),
        categories=categories,
    )
