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
columns ``abstract_z`` and ``abstract_size`` (layout 4): a zlib stream (a text that zlib would not
shrink is kept as its UTF-8 bytes, with ``abstract_size`` equal to their length). Since layout 13 the
stream is made with a preset dictionary (``AbstractDictionary``: 32 KB of the store's own first
abstracts, kept in ``abstract_dictionaries``), which the stream's own header names (zlib's DICTID, the
dictionary's Adler-32, which is the table's ``id``); a stream without one (layouts 4-12, a store too
small for a dictionary) is SQLite archives' (sqlar) format as before. The store's connections have the
function ``paperkg_uncompress`` (``UNCOMPRESS``), which the triggers use to index the text.

A paper's properties that its key and other properties give (layout 13: ``arxiv_id``, ``month``) are
left out of ``props`` when they come back exactly, in their place (``strip_derived``, ``with_derived``);
``"stub": 0`` in place of ``false`` says so (a paper another tool writes keeps what it wrote).

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

import contextlib
import json
import math
import re
import sqlite3
import weakref
import zlib
from collections.abc import Callable, Mapping, Sequence
from typing import Any

PAPER_FIELDS = ("title", "abstract")

# The SQL function that reads a compressed abstract (layout 13; a preset dictionary's stream too). Layouts
# 4-12 named the sqlite3 shell's own sqlar_uncompress, which reads no dictionary: a connection has both.
UNCOMPRESS = "paperkg_uncompress"
SQLAR_UNCOMPRESS = "sqlar_uncompress"
# Python's str.lower in SQL (SQLite's lower() folds ASCII only): for an order that must match one made
# in Python or by Neo4j's toLower before a LIMIT cuts it.
UNICODE_LOWER = "paperkg_lower"
# A node's abstract in SQL: from its compressed columns, or from ``props`` where another tool wrote it there.
ABSTRACT_SQL = (
    f"coalesce(CAST({UNCOMPRESS}({{n}}.abstract_z, {{n}}.abstract_size) AS TEXT), json_extract({{n}}.props, '$.abstract'))"
)
# A paper's month in SQL (node ``{n}``): from ``props``, or as ``with_derived`` derives it where
# ``props`` has ``"stub": 0`` (layout 13): its publication date's, else its arXiv id's (``paper:YYMM.NNNNN``).
_KEY_ARXIV = "substr({n}.key, 7)"
MONTH_SQL = (
    "coalesce(json_extract({n}.props, '$.month'), "
    "CASE WHEN json_type({n}.props, '$.stub') = 'integer' AND {n}.key GLOB 'paper:*' "
    "THEN CASE WHEN json_extract({n}.props, '$.published') GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*' "
    "THEN substr(json_extract({n}.props, '$.published'), 1, 7) "
    f"WHEN ({_KEY_ARXIV} GLOB '[0-9][0-9][0-9][0-9].[0-9][0-9][0-9][0-9]' OR {_KEY_ARXIV} GLOB "
    f"'[0-9][0-9][0-9][0-9].[0-9][0-9][0-9][0-9][0-9]') AND substr({{n}}.key, 9, 2) BETWEEN '01' AND '12' "
    "THEN '20' || substr({n}.key, 7, 2) || '-' || substr({n}.key, 9, 2) END END)"
)


def month_sql(node: str) -> str:
    return MONTH_SQL.format(n=node)


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


# A dictionary's size: zlib reads no more than its window (32 KB) of one.
DICTIONARY_BYTES = 32_768
# The abstracts a dictionary is made from hold this much text at least: a store whose first writes
# hold less gets none yet (plain zlib), and a later build that writes enough makes it.
DICTIONARY_SAMPLE_BYTES = DICTIONARY_BYTES
_FDICT = 0x20  # zlib header: a preset dictionary's id follows (RFC 1950)


class AbstractDictionary:
    """A preset zlib dictionary for abstracts (layout 13): its id (zlib's DICTID, the dictionary's
    Adler-32, which every stream made with it carries in its header) and bytes.

    Why a dictionary: an abstract is too short for zlib to find much to repeat within it (1.9x);
    the words and phrases abstracts share (``we propose``, ``state-of-the-art``, ``large language
    models``) are found in the dictionary instead: 735 -> 527 bytes an abstract on hf_daily (0.72x)."""

    __slots__ = ("id", "data", "_compressor")

    def __init__(self, data: bytes) -> None:
        self.data = bytes(data)
        self.id = zlib.adler32(self.data)
        self._compressor: Any = None

    def compress(self, raw: bytes) -> bytes:
        if self._compressor is None:  # loading the dictionary costs more than a copy of a loaded one (0.13 against 0.09 ms)
            self._compressor = zlib.compressobj(zdict=self.data)
        packer = self._compressor.copy()
        return packer.compress(raw) + packer.flush()


