"""How the embedded store keeps an extracted relationship's properties without repeating its paper.

An edge out of a paper (INTRODUCES, USES, HAS_REPO...) carries its evidence sentence, which is a
span of the paper's own title or abstract, and the paper's source list. Written out in full they
were a fifth of the file; stored once, the edge keeps only where they are:

- ``"evidence_at": [start, end]`` in place of ``"evidence"``: the sentence is
  ``substr(<paper's field>, start + 1, end - start)`` (characters, as Python slices count them);
- ``"sources_at": n`` in place of ``"sources"`` when the edge's list is the first n of the paper's
  (a paper's sources only grow at the end; a write that changes a paper's text or reorders its
  sources rewrites the edges out of it first, see ``SQLiteStore._keeping_edges``).

A paper's abstract (half of a paper's bytes) is kept out of ``props``, compressed, in the node's
columns ``abstract_z`` and ``abstract_size`` (layout 4): zlib's format as SQLite's archive files
(sqlar) keep it, so the ``sqlite3`` shell reads it with its own ``sqlar_uncompress(abstract_z,
abstract_size)`` and Python with ``zlib.decompress`` (a text that zlib would not shrink is kept as
its UTF-8 bytes, with ``abstract_size`` equal to their length). The store's connections have the
same function, which the triggers use to index the text.

Readers get the full properties back (``expand``, ``node_props``, ``evidence_of``; in SQL alone,
``EVIDENCE_SQL`` and ``ABSTRACT_SQL``), so what the store returns is exactly what the Neo4j store returns.
README.md ("The embedded store's file") tells users of other SQLite tools the same.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Mapping
from typing import Any

PAPER_FIELDS = ("title", "abstract")

# The SQL function that reads a compressed abstract: the name and meaning of the sqlite3 shell's own.
UNCOMPRESS = "sqlar_uncompress"
# Python's str.lower in SQL (SQLite's lower() folds ASCII only): for an order that must match one made
# in Python or by Neo4j's toLower before a LIMIT cuts it.
UNICODE_LOWER = "paperkg_lower"
# A node's abstract in SQL: from its compressed columns, or from ``props`` where another tool wrote it there.
ABSTRACT_SQL = (
    f"coalesce(CAST({UNCOMPRESS}({{n}}.abstract_z, {{n}}.abstract_size) AS TEXT), json_extract({{n}}.props, '$.abstract'))"
)
# The evidence of edge ``{e}`` out of paper ``{p}`` in SQL alone (as README.md gives it to users of the
# sqlite3 shell): stored text, or its span of the paper's field.
EVIDENCE_SQL = (
    "coalesce(json_extract({e}.props, '$.evidence'), substr(iif(json_extract({e}.props, '$.field') = 'abstract', "
    "{abstract}, json_extract({p}.props, '$.' || json_extract({e}.props, '$.field'))), "
    "json_extract({e}.props, '$.evidence_at[0]') + 1, "
    "json_extract({e}.props, '$.evidence_at[1]') - json_extract({e}.props, '$.evidence_at[0]')))"
)
# What ``evidence_of`` needs to give edge ``{e}``'s evidence (8 columns): read as stored, the
# abstract decompressed in Python and only for the rows a query keeps.
EVIDENCE_PARTS_SQL = (
    "json_extract({e}.props, '$.evidence'), json_extract({e}.props, '$.field'), json_extract({e}.props, '$.evidence_at[0]'), "
    "json_extract({e}.props, '$.evidence_at[1]'), json_extract({p}.props, '$.title'), {p}.abstract_z, {p}.abstract_size, "
    "json_extract({p}.props, '$.abstract')"
)
# What ``expand`` needs of the source node ``{p}``: its title, abstract (as stored: decompressed
# only when an evidence span needs it) and sources (NULL when not a paper).
PAPER_SQL = (
    "json_extract({p}.props, '$.title'), {p}.abstract_z, {p}.abstract_size, json_extract({p}.props, '$.abstract'), "
    "json_extract({p}.props, '$.sources')"
)


def abstract_sql(node: str) -> str:
    return ABSTRACT_SQL.format(n=node)


def evidence_sql(edge: str, paper: str) -> str:
    return EVIDENCE_SQL.format(e=edge, p=paper, abstract=abstract_sql(paper))


def evidence_parts_sql(edge: str, paper: str) -> str:
    return EVIDENCE_PARTS_SQL.format(e=edge, p=paper)


def evidence_of(text: str | None, field: str | None, start: int | None, end: int | None, title: str | None,
                abstract_z: bytes | None, abstract_size: int | None, abstract: str | None) -> str | None:
    """An edge's evidence from its ``EVIDENCE_PARTS_SQL`` columns (what ``EVIDENCE_SQL`` gives)."""
    if text is not None or start is None or end is None:
        return text
    if field == "title":
        source = title
    elif field == "abstract":
        source = abstract if abstract_z is None else uncompress(abstract_z, abstract_size)
    else:
        source = None
    return None if source is None else source[start:end]


