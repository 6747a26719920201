"""The overview, related-papers and entity views on a graph of real HF API records (tests/data/hf_daily_sample),
checked on the view data, in the page's data and in headless Chromium."""

from __future__ import annotations

import json
import math
import re

import pytest

from paperkg.catalog import run_query
from paperkg.render import render_page, write_page
from paperkg.store.embedded import EmbeddedStore
from paperkg.views import CO_USED, RELATED, entity_view, overview_view, related_view, whole_graph_view
from tests.conftest import DATA, run_kg

DEEPSEEK_R1 = "paper:2501.12948"
LLAMA3_HERD = "paper:2407.21783"  # 500+ authors


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    from click.testing import CliRunner

    db = tmp_path_factory.mktemp("hf-sample") / "store"
    run_kg(CliRunner(), "build", str(DATA / "hf_daily_sample"), "--db", str(db), "-q")
    return EmbeddedStore(db)


def page_data(view) -> dict:
    html = render_page(view).html
    return json.loads(re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S).group(1))


def test_overview_holds_entities_linked_by_co_use_and_authors_only_when_asked(sample):
    view = overview_view(sample, limit=60)
    assert {n.label for n in view.nodes} == {"Model", "Dataset", "Method"} and len(view.nodes) == 60
    papers = {r["key"]: r["papers"] for r in run_query(sample, "top_entities", {"type": "model", "limit": 20})}
    assert all(n.size == papers[n.key] for n in view.nodes if n.key in papers), "sized by the papers that use it"
    assert view.edges and {e.type for e in view.edges} == {CO_USED} and all(e.props["papers"] >= 2 for e in view.edges)
    gpt4o = next(n for n in view.nodes if n.key == "model:gpt4o")
    assert 1 <= len(gpt4o.top_papers) <= 5 and all(p["title"] for p in gpt4o.top_papers)
    with_authors = overview_view(sample, limit=60, with_authors=True)
    assert "Author" in {n.label for n in with_authors.nodes}
    assert "Author" not in {n.label for n in whole_graph_view(sample, types=[], roles=[], min_degree=0, limit=300).nodes}


def test_related_view_is_papers_scored_as_kg_related(sample):
    view = related_view(sample, DEEPSEEK_R1, limit=15)
    assert {n.label for n in view.nodes} == {"Paper"} and view.colour_by == "year"
    rows = run_query(sample, "related_papers", {"key": DEEPSEEK_R1, "limit": 15})
    expected = {r["key"]: (r["score"], r["shared"]) for r in rows}
    from_focus = {e.target: (e.props["score"], e.props["shared"]) for e in view.edges if e.source == DEEPSEEK_R1}
    assert from_focus == expected and {e.type for e in view.edges} == {RELATED}
    cited = {r["key"]: r["citations"] for r in run_query(sample, "top_cited_papers", {"limit": 100})}
    assert all(n.size == cited.get(n.key, 0) for n in view.nodes), "sized by citations within the graph"
    with_entities = related_view(sample, DEEPSEEK_R1, limit=15, with_entities=True)
    extra = {n.label for n in with_entities.nodes} - {"Paper"}
    assert extra and extra <= {"Model", "Dataset", "Method", "Repo"}


def test_entity_view_groups_papers_by_role(sample):
    view = entity_view(sample, "GPT-4o")
    roles = {n.key: n.props["role"] for n in view.nodes if n.label == "Role"}
    counts = {r["role"]: r["papers"] for r in run_query(sample, "entity_papers_by_role", {"key": "model:gpt4o"})}
    assert set(roles.values()) == set(counts) and len(roles) >= 2
    papers = [n for n in view.nodes if n.label == "Paper"]
    for paper in papers:
        [hub] = [e.target for e in view.edges if e.source == paper.key]
        assert roles[hub] == paper.group
    assert any(e.type == CO_USED and e.source == "model:gpt4o" for e in view.edges)
    assert ("VARIANT_OF", "model:gpt4o-mini", "model:gpt4o") in {(e.type, e.source, e.target) for e in view.edges}
    variant = entity_view(sample, "o1-mini")
    assert ("VARIANT_OF", "model:o1-mini", "model:o1") in {(e.type, e.source, e.target) for e in variant.edges}


def test_sizes_never_count_authors(sample):
    view = whole_graph_view(sample, types=["paper", "author"], roles=[], min_degree=0, limit=10_000)
    data = page_data(view)
    value = {n["id"]: n["value"] for n in data["nodes"]}
    authors = {n.key: len(n.props.get("authors") or []) for n in view.nodes if n.label == "Paper"}
    assert authors[LLAMA3_HERD] > 500 and any(a.startswith("author:") for a in value)
    few = [key for key, count in authors.items() if count <= 5]
    assert any(value[key] >= value[LLAMA3_HERD] for key in few), "a 500-author paper is not bigger than 5-author ones"
    edges = sample.dump().edges
    for key in authors:
        links = sum(1 for k, s, t in edges if k != "WROTE" and key in (s, t)) + \
            sum(1 for k, s, t in edges if k != "WROTE" and s == t == key)
        assert value[key] == pytest.approx(math.sqrt(links) + 1, abs=1e-3)


# ---------------------------------------------------------------------------------------------
# In headless Chromium
# ---------------------------------------------------------------------------------------------

