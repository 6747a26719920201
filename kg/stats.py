"""`kg stats`: what the graph holds, as rows."""

from __future__ import annotations

from typing import Any

from paperkg.catalog import run_query
from paperkg.store.base import ENTITY_NODE_LABELS, GraphStore


def graph_stats(store: GraphStore) -> list[dict[str, Any]]:
    """Rows of (what, name, count): papers, entities by type, repos by kind, relationships, sources."""
    counts = store.counts()
    rows: list[dict[str, Any]] = [{"what": "papers", "name": "", "count": counts.labels.get("Paper", 0)}]
    for label in ENTITY_NODE_LABELS:
        rows.append({"what": "entities", "name": label.lower(), "count": counts.labels.get(label, 0)})
    rows.append({"what": "authors", "name": "", "count": counts.labels.get("Author", 0)})
    rows.append({"what": "repos", "name": "", "count": counts.labels.get("Repo", 0)})
    for row in run_query(store, "repos_by_kind", {}):
        rows.append({"what": "repos", "name": row["kind"], "count": row["repos"]})
    for rel_type, n in counts.rel_types.items():
        rows.append({"what": "relationships", "name": rel_type, "count": n})
    rows.append({"what": "relationships", "name": "total", "count": counts.relationships})
    for row in run_query(store, "papers_per_source", {}):
        rows.append({"what": "sources", "name": row["file"], "count": row["papers"]})
    return rows
