"""Views drawn straight from the stored graph: a node's neighbourhood, what a catalog query names,
the best linked part of the whole graph. Sizes count links, never authorship."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from paperkg.catalog import get_query, run_query
from paperkg.errors import QueryError
from paperkg.lookup import resolve_entity, resolve_paper
from paperkg.model import ROLE_REL_TYPES, SCHEMA
from paperkg.views.base import DEFAULT_NODE_CAP, GraphView, check_cap, materialise

NODE_TYPES = {label.lower(): label for label in SCHEMA.labels}


def neighbourhood_view(store: Any, key: str, heading: str, *, depth: int, limit: int) -> GraphView:
    """A node and everything within ``depth`` hops, nearest and best linked first up to the cap."""
    if depth not in (1, 2):
        raise QueryError(f"--depth must be 1 or 2 (got {depth})")
    check_cap(limit)
    rows = run_query(store, "node_neighbourhood", {"key": key, "depth": depth, "limit": limit})
    total = rows[0]["total"] if rows else 0
    view = materialise(store, heading, [r["key"] for r in rows], total, focus=key, depth=depth)
    return _as_neighbourhood(view)


def _as_neighbourhood(view: GraphView) -> GraphView:
    return GraphView(view.heading, view.nodes, view.edges, view.total_nodes, view.focus, view.filters, kind="neighbourhood")


def paper_neighbourhood_view(store: Any, reference: str, *, depth: int = 1, limit: int = DEFAULT_NODE_CAP) -> GraphView:
    """A paper, its entities, repos, authors and the papers those link to (``depth`` hops)."""
    paper = resolve_paper(store, reference)
    return neighbourhood_view(store, paper["key"], paper["title"], depth=depth, limit=limit)


def entity_neighbourhood_view(store: Any, name: str, entity_type: str | None = None, *, depth: int = 1,
                              limit: int = DEFAULT_NODE_CAP) -> GraphView:
    """The entity, the papers linked to it (by any role), and its family of variants."""
    entity = resolve_entity(store, name, entity_type)
    view = neighbourhood_view(store, entity["key"], f"{entity['name']} ({entity['type']})", depth=depth, limit=limit)
    shown = {node.key for node in view.nodes}
    family = [row["key"] for row in run_query(store, "entity_variants", {"key": entity["key"]})]
    missing = [key for key in family if key not in shown][: max(0, limit - len(shown))]
    if not missing:
        return view
    keys = sorted(shown | set(missing))
    return _as_neighbourhood(
        materialise(store, view.heading, keys, view.total_nodes + len(missing), focus=entity["key"], depth=depth)
    )


def query_view(store: Any, name: str, params: dict[str, Any], *, limit: int = DEFAULT_NODE_CAP) -> GraphView:
    """The nodes a catalog query's rows (and parameters) name, and the relationships among them."""
    check_cap(limit)
    query = get_query(name)
    rows = run_query(store, name, params)
    keys: list[str] = []
    for value in [*params.values(), *rows]:
        for candidate in _strings_in(value):
            if candidate.split(":", 1)[0] in SCHEMA.key_prefixes and candidate not in keys:
                keys.append(candidate)
    existing = [r["key"] for r in run_query(store, "nodes_by_keys", {"keys": keys})] if keys else []
    ordered = [key for key in keys if key in set(existing)]
    if not ordered:
        raise QueryError(f"query {name} returned {len(rows)} row(s) naming no node of the graph; nothing to draw")
    heading = f"{name}: {query.description}"
    view = materialise(store, heading, ordered[:limit], len(ordered), query=name)
    return GraphView(view.heading, view.nodes, view.edges, view.total_nodes, None, view.filters, kind="query")


def _strings_in(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings_in(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings_in(item)


def whole_graph_view(store: Any, *, types: list[str], roles: list[str], min_degree: int,
                     limit: int = DEFAULT_NODE_CAP) -> GraphView:
    """The best linked nodes of the graph, seen only through the given node types and roles.

    Authorship is left out (no Author nodes, WROTE never counted) unless ``author`` is among the types.
    """
    check_cap(limit)
    unknown = [t for t in types if t.lower() not in NODE_TYPES]
    if unknown:
        raise QueryError(f"unknown node type {unknown[0]!r}; use one of {', '.join(NODE_TYPES)}")
    bad_roles = [r for r in roles if r not in ROLE_REL_TYPES]
    if bad_roles:
        raise QueryError(f"unknown role {bad_roles[0]!r}; use one of {', '.join(ROLE_REL_TYPES)}")
    labels = [NODE_TYPES[t.lower()] for t in types] or [label for label in SCHEMA.labels if label != "Author"]
    # A role filter narrows the paper-entity links; the other relationships stay.
    dropped = {ROLE_REL_TYPES[r] for r in ROLE_REL_TYPES if r not in roles} if roles else set()
    if "Author" not in labels:
        dropped.add("WROTE")
    rel_types = [t for t in SCHEMA.rel_types if t not in dropped]
    rows = run_query(store, "top_nodes", {"labels": labels, "rel_types": rel_types, "min_degree": min_degree, "limit": limit})
    total = rows[0]["total"] if rows else 0
    heading = "Whole graph" + (f": {', '.join(labels)}" if types else "") + (f"; roles {', '.join(roles)}" if roles else "")
    return materialise(store, heading, [r["key"] for r in rows], total, rel_types=rel_types,
                       types=types, roles=roles, min_degree=min_degree)
