"""`kg viz`: the views, the page's self-containment and escaping, and the page in a real browser."""

from __future__ import annotations

import json
import re

import pytest

from paperkg.render import render_page, short_label
from paperkg.store.embedded import EmbeddedStore
from paperkg.views import entity_view, query_view, whole_graph_view
from paperkg.views import paper_neighbourhood_view as paper_view
from tests.conftest import run_kg

ROBERTA_PAPER = "RoBERTa: A Robustly Optimized BERT Pretraining Approach"
HOSTILE_TITLE = "<script>alert('title')</script><img src=x onerror=alert(1)> Attention & \"Friends\""
HOSTILE_ABSTRACT = "We introduce HostileNet. </script><script>alert(2)</script> It uses the ImageNet dataset."


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from click.testing import CliRunner

    folder = tmp_path_factory.mktemp("viz")
    hostile = folder / "hostile.jsonl"
    record = {"id": "2401.99999", "title": HOSTILE_TITLE, "abstract": HOSTILE_ABSTRACT,
              "authors": ["<b>Eve</b>", "Mallory \"); alert(3); //"], "url": "javascript:alert(4)"}
    hostile.write_text(json.dumps(record) + "\n")
    db = folder / "store"
    runner = CliRunner()
    run_kg(runner, "build", "--db", str(db), "-q")
    run_kg(runner, "build", str(hostile), "--db", str(db), "-q")
    return db


@pytest.fixture(scope="module")
def store(built):
    return EmbeddedStore(built)


def test_paper_view_holds_the_paper_its_entities_and_the_links_among_them(store):
    view = paper_view(store, ROBERTA_PAPER)
    keys = {node.key for node in view.nodes}
    assert view.focus in keys and "model:roberta" in keys and "dataset:glue" in keys
    assert view.total_nodes == len(view.nodes)
    assert all(edge.source in keys and edge.target in keys for edge in view.edges)
    assert ("INTRODUCES", view.focus, "model:roberta") in {(e.type, e.source, e.target) for e in view.edges}
    deeper = paper_view(store, ROBERTA_PAPER, depth=2)
    assert len(deeper.nodes) > len(view.nodes) and keys < {n.key for n in deeper.nodes}


def test_reported_results_are_drawn_with_their_own_style_and_label(store):
    """Result nodes (reported scores) render in every view that reaches them, named by what they say."""
    view = whole_graph_view(store, types=["paper", "result"], roles=[], min_degree=0, limit=2000)
    results = [node for node in view.nodes if node.label == "Result"]
    assert results, "the bundled corpus reports results (AM-Thinking-v1 on AIME 2024)"
    page = render_page(view)
    assert "AM-Thinking-v1: 85.3 on AIME 2024" in page.html


def test_entity_view_has_its_papers_and_family(store):
    view = entity_view(store, "Qwen2.5-32B")
    keys = {node.key for node in view.nodes}
    assert {"model:qwen2.5-32b", "model:qwen2.5"} <= keys
    assert any(node.label == "Paper" for node in view.nodes)
    roberta = entity_view(store, "RoBERTa")
    assert sum(1 for n in roberta.nodes if n.label == "Paper") >= 5


def test_node_cap_keeps_the_best_linked_and_the_page_says_so(store):
    view = whole_graph_view(store, types=[], roles=[], min_degree=0, limit=50)
    assert len(view.nodes) == 50 and view.total_nodes > 1500
    cut = min(node.degree for node in view.nodes)
    page = render_page(view)
    assert f"showing 50 of {view.total_nodes:,} nodes" in page.html
    filtered = whole_graph_view(store, types=["paper", "dataset"], roles=["evaluates_on"], min_degree=2, limit=1000)
    assert {n.label for n in filtered.nodes} == {"Paper", "Dataset"}
    # The role filter narrows paper-entity links only; citations between the papers stay.
    assert {e.type for e in filtered.edges} - {"CITES"} == {"EVALUATES_ON"} and cut >= 1
    capped = paper_view(store, ROBERTA_PAPER, depth=2, limit=5)
    assert len(capped.nodes) == 5 and capped.total_nodes > 5 and capped.focus in {n.key for n in capped.nodes}