def paper_sql(paper: str) -> str:
    return PAPER_SQL.format(p=paper)


def compress_abstract(text: str) -> tuple[bytes, int]:
    """(``abstract_z``, ``abstract_size``) of an abstract: zlib's stream, or the UTF-8 bytes
    themselves when zlib would not make them smaller (as sqlar_compress does)."""
    raw = text.encode("utf-8")
    packed = zlib.compress(raw)  # level 9 saves nothing on abstracts (717.03 against 717.04 B) and costs 8% more time
    return (packed if len(packed) < len(raw) else raw), len(raw)


def uncompress(data: bytes | str | None, size: int | None) -> str | None:
    """The text of ``abstract_z``: what the shell's ``sqlar_uncompress`` reads, as text."""
    if data is None:
        return None
    if isinstance(data, str):
        return data  # written as text by another tool
    if not size or size <= 0 or size == len(data):
        return data.decode("utf-8", "replace")
    return zlib.decompress(data).decode("utf-8", "replace")


def add_functions(conn: sqlite3.Connection) -> None:
    """The SQL functions the schema's triggers and readers use (the sqlite3 shell has its own ``sqlar_uncompress``)."""
    conn.create_function(UNCOMPRESS, 2, uncompress, deterministic=True)
    conn.create_function(UNICODE_LOWER, 1, _unicode_lower, deterministic=True)


def _unicode_lower(text: Any) -> Any:
    return text.lower() if isinstance(text, str) else text


def stored_node(label: str, props: Mapping[str, Any]) -> tuple[dict[str, Any], bytes | None, int | None]:
    """(properties for ``props``, ``abstract_z``, ``abstract_size``) of a node to write."""
    abstract = props.get("abstract")
    if label != "Paper" or not isinstance(abstract, str):
        return dict(props), None, None
    rest = {name: value for name, value in props.items() if name != "abstract"}
    return rest, *compress_abstract(abstract.replace("\x00", ""))


def node_props(stored: str, abstract_z: bytes | None = None, abstract_size: int | None = None) -> dict[str, Any]:
    """A node's full properties from its ``props`` JSON and its compressed abstract."""
    props = json.loads(stored) if stored else {}
    if abstract_z is not None:
        props["abstract"] = uncompress(abstract_z, abstract_size)
    return props


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


def expand(stored: str, title: str | None, abstract_z: bytes | None, abstract_size: int | None,
           abstract: str | None, sources: str | None) -> dict[str, Any]:
    """An edge's full properties from its stored JSON and its source paper (``PAPER_SQL`` columns)."""
    props = json.loads(stored)
    if "evidence_at" not in props and "sources_at" not in props:
        return props
    out: dict[str, Any] = {}
    for name, value in props.items():
        if name == "evidence_at":
            if props.get("field") == "abstract":
                text = (abstract if abstract_z is None else uncompress(abstract_z, abstract_size)) or ""
            else:
                text = title if props.get("field") == "title" and title else ""
            out["evidence"] = text[value[0] : value[1]]
        elif name == "sources_at":
            out["sources"] = (json.loads(sources) if sources else [])[:value]
        else:
            out[name] = value
    return out
