"""The embedded SQLite store: round trip, idempotent upserts, merges, stored counts and indexes kept
right, one transaction per build (killed, failed and concurrent builds), the old JSON store migrated."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
import zlib
from collections import Counter
from pathlib import Path

import pytest

from paperkg.catalog import run_query
from paperkg.errors import StoreError
from paperkg.model import SCHEMA_VERSION, Edge, GraphBatch, Node
from paperkg.store import sqlite_store
from paperkg.store.base import GraphDump
from paperkg.store.embedded import EmbeddedStore
from paperkg.store.sqlite_cooccurrence import is_current
from paperkg.store.sqlite_props import (
    EDGE_COLUMN_NAMES,
    add_functions,
    dictionary_id,
    evidence_sql,
    expand,
    month_sql,
    node_props,
)
from paperkg.store.sqlite_schema import DROPPED_INDEXES, LAYOUT_VERSION, NORM_TITLE_KEY
from paperkg.store.sqlite_store import PAPERS_BY_NORM_TITLE
from tests.conftest import DATA

PAPER = Node("Paper", "paper:2401.00001", {"title": "T", "norm_title": "t", "sources": ["a.txt:1"], "abstract": "Uses GPT-4o."})
REPO = Node("Repo", "repo:github.com/o/r", {"url": "https://github.com/o/r", "kind": "code"})
LINK = Edge("HAS_REPO", PAPER.key, REPO.key, {"evidence": "Code at x.", "start": 3, "sources": ["a.txt:1"]})
MODEL = Node("Model", "model:gpt-4o", {"name": "GPT-4o", "type": "model", "names_norm": ["gpt4o"], "aliases": ["GPT4o"]})


def _write(db: Path, *batches: GraphBatch) -> EmbeddedStore:
    store = EmbeddedStore(db, create=True)
    for batch in batches:
        store.upsert(batch)
    store.commit()
    return store


def _recounted(store: EmbeddedStore) -> dict[tuple[str, str], int]:
    """The counts the triggers keep, computed afresh from the tables."""
    found = {("label", label): n for label, n in store.sql("SELECT label, count(*) FROM nodes GROUP BY label")}
    found |= {("rel_type", t): n for t, n in store.sql("SELECT type, count(*) FROM edges GROUP BY type")}
    found |= {("rel_type", t): n for t, n in store.sql("SELECT 'WROTE', count(*) FROM authorship HAVING count(*)")}
    found |= {("repo_kind", k): n for k, n in store.sql("SELECT json_extract(props, '$.kind'), count(*) FROM nodes "
                                                          "WHERE label = 'Repo' GROUP BY 1")}
    files = Counter(file for (props,) in store.sql("SELECT props FROM nodes WHERE label = 'Paper'")
                    for file in {source.rsplit(":", 1)[0] for source in json.loads(props).get("sources", [])})
    found |= {("source_file", f): n for f, n in files.items()}
    found |= {("paper_month", m): n for m, n in store.sql(
        f"SELECT coalesce({month_sql('nodes')}, ''), count(*) FROM nodes WHERE label = 'Paper' "
        "AND coalesce(json_extract(props, '$.stub'), 0) = 0 GROUP BY 1")}
    return found


def _stored(store: EmbeddedStore) -> dict[tuple[str, str], int]:
    return {(kind, name): n for kind, name, n in store.sql("SELECT kind, name, n FROM counts WHERE n != 0")}


def test_round_trip_keeps_nodes_edges_and_properties(db):
    _write(db, GraphBatch((PAPER, REPO), (LINK,))).close()
    again = EmbeddedStore(db)
    assert (db / "graph.sqlite").is_file()
    assert again.nodes("Paper", [PAPER.key]) == {PAPER.key: dict(PAPER.props)}
    assert again.dump().edges == {("HAS_REPO", PAPER.key, REPO.key): dict(LINK.props)}
    assert again.counts().labels == {"Paper": 1, "Repo": 1}
    assert again.counts().rel_types == {"HAS_REPO": 1}
    assert _stored(again) == _recounted(again) == {
        ("label", "Paper"): 1, ("label", "Repo"): 1, ("rel_type", "HAS_REPO"): 1, ("repo_kind", "code"): 1,
        ("source_file", "a.txt"): 1, ("paper_month", ""): 1,
    }


def test_same_batch_twice_changes_nothing_and_sources_accumulate(db):
    batch = GraphBatch((PAPER, REPO), (LINK,))
    store = _write(db, batch, batch)
    assert store.counts().nodes == 2 and store.counts().relationships == 1
    other = Node("Paper", PAPER.key, {"title": "T", "sources": ["b.txt:7"]})
    store.upsert(GraphBatch((other,), ()))
    assert store.nodes("Paper", [PAPER.key])[PAPER.key]["sources"] == ["a.txt:1", "b.txt:7"]
    assert _stored(store) == _recounted(store) and ("source_file", "b.txt") in _stored(store)


def test_schema_is_enforced(db):
    store = EmbeddedStore(db, create=True)
    with pytest.raises(ValueError):
        store.upsert(GraphBatch((Node("Repo", "paper:x", {}),), ()))
    with pytest.raises(ValueError):
        store.upsert(GraphBatch((PAPER, REPO), (Edge("CITES", PAPER.key, REPO.key, {}),)))
    with pytest.raises(StoreError, match="not in the graph"):
        store.upsert(GraphBatch((PAPER,), (Edge("HAS_REPO", PAPER.key, "repo:none", {}),)))


def test_merge_nodes_moves_relationships_and_properties(db):
    old = Node("Paper", "paper:t-abc", {"title": "T", "norm_title": "t", "sources": ["x.txt:3"]})
    store = _write(db, GraphBatch((old, REPO), (Edge("HAS_REPO", old.key, REPO.key, {"start": 1}),)))
    store.upsert(GraphBatch((PAPER,), ()))
    store.merge_nodes({old.key: PAPER.key})
    dump = store.dump()
    assert old.key not in dump.nodes
    assert ("HAS_REPO", PAPER.key, REPO.key) in dump.edges
    assert sorted(store.nodes("Paper", [PAPER.key])[PAPER.key]["sources"]) == ["a.txt:1", "x.txt:3"]
    assert store.paper_keys_by_norm_title(["t"]) == {"t": [PAPER.key]}
    assert _stored(store) == _recounted(store)


def test_merge_into_a_new_key_renames_the_node(db):
    old = Node("Paper", "paper:t-abc", {"title": "T", "norm_title": "t"})
    store = _write(db, GraphBatch((old, REPO), (Edge("HAS_REPO", old.key, REPO.key, {}),)))
    store.merge_nodes({old.key: PAPER.key})
    assert set(store.dump().edges) == {("HAS_REPO", PAPER.key, REPO.key)}


AUTHOR = Node("Author", "author:a.-author", {"name": "A. Author"})
OTHER_AUTHOR = Node("Author", "author:b.-author", {"name": "B. Author"})


def test_authorship_is_a_table_of_its_own_read_back_as_wrote_relationships(db):
    wrote = (Edge("WROTE", AUTHOR.key, PAPER.key, {}), Edge("WROTE", OTHER_AUTHOR.key, PAPER.key, {}))
    batch = GraphBatch((PAPER, REPO, AUTHOR, OTHER_AUTHOR), (LINK, *wrote))
    store = _write(db, batch, batch)  # written twice: nothing changes
    assert store.sql("SELECT count(*) FROM edges WHERE type = 'WROTE'") == [(0,)]
    assert store.sql("SELECT a.key, p.key FROM authorship w JOIN nodes a ON a.id = w.author "
                     "JOIN nodes p ON p.id = w.paper ORDER BY 1") == [(AUTHOR.key, PAPER.key), (OTHER_AUTHOR.key, PAPER.key)]
    assert store.counts().rel_types == {"HAS_REPO": 1, "WROTE": 2}
    assert _stored(store) == _recounted(store)
    assert {k: v for k, v in store.dump().edges.items() if k[0] == "WROTE"} == {e.ident: {} for e in wrote}
    assert sorted(store.iter_edges("WROTE")) == sorted((e.type, e.source, e.target, {}) for e in wrote)
    assert sorted(store.edges_of(["WROTE", "HAS_REPO"], [PAPER.key, REPO.key])) == sorted(
        [("HAS_REPO", PAPER.key, REPO.key, dict(LINK.props)), *((e.type, e.source, e.target, {}) for e in wrote)])
    assert store.edges_of(["WROTE"], [REPO.key]) == []
    with pytest.raises(ValueError, match="carries no properties"):
        store.upsert(GraphBatch((), (Edge("WROTE", AUTHOR.key, PAPER.key, {"position": 1}),)))


def test_merging_papers_and_authors_moves_their_authorship_once(db):
    stub = Node("Paper", "paper:t-abc", {"title": "T", "norm_title": "t"})
    twin_author = Node("Author", "author:a.-author-2", {"name": "A. Author"})
    edges = (Edge("WROTE", AUTHOR.key, PAPER.key, {}), Edge("WROTE", AUTHOR.key, stub.key, {}),
             Edge("WROTE", OTHER_AUTHOR.key, stub.key, {}), Edge("WROTE", twin_author.key, PAPER.key, {}))
    store = _write(db, GraphBatch((PAPER, stub, AUTHOR, OTHER_AUTHOR, twin_author), edges))
    store.merge_nodes({stub.key: PAPER.key})  # the paper both wrote counts once
    store.merge_nodes({twin_author.key: AUTHOR.key})
    assert {k for k in store.dump().edges} == {("WROTE", AUTHOR.key, PAPER.key), ("WROTE", OTHER_AUTHOR.key, PAPER.key)}
    assert store.counts().rel_types == {"WROTE": 2}
    assert _stored(store) == _recounted(store)
    assert run_query(store, "top_authors", {"limit": 5}) == [
        {"key": AUTHOR.key, "name": "A. Author", "papers": 1}, {"key": OTHER_AUTHOR.key, "name": "B. Author", "papers": 1}]


def test_clear_extracted_drops_role_edges_results_and_orphaned_entities(db):
    result = Node("Result", "result:2401.00001:x", {"value": 1.0})
    dataset = Node("Dataset", "dataset:d", {"name": "D", "names_norm": ["d"]})
    metadata = Node("Repo", "repo:github.com/o/meta", {"url": "https://github.com/o/meta", "kind": "code"})
    edges = (LINK, Edge("USES", PAPER.key, MODEL.key, {}), Edge("REPORTS", PAPER.key, result.key, {}),
             Edge("MEASURED_ON", result.key, dataset.key, {}), Edge("HAS_REPO", PAPER.key, metadata.key, {"source": "metadata"}))
    store = _write(db, GraphBatch((PAPER, REPO, MODEL, result, dataset, metadata), edges))
    store.clear_extracted([PAPER.key])
    assert set(store.dump().nodes) == {PAPER.key, metadata.key}, "the metadata link stays"
    assert store.sql("SELECT count(*) FROM names") == [(0,)]
    assert _stored(store) == _recounted(store)


def test_node_rows_read_again_are_never_stale(db):
    """A build reads a chunk's entities twice and the store keeps what it read until the file
    changes: a change by this store, by another connection, or by a caller to its copy shows."""
    store = _write(db, GraphBatch((PAPER, MODEL), ()))
    store.lock()
    first = store.nodes("Model", [MODEL.key])[MODEL.key]
    first["aliases"] = ["changed by the caller"]
    assert store.nodes("Model", [MODEL.key])[MODEL.key]["aliases"] == ["GPT4o"], "each caller gets its own dict"
    assert store.nodes("Paper", [MODEL.key]) == {} and store.node_keys("Model", [MODEL.key, "model:none"]) == {MODEL.key}
    store.clear_extracted(["paper:not-there"])  # a write that changes no row keeps what was read
    store.upsert(GraphBatch((Node("Model", MODEL.key, {"aliases": ["GPT 4o"]}),), ()))
    assert store.nodes("Model", [MODEL.key])[MODEL.key]["aliases"] == ["GPT4o", "GPT 4o"]
    store.commit()
    assert store.nodes("Model", [MODEL.key])[MODEL.key]["aliases"] == ["GPT4o", "GPT 4o"]
    other = sqlite3.connect(store.path)
    add_functions(other)  # the schema's triggers call them, as in the sqlite3 shell
    with other:
        other.execute("UPDATE nodes SET props = json_set(props, '$.name', 'GPT-4o (edited)') WHERE key = ?", (MODEL.key,))
    other.close()
    assert store.nodes("Model", [MODEL.key])[MODEL.key]["name"] == "GPT-4o (edited)", "another tool's commit shows"
    store.close()


def test_the_writer_numbers_new_nodes_as_sqlite_would(db, tmp_path):
    """The writer gives each new node its id itself (so it need not look the nodes up again): the
    ids SQLite gives the same rows, also after the largest was removed and among updated nodes."""
    dataset = Node("Dataset", "dataset:d", {"name": "D", "names_norm": ["d"]})
    store = _write(db, GraphBatch((PAPER, MODEL, dataset), (Edge("USES", PAPER.key, MODEL.key, {}),)))
    store.sql("DELETE FROM nodes WHERE key = ?", (dataset.key,))
    later = Node("Paper", "paper:2401.00002", {"title": "Later", "norm_title": "later", "abstract": "Uses GPT-4o and D."})
    moved_model = Node("Model", MODEL.key, {"aliases": ["GPT 4o"]})
    batch = GraphBatch((later, moved_model, dataset, REPO),
                       (Edge("USES", later.key, MODEL.key, {}), Edge("EVALUATES_ON", later.key, dataset.key, {}),
                        Edge("HAS_REPO", later.key, REPO.key, {}), Edge("USES", PAPER.key, dataset.key, {})))
    by_sqlite = sqlite3.connect(tmp_path / "copy.sqlite")
    sqlite3.connect(db / "graph.sqlite").backup(by_sqlite)
    add_functions(by_sqlite)
    with by_sqlite:
        for node in (later, dataset, REPO):
            by_sqlite.execute("INSERT INTO nodes (key, label) VALUES (?, ?)", (node.key, node.label))
    store.upsert(batch)
    store.commit()
    numbered = "SELECT id, key FROM nodes ORDER BY id"
    assert store.sql(numbered) == by_sqlite.execute(numbered).fetchall()
    assert {(t, s, o) for t, s, o in store.dump().edges} >= {(e.type, e.source, e.target) for e in batch.edges}
    assert store.papers_with_names(["Later"]) == {later.key}
    assert _stored(store) == _recounted(store)


def test_names_index_and_text_index_follow_the_nodes(db):
    store = _write(db, GraphBatch((PAPER, MODEL), (Edge("USES", PAPER.key, MODEL.key, {}),)))
    assert store.sql("SELECT n.key FROM names JOIN nodes n ON n.id = names.node WHERE norm = 'gpt4o'") == [(MODEL.key,)]
    assert store.papers_with_names(["GPT-4o"]) == {PAPER.key}
    store.upsert(GraphBatch((Node("Paper", PAPER.key, {"abstract": "Uses Llama instead."}),), ()))
    assert store.papers_with_names(["GPT-4o"]) == set() and store.papers_with_names(["Llama"]) == {PAPER.key}
    store.upsert(GraphBatch((Node("Paper", PAPER.key, {"stub": True}),), ()))
    assert store.papers_with_names(["Llama"]) == set(), "stubs are not in the text index"
    store.commit()
    store.sql("INSERT INTO paper_text (paper_text, rank) VALUES ('integrity-check', 0)")


def _text_index(conn: sqlite3.Connection) -> tuple[list[tuple], list[tuple]]:
    """Every token of the full-text indexes: (term, paper key, column, offset) of paper_text and
    (trigram, papers, count) of paper_titles."""
    conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.text_tokens USING fts5vocab(main, paper_text, 'instance')")
    conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.title_trigrams USING fts5vocab(main, paper_titles, 'row')")
    words = conn.execute("SELECT t.term, n.key, t.col, t.offset FROM temp.text_tokens t JOIN nodes n ON n.id = t.doc "
                         "ORDER BY 1, 2, 3, 4").fetchall()
    return words, conn.execute("SELECT term, doc, cnt FROM temp.title_trigrams ORDER BY 1").fetchall()


def test_papers_the_writer_indexes_itself_are_indexed_as_the_trigger_indexes_them(db, tmp_path):
    papers = (
        PAPER,
        Node("Paper", "paper:2401.00002", {"title": "Nul\x00 in the title", "abstract": "And in\x00 the abstract.",
                                           "stub": False}),
        Node("Paper", "paper:2401.00003", {"title": "Only a title"}),
        Node("Paper", "paper:2401.00004", {"title": "A stub, cited only", "stub": True}),
        MODEL,
    )
    store = _write(db, GraphBatch(papers, ()))
    assert "text_indexed_by_writer" not in dict(store.sql("SELECT name, value FROM meta")), "the flag never outlives a write"
    written = sqlite3.connect(db / "graph.sqlite")
    add_functions(written)
    # The same rows written by another tool: node_added indexes them itself.
    by_tool = sqlite3.connect(tmp_path / "other.sqlite")
    written.backup(by_tool)
    add_functions(by_tool)
    rows = by_tool.execute("SELECT key, label, props, abstract_z, abstract_size FROM nodes ORDER BY id").fetchall()
    by_tool.execute("DELETE FROM nodes")
    assert _text_index(by_tool) == ([], []), "the trigger's delete took out exactly what the writer put in"
    by_tool.executemany("INSERT INTO nodes (key, label, props, abstract_z, abstract_size) VALUES (?, ?, ?, ?, ?)", rows)
    assert _text_index(written) == _text_index(by_tool)
    words = {term for term, *_ in _text_index(written)[0]}
    assert {"nul", "abstract", "only", "uses"} <= words and "stub" not in words
    store.sql("INSERT INTO paper_text (paper_text, rank) VALUES ('integrity-check', 0)")


def test_a_layout_8_store_gets_the_trigger_that_leaves_the_writers_papers_to_it(db, caplog):
    _write(db, GraphBatch((PAPER,), ())).close()
    conn = sqlite3.connect(db / "graph.sqlite")
    with conn:  # node_added as layout 8 wrote it: it indexes every paper itself
        [(trigger,)] = conn.execute("SELECT sql FROM sqlite_schema WHERE name = 'node_added'").fetchall()
        conn.execute("DROP TRIGGER node_added")
        conn.execute(trigger.replace(" AND NOT EXISTS (SELECT 1 FROM meta WHERE name = 'text_indexed_by_writer')", ""))
        conn.execute("UPDATE meta SET value = '8' WHERE name = 'layout_version'")
    conn.close()
    with caplog.at_level("WARNING"), _write(db, GraphBatch((WRITTEN,), ())) as store:
        assert "upgrading" in caplog.text
        [(trigger,)] = store.sql("SELECT sql FROM sqlite_schema WHERE name = 'node_added'")
        assert trigger.count("text_indexed_by_writer") == 2, "both full-text inserts wait for the writer's flag"
        assert store.papers_with_names(["GPT-4o"]) == {PAPER.key}
        titled = store.sql("SELECT n.key FROM paper_titles t JOIN nodes n ON n.id = t.rowid WHERE paper_titles MATCH 'ool'")
        assert titled == [(WRITTEN.key,)], "the paper added after the upgrade is in the title index, by the writer"


def test_reading_a_missing_graph_says_to_build(db):
    with pytest.raises(StoreError, match="run `kg build` first"):
        EmbeddedStore(db)


def _other_sqlite(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()


def _newer_store(path: Path) -> None:
    _write(path.parent, GraphBatch((PAPER,), ())).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = ? WHERE name = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    "make,message",
    [
        (lambda path: path.write_text("root:x:0:0:root:/root:/bin/bash\n"), "not an SQLite file"),
        (_other_sqlite, "not a paperkg store"),
        (_newer_store, "schema version"),
    ],
)
def test_unreadable_store_files_are_store_errors(db, make, message):
    db.mkdir()
    make(db / "graph.sqlite")
    before = (db / "graph.sqlite").read_bytes()
    for create in (False, True):
        with pytest.raises(StoreError, match=message):
            EmbeddedStore(db, create=create)
    assert (db / "graph.sqlite").read_bytes() == before


def test_a_query_during_a_build_sees_the_graph_as_it_was(db):
    _write(db, GraphBatch((PAPER,), ())).close()
    writer = EmbeddedStore(db, create=True)
    writer.lock()
    writer.upsert(GraphBatch((REPO,), ()))
    with EmbeddedStore(db) as reader:
        assert reader.counts().labels == {"Paper": 1}
    writer.commit()
    with EmbeddedStore(db) as reader:
        assert reader.counts().labels == {"Paper": 1, "Repo": 1}
    writer.close()


def test_an_uncommitted_build_leaves_the_previous_graph(db):
    _write(db, GraphBatch((PAPER,), ())).close()
    writer = EmbeddedStore(db, create=True)
    writer.lock()
    writer.upsert(GraphBatch((REPO,), ()))
    writer.clear_extracted([PAPER.key])
    writer.merge_nodes({PAPER.key: "paper:2401.00002"})
    writer.close()  # as when the build raised
    with EmbeddedStore(db) as store:
        assert set(store.dump().nodes) == {PAPER.key}


def test_a_failed_first_build_leaves_no_store(db):
    writer = EmbeddedStore(db, create=True)
    writer.lock()
    writer.upsert(GraphBatch((PAPER,), ()))
    writer.close()
    assert not (db / "graph.sqlite").exists()


# A writer that holds the build's transaction until told to go on (a line on stdin), then commits.
HOLDER = """
import sys
from pathlib import Path
from paperkg.model import GraphBatch, Node
from paperkg.store.base import GraphDump
from paperkg.store.embedded import EmbeddedStore
from paperkg.store.sqlite_store import PAPERS_BY_NORM_TITLE
store = EmbeddedStore(Path(sys.argv[1]), create=True, lock=True, lock_wait_s=60)
store.upsert(GraphBatch((Node("Paper", sys.argv[2], {"title": sys.argv[2]}),), ()))
print("holding", flush=True)
if sys.argv[3] == "wait":
    sys.stdin.readline()
