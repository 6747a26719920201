"""Graph analytics with networkx, on either store: PageRank of entities, communities of papers.

Each reads only the relationships it ranks (no properties): the embedded store through SQL, Neo4j
in one dump.
"""

from __future__ import annotations

import json
from typing import Any

import networkx as nx

from paperkg.store.base import GraphStore

ENTITY_LABELS = ("Model", "Dataset", "Method")


def as_networkx(store: GraphStore) -> nx.MultiDiGraph:
    """The store's whole graph in networkx (Neo4j's read in one dump)."""
    dump = store.dump()
    built = nx.MultiDiGraph()
    built.add_nodes_from((key, {"label": label, **props}) for key, (label, props) in dump.nodes.items())
    built.add_edges_from((s, t, k, dict(p)) for (k, s, t), p in dump.edges.items())
    return built


def pagerank_top(store: GraphStore, entity_type: str, *, limit: int) -> list[dict[str, Any]]:
    """Entities of a type ranked by PageRank on the paper-entity graph (links count both ways).

    PageRank rewards entities linked from papers that are themselves central, which a plain
    paper count does not see.
    """
    if hasattr(store, "sql"):
        return _pagerank_top_sql(store, entity_type, limit=limit)
    graph = as_networkx(store)
    simple = nx.Graph()
    for source, target, rel_type in graph.edges(keys=True):
        if rel_type != "WROTE":
            simple.add_edge(source, target)
    ranks = nx.pagerank(simple) if simple.number_of_nodes() else {}
    rows = []
    for key, rank in ranks.items():
        data = graph.nodes[key]
        if data.get("label") in ENTITY_LABELS and data.get("type") == entity_type:
            papers = len({s for s, _ in graph.in_edges(key) if graph.nodes[s]["label"] == "Paper"})
            rows.append({"key": key, "name": data.get("name"), "pagerank": round(rank, 6), "papers": papers})
    rows.sort(key=lambda row: (-row["pagerank"], row["key"]))
    return rows[:limit]


def paper_communities(store: GraphStore, *, min_size: int = 3, seed: int = 7) -> list[dict[str, Any]]:
    """Groups of papers that share entities (Louvain on the paper-paper graph weighted by shared
    entities), largest first, each with the entities most shared inside it."""
    if hasattr(store, "sql"):
        return _paper_communities_sql(store, min_size=min_size, seed=seed)
    graph = as_networkx(store)
    projected = nx.Graph()
    for key, data in graph.nodes(data=True):
        if data["label"] in ENTITY_LABELS:
            papers = sorted({s for s, _ in graph.in_edges(key) if graph.nodes[s]["label"] == "Paper"})
            if 1 < len(papers) <= 50:  # a name in every other paper ("Transformer") groups nothing
                for i, a in enumerate(papers):
                    for b in papers[i + 1 :]:
                        weight = projected.get_edge_data(a, b, {"weight": 0})["weight"]
                        projected.add_edge(a, b, weight=weight + 1)
    groups = nx.community.louvain_communities(projected, weight="weight", seed=seed) if projected else []
    rows = []
    for group in groups:
        if len(group) < min_size:
            continue
        counts: dict[str, int] = {}
        for paper in group:
            for _, target in graph.out_edges(paper):
                if graph.nodes[target]["label"] in ENTITY_LABELS:
                    counts[target] = counts.get(target, 0) + 1
        top = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:5]
        rows.append(
            {
                "papers": len(group),
                "shared": [graph.nodes[k].get("name") for k, _ in top],
                "examples": sorted(graph.nodes[p].get("title", p) for p in group)[:3],
            }
        )
    rows.sort(key=lambda row: (-row["papers"], row["shared"]))
    return rows


def pagerank_papers(store: GraphStore, *, limit: int) -> list[dict[str, Any]]:
    """Papers ranked by PageRank over the citation graph (a citation from a much-cited paper
    weighs more than one from a paper nobody cites), with their citation counts."""
    if hasattr(store, "sql"):
        return _pagerank_papers_sql(store, limit=limit)
    graph = as_networkx(store)
    citations = nx.DiGraph()
    for source, target, rel_type in graph.edges(keys=True):
        if rel_type == "CITES":
            citations.add_edge(source, target)
    ranks = nx.pagerank(citations) if citations.number_of_nodes() else {}
    rows = [
        {"key": key, "title": graph.nodes[key].get("title") or "", "pagerank": round(rank, 6),
         "citations": citations.in_degree(key)}
        for key, rank in ranks.items()
    ]
    rows.sort(key=lambda row: (-row["pagerank"], row["key"]))
    return rows[:limit]


