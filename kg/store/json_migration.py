"""Stores written by paperkg before the SQLite store (one JSON file, ``.kg/graph.json``): read once
and copied into the SQLite file on first use. The JSON file is left where it was."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from paperkg.errors import StoreError
from paperkg.model import SCHEMA_VERSION, Edge, GraphBatch, Node

log = logging.getLogger(__name__)

LEGACY_FORMAT = "paperkg-graph"


def read_legacy(path: Path) -> GraphBatch:
    """The graph of an old JSON store file, or a StoreError saying how to recover."""
    try:
        with open(path, encoding="utf-8") as handle:
            document: Any = json.load(handle)
    except (OSError, ValueError) as exc:
        raise StoreError(f"{path} is not a readable paperkg graph ({exc}); delete it and run `kg build` again") from None
    if not isinstance(document, dict) or document.get("format") != LEGACY_FORMAT:
        raise StoreError(f"{path} is not a paperkg graph file; point --db at a paperkg store folder")
    version = document.get("schema_version")
    if version != SCHEMA_VERSION:
        raise StoreError(
            f"{path} holds a graph of schema version {version}, this kg reads version {SCHEMA_VERSION}: "
            "delete it and run `kg build` again"
        )
    try:
        nodes = tuple(
            Node(data["label"], key, {k: v for k, v in data.items() if k != "label"}) for key, data in document["nodes"]
        )
        edges = tuple(Edge(rel_type, source, target, data) for source, target, rel_type, data in document["edges"])
    except (KeyError, TypeError, ValueError) as exc:
        raise StoreError(f"{path} is not a readable paperkg graph ({exc!r}); delete it and run `kg build` again") from None
    return GraphBatch(nodes, edges)


def migrate(legacy: Path, target: Path) -> None:
    """Copy an old JSON graph into a new SQLite store at ``target`` (one transaction)."""
    from paperkg.store.sqlite_store import SQLiteStore

    batch = read_legacy(legacy)
    with SQLiteStore(target, create=True, migrate=False) as store:
        store.lock()
        if store.count_papers() == 0 and not store.counts().labels:  # another process may have migrated it meanwhile
            try:
                store.upsert(batch)
            except ValueError as exc:
                raise StoreError(
                    f"{legacy} holds a graph this kg cannot read ({exc}); delete it and run `kg build` again"
                ) from None
        store.commit()
    log.warning("migrated %s to %s (the old file is kept; delete it when you no longer need it)", legacy, target)