elif sys.argv[3] == "big":
    for i in range(10_000_000):
        store.upsert(GraphBatch((Node("Paper", f"paper:t-{i}", {"title": "x" * 200}),), ()))
store.commit()
store.close()
print("done", flush=True)
"""


def _writer(db: Path, key: str, mode: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", HOLDER, str(db), key, mode], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_builds_at_once_run_one_after_the_other_and_both_write(db):
    first = _writer(db, "paper:2401.00001", "wait")
    assert first.stdout.readline().strip() == "holding"
    second = _writer(db, "paper:2401.00002", "go")
    time.sleep(1.5)
    assert second.poll() is None, "the second build must wait while the first holds the store"
    first.stdin.write("\n")
    first.stdin.flush()
    assert first.wait(30) == 0 and second.wait(30) == 0, second.stderr.read()
    assert "another kg build is writing" in second.stderr.read()
    with EmbeddedStore(db) as store:
        assert set(store.dump().nodes) == {"paper:2401.00001", "paper:2401.00002"}


@pytest.mark.slow
def test_killed_writer_leaves_the_previous_graph(db):
    _write(db, GraphBatch((PAPER,), ())).close()
    writer = _writer(db, "paper:2401.00002", "big")
    try:
        assert writer.stdout.readline().strip() == "holding"
        time.sleep(2)  # well into its writes
    finally:
        writer.kill()
        writer.wait()
    with EmbeddedStore(db) as store:
        assert set(store.dump().nodes) == {PAPER.key}
        assert _stored(store) == _recounted(store)


# ---------------------------------------------------------------------------------------------
# The JSON store of earlier versions (tests/data/legacy_graph_v1.json, written by that code)
# ---------------------------------------------------------------------------------------------


def _legacy_graph(path: Path) -> tuple[dict, dict]:
    document = json.loads(path.read_text(encoding="utf-8"))
    nodes = {key: (data["label"], {k: v for k, v in data.items() if k != "label"}) for key, data in document["nodes"]}
    edges = {(kind, source, target): data for source, target, kind, data in document["edges"]}
    return nodes, edges


def test_an_old_json_store_is_migrated_on_first_use(db, caplog):
    db.mkdir()
    shutil.copy(DATA / "legacy_graph_v1.json", db / "graph.json")
    with caplog.at_level("WARNING"), EmbeddedStore(db) as store:
        dump = store.dump()
    assert [r.getMessage() for r in caplog.records if "migrated" in r.getMessage()], "a notice says what happened"
    assert (dict(dump.nodes), dict(dump.edges)) == _legacy_graph(DATA / "legacy_graph_v1.json")
    assert (db / "graph.json").exists(), "the old file is kept"
    caplog.clear()
    with caplog.at_level("WARNING"), EmbeddedStore(db) as store:
        assert store.counts().labels["Paper"] == 8
        assert _stored(store) == _recounted(store)
    assert not caplog.records, "migrated once"


def test_a_broken_old_json_store_is_refused_with_what_to_do(db):
    db.mkdir()
    (db / "graph.json").write_text("{broken")
    with pytest.raises(StoreError, match="not a readable paperkg graph.*run `kg build` again"):
        EmbeddedStore(db)
    assert not (db / "graph.sqlite").exists()


ABSTRACT = "We study tools. Our code is at github.com/o/r for all. It helps."
WRITTEN = Node("Paper", "paper:2401.00002", {"title": "Tools", "norm_title": "tools", "sources": ["a.txt:2", "b.txt:9"],
                                             "abstract": ABSTRACT})
CODE_AT = Edge("HAS_REPO", WRITTEN.key, REPO.key, {"evidence": "Our code is at github.com/o/r for all.", "field": "abstract",
                                                    "start": 31, "end": 49, "sources": ["a.txt:2"]})


def _raw_edge_props(store: EmbeddedStore) -> dict:
    [(props,)] = store.sql("SELECT props FROM edges WHERE type = 'HAS_REPO'")
    return json.loads(props)


def _raw_edge_columns(store: EmbeddedStore) -> dict:
    [row] = store.sql(f"SELECT {', '.join(EDGE_COLUMN_NAMES)} FROM edges WHERE type = 'HAS_REPO'")
    return dict(zip(EDGE_COLUMN_NAMES, row, strict=True))


def test_an_edge_keeps_a_span_of_its_papers_text_and_reads_back_whole(db):
    with _write(db, GraphBatch((WRITTEN, REPO), (CODE_AT,))) as store:
        assert _raw_edge_props(store) == {}, "every property in a column of its own"
        raw = _raw_edge_columns(store)
        assert ABSTRACT[raw["evidence_start"] : raw["evidence_end"]] == CODE_AT.props["evidence"] and raw["sources_at"] == 1
        assert (raw["field"], raw["span_start"], raw["span_end"]) == ("abstract", 31, 49)
        assert store.dump().edges == {("HAS_REPO", WRITTEN.key, REPO.key): dict(CODE_AT.props)}
        assert list(store.dump().edges.values())[0] == dict(CODE_AT.props), "same properties, in the same order"
        [row] = run_query(store, "papers_by_repo", {"key": REPO.key})
        assert row["evidence"] == CODE_AT.props["evidence"]
        [(rel_type, source, target, props)] = store.edges_of(["HAS_REPO"])
        assert props == dict(CODE_AT.props)


def test_an_evidence_not_in_the_text_is_kept_as_written(db):
    elsewhere = Edge("HAS_REPO", WRITTEN.key, REPO.key, {**CODE_AT.props, "evidence": "From the metadata.", "sources": ["c:1"]})
    with _write(db, GraphBatch((WRITTEN, REPO), (elsewhere,))) as store:
        assert _raw_edge_props(store) == {"evidence": "From the metadata.", "sources": ["c:1"]}
        assert store.dump().edges[("HAS_REPO", WRITTEN.key, REPO.key)] == dict(elsewhere.props)


def test_a_paper_whose_text_changes_keeps_its_edges_evidence(db):
    """As in Neo4j: an upsert of the paper's text alone leaves its relationships as they were."""
    with _write(db, GraphBatch((WRITTEN, REPO), (CODE_AT,))) as store:
        store.upsert(GraphBatch((Node("Paper", WRITTEN.key, {"abstract": "Rewritten entirely.", "sources": ["z.txt:1"]}),), ()))
        store.commit()
        assert store.dump().edges[("HAS_REPO", WRITTEN.key, REPO.key)] == dict(CODE_AT.props)


