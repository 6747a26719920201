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

The properties every extracted edge has (layout 10) are kept in typed columns of ``edges``, not in
its JSON, where their names were most of an edge's bytes (``EDGE_COLUMNS``): the evidence's span, the
field, the mention's offsets, the confidence, the source-list prefix, and the rule as the id of a row
of ``rules``. ``props`` holds whatever else the edge has (and, when the properties came in another
order than the columns give them back, that order under ``ORDER_KEY``).

Readers get the full properties back (``expand``, ``node_props``, ``evidence_of``; in SQL alone,
``EVIDENCE_SQL`` and ``ABSTRACT_SQL``), so what the store returns is exactly what the Neo4j store returns.
README.md ("The embedded store's file") tells users of other SQLite tools the same.
"""

from __future__ import annotations

import json
import math
import sqlite3
import zlib
from collections.abc import Callable, Mapping
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
# The properties of an extracted edge kept in columns of ``edges`` (layout 10), with their SQL types;
# ``rule_id`` is the id of the rule's row in ``rules``, ``evidence_start``/``evidence_end`` the evidence's
# span of the paper's ``field`` (as ``"evidence_at"`` was in props before), ``span_start``/``span_end`` the
# mention's own offsets (the properties ``start`` and ``end``).
# ``confidence_e4`` is the confidence times CONFIDENCE_SCALE, a whole number (layout 12; a REAL column
# before): 2 bytes a value instead of 8. kg.graph rounds confidences to 4 places; a value that does not
# come back exactly from its ten-thousandths stays in ``props``.
EDGE_COLUMNS = (("field", "TEXT"), ("span_start", "INTEGER"), ("span_end", "INTEGER"), ("evidence_start", "INTEGER"),
                ("evidence_end", "INTEGER"), ("rule_id", "INTEGER"), ("confidence_e4", "INTEGER"), ("sources_at", "INTEGER"))
EDGE_COLUMN_NAMES = tuple(name for name, _ in EDGE_COLUMNS)
# The key of ``props`` that lists an edge's property names in their order, kept only when the columns
# and ``props`` would give them back in another order (the metadata's links: source, field, evidence ...).
ORDER_KEY = "@order"
# A rule's name in SQL, from the edge's ``rule_id``.
RULE_SQL = "(SELECT name FROM rules WHERE id = {e}.rule_id)"
# ``confidence_e4`` is the confidence times this; x / 10000.0 in SQL is the float Python's x / 10000 gives.
CONFIDENCE_SCALE = 10_000
CONFIDENCE_SQL = f"({{e}}.confidence_e4 / {CONFIDENCE_SCALE}.0)"
# What ``expand`` needs of edge ``{e}``: its ``props`` and columns, the rule's name in place of its id,
# the confidence as a float.
_COLUMN_SQL = {"rule_id": RULE_SQL, "confidence_e4": CONFIDENCE_SQL}
EDGE_SQL = ", ".join(["{e}.props", *(_COLUMN_SQL.get(name, "{e}." + name) for name in EDGE_COLUMN_NAMES)])
# The evidence of edge ``{e}`` out of paper ``{p}`` in SQL alone (as README.md gives it to users of the
# sqlite3 shell): stored text, or its span of the paper's field.
EVIDENCE_SQL = (
    "coalesce(json_extract({e}.props, '$.evidence'), substr(iif({e}.field = 'abstract', "
    "{abstract}, json_extract({p}.props, '$.' || {e}.field)), {e}.evidence_start + 1, {e}.evidence_end - {e}.evidence_start))"
)
# What ``evidence_of`` needs to give edge ``{e}``'s evidence (8 columns): read as stored, the
# abstract decompressed in Python and only for the rows a query keeps.
EVIDENCE_PARTS_SQL = (
    "json_extract({e}.props, '$.evidence'), {e}.field, {e}.evidence_start, {e}.evidence_end, "
    "json_extract({p}.props, '$.title'), {p}.abstract_z, {p}.abstract_size, json_extract({p}.props, '$.abstract')"
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


# ``edge_sql``'s columns for a relationship with no properties (an authorship pair read beside edges).
BARE_EDGE_SQL = "'{}'" + ", NULL" * (len(EDGE_COLUMNS) + PAPER_SQL.count("{p}."))


def edge_sql(edge: str, paper: str) -> str:
    """The columns ``expand`` takes: edge ``edge``'s and those of its source node ``paper``."""
    return EDGE_SQL.format(e=edge) + ", " + paper_sql(paper)


