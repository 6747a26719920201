"""`kg export`: GraphML and GEXF read back by networkx, CSV by the csv module, and the Neo4j
import files loaded by the real neo4j-admin (from the Neo4j 5.26 jars) into a real Neo4j."""

from __future__ import annotations

import csv
import json
import os
import subprocess
from pathlib import Path

import networkx as nx
import pytest

from paperkg.store.embedded import EmbeddedStore
from tests.conftest import neo4j_server_module, neo4j_unavailable, run_kg


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The bundled corpus in an embedded store (built once for this module)."""
    from click.testing import CliRunner

    db = tmp_path_factory.mktemp("export") / "store"
    run_kg(CliRunner(), "build", "--db", str(db), "-q")
    return db


@pytest.fixture(scope="module")
def dump(built):
    with EmbeddedStore(built) as store:
        return store.dump()


def test_graphml_reads_back_with_every_node_edge_and_property(runner, built, dump, tmp_path):
    path = tmp_path / "kg.graphml"
    result = run_kg(runner, "export", "--db", str(built), "--format", "graphml", "-o", str(path))
    assert f"wrote {len(dump.nodes)} nodes and {len(dump.edges)} relationships as graphml" in result.output
    graph = nx.read_graphml(path)
    assert graph.number_of_nodes() == len(dump.nodes) and graph.number_of_edges() == len(dump.edges)
    label, props = dump.nodes["paper:t-8b44112fefd88221"]
    node = graph.nodes["paper:t-8b44112fefd88221"]
    assert node["kind"] == label == "Paper" and node["label"] == props["title"] == node["title"]
    assert json.loads(node["sources"]) == props["sources"] and node["stub"] is False
    typed = {(d["type"], s, t): d for s, t, d in graph.edges(data=True)}
    assert set(typed) == set(dump.edges)
    some = next(ident for ident, p in dump.edges.items() if "confidence" in p)
    assert typed[some]["confidence"] == dump.edges[some]["confidence"] and typed[some]["evidence"] == dump.edges[some]["evidence"]


def test_gexf_reads_back(runner, built, dump, tmp_path):
    path = tmp_path / "kg.gexf"
    run_kg(runner, "export", "--db", str(built), "--format", "gexf", "-o", str(path))
    graph = nx.read_gexf(path)
    assert graph.number_of_nodes() == len(dump.nodes) and graph.number_of_edges() == len(dump.edges)
    roberta = next(k for k, (label, p) in dump.nodes.items() if label == "Model" and p.get("name") == "RoBERTa")
    assert graph.nodes[roberta]["label"] == "RoBERTa" and graph.nodes[roberta]["kind"] == "Model"


def test_csv_has_one_file_per_label_and_type_with_every_row(runner, built, dump, tmp_path):
    folder = tmp_path / "csv"
    run_kg(runner, "export", "--db", str(built), "--format", "csv", "-o", str(folder))
    rows = {}
    for path in sorted(folder.glob("*.csv")):
        with path.open(newline="", encoding="utf-8") as handle:
            rows[path.stem] = list(csv.DictReader(handle))
    labels = {label for label, _ in dump.nodes.values()}
    types = {t for t, _, _ in dump.edges}
    assert set(rows) == {f"nodes_{label}" for label in labels} | {f"edges_{t}" for t in types}
    assert sum(len(v) for k, v in rows.items() if k.startswith("nodes_")) == len(dump.nodes)
    assert sum(len(v) for k, v in rows.items() if k.startswith("edges_")) == len(dump.edges)
    cites = {(r["source"], r["target"]): r for r in rows["edges_CITES"]}
    for (t, s, target), props in dump.edges.items():
        if t == "CITES":
            assert cites[(s, target)]["via"] == props.get("via", "")


def test_output_kind_is_checked(runner, built, tmp_path):
    afile = tmp_path / "a.txt"
    afile.write_text("x")
    result = run_kg(runner, "export", "--db", str(built), "--format", "csv", "-o", str(afile), expect=2)
    assert "is a file; --format csv writes a folder" in result.output
    result = run_kg(runner, "export", "--db", str(built), "--format", "graphml", "-o", str(tmp_path), expect=2)
    assert "is a folder; --format graphml writes one file" in result.output


@pytest.mark.neo4j
@pytest.mark.slow
def test_neo4j_import_files_load_with_neo4j_admin_into_the_graph_the_online_writer_writes(
    runner, built, dump, tmp_path, neo4j_store, neo4j_uri
):
    folder = tmp_path / "neo4j-import"
    result = run_kg(runner, "export", "--db", str(built), "--format", "neo4j-import", "-o", str(folder))
    assert "neo4j-admin database import full neo4j --overwrite-destination" in result.output
    module = neo4j_server_module()
    try:
        lib = module.fetch_jars()
    except module.Neo4jUnavailable as exc:
        neo4j_unavailable(str(exc))
    home = tmp_path / "home"
    (home / "conf").mkdir(parents=True)
    (home / "conf" / "neo4j.conf").write_text("")
    # The script as written, with neo4j-admin being the jars' AdminTool (what the neo4j-admin
    # launcher of a Neo4j installation runs).
    admin = tmp_path / "neo4j-admin"
    admin.write_text(f'#!/bin/sh\nexec java {" ".join(module.JVM_FLAGS)} -cp "{lib}/*" org.neo4j.cli.AdminTool "$@"\n')
    admin.chmod(0o755)
    env = {**os.environ, "NEO4J_ADMIN": str(admin), "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")}
    # neo4j-admin writes import.report into the working folder
    imported = subprocess.run(["bash", str(folder / "import.sh")], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert imported.returncode == 0, imported.stdout[-3000:] + imported.stderr[-3000:]
    assert f"{len(dump.edges)} relationships" in imported.stdout

    from paperkg.store.neo4j_store import Neo4jStore

    server = module.start(home=home)
    try:
        import neo4j

        with neo4j.GraphDatabase.driver(server.uri) as driver:
            for statement in (folder / "schema.cypher").read_text().split(";\n"):
                statement = "\n".join(line for line in statement.splitlines() if not line.startswith("//")).strip()
                if statement:
                    driver.execute_query(statement)
        with Neo4jStore(server.uri) as store:
            from_import = store.dump()
            # a later incremental build goes online on top of the imported graph
            assert store.count_papers() == 670
    finally:
        server.stop()
    run_kg(runner, "build", "--neo4j", neo4j_uri, "-q")  # the online writer, on the session's server
    online = neo4j_store.dump()
    assert from_import.nodes == online.nodes == dump.nodes
    assert from_import.edges == online.edges == dump.edges
    # exports read Neo4j as they read the embedded store: the same files, row for row
    for args, name in ((["--neo4j", neo4j_uri], "from_neo4j"), (["--db", str(built)], "from_embedded")):
        run_kg(runner, "export", *args, "--format", "csv", "-o", str(tmp_path / name))
    exported = {}
    for name in ("from_neo4j", "from_embedded"):
        exported[name] = {p.name: sorted(p.read_text(encoding="utf-8").splitlines()) for p in (tmp_path / name).glob("*.csv")}
    assert exported["from_neo4j"] == exported["from_embedded"]
