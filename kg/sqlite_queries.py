"""The embedded store's answers to the named query catalog: one SQL twin per ``.cypher`` file.

Each twin takes the SQLite store and the typed parameters and returns the same rows, in the same
order, as the Cypher file does on Neo4j; the contract tests hold them to that. A twin reads through
the store's indexes (keys, names, edge endpoints), so its cost grows with its answer, not with the
graph; where SQL does not say it plainly (paths, pairwise scores) it fetches the small subgraph it
needs and finishes in Python. Orders that depend on Python's ``str.lower`` (Unicode-aware, unlike
SQLite's ``lower``) are applied in Python too. The WROTE relationships are not rows of ``edges`` but
(author, paper) pairs of ``authorship``: a twin that may meet them reads both tables.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable
from typing import Any

from paperkg.store.sqlite_cooccurrence import cooccurring
from paperkg.store.sqlite_props import (
    BARE_EDGE_SQL,
    UNICODE_LOWER,
    edge_sql,
    evidence_of,
    evidence_parts_sql,
    expand,
    month_sql,
    node_props,
    property_sql,
    with_derived,
)
from paperkg.store.sqlite_schema import AUTHORSHIP, ROLE_TYPES

Row = dict[str, Any]
Twin = Callable[[Any, dict[str, Any]], list[Row]]
TWINS: dict[str, Twin] = {}

ENTITY_LABELS = ("Model", "Dataset", "Method")
LINK_TYPES = (*ROLE_TYPES, "HAS_REPO")
RELATED_WEIGHTS = {"Model": 2.0, "Dataset": 1.5, "Repo": 3.0, "Method": 1.0}
MAX_HOPS = 10

# A JSON list parameter as a set of values: `x IN (SELECT value FROM json_each(?))`.
EACH = "(SELECT value FROM json_each(?))"


def twin(name: str) -> Callable[[Twin], Twin]:
    """Register the embedded answer to the catalog query ``name``."""

    def register(func: Twin) -> Twin:
        TWINS[name] = func
        return func

    return register


def js(values: Iterable[Any]) -> str:
    """A list as a JSON parameter (for ``json_each``)."""
    return json.dumps(list(values))


def _props(text: str | None) -> dict[str, Any]:
    return json.loads(text) if text else {}


def _node(store: Any, key: str) -> tuple[int, str, dict[str, Any]] | None:
    """(id, label, properties) of the node with this key, or None."""
    row = store.sql("SELECT id, label, props, abstract_z, abstract_size FROM nodes WHERE key = ?", (key,))
    return (row[0][0], row[0][1], node_props(key, *row[0][2:])) if row else None


def _nodes_by_id(store: Any, ids: Iterable[int]) -> dict[int, tuple[str, str, dict[str, Any]]]:
    """(key, label, properties but a paper's abstract: the queries that use it show names and titles) by node id."""
    rows = store.sql(f"SELECT id, key, label, props FROM nodes WHERE id IN {EACH}", (js(set(ids)),))
    return {node_id: (key, label, with_derived(key, _props(props))) for node_id, key, label, props in rows}


def round_half_up(value: float, digits: int) -> float:
    """Rounding as Cypher's round() does it (half away from zero), for rows equal in both stores."""
    from decimal import ROUND_HALF_UP, Decimal

    return float(Decimal(repr(value)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP))


def _ascii_contains(column: str, words: list[str]) -> tuple[str, list[str]]:
    """SQL narrowing ``column`` to values holding every ASCII word (SQLite's lower() folds ASCII only;
    other words are checked in Python afterwards, so the filter never drops a match)."""
    ascii_words = [w for w in words if w.isascii()]
    clause = "".join(f" AND instr(lower({column}), ?) > 0" for _ in ascii_words)
    return clause, ascii_words


# ---------------------------------------------------------------------------------------------
# Papers, entities, repos
# ---------------------------------------------------------------------------------------------


@twin("papers_by_title")
def papers_by_title(store: Any, params: dict[str, Any]) -> list[Row]:
    words = [w.lower() for w in params["words"]]
    # Words of three ASCII characters or more narrow the search through the title trigram index
    # (case-blind): a title holding every trigram of every word (the index keeps no positions, so a
    # word is its trigrams, not a phrase); every word is then checked against the title in Python.
    # (A word holding NUL, which stored text never holds, would end FTS5's string early: not asked.)
    trigrams = sorted({w[i : i + 3] for w in words if len(w) >= 3 and w.isascii() and "\0" not in w for i in range(len(w) - 2)})
    if trigrams:
        found = store.sql(
            "SELECT n.id, n.key, n.title, n.props FROM paper_titles CROSS JOIN nodes n ON n.id = paper_titles.rowid "
            "WHERE paper_titles MATCH ?",
            (" AND ".join('"' + t.replace('"', '""') + '"' for t in trigrams),),
        )
    else:
        clause, args = _ascii_contains("title", words)
        found = store.sql(
            "SELECT id, key, title, props FROM nodes WHERE label = 'Paper' "
            f"AND coalesce(json_extract(props, '$.stub'), 0) = 0{clause}",
            args,
        )
    matching = [(node_id, key, title, props) for node_id, key, title, props in found
                if all(word in (title or "").lower() for word in words)]
    matching.sort(key=lambda row: ((row[2] or "").lower(), row[1]))
    matching = matching[: params["limit"]]
    repos: dict[int, list[str]] = {}
    for paper, url in store.sql(
        f"SELECT e.source, json_extract(r.props, '$.url') FROM edges e CROSS JOIN nodes r ON r.id = e.target "
        f"WHERE e.source IN {EACH} AND e.type = 'HAS_REPO' AND r.label = 'Repo'",
        (js(row[0] for row in matching),),
    ):
        repos.setdefault(paper, []).append(url)
    rows = []
    for node_id, key, title, props in matching:
        data = with_derived(key, _props(props))
        rows.append({"key": key, "title": title, "arxiv_id": data.get("arxiv_id"), "published": data.get("published"),
                     "sources": data.get("sources"), "repos": sorted(repos.get(node_id, []))})
    return rows


@twin("papers_by_id")
def papers_by_id(store: Any, params: dict[str, Any]) -> list[Row]:
    # paper_ids holds each id lower-cased by SQLite (ASCII letters); the exact comparison is Python's.
    wanted = params["id"]
    found = store.sql(
        "SELECT n.key, n.title, n.props FROM paper_ids i CROSS JOIN nodes n ON n.id = i.node "
        "WHERE i.id = lower(?) AND n.label = 'Paper' ORDER BY n.key",
        (wanted,),
    )
    rows = []
    for key, title, props in found:
        ids = _props(props).get("ids", [])
        if any(ident.lower() == wanted for ident in ids):
            rows.append({"key": key, "title": title, "ids": ids})
    return rows


@twin("papers_per_source")
def papers_per_source(store: Any, params: dict[str, Any]) -> list[Row]:
    return [{"file": file, "papers": n} for file, n in store.stored_counts("source_file")]


@twin("repos_by_kind")
def repos_by_kind(store: Any, params: dict[str, Any]) -> list[Row]:
    return [{"kind": kind, "repos": n} for kind, n in store.stored_counts("repo_kind")]


# Distinct papers with any relationship into an entity (entities_by_key's OPTIONAL MATCH (p:Paper)-[r]->(e)):
# the schema lets a paper reach an entity by a role relationship only, so the edge index answers alone.
_ANY_PAPERS = (
    "(SELECT count(DISTINCT e.source) FROM edges e WHERE e.target = n.id "
    "AND e.type IN ('INTRODUCES', 'USES', 'EVALUATES_ON', 'COMPARES', 'MENTIONS'))"
)


def _entity_rows(store: Any, where: str, args: tuple) -> list[Row]:
    rows = store.sql(
        f"SELECT n.key, n.props, {_ANY_PAPERS} AS papers FROM nodes n WHERE n.label IN {EACH} AND {where} "
        "ORDER BY papers DESC, n.key",
        (js(ENTITY_LABELS), *args),
    )
    found = []
    for key, props, papers in rows:
        data = _props(props)
        found.append({"key": key, "name": data.get("name"), "type": data.get("type"), "aliases": data.get("aliases", []),
                      "family": data.get("family"), "papers": papers})
    return found


@twin("entities_by_key")
def entities_by_key(store: Any, params: dict[str, Any]) -> list[Row]:
    return _entity_rows(store, f"n.key IN {EACH}", (js(set(params["keys"])),))


@twin("entities_by_name")
def entities_by_name(store: Any, params: dict[str, Any]) -> list[Row]:
    return _entity_rows(store, "n.id IN (SELECT node FROM names WHERE norm = ?)", (params["norm"],))


@twin("entity_names")
def entity_names(store: Any, params: dict[str, Any]) -> list[Row]:
    # Through the (label, type) index: the entities of one type, not every node.
    wanted = params["type"]
    labels = js(ENTITY_LABELS)
    where, args = (f"label IN {EACH} AND type = ?", (labels, wanted)) if wanted else (f"label IN {EACH}", (labels,))
    rows = store.sql(f"SELECT key, name, type FROM nodes WHERE {where} ORDER BY key", args)
    return [{"key": key, "name": name, "type": kind} for key, name, kind in rows]


@twin("papers_by_entity")
def papers_by_entity(store: Any, params: dict[str, Any]) -> list[Row]:
    roles = set(params["roles"])
    types = [t for t in ROLE_TYPES if not roles or t.lower() in roles]
    # A hub (ImageNet, GPT-4o) links thousands of papers and a table shows a hundred: the rows are
    # ordered by their small columns first, and only the chosen ones read their evidence (its
    # abstract, compressed in the paper's row, was most of the time and of every cold read).
    found = store.sql(
        f"""WITH hits AS MATERIALIZED (
                SELECT e.id AS edge, p.key AS paper, p.title AS title, n.key AS entity, n.name AS name, e.type AS type
                FROM nodes n CROSS JOIN edges e ON e.target = n.id AND e.type IN {EACH}
                CROSS JOIN nodes p ON p.id = e.source WHERE n.key IN {EACH}),
            chosen AS MATERIALIZED (
                SELECT * FROM hits ORDER BY {UNICODE_LOWER}(title), paper, entity, lower(type) LIMIT ?)
            SELECT c.paper, c.title, c.entity, c.name, c.type, {property_sql('e', 'confidence')},
                   {evidence_parts_sql('e', 'p')}
            FROM chosen c CROSS JOIN edges e ON e.id = c.edge CROSS JOIN nodes p ON p.id = e.source""",
        (js(types), js(set(params["keys"])), params["limit"]),
    )
    found.sort(key=lambda row: (row[1].lower(), row[0], row[2], row[4].lower()))
    return [{"paper": paper, "title": title, "entity": entity, "name": name, "role": rel_type.lower(),
             "evidence": evidence_of(*evidence), "confidence": confidence}
            for paper, title, entity, name, rel_type, confidence, *evidence in found]


@twin("papers_by_repo")
def papers_by_repo(store: Any, params: dict[str, Any]) -> list[Row]:
    found = store.sql(
        "SELECT p.key, p.title, json_extract(r.props, '$.url'), json_extract(r.props, '$.kind'), "
        f"{evidence_parts_sql('e', 'p')} FROM nodes r CROSS JOIN edges e ON e.target = r.id AND e.type = 'HAS_REPO' "
        "CROSS JOIN nodes p ON p.id = e.source WHERE r.key = ? AND r.label = 'Repo'",
        (params["key"],),
    )
    rows = [{"paper": paper, "title": title, "url": url, "kind": kind, "evidence": evidence_of(*evidence)}
            for paper, title, url, kind, *evidence in found]
    return sorted(rows, key=lambda row: (row["title"].lower(), row["paper"]))


@twin("entity_variants")
def entity_variants(store: Any, params: dict[str, Any]) -> list[Row]:
    found = store.sql(
        f"SELECT n.key, n.name, json_extract(n.props, '$.size'), json_extract(n.props, '$.variant'), {_ANY_PAPERS} "
        "FROM nodes f CROSS JOIN edges v ON v.target = f.id AND v.type = 'VARIANT_OF' CROSS JOIN nodes n ON n.id = v.source "
        "WHERE f.key = ? ORDER BY n.key",
        (params["key"],),
    )
    return [{"key": key, "name": name, "size": size, "variant": variant, "papers": papers}
            for key, name, size, variant, papers in found]


@twin("entity_papers_by_role")
def entity_papers_by_role(store: Any, params: dict[str, Any]) -> list[Row]:
    found = _node(store, params["key"])
    if found is None:
        return []
    counts = store.sql(
        f"SELECT e.type, count(*) FROM edges e WHERE e.target = ? AND e.type IN {EACH} GROUP BY e.type",
        (found[0], js(ROLE_TYPES)),
    )
    total = dict(store.stored_counts("label")).get("Paper", 0)
    rows = []
    for rel_type, n in sorted(counts, key=lambda row: row[0].lower()):
        if n * n >= total:
            # A role many papers have: paper keys in order (keys are "paper:..."), each probed for the
            # edge, both through covering indexes, until five: about total / n * 5 probes instead of
            # n edges read with their papers' rows and sorted (equal costs near n = sqrt(total)).
            examples = store.sql(
                "SELECT p.key FROM nodes p WHERE p.key >= 'paper:' AND p.key < 'paper;' "
                "AND EXISTS (SELECT 1 FROM edges e WHERE e.source = p.id AND e.type = ? AND e.target = ?) "
                "ORDER BY p.key LIMIT 5",
                (rel_type, found[0]),
            )
        else:
            examples = store.sql(
                "SELECT p.key FROM edges e CROSS JOIN nodes p ON p.id = e.source AND p.label = 'Paper' "
                "WHERE e.target = ? AND e.type = ? ORDER BY p.key LIMIT 5",
                (found[0], rel_type),
            )
        rows.append({"role": rel_type.lower(), "papers": n, "examples": [key for (key,) in examples]})
    return rows


@twin("cooccurring_entities")
def cooccurring_entities(store: Any, params: dict[str, Any]) -> list[Row]:
    # A most-linked entity's counts are kept by the store (sqlite_cooccurrence); others are counted here.
    found = cooccurring(store.sql, params["key"], params["limit"])
    return [{"key": key, "name": name, "type": kind, "papers": papers} for key, name, kind, papers in found]


@twin("top_entities")
def top_entities(store: Any, params: dict[str, Any]) -> list[Row]:
    # Entities of the type through the (label, type) index, each counted through the edge index.
    found = store.sql(
        f"SELECT key, name, papers FROM (SELECT n.key AS key, n.name AS name, {_ANY_PAPERS} AS papers FROM nodes n "
        "WHERE n.label IN ('Model', 'Dataset', 'Method') AND n.type = ?) WHERE papers > 0 ORDER BY papers DESC, key LIMIT ?",
        (params["type"], params["limit"]),
    )
    return [{"key": key, "name": name, "papers": papers} for key, name, papers in found]


@twin("paper_details")
def paper_details(store: Any, params: dict[str, Any]) -> list[Row]:
    found = _node(store, params["key"])
    if found is None or found[1] != "Paper":
        return []
    node_id, _, data = found
    entities, repos = [], []
    for rel_type, key, name, kind, url in store.sql(
        "SELECT e.type, t.key, t.name, t.type, json_extract(t.props, '$.url') FROM edges e CROSS JOIN nodes t ON t.id = e.target "
        "WHERE e.source = ? ORDER BY e.id",
        (node_id,),
    ):
        if rel_type in ROLE_TYPES:
            entities.append({"key": key, "name": name, "type": kind, "role": rel_type.lower()})
        elif rel_type == "HAS_REPO":
            repos.append(url)
    return [
        {
            "key": params["key"],
            "title": data.get("title"),
            "arxiv_id": data.get("arxiv_id"),
            "ids": data.get("ids", []),
            "published": data.get("published"),
            "authors": data.get("authors", []),
            "sources": data.get("sources", []),
            "abstract": data.get("abstract"),
            "repos": sorted(repos),
            "entities": sorted(entities, key=lambda e: e["key"]),
        }
    ]


# ---------------------------------------------------------------------------------------------
# Relatedness and paths
# ---------------------------------------------------------------------------------------------


def _popularity(store: Any, things: Iterable[int]) -> dict[int, int]:
    """How many papers link to each thing (entity or repo) by a role or HAS_REPO (only papers can: the schema)."""
    rows = store.sql(
        f"SELECT e.target, count(DISTINCT e.source) FROM edges e "
        f"WHERE e.target IN {EACH} AND e.type IN {EACH} GROUP BY e.target",
        (js(set(things)), js(LINK_TYPES)),
    )
    return dict(rows)


def _shown_name(label: str, props: dict[str, Any]) -> str | None:
    return props.get("name") or props.get("url")


@twin("related_papers")
def related_papers(store: Any, params: dict[str, Any]) -> list[Row]:
    found = _node(store, params["key"])
    if found is None or found[1] != "Paper":
        return []
    paper = found[0]
    # One entry per relationship (a dataset used and evaluated on counts twice), as the twin always did.
    mine = [thing for (thing,) in store.sql(
        f"SELECT target FROM edges WHERE source = ? AND type IN {EACH} ORDER BY id", (paper, js(LINK_TYPES)))]
    things = _nodes_by_id(store, mine)
    popularity = _popularity(store, mine)
    weight = {thing: RELATED_WEIGHTS.get(things[thing][1], 1.0) / math.log(1 + popularity[thing]) for thing in mine}
    cited = sorted({other for (other,) in store.sql(
        "SELECT target FROM edges WHERE source = ? AND type = 'CITES' "
        "UNION SELECT source FROM edges WHERE target = ? AND type = 'CITES'", (paper, paper)) if other != paper})
    candidates = _related_candidates(store, paper, [(t, weight[t] * mine.count(t)) for t in set(mine)], cited,
                                     params["limit"], popularity)
    shares: dict[int, set[int]] = {}
    for thing, other in store.sql(
        f"SELECT target, source FROM edges WHERE source IN {EACH} AND type IN {EACH} AND target IN {EACH}",
        (js(candidates), js(LINK_TYPES), js(set(mine))),
    ):
        shares.setdefault(other, set()).add(thing)
    # Exact scores, summed in the order the relationships were written, for the few candidates only.
    scores: dict[int, list[tuple[str, float]]] = {}
    for thing in mine:
        _, label, props = things[thing]
        for other in candidates:
            if thing in shares.get(other, ()):
                scores.setdefault(other, []).append((_shown_name(label, props), weight[thing]))
    for other in cited:
        if other in candidates:
            scores.setdefault(other, []).append(("citation", 4.0))
    nodes = _nodes_by_id(store, scores)
    ranked = [(nodes[other][0], round_half_up(sum(w for _, w in shared), 4), shared, nodes[other][2].get("title"))
              for other, shared in scores.items()]
    ranked.sort(key=lambda item: (-item[1], item[0]))
    return [{"key": key, "title": title, "score": score, "shared": sorted(name for name, _ in shared)}
            for key, score, shared, title in ranked[: params["limit"]]]


# What a related paper shares, scored in SQL: (other paper, thing, weight) once per thing, and 4.0
# per citation either way. Parameters: the (thing, weight) pairs as JSON, the link types, the
# paper itself (not its own relative), the cited papers.
_SHARED_SQL = f"""
    WITH w AS (SELECT json_extract(value, '$[0]') AS thing, json_extract(value, '$[1]') AS weight FROM json_each(?)),
    shared AS (SELECT DISTINCT e.source AS other, w.thing, w.weight FROM w CROSS JOIN edges e
               ON e.target = w.thing AND e.type IN {EACH} WHERE e.source != ?
               UNION ALL SELECT value, NULL, 4.0 FROM json_each(?))"""
# A thing this many papers link is common: its papers are walked only when they may rank (see below).
COMMON_THING_PAPERS = 1_000
# The margin of a candidate's score under the limit-th best: it covers rounding and the order of the additions.
_SCORE_MARGIN = 1e-4


def _related_candidates(store: Any, paper: int, weights: list[tuple[int, float]], cited: list[int], limit: int,
                        popularity: dict[int, int]) -> list[int]:
    """The papers whose score, summed in SQL over everything they share, may place them among the
    best ``limit`` (within ``_SCORE_MARGIN``)."""
    window = 2 * limit + 20
    common = [(thing, weight) for thing, weight in weights if popularity.get(thing, 0) >= COMMON_THING_PAPERS]
    if common and max(popularity[thing] for thing, _ in common) > window:
        rare = [(thing, weight) for thing, weight in weights if popularity.get(thing, 0) < COMMON_THING_PAPERS]
        found = _candidates_past_common_things(store, paper, rare, common, cited, limit)
        if found is not None:
            return found
    # Scored once (MATERIALIZED): every paper when fewer than a window share anything, else every
    # paper within a margin of the limit-th best score, ties past any window included (copies of one
    # paper all tie).
    score_sql = f"""{_SHARED_SQL},
        scored AS MATERIALIZED (SELECT other, sum(weight) AS score FROM shared GROUP BY other)
        SELECT other FROM scored
        WHERE (SELECT count(*) FROM scored) < ?
           OR score >= (SELECT score FROM scored ORDER BY score DESC LIMIT 1 OFFSET ?) - {_SCORE_MARGIN}"""
    rows = store.sql(score_sql, (json.dumps(weights), js(LINK_TYPES), paper, js(cited), window, max(limit, 1) - 1))
    return [other for (other,) in rows]


def _candidates_past_common_things(store: Any, paper: int, rare: list[tuple[int, float]],
                                   common: list[tuple[int, float]], cited: list[int], limit: int) -> list[int] | None:
    """``_related_candidates`` without walking the papers of common things (ImageNet, GPT-4o: tens
    of thousands at a million papers), when it can be told they do not rank: the papers sharing the
    rare things and citations are scored first; a paper reached only through common things scores
    at most their summed weight, so if even the limit-th best of those first scores beats that sum,
    only the first papers can rank, and their common things are looked up one paper at a time.
    None when it cannot be told (the caller walks every paper). A common thing links at least a
    window of papers, so the rule that takes every paper when fewer share anything never applies."""
    scores = dict(store.sql(f"{_SHARED_SQL} SELECT other, sum(weight) FROM shared GROUP BY other",
                            (json.dumps(rare), js(LINK_TYPES), paper, js(cited))))
    if len(scores) < max(limit, 1):
        return None
    bound = sorted(scores.values(), reverse=True)[max(limit, 1) - 1]
    if sum(weight for _, weight in common) >= bound - _SCORE_MARGIN:
        return None
    weight_of = dict(common)
    for other, thing in set(store.sql(
        f"SELECT source, target FROM edges WHERE source IN {EACH} AND type IN {EACH} AND target IN {EACH}",
        (js(scores), js(LINK_TYPES), js(weight_of)),
    )):
        scores[other] += weight_of[thing]
    best = sorted(scores.values(), reverse=True)[max(limit, 1) - 1]
    return [other for other, score in scores.items() if score >= best - _SCORE_MARGIN]


def _expand(store: Any, frontier: set[int], types: tuple[str, ...] | None, direction: str) -> list[tuple[int, str, int]]:
    """(source, type, target) of the relationships at the frontier: out of it, into it, or both."""
    kinds = "" if types is None else f" AND type IN {EACH}"
    extra = () if types is None else (js(types),)
    authorship = types is None or AUTHORSHIP in types
    rows: list[tuple[int, str, int]] = []
    for wanted, end, column in (("out", "source", "author"), ("in", "target", "paper")):
        if direction in (wanted, "both"):
            rows += store.sql(f"SELECT source, type, target FROM edges WHERE {end} IN {EACH}{kinds}", (js(frontier), *extra))
            if authorship:
                rows += store.sql(f"SELECT author, '{AUTHORSHIP}', paper FROM authorship WHERE {column} IN {EACH}",
                                  (js(frontier),))
    return rows


def _meeting_subgraph(store: Any, start: int, goal: int, *, types: tuple[str, ...] | None, directed: bool):
    """The relationships a bidirectional breadth-first search fetched until the two sides met:
    every shortest path between ``start`` and ``goal`` lies in them. None when there is no path
    within MAX_HOPS hops."""
    seen = [{start: 0}, {goal: 0}]
    frontiers = [{start}, {goal}]
    depths = [0, 0]
    edges: set[tuple[int, str, int]] = set()
    while not (seen[0].keys() & seen[1].keys()):
        if not frontiers[0] or not frontiers[1] or depths[0] + depths[1] >= MAX_HOPS:
            return None
        side = 0 if len(frontiers[0]) <= len(frontiers[1]) else 1
        direction = "both" if not directed else ("out" if side == 0 else "in")
        found = _expand(store, frontiers[side], types, direction)
        edges.update(found)
        depths[side] += 1
        reached = set()
        for source, _, target in found:
            for node in (source, target):
                if node not in seen[side]:
                    seen[side][node] = depths[side]
                    reached.add(node)
        frontiers[side] = reached
    return edges


@twin("shortest_path")
def shortest_path(store: Any, params: dict[str, Any]) -> list[Row]:
    import networkx as nx

    source, target = _node(store, params["source"]), _node(store, params["target"])
    if source is None or target is None or source[0] == target[0]:
        return []
    edges = _meeting_subgraph(store, source[0], target[0], types=None, directed=False)
    if edges is None:
        return []
    nodes = _nodes_by_id(store, {n for s, _, t in edges for n in (s, t)})
    key = {node_id: found[0] for node_id, found in nodes.items()}
    graph = nx.MultiDiGraph()
    graph.add_edges_from((key[s], key[t], rel_type) for s, rel_type, t in edges)
    try:
        paths = list(nx.all_shortest_paths(graph.to_undirected(as_view=True), params["source"], params["target"]))
    except nx.NetworkXNoPath:
        return []
    if len(paths[0]) - 1 > MAX_HOPS:
        return []
    best = None
    for path in paths:
        hops = []
        for u, v in zip(path, path[1:], strict=False):
            options = [(k, u) for k in graph.get_edge_data(u, v, default={})]
            options += [(k, v) for k in graph.get_edge_data(v, u, default={})]
            hops.append(min(options))
        candidate = (path, [t for t, _ in hops], [s for _, s in hops])
        if best is None or candidate < best:
            best = candidate
    path, types, starts = best
    props = {found[0]: found[2] for found in nodes.values()}
    labels = [props[n].get("name") or props[n].get("title") or props[n].get("url") for n in path]
    return [{"nodes": path, "labels": labels, "relationships": types, "starts": starts, "hops": len(types)}]


def _degrees(store: Any, ids: Iterable[int]) -> dict[int, int]:
    """Relationships of each node, authorship (WROTE, not in edges) not counted: a paper's size never follows its author count."""
    wanted = js(set(ids))
    degree: dict[int, int] = {}
    for column in ("source", "target"):
        for node_id, n in store.sql(
            f"SELECT {column}, count(*) FROM edges WHERE {column} IN {EACH} GROUP BY {column}", (wanted,)
        ):
            degree[node_id] = degree.get(node_id, 0) + n
    return degree


def _capped(found: list[Row], limit: int) -> list[Row]:
    return [{**row, "total": len(found)} for row in found[:limit]]


@twin("node_neighbourhood")
def node_neighbourhood(store: Any, params: dict[str, Any]) -> list[Row]:
    centre = _node(store, params["key"])
    if centre is None:
        return []
    depth = max(0, min(params["depth"], 2))  # the Cypher pattern goes two hops at most
    distances = {centre[0]: 0}
    frontier = {centre[0]}
    for hop in range(1, depth + 1):
        reached = set()
        for source, _, target in _expand(store, frontier, None, "both"):
            for node in (source, target):
                if node not in distances:
                    distances[node] = hop
                    reached.add(node)
        frontier = reached
    keys = dict(store.sql(f"SELECT id, key FROM nodes WHERE id IN {EACH}", (js(distances),)))
    degree = _degrees(store, distances)
    found = [{"key": keys[n], "distance": d, "degree": degree.get(n, 0)} for n, d in distances.items()]
    found.sort(key=lambda row: (row["distance"], -row["degree"], row["key"]))
    return _capped(found, params["limit"])


# A node's authorship among the chosen labels (top_nodes, when WROTE is among its types and both its
# ends among the labels): papers of an author, authors of a paper.
_AUTHORSHIP_DEGREE = f"""
    + (SELECT count(*) FROM authorship w CROSS JOIN nodes o ON o.id = w.paper WHERE w.author = n.id AND o.label IN {EACH})
    + (SELECT count(*) FROM authorship w CROSS JOIN nodes o ON o.id = w.author WHERE w.paper = n.id AND o.label IN {EACH})"""


@twin("top_nodes")
def top_nodes(store: Any, params: dict[str, Any]) -> list[Row]:
    labels, rel_types = js(set(params["labels"])), js(set(params["rel_types"]))
    counted = AUTHORSHIP in params["rel_types"] and {"Author", "Paper"} <= set(params["labels"])
    authorship, authorship_args = (_AUTHORSHIP_DEGREE, (labels, labels)) if counted else ("", ())
    found = store.sql(
        f"""SELECT key, degree FROM (
                SELECT n.key AS key,
                    (SELECT count(*) FROM edges e CROSS JOIN nodes o ON o.id = e.target
                     WHERE e.source = n.id AND e.type IN {EACH} AND o.label IN {EACH}) +
                    (SELECT count(*) FROM edges e CROSS JOIN nodes o ON o.id = e.source
                     WHERE e.target = n.id AND e.type IN {EACH} AND o.label IN {EACH}){authorship} AS degree
                FROM nodes n WHERE n.label IN {EACH})
            WHERE degree >= ? ORDER BY degree DESC, key""",
        (rel_types, labels, rel_types, labels, *authorship_args, labels, params["min_degree"]),
    )
    return _capped([{"key": key, "degree": degree} for key, degree in found], params["limit"])


@twin("nodes_by_keys")
def nodes_by_keys(store: Any, params: dict[str, Any]) -> list[Row]:
    found = store.sql("SELECT id, key, label, props, abstract_z, abstract_size FROM nodes WHERE key IN "
                      f"{EACH} ORDER BY key", (js(set(params["keys"])),))
    degree = _degrees(store, [row[0] for row in found])
    return [{"key": key, "label": label, "properties": {"key": key, **node_props(key, *stored)}, "degree": degree.get(node_id, 0)}
            for node_id, key, label, *stored in found]


@twin("edges_among")
def edges_among(store: Any, params: dict[str, Any]) -> list[Row]:
    keys = js(set(params["keys"]))
    found = store.sql(
        f"""WITH chosen AS (SELECT id, key, props, abstract_z, abstract_size FROM nodes WHERE key IN {EACH})
            SELECT e.type, s.key, t.key, {edge_sql('e', 's')} FROM chosen s CROSS JOIN edges e ON e.source = s.id
            CROSS JOIN chosen t ON t.id = e.target
            UNION ALL
            SELECT '{AUTHORSHIP}', s.key, t.key, {BARE_EDGE_SQL} FROM chosen s
            CROSS JOIN authorship w ON w.author = s.id CROSS JOIN chosen t ON t.id = w.paper
            ORDER BY 2, 1, 3""",
        (keys,),
    )
    return [{"type": rel_type, "source": source, "target": target, "properties": expand(*stored)}
            for rel_type, source, target, *stored in found]


@twin("papers_by_author")
def papers_by_author(store: Any, params: dict[str, Any]) -> list[Row]:
    words = params["words"]
    if not words:
        return []
    clause, args = _ascii_contains("a.name", words)
    found = store.sql(
        "SELECT a.key, a.name, p.key, p.title, json_extract(p.props, '$.published') FROM nodes a "
        "CROSS JOIN authorship w ON w.author = a.id CROSS JOIN nodes p ON p.id = w.paper AND p.label = 'Paper' "
        f"WHERE a.label = 'Author'{clause}",
        args,
    )
    rows = [{"author_key": author_key, "author": name, "paper": paper, "title": title, "published": published}
            for author_key, name, paper, title, published in found
            if all(word in (name or "").lower() for word in words)]
    rows.sort(key=lambda r: (r["title"].lower(), r["paper"], r["author_key"]))
    rows.sort(key=lambda r: r["published"] or "", reverse=True)
    return rows[: params["limit"]]


# ---------------------------------------------------------------------------------------------
# Citations
# ---------------------------------------------------------------------------------------------


def _citations(store: Any, params: dict[str, Any], *, incoming: bool) -> list[Row]:
    """The CITES of one paper, out of it or into it, explicit first (as cites.cypher/cited_by.cypher)."""
    mine, other = ("target", "source") if incoming else ("source", "target")
    found = store.sql(
        f"SELECT o.key, o.title, json_extract(o.props, '$.stub'), {edge_sql('e', 's')} FROM nodes p "
        f"CROSS JOIN edges e ON e.{mine} = p.id AND e.type = 'CITES' CROSS JOIN nodes o ON o.id = e.{other} "
        "CROSS JOIN nodes s ON s.id = e.source WHERE p.key = ? AND p.label = 'Paper'",
        (params["key"],),
    )
    rows = []
    for key, title, stub, *stored in found:
        data = expand(*stored)
        rows.append({"key": key, "title": title or "", "stub": bool(stub or False), "source": data.get("source"),
                     "inferred": bool(data.get("inferred", False)), "via": data.get("via"), "evidence": data.get("evidence"),
                     "confidence": data.get("confidence")})
    rows.sort(key=lambda r: (r["source"] is None, r["title"].lower(), r["key"]))
    return rows[: params["limit"]]


@twin("cites")
def cites(store: Any, params: dict[str, Any]) -> list[Row]:
    return _citations(store, params, incoming=False)


@twin("cited_by")
def cited_by(store: Any, params: dict[str, Any]) -> list[Row]:
    return _citations(store, params, incoming=True)


@twin("top_cited_papers")
def top_cited_papers(store: Any, params: dict[str, Any]) -> list[Row]:
    found = store.sql(
        "SELECT p.key, p.title, count(*) AS citations, sum(json_extract(e.props, '$.source') IS NOT NULL), "
        "json_extract(p.props, '$.stub') FROM edges e CROSS JOIN nodes p ON p.id = e.target AND p.label = 'Paper' "
        "WHERE e.type = 'CITES' GROUP BY e.target ORDER BY citations DESC, p.key LIMIT ?",
        (params["limit"],),
    )
    return [{"key": key, "title": title or "", "citations": n, "explicit": explicit, "inferred_only": n - explicit,
             "stub": bool(stub or False)} for key, title, n, explicit, stub in found]


@twin("citation_path")
def citation_path(store: Any, params: dict[str, Any]) -> list[Row]:
    import networkx as nx

    source, target = _node(store, params["source"]), _node(store, params["target"])
    if source is None or target is None or source[0] == target[0] or source[1] != "Paper" or target[1] != "Paper":
        return []
    edges = _meeting_subgraph(store, source[0], target[0], types=("CITES",), directed=True)
    if edges is None:
        return []
    nodes = _nodes_by_id(store, {n for s, _, t in edges for n in (s, t)})
    key = {node_id: found[0] for node_id, found in nodes.items()}
    citations = nx.DiGraph((key[s], key[t]) for s, _, t in edges)
    try:
        paths = list(nx.all_shortest_paths(citations, params["source"], params["target"]))
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        return []
    path = min(paths)
    if len(path) - 1 > MAX_HOPS:
        return []
    props = {found[0]: found[2] for found in nodes.values()}
    how = []
    for citing, cited in zip(path, path[1:], strict=False):
        [(data,)] = store.sql(
            "SELECT e.props FROM nodes s CROSS JOIN edges e ON e.source = s.id AND e.type = 'CITES' "
            "CROSS JOIN nodes t ON t.id = e.target "
            "WHERE s.key = ? AND t.key = ?",
            (citing, cited),
        )
        data = _props(data)
        how.append(data["source"] if data.get("source") is not None else f"inferred via {data.get('via')}")
    titles = [props[n].get("title") or n for n in path]
    return [{"nodes": path, "titles": titles, "how": how, "hops": len(path) - 1}]


# ---------------------------------------------------------------------------------------------
# What the drawings need (kg.views): co-use, pairwise relatedness, node sizes, top papers
# ---------------------------------------------------------------------------------------------


@twin("co_use")
def co_use(store: Any, params: dict[str, Any]) -> list[Row]:
    chosen = store.sql(
        f"SELECT id, key FROM nodes WHERE key IN {EACH} AND label IN {EACH} ORDER BY key",
        (js(set(params["keys"])), js((*ENTITY_LABELS, "Author"))),
    )
    ids = js(node_id for node_id, _ in chosen)
    papers: dict[int, set[int]] = {node_id: set() for node_id, _ in chosen}
    # An entity's papers link it by a role; an author's wrote it (co_use.cypher's WROTE).
    for node_id, paper in store.sql(
        f"SELECT e.target, e.source FROM edges e "
        f"WHERE e.target IN {EACH} AND e.type IN {EACH} "
        f"UNION SELECT w.author, w.paper FROM authorship w WHERE w.author IN {EACH}",
        (ids, js(ROLE_TYPES), ids),
    ):
        papers[node_id].add(paper)
    rows = []
    for index, (source, source_key) in enumerate(chosen):
        for target, target_key in chosen[index + 1 :]:
            common = len(papers[source] & papers[target])
            if common and common >= params["min_papers"]:
                rows.append({"source": source_key, "target": target_key, "papers": common})
    return rows


@twin("related_among")
def related_among(store: Any, params: dict[str, Any]) -> list[Row]:
    chosen = dict(store.sql(f"SELECT id, key FROM nodes WHERE key IN {EACH} AND label = 'Paper'", (js(set(params["keys"])),)))
    ids = js(chosen)
    things = {thing for (thing,) in store.sql(f"SELECT DISTINCT target FROM edges WHERE source IN {EACH} AND type IN {EACH}",
                                              (ids, js(LINK_TYPES)))}
    nodes = _nodes_by_id(store, things)
    popularity = _popularity(store, things)
    inside: dict[int, set[int]] = {}
    for thing, paper in store.sql(
        f"SELECT DISTINCT target, source FROM edges WHERE target IN {EACH} AND type IN {EACH} AND source IN {EACH}",
        (js(things), js(LINK_TYPES), ids),
    ):
        inside.setdefault(thing, set()).add(chosen[paper])
    shared: dict[tuple[str, str], list[tuple[str, float]]] = {}
    for thing in sorted(things, key=lambda t: nodes[t][0]):
        _, label, props = nodes[thing]
        weight = RELATED_WEIGHTS.get(label, 1.0) / math.log(1 + popularity[thing])
        within = sorted(inside.get(thing, ()))
        for index, source in enumerate(within):
            for target in within[index + 1 :]:
                shared.setdefault((source, target), []).append((_shown_name(label, props), weight))
    for source, target in store.sql(
        f"SELECT source, target FROM edges WHERE type = 'CITES' AND source IN {EACH} AND target IN {EACH} AND source != target",
        (ids, ids),
    ):
        pair = (min(chosen[source], chosen[target]), max(chosen[source], chosen[target]))
        if ("citation", 4.0) not in shared.get(pair, []):
            shared.setdefault(pair, []).append(("citation", 4.0))
    rows = [
        {"source": source, "target": target, "score": round_half_up(sum(w for _, w in found), 4),
         "shared": sorted(name for name, _ in found)}
        for (source, target), found in shared.items()
    ]
    return sorted(rows, key=lambda row: (row["source"], row["target"]))


_CITED_BY = (
    "(SELECT count(*) FROM edges c "
    "WHERE c.target = {id} AND c.type = 'CITES')"
)


@twin("node_weights")
def node_weights(store: Any, params: dict[str, Any]) -> list[Row]:
    found = store.sql(
        f"""SELECT n.key,
                (SELECT count(*) FROM (
                    SELECT e.source FROM edges e
                    WHERE e.target = n.id AND e.type IN {EACH}
                    UNION
                    SELECT w.paper FROM authorship w WHERE w.author = n.id)),
                {_CITED_BY.format(id='n.id')}
            FROM nodes n WHERE n.key IN {EACH} ORDER BY n.key""",
        (js(LINK_TYPES), js(set(params["keys"]))),
    )
    return [{"key": key, "papers": papers, "cited_by": cited} for key, papers, cited in found]


@twin("top_papers_of_entities")
def top_papers_of_entities(store: Any, params: dict[str, Any]) -> list[Row]:
    found = store.sql(
        f"SELECT n.key, e.type, p.key, p.title, {_CITED_BY.format(id='p.id')}, coalesce(json_extract(p.props, '$.upvotes'), 0) "
        f"FROM nodes n CROSS JOIN edges e ON e.target = n.id AND e.type IN {EACH} "
        "CROSS JOIN nodes p ON p.id = e.source AND p.label = 'Paper' "
        f"WHERE n.key IN {EACH} AND n.label IN {EACH}",
        (js(ROLE_TYPES), js(set(params["keys"])), js(ENTITY_LABELS)),
    )
    groups: dict[tuple[str, str], list[Row]] = {}
    for entity, rel_type, paper, title, cited, upvotes in found:
        role = rel_type.lower()
        row = {"entity": entity, "role": role, "paper": paper, "title": title, "cited_by": cited, "upvotes": upvotes or 0}
        groups.setdefault((entity, role if params["by_role"] else ""), []).append(row)
    rows = []
    for (_, group), members in sorted(groups.items()):
        members.sort(key=lambda r: (-r["cited_by"], -r["upvotes"], r["paper"]))
        rows += [(group, row) for row in members[: params["per_group"]]]
    rows.sort(key=lambda item: (item[1]["entity"], item[0], -item[1]["cited_by"], -item[1]["upvotes"], item[1]["paper"]))
    return [row for _, row in rows]


@twin("top_authors")
def top_authors(store: Any, params: dict[str, Any]) -> list[Row]:
    found = store.sql(
        "SELECT a.key, a.name, count(*) AS papers FROM nodes a "
        "CROSS JOIN authorship w ON w.author = a.id "  # one row per (author, paper): count(*) counts distinct papers
        "WHERE a.label = 'Author' GROUP BY a.id "
        "ORDER BY papers DESC, a.key LIMIT ?",
        (params["limit"],),
    )
    return [{"key": key, "name": name, "papers": papers} for key, name, papers in found]


# ---------------------------------------------------------------------------------------------
# Results and trends
# ---------------------------------------------------------------------------------------------


def _result_links(store: Any, results: Iterable[int]) -> dict[int, tuple[int | None, str | None]]:
    """For each result: (dataset id, subject key) from its MEASURED_ON and SCORED_BY relationships."""
    found: dict[int, list[Any]] = {}
    for result, rel_type, target, key in store.sql(
        f"SELECT e.source, e.type, e.target, t.key FROM edges e CROSS JOIN nodes t ON t.id = e.target "
        f"WHERE e.source IN {EACH} AND e.type IN ('MEASURED_ON', 'SCORED_BY') ORDER BY e.id",
        (js(set(results)),),
    ):
        slot = found.setdefault(result, [None, None])
        if rel_type == "MEASURED_ON":
            slot[0] = target
        else:
            slot[1] = key
    return {result: (slot[0], slot[1]) for result, slot in found.items()}


@twin("results_on_datasets")
def results_on_datasets(store: Any, params: dict[str, Any]) -> list[Row]:
    found = store.sql(
        f"SELECT d.key, d.name, r.id, r.key, r.props, p.key, p.title, {month_sql('p')} FROM nodes d "
        "CROSS JOIN edges m ON m.target = d.id AND m.type = 'MEASURED_ON' "
        "CROSS JOIN nodes r ON r.id = m.source AND r.label = 'Result' "
        "CROSS JOIN edges e ON e.target = r.id AND e.type = 'REPORTS' CROSS JOIN nodes p ON p.id = e.source "
        f"WHERE d.key IN {EACH} AND d.label = 'Dataset' "
        "AND (? = '' OR json_extract(r.props, '$.metric_norm') = ?)",
        (js(set(params["keys"])), params["metric"], params["metric"]),
    )
    links = _result_links(store, (row[2] for row in found))
    rows = []
    for dataset_key, dataset_name, result_id, result, props, paper, title, month in found:
        data = _props(props)
        rows.append(
            {
                "result": result, "paper": paper, "title": title, "month": month, "subject": data.get("subject"),
                "subject_key": links.get(result_id, (None, None))[1], "own": data.get("own"), "dataset_key": dataset_key,
                "dataset_name": dataset_name, "dataset": data.get("dataset"), "metric": data.get("metric"),
                "value": data.get("value"), "unit": data.get("unit"), "setting": data.get("setting"),
                "evidence": data.get("evidence"),
            }
        )
    rows.sort(key=lambda r: (r["dataset_key"], r["paper"], r["result"]))
    return rows[: params["limit"]]


@twin("paper_results")
def paper_results(store: Any, params: dict[str, Any]) -> list[Row]:
    found = store.sql(
        "SELECT r.id, r.key, r.props FROM nodes p CROSS JOIN edges e ON e.source = p.id AND e.type = 'REPORTS' "
        "CROSS JOIN nodes r ON r.id = e.target WHERE p.key = ? AND p.label = 'Paper'",
        (params["key"],),
    )
    links = _result_links(store, (row[0] for row in found))
    datasets = dict(store.sql(f"SELECT id, key FROM nodes WHERE id IN {EACH}",
                              (js(d for d, _ in links.values() if d is not None),)))
    rows = []
    for result_id, result, props in found:
        dataset, subject = links.get(result_id, (None, None))
        if dataset is None:
            continue
        data = _props(props)
        rows.append(
            {
                "result": result, "subject": data.get("subject"), "subject_key": subject, "own": data.get("own"),
                "dataset": data.get("dataset"), "dataset_key": datasets[dataset], "metric": data.get("metric"),
                "value": data.get("value"), "unit": data.get("unit"), "setting": data.get("setting"),
                "evidence": data.get("evidence"), "rule": data.get("rule"), "_start": data.get("start", 0),
            }
        )
    rows.sort(key=lambda r: (r["_start"], r["result"]))
    return [{k: v for k, v in row.items() if k != "_start"} for row in rows]


_MONTHS = (
    f"SELECT n.key, n.name, {month_sql('p')} AS month, count(DISTINCT p.id) FROM nodes n "
    f"CROSS JOIN edges e ON e.target = n.id AND e.type IN {EACH} CROSS JOIN nodes p ON p.id = e.source AND p.label = 'Paper' "
    f"WHERE n.label IN {EACH} AND month IS NOT NULL AND {{where}} GROUP BY n.id, month ORDER BY n.key, month"
)


@twin("entity_months")
def entity_months(store: Any, params: dict[str, Any]) -> list[Row]:
    found = store.sql(_MONTHS.format(where=f"n.key IN {EACH}"), (js(ROLE_TYPES), js(ENTITY_LABELS), js(set(params["keys"]))))
    return [{"key": key, "name": name, "month": month, "papers": n} for key, name, month, n in found]


@twin("papers_per_month")
def papers_per_month(store: Any, params: dict[str, Any]) -> list[Row]:
    # Counted as papers are written (the schema's triggers), not by reading every paper.
    found = store.stored_counts("paper_month")
    return [{"month": month, "papers": n} for month, n in found]


@twin("type_months")
def type_months(store: Any, params: dict[str, Any]) -> list[Row]:
    found = store.sql(_MONTHS.format(where="n.type = ? AND month >= ?"),
                      (js(ROLE_TYPES), js(ENTITY_LABELS), params["type"], params["since"]))
    totals: dict[str, int] = {}
    for key, _, _, n in found:
        totals[key] = totals.get(key, 0) + n
    return [{"key": key, "name": name, "month": month, "papers": n} for key, name, month, n in found
            if totals[key] >= params["min_papers"]]
