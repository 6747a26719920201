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

import json
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
_STAMPS = "('cooccurrence', 'cooccurrence_hub_links', 'cooccurrence_edges', 'cooccurrence_hubs', 'cooccurrence_state')"
# The graph as the kept counts see it: the roles' fingerprint, the nodes of each label and the largest
# edge id. Another tool's INSERT OR REPLACE, which fires no delete trigger, still changes one of them.
_STATE_SQL = f"""SELECT ({_FINGERPRINT_SQL}) || '|' || coalesce((SELECT group_concat(name || '=' || n, ',') FROM (
        SELECT name, n FROM counts WHERE kind = 'label' ORDER BY name)), '') || '|' || coalesce((SELECT max(id) FROM edges), 0)"""
_ADDED_SQL = f"SELECT id, source, target FROM edges WHERE id > ? AND type IN {_ROLES}"
_ROLES_OF_SQL = f"SELECT id, target FROM edges WHERE source = ? AND type IN {_ROLES}"
# An entity (as _HUBS_SQL has them) with at least that many role edges: (its id, the count), or no row.
_AT_LEAST_SQL = f"""SELECT n.id, (SELECT count(*) FROM (SELECT 1 FROM edges WHERE target = n.id AND type IN {_ROLES} LIMIT ?))
    FROM nodes n WHERE n.id = ? AND n.label IN ('Model', 'Dataset', 'Method')"""
# The papers an entity shares with a hub, params (hub, other): the other's papers, each looked up for the hub.
_SHARED_SQL = f"""SELECT count(DISTINCT a.source) FROM edges a
    CROSS JOIN edges b ON b.source = a.source AND b.target = ? AND b.type IN {_ROLES}
    WHERE a.target = ? AND a.type IN {_ROLES}"""
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
    conn.execute(f"DELETE FROM meta WHERE name IN {_STAMPS}")


def _hub_stamp(hub_links: int) -> str:
    """What made the kept rows besides the graph: the role edges that make a hub, and (after a slash)
    the rows kept per hub. Either changed, every hub is counted anew."""
    return f"{hub_links}/{COOCCURRENCE_KEPT}"


def state(conn: sqlite3.Connection) -> str:
    """The graph as the kept counts see it (``_STATE_SQL``), for ``refresh``'s ``began``."""
    return conn.execute(_STATE_SQL).fetchone()[0]


def refresh(conn: sqlite3.Connection, hub_links: int = HUB_LINKS, began: str | None = None) -> int | None:
    """Count each hub's entities again if the roles changed since the last count (inside the
    caller's transaction): the number of hubs counted, or None when nothing had changed. When the
    transaction began on the graph the last count left (``began``: its ``state``; no other writer
    since) and it only added role edges (a build of new papers), the kept rows are brought up to date
    from the papers of those edges alone; otherwise every hub is counted anew."""

    def rows(query: str, params: Sequence[Any] = ()) -> list[tuple]:
        return conn.execute(query, params).fetchall()

    same_hubs = rows(_HUB_LINKS_SQL) == [(_hub_stamp(hub_links),)]
    if is_current(rows) and same_hubs:
        return None
    untouched = began is not None and rows("SELECT value FROM meta WHERE name = 'cooccurrence_state'") == [(began,)]
    added = _roles_added(rows) if same_hubs and untouched else None
    if added is not None:
        hubs = _count_added(conn, rows, added, hub_links)
    else:
        conn.execute("DELETE FROM cooccurrence")
        hubs = [hub for (hub,) in rows(_HUBS_SQL, (hub_links,))]
        for hub in hubs:
            _keep(conn, hub, rows(_KEPT_SQL, (hub, COOCCURRENCE_KEPT)))
    conn.executemany(
        "INSERT OR REPLACE INTO meta (name, value) VALUES (?, ?)",
        [("cooccurrence", rows(_FINGERPRINT_SQL)[0][0]), ("cooccurrence_hub_links", _hub_stamp(hub_links)),
         ("cooccurrence_edges", str(rows("SELECT coalesce(max(id), 0) FROM edges")[0][0])),
         ("cooccurrence_hubs", json.dumps(hubs)), ("cooccurrence_state", state(conn))],
    )
    return len(hubs)


def _keep(conn: sqlite3.Connection, hub: int, kept: Sequence[tuple[int, str, int]]) -> None:
    """Make ``kept`` ((other, other_key, papers) in the answer's order) the hub's rows."""
    conn.execute("DELETE FROM cooccurrence WHERE entity = ?", (hub,))
    conn.executemany("INSERT INTO cooccurrence (entity, rank, other, other_key, papers) VALUES (?, ?, ?, ?, ?)",
                     [(hub, rank, *row) for rank, row in enumerate(kept)])