def make_dictionary(abstracts: Sequence[str]) -> bytes | None:
    """A preset dictionary from a store's first abstracts (in the order written), or None when they
    hold less than ``DICTIONARY_SAMPLE_BYTES`` of text.

    Whole abstracts picked evenly across the ones given (every k-th, in their order) until 32 KB:
    a spread sample of a build's first chunk (5,000 papers: dates, fields) matches later papers
    better than the first few written (527 against 534 bytes an abstract on hf_daily), and phrases
    ranked by frequency did worse than whole abstracts (538). Deterministic: the same papers give the
    same dictionary. zlib prefers the dictionary's end; nothing is ranked to put there."""
    texts = [text.replace("\x00", "").encode("utf-8") for text in abstracts if text]
    total = sum(map(len, texts))
    if total < DICTIONARY_SAMPLE_BYTES:
        return None
    wanted = max(1, min(len(texts), -(-DICTIONARY_BYTES * len(texts) // total)))
    picked = b"\n".join(texts[i * len(texts) // wanted] for i in range(wanted))
    return picked[-DICTIONARY_BYTES:]


# The dictionaries of the stores this process opened, by id (an id is the dictionary's checksum: the
# same id names the same bytes in any store, but for a checksum collision, which ``register`` refuses).
_DICTIONARIES: dict[int, bytes] = {}
# Where to look for a dictionary not seen yet (one another process made since a store was opened): the
# open stores (``watch``), held weakly: a reference here must not keep a store's connection open.
_STORES: weakref.WeakSet[Any] = weakref.WeakSet()


def watch(store: Any) -> None:
    """Look in ``store.conn`` for a dictionary a stream names that no store opened so far held."""
    _STORES.add(store)


def register_dictionary(data: bytes) -> AbstractDictionary:
    dictionary = AbstractDictionary(data)
    known = _DICTIONARIES.setdefault(dictionary.id, dictionary.data)
    if known != dictionary.data:
        raise ValueError(f"two abstract dictionaries with the id {dictionary.id}")
    return dictionary


def load_dictionaries(conn: sqlite3.Connection) -> list[AbstractDictionary]:
    """The file's abstract dictionaries (none before layout 13), registered for reading."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'abstract_dictionaries'").fetchone():
        return []
    return [register_dictionary(data) for (data,) in
            conn.execute("SELECT dictionary FROM abstract_dictionaries ORDER BY rowid").fetchall()]


def _dictionary(dict_id: int) -> bytes:
    found = _DICTIONARIES.get(dict_id)
    if found is None:
        for store in list(_STORES):
            try:
                load_dictionaries(store.conn)
            except (sqlite3.Error, AttributeError):
                continue  # closed, or in another thread's use
            found = _DICTIONARIES.get(dict_id)
            if found is not None:
                break
    if found is None:
        raise ValueError(f"an abstract compressed with dictionary {dict_id}, which no open store holds")
    return found


def compress_abstract(text: str, dictionary: AbstractDictionary | None = None) -> tuple[bytes, int]:
    """(``abstract_z``, ``abstract_size``) of an abstract: zlib's stream (with the store's preset
    dictionary when it has one), or the UTF-8 bytes themselves when that would not make them smaller
    (as sqlar_compress does)."""
    raw = text.encode("utf-8")
    # Level 6 (zlib's default): level 9 saved nothing on abstracts (717.03 against 717.04 B) and cost 8% more time.
    packed = zlib.compress(raw) if dictionary is None else dictionary.compress(raw)
    return (packed if len(packed) < len(raw) else raw), len(raw)


def dictionary_id(data: bytes | None) -> int | None:
    """The id of the dictionary a stored abstract was compressed with (None: none, or stored as it is)."""
    if (isinstance(data, bytes) and len(data) >= 6 and data[0] & 0x0F == 8 and data[1] & _FDICT
            and (data[0] * 256 + data[1]) % 31 == 0):
        return int.from_bytes(data[2:6], "big")
    return None


def uncompress(data: bytes | str | None, size: int | None) -> str | None:
    """The text of ``abstract_z`` (what SQL's ``paperkg_uncompress`` reads, as text)."""
    if data is None:
        return None
    if isinstance(data, str):
        return data  # written as text by another tool
    if not size or size <= 0 or size == len(data):
        return data.decode("utf-8", "replace")
    dict_id = dictionary_id(data)
    if dict_id is None:
        return zlib.decompress(data).decode("utf-8", "replace")
    reader = zlib.decompressobj(zdict=_dictionary(dict_id))
    return (reader.decompress(data) + reader.flush()).decode("utf-8", "replace")


def add_functions(conn: sqlite3.Connection) -> None:
    """The SQL functions the schema's triggers and readers use (``paperkg_uncompress``; ``sqlar_uncompress``
    as well, which the triggers of layouts 4-12 name), with the file's abstract dictionaries."""
    conn.create_function(UNCOMPRESS, 2, uncompress, deterministic=True)
    conn.create_function(SQLAR_UNCOMPRESS, 2, uncompress, deterministic=True)
    conn.create_function(UNICODE_LOWER, 1, _unicode_lower, deterministic=True)
    with contextlib.suppress(sqlite3.Error):  # not readable yet: looked up again when a stream names one
        load_dictionaries(conn)


def _unicode_lower(text: Any) -> Any:
    return text.lower() if isinstance(text, str) else text


# A paper's properties in the order kg.graph.paper_node writes them (abstract: kept in its own columns).
PAPER_KEYS = ("title", "abstract", "norm_title", "arxiv_id", "authors", "published", "month", "url", "ids", "upvotes",
              "keywords", "categories", "sources", "stub")
_PAPER_RANK = {name: rank for rank, name in enumerate(PAPER_KEYS)}
# What ``with_derived`` gives back: properties of a paper that its key and other properties say.
DERIVED_KEYS = ("arxiv_id", "month")
# ``stub`` as a paper's props keeps it when they leave out DERIVED_KEYS: 0, not false (4 bytes fewer; the
# SQL that asks ``coalesce(json_extract(props, '$.stub'), 0) = 0`` reads it as false all the same).
DERIVED_MARK = 0
_ARXIV_MONTH = re.compile(r"[0-9]{2}(0[1-9]|1[0-2])\.[0-9]{4,5}")
_DATE_MONTH = re.compile(r"[0-9]{4}-[0-9]{2}")
# norm_title stays in props: the index of papers by title (papers_by_norm_title) and anyone's SQL read
# it there, and SQL has no form of model.normalize_title (NFKC, casefold, letters and digits only) but a
# function of paperkg's own, which a file's index would then need in every tool that writes or checks it.


def _derived(key: str, props: Mapping[str, Any]) -> dict[str, Any]:
    """The values ``with_derived`` gives a paper with key ``key`` and these properties (``ARXIV_ID_SQL``
    and ``MONTH_SQL`` say the same in SQL): its arXiv id from its key (``paper:<arXiv id>``; ``paper:t-``
    keys are made from titles), its month from its publication date, else from its arXiv id (as
    ``model.publication_month``, ASCII digits only)."""
    arxiv_id = key[6:] if key.startswith("paper:") and not key.startswith("paper:t-") and len(key) > 6 else None
    published = props.get("published")
    month = None
    if isinstance(published, str) and _DATE_MONTH.match(published):
        month = published[:7]
    elif arxiv_id is not None and _ARXIV_MONTH.fullmatch(arxiv_id):
        month = f"20{arxiv_id[:2]}-{arxiv_id[2:4]}"
    return {"arxiv_id": arxiv_id, "month": month}


def with_derived(key: str, props: dict[str, Any]) -> dict[str, Any]:
    """A node's properties as written from those ``props`` keeps: a paper's (key ``paper:...``) with
    ``"stub": 0`` gets back its derived properties (``strip_derived``), each in its place, and
    ``stub: false``; others as they are."""
    stub = props.get("stub")
    if type(stub) is not int or stub != DERIVED_MARK or not key.startswith("paper:"):
        return props
    derived = {name: value for name, value in _derived(key, props).items() if value is not None}
    derived["stub"] = False
    out: dict[str, Any] = {}
    for name in PAPER_KEYS:
        if name in derived:
            out[name] = derived[name]
        elif name in props:
            out[name] = props[name]
    if len(out) != len(props) + len(derived) - 1:  # another tool's properties: theirs after ours, as read
        out.update((name, value) for name, value in props.items() if name not in out)
    return out


def strip_derived(key: str, props: dict[str, Any]) -> dict[str, Any]:
    """The properties ``props`` keeps of a paper (without its abstract): without those ``with_derived``
    gives back exactly, in the same order (arxiv_id, month; ``stub: false`` as 0: 46 bytes a paper on
    hf_daily); anything else (a stub, properties in another order, a month another rule gave) is kept whole."""
    if props.get("stub") is not False or not key.startswith("paper:") or "abstract" in props:
        return props
    rank = -1
    for name in props:
        found = _PAPER_RANK.get(name)
        if found is None or found < rank:
            return props
        rank = found
    derived = _derived(key, props)
    if any(props.get(name) != derived[name] or (name in props) != (derived[name] is not None) for name in DERIVED_KEYS):
        return props
    if type(props.get("published", "")) is not str:
        return props
    return {name: (DERIVED_MARK if name == "stub" else value) for name, value in props.items() if name not in DERIVED_KEYS}


def stored_node(label: str, props: Mapping[str, Any], dictionary: AbstractDictionary | None = None,
                key: str = "") -> tuple[dict[str, Any], bytes | None, int | None]:
    """(properties for ``props``, ``abstract_z``, ``abstract_size``) of a node to write."""
    if label != "Paper":
        return dict(props), None, None
    abstract = props.get("abstract")
    rest = {name: value for name, value in props.items() if name != "abstract"}
    if not isinstance(abstract, str):
        return (strip_derived(key, rest) if "abstract" not in props else dict(props)), None, None
    return strip_derived(key, rest), *compress_abstract(abstract.replace("\x00", ""), dictionary)


def node_props(key: str, stored: str, abstract_z: bytes | None = None, abstract_size: int | None = None) -> dict[str, Any]:
    """A node's full properties from its key, its ``props`` JSON and its compressed abstract."""
    props = with_derived(key, json.loads(stored) if stored else {})
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
