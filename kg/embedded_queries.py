"""The embedded store's answers to the named query catalog, one Python twin per ``.cypher`` file.

Each twin takes the graph and the typed parameters and returns the same rows, in the same order,
as the Cypher file does on Neo4j; the contract tests hold them to that.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import networkx as nx

Row = dict[str, Any]
Twin = Callable[[nx.MultiDiGraph, dict[str, Any]], list[Row]]
TWINS: dict[str, Twin] = {}


def twin(name: str) -> Callable[[Twin], Twin]:
    """Register the embedded answer to the catalog query ``name``."""

    def register(func: Twin) -> Twin:
        TWINS[name] = func
        return func

    return register


def _nodes(graph: nx.MultiDiGraph, label: str):
    return ((key, data) for key, data in graph.nodes(data=True) if data["label"] == label)


def _targets(graph: nx.MultiDiGraph, key: str, rel_type: str, label: str) -> list[tuple[str, dict]]:
    return [
        (target, graph.nodes[target])
        for _, target, k in graph.out_edges(key, keys=True)
        if k == rel_type and graph.nodes[target]["label"] == label
    ]


@twin("papers_by_title")
def papers_by_title(graph: nx.MultiDiGraph, params: dict[str, Any]) -> list[Row]:
    words = [w.lower() for w in params["words"]]
    rows = []
    for key, data in _nodes(graph, "Paper"):
        if data.get("stub"):
            continue
        title = data["title"].lower()
        if all(word in title for word in words):
            repos = sorted(target_data["url"] for _, target_data in _targets(graph, key, "HAS_REPO", "Repo"))
            rows.append(
                {
                    "key": key,
                    "title": data["title"],
                    "arxiv_id": data.get("arxiv_id"),
                    "published": data.get("published"),
                    "sources": data.get("sources"),
                    "repos": repos,
                }
            )
    rows.sort(key=lambda row: (row["title"].lower(), row["key"]))
    return rows[: params["limit"]]


@twin("papers_per_source")
def papers_per_source(graph: nx.MultiDiGraph, params: dict[str, Any]) -> list[Row]:
    counts: dict[str, set[str]] = {}
    for key, data in _nodes(graph, "Paper"):
        for source in data.get("sources", []):
            counts.setdefault(source.rpartition(":")[0], set()).add(key)
    return [{"file": file, "papers": len(keys)} for file, keys in sorted(counts.items())]


@twin("repos_by_kind")
def repos_by_kind(graph: nx.MultiDiGraph, params: dict[str, Any]) -> list[Row]:
    counts: dict[str, int] = {}
    for _, data in _nodes(graph, "Repo"):
        counts[data["kind"]] = counts.get(data["kind"], 0) + 1
    return [{"kind": kind, "repos": n} for kind, n in sorted(counts.items())]