LABEL_STATE = """() => { const net = window.kgViz.network; const s = net.getScale(); const all = window.kgViz.nodes.get();
  const drawn = n => net.body.nodes[n.id].options;  // the node's options as vis-network draws them
  const threshold = drawn(all[0]).scaling.label.drawThreshold;
  return { labelled: all.filter(n => n.kgLabelled).map(n => [n.id, drawn(n).font.size * s]),
           others: all.filter(n => !n.kgLabelled).map(n => [n.id, drawn(n).font.size * s]), threshold: threshold }; }"""


def _check_labels(labels: dict, focus: str | None) -> None:
    labelled = dict(labels["labelled"])
    assert labelled and all(px >= 13 for px in labelled.values()), "hubs and focus readable at the fitted zoom"
    assert focus is None or focus in labelled
    assert all(px < labels["threshold"] - 1 for _, px in labels["others"]), "the rest hidden until zoom or hover"


@pytest.mark.browser
def test_overview_page_lists_top_papers_and_keeps_hub_labels_readable(browser, sample, tmp_path):
    path = tmp_path / "overview.html"
    view = overview_view(sample, limit=60)
    write_page(view, path)
    seen = {}

    def interact(page):
        seen["labels"] = page.evaluate(LABEL_STATE)
        seen["types"] = page.evaluate("() => Array.from(new Set(window.kgViz.nodes.get().map(n => n.kgType)))")
        page.evaluate("() => { const n = window.kgViz.network; n.selectNodes(['model:gpt4o']); "
                      "n.body.emitter.emit('selectNode', {nodes: ['model:gpt4o']}); }")
        seen["details"] = page.locator("#details").inner_text()

    report = browser.open(path, actions=interact)
    assert report.console_errors == [] and report.requests == []
    assert sorted(seen["types"]) == ["Dataset", "Method", "Model"]
    gpt4o = next(n for n in view.nodes if n.key == "model:gpt4o")
    assert "Top papers" in seen["details"] and gpt4o.top_papers[0]["title"] in seen["details"]
    _check_labels(seen["labels"], None)
    assert "model:gpt4o" in dict(seen["labels"]["labelled"]), "the biggest model keeps its label"


@pytest.mark.browser
def test_related_page_colours_papers_by_year_and_shows_shared_things_on_hover(browser, sample, tmp_path):
    path = tmp_path / "related.html"
    view = related_view(sample, LLAMA3_HERD, limit=15)
    write_page(view, path)
    seen = {}

    def interact(page):
        seen["nodes"] = page.evaluate("() => window.kgViz.nodes.get().map(n => [n.kgType, n.kgYear, n.color])")
        seen["years"] = page.evaluate(
            "() => Array.from(document.querySelectorAll('#year-legend span.year')).map(e => e.textContent)")
        seen["labels"] = page.evaluate(LABEL_STATE)
        # Hover the middle of the longest focus edge: its tooltip says what the two papers share.
        target = page.evaluate("""(focus) => { const n = window.kgViz.network; const f = n.getPosition(focus);
          let best = null; window.kgViz.edges.get().filter(e => e.from === focus).forEach(e => {
            const p = n.getPosition(e.to); const d = Math.hypot(p.x - f.x, p.y - f.y);
            if (!best || d > best.d) { best = {d: d, to: e.to, x: (p.x + f.x) / 2, y: (p.y + f.y) / 2}; } });
          const dom = n.canvasToDOM({x: best.x, y: best.y}); return {to: best.to, x: dom.x, y: dom.y}; }""",
                               LLAMA3_HERD)
        box = page.locator("#network").bounding_box()
        page.mouse.move(box["x"] + target["x"], box["y"] + target["y"])
        page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
        seen["tooltip"] = page.locator("div.vis-tooltip").inner_text()
        seen["to"] = target["to"]

    report = browser.open(path, actions=interact)
    assert report.console_errors == [] and report.requests == []
    assert {kind for kind, _, _ in seen["nodes"]} == {"Paper"}
    data = page_data(view)
    colours = {item["year"]: item["colour"] for item in data["legend"]["years"]}
    assert len(colours) >= 2 and seen["years"] == [str(y) for y in sorted(colours)]
    assert all(colour == colours[year] for _, year, colour in seen["nodes"])
    shared = next(e.props["shared"] for e in view.edges if e.source == LLAMA3_HERD and e.target == seen["to"])
    assert "shared: " in seen["tooltip"] and all(name in seen["tooltip"] for name in shared[:12])
    _check_labels(seen["labels"], LLAMA3_HERD)


@pytest.mark.browser
def test_entity_page_draws_role_groups(browser, sample, tmp_path):
    path = tmp_path / "entity.html"
    view = entity_view(sample, "GPT-4o")
    write_page(view, path)
    seen = {}

    def interact(page):
        seen["roles"] = page.evaluate("() => window.kgViz.nodes.get().filter(n => n.kgType === 'Role').map(n => n.label)")
        seen["groups"] = page.evaluate("() => window.kgViz.nodes.get().filter(n => n.kgType === 'Paper').map(n => n.kgGroup)")
        seen["labels"] = page.evaluate(LABEL_STATE)

    report = browser.open(path, actions=interact)
    assert report.console_errors == [] and report.requests == []
    counts = {r["role"]: r["papers"] for r in run_query(sample, "entity_papers_by_role", {"key": "model:gpt4o"})}
    assert sorted(seen["roles"]) == sorted(f"{role.replace('_', ' ')} ({n})" for role, n in counts.items())
    assert set(seen["groups"]) == set(counts)
    _check_labels(seen["labels"], "model:gpt4o")
