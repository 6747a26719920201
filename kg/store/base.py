"""What every graph store offers; the embedded and Neo4j stores behave the same."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from paperkg.model import GraphBatch

# Relationships the text extractors produce: rewritten whole when a paper is extracted again, so
# a better extractor never leaves a stale role behind.
EXTRACTED_REL_TYPES = ("INTRODUCES", "USES", "EVALUATES_ON", "COMPARES", "MENTIONS", "HAS_REPO", "REPORTS")
# Nodes that belong to one paper's extraction (results): deleted with its extracted relationships.
EXTRACTED_NODE_LABELS = ("Result",)
ENTITY_NODE_LABELS = ("Model", "Dataset", "Method")
INFERRED_CITATION_PROPS = ("inferred", "via", "evidence", "confidence", "why")
EdgeRow = tuple[str, str, str, dict[str, Any]]


@dataclass(frozen=True)
class GraphCounts:
    """Node counts per label, relationship counts per type, entity counts per type."""

    labels: Mapping[str, int] = field(default_factory=dict)
    rel_types: Mapping[str, int] = field(default_factory=dict)

    @property
    def nodes(self) -> int:
        return sum(self.labels.values())

    @property
    def relationships(self) -> int:
        return sum(self.rel_types.values())


@dataclass(frozen=True)
class GraphDump:
    """A whole graph as plain data: nodes by key (label, properties), edges by (type, source, target)."""

    nodes: Mapping[str, tuple[str, Mapping[str, Any]]]
    edges: Mapping[tuple[str, str, str], Mapping[str, Any]]

    def neighbourhoods(self) -> dict[str, list[tuple[str, str, str]]]:
        """For every node: (direction, type, other key) of each of its relationships, sorted."""
        found: dict[str, list[tuple[str, str, str]]] = {key: [] for key in self.nodes}
        for rel_type, source, target in self.edges:
            found[source].append(("out", rel_type, target))
            found[target].append(("in", rel_type, source))
        return {key: sorted(items) for key, items in found.items()}


class GraphStore(Protocol):
    """A graph of papers, entities, repos and authors keyed by natural keys."""

    description: str
    # Whether a build that fails leaves the previous graph (one transaction); if not, the build
    # reads its whole input once before the first write so an unreadable line fails it early.
    rolls_back: bool

    def __enter__(self) -> GraphStore: ...

    def __exit__(self, *exc: object) -> None: ...

    def close(self) -> None: ...

    def nodes(self, label: str, keys: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Properties of the nodes with these keys that exist, by key."""
        ...

    def node_keys(self, label: str, keys: Iterable[str]) -> set[str]:
        """Which of these keys are nodes of this label (their properties are not read)."""
        ...

    def paper_keys_by_norm_title(self, norm_titles: Iterable[str], *, title_keyed: bool = False) -> dict[str, list[str]]:
        """Keys of the existing papers with each normalised title; with ``title_keyed``, only those of
        papers known by their title (``paper:t-...``, no arXiv id)."""
        ...

    def merge_nodes(self, renames: Mapping[str, str]) -> None:
        """Fold each old node into the new key (relationships and properties move along)."""
        ...

    def clear_extracted(self, paper_keys: Iterable[str]) -> None:
        """Drop the extracted relationships of these papers, and entities left with none."""
        ...

    def upsert(self, batch: GraphBatch) -> None:
        """Write nodes then edges; the same batch twice changes nothing."""
        ...

    def commit(self) -> None:
        """Make the writes durable (the embedded store commits the build's one transaction here)."""
        ...

    def edges_of(self, types: Iterable[str], targets: Iterable[str] | None = None, *,
                 fields: Sequence[str] | None = None) -> list[EdgeRow]:
        """(type, source, target, properties) of the relationships of these types, optionally only
        those ending at the given node keys; with ``fields``, only these (scalar) properties."""
        ...

    def paper_texts(self, keys: Iterable[str] | None = None) -> list[tuple[str, str, str, str | None]]:
        """(key, title, abstract, published) of every paper that has been read (stubs left out),
        or of those among ``keys``."""
        ...

    def paper_texts_after(self, key: str | None, limit: int) -> list[tuple[str, str, str, str | None]]:
        """``paper_texts`` of the first ``limit`` read papers whose key sorts after ``key`` (from the
        first when None), in key order: every paper's text, a page at a time."""
        ...

    def papers_with_names(self, names: Iterable[str]) -> set[str]:
        """Keys of the read papers whose title or abstract holds all the words of any of these
        names (case-blind; a superset: callers check the exact spelling)."""
        ...

    def inferred_citations_from(self, citing: Iterable[str]) -> list[EdgeRow]:
        """The inferred CITES relationships that start at these papers."""
        ...

    def inferred_citations_without_text(self) -> list[EdgeRow]:
        """The inferred CITES relationships that start at a node ``paper_texts`` does not read (a
        stub): a full refresh, which reads every paper's text, drops them."""
        ...

    def count_papers(self) -> int:
        """How many papers (stubs included) the graph holds."""
        ...

    def count_inferred_citations(self) -> int:
        """How many inferred CITES relationships the graph holds."""
        ...

    def remove_inferred_citations(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Drop the inferred CITES between these (citing, cited) papers; a citation that a source
        also states keeps its relationship and loses only the inferred properties."""
        ...

    def counts(self) -> GraphCounts: ...

    def dump(self) -> GraphDump: ...

    def iter_nodes(self, label: str) -> Iterator[tuple[str, dict[str, Any]]]:
        """(key, properties) of every node with this label, read lazily (exports of big graphs)."""
        ...

    def iter_edges(self, rel_type: str) -> Iterator[EdgeRow]:
        """(type, source, target, properties) of every relationship of this type, read lazily."""
        ...


@runtime_checkable
class IntroducedNameIndex(Protocol):
    """A store that keeps an index of the introduced entities' linkable names (the embedded store),
    so that an incremental citation refresh reads only the introductions its papers can touch.
    Stores without it (Neo4j) have every introduction read instead."""

    def introduced_names_complete(self) -> bool:
        """Whether the index holds every introduced entity."""
        ...

    def index_introduced_names(self, names: Mapping[str, Iterable[tuple[str, int, str]]], *, complete: bool = False,
                               unindexed: bool = False) -> None:
        """Set these entities' (first word's key, words, normalised name) rows; ``complete``: all of them;
        ``unindexed``: none of them has rows yet."""
        ...

    def introduced_names_starting(self, firsts: Iterable[str]) -> set[tuple[str, int, str]]:
        """The indexed (first, words, norm) whose first word's key is one of these."""
        ...

    def entities_named(self, norms: Iterable[str]) -> set[str]:
        """Keys of the indexed entities with one of these normalised names."""
        ...

    def introductions_of(self, papers: Iterable[str] = (), entities: Iterable[str] = ()) -> list[tuple[int, str, str, Any, Any]]:
        """(edge id, paper, entity, confidence, rule) of the INTRODUCES edges out of these papers or into these entities."""
        ...

    def introductions_after(self, edge: int, limit: int) -> list[tuple[int, str, str, Any, Any]]:
        """(edge id, paper, entity, confidence, rule) of the first ``limit`` INTRODUCES edges after
        edge id ``edge`` (0: from the first), in edge order: every introduction, a page at a time."""
        ...
