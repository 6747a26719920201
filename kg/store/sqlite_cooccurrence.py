"""The entities that appear most with the most-linked entities, kept by the embedded store.

`kg entity X` lists the entities that share the most papers with X. For most entities that is
quick to count from the edge indexes, but the few that thousands of papers name (GPT-4o, CLIP,
reinforcement learning: 9,000-69,000 of 670,000 papers) cost a walk over every edge of every one
of those papers, 0.2-0.6 s. Those "hubs" are counted once per change of the graph instead: a
commit that changed the papers' roles (what links a paper to an entity) fills ``cooccurrence``
with each hub's first ``COOCCURRENCE_KEPT`` entities in the answer's order, and stamps meta's
``cooccurrence`` with the roles' fingerprint.

The fingerprint is the number of role edges of each type and the number of role edges ever
removed or moved, or nodes removed or re-keyed (``role_edits``, kept by the schema's triggers): any write to the roles
changes it, whoever writes. A reader uses the table only while the stamp equals the fingerprint,
and only rows whose entity still has the key it was counted under (``other_key``: a tool writing
``INSERT OR REPLACE`` bypasses the delete and update triggers), so a file edited by another tool is
answered live until the next build, never from stale counts.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from typing import Any

from paperkg.store.sqlite_schema import ROLE_TYPES_SQL as _ROLES

# An entity with this many role edges or more is a hub. Below it, counting live costs under about
# 0.1 s from a cold start (7,000-paper entities at 670,000 papers); the 670,000-paper store has
# 24 hubs, counted in about 3 s.
HUB_LINKS = 8_000
# Rows kept per hub: an answer of up to this many rows is read from the table.
COOCCURRENCE_KEPT = 100

# Literal types, not parameters: SQLite then walks the edge indexes by (node, type).
_COUNTS = f"""SELECT {{columns}} FROM (
        SELECT b.target AS other, count(DISTINCT b.source) AS papers
        FROM nodes n CROSS JOIN edges a ON a.target = n.id AND a.type IN {_ROLES}
        CROSS JOIN edges b ON b.source = a.source AND b.type IN {_ROLES}
        WHERE n.{{node}} = ? AND b.target != n.id GROUP BY b.target
    ) c CROSS JOIN nodes o ON o.id = c.other ORDER BY c.papers DESC, o.key LIMIT ?"""
COUNT_SQL = _COUNTS.format(columns="o.key, o.name, o.type, c.papers", node="key")
_KEPT_SQL = _COUNTS.format(columns="c.other, o.key, c.papers", node="id")
_FINGERPRINT_SQL = f"""SELECT coalesce((SELECT group_concat(name || '=' || n, ',') FROM (
        SELECT name, n FROM counts WHERE kind = 'rel_type' AND name IN {_ROLES} ORDER BY name)), '')
    || ';' || coalesce((SELECT value FROM meta WHERE name = 'role_edits'), '0')"""
_STAMP_SQL = "SELECT value FROM meta WHERE name = 'cooccurrence'"
_HUB_LINKS_SQL = "SELECT value FROM meta WHERE name = 'cooccurrence_hub_links'"
_HUBS_SQL = f"""SELECT n.id FROM nodes n WHERE n.label IN ('Model', 'Dataset', 'Method')
    AND (SELECT count(*) FROM edges e WHERE e.target = n.id AND e.type IN {_ROLES}) >= ? ORDER BY n.id"""
_CACHED_SQL = """SELECT o.key, o.name, o.type, c.papers, c.other_key FROM nodes n CROSS JOIN cooccurrence c ON c.entity = n.id
    LEFT JOIN nodes o ON o.id = c.other WHERE n.key = ? AND c.rank < ? ORDER BY c.rank"""

Rows = Callable[[str, Sequence[Any]], list[tuple]]


def is_current(rows: Rows) -> bool:
    """Whether ``cooccurrence`` was counted from the roles the graph holds now."""
    stamp = rows(_STAMP_SQL, ())
    return bool(stamp) and stamp[0][0] == rows(_FINGERPRINT_SQL, ())[0][0]


def cooccurring(rows: Rows, key: str, limit: int) -> list[tuple]:
    """(key, name, type, papers) of the ``limit`` entities that share the most papers with
    entity ``key``, most first, then by key: from the kept counts when ``key`` is a hub and they
    are current, else counted live."""
    if limit <= COOCCURRENCE_KEPT and is_current(rows):
        kept = rows(_CACHED_SQL, (key, limit))
        # No rows: not a hub (a hub always shares papers with some entity). A row whose entity was
        # removed or re-keyed by a tool that bypassed the triggers (INSERT OR REPLACE) is not trusted.
        if kept and all(found == counted for found, _, _, _, counted in kept):
            return [row[:4] for row in kept]
    return rows(COUNT_SQL, (key, limit))


def forget(conn: sqlite3.Connection) -> None:
    """Drop the stamps of the kept counts (an upgrade drops their table): the next refresh counts anew."""
    conn.execute("DELETE FROM meta WHERE name IN ('cooccurrence', 'cooccurrence_hub_links')")


def refresh(conn: sqlite3.Connection, hub_links: int = HUB_LINKS) -> int | None:
    """Count each hub's entities again if the roles changed since the last count (inside the
    caller's transaction): the number of hubs counted, or None when nothing had changed."""

    def rows(query: str, params: Sequence[Any] = ()) -> list[tuple]:
        return conn.execute(query, params).fetchall()

    if is_current(rows) and rows(_HUB_LINKS_SQL) == [(str(hub_links),)]:
        return None
    conn.execute("DELETE FROM cooccurrence")
    hubs = [hub for (hub,) in rows(_HUBS_SQL, (hub_links,))]
    for hub in hubs:
        conn.executemany(
            "INSERT INTO cooccurrence (entity, rank, other, other_key, papers) VALUES (?, ?, ?, ?, ?)",
            [(hub, rank, *row) for rank, row in enumerate(rows(_KEPT_SQL, (hub, COOCCURRENCE_KEPT)))],
        )
    conn.executemany(
        "INSERT OR REPLACE INTO meta (name, value) VALUES (?, ?)",
        [("cooccurrence", rows(_FINGERPRINT_SQL)[0][0]), ("cooccurrence_hub_links", str(hub_links))],
    )
    return len(hubs)
