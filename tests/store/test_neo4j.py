"""The Neo4j store against a real Neo4j 5.26: schema, idempotent loads, errors, parity."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from paperkg.errors import StoreError
from paperkg.model import SCHEMA, SCHEMA_VERSION
from paperkg.store.embedded import EmbeddedStore
from paperkg.store.neo4j_store import Neo4jStore
from tests.conftest import SAMPLES, neo4j_server_module, neo4j_unavailable, run_kg

pytestmark = pytest.mark.neo4j


def _neo4j_args(uri: str) -> list[str]:
    return ["--neo4j", uri, "-q"]


def _dump(uri: str, password: str | None = None):
    with Neo4jStore(uri, password=password) as store:
        return store.dump()


def test_schema_is_created_idempotently_with_a_version(neo4j_store):
    neo4j_store.ensure_schema()
    neo4j_store._schema_ready = False
    neo4j_store.ensure_schema()
    constraints = neo4j_store.run_cypher("SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type RETURN *")
    unique_keys = {c["labelsOrTypes"][0] for c in constraints if c["properties"] == ["key"] and "UNIQUE" in c["type"]}
    assert set(SCHEMA.labels) <= unique_keys
    indexes = {i["name"]: i["type"] for i in neo4j_store.run_cypher("SHOW INDEXES YIELD name, type RETURN *")}
    assert indexes["paper_text"] == "FULLTEXT" and indexes["entity_names"] == "FULLTEXT"
    assert {"model_name", "dataset_name", "method_name", "paper_norm_title"} <= set(indexes)
    assert neo4j_store.run_cypher("MATCH (m:KGMeta {key: 'schema'}) RETURN m.version AS v") == [{"v": SCHEMA_VERSION}]


def test_graph_of_another_schema_version_is_refused(neo4j_store, neo4j_uri):
    neo4j_store.ensure_schema()
    neo4j_store.run_cypher("MATCH (m:KGMeta {key: 'schema'}) SET m.version = 999", write=True)
    with pytest.raises(StoreError, match="schema version 999"):
        Neo4jStore(neo4j_uri)


def test_building_twice_changes_no_count_and_keeps_relationship_properties(runner, neo4j_store, neo4j_uri):
    first = run_kg(runner, "build", *_neo4j_args(neo4j_uri))
    assert "new 670" in first.output
    before = neo4j_store.dump()
    second = run_kg(runner, "build", *_neo4j_args(neo4j_uri))
    assert "new 0, updated 0, unchanged 670" in second.output
    after = neo4j_store.dump()
    assert after == before
    survey_repo = next(p for (t, s, _), p in after.edges.items() if t == "HAS_REPO" and "withinmiaov" in _)
    assert survey_repo["evidence"].startswith("To facilitate ongoing updates")
    assert survey_repo["rule"] and survey_repo["confidence"] > 0.9 and survey_repo["sources"]
    assert survey_repo["end"] > survey_repo["start"]


def test_adding_a_file_adds_only_what_is_new(runner, neo4j_store, neo4j_uri):
    run_kg(runner, "build", *_neo4j_args(neo4j_uri), str(SAMPLES / "000_87e1f5f5e62356ea.txt"))
    papers_before = neo4j_store.counts().labels["Paper"]
    result = run_kg(runner, "build", *_neo4j_args(neo4j_uri), str(SAMPLES / "004_5da143efda97e8e8.txt"))
    papers_after = neo4j_store.counts().labels["Paper"]
    added = papers_after - papers_before
    assert f"new {added}, updated {62 - added}" in result.output


def test_bundled_corpus_gives_the_same_graph_in_both_stores(runner, neo4j_store, neo4j_uri, db, pointer_networks_jsonl):
    extra = pointer_networks_jsonl
    for args in (["--db", str(db), "-q"], _neo4j_args(neo4j_uri)):
        run_kg(runner, "build", *args)
        run_kg(runner, "build", *args, str(extra))  # merges a title-keyed paper into its arXiv key
    embedded = EmbeddedStore(db).dump()
    neo4j = neo4j_store.dump()
    assert EmbeddedStore(db).counts() == neo4j_store.counts()
    assert embedded.neighbourhoods() == neo4j.neighbourhoods()
    assert embedded.nodes == neo4j.nodes
    assert embedded.edges == neo4j.edges
    assert "paper:1506.03134" in neo4j.nodes


def test_unreachable_server_is_one_line_and_exit_3(runner, db):
    module = neo4j_server_module()
    port = module.free_port()
    result = run_kg(runner, "stats", "--neo4j", f"bolt://127.0.0.1:{port}", expect=3)
    assert result.output.count("\n") == 1
    assert f"Neo4j is not reachable at bolt://127.0.0.1:{port}" in result.output and "docker compose up -d" in result.output


# ---------------------------------------------------------------------------------------------
# A second server with a password, stopped in the middle of a load
# ---------------------------------------------------------------------------------------------

PASSWORD = "test-password-8c1f"


@pytest.fixture(scope="module")
def auth_server(tmp_path_factory):
    if os.environ.get("KG_TEST_NEO4J_URI") and not os.environ.get("CI"):
        pytest.skip("uses a server of its own; unset KG_TEST_NEO4J_URI to run it")
    module = neo4j_server_module()
    home = tmp_path_factory.mktemp("neo4j-auth")
    try:
        server = module.start(home=home, password=PASSWORD)
    except module.Neo4jUnavailable as exc:
        neo4j_unavailable(str(exc))
    yield module, server
    server.stop()


def test_wrong_password_is_one_line_without_the_password(runner, auth_server):
    _, server = auth_server
    result = run_kg(runner, "stats", "--neo4j", server.uri, expect=3, env={"KG_NEO4J_PASSWORD": "not-the-password"})
    assert "refused the credentials of user 'neo4j'" in result.output and "KG_NEO4J_PASSWORD" in result.output
    assert "not-the-password" not in result.output and result.output.count("\n") == 1


def test_load_interrupted_by_a_stopped_server_finishes_the_same_when_re_run(runner, auth_server, db, tmp_path):
    module, server = auth_server
    run_kg(runner, "build", "--db", str(db), "-q")
    expected = EmbeddedStore(db).dump()

    env = {**os.environ, "KG_NEO4J_PASSWORD": PASSWORD, "KG_NEO4J_BATCH_SIZE": "25"}
    command = [sys.executable, "-m", "paperkg", "build", "--neo4j", server.uri, "-q"]
    load = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with Neo4jStore(server.uri, password=PASSWORD) as watcher:
        deadline = time.monotonic() + 120
        while watcher.counts().labels.get("Paper", 0) < 100:
            assert load.poll() is None, f"load ended before it could be interrupted: {load.communicate()}"
            assert time.monotonic() < deadline
            time.sleep(0.05)
    server.kill()
    out, err = load.communicate(timeout=120)
    assert load.returncode == 3, (out, err)
    assert err.count("\n") == 1 and "lost the connection to Neo4j" in err and "re-run" in err
    assert PASSWORD not in out + err

    restarted = module.start(home=server.home, port=int(server.uri.rsplit(":", 1)[1]), password=PASSWORD)
    server.process, server.output = restarted.process, restarted.output
    partial = _dump(server.uri, PASSWORD)
    assert 0 < len(partial.nodes) < len(expected.nodes)
    rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert _dump(server.uri, PASSWORD) == expected