def _roles_added(rows: Rows) -> list[tuple[int, int, int]] | None:
    """(id, source, target) of every role edge added since the kept rows were counted, when nothing
    else changed the roles (none removed or moved, no node removed or re-keyed: ``role_edits`` is
    as stamped); None when that cannot be told, and every hub is counted anew."""
    stamps = dict(rows(f"SELECT name, value FROM meta WHERE name IN {_STAMPS}"))
    if not {"cooccurrence", "cooccurrence_edges", "cooccurrence_hubs"} <= stamps.keys():
        return None
    before, now = _fingerprint_parts(stamps["cooccurrence"]), _fingerprint_parts(rows(_FINGERPRINT_SQL)[0][0])
    if before is None or now is None or before[1] != now[1] or any(now[0].get(t, 0) < n for t, n in before[0].items()):
        return None
    added = rows(_ADDED_SQL, (int(stamps["cooccurrence_edges"]),))
    # Every new role edge has a larger id than the stamped largest one, unless another tool chose its
    # id or an id was reused: then the edges found fall short of the growth of the counts.
    grown = sum(now[0].values()) - sum(before[0].values())
    return added if len(added) == grown else None


def _fingerprint_parts(fingerprint: str) -> tuple[dict[str, int], str] | None:
    """(role edges by type, role edits) of a ``_FINGERPRINT_SQL`` value."""
    counts, _, edits = fingerprint.rpartition(";")
    try:
        return {t: int(n) for t, _, n in (part.partition("=") for part in counts.split(",") if part)}, edits
    except ValueError:
        return None


def _count_added(conn: sqlite3.Connection, rows: Rows, added: list[tuple[int, int, int]], hub_links: int) -> list[int]:
    """Bring the kept rows up to date with role edges ``added`` (nothing else changed): the hubs.

    A pair of entities shares one more paper for each paper of an added edge that links both now
    and did not before. A hub's kept entities get those papers added; an entity outside its first
    ``COOCCURRENCE_KEPT`` had at most as many papers as the last kept one, so it is counted (live,
    exactly) only when the papers it gained could bring it level with the new last one. An entity
    that became a hub is counted whole."""
    first_new = min(edge for edge, _, _ in added)
    links_before: dict[int, set[int]] = {}
    links_now: dict[int, set[int]] = {}
    for paper in sorted({source for _, source, _ in added}):
        links = rows(_ROLES_OF_SQL, (paper,))
        links_before[paper] = {target for edge, target in links if edge < first_new}
        links_now[paper] = {target for _, target in links}
    stamped = json.loads(rows("SELECT value FROM meta WHERE name = 'cooccurrence_hubs'")[0][0])
    grown = {target for _, _, target in added} - set(stamped)
    hubs = sorted(set(stamped) | {e for e in grown if any(n >= hub_links for _, n in rows(_AT_LEAST_SQL, (hub_links, e)))})
    kept: dict[int, list[tuple[int, str, int]]] = {hub: [] for hub in hubs}
    for hub, other, other_key, papers in rows("SELECT entity, other, other_key, papers FROM cooccurrence ORDER BY entity, rank"):
        if hub in kept:
            kept[hub].append((other, other_key, papers))
    for hub in hubs:
        if hub not in stamped:
            _keep(conn, hub, rows(_KEPT_SQL, (hub, COOCCURRENCE_KEPT)))
            continue
        gained: dict[int, int] = {}
        for paper, now in links_now.items():
            if hub in now:
                before = links_before[paper] if hub in links_before[paper] else set()
                for other in now - before:
                    if other != hub:
                        gained[other] = gained.get(other, 0) + 1
        if gained:
            _keep(conn, hub, _with_gains(rows, hub, kept[hub], gained))
    return hubs


def _with_gains(rows: Rows, hub: int, kept: list[tuple[int, str, int]], gained: dict[int, int]) -> list[tuple[int, str, int]]:
    """The hub's first ``COOCCURRENCE_KEPT`` (other, other_key, papers) once each entity in
    ``gained`` shares that many more papers with it."""
    counts = {other: (key, papers + gained.get(other, 0)) for other, key, papers in kept}
    whole = len(kept) < COOCCURRENCE_KEPT  # every entity that shared a paper is kept: others had none
    last_before = kept[-1][2] if kept else 0
    ranked = sorted(counts.values(), key=lambda row: -row[1])
    last_now = ranked[COOCCURRENCE_KEPT - 1][1] if len(ranked) >= COOCCURRENCE_KEPT else 0
    outside = [other for other in gained if other not in counts and (whole or last_before + gained[other] >= last_now)]
    keys = dict(rows("SELECT id, key FROM nodes WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(outside),)))
    for other in outside:
        papers = gained[other] if whole else rows(_SHARED_SQL, (hub, other))[0][0]
        if other in keys:
            counts[other] = (keys[other], papers)
    best = sorted(((other, key, papers) for other, (key, papers) in counts.items()), key=lambda row: (-row[2], row[1]))
    return best[:COOCCURRENCE_KEPT]
