"""The embedded store: the graph in one SQLite file (standard library sqlite3, WAL).

A build is one write transaction, begun (``lock``) before the build reads anything it depends on:
a failed or interrupted build leaves the previous graph exactly as it was, two builds at once run
one after the other, and a command reading during a build sees the graph as it was before it.
Reads go through indexes (see ``sqlite_schema``); nothing loads the whole graph.
"""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from paperkg.errors import StoreError
from paperkg.graph import METADATA_SOURCE
from paperkg.model import SCHEMA, SCHEMA_VERSION, TITLE_KEY_PREFIX, GraphBatch, merge_props
from paperkg.safe_files import UnsafeOutputError, describe_os_error
from paperkg.store.base import (
    ENTITY_NODE_LABELS,
    EXTRACTED_NODE_LABELS,
    EXTRACTED_REL_TYPES,
    INFERRED_CITATION_PROPS,
    EdgeRow,
    GraphCounts,
    GraphDump,
)
from paperkg.store.sqlite_cooccurrence import HUB_LINKS
from paperkg.store.sqlite_cooccurrence import forget as forget_cooccurrence
from paperkg.store.sqlite_cooccurrence import refresh as refresh_cooccurrence
from paperkg.store.sqlite_cooccurrence import state as cooccurrence_state
from paperkg.store.sqlite_props import (
    CONFIDENCE_SCALE,
    EDGE_COLUMN_NAMES,
    RULE_SQL,
    AbstractDictionary,
    abstract_sql,
    add_functions,
    compact,
    compress_abstract,
    dumps,
    edge_sql,
    expand,
    load_dictionaries,
    make_dictionary,
    month_sql,
    node_props,
    paper_sql,
    property_sql,
    register_dictionary,
    split,
    stored_edge,
    stored_node,
    strip_derived,
    text_moved,
    uncompress,
    watch,
)
from paperkg.store.sqlite_schema import (
    ABSTRACT_COLUMNS,
    AUTHORSHIP,
    DERIVED_TABLES,
    DROPPED_INDEXES,
    DROPPED_TABLES,
    DROPPED_TRIGGERS,
    EDGE_TYPE_ID_SQL,
    EDGE_TYPE_IDS,
    EDGES_COLUMNS_DDL,
    FORMAT,
    LAYOUT_VERSION,
    NORM_TITLE_KEY,
    REMADE_EDGE_TRIGGERS,
    REMADE_INDEXES,
    UPGRADABLE_LAYOUTS,
    WRITER_INDEXES_TEXT,
    create_schema,
    drop_positional_title_index,
    fill_title_index,
    indexed_text,
    read_meta,
)

log = logging.getLogger(__name__)

STORE_FILE = "graph.sqlite"
LEGACY_FILE = "graph.json"
SQLITE_SUFFIXES = (".sqlite", ".sqlite3", ".db")
SQLITE_HEADER = b"SQLite format 3\x00"
READ_WAIT_S = 30.0
# SQLite's unix VFS locks a database through these bytes of its file (sqlite3.c: SHARED_FIRST, SHARED_SIZE).
SQLITE_SHARED_FIRST = 0x40000000 + 2
SQLITE_SHARED_SIZE = 510
CHUNK = 20_000  # keys per statement: bounded JSON parameters, bounded memory
KNOWN_NODES = 100_000  # nodes whose rows _props_by_key keeps until the file changes (a chunk has ~55,000)
WRITE_CACHE_KB = 1_048_576  # page cache of a writing build (1 GB at most)
READ_CACHE_KB = 65_536  # page cache of a reader
PACK_CACHE_KB = 65_536  # page cache of the pack after a first build (its temporary copy's too)
# The read papers' (key, title, abstract, published).
_PAPER_TEXTS = (
    f"SELECT key, coalesce(title, ''), coalesce({abstract_sql('nodes')}, ''), "
    "json_extract(props, '$.published') FROM nodes WHERE label = 'Paper' "
    "AND coalesce(json_extract(props, '$.stub'), 0) = 0"
)


# Papers by norm_title (a JSON list of them), through the index of its prefix: named, because the
# planner, without statistics or with few papers, goes through the label's index instead.
PAPERS_BY_NORM_TITLE = (
    f"SELECT norm_title, key FROM nodes INDEXED BY papers_by_norm_title WHERE label = 'Paper' AND {NORM_TITLE_KEY} "
    f"IN (SELECT {NORM_TITLE_KEY.replace('norm_title', 'value')} FROM json_each(?)) ORDER BY key"
)


# The papers known by their title alone (key ``paper:t-...``; '.' follows '-') among those of
# PAPERS_BY_NORM_TITLE, and whether any node has such a key, from the key's index alone (named with the
# label, the planner walked every paper through the label's index instead: 0.7 s at a million papers).
_TITLE_KEY_RANGE = f"key >= '{TITLE_KEY_PREFIX}' AND key < '{TITLE_KEY_PREFIX[:-1]}.'"
_TITLE_KEYED_BY_NORM_TITLE = PAPERS_BY_NORM_TITLE.replace(" ORDER BY key", f" AND {_TITLE_KEY_RANGE} ORDER BY key")
_ANY_TITLE_KEYED = f"SELECT key FROM nodes WHERE {_TITLE_KEY_RANGE} LIMIT 1"


def store_paths(db: Path) -> tuple[Path, Path]:
    """(SQLite file, legacy JSON file it may be migrated from) for a ``--db`` value: a folder, a
    ``.sqlite``/``.db`` file, an old ``.json`` graph file, or any other existing file (which must
    then be an SQLite file)."""
    if db.suffix == ".json":
        return db.with_suffix(".sqlite"), db
    if db.suffix in SQLITE_SUFFIXES or (db.exists() and not db.is_dir()):
        return db, db.with_name(LEGACY_FILE)
    return db / STORE_FILE, db / LEGACY_FILE


