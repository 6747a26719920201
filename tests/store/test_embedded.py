"""The embedded store: round trip, idempotent upserts, merges, atomic writes under SIGKILL."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import networkx as nx
import pytest

from paperkg.errors import StoreError
from paperkg.model import SCHEMA_VERSION, Edge, GraphBatch, Node
from paperkg.store.embedded import EmbeddedStore, load_graph, save_graph

PAPER = Node("Paper", "paper:2401.00001", {"title": "T", "norm_title": "t", "sources": ["a.txt:1"]})
REPO = Node("Repo", "repo:github.com/o/r", {"url": "https://github.com/o/r", "kind": "code"})
LINK = Edge("HAS_REPO", PAPER.key, REPO.key, {"evidence": "Code at x.", "start": 3, "sources": ["a.txt:1"]})


def _write(db: Path, *batches: GraphBatch) -> EmbeddedStore:
    store = EmbeddedStore(db, create=True)
    for batch in batches:
        store.upsert(batch)
    store.commit()
    return store


def test_round_trip_keeps_nodes_edges_and_properties(db):
    _write(db, GraphBatch((PAPER, REPO), (LINK,)))
    again = EmbeddedStore(db)
    assert again.nodes("Paper", [PAPER.key]) == {PAPER.key: dict(PAPER.props)}
    assert again.graph.get_edge_data(PAPER.key, REPO.key, key="HAS_REPO") == dict(LINK.props)
    assert again.counts().labels == {"Paper": 1, "Repo": 1}
    assert again.counts().rel_types == {"HAS_REPO": 1}


def test_same_batch_twice_changes_nothing_and_sources_accumulate(db):
    batch = GraphBatch((PAPER, REPO), (LINK,))
    store = _write(db, batch, batch)
    assert store.counts().nodes == 2 and store.counts().relationships == 1
    other = Node("Paper", PAPER.key, {"title": "T", "sources": ["b.txt:7"]})
    store.upsert(GraphBatch((other,), ()))
    assert store.nodes("Paper", [PAPER.key])[PAPER.key]["sources"] == ["a.txt:1", "b.txt:7"]


def test_schema_is_enforced(db):
    store = EmbeddedStore(db, create=True)
    with pytest.raises(ValueError):
        store.upsert(GraphBatch((Node("Repo", "paper:x", {}),), ()))
    with pytest.raises(ValueError):
        store.upsert(GraphBatch((PAPER, REPO), (Edge("CITES", PAPER.key, REPO.key, {}),)))


def test_merge_nodes_moves_relationships_and_properties(db):
    old = Node("Paper", "paper:t-abc", {"title": "T", "norm_title": "t", "sources": ["x.txt:3"]})
    store = _write(db, GraphBatch((old, REPO), (Edge("HAS_REPO", old.key, REPO.key, {"start": 1}),)))
    store.upsert(GraphBatch((PAPER,), ()))
    store.merge_nodes({old.key: PAPER.key})
    assert old.key not in store.graph
    assert store.graph.has_edge(PAPER.key, REPO.key, key="HAS_REPO")
    assert sorted(store.nodes("Paper", [PAPER.key])[PAPER.key]["sources"]) == ["a.txt:1", "x.txt:3"]
    assert store.paper_keys_by_norm_title(["t"]) == {"t": [PAPER.key]}


def test_clear_extracted_drops_role_edges_and_orphaned_entities(db):
    model = Node("Model", "model:gpt4", {"name": "GPT-4"})
    store = _write(db, GraphBatch((PAPER, REPO, model), (LINK, Edge("USES", PAPER.key, model.key, {}))))
    store.clear_extracted([PAPER.key])
    assert set(store.graph.nodes) == {PAPER.key}


def test_reading_a_missing_graph_says_to_build(db):
    with pytest.raises(StoreError, match="run `kg build` first"):
        EmbeddedStore(db)


@pytest.mark.parametrize(
    "content,message",
    [
        ("{not json", "not a readable paperkg graph"),
        ('{"format": "other"}', "not a paperkg graph file"),
        (
            json.dumps({"format": "paperkg-graph", "schema_version": SCHEMA_VERSION + 1, "nodes": [], "edges": []}),
            "schema version",
        ),
    ],
)
def test_unreadable_graph_files_are_store_errors(db, content, message):
    db.mkdir()
    (db / "graph.json").write_text(content)
    with pytest.raises(StoreError, match=message):
        EmbeddedStore(db)


def test_second_writer_is_refused_while_the_first_holds_the_lock(db):
    first = EmbeddedStore(db, create=True)
    first.lock()
    try:
        with pytest.raises(StoreError, match="another kg build"):
            EmbeddedStore(db, create=True).lock()
    finally:
        first.close()


WRITER = """
import sys, networkx as nx
from pathlib import Path
from paperkg.store.embedded import save_graph
graph = nx.MultiDiGraph()
for i in range(60000):
    graph.add_node(f"paper:t-{i}", label="Paper", title="x" * 40, abstract="y" * 300)
print("ready", flush=True)
while True:
    save_graph(graph, Path(sys.argv[1]))
"""


@pytest.mark.slow
def test_killed_writer_leaves_a_loadable_graph(tmp_path):
    path = tmp_path / "graph.json"
    previous = nx.MultiDiGraph()
    previous.add_node("paper:t-old", label="Paper", title="old")
    save_graph(previous, path)
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "ready"
        deadline = time.monotonic() + 30
        # Wait until a temp file exists: the writer is in the middle of a write.
        while not list(tmp_path.glob(".graph.json.*.tmp")):
            assert time.monotonic() < deadline, "writer never started a write"
            time.sleep(0.005)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    graph = load_graph(path)  # raises if the file were half-written
    assert graph.number_of_nodes() in (1, 60000)