def test_a_layout_1_store_is_upgraded_in_place_once(db, caplog):
    _write(db, GraphBatch((WRITTEN, REPO), (CODE_AT,))).close()
    conn = sqlite3.connect(db / "graph.sqlite")
    conn.execute("UPDATE edges SET props = ?", (json.dumps(dict(CODE_AT.props)),))  # as layout 1 stored it
    conn.execute("UPDATE meta SET value = '1' WHERE name = 'layout_version'")
    conn.execute("DELETE FROM counts WHERE kind = 'paper_month'")  # layout 1 did not count them
    conn.commit()
    conn.close()
    with EmbeddedStore(db) as store:
        assert store.dump().edges[("HAS_REPO", WRITTEN.key, REPO.key)] == dict(CODE_AT.props)
        assert _raw_edge_props(store) == {} and _raw_edge_columns(store)["evidence_start"] == ABSTRACT.index("Our code")
        assert dict(store.sql("SELECT name, value FROM meta"))["layout_version"] == str(LAYOUT_VERSION)
        assert _stored(store) == _recounted(store) and ("paper_month", "") in _stored(store)
    assert "upgrading" in caplog.text


def _other_tool(db: Path) -> sqlite3.Connection:
    """Python's sqlite3 as a user would open the file to edit it: with the one function the README
    names, written as the README writes it (zlib alone, the store's dictionaries read from the file)."""
    conn = sqlite3.connect(db / "graph.sqlite")
    dictionaries = dict(conn.execute("SELECT id, dictionary FROM abstract_dictionaries"))

    def uncompress(z: bytes | None, n: int) -> bytes | None:
        if z is None or n <= 0 or n == len(z):
            return z
        if z[1] & 0x20:  # made with a preset dictionary, whose id (Adler-32) follows the 2-byte header
            reader = zlib.decompressobj(zdict=dictionaries[int.from_bytes(z[2:6], "big")])
            return reader.decompress(z) + reader.flush()
        return zlib.decompress(z)

    conn.create_function("paperkg_uncompress", 2, uncompress)
    return conn


def _indexes(store: EmbeddedStore) -> set[str]:
    return {name for (name,) in store.sql("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")}


# What layouts 1 to 10 kept of each paper's source files: (file, node) pairs, counted by triggers.
LAYOUT_10_PAPER_SOURCES = ("CREATE TABLE paper_sources (file TEXT NOT NULL, node INTEGER NOT NULL, "
                           "PRIMARY KEY (file, node)) WITHOUT ROWID")


def _as_layout_10(db: Path) -> None:
    """Turn a store written now into the file layout 10 wrote: paper_sources and its triggers, the
    whole norm_title indexed, a title trigram index with column sizes."""
    conn = sqlite3.connect(db / "graph.sqlite")
    add_functions(conn)
    conn.execute(LAYOUT_10_PAPER_SOURCES)
    conn.execute("INSERT OR IGNORE INTO paper_sources SELECT rtrim(value, '0123456789'), n.id FROM nodes n, "
                 "json_each(n.props, '$.sources') WHERE n.label = 'Paper'")
    conn.execute("UPDATE paper_sources SET file = substr(file, 1, length(file) - 1)")  # the colon before the line
    conn.execute("CREATE TRIGGER source_added AFTER INSERT ON paper_sources BEGIN INSERT INTO counts (kind, name, n) "
                 "VALUES ('source_file', NEW.file, 1) ON CONFLICT (kind, name) DO UPDATE SET n = n + 1; END")
    conn.execute("DROP INDEX papers_by_norm_title")
    conn.execute("CREATE INDEX papers_by_norm_title ON nodes (norm_title) WHERE label = 'Paper'")
    conn.execute("DROP TABLE paper_titles")
    conn.execute("CREATE VIRTUAL TABLE paper_titles USING fts5 (title, content='', tokenize='trigram', detail=none)")
    conn.execute("INSERT INTO paper_titles (rowid, title) SELECT id, title FROM nodes WHERE label = 'Paper'")
    conn.execute("UPDATE meta SET value = '10' WHERE name = 'layout_version'")
    conn.commit()
    conn.close()


def _schema_sql(store: EmbeddedStore, name: str) -> str | None:
    found = store.sql("SELECT sql FROM sqlite_master WHERE name = ?", (name,))
    return found[0][0] if found else None


def test_a_new_store_counts_source_files_without_a_table_of_them_and_indexes_a_title_prefix(db):
    with _write(db, GraphBatch((WRITTEN, PAPER), ())) as store:
        assert _schema_sql(store, "paper_sources") is None
        assert NORM_TITLE_KEY in _schema_sql(store, "papers_by_norm_title")
        assert "columnsize=0" in _schema_sql(store, "paper_titles")
        assert _stored(store) == _recounted(store)
        assert ("source_file", "b.txt") in _stored(store)


