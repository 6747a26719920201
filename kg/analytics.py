"""Graph analytics with networkx, on either store: PageRank of entities, communities of papers."""

from __future__ import annotations

from typing import Any

import networkx as nx

from paperkg.store.base import GraphStore

ENTITY_LABELS = ("Model", "Dataset", "Method")


def as_networkx(store: GraphStore) -> nx.MultiDiGraph:
    """The store's graph in networkx (the embedded store's own; Neo4j's read in one dump)."""
    graph = getattr(store, "graph", None)
    if isinstance(graph, nx.MultiDiGraph):
        return graph
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