# ---------------------------------------------------------------------------------------------
# The embedded store: the same answers from the relationships SQL hands over (ids, no properties)
# ---------------------------------------------------------------------------------------------


def _pagerank_top_sql(store: Any, entity_type: str, *, limit: int) -> list[dict[str, Any]]:
    simple = nx.Graph()
    simple.add_edges_from(store.sql("SELECT source, target FROM edges"))  # authorship (WROTE) is a table of its own
    ranks = nx.pagerank(simple) if simple.number_of_nodes() else {}
    rows = []
    for node_id, key, name, papers in store.sql(
        "SELECT n.id, n.key, n.name, (SELECT count(DISTINCT e.source) FROM edges e JOIN nodes p ON p.id = e.source "
        "AND p.label = 'Paper' WHERE e.target = n.id) FROM nodes n "
        "WHERE n.label IN ('Model', 'Dataset', 'Method') AND n.type = ?",
        (entity_type,),
    ):
        if node_id in ranks:
            rows.append({"key": key, "name": name, "pagerank": round(ranks[node_id], 6), "papers": papers})
    rows.sort(key=lambda row: (-row["pagerank"], row["key"]))
    return rows[:limit]


def _paper_communities_sql(store: Any, *, min_size: int, seed: int) -> list[dict[str, Any]]:
    projected = nx.Graph()
    linked: dict[int, list[int]] = {}
    for entity, paper in store.sql(
        """SELECT DISTINCT e.target, e.source FROM edges e JOIN nodes p ON p.id = e.source AND p.label = 'Paper'
           JOIN nodes n ON n.id = e.target WHERE n.label IN ('Model', 'Dataset', 'Method') ORDER BY e.target"""
    ):
        linked.setdefault(entity, []).append(paper)
    keys = dict(store.sql("SELECT id, key FROM nodes WHERE label = 'Paper'"))
    for papers in linked.values():
        if 1 < len(papers) <= 50:  # a name in every other paper ("Transformer") groups nothing
            ordered = sorted(keys[p] for p in papers)
            for i, a in enumerate(ordered):
                for b in ordered[i + 1 :]:
                    weight = projected.get_edge_data(a, b, {"weight": 0})["weight"]
                    projected.add_edge(a, b, weight=weight + 1)
    groups = nx.community.louvain_communities(projected, weight="weight", seed=seed) if projected else []
    groups = [group for group in groups if len(group) >= min_size]
    members = sorted({paper for group in groups for paper in group})
    uses: dict[str, list[str]] = {}
    names: dict[str, str | None] = {}
    titles: dict[str, str] = {}
    for paper, title, entity, name in store.sql(
        "SELECT p.key, p.title, n.key, n.name FROM nodes p JOIN edges e ON e.source = p.id JOIN nodes n ON n.id = e.target "
        "WHERE p.key IN (SELECT value FROM json_each(?)) AND n.label IN ('Model', 'Dataset', 'Method')",
        (json.dumps(members),),
    ):
        uses.setdefault(paper, []).append(entity)
        names[entity] = name
        titles[paper] = title
    if members:
        titles.update(store.sql("SELECT key, title FROM nodes WHERE key IN (SELECT value FROM json_each(?))",
                                (json.dumps(members),)))
    rows = []
    for group in groups:
        counts: dict[str, int] = {}
        for paper in group:
            for entity in uses.get(paper, ()):
                counts[entity] = counts.get(entity, 0) + 1
        top = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:5]
        rows.append(
            {
                "papers": len(group),
                "shared": [names[k] for k, _ in top],
                "examples": sorted(titles.get(p) or p for p in group)[:3],
            }
        )
    rows.sort(key=lambda row: (-row["papers"], row["shared"]))
    return rows


def _pagerank_papers_sql(store: Any, *, limit: int) -> list[dict[str, Any]]:
    citations = nx.DiGraph()
    citations.add_edges_from(store.sql("SELECT source, target FROM edges WHERE type = 'CITES'"))
    ranks = nx.pagerank(citations) if citations.number_of_nodes() else {}
    best = sorted(ranks.items(), key=lambda item: -item[1])
    keys = dict(store.sql("SELECT id, key FROM nodes WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(list(ranks)),)))
    ranked = sorted(((keys[n], rank, n) for n, rank in best), key=lambda item: (-round(item[1], 6), item[0]))[:limit]
    titles = dict(store.sql("SELECT id, title FROM nodes WHERE id IN (SELECT value FROM json_each(?))",
                            (json.dumps([n for _, _, n in ranked]),)))
    return [{"key": key, "title": titles.get(n) or "", "pagerank": round(rank, 6), "citations": citations.in_degree(n)}
            for key, rank, n in ranked]
