"""The embedded store: a networkx MultiDiGraph in memory, one JSON file on disk.

The file is replaced atomically (``paperkg.safe_files``: temp file in the same folder, fsync,
rename), so a crash, Ctrl-C or SIGTERM during a write leaves the previous graph readable. Builds
take an exclusive lock on the graph file (``.graph.json.lock`` beside it) before they load the
graph, so a second build can never write back a graph read before the first one's commit; the
lock holder also removes temp files that killed runs left behind.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from paperkg.errors import StoreError
from paperkg.graph import METADATA_SOURCE
from paperkg.model import NAME_TOKEN, SCHEMA, SCHEMA_VERSION, GraphBatch, merge_props
from paperkg.safe_files import atomic_output, clean_stale_temps, describe_os_error, open_lock_file
from paperkg.store.base import (
    ENTITY_NODE_LABELS,
    EXTRACTED_NODE_LABELS,
    EXTRACTED_REL_TYPES,
    INFERRED_CITATION_PROPS,
    EdgeRow,
    GraphCounts,
    GraphDump,
)

log = logging.getLogger(__name__)

FILE_FORMAT = "paperkg-graph"
GRAPH_FILE = "graph.json"


def graph_file(db: Path) -> Path:
    """The graph file of a store folder (``--db`` may also name the file itself)."""
    if not str(db).strip():
        raise StoreError("--db is empty: give a store folder (default .kg) or a .json graph file")
    if db.suffix == ".json":
        return db
    if db.exists() and not db.is_dir():
        raise StoreError(f"--db {db} is a file, not a store folder: give a folder (default .kg) or a .json graph file")
    return db / GRAPH_FILE


def lock_file(path: Path) -> Path:
    """The lock of one graph file: two .json stores in one folder have a lock each."""
    return path.with_name(f".{path.name}.lock")


class EmbeddedStore:
    """A graph in a file; reads need the file, writes create it.

    Args:
        db: the store folder (default ``.kg``) or a ``.json`` file.
        create: start an empty graph when the file does not exist (builds); read commands pass
            False and get a StoreError that says to run ``kg build``.
        lock: take the write lock before reading the graph (writers).
        lock_wait_s: how long a writer waits for another build to finish before it is refused.
    """

    def __init__(self, db: Path, *, create: bool = False, lock: bool = False, lock_wait_s: float = 0.0) -> None:
        self.path = graph_file(Path(db))
        self.description = f"embedded graph {self.path}"
        self.graph = nx.MultiDiGraph()
        self._dirty = False
        self._lock_fd: int | None = None
        self._word_index: dict[str, set[str]] | None = None
        if lock:
            self.lock(wait_s=lock_wait_s)
        if self.path.exists():
            self.graph = load_graph(self.path)
        elif not create:
            raise StoreError(f"no graph at {self.path}: run `kg build` first (or pass --db PATH)")
        self._title_index: dict[str, set[str]] = {}
        for key, data in self.graph.nodes(data=True):
            if data.get("label") == "Paper" and data.get("norm_title"):
                self._title_index.setdefault(data["norm_title"], set()).add(key)

    # -- context management ------------------------------------------------------------------

    def __enter__(self) -> EmbeddedStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None

    def lock(self, wait_s: float = 0.0) -> None:
        """Take the graph file's write lock, waiting up to ``wait_s`` for another build to finish.

        Taken before the graph is loaded: what a build changes is always based on the last
        committed graph. The lock file is opened without following links or truncating.
        """
        if self._lock_fd is not None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = open_lock_file(lock_file(self.path))
        except OSError as exc:
            raise StoreError(describe_os_error(self.path.parent, exc)) from None
        deadline = time.monotonic() + wait_s
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    waited = f" (waited {wait_s:g} s, KG_LOCK_WAIT)" if wait_s else ""
                    raise StoreError(f"another kg build is writing {self.path}{waited}: "
                                     "wait for it to finish and run again") from None
                time.sleep(0.05)  # polled, so Ctrl-C and SIGTERM end the wait at once
            except BaseException:
                os.close(fd)
                raise
        self._lock_fd = fd
        removed = clean_stale_temps(self.path)
        if removed:
            log.info("removed %d temp file(s) left by an interrupted build beside %s", removed, self.path)

    # -- reads ---------------------------------------------------------------------------------

    def nodes(self, label: str, keys: Iterable[str]) -> dict[str, dict[str, Any]]:
        found = {}
        for key in keys:
            data = self.graph.nodes.get(key)
            if data is not None and data.get("label") == label:
                found[key] = node_props(data)
        return found

    def paper_keys_by_norm_title(self, norm_titles: Iterable[str]) -> dict[str, list[str]]:
        return {t: sorted(self._title_index[t]) for t in norm_titles if t in self._title_index}

    def counts(self) -> GraphCounts:
        labels = Counter(data["label"] for _, data in self.graph.nodes(data=True))
        rels = Counter(key for _, _, key in self.graph.edges(keys=True))
        return GraphCounts(dict(sorted(labels.items())), dict(sorted(rels.items())))

    def dump(self) -> GraphDump:
        nodes = {key: (data["label"], node_props(data)) for key, data in self.graph.nodes(data=True)}
        edges = {(k, s, t): dict(data) for s, t, k, data in self.graph.edges(keys=True, data=True)}
        return GraphDump(nodes, edges)

    def iter_nodes(self, label: str) -> Iterator[tuple[str, dict[str, Any]]]:
        for key, data in self.graph.nodes(data=True):
            if data.get("label") == label:
                yield key, node_props(data)

    def iter_edges(self, rel_type: str) -> Iterator[EdgeRow]:
        for source, target, key, data in self.graph.edges(keys=True, data=True):
            if key == rel_type:
                yield key, source, target, dict(data)

    # -- writes --------------------------------------------------------------------------------

    def upsert(self, batch: GraphBatch) -> None:
        self._word_index = None  # papers may change: the word index is rebuilt on next use
        for node in batch.nodes:
            SCHEMA.check_node(node)
            existing = self.graph.nodes.get(node.key)
            props = merge_props(node_props(existing) if existing else {}, node.props)
            self.graph.add_node(node.key, label=node.label, **props)
            if node.label == "Paper" and props.get("norm_title"):
                self._title_index.setdefault(props["norm_title"], set()).add(node.key)
        for edge in batch.edges:
            SCHEMA.check_edge(edge)
            for end in (edge.source, edge.target):
                if end not in self.graph:
                    raise StoreError(f"relationship {edge.ident} points at a node that is not in the graph")
            old = self.graph.get_edge_data(edge.source, edge.target, key=edge.type) or {}
            self.graph.add_edge(edge.source, edge.target, key=edge.type, **merge_props(old, edge.props))
        self._dirty = True

    def merge_nodes(self, renames: Mapping[str, str]) -> None:
        for old, new in renames.items():
            if old not in self.graph or old == new:
                continue
            data = self.graph.nodes[old]
            props = node_props(data)
            if new in self.graph:
                props = merge_props(props, node_props(self.graph.nodes[new]))
            self.graph.add_node(new, label=data["label"], **props)
            for source, _, key, attrs in list(self.graph.in_edges(old, keys=True, data=True)):
                self._move_edge(source if source != old else new, new, key, attrs)
            for _, target, key, attrs in list(self.graph.out_edges(old, keys=True, data=True)):
                self._move_edge(new, target if target != old else new, key, attrs)
            norm = data.get("norm_title")
            if norm in self._title_index:
                self._title_index[norm].discard(old)
                self._title_index[norm].add(new)
            self.graph.remove_node(old)
        self._dirty = True

    def _move_edge(self, source: str, target: str, key: str, attrs: dict[str, Any]) -> None:
        old = self.graph.get_edge_data(source, target, key=key) or {}
        self.graph.add_edge(source, target, key=key, **merge_props(old, attrs))

    def edges_of(self, types: Iterable[str], targets: Iterable[str] | None = None) -> list[EdgeRow]:
        wanted = set(types)
        if targets is None:
            found = self.graph.edges(keys=True, data=True)
        else:
            found = (e for t in set(targets) if t in self.graph for e in self.graph.in_edges(t, keys=True, data=True))
        return [(k, s, t, dict(data)) for s, t, k, data in found if k in wanted]

    def paper_texts(self, keys: Iterable[str] | None = None) -> list[tuple[str, str, str, str | None]]:
        if keys is None:
            found: Iterable[tuple[str, dict]] = self.graph.nodes(data=True)
        else:
            found = ((key, self.graph.nodes[key]) for key in sorted(set(keys)) if key in self.graph)
        return [
            (key, data.get("title", ""), data.get("abstract", ""), data.get("published"))
            for key, data in found
            if data["label"] == "Paper" and not data.get("stub")
        ]

    def papers_with_names(self, names: Iterable[str]) -> set[str]:
        # The file holds no word index, so one is built per process on first use (one pass over
        # the texts, far cheaper than reading them all for names).
        if self._word_index is None:
            index: dict[str, set[str]] = {}
            for key, title, abstract, _ in self.paper_texts():
                for word in set(NAME_TOKEN.findall(f"{title} {abstract}".lower())):
                    index.setdefault(word, set()).add(key)
            self._word_index = index
        found: set[str] = set()
        for name in names:
            postings = sorted((self._word_index.get(word, set()) for word in set(NAME_TOKEN.findall(name.lower()))), key=len)
            if postings:
                found |= set.intersection(*postings)  # the rarest word first keeps the sets small
        return found

    def inferred_citations_from(self, citing: Iterable[str]) -> list[EdgeRow]:
        rows = []
        for source in set(citing):
            if source in self.graph:
                for _, target, key, data in self.graph.out_edges(source, keys=True, data=True):
                    if key == "CITES" and data.get("inferred"):
                        rows.append((key, source, target, dict(data)))
        return rows

    def count_papers(self) -> int:
        return sum(1 for _, label in self.graph.nodes(data="label") if label == "Paper")

    def count_inferred_citations(self) -> int:
        return sum(1 for _, _, key, data in self.graph.edges(keys=True, data=True) if key == "CITES" and data.get("inferred"))

    def remove_inferred_citations(self, pairs: Iterable[tuple[str, str]]) -> None:
        for source, target in pairs:
            data = self.graph.get_edge_data(source, target, key="CITES")
            if not data or not data.get("inferred"):
                continue
            if data.get("source"):
                for name in INFERRED_CITATION_PROPS:
                    data.pop(name, None)
            else:
                self.graph.remove_edge(source, target, key="CITES")
            self._dirty = True

    def clear_extracted(self, paper_keys: Iterable[str]) -> None:
        touched: set[str] = set()
        for paper in paper_keys:
            if paper not in self.graph:
                continue
            for _, target, key, data in list(self.graph.out_edges(paper, keys=True, data=True)):
                if key in EXTRACTED_REL_TYPES and data.get("source") != METADATA_SOURCE:
                    if self.graph.nodes[target]["label"] in EXTRACTED_NODE_LABELS:
                        touched.update(self.graph.successors(target))
                        self.graph.remove_node(target)
                        continue
                    self.graph.remove_edge(paper, target, key=key)
                    touched.add(target)
        for key in touched:
            if key not in self.graph:
                continue
            if self.graph.nodes[key]["label"] in (*ENTITY_NODE_LABELS, "Repo") and self.graph.degree(key) == 0:
                self.graph.remove_node(key)
        self._dirty = True

    def commit(self) -> None:
        if self._dirty or not self.path.exists():
            save_graph(self.graph, self.path)
            self._dirty = False


def node_props(data: Mapping[str, Any]) -> dict[str, Any]:
    """A node's properties without the store's own ``label`` attribute."""
    return {k: v for k, v in data.items() if k != "label"}


def save_graph(graph: nx.MultiDiGraph, path: Path) -> None:
    """Write the graph atomically: readers see the old file or the new one, never a mix."""
    document = {
        "format": FILE_FORMAT,
        "schema_version": SCHEMA_VERSION,
        "nodes": [[key, data] for key, data in graph.nodes(data=True)],
        "edges": [[s, t, k, data] for s, t, k, data in graph.edges(keys=True, data=True)],
    }
    with atomic_output(path) as handle:
        json.dump(document, handle, ensure_ascii=False, separators=(",", ":"))
    log.debug("wrote %s (%d nodes, %d edges)", path, graph.number_of_nodes(), graph.number_of_edges())


def load_graph(path: Path) -> nx.MultiDiGraph:
    """Read a graph file, or raise StoreError saying how to recover."""
    try:
        if not path.is_file():
            raise StoreError(f"{path} is not a regular file: point --db at a paperkg store folder or .json graph file")
        with open(path, encoding="utf-8") as handle:
            document = json.load(handle)
    except PermissionError:
        raise StoreError(f"{path}: permission denied; make the graph file readable or pass another --db") from None
    except (OSError, ValueError, RecursionError) as exc:
        reason = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)[:200]
        raise StoreError(f"{path} is not a readable paperkg graph ({reason}); delete it and run `kg build` again") from None
    if not isinstance(document, dict) or document.get("format") != FILE_FORMAT:
        raise StoreError(f"{path} is not a paperkg graph file; point --db at a paperkg store folder")
    version = document.get("schema_version")
    if version != SCHEMA_VERSION:
        raise StoreError(
            f"{path} holds a graph of schema version {version}, this kg reads version {SCHEMA_VERSION}: "
            "delete it and run `kg build` again"
        )
    graph = nx.MultiDiGraph()
    try:
        graph.add_nodes_from((key, data) for key, data in document["nodes"])
        graph.add_edges_from((s, t, k, data) for s, t, k, data in document["edges"])
    except (KeyError, TypeError, ValueError) as exc:
        raise StoreError(f"{path} is a damaged paperkg graph ({type(exc).__name__}); delete it and build again") from None
    return graph
