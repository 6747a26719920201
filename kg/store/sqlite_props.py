"""How the embedded store keeps an extracted relationship's properties without repeating its paper.

An edge out of a paper (INTRODUCES, USES, HAS_REPO...) carries its evidence sentence, which is a
span of the paper's own title or abstract, and the paper's source list. Written out in full they
were a fifth of the file; stored once, the edge keeps only where they are:

- ``"evidence_at": [start, end]`` in place of ``"evidence"``: the sentence is
  ``substr(<paper's field>, start + 1, end - start)`` (characters, as Python slices count them);
- ``"sources_at": n`` in place of ``"sources"`` when the edge's list is the first n of the paper's
  (a paper's sources only grow at the end; a write that changes a paper's text or reorders its
  sources rewrites the edges out of it first, see ``SQLiteStore._keeping_edges``).

Readers get the full properties back (``expand``; SQL readers use ``EVIDENCE_SQL``), so what the
store returns is exactly what the Neo4j store returns. README.md ("The embedded store's file")
tells users of other SQLite tools the same.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

PAPER_FIELDS = ("title", "abstract")

# The evidence of edge ``{e}`` out of paper ``{p}``, in SQL: stored text, or its span of the paper's field.
EVIDENCE_SQL = (
    "coalesce(json_extract({e}.props, '$.evidence'), substr(json_extract({p}.props, '$.' || json_extract({e}.props, '$.field')), "
    "json_extract({e}.props, '$.evidence_at[0]') + 1, "
    "json_extract({e}.props, '$.evidence_at[1]') - json_extract({e}.props, '$.evidence_at[0]')))"
)
# What ``expand`` needs of the source node ``{p}``: its title, abstract and sources (NULL when not a paper).
PAPER_SQL = (
    "json_extract({p}.props, '$.title'), json_extract({p}.props, '$.abstract'), json_extract({p}.props, '$.sources')"
)


def evidence_sql(edge: str, paper: str) -> str:
    return EVIDENCE_SQL.format(e=edge, p=paper)


def paper_sql(paper: str) -> str:
    return PAPER_SQL.format(p=paper)


def compact(props: Mapping[str, Any], paper: Mapping[str, Any] | None) -> dict[str, Any]:
    """The properties to store for an edge out of ``paper`` (its properties; None: not a paper)."""
    if not paper:
        return dict(props)
    out: dict[str, Any] = {}
    for name, value in props.items():
        if name == "evidence" and isinstance(value, str) and value:
            span = _span(value, paper.get(props.get("field")) if props.get("field") in PAPER_FIELDS else None,
                         props.get("start"))
            if span is not None:
                out["evidence_at"] = span
                continue
        known = paper.get("sources") or []
        if name == "sources" and isinstance(value, list) and value and value == known[: len(value)]:
            out["sources_at"] = len(value)
            continue
        out[name] = value
    return out


def _span(sentence: str, text: Any, near: Any) -> list[int] | None:
    """Where the sentence is in the text (the occurrence around offset ``near`` first)."""
    if not isinstance(text, str) or "\x00" in text or "\x00" in sentence:
        return None  # the stored JSON drops NUL characters: offsets would not match
    at = -1
    if isinstance(near, int):
        at = text.rfind(sentence, 0, near + len(sentence))
        if at < 0 or at + len(sentence) < near:
            at = -1
    if at < 0:
        at = text.find(sentence)
    return None if at < 0 else [at, at + len(sentence)]


def text_moved(before: Mapping[str, Any], after: Mapping[str, Any]) -> bool:
    """Whether a paper's new properties would change what its edges' spans and prefixes read."""
    old_sources = list(before.get("sources") or [])
    return (before.get("title") != after.get("title") or before.get("abstract") != after.get("abstract")
            or list(after.get("sources") or [])[: len(old_sources)] != old_sources)


def expand(stored: str, title: str | None, abstract: str | None, sources: str | None) -> dict[str, Any]:
    """An edge's full properties from its stored JSON and its source paper (``PAPER_SQL`` columns)."""
    props = json.loads(stored)
    if "evidence_at" not in props and "sources_at" not in props:
        return props
    out: dict[str, Any] = {}
    for name, value in props.items():
        if name == "evidence_at":
            text = {"title": title, "abstract": abstract}.get(props.get("field")) or ""
            out["evidence"] = text[value[0] : value[1]]
        elif name == "sources_at":
            out["sources"] = (json.loads(sources) if sources else [])[:value]
        else:
            out[name] = value
    return out
