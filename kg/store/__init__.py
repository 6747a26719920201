"""Graph stores: the embedded default and Neo4j, opened from the CLI's options."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from paperkg.errors import StoreError
from paperkg.store.base import GraphCounts, GraphStore

DEFAULT_DB = Path(".kg")


@dataclass(frozen=True)
class StoreConfig:
    """Where the graph lives: a Neo4j URI (with credentials) or the embedded store's folder."""

    db: Path = DEFAULT_DB
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
        check_neo4j_uri(config.neo4j_uri or "")
        from paperkg.store.neo4j_store import Neo4jStore

        return Neo4jStore(
            config.neo4j_uri or "",
            user=config.neo4j_user,
            password=config.neo4j_password,
            database=config.neo4j_database,
            batch_size=config.neo4j_batch_size,
        )
    from paperkg.store.embedded import EmbeddedStore

    # Writers lock before they load: a build never writes back a graph read before another's
    # commit. A build started while another writes waits for it (KG_LOCK_WAIT s), then goes on.
    return EmbeddedStore(config.db, create=for_writing, lock=for_writing, lock_wait_s=lock_wait_s())


def lock_wait_s() -> float:
    """Seconds a build waits for another one writing the same store (KG_LOCK_WAIT, default 120)."""
    import os

    value = os.environ.get("KG_LOCK_WAIT", "120")
    try:
        return max(0.0, float(value))
    except ValueError:
        raise StoreError(f"KG_LOCK_WAIT={value!r} is not a number of seconds; fix or unset it") from None


NEO4J_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def check_neo4j_uri(uri: str) -> None:
    """Refuse a URI the Bolt driver cannot use (http:// would load its optional HTTP client)."""
    scheme = uri.split("://", 1)[0].lower() if "://" in uri else ""
    if scheme not in NEO4J_SCHEMES:
        raise StoreError(
            f"--neo4j {uri!r}: use a Bolt URI ({', '.join(s + '://' for s in NEO4J_SCHEMES)}), "
            "e.g. bolt://localhost:7687"
        )


__all__ = ["DEFAULT_DB", "GraphCounts", "GraphStore", "StoreConfig", "open_store"]
