"""The Python API (paperkg.KnowledgeGraph): the CLI's questions as records, on both stores alike,
a view drawn inline in Jupyter, and an `import paperkg` that loads nothing heavy."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from paperkg import GraphPage, KnowledgeGraph, PaperRows
from paperkg.errors import QueryError, StoreError
from tests.conftest import DATA, run_kg

DATED = DATA / "dated_papers.jsonl"
OWN_IDS = DATA / "own_ids.jsonl"
TINYROUTE = "TinyRoute: Sparse Routers for Small Mixtures"
CURRICULUM = "Curriculum Rewards for Tiny Reasoners"
MATHSTAR = "MathStar: Small Models that Reason"


def test_import_paperkg_loads_no_heavy_library():
    code = (
        "import sys, paperkg; paperkg.KnowledgeGraph; "
        "print(sorted(m for m in ('spacy', 'neo4j', 'pyvis', 'networkx', 'click') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_reading_a_graph_that_was_never_built_says_to_build(tmp_path):
    with pytest.raises(StoreError, match="run `kg build` first"):
        KnowledgeGraph(tmp_path / "none").stats()


@pytest.fixture(params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def graph(request, tmp_path) -> KnowledgeGraph:
    """dated_papers.jsonl and own_ids.jsonl built through the API into a fresh store."""
    neo4j_store = None
    if request.param == "embedded":
        opened = KnowledgeGraph(tmp_path / "store")
    else:
        neo4j_store = request.getfixturevalue("neo4j_store")  # an empty database
        opened = KnowledgeGraph.neo4j(request.getfixturevalue("neo4j_uri"), password=os.environ.get("KG_TEST_NEO4J_PASSWORD"))
    summary = opened.build([DATED, OWN_IDS])
    assert (summary.read, summary.distinct, summary.new) == (13, 11, 11)
    if neo4j_store is not None:
        neo4j_store.run_cypher("CALL db.awaitIndexes(300)")  # the full-text index `search` asks
    return opened


def answers(graph: KnowledgeGraph) -> dict:
    """One answer to every question the API asks, as plain data (JSON round trip: nothing but
    dicts, lists, strings, numbers and None)."""
    related = graph.related("acme-0001", limit=5)
    cites = graph.cites("AcMe03xYz")
    results = graph.results("acme-0004")
    board = graph.leaderboard("GSM8K")
    trend = graph.trends("GSM8K", "MMLU")
    found = {
        "stats": graph.stats(),
        "paper": graph.paper("10.5555/acme.2024.0005"),
        "papers": graph.papers("tiny"),
        "by_entity": graph.papers_by_entity("GSM8K", type="dataset", role="evaluates_on"),
        "by_entity_roles": graph.papers_by_entity("MMLU", role=["evaluates_on", "uses"], limit=3),
        "by_author": graph.papers_by_author("A. Author", limit=3),
        "entity": graph.entity("MathStar"),
        "related": [related.paper["key"], list(related)],
        "cites": [cites.paper["key"], list(cites)],
        "cited_by": list(graph.cited_by("acme-0001")),
        "results": [results.paper["key"], list(results)],
        "search": sorted(r["key"] for r in graph.search("reasoners", limit=50)),  # scores differ by store
        "top": graph.top("dataset", limit=3),
        "top_papers": graph.top("paper", limit=3),
        "path": graph.path("acme-0001", "MMLU"),
        "citation_path": graph.path("AcMe03xYz", "acme-0001", citations=True),
        "query": graph.query("top_entities", type="dataset", limit=3),
        "query_text": graph.query("top_entities", {"type": "dataset", "limit": "3"}),
        "leaderboard": [list(board.datasets), [dict(r) for r in board.rows]],
        "trends": [list(trend.months), [s.key for s in trend.series]],
    }
    return json.loads(json.dumps(found))


def test_the_api_answers_every_question_with_plain_records(graph):
    found = answers(graph)
    assert found["stats"][0] == {"what": "papers", "name": "", "count": 11}
    assert found["paper"]["key"] == "paper:2401.00202" and found["paper"]["ids"] == ["acme-0005", "10.5555/acme.2024.0005"]
    assert TINYROUTE in {r["title"] for r in found["papers"]}
    assert found["by_entity"] and {r["role"] for r in found["by_entity"]} == {"evaluates_on"}
    assert len(found["by_entity_roles"]) == 3 and {r["role"] for r in found["by_entity_roles"]} <= {"evaluates_on", "uses"}
    assert found["entity"]["type"] == "model" and [p["title"] for p in found["entity"]["introduced_by"]] == [MATHSTAR]
    assert found["related"][1] and found["related"][0].startswith("paper:t-")
    assert [r["title"] for r in found["cites"][1]] == [TINYROUTE]
    assert [r["title"] for r in found["cited_by"]] == [CURRICULUM]
    assert found["results"][0] == "paper:2401.00101" and {r["dataset"] for r in found["results"][1]} == {"GSM8K", "MMLU"}
    assert found["search"] and len(found["top"]) == 3 and found["query"] == found["query_text"] == found["top"]
    assert found["path"][-1]["to"] == "MMLU [dataset:mmlu]" and len(found["citation_path"]) == 1
    assert found["leaderboard"][0] == ["GSM8K"] and found["leaderboard"][1][0]["rank"] == 1
    assert found["trends"][1] == ["dataset:gsm8k", "dataset:mmlu"]
    assert {q["name"] for q in graph.queries()} >= {"papers_by_id", "top_entities"}


def test_unknown_names_raise_the_error_the_cli_prints(graph):
    with pytest.raises(QueryError, match="no model named 'MathStarr'"):
        graph.papers_by_entity("MathStarr", type="model")
    with pytest.raises(QueryError, match="no paper matches"):
        graph.related("no such paper title anywhere")


@pytest.mark.neo4j
def test_both_stores_give_the_api_the_same_answers(tmp_path, neo4j_store, neo4j_uri):
    embedded = KnowledgeGraph(tmp_path / "store")
    in_neo4j = KnowledgeGraph.neo4j(neo4j_uri, password=os.environ.get("KG_TEST_NEO4J_PASSWORD"))
    for opened in (embedded, in_neo4j):
        opened.build([DATED, OWN_IDS])
    neo4j_store.run_cypher("CALL db.awaitIndexes(300)")
    assert answers(in_neo4j) == answers(embedded)
    assert in_neo4j.view(paper="acme-0001") == embedded.view(paper="acme-0001")
    since_may = sum(row["papers"] for row in embedded.query("papers_per_month") if row["month"] >= "2024-05")
    assert since_may and in_neo4j.cypher("MATCH (p:Paper) WHERE p.month >= $m RETURN count(p) AS n", {"m": "2024-05"}) == [
        {"n": since_may}]
    with pytest.raises(QueryError, match="this query writes"):
        in_neo4j.cypher("MATCH (p:Paper) DETACH DELETE p")
    with pytest.raises(QueryError, match="raw Cypher needs Neo4j"):
        embedded.cypher("MATCH (p) RETURN p")


def test_the_cli_prints_what_the_api_returns(graph, runner):
    config = graph.config
    store_args = ["--neo4j", config.neo4j_uri] if config.uses_neo4j else ["--db", str(config.db)]

    def cli(*args: str):
        return json.loads(run_kg(runner, *args, *store_args, "--json").output)

    assert cli("related", "acme-0001") == list(graph.related("acme-0001"))
    assert cli("cited-by", "acme-0001") == list(graph.cited_by("acme-0001"))
    assert cli("papers", "--dataset", "GSM8K", "--role", "evaluates_on") == graph.papers_by_entity(
        "GSM8K", type="dataset", role="evaluates_on")
    assert cli("entity", "MathStar") == json.loads(json.dumps(graph.entity("MathStar")))
    assert cli("query", "top_entities", "--param", "type=model", "--param", "limit=4") == graph.query(
        "top_entities", type="model", limit=4)
    assert cli("stats") == graph.stats()


def test_view_is_the_page_kg_viz_writes_and_shows_inline(graph, runner, tmp_path):
    page = graph.view(paper="acme-0001", height=500)
    assert isinstance(page, GraphPage) and isinstance(page, str) and page.startswith("<!DOCTYPE html>")
    assert page.nodes >= 2 and page.heading == TINYROUTE
    written = tmp_path / "cli.html"
    config = graph.config
    store_args = ["--neo4j", config.neo4j_uri] if config.uses_neo4j else ["--db", str(config.db)]
    run_kg(runner, "viz", "--paper", "acme-0001", "-o", str(written), *store_args)
    assert written.read_text(encoding="utf-8") == page
    assert page.save(tmp_path / "api.html").read_text(encoding="utf-8") == page
    inline = page._repr_html_()
    assert inline.startswith("<iframe") and 'sandbox="allow-scripts' in inline and "height: 500px" in inline
    assert "<script" not in inline and "&lt;script" in inline  # the page travels escaped, in srcdoc
    from IPython.core.formatters import DisplayFormatter  # pyvis depends on IPython

    shown, _ = DisplayFormatter().format(page)
    assert shown["text/html"] == inline
    entity = graph.view(entity="GSM8K")
    assert "GSM8K" in entity.heading and entity.nodes > 3
    assert graph.view(query="papers_by_entity", params={"keys": "dataset:gsm8k", "roles": "", "limit": "5"}).nodes > 1
    with pytest.raises(ValueError, match="one view at a time"):
        graph.graph_view(paper="acme-0001", entity="GSM8K")


def test_paper_rows_are_a_list_with_the_paper_they_are_about(graph):
    rows = graph.results("2401.00101")
    assert isinstance(rows, PaperRows) and isinstance(rows, list) and rows.paper["title"] == MATHSTAR
    assert rows == graph.results("acme-0004")


@pytest.mark.browser
def test_inline_view_draws_in_a_browser_inside_its_iframe(browser, graph, tmp_path):
    from tools.headless import PageReport

    page = graph.view(entity="GSM8K")
    host = tmp_path / "notebook.html"
    host.write_text(f"<!DOCTYPE html><html><body><h1>a notebook cell</h1>{page._repr_html_()}</body></html>",
                    encoding="utf-8")
    report = PageReport()
    tab, url = browser._watched_page(host, report)
    try:
        tab.goto(url, wait_until="load")
        frame = tab.query_selector("iframe").content_frame()
        frame.wait_for_function("() => window.kgViz && window.kgViz.stabilizedMs !== null", timeout=60_000)
        drawn = frame.evaluate("() => [window.kgViz.nodes.length, window.kgViz.edges.length]")
        heading = frame.evaluate("() => document.getElementById('heading').textContent")
    finally:
        tab.close()
    assert drawn == [page.nodes, page.edges] and heading == page.heading
    assert report.console_errors == [] and [r for r in report.requests if not r.startswith("about:")] == []