# The properties kept in columns, by name: their column's SQL (of edge ``{e}``).
_PROPERTY_COLUMNS = {"field": "{e}.field", "start": "{e}.span_start", "end": "{e}.span_end", "rule": RULE_SQL,
                     "confidence": CONFIDENCE_SQL}


def property_sql(edge: str, name: str) -> str | None:
    """Property ``name`` of edge ``edge`` in SQL when it is one the columns keep, else None (read it
    from ``props``). As in ``expand``, ``props`` wins: it holds the values not of the column's type,
    and whatever another tool wrote there."""
    column = _PROPERTY_COLUMNS.get(name)
    if column is None:
        return None
    return f"coalesce(json_extract({edge}.props, '$.{name}'), {column.format(e=edge)})"


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


def dumps(props: Mapping[str, Any]) -> str:
    """Properties as the JSON the ``props`` columns hold. NUL characters are dropped from text:
    SQLite's JSON functions end a string at one, so indexes and queries would see less than was stored."""
    text = json.dumps(props, ensure_ascii=False, separators=(",", ":"))
    if "\\u0000" in text:
        text = json.dumps(_without_nul(props), ensure_ascii=False, separators=(",", ":"))
    return text


def _without_nul(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, Mapping):
        return {_without_nul(k): _without_nul(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_without_nul(v) for v in value]
    return value


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


def stored_edge(props: Mapping[str, Any], paper: Mapping[str, Any] | None,
                rule_id: Callable[[str], int]) -> tuple[Any, ...]:
    """(``props`` JSON, then the ``EDGE_COLUMNS``) to store for an edge out of ``paper`` (its
    properties; None: not a paper); ``rule_id`` gives a rule's row id in ``rules``."""
    return split(compact(props, paper), rule_id)


# Where each column's property comes in the order the columns give them back (``expand``).
_COLUMN_HEAD = (("evidence", "evidence_start"), ("field", "field"), ("start", "span_start"), ("end", "span_end"),
                ("rule", "rule_id"), ("confidence", "confidence_e4"))
_STORED_AS = {"evidence_at": "evidence", "sources_at": "sources"}  # compact()'s names for what expand() gives back
_SQLITE_INTEGER = range(-(2**63), 2**63)
# The properties of an extracted edge, in the order kg.graph writes them, as ``compact`` names them.
_USUAL_KEYS = ("evidence_at", "field", "start", "end", "rule", "confidence", "sources_at")


def split(compacted: Mapping[str, Any], rule_id: Callable[[str], int]) -> tuple[Any, ...]:
    """(``props`` JSON, then the ``EDGE_COLUMNS``) of an edge's properties as ``compact`` gives
    them: each column takes its property when the value has the column's type (a whole number, a
    float, text without NUL), else the property stays in the JSON."""
    if tuple(compacted) == _USUAL_KEYS:  # an extracted edge as kg.graph writes it: every value in a column
        at, field, start, end, rule, confidence, sources_at = compacted.values()
        scaled = confidence_e4(confidence)
        if (type(at) is list and len(at) == 2 and all(map(_whole, (*at, start, end, sources_at))) and type(field) is str
                and type(rule) is str and scaled is not None and "\x00" not in field and "\x00" not in rule):
            return ("{}", field, start, end, at[0], at[1], rule_id(rule), scaled, sources_at)
    columns: dict[str, Any] = dict.fromkeys(EDGE_COLUMN_NAMES)
    rest: dict[str, Any] = {}
    for name, value in compacted.items():
        if name == "evidence_at" and isinstance(value, list) and len(value) == 2 and all(map(_whole, value)):
            columns["evidence_start"], columns["evidence_end"] = value
        elif name == "field" and isinstance(value, str) and "\x00" not in value:
            columns["field"] = value
        elif name == "rule" and isinstance(value, str) and "\x00" not in value:
            columns["rule_id"] = rule_id(value)
        elif name in ("start", "end", "sources_at") and _whole(value):
            columns["sources_at" if name == "sources_at" else f"span_{name}"] = value
        elif name == "confidence" and confidence_e4(value) is not None:
            columns["confidence_e4"] = confidence_e4(value)
        else:
            rest[name] = value
    given = [_STORED_AS.get(name, name) for name in compacted]
    if given != _order_back(columns, rest):
        rest[ORDER_KEY] = given
    return (dumps(rest), *columns.values())


def confidence_e4(value: Any) -> int | None:
    """A confidence as the whole number of ten-thousandths ``confidence_e4`` keeps, or None when it is
    no float or does not come back exactly from one (``x / CONFIDENCE_SCALE``)."""
    if type(value) is not float or not -1e11 < value < 1e11 or (value == 0 and math.copysign(1.0, value) < 0):
        return None  # beyond 2**53 / 10,000 SQLite's division would not be exact; -0.0 would come back as 0.0
    scaled = round(value * CONFIDENCE_SCALE)
    return scaled if scaled / CONFIDENCE_SCALE == value else None


def _whole(value: Any) -> bool:
    return type(value) is int and value in _SQLITE_INTEGER


def _order_back(columns: Mapping[str, Any], rest: Mapping[str, Any]) -> list[str]:
    """The property names in the order ``expand`` gives them back without ``ORDER_KEY``: those an
    extracted edge has first (evidence, field, start, end, rule, confidence), then the others as
    ``props`` holds them, sources last."""
    names = {_STORED_AS.get(name, name) for name in rest if name != ORDER_KEY}
    names.update(name for name, column in (*_COLUMN_HEAD, ("sources", "sources_at")) if columns[column] is not None)
    head = [name for name, _ in _COLUMN_HEAD if name in names]
    others = [_STORED_AS.get(name, name) for name in rest if name != ORDER_KEY]
    tail = ["sources"] if "sources" in names else []
    return head + [name for name in others if name not in head and name != "sources"] + tail


def expand(stored: str, field: str | None, span_start: int | None, span_end: int | None, evidence_start: int | None,
           evidence_end: int | None, rule: str | None, confidence: float | None, sources_at: int | None,
           title: str | None, abstract_z: bytes | None, abstract_size: int | None, abstract: str | None,
           sources: str | None) -> dict[str, Any]:
    """An edge's full properties from its ``props``, its columns and its source paper (``edge_sql``'s columns)."""
    props = json.loads(stored)
    columns = (field, span_start, span_end, evidence_start, evidence_end, rule, confidence, sources_at)
    if all(value is None for value in columns) and "evidence_at" not in props and "sources_at" not in props:
        return props

    def text_of(at: Any, of_field: Any) -> str:
        if of_field == "abstract":
            text = (abstract if abstract_z is None else uncompress(abstract_z, abstract_size)) or ""
        else:
            text = title if of_field == "title" and title else ""
        return text[at[0] : at[1]]

    order = props.pop(ORDER_KEY, None)
    out: dict[str, Any] = {}
    if evidence_start is not None and evidence_end is not None:
        out["evidence"] = text_of((evidence_start, evidence_end), field if field is not None else props.get("field"))
    for name, value in (("field", field), ("start", span_start), ("end", span_end), ("rule", rule),
                        ("confidence", confidence)):
        if value is not None:
            out[name] = value
    for name, value in props.items():  # a file of layouts 2-9, or another tool's edge, may keep these in props
        if name == "evidence_at":
            out["evidence"] = text_of(value, props.get("field", field))
        elif name == "sources_at":
            out["sources"] = (json.loads(sources) if sources else [])[:value]
        else:
            out[name] = value
    if sources_at is not None:
        out["sources"] = (json.loads(sources) if sources else [])[:sources_at]
    if not isinstance(order, list):
        order = [name for name, _ in _COLUMN_HEAD] + [name for name in out if name != "sources"] + ["sources"]
    return {**{name: out[name] for name in order if name in out}, **out}
