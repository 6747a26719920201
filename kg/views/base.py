"""What a drawing holds: nodes, edges, a heading, and what sizes and colours mean in it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from paperkg.catalog import run_query
from paperkg.errors import QueryError

DEFAULT_NODE_CAP = 300
# Relationship types a drawn edge can have beyond the schema's: derived, not stored.
CO_USED = "CO_USED"  # two entities (or authors) linked by the papers they share
RELATED = "RELATED"  # two papers scored as `kg related` scores them
IN_ROLE = "IN_ROLE"  # an entity view's role group to the entity


@dataclass(frozen=True)
class ViewNode:
    """One drawn node. ``size`` is what its size shows (papers, citations, links; never authorship);
    ``group`` the role group of a paper in an entity view; ``top_papers`` what the side panel lists."""

    key: str
    label: str
    props: dict[str, Any]
    degree: int  # relationships in the whole graph, authorship (WROTE) not counted
    size: float | None = None
    group: str | None = None
    top_papers: tuple[dict[str, Any], ...] = ()

    @property
    def weight(self) -> float:
        return self.degree if self.size is None else self.size


@dataclass(frozen=True)
class ViewEdge:
    type: str
    source: str
    target: str
    props: dict[str, Any]


@dataclass(frozen=True)
class GraphView:
    """What one page shows: a heading, the nodes and edges drawn, and how many nodes the view had
    before the node cap (so the page can say "showing 300 of 4,213 nodes").

    ``kind`` names the view (overview, related, entity, neighbourhood, graph, query), ``size_by``
    says what node sizes mean, ``colour_by`` is ``type`` or ``year`` (papers coloured by year)."""

    heading: str
    nodes: list[ViewNode]
    edges: list[ViewEdge]
    total_nodes: int
    focus: str | None = None
    filters: dict[str, Any] = field(default_factory=dict)
    kind: str = "graph"
    size_by: str = "links in the graph (authorship not counted)"
    colour_by: str = "type"


def check_cap(limit: int) -> None:
    if limit < 1:
        raise QueryError(f"--limit must be at least 1 (got {limit})")


def fetch_nodes(store: Any, keys: Iterable[str]) -> dict[str, ViewNode]:
    """The nodes with these keys, by key (unknown keys are left out)."""
    keys = list(dict.fromkeys(keys))
    rows = run_query(store, "nodes_by_keys", {"keys": keys}) if keys else []
    return {r["key"]: ViewNode(r["key"], r["label"], dict(r["properties"]), r["degree"]) for r in rows}


def node_weights(store: Any, keys: Iterable[str]) -> dict[str, dict[str, int]]:
    """Per key: ``papers`` linked (or written, for an author) and ``cited_by`` within the graph."""
    keys = list(dict.fromkeys(keys))
    rows = run_query(store, "node_weights", {"keys": keys}) if keys else []
    return {r["key"]: {"papers": r["papers"], "cited_by": r["cited_by"]} for r in rows}


def edges_among(store: Any, keys: list[str], rel_types: Iterable[str] | None = None) -> list[ViewEdge]:
    """The graph's relationships among these nodes, of the given types (all when None)."""
    rows = run_query(store, "edges_among", {"keys": keys}) if keys else []
    allowed = set(rel_types) if rel_types is not None else None
    return [
        ViewEdge(r["type"], r["source"], r["target"], dict(r["properties"]))
        for r in rows
        if allowed is None or r["type"] in allowed
    ]


def materialise(store: Any, heading: str, keys: list[str], total: int, focus: str | None = None,
                rel_types: Iterable[str] | None = None, **filters: Any) -> GraphView:
    """A view of these nodes and every relationship among them (of ``rel_types``), sized by links."""
    nodes = list(fetch_nodes(store, keys).values())
    return GraphView(heading, nodes, edges_among(store, keys, rel_types), total, focus, filters)
