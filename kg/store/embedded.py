"""The embedded store (the default): the graph in one SQLite file, ``.kg/graph.sqlite``.

``EmbeddedStore`` is the name the rest of paperkg and its users know; ``sqlite_store`` holds it.
"""

from __future__ import annotations

from paperkg.store.sqlite_store import STORE_FILE, SQLiteStore, store_paths

EmbeddedStore = SQLiteStore

__all__ = ["STORE_FILE", "EmbeddedStore", "SQLiteStore", "store_paths"]
