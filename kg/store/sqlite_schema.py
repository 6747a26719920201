"""The embedded store's SQLite schema: tables, indexes, triggers and the version check.

The graph is three tables, ``nodes``, ``edges`` and ``authorship`` (the WROTE relationships, which
carry no properties, as pairs of node ids); every property lives in a JSON column (``props``) so the
file holds exactly what the Neo4j store holds, but for those every extracted edge has, which are typed
columns of ``edges`` (layout 10, ``sqlite_props.EDGE_COLUMNS``; the rules' names in ``rules``).
What the catalog looks up is indexed: node keys,
labels, normalised names and aliases (``names``), sources' own paper ids (``paper_ids``), paper
titles (``norm_title``; any part of a title: FTS5 trigrams ``paper_titles``), edge endpoints and
types, authorship both ways, paper text (FTS5 ``paper_text``). Triggers keep the side tables and the stored counts
(``counts``: also papers per month) right whoever writes, so ``kg stats`` reads a few rows and any SQLite tool may edit
the file. The store's own writer indexes the text of the papers it adds (``WRITER_INDEXES_TEXT``).
README.md ("The embedded store's file") documents the schema for users.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import Any

from paperkg.store.sqlite_props import EDGE_COLUMNS, abstract_sql, month_sql

FORMAT = "paperkg-graph-sqlite"
# The layout of this file (tables, triggers); the graph's own schema version is model.SCHEMA_VERSION.
# 2: edges out of a paper keep spans of its text, not copies (sqlite_props);
# 3: no indexes that no query uses (side tables by node, edges by type), two small partial ones instead;
# 4: a paper's abstract compressed in columns of its own (sqlite_props), not in props; the names of
#    introduced entities indexed (introduced_names) for the incremental citation refresh;
# 5: the WROTE relationships in a table of their own (authorship), not in edges;
# 6: the title trigram index (paper_titles) keeps which titles hold a trigram, not where (detail=none:
#    0.4x its size); a word is looked up as all of its trigrams, then checked against the title;
# 7: the entities that appear most with the most-linked entities are kept (cooccurrence,
#    sqlite_cooccurrence), with triggers that count the role edges removed or moved (role_edits);
# 8: each kept row names its entity's key too (a reader checks it), a node removed counts as an edit;
# 9: the trigger of a node added leaves the full-text indexes to paperkg's writer while meta holds
#    WRITER_INDEXES_TEXT (see there);
# 10: the properties every extracted edge has in typed columns of edges, the rules' names in a table
#    of their own (rules), not in each edge's props (sqlite_props.EDGE_COLUMNS: 0.3x an edge's bytes);
# 11: no paper_sources table (the node triggers count a paper's source files from its own props), the
#    norm_title index on a prefix (NORM_TITLE_PREFIX), the title trigram index without column sizes;
# 12: an edge's type as a small integer (type_id, EDGE_TYPES; ``type`` a generated column that names it),
#    its confidence as a whole number of ten-thousandths (sqlite_props.CONFIDENCE_SCALE); a first build
#    ends with the full-text indexes merged (FTS5 optimize) and the file packed (VACUUM);
# 13: abstracts compressed with a preset dictionary made of the store's first abstracts
#    (abstract_dictionaries, sqlite_props.AbstractDictionary; read with paperkg_uncompress), a paper's
#    arxiv_id, month and stub: false left out of props where its key and properties give them back
#    (sqlite_props.strip_derived).
LAYOUT_VERSION = 13
# Older layouts the store rewrites in place when it opens them (the graph itself is unchanged).
UPGRADABLE_LAYOUTS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12")
# The relationship types edges holds, each stored as its position here (type_id, layout 12): an edge's
# type was its name in the row and in each edge index (some 40 bytes a paper each at 68,000 papers).
# The most frequent first (0 and 1 take no bytes in a record); a new type is added at the end, never
# moved. WROTE has a code for files another tool wrote, though kg keeps it in authorship.
EDGE_TYPES = ("INTRODUCES", "MENTIONS", "USES", "EVALUATES_ON", "HAS_REPO", "COMPARES", "VARIANT_OF",
              "MEASURED_ON", "REPORTS", "SCORED_BY", "CITES", "WROTE")
EDGE_TYPE_IDS = {name: code for code, name in enumerate(EDGE_TYPES)}
# An edge's type name from its type_id, in SQL (the generated column ``type``; ``{column}`` the id).
EDGE_TYPE_SQL = "CASE {column} " + " ".join(f"WHEN {code} THEN '{name}'" for code, name in enumerate(EDGE_TYPES)) + " END"
# The type_id of an edge type named in column ``type`` (an upgrade from layout 11 or older).
EDGE_TYPE_ID_SQL = "CASE type " + " ".join(f"WHEN '{name}' THEN {code}" for code, name in enumerate(EDGE_TYPES)) + " END"
# A meta row the store's writer holds only while it inserts nodes, inside its transaction (no other
# connection ever sees it): the papers that insert adds are put into paper_text and paper_titles by
# the writer itself, one statement each. FTS5 inserts made by a trigger cost about four times as much
# as the same inserts made directly (0.24 against 0.06 ms a paper with a bare trigger; 0.50 against
# 0.17 ms for the whole node insert, 20,000 papers added to a 40,000-paper store), for an index of the
# same size; the per-statement work FTS5 does inside a trigger is the likely cause, not established.
WRITER_INDEXES_TEXT = "text_indexed_by_writer"
# Tables of counts derived from the graph, dropped by an upgrade and counted anew before it commits.
DERIVED_TABLES = ("cooccurrence",)
# The relationship type the authorship table holds (Author -> Paper); edges holds every other type.
AUTHORSHIP = "WROTE"
_AUTHORSHIP_LITERAL = f"'{AUTHORSHIP}'"  # as the triggers write it in SQL
# The title trigram index's detail (layout 6): positions are not kept, so a query names single
# trigrams (ANDed), never a phrase; the caller checks the words against the title itself. Nothing
# ranks its matches (no bm25), so it keeps no column sizes either (layout 11: 10 bytes a paper).
TITLE_TRIGRAM_DETAIL = "detail=none, columnsize=0"
# How much of a paper's norm_title papers_by_norm_title holds (layout 11): a lookup reads the few
# papers that share the prefix and compares the whole. The index held the whole norm_title (some 75
# characters) before: 86 -> 43 bytes a paper at 68,000 papers; 20 characters tell apart 92% of the
# distinct titles of bench_scale's 100x corpus (16: 86%, 24: 96%).
NORM_TITLE_PREFIX = 20
NORM_TITLE_KEY = f"substr(norm_title, 1, {NORM_TITLE_PREFIX})"
# The relationship types that link a paper to an entity (a role), and as a literal SQL list (triggers,
# and queries that name them for SQLite to walk the edge indexes by type).
ROLE_TYPES = ("INTRODUCES", "USES", "EVALUATES_ON", "COMPARES", "MENTIONS")
ROLE_TYPES_SQL = "(" + ", ".join(f"'{t}'" for t in ROLE_TYPES) + ")"
# Triggers of older layouts made anew by an upgrade (layout 7: they count role edges removed).
REMADE_EDGE_TRIGGERS = ("edge_removed",)
# Triggers and tables of older layouts that layout 11 drops: the source files were counted through a
# table of (file, node) pairs, which only the count read (70 bytes a paper at 68,000 papers).
DROPPED_TRIGGERS = ("source_added", "source_removed")
DROPPED_TABLES = ("paper_sources",)
# Indexes an upgrade makes anew (layout 11: papers_by_norm_title on a prefix).
REMADE_INDEXES = ("papers_by_norm_title",)
# The columns layout 4 added to ``nodes`` (a paper's compressed abstract).
ABSTRACT_COLUMNS = (("abstract_z", "BLOB"), ("abstract_size", "INTEGER"))
# Indexes of older layouts that layout 3 drops (see DDL: what replaced them).
DROPPED_INDEXES = ("names_by_node", "paper_ids_by_node", "paper_sources_by_node", "edges_by_type")

# A paper's text in the full-text index; stubs (papers only known as cited) are left out.
_PAPER_TEXT = "json_extract({row}.props, '$.title'), " + abstract_sql("{row}")
_INDEXED_PAPER = "{row}.label = 'Paper' AND coalesce(json_extract({row}.props, '$.stub'), 0) = 0"
# The month a paper counts under in `kg trends` (papers_per_month); '' when it has no date.
_MONTH = "coalesce(" + month_sql("{row}") + ", '')"
# The file part of a source reference "path:line" (everything before the last colon).
_SOURCE_FILE = "substr(rtrim(value, replace(value, ':', '')), 1, length(rtrim(value, replace(value, ':', ''))) - 1)"


def _count(kind: str, name: str, delta: int) -> str:
    return (
        f"INSERT INTO counts (kind, name, n) VALUES ('{kind}', {name}, {delta}) "
        f"ON CONFLICT (kind, name) DO UPDATE SET n = n + {delta};"
    )


def _role_edit_counted(when: str) -> str:
    """Count, when ``when`` holds, a role edge removed or moved or a node removed or re-keyed in meta
    (``role_edits``): with the role edges' counts it tells whether the roles are still what
    ``cooccurrence`` was counted from (one edge removed and another added leave the counts as they were)."""
    return (
        f"INSERT INTO meta (name, value) SELECT 'role_edits', '1' WHERE {when} "
        "ON CONFLICT (name) DO UPDATE SET value = CAST(value AS INTEGER) + 1;"
    )


def _is_role(rel_type: str) -> str:
    return f"{rel_type} IN {ROLE_TYPES_SQL}"


def _source_files_counted(row: str, sign: int) -> str:
    """Count a paper's source files in (sign 1) or out (sign -1): each file once however many of its
    sources name it, as ``kg stats`` counts papers per file."""
    return f"""
        INSERT INTO counts (kind, name, n)
            SELECT DISTINCT 'source_file', {_SOURCE_FILE}, {sign} FROM json_each({row}.props, '$.sources')
            WHERE {row}.label = 'Paper'
            ON CONFLICT (kind, name) DO UPDATE SET n = n + {sign};"""


def _side_tables(row: str, sign: int, *, text_by_writer: bool = False) -> str:
    """Statements that add (sign 1) or remove (sign -1) what a node row puts in the side tables;
    ``text_by_writer``: the full-text rows are left out while meta holds ``WRITER_INDEXES_TEXT``."""
    fts_columns = _PAPER_TEXT.format(row=row)
    indexed = _INDEXED_PAPER.format(row=row)
    if text_by_writer:
        indexed += f" AND NOT EXISTS (SELECT 1 FROM meta WHERE name = '{WRITER_INDEXES_TEXT}')"
    if sign > 0:
        return f"""
            {_count('label', f'{row}.label', 1)}
            INSERT INTO counts (kind, name, n)
                SELECT 'repo_kind', json_extract({row}.props, '$.kind'), 1 WHERE {row}.label = 'Repo'
                ON CONFLICT (kind, name) DO UPDATE SET n = n + 1;
            INSERT OR IGNORE INTO names (norm, node) SELECT value, {row}.id FROM json_each({row}.props, '$.names_norm');
            INSERT OR IGNORE INTO paper_ids (id, node) SELECT lower(value), {row}.id FROM json_each({row}.props, '$.ids')
                WHERE {row}.label = 'Paper';
            {_source_files_counted(row, 1)}
            INSERT INTO paper_text (rowid, title, abstract)
                SELECT {row}.id, {fts_columns} WHERE {indexed};
            INSERT INTO counts (kind, name, n)
                SELECT 'paper_month', {_MONTH.format(row=row)}, 1 WHERE {_INDEXED_PAPER.format(row=row)}
                ON CONFLICT (kind, name) DO UPDATE SET n = n + 1;
            INSERT INTO paper_titles (rowid, title)
                SELECT {row}.id, json_extract({row}.props, '$.title') WHERE {indexed};
        """
    return f"""
        {_count('label', f'{row}.label', -1)}
        UPDATE counts SET n = n - 1
            WHERE {row}.label = 'Repo' AND kind = 'repo_kind' AND name IS json_extract({row}.props, '$.kind');
        UPDATE counts SET n = n - 1 WHERE kind = 'paper_month' AND name = {_MONTH.format(row=row)}
            AND {_INDEXED_PAPER.format(row=row)};
        DELETE FROM names WHERE node = {row}.id AND norm IN (SELECT value FROM json_each({row}.props, '$.names_norm'));
        DELETE FROM paper_ids WHERE node = {row}.id AND id IN (SELECT lower(value) FROM json_each({row}.props, '$.ids'));
        {_source_files_counted(row, -1)}
        INSERT INTO paper_text (paper_text, rowid, title, abstract)
            SELECT 'delete', {row}.id, {fts_columns} WHERE {_INDEXED_PAPER.format(row=row)};
        INSERT INTO paper_titles (paper_titles, rowid, title)
            SELECT 'delete', {row}.id, json_extract({row}.props, '$.title') WHERE {_INDEXED_PAPER.format(row=row)};
    """


# The columns of edges (layout 12): ``type`` is generated from ``type_id`` (stored nowhere), so every
# reader (and a query's ``type = 'CITES'``, which the partial indexes name) reads the type's name.
EDGES_COLUMNS_DDL = f"""id      INTEGER PRIMARY KEY,
    type_id INTEGER NOT NULL,
    source  INTEGER NOT NULL REFERENCES nodes (id),
    target  INTEGER NOT NULL REFERENCES nodes (id),
    props   TEXT NOT NULL DEFAULT '{{}}',
    {", ".join(f"{name} {kind}" for name, kind in EDGE_COLUMNS)},
    type    TEXT GENERATED ALWAYS AS ({EDGE_TYPE_SQL.format(column="type_id")}) VIRTUAL"""


DDL = f"""
CREATE TABLE IF NOT EXISTS meta (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS nodes (
    id         INTEGER PRIMARY KEY,
    key        TEXT NOT NULL UNIQUE,
    label      TEXT NOT NULL,
    props      TEXT NOT NULL DEFAULT '{{}}',
    name       TEXT GENERATED ALWAYS AS (json_extract(props, '$.name')) VIRTUAL,
    title      TEXT GENERATED ALWAYS AS (json_extract(props, '$.title')) VIRTUAL,
    type       TEXT GENERATED ALWAYS AS (json_extract(props, '$.type')) VIRTUAL,
    norm_title TEXT GENERATED ALWAYS AS (json_extract(props, '$.norm_title')) VIRTUAL,
    {", ".join(f"{name} {kind}" for name, kind in ABSTRACT_COLUMNS)}
);
CREATE INDEX IF NOT EXISTS nodes_by_label_type ON nodes (label, type);
CREATE INDEX IF NOT EXISTS papers_by_norm_title ON nodes ({NORM_TITLE_KEY}) WHERE label = 'Paper';
CREATE TABLE IF NOT EXISTS edges (
    {EDGES_COLUMNS_DDL}
);
-- The rules that found what edges link (an edge's rule_id): a few hundred names, each stored once.
CREATE TABLE IF NOT EXISTS rules (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE UNIQUE INDEX IF NOT EXISTS edges_out ON edges (source, type_id, target);
CREATE INDEX IF NOT EXISTS edges_in ON edges (target, type_id, source);
-- The two kinds of edge read by type across the graph (the citation refresh reads every introduction;
-- `kg top --type paper` and the refresh's count, every citation). A query names its type as a literal
-- ('CITES', not ?) for SQLite to use them. Other types are read by endpoint only (or by type_id).
CREATE INDEX IF NOT EXISTS introductions ON edges (source) WHERE type = 'INTRODUCES';
CREATE INDEX IF NOT EXISTS citations ON edges (target) WHERE type = 'CITES';
-- Who wrote which paper: the WROTE relationships (author -> paper), two thirds of all relationships
-- and never with properties, as bare pairs of node ids keyed both ways (a row of edges and its two
-- index entries cost three times as much). Read as relationships of type WROTE with no properties.
CREATE TABLE IF NOT EXISTS authorship (
    author INTEGER NOT NULL REFERENCES nodes (id),
    paper  INTEGER NOT NULL REFERENCES nodes (id),
    PRIMARY KEY (author, paper)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS authorship_by_paper ON authorship (paper, author);
CREATE TABLE IF NOT EXISTS names (
    norm TEXT NOT NULL,
    node INTEGER NOT NULL REFERENCES nodes (id),
    PRIMARY KEY (norm, node)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS paper_ids (
    id   TEXT NOT NULL,
    node INTEGER NOT NULL REFERENCES nodes (id),
    PRIMARY KEY (id, node)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS counts (
    kind TEXT NOT NULL,
    name TEXT,
    n    INTEGER NOT NULL,
    PRIMARY KEY (kind, name)
);
-- The linkable names of every introduced entity (kg.citations: each name's normalised form, its
-- first word's key and its number of words), kept by the citation refresh in the build's
-- transaction; complete when meta holds introduced_names = 'complete' (else the next build fills it).
CREATE TABLE IF NOT EXISTS introduced_names (
    first  TEXT NOT NULL,
    width  INTEGER NOT NULL,
    norm   TEXT NOT NULL,
    entity INTEGER NOT NULL REFERENCES nodes (id),
    PRIMARY KEY (first, width, norm, entity)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS introduced_names_by_norm ON introduced_names (norm);
CREATE INDEX IF NOT EXISTS introduced_names_by_entity ON introduced_names (entity);
-- The entities that appear with each most-linked entity (a hub: HUB_LINKS role edges or more), the
-- first COOCCURRENCE_KEPT in `kg entity`'s order (papers linking both, most first, then key), made
-- again at each commit that changed the roles (sqlite_cooccurrence); read only while meta's
-- `cooccurrence` equals the roles' fingerprint, so a file edited by another tool is answered live.
CREATE TABLE IF NOT EXISTS cooccurrence (
    entity INTEGER NOT NULL REFERENCES nodes (id),
    rank   INTEGER NOT NULL,
    other  INTEGER NOT NULL REFERENCES nodes (id),
    other_key TEXT NOT NULL,  -- the key "other" had when counted: a row whose node is gone or re-keyed is not read
    papers INTEGER NOT NULL,
    PRIMARY KEY (entity, rank)
) WITHOUT ROWID;
-- The preset zlib dictionaries abstracts are compressed with (layout 13): id is the dictionary's Adler-32,
-- which zlib writes in the header of every stream made with it (DICTID); made says from what.
CREATE TABLE IF NOT EXISTS abstract_dictionaries (
    id         INTEGER PRIMARY KEY,
    dictionary BLOB NOT NULL,
    made       TEXT NOT NULL
);
CREATE VIRTUAL TABLE IF NOT EXISTS paper_text USING fts5 (title, abstract, content='', tokenize='unicode61');
CREATE VIRTUAL TABLE IF NOT EXISTS paper_titles USING fts5 (title, content='', tokenize='trigram', {TITLE_TRIGRAM_DETAIL});

CREATE TRIGGER IF NOT EXISTS node_added AFTER INSERT ON nodes BEGIN
    {_side_tables('NEW', 1, text_by_writer=True)}
END;
CREATE TRIGGER IF NOT EXISTS node_removed AFTER DELETE ON nodes BEGIN
    {_side_tables('OLD', -1)}
    DELETE FROM introduced_names WHERE entity = OLD.id;
    {_role_edit_counted("1")}
END;
CREATE TRIGGER IF NOT EXISTS node_changed AFTER UPDATE OF props, label, abstract_z, abstract_size ON nodes BEGIN
    {_side_tables('OLD', -1)}
    {_side_tables('NEW', 1)}
END;
-- An entity's key orders the ties of `kg entity`'s co-occurring entities (cooccurrence).
CREATE TRIGGER IF NOT EXISTS node_rekeyed AFTER UPDATE OF key ON nodes BEGIN
    {_role_edit_counted("1")}
END;
CREATE TRIGGER IF NOT EXISTS edge_added AFTER INSERT ON edges BEGIN
    {_count('rel_type', 'NEW.type', 1)}
END;
CREATE TRIGGER IF NOT EXISTS edge_removed AFTER DELETE ON edges BEGIN
    {_count('rel_type', 'OLD.type', -1)}
    {_role_edit_counted(_is_role('OLD.type'))}
END;
-- paperkg itself only ever updates an edge's props; another tool moving an edge is counted all the same.
CREATE TRIGGER IF NOT EXISTS edge_moved AFTER UPDATE OF type_id, source, target ON edges BEGIN
    {_count('rel_type', 'OLD.type', -1)}
    {_count('rel_type', 'NEW.type', 1)}
    {_role_edit_counted(_is_role('OLD.type'))}
    {_role_edit_counted(_is_role('NEW.type'))}
END;
CREATE TRIGGER IF NOT EXISTS authorship_added AFTER INSERT ON authorship BEGIN
    {_count('rel_type', _AUTHORSHIP_LITERAL, 1)}
END;
CREATE TRIGGER IF NOT EXISTS authorship_removed AFTER DELETE ON authorship BEGIN
    {_count('rel_type', _AUTHORSHIP_LITERAL, -1)}
END;
"""


def create_schema(conn: sqlite3.Connection, schema_version: int) -> None:
    """Create the tables of an empty file and stamp its format and versions (inside the caller's transaction)."""
    for statement in _statements(DDL):
        conn.execute(statement)
    conn.executemany(
        "INSERT OR REPLACE INTO meta (name, value) VALUES (?, ?)",
        [("format", FORMAT), ("layout_version", str(LAYOUT_VERSION)), ("schema_version", str(schema_version))],
    )


def drop_positional_title_index(conn: sqlite3.Connection) -> bool:
    """Layouts 1-5 to 6: drop a title trigram index that keeps positions; True when the titles
    must be indexed anew (``fill_title_index`` once ``create_schema`` has made the new table)."""
    found = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'paper_titles'").fetchone()
    if found is not None and TITLE_TRIGRAM_DETAIL in found[0]:
        return False
    conn.execute("DROP TABLE IF EXISTS paper_titles")
    return True


def indexed_text(label: str, props: Mapping[str, Any]) -> tuple[str | None, str | None] | None:
    """(title, abstract) as node_added's full-text statements index a node written with these
    properties (``_INDEXED_PAPER``, ``_PAPER_TEXT``; NUL characters dropped, as the store writes
    them), or None when it is not indexed (not a paper, a stub). Raises ValueError for values
    those statements would read otherwise than Python does (a title that is no text, a stub flag
    that is no boolean): the caller leaves such a write to the trigger."""
    if label != "Paper":
        return None
    stub, title, abstract = props.get("stub"), props.get("title"), props.get("abstract")
    if stub not in (None, False, True) or not isinstance(title, (str, type(None))) or not isinstance(abstract, (str, type(None))):
        raise ValueError("a paper's text or stub flag of another type")
    if stub:
        return None
    return (None if title is None else title.replace("\x00", ""), None if abstract is None else abstract.replace("\x00", ""))


def fill_title_index(conn: sqlite3.Connection) -> None:
    """Index every paper's title (what the node triggers add one paper at a time)."""
    conn.execute(
        "INSERT INTO paper_titles (rowid, title) SELECT n.id, json_extract(n.props, '$.title') FROM nodes n "
        f"WHERE {_INDEXED_PAPER.format(row='n')}"
    )


def _statements(script: str) -> list[str]:
    """The DDL as single statements (a trigger body's semicolons belong to the trigger)."""
    found, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            found.append(current.strip())
            current = ""
    return [s for s in found if s]


def read_meta(conn: sqlite3.Connection) -> dict[str, str] | None:
    """The file's meta rows, or None when the file holds no paperkg tables yet."""
    exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").fetchone()
    if not exists:
        return None
    return dict(conn.execute("SELECT name, value FROM meta").fetchall())