def _writes(method: Callable[..., Any]) -> Callable[..., Any]:
    """A store method that writes: SQLite's failures (a full disk) become one-line errors."""

    @functools.wraps(method)
    def wrapper(self: SQLiteStore, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except sqlite3.Error as exc:
            raise self._write_error(exc) from None

    return wrapper


# An edge's stored values (``props`` and the columns of ``sqlite_props.stored_edge``), as statements write them.
_EDGE_VALUES = ("props", *EDGE_COLUMN_NAMES)
_EDGE_UPSERT = (
    f"INSERT INTO edges (source, type_id, target, {', '.join(_EDGE_VALUES)}) VALUES (?, ?, ?{', ?' * len(_EDGE_VALUES)}) "
    "ON CONFLICT (source, type_id, target) DO UPDATE SET " + ", ".join(f"{name} = excluded.{name}" for name in _EDGE_VALUES)
)
_EDGE_UPDATE = "UPDATE edges SET " + ", ".join(f"{name} = ?" for name in _EDGE_VALUES) + " WHERE id = ?"


def _node_columns(key: str, label: str, props: Mapping[str, Any],
                  dictionary: AbstractDictionary | None) -> tuple[str, bytes | None, int | None]:
    """(props, abstract_z, abstract_size) of a node as the ``nodes`` table stores it."""
    rest, abstract_z, abstract_size = stored_node(label, props, dictionary, key)
    return dumps(rest), abstract_z, abstract_size


def chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class SQLiteStore:
    """A graph in an SQLite file; reads need the file, writes create it.

    Args:
        db: the store folder (default ``.kg``, file ``graph.sqlite`` in it) or the file itself.
        create: make the file when it does not exist (builds); read commands pass False and get
            a StoreError that says to run ``kg build``.
        migrate: copy an old JSON store (``graph.json`` beside it) into the new file on first use.
        lock: begin the write transaction at once, before anything is read (builds).
        lock_wait_s: how long a writer waits for another build to commit before it is refused.

    Example:
        >>> with SQLiteStore(Path(".kg")) as store:  # doctest: +SKIP
        ...     store.counts().labels["Paper"]
    """

    rolls_back = True  # a failed build leaves the previous graph: nothing to check before writing
    hub_links = HUB_LINKS  # role edges that make an entity a hub whose co-occurring entities are kept
    _state_at_begin: str | None = None  # the co-occurrences' view of the graph when the write transaction began

    def __init__(self, db: Path, *, create: bool = False, migrate: bool = True, lock: bool = False,
                 lock_wait_s: float = 0.0) -> None:
        self.path, legacy = store_paths(Path(db))
        self.description = f"embedded graph {self.path}"
        self._created = False
        self._wrote = False
        self._made_schema = False  # this build's transaction made the tables: the file held no graph before it
        self._identity: tuple[int, int] | None = None
        self._known: dict[str, tuple[int, str, dict[str, Any]] | None] = {}  # see _props_by_key
        self._known_at: tuple[int, int] | None = None
        self._rules: dict[str, int] = {}  # rule name -> id in ``rules``, within the write transaction (see _rule_id)
        self._dictionary: AbstractDictionary | None = None  # the abstracts' dictionary writes use (read in lock)
        meta = self._open(create=create, legacy=legacy if migrate else None)
        watch(self)
        if lock or meta is None:
            # A new store holds no tables until its first transaction creates them: begun now, so
            # that it reads as an empty graph at once.
            self.lock(wait_s=lock_wait_s)

    # -- opening and closing -------------------------------------------------------------------

    def _open(self, *, create: bool, legacy: Path | None = None) -> dict[str, str] | None:
        """Connect and check the file; returns its meta rows (None: no graph in it yet).

        Opened again when the file was removed meanwhile (a first build that failed removes its
        file): this process would otherwise work on a file no path names any more.
        """
        for _attempt in range(20):
            try:
                return self._open_once(create=create, legacy=legacy)
            except (StoreError, sqlite3.Error):
                if self._identity is None or _file_identity(self.path) == self._identity:
                    raise
                with contextlib.suppress(sqlite3.Error):
                    self.conn.close()
        raise StoreError(f"{self.path} was removed again and again while opening it; run again when no build is failing")

    def _open_once(self, *, create: bool, legacy: Path | None) -> dict[str, str] | None:
        self._identity = None
        try:
            exists = self.path.is_file() and self.path.stat().st_size > 0
        except FileNotFoundError:  # removed just now (a first build that failed)
            exists = False
        if self.path.is_dir():
            raise StoreError(f"{self.path} is a folder, not a store file: point --db at the folder that holds it")
        for suffix in ("", "-wal", "-shm", "-journal"):
            if Path(f"{self.path}{suffix}").is_symlink():  # SQLite would write through it
                raise StoreError(f"{self.path}{suffix} is a symbolic link, not a store file: remove it and run again")
        if exists:
            _check_header(self.path)
        elif legacy is not None and legacy.is_file():
            from paperkg.store.json_migration import migrate

            migrate(legacy, self.path)
            exists = True
        elif not create:
            raise StoreError(f"no graph at {self.path}: run `kg build` first (or pass --db PATH)")
        side_files = [Path(f"{self.path}{suffix}") for suffix in ("-wal", "-shm")]
        new_side_files = [path for path in side_files if not path.exists()]
        self.conn = self._connect(create=not exists)
        self._created = not exists
        self._identity = _file_identity(self.path)
        try:
            # Checked before the first write (WAL mode is one): a file of another program stays untouched.
            meta = self._checked_meta()
            if meta is None and not create:
                self.conn.close()
                raise StoreError(f"no graph at {self.path}: run `kg build` first (or pass --db PATH)")
            self._configure()
            if meta is not None and meta.get("layout_version") != str(LAYOUT_VERSION):
                self._upgrade_layout(meta)
        except Exception:
            # Opening failed (a full disk, a foreign file): leave no log files of ours behind, unless
            # another process has them open (a build creating this file: removing its log loses its commit).
            _remove_unused_logs(self.path, new_side_files)
            raise
        return meta

    def _connect(self, *, create: bool) -> sqlite3.Connection:
        try:
            if create:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            elif not os.access(self.path, os.R_OK):
                raise PermissionError(13, "Permission denied")
            mode = "rwc" if create else "rw"
            conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode={mode}", uri=True, isolation_level=None,
                                   timeout=READ_WAIT_S, check_same_thread=False)
            add_functions(conn)
            return conn
        except OSError as exc:
            raise StoreError(describe_os_error(self.path, exc)) from None
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the store {self.path}: {exc}; check the path and its permissions") from None

    def _configure(self) -> None:
        deadline = time.monotonic() + READ_WAIT_S
        while True:
            try:
                if self._created:
                    # Papers' rows (title, abstract, authors) run to a few KB: 8 KB pages waste less on overflow.
                    self.conn.execute("PRAGMA page_size = 8192")
                self.conn.execute("PRAGMA journal_mode = WAL")
                self.conn.execute("PRAGMA synchronous = NORMAL")  # with WAL: a power cut may lose the last build, never corrupt
                self.conn.execute(f"PRAGMA cache_size = -{READ_CACHE_KB}")
                self.conn.execute("PRAGMA mmap_size = 268435456")
                self.conn.execute("PRAGMA temp_store = MEMORY")
                return
            except sqlite3.Error as exc:
                # A new file turns to WAL under an exclusive lock, and SQLite does not wait for that one
                # (no busy handler): another process opening the new file at the same time gets "locked".
                locked = isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc)
                if locked and time.monotonic() < deadline:
                    time.sleep(0.02)
                    continue
                self.conn.close()
                raise StoreError(f"cannot open the store {self.path}: {exc}; check the path and its permissions") from None

    def _checked_meta(self) -> dict[str, str] | None:
        try:
            # One read transaction: read apart, a build that commits the first graph between the two
            # reads makes a new store look like a foreign file (no meta table, then tables).
            self.conn.execute("BEGIN")
            try:
                meta = read_meta(self.conn)
                has_tables = self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
            finally:
                self.conn.rollback()
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            if getattr(exc, "sqlite_errorname", "").startswith(("SQLITE_IOERR", "SQLITE_FULL")):
                raise self._write_error(exc) from None  # its shared-memory file could not be written
            raise StoreError(f"{self.path} is not a readable paperkg store ({exc}); point --db at a store folder") from None
        if meta is None:
            if has_tables:
                self.conn.close()
                raise StoreError(f"{self.path} is an SQLite file but not a paperkg store; point --db at a store folder")
            return None
        if meta.get("format") != FORMAT:
            self.conn.close()
            raise StoreError(f"{self.path} is an SQLite file but not a paperkg store; point --db at a store folder")
        if meta.get("schema_version") == str(SCHEMA_VERSION) and meta.get("layout_version") in UPGRADABLE_LAYOUTS:
            return meta  # rewritten once the connection is configured
        if meta.get("schema_version") != str(SCHEMA_VERSION) or meta.get("layout_version") != str(LAYOUT_VERSION):
            self.conn.close()
            raise StoreError(
                f"{self.path} holds a graph of schema version {meta.get('schema_version')} (layout "
                f"{meta.get('layout_version')}), this kg reads {SCHEMA_VERSION} (layout {LAYOUT_VERSION}): "
                "move it away and run `kg build` again"
            )
        return meta

    def _upgrade_layout(self, meta: dict[str, str]) -> None:
        """Rewrite an older layout's file in place (one transaction); readers see the old file until
        it commits. From layout 1: edges out of papers keep spans of the paper's text instead of
        copies (``sqlite_props``), papers are counted by month. From layouts 1 and 2: the indexes no
        query uses are dropped and the triggers that needed them made anew. From layouts 1 to 3:
        papers' abstracts move out of ``props`` into their compressed columns. From layouts 1 to 4:
        the WROTE relationships move out of ``edges`` into ``authorship``. From layouts 1 to 5: the
        title trigram index is made anew without positions. From layouts 1 to 10: ``paper_sources``
        goes (the node triggers count source files themselves), the norm_title index is made anew on
        a prefix, the title trigram index without column sizes. From layouts 1 to 11: ``edges`` is made
        anew with type codes and confidences in ten-thousandths (``_rebuild_edges``). From every older layout: the node
        triggers are made anew (layout 9: node_added leaves the text of the writer's papers to it)."""
        log.warning("upgrading %s to the store layout %s (once; a large graph takes a few minutes)", self.path, LAYOUT_VERSION)
        try:
            self.lock(wait_s=READ_WAIT_S)
            if read_meta(self.conn) != meta:
                self.conn.commit()  # another process upgraded it meanwhile
                return
            for trigger in ("node_added", "node_removed", "node_changed", *REMADE_EDGE_TRIGGERS, *DROPPED_TRIGGERS):
                self.conn.execute(f"DROP TRIGGER IF EXISTS {trigger}")
            # The counts a dropped table's triggers kept stay as they are: the node triggers keep them from now on.
            for table in (*DERIVED_TABLES, *DROPPED_TABLES):
                self.conn.execute(f"DROP TABLE IF EXISTS {table}")
            forget_cooccurrence(self.conn)
            for index in (*DROPPED_INDEXES, *REMADE_INDEXES):
                self.conn.execute(f"DROP INDEX IF EXISTS {index}")
            self._compress_abstracts()
            self._recompress_abstracts()
            self._rebuild_edges()
            retitle = drop_positional_title_index(self.conn)
            create_schema(self.conn, SCHEMA_VERSION)
            if retitle:
                fill_title_index(self.conn)
            self._move_authorship()
            if meta.get("layout_version") == "1":
                self._upgrade_from_layout_1()
            if int(meta.get("layout_version") or 0) < 10:
                # Not on a file of layout 10 or later: its edges are in columns already, and read again
                # here an edge's ORDER_KEY would be taken for a property (its order lost).
                self._edge_properties_to_columns()
            self.conn.execute("UPDATE meta SET value = ? WHERE name = 'layout_version'", (str(LAYOUT_VERSION),))
            refresh_cooccurrence(self.conn, self.hub_links)  # kept counts are derived: made anew, not carried over
            # The planner's statistics of the new table and of the smaller edges (as a build's commit keeps them).
            self.conn.execute("PRAGMA analysis_limit = 1000")
            self.conn.execute("ANALYZE")
            self.conn.commit()
        except sqlite3.Error as exc:
            if self.conn.in_transaction:
                self.conn.rollback()
            self.conn.close()
            raise self._write_error(exc) from None
        except BaseException:
            if self.conn.in_transaction:
                self.conn.rollback()
            raise

    def _chunks(self, sql: str) -> Iterator[list[tuple]]:
        """Rows of ``sql`` (parameters: last id seen, chunk size; first column the id) a chunk at a
        time, so an upgrade of a big store never holds every row."""
        last = 0
        while rows := self.conn.execute(sql, (last, CHUNK)).fetchall():
            last = rows[-1][0]
            yield rows

    def _compress_abstracts(self) -> None:
        """Layouts 1-3 to 4: each paper's abstract out of ``props`` into its compressed columns.
        Run with the node triggers dropped: the text the full-text index holds stays the same."""
        self._add_columns("nodes", ABSTRACT_COLUMNS)
        for rows in self._chunks(
            "SELECT id, props FROM nodes WHERE id > ? AND label = 'Paper' AND abstract_z IS NULL "
            "AND json_type(props, '$.abstract') = 'text' ORDER BY id LIMIT ?"
        ):
            updates = []
            for node_id, props in rows:
                rest, packed, size = stored_node("Paper", json.loads(props))  # plain zlib: layout 13's pass follows
                updates.append((dumps(rest), packed, size, node_id))
            self.conn.executemany("UPDATE nodes SET props = ?, abstract_z = ?, abstract_size = ? WHERE id = ?", updates)

    def _recompress_abstracts(self) -> None:
        """Layouts 1-12 to 13: every paper's abstract compressed again with a dictionary made of the
        store's own first abstracts (those of the first CHUNK papers by id: what a first build's first
        chunk writes), and the derived properties left out of its ``props`` (``strip_derived``). Run
        with the node triggers dropped: the text the full-text index holds and the counts stay the same."""
        conn = self.conn
        self._dictionary = None
        conn.execute("CREATE TABLE IF NOT EXISTS abstract_dictionaries (id INTEGER PRIMARY KEY, dictionary BLOB NOT NULL, "
                     "made TEXT NOT NULL)")
        if conn.execute("SELECT 1 FROM abstract_dictionaries").fetchone() is None:
            first = conn.execute("SELECT abstract_z, abstract_size FROM nodes WHERE label = 'Paper' AND abstract_z IS NOT NULL "
                                 "ORDER BY id LIMIT ?", (CHUNK,)).fetchall()
            self._add_dictionary([uncompress(z, size) or "" for z, size in first],
                                 f"upgrade to layout {LAYOUT_VERSION}: the abstracts of the first {CHUNK:,} papers by id")
        else:
            self._dictionary = (load_dictionaries(conn) or [None])[-1]
        for rows in self._chunks("SELECT id, key, props, abstract_z, abstract_size FROM nodes WHERE id > ? "
                                 "AND label = 'Paper' ORDER BY id LIMIT ?"):
            updates = []
            for node_id, key, props, abstract_z, abstract_size in rows:
                held = json.loads(props)
                if not isinstance(held, dict) or "abstract" in held:
                    continue  # another tool's paper, as it wrote it
                stripped = dumps(strip_derived(key, held)) if held.get("stub") is False else props
                packed = abstract_z
                if abstract_z is not None and self._dictionary is not None:
                    packed, _ = compress_abstract(uncompress(abstract_z, abstract_size) or "", self._dictionary)
                    if uncompress(packed, abstract_size) != uncompress(abstract_z, abstract_size):
                        packed = abstract_z  # text another tool stored that is no UTF-8: left as it was
                if stripped != props or packed != abstract_z:
                    updates.append((stripped, packed, node_id))
            conn.executemany("UPDATE nodes SET props = ?, abstract_z = ? WHERE id = ?", updates)

    def _add_dictionary(self, abstracts: Sequence[str], made: str) -> None:
        """Make the store's abstract dictionary from these abstracts (when they are enough text) and
        use it for the writes that follow."""
        data = make_dictionary(abstracts)
        if data is None:
            return
        dictionary = register_dictionary(data)
        self.conn.execute("INSERT OR IGNORE INTO abstract_dictionaries (id, dictionary, made) VALUES (?, ?, ?)",
                          (dictionary.id, dictionary.data, made))
        self._dictionary = dictionary
        log.info("made the abstracts' dictionary %d (%s)", dictionary.id, made)

    def _rebuild_edges(self) -> None:
        """Layouts 1-11 to 12: ``edges`` made anew (ids kept) with each type as its code (``type_id``)
        and the confidence in ten-thousandths (``confidence_e4``). An edge whose confidence does not
        come back exactly from them is stored again from its full properties, as a write would keep it
        (the confidence in ``props``). Run with the edge triggers and indexes gone with the old table."""
        conn = self.conn
        have = {row[1] for row in conn.execute("PRAGMA table_xinfo(edges)")}
        if "type_id" in have:
            return
        unknown = [t for (t,) in conn.execute(f"SELECT DISTINCT type FROM edges WHERE ({EDGE_TYPE_ID_SQL}) IS NULL")]
        if unknown:
            named = ", ".join(map(str, unknown))
            raise StoreError(f"{self.path} holds relationships of types this kg has no code for ({named}); "
                             "use the kg that wrote it")
        confidence = "confidence" if "confidence" in have else "NULL"
        scaled = f"round({confidence} * {CONFIDENCE_SCALE})"
        # Exact in SQL as in Python (confidence_e4): the same float product, rounding and division.
        fits = (f"typeof({confidence}) = 'real' AND abs({confidence}) < 1e11 "
                f"AND {scaled} / {CONFIDENCE_SCALE}.0 = {confidence} AND {confidence} <> 0")
        values = {name: name if name in have else "NULL" for name in ("id", "source", "target", "props", *EDGE_COLUMN_NAMES)}
        values["type_id"] = EDGE_TYPE_ID_SQL
        values["confidence_e4"] = f"CASE WHEN {fits} THEN CAST({scaled} AS INTEGER) END"
        misfits: list[tuple[int, int, str, dict[str, Any]]] = []
        if confidence != "NULL":  # a confidence of 0 is checked here too (-0.0 would come back as 0.0)
            columns = ", ".join(["e.props", *("e.confidence" if name == "confidence_e4" else
                                               RULE_SQL.format(e="e") if name == "rule_id" else "e." + name
                                               for name in EDGE_COLUMN_NAMES)])
            for rows in self._chunks(f"SELECT e.id, e.source, e.type, {columns}, {paper_sql('p')} FROM edges e "
                                     "LEFT JOIN nodes p ON p.id = e.source WHERE e.id > ? AND e.confidence IS NOT NULL "
                                     f"AND NOT ({fits.replace(confidence, 'e.confidence')}) ORDER BY e.id LIMIT ?"):
                misfits += [(edge_id, source, rel_type, expand(*stored)) for edge_id, source, rel_type, *stored in rows]
        conn.execute(f"CREATE TABLE edges_12 ({EDGES_COLUMNS_DDL})")
        conn.execute(f"INSERT INTO edges_12 ({', '.join(values)}) SELECT {', '.join(values.values())} FROM edges ORDER BY id")
        conn.execute("DROP TABLE edges")
        conn.execute("ALTER TABLE edges_12 RENAME TO edges")
        papers = self._papers_by_id({source for _, source, _, _ in misfits})
        conn.executemany(_EDGE_UPDATE, [(*stored_edge(props, papers.get(source), self._rule_id), edge_id)
                                        for edge_id, source, _, props in misfits])

    def _add_columns(self, table: str, columns: Sequence[tuple[str, str]]) -> None:
        have = {row[1] for row in self.conn.execute(f"PRAGMA table_xinfo({table})")}
        for name, kind in columns:
            if name not in have:
                self.conn.execute(f"ALTER TABLE {table} ADD COLUMN {name} {kind}")

    def _edge_properties_to_columns(self) -> None:
        """Layouts 1-9 to 10: the properties of each edge that have columns move out of ``props``
        into them (what ``props`` holds wins over what a column held). No paper text is read: the
        evidence's span (layout 2) moves as it is."""
        for rows in self._chunks(f"SELECT id, {', '.join(_EDGE_VALUES)} FROM edges WHERE id > ? AND props <> '{{}}' "
                                 "ORDER BY id LIMIT ?"):
            updates = []
            for edge_id, props, *columns in rows:
                held = json.loads(props)
                if isinstance(held, dict):
                    stored = split({**_as_compacted(columns, self._rule_name), **held}, self._rule_id)
                    if stored != (props, *columns):
                        updates.append((*stored, edge_id))
            self.conn.executemany(_EDGE_UPDATE, updates)

    def _rule_name(self, rule_id: int) -> str | None:
        row = self.conn.execute("SELECT name FROM rules WHERE id = ?", (rule_id,)).fetchone()
        return row[0] if row else None

    def _move_authorship(self) -> None:
        """Layouts 1-4 to 5: each WROTE edge out of ``edges`` into ``authorship`` (they never held
        properties: kg.graph writes none). The tables' triggers keep the stored count as it was."""
        for rows in self._chunks(
            f"SELECT id, source, target FROM edges WHERE id > ? AND type = '{AUTHORSHIP}' ORDER BY id LIMIT ?"
        ):
            self.conn.executemany("INSERT OR IGNORE INTO authorship (author, paper) VALUES (?, ?)",
                                  [(source, target) for _, source, target in rows])
            self.conn.executemany("DELETE FROM edges WHERE id = ?", [(edge_id,) for edge_id, _, _ in rows])

    def _upgrade_from_layout_1(self) -> None:
        """Layout 1 to 2: papers counted by month; edges out of papers keep spans, not copies."""
        self.conn.execute(
            f"INSERT INTO counts (kind, name, n) SELECT 'paper_month', coalesce({month_sql('nodes')}, ''), "
            "count(*) FROM nodes WHERE label = 'Paper' AND coalesce(json_extract(props, '$.stub'), 0) = 0 GROUP BY 2 "
            "ON CONFLICT (kind, name) DO UPDATE SET n = excluded.n"
        )
        for rows in self._chunks(
            f"SELECT e.id, e.props, {paper_sql('p')} FROM edges e CROSS JOIN nodes p ON p.id = e.source "
            "WHERE e.id > ? AND p.label = 'Paper' ORDER BY e.id LIMIT ?"
        ):
            updates = []
            for edge_id, props, title, abstract_z, abstract_size, abstract, sources in rows:
                paper = {"title": title, "abstract": abstract if abstract_z is None else uncompress(abstract_z, abstract_size),
                         "sources": json.loads(sources) if sources else None}
                stored = dumps(compact(json.loads(props), paper))
                if stored != props:
                    updates.append((stored, edge_id))
            self.conn.executemany("UPDATE edges SET props = ? WHERE id = ?", updates)

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Roll back what was not committed (a failed build), then close the file."""
        conn = getattr(self, "conn", None)
        if conn is None:
            return
        removed = self._made_schema and self._remove_unbuilt_file()
        if conn.in_transaction:
            conn.rollback()
        if self._wrote and not removed:
            # Fold the write-ahead log into the file now, if no reader is in the way (never wait for one).
            with contextlib.suppress(sqlite3.Error):
                conn.execute("PRAGMA busy_timeout = 0")
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
        self.conn = None  # type: ignore[assignment]

    def _remove_unbuilt_file(self) -> bool:
        """The first build failed: leave no store behind, as if it never ran.

        Removed while this build holds the write lock, so no other build has committed to the file
        meanwhile; a build waiting for the lock finds the file gone and opens the path anew (``lock``).
        """
        try:
            if not self.conn.in_transaction:  # SQLite ended the transaction itself: hold the lock again
                self.conn.execute("PRAGMA busy_timeout = 0")
                self.conn.execute("BEGIN IMMEDIATE")
                if read_meta(self.conn) is not None:
                    return False  # another build has committed a graph since
        except sqlite3.Error:
            return False  # another build holds the lock: its file stays
        if _file_identity(self.path) != self._identity:
            return False
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                Path(f"{self.path}{suffix}").unlink()
        return True

    def lock(self, wait_s: float = 0.0) -> None:
        """Begin the build's write transaction, waiting up to ``wait_s`` for another build to commit.

        Polled (not SQLite's busy handler), so Ctrl-C and SIGTERM end the wait at once.
        """
        if self.conn.in_transaction:
            return
        deadline = time.monotonic() + wait_s
        said = False
        try:
            self.conn.execute("PRAGMA busy_timeout = 0")
            while True:
                try:
                    self.conn.execute("BEGIN IMMEDIATE")
                    self._rules = {}  # ids another writer added since are read anew, ids rolled back forgotten
                    if _file_identity(self.path) == self._identity:
                        break
                    self._reopen()  # the first build failed and removed the file this one had opened
                    continue
                except sqlite3.OperationalError as exc:
                    if _file_identity(self.path) != self._identity:
                        self._reopen()
                        continue
                    if "locked" not in str(exc) and "busy" not in str(exc):
                        raise
                    if time.monotonic() >= deadline:
                        waited = f" (waited {wait_s:g} s, KG_LOCK_WAIT)" if wait_s else ""
                        raise StoreError(f"another kg build is writing {self.path}{waited}: "
                                         "wait for it to finish and run again") from None
                    if not said:
                        log.warning("another kg build is writing %s: waiting for it to finish", self.path)
                        said = True
                    time.sleep(0.05)
            self.conn.execute(f"PRAGMA busy_timeout = {int(READ_WAIT_S * 1000)}")
            # A build's one transaction touches index pages all over a big file: a page cache too
            # small for them spills changed pages to the log again and again (it only grows as used).
            self.conn.execute(f"PRAGMA cache_size = -{WRITE_CACHE_KB}")
            self._wrote = True
            if read_meta(self.conn) is None:
                create_schema(self.conn, SCHEMA_VERSION)
                self._made_schema = True
            # The dictionary writes use: the store's latest (one another build made since is read now).
            self._dictionary = (load_dictionaries(self.conn) or [None])[-1]
            # What the graph was when this transaction began: the commit keeps the co-occurrences
            # up to date from it only if no other writer changed the graph since the last commit.
            self._state_at_begin = cooccurrence_state(self.conn)
        except sqlite3.Error as exc:
            raise self._write_error(exc) from None

    def _reopen(self) -> None:
        """Open the store's path again (a new file, or one another build made since), lock not held."""
        with contextlib.suppress(sqlite3.Error):
            self.conn.rollback()
        self.conn.close()
        self._open(create=True)
        self.conn.execute("PRAGMA busy_timeout = 0")

    def _write_error(self, exc: sqlite3.Error) -> Exception:
        """One line for an SQLite failure while writing: a full disk says so."""
        name = getattr(exc, "sqlite_errorname", "")
        if name.startswith(("SQLITE_FULL", "SQLITE_IOERR_WRITE", "SQLITE_IOERR_FSYNC", "SQLITE_IOERR_TRUNCATE",
                            "SQLITE_IOERR_SHMSIZE", "SQLITE_IOERR_SHMMAP")):
            return UnsafeOutputError(f"{self.path}: no space left to write it ({exc}); free some space and run again "
                                     "(nothing was replaced)")
        if name.startswith(("SQLITE_READONLY", "SQLITE_PERM", "SQLITE_CANTOPEN")):
            return StoreError(f"{self.path}: permission denied ({exc}); choose a folder you can write to")
        return StoreError(f"cannot write the store {self.path}: {exc}; the previous graph is kept")

    def _write(self) -> sqlite3.Connection:
        """The connection inside a write transaction (begun here when no build began one)."""
        if not self.conn.in_transaction:
            self.lock()
        return self.conn

    def commit(self) -> None:
        """Make the build's writes durable and visible, all at once (the previous graph until then)."""
        if not self.conn.in_transaction:
            return
        try:
            started = time.monotonic()
            hubs = refresh_cooccurrence(self.conn, self.hub_links, self._state_at_begin)
            if hubs is not None:
                log.info("counted the co-occurring entities of %d hubs in %.1f s", hubs, time.monotonic() - started)
            # Table statistics for the query planner, sampled (analysis_limit) so that this stays quick.
            first = self._made_schema
            if first:
                # A first build wrote its full-text indexes in many segments: merged into one (12 bytes a
                # paper at 68,000 papers), as later builds' merges would only slowly do.
                started = time.monotonic()
                for index in ("paper_text", "paper_titles"):
                    self.conn.execute(f"INSERT INTO {index} ({index}) VALUES ('optimize')")
                log.info("merged the full-text indexes in %.1f s", time.monotonic() - started)
            started = time.monotonic()
            self.conn.execute("PRAGMA analysis_limit = 1000")
            self.conn.execute("ANALYZE")
            self.conn.commit()
            log.info("analyzed and committed in %.1f s", time.monotonic() - started)
            self._made_schema = False
        except sqlite3.Error as exc:
            raise self._write_error(exc) from None
        if first:
            self._pack()

    def _pack(self) -> None:
        """After a first build: the file written again with every table and index packed (VACUUM), which
        the build's inserts in key order leave part empty (95 bytes a paper at 68,000 papers, 2.7%; 1.2 s).
        The graph is committed already: a VACUUM that fails (no space for its copy, a reader that holds the
        log) leaves it as it is, only larger."""
        started = time.monotonic()
        try:
            # VACUUM copies the whole file into a temporary database first, then back. Held in memory
            # (temp_store MEMORY, which readers' sorts want) that copy is as large as the store (2.9 GB
            # at a million papers), on top of the page cache the build filled (1 GB); the temporary
            # database takes this connection's cache size too. So the pack goes through a temporary
            # file, with the build's cache released and a reader's cache size for both databases.
            self.conn.execute(f"PRAGMA cache_size = -{PACK_CACHE_KB}")
            self.conn.execute("PRAGMA shrink_memory")
            self.conn.execute("PRAGMA temp_store = FILE")
            try:
                self.conn.execute("VACUUM")
            finally:
                self.conn.execute("PRAGMA temp_store = MEMORY")
        except sqlite3.Error as exc:
            log.warning("could not pack %s after its first build (%s); the graph is complete", self.path, exc)
            return
        log.info("packed %s in %.1f s", self.path, time.monotonic() - started)

    # -- helpers -------------------------------------------------------------------------------

    def sql(self, query: str, params: Sequence[Any] = ()) -> list[tuple]:
        """Rows of one read statement (the catalog's SQL twins use this)."""
        try:
            return self.conn.execute(query, params).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(f"cannot read the store {self.path}: {exc}") from None

    def _by_keys(self, columns: str, keys: Iterable[str]) -> list[tuple]:
        """Rows (``columns`` of nodes) of the nodes with these keys, a chunk of keys per statement.

        Keys go in as a JSON list; one holding a NUL character (SQLite's JSON functions cut text at
        it) is looked up on its own.
        """
        wanted = sorted(set(keys))
        plain = [key for key in wanted if "\x00" not in key]
        rows: list[tuple] = []
        for part in chunks(plain):
            rows += self.conn.execute(
                f"SELECT {columns} FROM nodes WHERE key IN (SELECT value FROM json_each(?))", (json.dumps(part),)
            ).fetchall()
        for key in wanted:
            if "\x00" in key:
                rows += self.conn.execute(f"SELECT {columns} FROM nodes WHERE key = ?", (key,)).fetchall()
        return rows

    def _ids(self, keys: Iterable[str]) -> dict[str, tuple[int, str]]:
        """(id, label) of the nodes with these keys that exist, by key."""
        return {key: (node_id, label) for key, node_id, label in self._by_keys("key, id, label", keys)}

    def _props_by_key(self, keys: Iterable[str], label: str | None = None) -> dict[str, tuple[int, str, dict[str, Any]]]:
        """(id, label, properties) of the nodes with these keys that exist (and have this ``label``,
        when given), by key.

        A build reads a chunk's entities twice (have their linkable names changed; then what to merge
        into): rows read since the file last changed are kept (``_known``, checked against this
        connection's changes and other connections' commits) and not read and decoded again.
        Callers get their own copy of each properties dict."""
        stamp = (self.conn.total_changes, self.conn.execute("PRAGMA data_version").fetchone()[0])
        if stamp != self._known_at or len(self._known) > KNOWN_NODES:
            self._known, self._known_at = {}, stamp
        wanted = list(dict.fromkeys(keys))
        if len(wanted) > KNOWN_NODES:  # a read of much of the graph: kept by nobody
            self._known = {}
            return {key: row for key, row in self._decoded_rows(wanted) if label is None or row[1] == label}
        known = self._known
        missing = {key for key in wanted if key not in known}
        if missing:
            known.update(dict.fromkeys(missing))  # None: not in the graph, unless read below
            known.update(self._decoded_rows(missing))
        found = {}
        for key in wanted:
            row = known.get(key)
            # Only the rows asked for are copied: a refresh asks for a page's entities once per label.
            if row is not None and (label is None or row[1] == label):
                found[key] = (row[0], row[1], dict(row[2]))
        return found

    def _decoded_rows(self, keys: Iterable[str]) -> Iterator[tuple[str, tuple[int, str, dict[str, Any]]]]:
        for key, node_id, label, props, abstract_z, abstract_size in self._by_keys(
                "key, id, label, props, abstract_z, abstract_size", keys):
            yield key, (node_id, label, node_props(key, props, abstract_z, abstract_size))

    # -- reads ---------------------------------------------------------------------------------

    def nodes(self, label: str, keys: Iterable[str]) -> dict[str, dict[str, Any]]:
        return {key: props for key, (_, _, props) in self._props_by_key(keys, label).items()}

    def node_keys(self, label: str, keys: Iterable[str]) -> set[str]:
        return {key for key, (_, found) in self._ids(keys).items() if found == label}

    def paper_keys_by_norm_title(self, norm_titles: Iterable[str], *, title_keyed: bool = False) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        query = PAPERS_BY_NORM_TITLE
        if title_keyed:
            # Most stores hold no paper known by its title alone, and the key's index says so at once.
            # Otherwise each paper sharing a title's prefix is read, but only to check its key (a
            # million-paper build of bench_scale's copies, whose titles repeat, read 270,000 papers'
            # norm_title a chunk this way: 1.5 s, which the key alone cuts by half).
            if self.conn.execute(_ANY_TITLE_KEYED).fetchone() is None:
                return found
            query = _TITLE_KEYED_BY_NORM_TITLE
        for part in chunks(sorted(set(norm_titles))):
            rows = self.conn.execute(query, (json.dumps(part),))
            wanted = set(part)
            for norm, key in rows:
                if norm in wanted:  # the index holds a prefix: the papers sharing it are read, the equal kept
                    found.setdefault(norm, []).append(key)
        return found

    def counts(self) -> GraphCounts:
        rows = self.conn.execute("SELECT kind, name, n FROM counts WHERE kind IN ('label', 'rel_type') AND n > 0 ORDER BY name")
        labels = {name: n for kind, name, n in rows if kind == "label"}
        rows = self.conn.execute("SELECT name, n FROM counts WHERE kind = 'rel_type' AND n > 0 ORDER BY name")
        return GraphCounts(labels, dict(rows.fetchall()))

    def stored_counts(self, kind: str) -> list[tuple[str, int]]:
        """(name, count) of one kind of stored count (label, rel_type, repo_kind), by name."""
        return self.sql("SELECT name, n FROM counts WHERE kind = ? AND n > 0 ORDER BY name", (kind,))

    def dump(self) -> GraphDump:
        rows = self.conn.execute("SELECT key, label, props, abstract_z, abstract_size FROM nodes")
        nodes = {key: (label, node_props(key, props, abstract_z, size)) for key, label, props, abstract_z, size in rows}
        edges = {
            (rel_type, source, target): expand(*stored)
            for rel_type, source, target, *stored in self.conn.execute(
                f"SELECT e.type, s.key, t.key, {edge_sql('e', 's')} FROM edges e "
                "JOIN nodes s ON s.id = e.source JOIN nodes t ON t.id = e.target"
            )
        }
        edges.update(((rel_type, source, target), props) for rel_type, source, target, props in self._authorship())
        return GraphDump(nodes, edges)

    def iter_nodes(self, label: str) -> Iterator[tuple[str, dict[str, Any]]]:
        """(key, properties) of every node with this label, by key, read as the cursor goes."""
        cursor = self.conn.execute("SELECT key, props, abstract_z, abstract_size FROM nodes WHERE label = ? ORDER BY key",
                                   (label,))
        for key, props, abstract_z, abstract_size in cursor:
            yield key, node_props(key, props, abstract_z, abstract_size)

    def iter_edges(self, rel_type: str) -> Iterator[EdgeRow]:
        """(type, source, target, properties) of every relationship of this type, read as the cursor goes."""
        if rel_type == AUTHORSHIP:
            yield from self._authorship()
            return
        where, args = _type_is(rel_type)
        cursor = self.conn.execute(
            f"SELECT s.key, t.key, {edge_sql('e', 's')} FROM edges e CROSS JOIN nodes s ON s.id = e.source "
            f"CROSS JOIN nodes t ON t.id = e.target WHERE {where} ORDER BY e.id",
            args,
        )
        for source, target, *stored in cursor:
            yield rel_type, source, target, expand(*stored)

    def edges_of(self, types: Iterable[str], targets: Iterable[str] | None = None, *,
                 fields: Sequence[str] | None = None) -> list[EdgeRow]:
        wanted = json.dumps(sorted(set(types)))
        if fields is None:
            columns, paths = edge_sql("e", "s"), ()
        else:  # only these values: no paper text is read to rebuild an evidence nobody asked for
            columns = ", ".join(_edge_property_sql(f) for f in fields)
            paths = tuple(f'$."{f}"' for f in fields if not property_sql("e", f))
        if targets is None:
            found = []
            for rel_type in sorted(set(types) - {AUTHORSHIP}):
                where, args = _type_is(rel_type)
                found += self.conn.execute(
                    f"SELECT e.id, e.type, s.key, t.key, {columns} FROM edges e CROSS JOIN nodes s ON s.id = e.source "
                    f"CROSS JOIN nodes t ON t.id = e.target WHERE {where}",
                    (*paths, *args),
                ).fetchall()
            rows = [row[1:] for row in sorted(found, key=lambda row: row[0])]
            authorship = list(self._authorship()) if AUTHORSHIP in types else []
        else:
            rows = []
            for part in chunks(sorted(set(targets))):
                rows += self.conn.execute(
                    f"SELECT e.type, s.key, t.key, {columns} FROM nodes t CROSS JOIN edges e ON e.target = t.id "
                    "CROSS JOIN nodes s ON s.id = e.source WHERE t.key IN (SELECT value FROM json_each(?)) "
                    "AND e.type IN (SELECT value FROM json_each(?))",
                    (*paths, json.dumps(part), wanted),
                ).fetchall()
            authorship = list(self._authorship(sorted(set(targets)))) if AUTHORSHIP in types else []
        if fields is not None:
            found_rows = [(rel_type, source, target, {f: v for f, v in zip(fields, values, strict=True) if v is not None})
                          for rel_type, source, target, *values in rows]
        else:
            found_rows = [(rel_type, source, target, expand(*stored)) for rel_type, source, target, *stored in rows]
        return found_rows + authorship

    def _authorship(self, papers: Sequence[str] | None = None) -> Iterator[EdgeRow]:
        """The WROTE relationships (``authorship``), all of them or those into these papers, as the
        other types' rows: (type, source, target, properties: none)."""
        if papers is None:
            # By paper (authorship_by_paper), as the edges of layout 4 and older came: an export stays in its order.
            yield from ((AUTHORSHIP, author, paper, {}) for author, paper in self.conn.execute(
                "SELECT a.key, p.key FROM authorship w CROSS JOIN nodes a ON a.id = w.author "
                "CROSS JOIN nodes p ON p.id = w.paper ORDER BY w.paper, w.author"
            ))
            return
        for part in chunks(papers):
            yield from ((AUTHORSHIP, author, paper, {}) for author, paper in self.conn.execute(
                "SELECT a.key, p.key FROM nodes p CROSS JOIN authorship w ON w.paper = p.id "
                "CROSS JOIN nodes a ON a.id = w.author WHERE p.key IN (SELECT value FROM json_each(?))",
                (json.dumps(list(part)),),
            ).fetchall())

    def paper_texts(self, keys: Iterable[str] | None = None) -> list[tuple[str, str, str, str | None]]:
        if keys is None:
            return [tuple(row) for row in self.conn.execute(_PAPER_TEXTS + " ORDER BY id")]  # type: ignore[misc]
        rows: list[tuple[str, str, str, str | None]] = []
        for part in chunks(sorted(set(keys))):
            rows += self.conn.execute(_PAPER_TEXTS + " AND key IN (SELECT value FROM json_each(?))",
                                      (json.dumps(part),)).fetchall()
        return sorted(rows)

    def paper_texts_after(self, key: str | None, limit: int) -> list[tuple[str, str, str, str | None]]:
        # "+label": the page is read along the key's index from ``key`` on; through the label's
        # index, every paper would be read and sorted for each page.
        return self.conn.execute(_PAPER_TEXTS.replace("label =", "+label =") + " AND key > ? ORDER BY key LIMIT ?",
                                 (key or "", limit)).fetchall()

    def papers_with_names(self, names: Iterable[str]) -> set[str]:
        # Each name as an FTS5 phrase: the index's tokens split "GPT-4o" into "gpt 4o" both in the
        # text and in the phrase, so every paper that writes the name is found (a superset).
        phrases = sorted({'"' + name.replace('"', '""') + '"' for name in names if any(ch.isalnum() for ch in name)})
        found: set[str] = set()
        for part in chunks(phrases, 200):
            rows = self.conn.execute(
                "SELECT n.key FROM paper_text CROSS JOIN nodes n ON n.id = paper_text.rowid WHERE paper_text MATCH ?",
                (" OR ".join(part),),
            )
            found.update(key for (key,) in rows)
        return found

    def inferred_citations_from(self, citing: Iterable[str]) -> list[EdgeRow]:
        rows = []
        for part in chunks(sorted(set(citing))):
            rows += self.conn.execute(
                f"SELECT s.key, t.key, {edge_sql('e', 's')} FROM nodes s "
                "CROSS JOIN edges e ON e.source = s.id AND e.type = 'CITES' CROSS JOIN nodes t ON t.id = e.target "
                "WHERE s.key IN (SELECT value FROM json_each(?)) "
                "AND json_extract(e.props, '$.inferred')",
                (json.dumps(part),),
            ).fetchall()
        return [("CITES", source, target, expand(*stored)) for source, target, *stored in rows]

    def inferred_citations_without_text(self) -> list[EdgeRow]:
        rows = self.conn.execute(
            f"SELECT s.key, t.key, {edge_sql('e', 's')} FROM edges e CROSS JOIN nodes s ON s.id = e.source "
            "CROSS JOIN nodes t ON t.id = e.target WHERE e.type = 'CITES' AND json_extract(e.props, '$.inferred') "
            "AND NOT (s.label = 'Paper' AND coalesce(json_extract(s.props, '$.stub'), 0) = 0)"
        ).fetchall()
        return [("CITES", source, target, expand(*stored)) for source, target, *stored in rows]

    def count_papers(self) -> int:
        row = self.conn.execute("SELECT n FROM counts WHERE kind = 'label' AND name = 'Paper'").fetchone()
        return row[0] if row else 0

    def count_inferred_citations(self) -> int:
        return self.conn.execute(
            "SELECT count(*) FROM edges WHERE type = 'CITES' AND json_extract(props, '$.inferred')"
        ).fetchone()[0]

    def introductions_of(self, papers: Iterable[str] = (), entities: Iterable[str] = ()) -> list[tuple[int, str, str, Any, Any]]:
        """(edge id, paper, entity, confidence, rule) of the INTRODUCES edges out of these papers or into these entities."""
        rows: list[tuple[int, str, str, Any, Any]] = []
        columns = f"e.id, s.key, t.key, {_edge_property_sql('confidence')}, {_edge_property_sql('rule')}"
        for part in chunks(sorted(set(papers))):
            rows += self.conn.execute(
                f"SELECT {columns} FROM nodes s CROSS JOIN edges e ON e.source = s.id AND e.type = 'INTRODUCES' "
                "CROSS JOIN nodes t ON t.id = e.target WHERE s.key IN (SELECT value FROM json_each(?))",
                (json.dumps(list(part)),),
            ).fetchall()
        for part in chunks(sorted(set(entities))):
            rows += self.conn.execute(
                f"SELECT {columns} FROM nodes t CROSS JOIN edges e ON e.target = t.id AND e.type = 'INTRODUCES' "
                "CROSS JOIN nodes s ON s.id = e.source WHERE t.key IN (SELECT value FROM json_each(?))",
                (json.dumps(list(part)),),
            ).fetchall()
        return rows

    def introductions_after(self, edge: int, limit: int) -> list[tuple[int, str, str, Any, Any]]:
        """(edge id, paper, entity, confidence, rule) of the first ``limit`` INTRODUCES edges after
        edge id ``edge``, in edge order (a full refresh reads them a page at a time)."""
        return self.conn.execute(
            f"SELECT e.id, s.key, t.key, {_edge_property_sql('confidence')}, {_edge_property_sql('rule')} "
            "FROM edges e CROSS JOIN nodes s ON s.id = e.source CROSS JOIN nodes t ON t.id = e.target "
            "WHERE e.type = 'INTRODUCES' AND e.id > ? ORDER BY e.id LIMIT ?",
            (edge, limit),
        ).fetchall()

    # -- the index of introduced names (kept by kg.citations in the build's transaction) ----------

    def introduced_names_complete(self) -> bool:
        """Whether ``introduced_names`` holds every introduced entity (filled once, then kept)."""
        row = self.conn.execute("SELECT value FROM meta WHERE name = 'introduced_names'").fetchone()
        return row is not None and row[0] == "complete"

    @_writes
    def index_introduced_names(self, names: Mapping[str, Iterable[tuple[str, int, str]]], *, complete: bool = False,
                               unindexed: bool = False) -> None:
        """Set the indexed names (first word's key, words, normalised name) of these entities; with
        ``complete``, ``names`` is every introduced entity and replaces the whole index; with
        ``unindexed``, the caller knows none of them has rows (nothing is looked up to delete)."""
        conn = self._write()
        ids = self._ids(names)
        if complete:
            conn.execute("DELETE FROM introduced_names")
        elif not unindexed:
            conn.executemany("DELETE FROM introduced_names WHERE entity = ?", [(ids[key][0],) for key in names if key in ids])
        conn.executemany(
            "INSERT OR IGNORE INTO introduced_names (first, width, norm, entity) VALUES (?, ?, ?, ?)",
            [(first, width, norm, ids[key][0]) for key, rows in names.items() if key in ids for first, width, norm in rows],
        )
        if complete:
            conn.execute("INSERT OR REPLACE INTO meta (name, value) VALUES ('introduced_names', 'complete')")

    def introduced_names_starting(self, firsts: Iterable[str]) -> set[tuple[str, int, str]]:
        """(first word's key, words, normalised name) of the indexed names whose first word is one of these."""
        found: set[tuple[str, int, str]] = set()
        for part in chunks(sorted(set(firsts))):
            found.update(self.conn.execute(
                "SELECT first, width, norm FROM introduced_names WHERE first IN (SELECT value FROM json_each(?))",
                (json.dumps(list(part)),),
            ))
        return found

    def entities_named(self, norms: Iterable[str]) -> set[str]:
        """Keys of the indexed entities with one of these normalised names."""
        found: set[str] = set()
        for part in chunks(sorted(set(norms))):
            found.update(key for (key,) in self.conn.execute(
                "SELECT DISTINCT n.key FROM introduced_names i CROSS JOIN nodes n ON n.id = i.entity "
                "WHERE i.norm IN (SELECT value FROM json_each(?))",
                (json.dumps(list(part)),),
            ))
        return found

    # -- writes --------------------------------------------------------------------------------

    @_writes
    def upsert(self, batch: GraphBatch) -> None:
        conn = self._write()
        SCHEMA.check_batch(batch.nodes, batch.edges)
        existing = self._props_by_key(node.key for node in batch.nodes)
        merged: dict[str, tuple[str, dict[str, Any]]] = {}
        for node in batch.nodes:
            before = merged[node.key][1] if node.key in merged else (existing[node.key][2] if node.key in existing else {})
            merged[node.key] = (node.label, merge_props(before, node.props))
        changed = [(key, label, props) for key, (label, props) in merged.items()
                   if key not in existing or existing[key][1] != label or existing[key][2] != props]
        if self._dictionary is None:
            self._add_dictionary([props["abstract"] for _, label, props in changed
                                  if label == "Paper" and isinstance(props.get("abstract"), str)],
                                 "a build: the abstracts of the first write that held enough (a build's first chunk)")
        rows = [(key, label, *_node_columns(key, label, props, self._dictionary)) for key, label, props in changed]
        moved = [existing[key][0] for key, (label, props) in merged.items()
                 if key in existing and existing[key][1] == "Paper" and text_moved(existing[key][2], props)]
        texts = self._new_texts(merged, existing)
        # Each new node's id given as SQLite would give it (one more than the largest id, in insert
        # order; the write lock is held), so that the text index and the edges need not look the
        # new nodes up again by key. A stored node keeps its id (NULL: the key's row is updated).
        next_id = conn.execute("SELECT coalesce(max(id), 0) FROM nodes").fetchone()[0] + 1
        ids: dict[str, tuple[int, str]] = {}
        for position, row in enumerate(rows):
            if row[0] in existing:
                rows[position] = (None, *row)
            else:
                ids[row[0]] = (next_id, row[1])
                rows[position] = (next_id, *row)
                next_id += 1
        ids.update((key, (existing[key][0], label)) for key, (label, _) in merged.items() if key in existing)
        with self._keeping_edges(moved):
            if texts:  # papers to index (None: left to the trigger; empty: none added)
                conn.execute("INSERT OR REPLACE INTO meta (name, value) VALUES (?, '1')", (WRITER_INDEXES_TEXT,))
            try:
                conn.executemany(
                    "INSERT INTO nodes (id, key, label, props, abstract_z, abstract_size) VALUES (?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT (key) DO UPDATE SET label = excluded.label, props = excluded.props, "
                    "abstract_z = excluded.abstract_z, abstract_size = excluded.abstract_size",
                    rows,
                )
            finally:
                if texts:
                    conn.execute("DELETE FROM meta WHERE name = ?", (WRITER_INDEXES_TEXT,))
            if texts:
                self._index_texts(conn, texts, ids)
        if batch.edges:
            papers = {key: props for key, (label, props) in merged.items() if label == "Paper"}
            self._upsert_edges(conn, batch, fresh={key for key in merged if key not in existing}, papers=papers,
                               known_ids=ids)

    def _rule_id(self, name: str) -> int:
        """The id of a rule's row in ``rules`` (added when new), inside the write transaction."""
        found = self._rules.get(name)
        if found is None:
            self.conn.execute("INSERT OR IGNORE INTO rules (name) VALUES (?)", (name,))
            found = self._rules[name] = self.conn.execute("SELECT id FROM rules WHERE name = ?", (name,)).fetchone()[0]
        return found

    @staticmethod
    def _new_texts(merged: Mapping[str, tuple[str, dict[str, Any]]],
                   existing: Mapping[str, Any]) -> dict[str, tuple[str | None, str | None]] | None:
        """The text of each paper an upsert adds, as node_added would index it (by key), for the
        writer to index (``WRITER_INDEXES_TEXT``); None when one of them has a value the trigger
        should read itself. Papers already stored are re-indexed by node_changed as before."""
        texts: dict[str, tuple[str | None, str | None]] = {}
        for key, (label, props) in merged.items():
            if key in existing:
                continue
            try:
                text = indexed_text(label, props)
            except ValueError:
                return None
            if text is not None:
                texts[key] = text
        return texts

    def _index_texts(self, conn: sqlite3.Connection, texts: Mapping[str, tuple[str | None, str | None]],
                     ids: Mapping[str, tuple[int, str]]) -> None:
        """Put papers just added (``ids``: their node ids by key) into the full-text indexes, in node id
        order, one statement per index."""
        rows = sorted((ids[key][0], title, abstract) for key, (title, abstract) in texts.items())
        conn.executemany("INSERT INTO paper_text (rowid, title, abstract) VALUES (?, ?, ?)", rows)
        conn.executemany("INSERT INTO paper_titles (rowid, title) VALUES (?, ?)", [(i, title) for i, title, _ in rows])

    def _upsert_edges(self, conn: sqlite3.Connection, batch: GraphBatch, fresh: set[str] = frozenset(),
                      papers: Mapping[str, Mapping[str, Any]] | None = None,
                      known_ids: Mapping[str, tuple[int, str]] | None = None) -> None:
        """Write the batch's edges, merged into the stored ones. ``fresh``: keys of nodes this
        upsert created, which no stored edge can touch yet (a new paper's edges are not looked up);
        ``papers``: the properties of papers just written, by key (not read back and decompressed);
        ``known_ids``: (id, label) of the nodes just written, by key (the others are looked up)."""
        known_ids = known_ids or {}
        ids = dict(known_ids)
        ids.update(self._ids({k for edge in batch.edges for k in (edge.source, edge.target) if k not in known_ids}))
        for edge in batch.edges:
            if edge.source not in ids or edge.target not in ids:
                raise StoreError(f"relationship {edge.ident} points at a node that is not in the graph")
        # Authorship has no properties to merge (the schema refuses them): a pair is there or it is added.
        conn.executemany("INSERT OR IGNORE INTO authorship (author, paper) VALUES (?, ?)",
                         [(ids[e.source][0], ids[e.target][0]) for e in batch.edges if e.type == AUTHORSHIP])
        edges = [edge for edge in batch.edges if edge.type != AUTHORSHIP]
        triples = sorted({(ids[e.source][0], e.type, ids[e.target][0]) for e in edges
                          if e.source not in fresh and e.target not in fresh})
        existing: dict[tuple[int, str, int], dict[str, Any]] = {}
        for part in chunks(triples):
            rows = conn.execute(
                f"SELECT e.source, e.type, e.target, {edge_sql('e', 'p')} FROM json_each(?) j CROSS JOIN edges e "
                "ON e.source = json_extract(j.value, '$[0]') AND e.type = json_extract(j.value, '$[1]') "
                "AND e.target = json_extract(j.value, '$[2]') CROSS JOIN nodes p ON p.id = e.source",
                (json.dumps(part),),
            )
            existing.update(((s, t, o), expand(*stored)) for s, t, o, *stored in rows)
        merged: dict[tuple[int, str, int], dict[str, Any]] = {}
        for edge in edges:
            triple = (ids[edge.source][0], edge.type, ids[edge.target][0])
            merged[triple] = merge_props(merged.get(triple, existing.get(triple, {})), edge.props)
        changed = [(triple, props) for triple, props in merged.items() if existing.get(triple) != props]
        written = {ids[key][0]: props for key, props in (papers or {}).items() if key in ids}
        sources = self._papers_by_id({s for (s, _, _), _ in changed if s not in written})
        sources.update(written)
        conn.executemany(_EDGE_UPSERT, [(s, _type_id(t), o, *stored_edge(props, sources.get(s), self._rule_id))
                                        for (s, t, o), props in changed])

    def _papers_by_id(self, node_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
        """Title, abstract and sources of the papers among these nodes (what edges out of them refer to)."""
        found: dict[int, dict[str, Any]] = {}
        for part in chunks(sorted(set(node_ids))):
            rows = self.conn.execute(
                f"SELECT id, {paper_sql('nodes')} FROM nodes WHERE id IN (SELECT value FROM json_each(?)) AND label = 'Paper'",
                (json.dumps(list(part)),),
            )
            for node_id, title, abstract_z, abstract_size, abstract, sources in rows:
                if abstract_z is not None:
                    abstract = uncompress(abstract_z, abstract_size)
                found[node_id] = {"title": title, "abstract": abstract, "sources": json.loads(sources) if sources else None}
        return found

    @contextlib.contextmanager
    def _keeping_edges(self, paper_ids: Sequence[int]) -> Iterator[None]:
        """Around a write that changes these papers' text or sources: the edges out of them keep the
        evidence and sources they had (read in full before, stored against the new text after)."""
        kept = [edge for node_id in paper_ids for edge in self._edges_touching(node_id) if edge[1] == node_id]
        yield
        if kept:
            papers = self._papers_by_id(paper_ids)
            self.conn.executemany(_EDGE_UPDATE, [(*stored_edge(props, papers.get(source), self._rule_id), edge_id)
                                                 for edge_id, source, _, _, props in kept])

    def _edges_touching(self, node_id: int) -> list[tuple[int, int, str, int, dict[str, Any]]]:
        """(id, source, type, target, full properties) of the edges into or out of a node."""
        rows = self.conn.execute(
            f"SELECT e.id, e.source, e.type, e.target, {edge_sql('e', 'p')} FROM edges e "
            "CROSS JOIN nodes p ON p.id = e.source WHERE e.source = ? OR e.target = ?",
            (node_id, node_id),
        ).fetchall()
        return [(edge_id, source, rel_type, target, expand(*stored))
                for edge_id, source, rel_type, target, *stored in rows]

    @_writes
    def merge_nodes(self, renames: Mapping[str, str]) -> None:
        conn = self._write()
        for old, new in renames.items():
            if old == new:
                continue
            found = self._props_by_key([old, new])
            if old not in found:
                continue
            old_id, label, old_props = found[old]
            if new not in found:
                # Edges and authorship follow the id. A paper's props are stored again under its new key:
                # the properties left out of them (sqlite_props.strip_derived) are derived from the key.
                conn.execute("UPDATE nodes SET key = ?, props = ?, abstract_z = ?, abstract_size = ? WHERE id = ?",
                             (new, *_node_columns(new, label, old_props, self._dictionary), old_id))
                continue
            new_id, _, new_props = found[new]
            with self._keeping_edges([new_id]):
                conn.execute("UPDATE nodes SET props = ?, abstract_z = ?, abstract_size = ? WHERE id = ?",
                             (*_node_columns(new, label, merge_props(old_props, new_props), self._dictionary), new_id))
            for edge_id, source, rel_type, target, moved in self._edges_touching(old_id):
                source = new_id if source == old_id else source
                target = new_id if target == old_id else target
                conn.execute("DELETE FROM edges WHERE id = ?", (edge_id,))
                before = next((props for _, s, t, o, props in self._edges_touching(source)
                               if (s, t, o) == (source, rel_type, target)), {})
                stored = stored_edge(merge_props(before, moved), self._papers_by_id([source]).get(source), self._rule_id)
                conn.execute(_EDGE_UPSERT, (source, _type_id(rel_type), target, *stored))
            self._move_authorship_of(old_id, new_id)
            conn.execute("DELETE FROM nodes WHERE id = ?", (old_id,))

    def _move_authorship_of(self, old_id: int, new_id: int) -> None:
        """The authorship of a node folded into another: its pairs move over, but those the other
        node already has, which go (and are counted out by the trigger)."""
        for column in ("author", "paper"):
            self.conn.execute(f"UPDATE OR IGNORE authorship SET {column} = ? WHERE {column} = ?", (new_id, old_id))
            self.conn.execute(f"DELETE FROM authorship WHERE {column} = ?", (old_id,))

    @_writes
    def remove_inferred_citations(self, pairs: Iterable[tuple[str, str]]) -> None:
        pairs = list(pairs)
        if not pairs:
            return
        conn = self._write()
        ids = self._ids(k for pair in pairs for k in pair)
        for source, target in pairs:
            if source not in ids or target not in ids:
                continue
            row = conn.execute(
                f"SELECT e.id, {edge_sql('e', 'p')} FROM edges e CROSS JOIN nodes p ON p.id = e.source "
                "WHERE e.source = ? AND e.type = 'CITES' AND e.target = ?",
                (ids[source][0], ids[target][0]),
            ).fetchone()
            if row is None:
                continue
            props = expand(*row[1:])
            if not props.get("inferred"):
                continue
            if props.get("source"):
                kept = {k: v for k, v in props.items() if k not in INFERRED_CITATION_PROPS}
                paper = self._papers_by_id([ids[source][0]]).get(ids[source][0])
                conn.execute(_EDGE_UPDATE, (*stored_edge(kept, paper, self._rule_id), row[0]))
            else:
                conn.execute("DELETE FROM edges WHERE id = ?", (row[0],))

    @_writes
    def clear_extracted(self, paper_keys: Iterable[str]) -> None:
        conn = self._write()
        papers = [node_id for node_id, _ in self._ids(paper_keys).values()]
        extracted = json.dumps(list(EXTRACTED_REL_TYPES))
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS cleared (id INTEGER PRIMARY KEY)")
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS touched (id INTEGER PRIMARY KEY)")
        conn.execute("DELETE FROM temp.cleared")
        conn.execute("DELETE FROM temp.touched")
        for part in chunks(papers):
            # The edges to drop: extracted ones, but not the links the source's metadata gave.
            conn.execute(
                "INSERT OR IGNORE INTO temp.cleared SELECT e.id FROM edges e WHERE e.source IN (SELECT value FROM json_each(?)) "
                "AND e.type IN (SELECT value FROM json_each(?)) AND json_extract(e.props, '$.source') IS NOT ?",
                (json.dumps(list(part)), extracted, METADATA_SOURCE),
            )
        results = json.dumps(list(EXTRACTED_NODE_LABELS))
        # Result nodes go with their paper's extraction, and with them their own relationships.
        conn.execute(
            "CREATE TEMP TABLE IF NOT EXISTS dropped_nodes (id INTEGER PRIMARY KEY)"
        )
        conn.execute("DELETE FROM temp.dropped_nodes")
        conn.execute(
            "INSERT OR IGNORE INTO temp.dropped_nodes SELECT n.id FROM temp.cleared c CROSS JOIN edges e ON e.id = c.id "
            "JOIN nodes n ON n.id = e.target WHERE n.label IN (SELECT value FROM json_each(?))",
            (results,),
        )
        conn.execute("INSERT OR IGNORE INTO temp.touched SELECT e.target FROM temp.cleared c CROSS JOIN edges e ON e.id = c.id")
        conn.execute(
            "INSERT OR IGNORE INTO temp.touched SELECT e.target FROM temp.dropped_nodes d CROSS JOIN edges e ON e.source = d.id"
        )
        conn.execute("DELETE FROM edges WHERE id IN (SELECT id FROM temp.cleared)")
        conn.execute("DELETE FROM edges WHERE source IN (SELECT id FROM temp.dropped_nodes)")
        conn.execute("DELETE FROM edges WHERE target IN (SELECT id FROM temp.dropped_nodes)")
        conn.execute("DELETE FROM nodes WHERE id IN (SELECT id FROM temp.dropped_nodes)")
        # Entities and repos no paper links any more go too.
        conn.execute(
            "DELETE FROM nodes WHERE id IN (SELECT t.id FROM temp.touched t CROSS JOIN nodes n ON n.id = t.id "
            "WHERE n.label IN (SELECT value FROM json_each(?)) "
            "AND NOT EXISTS (SELECT 1 FROM edges WHERE source = t.id) AND NOT EXISTS (SELECT 1 FROM edges WHERE target = t.id))",
            (json.dumps([*ENTITY_NODE_LABELS, "Repo"]),),
        )


# The edge types with an index of their own (sqlite_schema: partial indexes). SQLite uses a partial
# index only when the query writes its condition as a literal, so these are (constant) SQL text.
_INDEXED_TYPES = {"INTRODUCES": "e.type = 'INTRODUCES'", "CITES": "e.type = 'CITES'"}


def _as_compacted(columns: Sequence[Any], rule_name: Callable[[int], str | None]) -> dict[str, Any]:
    """The properties an edge's ``EDGE_COLUMNS`` values hold, as ``compact`` names them."""
    field, span_start, span_end, evidence_start, evidence_end, rule_id, confidence_e4, sources_at = columns
    found = {"evidence_at": [evidence_start, evidence_end] if evidence_start is not None and evidence_end is not None else None,
             "field": field, "start": span_start, "end": span_end, "rule": None if rule_id is None else rule_name(rule_id),
             "confidence": None if confidence_e4 is None else confidence_e4 / CONFIDENCE_SCALE, "sources_at": sources_at}
    return {name: value for name, value in found.items() if value is not None}


def _edge_property_sql(name: str) -> str:
    """One property of edge ``e`` in SQL: its column, or a JSON path of ``props`` given as a parameter."""
    return property_sql("e", name) or "json_extract(e.props, ?)"


def _type_is(rel_type: str) -> tuple[str, tuple[str, ...]]:
    """The condition ``edges e`` is of this type, with its parameters: a partial index's own words
    when there is one, the type's code otherwise (other types are read by a scan in id order)."""
    if rel_type in _INDEXED_TYPES:
        return _INDEXED_TYPES[rel_type], ()
    return "e.type_id = ?", (EDGE_TYPE_IDS.get(rel_type, -1),)


def _type_id(rel_type: str) -> int:
    """The type_id edges stores for a relationship type (layout 12)."""
    try:
        return EDGE_TYPE_IDS[rel_type]
    except KeyError:
        raise StoreError(f"relationship type {rel_type!r} has no code in the embedded store's layout "
                         "(sqlite_schema.EDGE_TYPES)") from None


def _remove_unused_logs(path: Path, logs: list[Path]) -> None:
    """Remove ``logs`` (the store's -wal and -shm) when no SQLite connection has the store open.

    A connection in WAL mode holds a shared lock on the file's lock bytes while it is open, and
    takes one before it opens the logs. Holding the exclusive lock on them, as SQLite does when its
    last connection closes, no one else has the logs open, nor opens them until they are gone.
    (A POSIX lock is the process's: this process must have no other connection to the store open.)
    """
    try:
        import fcntl
    except ImportError:  # not a POSIX system: SQLite's own clean-up on close is all there is
        return
    try:
        fd = os.open(path, os.O_RDWR)
    except OSError:
        return
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, SQLITE_SHARED_SIZE, SQLITE_SHARED_FIRST)
        for log_file in logs:
            with contextlib.suppress(FileNotFoundError):
                log_file.unlink()
    except OSError:
        pass  # another connection has the store open: the logs are its
    finally:
        os.close(fd)


def _file_identity(path: Path) -> tuple[int, int] | None:
    """Which file the path names now (device, inode); None when it names none."""
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_dev, status.st_ino


def _check_header(path: Path) -> None:
    """Refuse a file that is not SQLite before sqlite3 touches it (``--db /etc/passwd``)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StoreError(describe_os_error(path, exc)) from None
    if head != SQLITE_HEADER:
        raise StoreError(f"{path} is not a paperkg store (not an SQLite file); point --db at a store folder or .sqlite file")