def test_papers_sharing_a_title_prefix_are_told_apart_by_the_whole_norm_title(db):
    prefix = "a" * 30
    papers = [Node("Paper", f"paper:2401.0010{i}", {"title": prefix + tail, "norm_title": prefix + tail, "sources": ["a.txt:1"]})
              for i, tail in enumerate(("", "b", "c"))]
    with _write(db, GraphBatch(tuple(papers), ())) as store:
        assert store.paper_keys_by_norm_title([prefix + "b", prefix, "zzz"]) == {
            prefix + "b": ["paper:2401.00101"], prefix: ["paper:2401.00100"]}
        plan = " ".join(row[-1] for row in store.sql("EXPLAIN QUERY PLAN " + PAPERS_BY_NORM_TITLE, ("[]",)))
        assert "papers_by_norm_title" in plan


def test_title_keyed_papers_of_a_title_are_found_without_reading_the_numbered_ones(db):
    numbered = Node("Paper", "paper:2401.00100", {"title": "Same", "norm_title": "same", "sources": ["a.txt:1"]})
    with _write(db, GraphBatch((numbered,), ())) as store:
        assert store.paper_keys_by_norm_title(["same"], title_keyed=True) == {}
        # whether any title-keyed paper is stored is asked of the key's index, not of every paper
        plan = " ".join(row[-1] for row in store.sql("EXPLAIN QUERY PLAN " + sqlite_store._ANY_TITLE_KEYED))
        assert "COVERING INDEX sqlite_autoindex_nodes_1" in plan
        titled = Node("Paper", "paper:t-0123456789abcdef", {"title": "Same", "norm_title": "same", "sources": ["b.txt:1"]})
        store.upsert(GraphBatch((titled,), ()))
        assert store.paper_keys_by_norm_title(["same", "other"], title_keyed=True) == {"same": [titled.key]}
        assert store.paper_keys_by_norm_title(["same"]) == {"same": [numbered.key, titled.key]}


def test_a_layout_10_store_drops_paper_sources_and_keeps_its_counts(db, caplog):
    _write(db, GraphBatch((WRITTEN, PAPER, REPO, MODEL), (CODE_AT,))).close()
    _as_layout_10(db)
    with EmbeddedStore(db) as store:
        before = _stored(store)
    assert "upgrading" in caplog.text
    with EmbeddedStore(db) as store:
        assert dict(store.sql("SELECT name, value FROM meta"))["layout_version"] == str(LAYOUT_VERSION)
        assert _schema_sql(store, "paper_sources") is None and _schema_sql(store, "source_added") is None
        assert NORM_TITLE_KEY in _schema_sql(store, "papers_by_norm_title")
        assert "columnsize=0" in _schema_sql(store, "paper_titles")
        assert _stored(store) == before == _recounted(store)
        assert store.paper_keys_by_norm_title(["tools"]) == {"tools": [WRITTEN.key]}
        assert [row["key"] for row in run_query(store, "papers_by_title", {"words": ["tool"], "limit": 5})] == [WRITTEN.key]
        assert store.dump().edges[("HAS_REPO", WRITTEN.key, REPO.key)] == dict(CODE_AT.props)
    conn = _other_tool(db)  # another SQLite tool moves and removes papers: the counts follow
    conn.execute("UPDATE nodes SET props = json_set(props, '$.sources', json('[\"c.txt:4\", \"c.txt:5\"]')) WHERE key = ?",
                 (WRITTEN.key,))
    conn.commit()
    with EmbeddedStore(db) as store:
        assert _stored(store) == _recounted(store) and _stored(store)[("source_file", "c.txt")] == 1
    conn.execute("DELETE FROM edges")
    conn.execute("DELETE FROM nodes WHERE label = 'Paper'")
    conn.commit()
    conn.close()
    with EmbeddedStore(db) as store:
        assert [name for kind, name in _stored(store) if kind == "source_file"] == []


def test_a_layout_2_store_loses_the_indexes_no_query_uses_and_keeps_its_side_tables_right(db, caplog):
    _write(db, GraphBatch((WRITTEN, REPO, MODEL), (CODE_AT,))).close()
    conn = sqlite3.connect(db / "graph.sqlite")
    conn.execute(LAYOUT_10_PAPER_SOURCES)
    for table in ("names", "paper_ids", "paper_sources"):  # as layout 2 had them
        conn.execute(f"CREATE INDEX {table}_by_node ON {table} (node)")
    conn.execute("CREATE INDEX edges_by_type ON edges (type)")
    conn.execute("UPDATE meta SET value = '2' WHERE name = 'layout_version'")
    conn.commit()
    conn.close()
    with EmbeddedStore(db) as store:
        assert not _indexes(store) & set(DROPPED_INDEXES)
        assert {"introductions", "citations"} <= _indexes(store)
        assert dict(store.sql("SELECT name, value FROM meta"))["layout_version"] == str(LAYOUT_VERSION)
        assert store.dump().edges[("HAS_REPO", WRITTEN.key, REPO.key)] == dict(CODE_AT.props)
    assert "upgrading" in caplog.text
    conn = _other_tool(db)  # another SQLite tool edits the nodes: the triggers follow
    conn.execute("UPDATE nodes SET props = json_set(props, '$.names_norm', json('[\"gpt4\"]')) WHERE key = ?", (MODEL.key,))
    conn.execute("UPDATE nodes SET props = json_set(props, '$.ids', json('[\"X-1\"]'), '$.sources', json('[\"c.txt:4\"]')) "
                 "WHERE key = ?", (WRITTEN.key,))
    conn.commit()
    assert conn.execute("SELECT norm FROM names").fetchall() == [("gpt4",)]
    assert conn.execute("SELECT id FROM paper_ids").fetchall() == [("x-1",)]
    assert conn.execute("SELECT name FROM counts WHERE kind = 'source_file' AND n > 0").fetchall() == [("c.txt",)]
    conn.execute("DELETE FROM edges")
    conn.execute("DELETE FROM nodes")
    conn.commit()
    assert [conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("names", "paper_ids")] == [0, 0]
    assert conn.execute("SELECT count(*) FROM counts WHERE kind = 'source_file' AND n != 0").fetchone()[0] == 0
    conn.close()


def test_edges_of_reads_only_the_fields_asked_for(db):
    with _write(db, GraphBatch((WRITTEN, REPO), (CODE_AT,))) as store:
        assert store.edges_of(["HAS_REPO"], fields=("start", "missing")) == [("HAS_REPO", WRITTEN.key, REPO.key, {"start": 31})]
        assert store.edges_of(["HAS_REPO"], [REPO.key], fields=("field",)) == [
            ("HAS_REPO", WRITTEN.key, REPO.key, {"field": "abstract"})]


def test_search_cuts_at_the_limit_after_ties_are_ordered_by_key(db):
    """Ranked on the index first: papers tied with the limit-th one still come in key order."""
    from paperkg.search import search_embedded

    text = {"title": "Sparse routing", "abstract": "Sparse routing for experts."}
    twins = [Node("Paper", f"paper:2401.0000{i}", {**text, "norm_title": "sparserouting"}) for i in (7, 3, 5, 1)]
    better = Node("Paper", "paper:2401.00009", {"title": "Sparse routing, sparse experts", "abstract": "Sparse."})
    with _write(db, GraphBatch((*twins, better), ())) as store:
        found = search_embedded(store, "sparse routing", limit=3)
        assert [row["key"] for row in found] == ["paper:2401.00009", "paper:2401.00001", "paper:2401.00003"]
        assert found[1]["score"] == found[2]["score"]
        assert [row["key"] for row in search_embedded(store, "sparse routing", limit=10)][1:] == sorted(n.key for n in twins)


LONG_ABSTRACT = ("We propose Sparse Routing, a mixture of experts that routes tokens by a learned sparse gate. "
                 "Sparse Routing is trained on C4 and beats dense baselines on GLUE. Code at github.com/o/r. ") * 3


def test_a_papers_abstract_is_stored_compressed_and_read_back_whole(db):
    long_paper = Node("Paper", "paper:2401.00003", {"title": "Sparse routing", "norm_title": "sparserouting",
                                                     "abstract": LONG_ABSTRACT, "sources": ["a.txt:3"]})
    short = Node("Paper", "paper:2401.00004", {"title": "Tiny", "norm_title": "tiny", "abstract": "Hi.", "sources": ["a.txt:4"]})
    empty = Node("Paper", "paper:2401.00005", {"title": "Empty", "norm_title": "empty", "abstract": "", "sources": ["a.txt:5"]})
    at = LONG_ABSTRACT.index("Code at")
    code = Edge("HAS_REPO", long_paper.key, REPO.key, {"evidence": "Code at github.com/o/r.", "field": "abstract",
                                                      "start": at, "sources": ["a.txt:3"]})
    with _write(db, GraphBatch((long_paper, short, empty, REPO), (code,))) as store:
        rows = {key: (props, z, size) for key, props, z, size in
                store.sql("SELECT key, props, abstract_z, abstract_size FROM nodes WHERE label = 'Paper'")}
        props, z, size = rows[long_paper.key]
        assert "abstract" not in json.loads(props) and size == len(LONG_ABSTRACT.encode())
        assert len(z) < size / 2 and zlib.decompress(z).decode() == LONG_ABSTRACT
        assert rows[short.key][1:] == (b"Hi.", 3), "kept as it is where zlib would not shrink it"
        assert rows[empty.key][1:] == (b"", 0)
        assert store.nodes("Paper", [long_paper.key, short.key, empty.key]) == {
            n.key: dict(n.props) for n in (long_paper, short, empty)}
        assert store.dump().nodes[long_paper.key] == ("Paper", dict(long_paper.props))
        assert store.dump().edges[("HAS_REPO", long_paper.key, REPO.key)] == dict(code.props)
        [row] = run_query(store, "papers_by_repo", {"key": REPO.key})
        assert row["evidence"] == code.props["evidence"]
        assert run_query(store, "paper_details", {"key": long_paper.key})[0]["abstract"] == LONG_ABSTRACT
        [node] = run_query(store, "nodes_by_keys", {"keys": [long_paper.key]})
        assert node["properties"] == {"key": long_paper.key, **long_paper.props}
        assert store.papers_with_names(["GLUE"]) == {long_paper.key}, "the full-text index holds the abstract"
        assert store.paper_texts([long_paper.key]) == [(long_paper.key, "Sparse routing", LONG_ABSTRACT, None)]
    conn = _other_tool(db)
    assert conn.execute("SELECT CAST(paperkg_uncompress(abstract_z, abstract_size) AS TEXT) FROM nodes WHERE key = ?",
                        (long_paper.key,)).fetchone() == (LONG_ABSTRACT,)
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert evidence_sql("e", "p") in readme, "the README gives users the evidence's SQL"
    assert conn.execute(f"SELECT {evidence_sql('e', 'p')} FROM edges e JOIN nodes p ON p.id = e.source").fetchall() == [
        (code.props["evidence"],)]
    conn.execute("UPDATE nodes SET abstract_z = ?, abstract_size = ? WHERE key = ?",
                 (zlib.compress(b"Dense routing on SQuAD, again and again and again."), 50, long_paper.key))
    conn.commit()
    conn.close()
    with EmbeddedStore(db) as store:
        assert store.papers_with_names(["SQuAD"]) == {long_paper.key} and not store.papers_with_names(["GLUE"])


