"""A paper among its most related papers, the way Connected Papers draws one.

Related papers and their scores are `kg related`'s (queries/related_papers.cypher); the related
papers are also linked to one another by the same score (queries/related_among.cypher), each
keeping its strongest few links, so papers on the same subject pull together in the layout.
Papers are coloured by year and sized by the citations they get within the graph.
"""

from __future__ import annotations

from typing import Any

from paperkg.catalog import run_query
from paperkg.lookup import resolve_paper
from paperkg.model import ROLE_REL_TYPES
from paperkg.views.base import RELATED, GraphView, ViewEdge, ViewNode, check_cap, edges_among, fetch_nodes, node_weights

DEFAULT_RELATED = 40
LINKS_PER_PAPER = 3
ENTITY_LABELS = ("Model", "Dataset", "Method", "Repo")


def related_view(store: Any, reference: str, *, limit: int = DEFAULT_RELATED, with_entities: bool = False,
                 links_per_paper: int = LINKS_PER_PAPER) -> GraphView:
    """The paper, its ``limit`` most related papers, and (``with_entities``) the things they share.

    Args:
        reference: the paper (key, arXiv id, title or a unique part of it).
        limit: how many related papers at most.
        with_entities: also draw the focus paper's models, datasets, methods and repos that the
            related papers share, with their role relationships.
        links_per_paper: each related paper keeps its strongest links to other related papers.
    """
    check_cap(limit)
    paper = resolve_paper(store, reference)
    focus = paper["key"]
    related = run_query(store, "related_papers", {"key": focus, "limit": limit})
    total = len(run_query(store, "related_papers", {"key": focus, "limit": 100_000})) if len(related) == limit else len(related)
    paper_keys = [focus, *(row["key"] for row in related)]
    edges = [ViewEdge(RELATED, focus, row["key"], {"score": row["score"], "shared": row["shared"]}) for row in related]
    among = run_query(store, "related_among", {"keys": [row["key"] for row in related]}) if related else []
    edges += strongest_pairs(among, links_per_paper)
    keys = list(paper_keys)
    if with_entities:
        shared = {name for row in related for name in row["shared"]}
        own = run_query(store, "node_neighbourhood", {"key": focus, "depth": 1, "limit": 10_000})
        candidates = fetch_nodes(store, [row["key"] for row in own if row["key"] != focus])
        keys += sorted(
            key for key, node in candidates.items()
            if node.label in ENTITY_LABELS and (node.props.get("name") or node.props.get("url")) in shared
        )
        edges += edges_among(store, keys, (*ROLE_REL_TYPES.values(), "HAS_REPO"))
    found = fetch_nodes(store, keys)
    weights = node_weights(store, keys)
    nodes = [
        ViewNode(key, node.label, node.props, node.degree,
                 size=weights[key]["cited_by"] if node.label == "Paper" else weights[key]["papers"])
        for key, node in found.items()
    ]
    return GraphView(paper["title"], nodes, edges, total + 1, focus, {"with_entities": with_entities}, kind="related",
                     size_by="citations within the graph (papers); papers linked (entities)", colour_by="year")


def strongest_pairs(rows: list[dict[str, Any]], per_paper: int) -> list[ViewEdge]:
    """Links among related papers kept when among the ``per_paper`` best scored of either end."""
    ranked: dict[str, list[tuple[float, str, str]]] = {}
    for row in rows:
        item = (row["score"], row["source"], row["target"])
        ranked.setdefault(row["source"], []).append(item)
        ranked.setdefault(row["target"], []).append(item)
    kept: set[tuple[str, str]] = set()
    for items in ranked.values():
        items.sort(key=lambda item: (-item[0], item[1], item[2]))
        kept.update((source, target) for _, source, target in items[:per_paper])
    return [
        ViewEdge(RELATED, row["source"], row["target"], {"score": row["score"], "shared": row["shared"]})
        for row in rows
        if (row["source"], row["target"]) in kept
    ]