def test_query_view_draws_the_nodes_a_query_names(store):
    view = query_view(store, "papers_by_entity", {"keys": "model:roberta", "roles": "", "limit": "100"})
    labels = {node.label for node in view.nodes}
    assert labels == {"Paper", "Model"} and sum(1 for e in view.edges if e.target == "model:roberta") >= 5


def test_bad_view_requests_are_one_line_errors(runner, built):
    for args, expected in [
        (["--whole", "--type", "paper", "--type", "gizmo"], "unknown node type 'gizmo'"),
        (["--type", "paper"], "the overview draws model, dataset, method"),
        (["--paper", "no such paper title anywhere"], "no paper matches"),
        (["--entity", "RoBERTaa"], "no entity named 'RoBERTaa'"),
        (["--query", "nope"], "no query named 'nope'"),
    ]:
        result = run_kg(runner, "viz", *args, "--db", str(built), expect=4)
        assert expected in result.output and len(result.output.strip().splitlines()) == 1
    usage = run_kg(runner, "viz", "--paper", "x", "--entity", "y", "--db", str(built), expect=2)
    assert "one view at a time" in usage.output


def test_page_is_self_contained_deterministic_and_escaped(store):
    view = paper_view(store, "2401.99999", depth=1)
    html = render_page(view).html
    assert html == render_page(paper_view(store, "2401.99999", depth=1)).html
    assert not re.search(r"<(script|link|img|iframe)[^>]*(src|href)=", html), "no external resources"
    assert "<script>alert" not in html and "<img src=x" not in html and "javascript:alert" not in html
    # Only the two inline scripts run, pinned by hash in the Content-Security-Policy.
    policy = re.search(r'Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert "default-src 'none'" in policy and policy.count("'sha256-") == 2
    script_policy = next(part for part in policy.split(";") if part.strip().startswith("script-src"))
    assert "unsafe" not in script_policy


def test_labels_are_shortened_on_word_boundaries():
    assert short_label("Short title") == "Short title"
    label = short_label("A Very Long Title About Mixture of Experts Language Models at Scale", 30)
    assert label.endswith("…") and len(label) <= 30 and label.startswith("A Very Long Title")


def test_viz_command_writes_one_file_and_nothing_else(runner, built, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run_kg(runner, "viz", "--entity", "RoBERTa", "--db", str(built))
    assert result.output.startswith("wrote kg-entity-model-roberta.html")
    assert [p.name for p in tmp_path.iterdir()] == ["kg-entity-model-roberta.html"], "no lib/ folder beside the page"
    run_kg(runner, "viz", "--limit", "40", "-o", "out/all.html", "--db", str(built))
    assert (tmp_path / "out" / "all.html").stat().st_size > 400_000  # vis-network is inlined


# ---------------------------------------------------------------------------------------------
# In headless Chromium
# ---------------------------------------------------------------------------------------------


def _non_white_fraction(page) -> float:
    return page.evaluate(
        """() => { const c = document.querySelector('#network canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;
        for (let i = 0; i < d.length; i += 4) { if (d[i] < 240 || d[i+1] < 240 || d[i+2] < 240) n++; }
        return n / (d.length / 4); }"""
    )


@pytest.mark.browser
def test_pages_load_offline_without_errors_and_draw_every_node(browser, store, tmp_path):
    from paperkg.render import write_page

    views = [
        paper_view(store, ROBERTA_PAPER, depth=2),
        entity_view(store, "RoBERTa"),
        whole_graph_view(store, types=[], roles=[], min_degree=0, limit=300),
    ]
    for index, view in enumerate(views):
        path = tmp_path / f"view{index}.html"
        write_page(view, path)
        measured = {}
        report = browser.open(path, actions=lambda page, m=measured: m.update(ink=_non_white_fraction(page)))
        assert report.console_errors == [] and report.requests == [], view.heading
        assert report.state["nodes"] == len(view.nodes) and report.state["edges"] == len(view.edges)
        assert report.state["stabilizedMs"] is not None
        assert measured["ink"] > 0.002, f"{view.heading}: the canvas is blank"
        assert report.screenshot[:8] == b"\x89PNG\r\n\x1a\n" and len(report.screenshot) > 5_000


@pytest.mark.browser
def test_injected_title_is_shown_as_text_and_never_runs(browser, store, tmp_path):
    from paperkg.render import write_page

    view = paper_view(store, "2401.99999")
    path = tmp_path / "hostile.html"
    write_page(view, path)
    seen = {}

    def interact(page):
        page.evaluate("() => { const n = window.kgViz.network; n.selectNodes(['paper:2401.99999']); "
                      "n.body.emitter.emit('selectNode', {nodes: ['paper:2401.99999']}); }")
        seen["details"] = page.locator("#details").inner_text()
        point = page.evaluate("() => { const n = window.kgViz.network; const p = n.getPosition('paper:2401.99999');"
                              " return n.canvasToDOM(p); }")
        box = page.locator("#network").bounding_box()
        page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
        page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
        seen["tooltip"] = page.locator("div.vis-tooltip").inner_text()
        seen["links"] = page.eval_on_selector_all("#details a", "els => els.map(e => e.href)")
        seen["injected"] = page.evaluate("() => document.querySelectorAll('img, b, iframe').length")

    report = browser.open(path, actions=interact)
    assert report.dialogs == [] and report.console_errors == [] and report.requests == []
    assert report.state["heading"] == HOSTILE_TITLE
    assert HOSTILE_TITLE in seen["details"] and "<b>Eve</b>" in seen["details"]
    assert HOSTILE_TITLE in seen["tooltip"] and "arXiv: https://arxiv.org/abs/2401.99999" in seen["tooltip"]
    assert seen["injected"] == 0
    assert seen["links"] == ["https://arxiv.org/abs/2401.99999"], "a javascript: URL never becomes a link"


@pytest.mark.browser
def test_edge_type_filter_hides_and_shows_relationships(browser, store, tmp_path):
    from paperkg.render import write_page

    view = entity_view(store, "RoBERTa")
    path = tmp_path / "filter.html"
    write_page(view, path)
    mentions = sum(1 for e in view.edges if e.type == "MENTIONS")
    counts = {}

    def toggle(page):
        counts["before"] = page.evaluate("() => window.kgViz.visibleEdges.length")
        page.locator("input[data-edge-type='MENTIONS']").uncheck()
        counts["after"] = page.evaluate("() => window.kgViz.visibleEdges.length")
        page.locator("input[data-edge-type='MENTIONS']").check()
        counts["again"] = page.evaluate("() => window.kgViz.visibleEdges.length")

    report = browser.open(path, actions=toggle)
    assert mentions > 0 and report.console_errors == []
    assert counts == {"before": len(view.edges), "after": len(view.edges) - mentions, "again": len(view.edges)}


@pytest.mark.neo4j
def test_both_stores_draw_the_same_page(runner, built, neo4j_store, neo4j_uri, tmp_path):
    run_kg(runner, "build", "--neo4j", neo4j_uri, "-q")
    for args in (["--paper", ROBERTA_PAPER, "--neighbourhood", "--depth", "2"], ["--entity", "Qwen2.5"],
                 ["--whole", "--limit", "120", "--min-degree", "2"], ["--paper", ROBERTA_PAPER, "--with-entities"], []):
        embedded_db = tmp_path / "embedded"
        run_kg(runner, "build", "--db", str(embedded_db), "-q") if not embedded_db.exists() else None
        run_kg(runner, "viz", *args, "-o", str(tmp_path / "a.html"), "--db", str(embedded_db))
        run_kg(runner, "viz", *args, "-o", str(tmp_path / "b.html"), "--neo4j", neo4j_uri)
        assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes(), args
