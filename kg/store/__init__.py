"""Graph stores: the embedded default and Neo4j, opened from the CLI's options."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from paperkg.errors import StoreError
from paperkg.store.base import GraphCounts, GraphStore

DEFAULT_DB = Path(".kg")


@dataclass(frozen=True)
class StoreConfig:
    """Where the graph lives: a Neo4j URI (with credentials) or the embedded store's folder or file."""

    db: Path | str = DEFAULT_DB
    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: str | None = None
    neo4j_database: str | None = None
    neo4j_batch_size: int = 10_000

    @property
    def uses_neo4j(self) -> bool:
        return bool(self.neo4j_uri)


def open_store(config: StoreConfig, *, for_writing: bool = False) -> GraphStore:
    """Open the configured store; writers get an empty graph when none exists yet."""
    if config.uses_neo4j:
        from paperkg.store.neo4j_store import Neo4jStore

        return Neo4jStore(
            config.neo4j_uri or "",
            user=config.neo4j_user,
            password=config.neo4j_password,
            database=config.neo4j_database,
            batch_size=config.neo4j_batch_size,
        )
    from paperkg.store.embedded import EmbeddedStore

    if not str(config.db).strip():
        raise StoreError("--db is empty: give the store folder (default .kg) or its .sqlite file")
    store = EmbeddedStore(Path(config.db), create=for_writing)
    if for_writing:
        store.lock()
    return store


__all__ = ["DEFAULT_DB", "GraphCounts", "GraphStore", "StoreConfig", "open_store"]
