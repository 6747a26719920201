"""The landscape of a graph: its most used models, datasets and methods, linked by co-use.

Each entity is sized by the papers linked to it; two entities are linked when at least
``min_shared`` papers use both, and each keeps only its strongest links (by cosine: shared
papers over the geometric mean of both entities' papers), so hubs do not tie everything together.
"""

from __future__ import annotations

import math
from typing import Any

from paperkg.catalog import run_query
from paperkg.errors import QueryError
from paperkg.views.base import CO_USED, GraphView, ViewEdge, ViewNode, check_cap, fetch_nodes

OVERVIEW_TYPES = ("model", "dataset", "method")
DEFAULT_OVERVIEW_NODES = 150
DEFAULT_MIN_SHARED = 2
LINKS_PER_NODE = 5
TOP_PAPERS_SHOWN = 5


def overview_view(store: Any, *, types: list[str] | None = None, with_authors: bool = False,
                  limit: int = DEFAULT_OVERVIEW_NODES, min_shared: int = DEFAULT_MIN_SHARED,
                  links_per_node: int = LINKS_PER_NODE) -> GraphView:
    """The ``limit`` most used entities (the cap shared evenly by the types), their co-use links.

    Args:
        types: entity types to draw (model, dataset, method); all three when empty.
        with_authors: add the authors who wrote the most papers, linked to what their papers use.
        limit: how many nodes at most.
        min_shared: a link needs at least this many papers in common.
        links_per_node: each node keeps its strongest links only (a link stays if either end keeps it).
    """
    check_cap(limit)
    if min_shared < 1:
        raise QueryError(f"--min-shared must be at least 1 (got {min_shared})")
    chosen = [t.lower() for t in types or []] or list(OVERVIEW_TYPES)
    bad = [t for t in chosen if t not in OVERVIEW_TYPES]
    if bad:
        raise QueryError(f"the overview draws {', '.join(OVERVIEW_TYPES)} (and --with-authors); not {bad[0]!r}")
    groups = len(chosen) + (1 if with_authors else 0)
    papers: dict[str, int] = {}
    total = 0
    for index, entity_type in enumerate(chosen):
        share = limit // groups + (1 if index < limit % groups else 0)
        rows = run_query(store, "top_entities", {"type": entity_type, "limit": share})
        papers.update({row["key"]: row["papers"] for row in rows})
        total += len(rows)
    if with_authors:
        rows = run_query(store, "top_authors", {"limit": limit // groups})
        papers.update({row["key"]: row["papers"] for row in rows})
        total += len(rows)
    keys = sorted(papers)
    top: dict[str, list[dict[str, Any]]] = {}
    entity_keys = [key for key in keys if not key.startswith("author:")]
    if entity_keys:
        params = {"keys": entity_keys, "by_role": False, "per_group": TOP_PAPERS_SHOWN}
        for row in run_query(store, "top_papers_of_entities", params):
            top.setdefault(row["entity"], []).append(
                {"key": row["paper"], "title": row["title"], "role": row["role"], "cited_by": row["cited_by"]}
            )
    found = fetch_nodes(store, keys)
    nodes = [
        ViewNode(key, node.label, node.props, node.degree, size=papers[key], top_papers=tuple(top.get(key, ())))
        for key, node in found.items()
    ]
    pairs = run_query(store, "co_use", {"keys": keys, "min_papers": min_shared}) if keys else []
    edges = strongest_links(pairs, papers, links_per_node)
    heading = "Overview: the most used " + ", ".join(f"{t}s" for t in chosen) + (" and authors" if with_authors else "")
    return GraphView(heading, nodes, edges, total, None, {"types": chosen, "min_shared": min_shared},
                     kind="overview", size_by="papers linked to it")


def strongest_links(pairs: list[dict[str, Any]], papers: dict[str, int], per_node: int) -> list[ViewEdge]:
    """Co-use edges kept when they are among the ``per_node`` strongest of either end (by cosine)."""
    def strength(row: dict[str, Any]) -> float:
        return row["papers"] / math.sqrt(max(papers.get(row["source"], 1), 1) * max(papers.get(row["target"], 1), 1))

    ranked: dict[str, list[tuple[float, str, str]]] = {}
    for row in pairs:
        item = (strength(row), row["source"], row["target"])
        ranked.setdefault(row["source"], []).append(item)
        ranked.setdefault(row["target"], []).append(item)
    kept: set[tuple[str, str]] = set()
    for items in ranked.values():
        items.sort(key=lambda item: (-item[0], item[1], item[2]))
        kept.update((source, target) for _, source, target in items[:per_node])
    return [
        ViewEdge(CO_USED, row["source"], row["target"], {"papers": row["papers"], "strength": round(strength(row), 4)})
        for row in pairs
        if (row["source"], row["target"]) in kept
    ]