@pytest.mark.skipif(shutil.which("sqlite3") is None, reason="the sqlite3 shell is not installed")
def test_the_sqlite3_shell_reads_an_abstract_with_its_own_function(db):
    long_paper = Node("Paper", "paper:2401.00003", {"title": "Sparse routing", "abstract": LONG_ABSTRACT})
    _write(db, GraphBatch((long_paper,), ())).close()
    shown = subprocess.run(["sqlite3", str(db / "graph.sqlite"),
                            "SELECT CAST(sqlar_uncompress(abstract_z, abstract_size) AS TEXT) FROM nodes"],
                           capture_output=True, text=True, check=True).stdout
    assert shown == LONG_ABSTRACT + "\n"


def _decoded_nodes(rows: list[tuple]) -> list[tuple]:
    """(id, key, label, properties as a list of pairs: their order counts) of ``nodes`` rows."""
    return [(node_id, key, label, list(node_props(key, props, z, size).items())) for node_id, key, label, props, z, size in rows]


def _raw(path: Path, query: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(query).fetchall()
    finally:
        conn.close()


def _edges_as_stored_before(path: Path) -> dict:
    """Each edge's full properties (but WROTE's) as a file of layout 2 to 9 keeps them: every property in
    ``props``, an evidence as its span ``evidence_at``, sources as ``sources_at``; read without paperkg's store."""
    conn = sqlite3.connect(path)
    add_functions(conn)
    compressed = "abstract_z" in {row[1] for row in conn.execute("PRAGMA table_xinfo(nodes)")}
    abstract = ("CAST(sqlar_uncompress(s.abstract_z, s.abstract_size) AS TEXT)" if compressed
                else "json_extract(s.props, '$.abstract')")
    try:
        rows = conn.execute(f"SELECT e.type, s.key, t.key, e.props, json_extract(s.props, '$.title'), {abstract}, "
                            "json_extract(s.props, '$.sources') FROM edges e JOIN nodes s ON s.id = e.source "
                            "JOIN nodes t ON t.id = e.target WHERE e.type != 'WROTE'").fetchall()
    finally:
        conn.close()
    assert any("evidence_at" in props for *_, props, _, _, _ in rows), "a file of the layouts that kept spans in props"
    return {(rel_type, source, target): expand(props, *[None] * len(EDGE_COLUMN_NAMES), title, None, None, text, sources)
            for rel_type, source, target, props, title, text, sources in rows}


def test_a_real_layout_3_store_moves_its_abstracts_into_compressed_columns(db, caplog):
    """tests/data/store_layout3.sqlite: `kg build tests/data/dated_papers.jsonl` by the layout-3 code (commit ee326c3)."""
    db.mkdir()
    path = db / "graph.sqlite"
    shutil.copy(DATA / "store_layout3.sqlite", path)
    nodes_before = {key: (label, json.loads(props)) for key, label, props in _raw(path, "SELECT key, label, props FROM nodes")}
    edges_before = _raw(path, "SELECT id, type, source, target, props FROM edges ORDER BY id")
    properties_before = _edges_as_stored_before(path)
    abstracts = {key: props["abstract"] for key, (label, props) in nodes_before.items() if label == "Paper"}
    found_before = _raw(path, "SELECT rowid FROM paper_text WHERE paper_text MATCH 'gsm8k' ORDER BY rowid")
    with caplog.at_level("WARNING"), EmbeddedStore(db) as store:
        assert dict(store.sql("SELECT name, value FROM meta"))["layout_version"] == str(LAYOUT_VERSION)
        assert store.sql("SELECT count(*) FROM nodes WHERE json_type(props, '$.abstract') IS NOT NULL") == [(0,)]
        assert store.sql("SELECT count(*) FROM nodes WHERE abstract_z IS NOT NULL") == [(len(abstracts),)]
        dump = store.dump()
        assert dict(dump.nodes) == nodes_before
        assert store.sql("SELECT id, type, source, target FROM edges ORDER BY id") == [
            edge[:4] for edge in edges_before if edge[1] != "WROTE"]
        assert {k: v for k, v in dump.edges.items() if k[0] != "WROTE"} == properties_before
        assert store.sql("SELECT count(*) FROM edges WHERE props <> '{}'") == [(0,)], "every property in its column"
        assert store.sql("SELECT author, paper FROM authorship") == sorted(
            (source, target) for _, rel_type, source, target, _ in edges_before if rel_type == "WROTE")
        spans = [(source, props) for (_, source, _), props in dump.edges.items() if props.get("field") == "abstract"]
        assert spans and all(props["evidence"] in abstracts[source] for source, props in spans)
        assert store.sql("SELECT rowid FROM paper_text WHERE paper_text MATCH 'gsm8k' ORDER BY rowid") == found_before
        assert _stored(store) == _recounted(store)
        # The full-text index's rows of an upgraded paper are removed with the words it had.
        key = "paper:2404.00505"
        store.upsert(GraphBatch((Node("Paper", key, {"abstract": "Nothing about benchmarks."}),), ()))
        store.commit()
        assert key not in store.papers_with_names(["GSM8K"]) and key in store.papers_with_names(["benchmarks"])
    assert [r for r in caplog.records if "upgrading" in r.getMessage()], "a one-line notice"
    caplog.clear()
    with caplog.at_level("WARNING"), EmbeddedStore(db):
        pass
    assert not caplog.records, "upgraded once"


AUTHOR_QUERIES = (
    ("top_authors", {"limit": 10}),
    ("papers_by_author", {"words": ["author"], "limit": 20}),
    ("co_use", {"keys": ["author:a.-author", "author:b.-author", "dataset:gsm8k", "dataset:mmlu"], "min_papers": 1}),
    ("node_weights", {"keys": ["author:a.-author", "paper:2401.00101"]}),
    ("edges_among", {"keys": ["author:a.-author", "paper:2401.00101", "paper:2401.00202", "dataset:gsm8k"]}),
    ("node_neighbourhood", {"key": "author:a.-author", "depth": 2, "limit": 100}),
    ("shortest_path", {"source": "author:b.-author", "target": "author:a.-author"}),
    ("top_nodes", {"labels": ["Author", "Paper"], "rel_types": ["WROTE"], "min_degree": 1, "limit": 20}),
)


def _source_files_only(found):
    """``found`` with each source reference ("dir/file.jsonl:3") cut to its file name and line: the
    fixture was built in another checkout, whose path its sources carry."""
    if isinstance(found, GraphDump):
        return _source_files_only(dict(found.nodes)), _source_files_only({str(k): v for k, v in found.edges.items()})
    if isinstance(found, dict):
        return {key: _source_files_only(value) for key, value in found.items()}
    if isinstance(found, (list, tuple)):
        return [_source_files_only(value) for value in found]
    if isinstance(found, str) and "/" in found and ".jsonl:" in found:
        return Path(found).name
    return found


def test_a_real_layout_4_store_moves_its_authorship_into_its_own_table(db, tmp_path, runner, caplog):
    """tests/data/store_layout4.sqlite: `kg build tests/data/dated_papers.jsonl tests/data/own_ids.jsonl` by the
    layout-4 code (commit db1d99a, with today's not_entities lines for "scaling laws", so that its entities are
    today's; rebuilt at stop 48). Upgraded, it answers as a store built afresh from the same files."""
    from tests.conftest import run_kg

    db.mkdir()
    path = db / "graph.sqlite"
    shutil.copy(DATA / "store_layout4.sqlite", path)
    edges_before = _raw(path, "SELECT id, type, source, target, props FROM edges ORDER BY id")
    properties_before = _edges_as_stored_before(path)
    nodes_before = _decoded_nodes(_raw(path, "SELECT id, key, label, props, abstract_z, abstract_size FROM nodes ORDER BY id"))
    counts_before = _raw(path, "SELECT kind, name, n FROM counts WHERE n != 0 ORDER BY kind, name")
    wrote = sorted((source, target) for _, rel_type, source, target, _ in edges_before if rel_type == "WROTE")
    assert len(wrote) == 11 and _raw(path, "SELECT value FROM meta WHERE name = 'layout_version'") == [("4",)]
    fresh = tmp_path / "fresh"
    run_kg(runner, "build", str(DATA / "dated_papers.jsonl"), str(DATA / "own_ids.jsonl"), "--db", str(fresh), "-q")
    with caplog.at_level("WARNING"), EmbeddedStore(db) as store, EmbeddedStore(fresh) as built:
        assert dict(store.sql("SELECT name, value FROM meta"))["layout_version"] == str(LAYOUT_VERSION)
        assert store.sql("SELECT author, paper FROM authorship") == wrote
        assert store.sql("SELECT id, type, source, target FROM edges ORDER BY id") == [
            edge[:4] for edge in edges_before if edge[1] != "WROTE"]
        assert {k: v for k, v in store.dump().edges.items() if k[0] != "WROTE"} == properties_before
        assert _decoded_nodes(store.sql("SELECT id, key, label, props, abstract_z, abstract_size FROM nodes ORDER BY id")) == (
            nodes_before), "the same properties in the same order (layout 13 keeps them otherwise)"
        assert store.sql("SELECT kind, name, n FROM counts WHERE n != 0 ORDER BY kind, name") == counts_before
        assert _stored(store) == _recounted(store)
        assert _source_files_only(store.dump()) == _source_files_only(built.dump()) and store.counts() == built.counts()
        for name, params in AUTHOR_QUERIES:
            assert _source_files_only(run_query(store, name, params)) == _source_files_only(run_query(built, name, params)), name
        assert run_query(store, "top_authors", {"limit": 1}) == [{"key": "author:a.-author", "name": "A. Author", "papers": 8}]
    assert [r for r in caplog.records if "upgrading" in r.getMessage()], "a one-line notice"
    caplog.clear()
    extra = tmp_path / "more.jsonl"
    extra.write_text(json.dumps({"id": "2407.00909", "title": "More Reasoners", "abstract": "We train on GSM8K.",
                                 "authors": ["A. Author", "E. Author"]}) + "\n")
    with caplog.at_level("WARNING"):
        run_kg(runner, "build", str(extra), "--db", str(db), "-q")
    assert not caplog.records, "upgraded once"
    with EmbeddedStore(db) as store:
        assert store.counts().rel_types["WROTE"] == 13 and _stored(store) == _recounted(store)
        assert run_query(store, "top_authors", {"limit": 1})[0]["papers"] == 9


def test_papers_of_an_entity_are_cut_at_the_limit_in_unicode_lower_case_order(db):
    """The limit cuts after Python's (and Neo4j's) lower-casing orders the titles: SQLite's lower()
    leaves "Ω" upper-case, which would sort "Ωmega" before "ψ-routing"; each row keeps its evidence."""
    titles = {"paper:2401.00001": "Ωmega nets", "paper:2401.00002": "ψ-routing", "paper:2401.00003": "Zeta"}
    papers = [Node("Paper", key, {"title": title, "abstract": f"{title} uses GPT-4o here."}) for key, title in titles.items()]
    uses = [Edge("USES", key, MODEL.key, {"evidence": f"{title} uses GPT-4o here.", "confidence": 0.9})
            for key, title in titles.items()]
    with _write(db, GraphBatch((*papers, MODEL), tuple(uses))) as store:
        rows = run_query(store, "papers_by_entity", {"keys": [MODEL.key], "roles": [], "limit": 2})
        assert [row["title"] for row in rows] == ["Zeta", "ψ-routing"]
        assert [row["evidence"] for row in rows] == ["Zeta uses GPT-4o here.", "ψ-routing uses GPT-4o here."]
        every = run_query(store, "papers_by_entity", {"keys": [MODEL.key], "roles": [], "limit": 10})
        assert [row["title"] for row in every] == ["Zeta", "ψ-routing", "Ωmega nets"]


def _titles_found(store: EmbeddedStore, *words: str) -> list[str]:
    return [row["title"] for row in run_query(store, "papers_by_title", {"words": list(words), "limit": 50})]


def test_a_real_layout_5_store_indexes_its_titles_anew_without_positions(db, tmp_path, runner, caplog):
    """tests/data/store_layout5.sqlite: `kg build tests/data/dated_papers.jsonl tests/data/own_ids.jsonl` by the
    layout-5 code (commit 9a13920), whose title trigram index kept positions. Upgraded, the index keeps none
    (detail=none) and any part of a title finds the same papers as in a store built afresh; the triggers
    that count removed role edges for the kept co-occurrences (layout 7) are made anew."""
    from tests.conftest import run_kg

    db.mkdir()
    path = db / "graph.sqlite"
    shutil.copy(DATA / "store_layout5.sqlite", path)
    assert _raw(path, "SELECT value FROM meta WHERE name = 'layout_version'") == [("5",)]
    assert "detail" not in _raw(path, "SELECT sql FROM sqlite_master WHERE name = 'paper_titles'")[0][0]
    nodes_before = _decoded_nodes(_raw(path, "SELECT id, key, label, props, abstract_z, abstract_size FROM nodes ORDER BY id"))
    fresh = tmp_path / "fresh"
    run_kg(runner, "build", str(DATA / "dated_papers.jsonl"), str(DATA / "own_ids.jsonl"), "--db", str(fresh), "-q")
    asked = [("reason",), ("Tiny", "reasoners"), ("mixtures",), ("RL:",), ("hard", "revisited"), ("ath",), ("zebra",)]
    with caplog.at_level("WARNING"), EmbeddedStore(db) as store, EmbeddedStore(fresh) as built:
        assert dict(store.sql("SELECT name, value FROM meta"))["layout_version"] == str(LAYOUT_VERSION)
        assert "detail=none" in store.sql("SELECT sql FROM sqlite_master WHERE name = 'paper_titles'")[0][0]
        triggers = dict(store.sql("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"))
        assert "role_edits" in triggers["edge_removed"] and {"edge_moved", "node_rekeyed"} <= set(triggers)
        assert is_current(store.sql), "the kept co-occurrences are counted by the upgrade"
        assert _decoded_nodes(store.sql("SELECT id, key, label, props, abstract_z, abstract_size FROM nodes ORDER BY id")) == (
            nodes_before), "the same properties in the same order (layout 13 keeps them otherwise)"
        holding = "SELECT rowid FROM paper_titles WHERE paper_titles MATCH 'the' OR paper_titles MATCH 'ing' ORDER BY rowid"
        assert len(store.sql(holding)) == len(built.sql(holding)) > 0
        for words in asked:
            assert _titles_found(store, *words) == _titles_found(built, *words), words
        assert _titles_found(store, "reason") == [
            "A Study of Benchmark Contamination in Reasoning Sets", "Curriculum Rewards for Tiny Reasoners",
            "MathStar: Small Models that Reason",
            "Scaling Laws for Tiny Reasoners", "ThinkLong: Long Reasoning for Math"]
        assert _titles_found(store, "zebra") == []
    assert [r for r in caplog.records if "upgrading" in r.getMessage()], "a one-line notice"


def test_a_title_word_is_found_by_its_trigrams_whatever_their_order_in_the_title(db):
    """The title index keeps no positions: a title holding a word's trigrams elsewhere ("rans" and "form"
    in "Formal Trans") is a candidate only; the word itself must be in the title."""
    titles = {"paper:2401.00001": "Transformers at Scale", "paper:2401.00002": "Formal Trans Models",
              "paper:2401.00003": 'Quoted "tra" words'}
    papers = [Node("Paper", key, {"title": title, "abstract": "An abstract."}) for key, title in titles.items()]
    with _write(db, GraphBatch(tuple(papers), ())) as store:
        assert _titles_found(store, "transform") == ["Transformers at Scale"]
        assert _titles_found(store, "ans", "mode") == ["Formal Trans Models"]
        assert _titles_found(store, '"tra"') == ['Quoted "tra" words']
        assert _titles_found(store, "TRANSFORMERS", "scale") == ["Transformers at Scale"]
        assert _titles_found(store, "Trans\0formers") == []


def _hub_graph(extra_papers: int = 0) -> GraphBatch:
    """Five papers use the model "Hub"; with it they mention methods A-D (4, 3, 3 and 1 papers: B and
    C tie, ordered by key), so Hub's co-occurring entities have a known order; extra papers mention A alone."""
    hub = Node("Model", "model:hub", {"name": "Hub", "type": "model", "names_norm": ["hub"]})
    methods = {name: Node("Method", f"method:{name.lower()}", {"name": name, "type": "method", "names_norm": [name.lower()]})
               for name in "ABCD"}
    uses = {1: "ABC", 2: "AB", 3: "AC", 4: "ABCD", 5: ""}
    papers, edges = [], []
    for n in range(1, 6 + extra_papers):
        key = f"paper:2402.{n:05d}"
        papers.append(Node("Paper", key, {"title": f"Paper {n}", "abstract": "Uses Hub."}))
        edges += [Edge("USES", key, hub.key, {"evidence": "Uses Hub.", "confidence": 0.9})] if n <= 5 else []
        edges += [Edge("MENTIONS", key, methods[m].key, {"confidence": 0.5}) for m in uses.get(n, "A")]
    return GraphBatch((*papers, hub, *methods.values()), tuple(edges))


def _appears_with(store: EmbeddedStore, key: str, limit: int) -> list[tuple[str, int]]:
    return [(row["key"], row["papers"]) for row in run_query(store, "cooccurring_entities", {"key": key, "limit": limit})]


def _built_with_a_hub(db: Path) -> None:
    """A store of ``_hub_graph`` whose hubs are entities of 5 role edges or more (model:hub), committed."""
    store = EmbeddedStore(db, create=True)
    store.hub_links = 5
    store.upsert(_hub_graph())
    store.commit()
    store.close()


def test_a_hubs_co_occurring_entities_are_kept_at_commit_and_read_only_while_current(db):
    """An entity with at least ``hub_links`` role edges has its co-occurring entities counted at
    the commit; `kg entity` reads them while the roles are unchanged, and counts live as soon as
    another tool changes an edge, until the next commit counts them again."""
    _built_with_a_hub(db)
    expected = [("method:a", 4), ("method:b", 3), ("method:c", 3), ("method:d", 1)]
    with EmbeddedStore(db) as store:
        assert store.sql("SELECT n.key, count(*) FROM cooccurrence c JOIN nodes n ON n.id = c.entity GROUP BY 1") == [
            ("model:hub", 4)], "only the hub (5 role edges) is kept; method:a has 4"
        for limit in (1, 2, 3, 4, 10):
            assert _appears_with(store, "model:hub", limit) == expected[:limit]
        assert _appears_with(store, "method:b", 10) == [("method:a", 3), ("model:hub", 3), ("method:c", 2), ("method:d", 1)]
    # Kept rows are what is read: a row another tool rewrites shows (the roles are unchanged) ...
    with _other_tool(db) as conn:
        conn.execute("UPDATE cooccurrence SET papers = 99 WHERE rank = 0")
    with EmbeddedStore(db) as store:
        assert _appears_with(store, "model:hub", 2) == [("method:a", 99), ("method:b", 3)]
    # ... until an edge changes: one removed, one added (the counts of each type stay the same).
    with _other_tool(db) as conn:
        conn.execute("DELETE FROM edges WHERE type = 'MENTIONS' AND target = (SELECT id FROM nodes WHERE key = 'method:a') "
                     "AND source = (SELECT id FROM nodes WHERE key = 'paper:2402.00001')")
        conn.execute("INSERT INTO edges (type_id, source, target, props) SELECT 1, p.id, m.id, '{}' FROM nodes p, nodes m "
                     "WHERE p.key = 'paper:2402.00005' AND m.key = 'method:d'")
    live = [("method:a", 3), ("method:b", 3), ("method:c", 3), ("method:d", 2)]
    with EmbeddedStore(db) as store:
        assert _appears_with(store, "model:hub", 10) == live
        store.hub_links = 5
        store.upsert(_hub_graph(extra_papers=2))  # puts back paper 1's A; two more papers mention A, not with Hub
        store.commit()
    with EmbeddedStore(db) as store:
        assert store.sql("SELECT c.papers FROM cooccurrence c JOIN nodes n ON n.id = c.entity WHERE n.key = 'model:hub' "
                         "ORDER BY c.rank") == [(4,), (3,), (3,), (2,)], "counted again"
        assert {key for (key,) in store.sql("SELECT DISTINCT n.key FROM cooccurrence c JOIN nodes n ON n.id = c.entity")} == {
            "model:hub", "method:a"}, "method:a has 6 role edges now"
        assert _appears_with(store, "method:a", 10) == [("model:hub", 4), ("method:b", 3), ("method:c", 3), ("method:d", 1)]
        assert _appears_with(store, "model:hub", 10) == [("method:a", 4), ("method:b", 3), ("method:c", 3), ("method:d", 2)]


def test_co_occurring_entities_stay_right_when_another_tool_adds_a_role_edge(db):
    _built_with_a_hub(db)
    with _other_tool(db) as conn:
        conn.execute("INSERT INTO edges (type_id, source, target, props) SELECT 2, p.id, m.id, '{}' FROM nodes p, nodes m "
                     "WHERE p.key = 'paper:2402.00005' AND m.key = 'method:d'")
    with EmbeddedStore(db) as store:
        assert store.sql("SELECT papers FROM cooccurrence WHERE rank = 3") == [(1,)], "kept as counted"
        assert _appears_with(store, "model:hub", 10) == [("method:a", 4), ("method:b", 3), ("method:c", 3), ("method:d", 2)]


@pytest.mark.parametrize("edit, expected", [
    # another tool re-keys method:b by REPLACE (a delete and an insert that fire no UPDATE OF key)
    ("INSERT OR REPLACE INTO nodes (id, key, label, props) SELECT id, 'method:zz', label, props FROM nodes "
     "WHERE key = 'method:b'", [("method:a", 4), ("method:c", 3), ("method:zz", 3)]),
    # ... or deletes it and leaves its edges
    ("DELETE FROM nodes WHERE key = 'method:b'", [("method:a", 4), ("method:c", 3), ("method:d", 1)]),
])
def test_kept_co_occurrences_are_not_read_once_a_node_they_name_is_gone_or_re_keyed(db, edit, expected):
    _built_with_a_hub(db)
    with _other_tool(db) as conn:
        conn.execute(edit)
    with EmbeddedStore(db) as store:
        assert store.sql("SELECT count(*) FROM cooccurrence") == [(4,)], "the kept rows are still there"
        assert _appears_with(store, "model:hub", 3) == expected, "counted live"


def test_an_upgrade_counts_the_kept_co_occurrences_anew(db, monkeypatch):
    """Kept counts are derived: an upgrade drops them with their stamp and counts them again, so a
    hub is answered from kept rows from the first command after it (not live until the next build)."""
    from paperkg.store.sqlite_store import SQLiteStore

    _built_with_a_hub(db)
    with _other_tool(db) as conn:
        conn.execute("UPDATE meta SET value = '7' WHERE name = 'layout_version'")
        conn.execute("DELETE FROM cooccurrence")  # what an older layout's rows may have been: not carried over
    monkeypatch.setattr(SQLiteStore, "hub_links", 5)
    with EmbeddedStore(db) as store:
        assert dict(store.sql("SELECT name, value FROM meta"))["layout_version"] == str(LAYOUT_VERSION)
        assert is_current(store.sql) and store.sql("SELECT count(*) FROM cooccurrence") == [(4,)]
        assert _appears_with(store, "model:hub", 2) == [("method:a", 4), ("method:b", 3)]


def test_kept_co_occurrences_brought_up_to_date_with_added_papers_are_what_a_count_anew_gives(db, monkeypatch):
    """A build that only adds role edges updates the kept rows from the new edges' papers (an entity
    outside the kept ones is counted when it may catch up, one that became a hub is counted whole);
    the rows are those a count from scratch gives, ties and the limit included."""
    import random

    from paperkg.store import sqlite_cooccurrence

    monkeypatch.setattr(sqlite_cooccurrence, "COOCCURRENCE_KEPT", 3)
    updates = []
    count_added = sqlite_cooccurrence._count_added
    monkeypatch.setattr(sqlite_cooccurrence, "_count_added", lambda *args: updates.append(1) or count_added(*args))
    rng = random.Random(7)
    entities = [Node("Method", f"method:m{i}", {"name": f"M{i}", "type": "method"}) for i in range(12)]
    roles = ("USES", "MENTIONS", "COMPARES")

    def papers(first: int, count: int) -> GraphBatch:
        nodes, edges = [], []
        for n in range(first, first + count):
            paper = Node("Paper", f"paper:24{n:02d}.00001", {"title": f"Paper {n}"})
            nodes.append(paper)
            # the first entities are linked most: hubs, and a long tail that ties
            for entity in rng.sample(entities[:4], 2) + rng.sample(entities[4:], rng.randint(0, 3)):
                edges.append(Edge(rng.choice(roles), paper.key, entity.key, {}))
        return GraphBatch((*nodes, *entities), tuple(edges))

    def kept(store: EmbeddedStore) -> list[tuple]:
        return store.sql("SELECT n.key, c.rank, c.other_key, c.papers FROM cooccurrence c JOIN nodes n ON n.id = c.entity "
                         "ORDER BY 1, 2")

    store = EmbeddedStore(db, create=True)
    store.hub_links = 8
    store.upsert(papers(0, 12))
    store.commit()
    before = kept(store)
    first = 12
    for build, count in enumerate((3, 1, 6, 9, 2, 5, 1, 4, 7, 3, 2, 8)):  # each adds papers; old papers gain edges
        batch = papers(first, count)
        old = Node("Paper", f"paper:24{build % 6:02d}.00001", {"title": f"Paper {build % 6}"})
        gained = [Edge("MENTIONS", old.key, entities[(first + n) % 12].key, {}) for n in range(2)]
        store.upsert(GraphBatch((*batch.nodes, old), (*batch.edges, *gained)))
        first += count
        assert sqlite_cooccurrence._roles_added(store.sql) is not None, "only additions: brought up to date"
        store.commit()
        updated = kept(store)
        store.conn.execute("BEGIN")
        store.conn.execute("DELETE FROM meta WHERE name IN ('cooccurrence', 'cooccurrence_edges')")  # no stamp
        assert sqlite_cooccurrence.refresh(store.conn, store.hub_links) is not None, "counted anew"
        assert kept(store) == updated
        store.conn.execute("ROLLBACK")
    assert updated != before and {key for key, *_ in updated} > {key for key, *_ in before}, "rows changed, a hub came"
    assert len(updates) == 12, "every build brought the rows up to date"
    store.close()


def test_an_entity_outside_the_kept_ones_that_catches_up_on_a_tie_takes_its_place(db, monkeypatch):
    """Kept: A 9, X 4, C 3 (D 3 is left out: C's key comes first). A new paper names the hub with C
    and D: C 4, D 4, X 4, and D now comes before X."""
    from paperkg.store import sqlite_cooccurrence

    monkeypatch.setattr(sqlite_cooccurrence, "COOCCURRENCE_KEPT", 3)
    hub = Node("Model", "model:hub", {"name": "Hub", "type": "model"})
    others = {name: Node("Method", f"method:{name}", {"name": name, "type": "method"}) for name in "axcd"}
    linked = {n: ["a", *(["x"] if n < 4 else []), *(["c"] if 4 <= n <= 6 else []), *(["d"] if 5 <= n <= 7 else [])]
              for n in range(9)}
    linked[9] = ["c", "d"]

    def batch(numbers) -> GraphBatch:
        papers = [Node("Paper", f"paper:2401.{n:05d}", {"title": f"Paper {n}"}) for n in numbers]
        edges = [Edge("USES", p.key, e.key, {}) for p, n in zip(papers, numbers, strict=True)
                 for e in (hub, *(others[name] for name in linked[n]))]
        return GraphBatch((*papers, hub, *others.values()), tuple(edges))

    store = EmbeddedStore(db, create=True)
    store.hub_links = 5
    store.upsert(batch(range(9)))
    store.commit()
    assert _appears_with(store, "model:hub", 3) == [("method:a", 9), ("method:x", 4), ("method:c", 3)]
    store.upsert(batch([9]))
    assert sqlite_cooccurrence._roles_added(store.sql) is not None
    store.commit()
    assert _appears_with(store, "model:hub", 3) == [("method:a", 9), ("method:c", 4), ("method:d", 4)]
    store.close()


@pytest.mark.parametrize("edit", [
    # an existing role edge written again by REPLACE: a new id, and no delete trigger counts the old one gone
    "INSERT OR REPLACE INTO edges (type_id, source, target, props) SELECT 2, p.id, e.id, '{}' FROM nodes p, nodes e "
    "WHERE p.key = 'paper:2401.00001' AND e.key = 'dataset:a'",
    # an entity re-keyed by REPLACE with its id kept: no trigger counts it as re-keyed
    "INSERT OR REPLACE INTO nodes (id, key, label, props) SELECT id, 'dataset:0', label, props FROM nodes "
    "WHERE key = 'dataset:d'",
])
def test_a_build_after_another_tools_edit_counts_the_kept_co_occurrences_anew(db, monkeypatch, edit):
    """The kept rows are brought up to date from a build's new edges only if the graph is as the last
    count left it when the build begins: after another tool's write (even one the triggers miss), the
    next build counts them anew, as a reader counting live answers."""
    from paperkg.store import sqlite_cooccurrence

    monkeypatch.setattr(sqlite_cooccurrence, "COOCCURRENCE_KEPT", 2)
    hub = Node("Model", "model:hub", {"name": "Hub", "type": "model"})
    things = {k: Node("Dataset", f"dataset:{k}", {"name": k.upper(), "type": "dataset"}) for k in "abcd"}

    def paper(n: int, *linked: str) -> GraphBatch:
        node = Node("Paper", f"paper:2401.{n:05d}", {"title": f"Paper {n}"})
        edges = [Edge("USES", node.key, hub.key, {}), *(Edge("USES", node.key, things[k].key, {}) for k in linked)]
        return GraphBatch((node, hub, *things.values()), tuple(edges))

    store = EmbeddedStore(db, create=True)
    store.hub_links = 2
    store.upsert(paper(1, "a", "b", "c", "d"))
    store.upsert(paper(2))
    store.commit()
    store.close()
    with _other_tool(db) as conn:
        conn.execute(edit)
    with EmbeddedStore(db) as store:
        store.hub_links = 2
        store.upsert(paper(3, "b"))
        store.commit()
        live = [(key, papers) for key, _, _, papers in store.sql(sqlite_cooccurrence.COUNT_SQL, ("model:hub", 2))]
        assert _appears_with(store, "model:hub", 2) == live


def test_kept_co_occurrences_are_counted_anew_when_the_rows_kept_per_hub_change(db, monkeypatch):
    """A version that keeps another number of rows per hub counts every hub anew at its first build
    (the rows kept are stamped with the hub links), not from rows kept under the old number."""
    from paperkg.store import sqlite_cooccurrence

    monkeypatch.setattr(sqlite_cooccurrence, "COOCCURRENCE_KEPT", 5)
    _built_with_a_hub(db)
    monkeypatch.setattr(sqlite_cooccurrence, "COOCCURRENCE_KEPT", 2)
    with EmbeddedStore(db) as store:
        store.hub_links = 5
        store.upsert(_hub_graph(extra_papers=2))
        store.commit()
        kept = store.sql("SELECT count(*) FROM cooccurrence c JOIN nodes n ON n.id = c.entity WHERE n.key = 'model:hub'")
        assert kept == [(2,)]
        live = [(key, papers) for key, _, _, papers in store.sql(sqlite_cooccurrence.COUNT_SQL, ("model:hub", 2))]
        assert _appears_with(store, "model:hub", 2) == live


# Catalog questions asked of an upgraded store and of one built afresh (the layout-11 fixture's graph).
LAYOUT_11_QUERIES = (
    *AUTHOR_QUERIES,
    ("papers_by_entity", {"keys": ["dataset:gsm8k"], "roles": [], "limit": 20}),
    ("top_entities", {"type": "dataset", "limit": 20}),
    ("top_cited_papers", {"limit": 10}),
    ("cites", {"key": "paper:2401.00202", "limit": 10}),
)


def test_a_real_layout_11_store_codes_its_edge_types_and_confidences(db, tmp_path, runner, caplog):
    """tests/data/store_layout11.sqlite: `kg build tests/data/dated_papers.jsonl tests/data/own_ids.jsonl` by the
    layout-11 code (commit bf610af, with today's not_entities lines for "scaling laws"); here one confidence is
    then given more places than ten-thousandths keep.
    Upgraded in place (layout 12: type codes, confidences in ten-thousandths), every edge keeps its id, type,
    ends and properties, and the store answers as one built afresh from the same files."""
    from tests.conftest import run_kg

    db.mkdir()
    path = db / "graph.sqlite"
    shutil.copy(DATA / "store_layout11.sqlite", path)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE edges SET confidence = 0.123456789 WHERE id = (SELECT min(id) FROM edges WHERE type = 'USES')")
    conn.close()
    assert _raw(path, "SELECT value FROM meta WHERE name = 'layout_version'") == [("11",)]
    edges_before = _raw(path, "SELECT id, type, source, target FROM edges ORDER BY id")
    confidences_before = _raw(path, "SELECT e.id, e.confidence FROM edges e WHERE e.confidence IS NOT NULL ORDER BY e.id")
    assert 0.123456789 in dict(confidences_before).values()
    fresh = tmp_path / "fresh"
    run_kg(runner, "build", str(DATA / "dated_papers.jsonl"), str(DATA / "own_ids.jsonl"), "--db", str(fresh), "-q")
    with caplog.at_level("WARNING"), EmbeddedStore(db) as store, EmbeddedStore(fresh) as built:
        assert dict(store.sql("SELECT name, value FROM meta"))["layout_version"] == str(LAYOUT_VERSION)
        assert store.sql("SELECT id, type, source, target FROM edges ORDER BY id") == edges_before
        ids = dict(store.sql("SELECT e.id, s.key || ' ' || e.type || ' ' || t.key FROM edges e "
                             "JOIN nodes s ON s.id = e.source JOIN nodes t ON t.id = e.target"))
        by_edge = {f"{s} {t} {o}": props for (t, s, o), props in store.dump().edges.items()}
        assert {edge_id: by_edge[ids[edge_id]].get("confidence") for edge_id, _ in confidences_before} == dict(confidences_before)
        assert store.sql("SELECT json_extract(props, '$.confidence') FROM edges WHERE confidence_e4 IS NULL "
                         "AND json_extract(props, '$.confidence') IS NOT NULL") == [(0.123456789,)]
        assert _stored(store) == _recounted(store)
        upgraded, afresh = _source_files_only(store.dump()), _source_files_only(built.dump())
        misfit = next(k for k, v in upgraded[1].items() if v.get("confidence") == 0.123456789)
        upgraded[1][misfit]["confidence"] = afresh[1][misfit]["confidence"]
        assert upgraded == afresh and store.counts() == built.counts()
        for name, params in LAYOUT_11_QUERIES:
            assert _source_files_only(run_query(store, name, params)) == _source_files_only(run_query(built, name, params)), name
    assert [r for r in caplog.records if "upgrading" in r.getMessage()], "a one-line notice"


def test_a_real_layout_12_store_compresses_its_abstracts_with_a_dictionary_and_derives_paper_properties(
        db, tmp_path, runner, caplog):
    """tests/data/store_layout12.sqlite: `kg build tests/data/dated_papers.jsonl tests/data/own_ids.jsonl
    tests/data/many_abstracts.jsonl` by the layout-12 code (commit b255ab3, with today's not_entities lines for
    "scaling laws"; 71 papers, 42 KB of abstracts). Upgraded in place (layout 13), every abstract is compressed
    again with a dictionary made of the file's own abstracts,
    papers keep no arxiv_id or month they derive, every node reads back the same properties in the same order,
    and the store answers as one built afresh from the same files."""
    from tests.conftest import run_kg

    db.mkdir()
    path = db / "graph.sqlite"
    shutil.copy(DATA / "store_layout12.sqlite", path)
    assert _raw(path, "SELECT value FROM meta WHERE name = 'layout_version'") == [("12",)]
    query = "SELECT id, key, label, props, abstract_z, abstract_size FROM nodes ORDER BY id"
    before = _raw(path, query)
    nodes_before = _decoded_nodes(before)
    edges_before = _raw(path, "SELECT * FROM edges ORDER BY id")
    fresh = tmp_path / "fresh"
    files = [str(DATA / name) for name in ("dated_papers.jsonl", "own_ids.jsonl", "many_abstracts.jsonl")]
    run_kg(runner, "build", *files, "--db", str(fresh), "-q")
    with caplog.at_level("WARNING"), EmbeddedStore(db) as store, EmbeddedStore(fresh) as built:
        assert dict(store.sql("SELECT name, value FROM meta"))["layout_version"] == str(LAYOUT_VERSION)
        after = store.sql(query)
        assert _decoded_nodes(after) == nodes_before, "the same properties in the same order"
        assert store.sql("SELECT * FROM edges ORDER BY id") == edges_before
        [(dict_id, made)] = store.sql("SELECT id, made FROM abstract_dictionaries")
        assert "upgrade" in made and built.sql("SELECT count(*) FROM abstract_dictionaries") == [(1,)]
        papers = [(row, old) for row, old in zip(after, before, strict=True) if row[2] == "Paper" and row[4] is not None]
        packed = [row for row, _ in papers if len(row[4]) < row[5]]
        assert packed and all(dictionary_id(row[4]) == dict_id for row in packed)
        assert sum(len(row[4]) for row, _ in papers) < 0.9 * sum(len(old[4]) for _, old in papers)
        props = [json.loads(row[3]) for row, _ in papers]
        assert all("arxiv_id" not in p and "month" not in p and p["stub"] == 0 for p in props if p.get("stub") is not True)
        assert _stored(store) == _recounted(store)
        assert _source_files_only(store.dump()) == _source_files_only(built.dump()) and store.counts() == built.counts()
        for name, params in (*LAYOUT_11_QUERIES, ("papers_by_title", {"words": ["ember"], "limit": 5}),
                             ("entity_months", {"keys": ["dataset:gsm8k", "model:gpt-4o"]})):
            assert _source_files_only(run_query(store, name, params)) == _source_files_only(run_query(built, name, params)), name
        assert store.papers_with_names(["GSM8K"]) == built.papers_with_names(["GSM8K"]), "the full-text index as it was"
    assert [r for r in caplog.records if "upgrading" in r.getMessage()], "a one-line notice"


def test_a_papers_derived_properties_come_back_in_their_place_or_stay_stored(db):
    """Layout 13: arxiv_id and month are left out of props only where they come back exactly, in their place."""
    usual = Node("Paper", "paper:2402.00001", {"title": "A", "norm_title": "a", "arxiv_id": "2402.00001",
                                               "published": "2024-03-01", "month": "2024-03", "sources": ["x:1"], "stub": False})
    undated = Node("Paper", "paper:2402.00002", {"title": "B", "norm_title": "b", "arxiv_id": "2402.00002",
                                                 "month": "2024-02", "stub": False})
    other_month = Node("Paper", "paper:2402.00003", {"title": "C", "arxiv_id": "2402.00003", "month": "2023-12", "stub": False})
    reordered = Node("Paper", "paper:2402.00004", {"title": "D", "stub": False, "arxiv_id": "2402.00004", "month": "2024-02"})
    titled = Node("Paper", "paper:t-0123456789abcdef", {"title": "E", "norm_title": "e", "stub": False})
    stub = Node("Paper", "paper:2402.00005", {"title": "F", "arxiv_id": "2402.00005", "month": "2024-02", "stub": True})
    foreign = Node("Paper", "paper:2402.00006", {"title": "G", "stub": 0})
    nodes = (usual, undated, other_month, reordered, titled, stub, foreign)
    _write(db, GraphBatch(nodes, ())).close()
    with EmbeddedStore(db) as store:
        raw = {key: json.loads(props) for key, props in store.sql("SELECT key, props FROM nodes")}
        assert raw[usual.key] == {"title": "A", "norm_title": "a", "published": "2024-03-01", "sources": ["x:1"], "stub": 0}
        assert raw[undated.key] == {"title": "B", "norm_title": "b", "stub": 0} and raw[titled.key]["stub"] == 0
        for kept in (other_month, reordered, stub):
            assert raw[kept.key] == dict(kept.props)
        found = store.nodes("Paper", [n.key for n in nodes])
        for node in nodes[:-1]:
            assert list(found[node.key].items()) == list(node.props.items()), node.key
        assert found[foreign.key] == {"title": "G", "arxiv_id": "2402.00006", "month": "2024-02", "stub": False}, (
            "props with stub 0 are read as kg writes them")
        months = dict(store.sql(f"SELECT key, {month_sql('nodes')} FROM nodes"))
        assert {key: months[key] for key in found} == {key: props.get("month") for key, props in found.items()}


def test_a_paper_re_keyed_keeps_its_properties_not_those_its_new_key_would_derive(db):
    """Layout 13 derives arxiv_id and month from a paper's key: a paper given another key (merge_nodes) is stored
    again under it, with exactly the properties it had."""
    titled = Node("Paper", "paper:t-0123456789abcdef", {"title": "E", "norm_title": "e", "sources": ["x:1"], "stub": False})
    _write(db, GraphBatch((titled,), ())).close()
    with EmbeddedStore(db) as store:
        store.merge_nodes({titled.key: "paper:1907.11692"})
        store.commit()
        assert list(store.nodes("Paper", ["paper:1907.11692"])["paper:1907.11692"].items()) == list(titled.props.items())
        assert _stored(store) == _recounted(store)


def test_a_first_build_leaves_its_file_packed(db, runner):
    """Layout 12: a first build ends with the full-text indexes merged and the file written packed (VACUUM)."""
    from tests.conftest import run_kg

    run_kg(runner, "build", str(DATA / "dated_papers.jsonl"), str(DATA / "own_ids.jsonl"), "--db", str(db), "-q")
    path = db / "graph.sqlite"
    assert _raw(path, "PRAGMA freelist_count") == [(0,)]
    # The merged full-text index still finds its papers.
    with EmbeddedStore(db) as store:
        assert store.sql("SELECT count(*) FROM paper_text WHERE paper_text MATCH 'gsm8k'")[0][0] > 0


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to see the files a statement opens")
def test_a_first_builds_pack_copies_the_store_through_a_temporary_file_not_memory(db, monkeypatch):
    """VACUUM's copy of the whole store (2.9 GB at a million papers) goes to a temporary file, with a
    page cache smaller than the store: held in memory, on top of the build's 1 GB cache, it was most
    of a million-paper build's peak memory. SQLite opens the file only when its cache spills (a cache
    of two pages here, the store being small) and unlinks it as it opens it: it is seen as an open
    descriptor to a deleted file while the pack runs."""
    monkeypatch.setattr(sqlite_store, "PACK_CACHE_KB", 16)
    store = EmbeddedStore(db, create=True)
    store.upsert(GraphBatch(nodes=[PAPER, REPO, MODEL], edges=[LINK]))
    temporary: set[str] = set()

    def look() -> int:
        for fd in Path("/proc/self/fd").iterdir():
            with contextlib.suppress(OSError):
                target = os.readlink(fd)
                if target.endswith("(deleted)") and "etilqs_" in target:
                    temporary.add(target)
        return 0  # go on

    store.conn.set_progress_handler(look, 20)
    try:
        store.commit()
    finally:
        store.conn.set_progress_handler(None, 0)
    assert temporary, "the pack held its copy of the store in memory"
    # Readers' sorts and temporary indexes stay in memory afterwards.
    assert store.sql("PRAGMA temp_store") == [(2,)]
    assert _raw(db / "graph.sqlite", "PRAGMA freelist_count") == [(0,)]
    store.close()
