"""Inferred citations: the guards, the bundled corpus, rebuilds, and the citation commands."""

from __future__ import annotations

import json

import pytest

from kg.citations import Introduction, PaperText, infer_citations, name_shape
from kg.store.embedded import EmbeddedStore
from tests.conftest import run_kg


@pytest.mark.parametrize(
    ("name", "shape"),
    [("RoBERTa", "coined"), ("Vid2Seq", "coined"), ("Mini-Gemini", "coined"), ("GLUE", "coined"),
     ("Visual Genome", "proper"),
     ("Vision-Language-Action", "proper"), ("Less is More", None), ("contrastive learning", None), ("All You Need", None),
     ("Transformer", None), ("", None)],
)
def test_only_names_that_cannot_be_ordinary_phrases_link(name, shape):
    assert name_shape(name) == shape


def _paper(key, title, abstract, published=None):
    return PaperText(key, title, abstract, published)


ENTITIES = {
    "method:less-is-more": {"name": "Less is More"},
    "model:vid2seq": {"name": "Vid2Seq"},
    "method:vid2seq": {"name": "Vid2Seq"},
    "model:twinnet": {"name": "TwinNet"},
    "model:moa": {"name": "MoA", "aliases": ["Mixture of Attention"]},
}


def test_guards():
    papers = [
        _paper("paper:b", "Vid2Seq: Large-Scale Pretraining", "We introduce Vid2Seq.", "2023-02-01"),
        _paper("paper:slogan", "Less is More: Fewer Tokens", "We show that less is more.", "2023-01-01"),
        _paper("paper:a", "Dense captioning", "We beat Vid2Seq. As they say, less is more. Less is More holds.", "2023-06-01"),
        _paper("paper:early", "Older work", "Vid2Seq-like models are not Vid2Seq.", "2022-01-01"),
        _paper("paper:t1", "TwinNet: one", "We propose TwinNet.", None),
        _paper("paper:t2", "TwinNet: two", "We propose TwinNet.", None),
        _paper("paper:c", "Uses twins", "We use TwinNet and a Mixture of Attention layer.", None),
        _paper("paper:moa", "MoA: Mixture of Sparse Attention", "We propose MoA.", None),
    ]
    intros = [
        Introduction("paper:b", "model:vid2seq", 0.46, "title_prefix+role.title_prefix"),
        Introduction("paper:slogan", "method:less-is-more", 0.46, "title_prefix+role.title_prefix"),
        Introduction("paper:t1", "model:twinnet", 0.46, "title_prefix+role.title_prefix"),
        Introduction("paper:t2", "model:twinnet", 0.46, "title_prefix+role.title_prefix"),
        Introduction("paper:moa", "model:moa", 0.46, "title_prefix+role.title_prefix"),
        Introduction("paper:c", "method:vid2seq", 0.9, "gazetteer.curated+role.pattern"),
    ]
    edges = infer_citations(intros, ENTITIES, papers)
    assert [(e.source, e.target) for e in edges] == [("paper:a", "paper:b")]
    (edge,) = edges
    assert edge.props == {"inferred": True, "via": "model:vid2seq", "evidence": "We beat Vid2Seq.", "confidence": 0.46}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from click.testing import CliRunner

    db = tmp_path_factory.mktemp("citations") / "store"
    result = run_kg(CliRunner(), "build", "--db", str(db))
    assert "inferred citations: 20 (added 20, removed 0)" in result.output
    return db


def test_bundled_corpus_gets_the_citations_checked_by_hand(built):
    store = EmbeddedStore(built)
    cites = {(s, t): d for s, t, k, d in store.graph.edges(keys=True, data=True) if k == "CITES"}
    title = {k: d.get("title") for k, d in store.graph.nodes(data=True)}
    by_cited = {}
    for (_citing, target), data in cites.items():
        by_cited.setdefault(title[target].split(":")[0], []).append(data["via"])
        assert data["inferred"] is True and data["evidence"] and 0 < data["confidence"] <= 1
    assert len(by_cited["RoBERTa"]) == 9 and set(by_cited["Vid2Seq"]) == {"model:vid2seq"}
    assert {"Visual Genome", "Mini-Gemini", "DeepSeekMoE"} <= set(by_cited)
    assert not any(t.startswith("NV-Embed") for t in by_cited), "a gazetteer name 'introduced' by mistake sends nothing"


def test_rebuild_keeps_citations_and_commands_mark_them(runner, built):
    again = run_kg(runner, "build", "--db", str(built))
    assert "inferred citations: 20 (added 0, removed 0)" in again.output
    rows = json.loads(run_kg(runner, "cited-by", "RoBERTa: A Robustly", "--db", str(built), "--json").output)
    assert len(rows) == 9 and {r["how"] for r in rows} == {"inferred via model:roberta"}
    assert all("RoBERTa" in r["evidence"] for r in rows)
    cites = json.loads(run_kg(runner, "cites", "DIBS", "--db", str(built), "--json").output)
    assert [r["title"][:7] for r in cites] == ["Vid2Seq"]
    top = json.loads(run_kg(runner, "top", "--type", "paper", "--limit", "3", "--db", str(built), "--json").output)
    assert top[0]["title"].startswith("RoBERTa") and top[0]["citations"] == 9 and top[0]["inferred_only"] == 9
    ranked = json.loads(run_kg(runner, "top", "--type", "paper", "--by", "pagerank", "--db", str(built), "--json").output)
    assert ranked[0]["title"].startswith("RoBERTa")
    hops = json.loads(run_kg(runner, "path", "--citations", "DIBS", "Vid2Seq", "--db", str(built), "--json").output)
    assert len(hops) == 1 and "inferred via model:vid2seq" in hops[0]["relationship"]
    back = run_kg(runner, "path", "--citations", "Vid2Seq", "DIBS", "--db", str(built), expect=4)
    assert "swap the two papers" in back.output
    related = json.loads(run_kg(runner, "related", "DIBS", "--db", str(built), "--json").output)
    assert related[0]["title"].startswith("Vid2Seq"), "a citation weighs in related papers"


@pytest.mark.neo4j
def test_neo4j_gets_the_same_citations(runner, built, neo4j_store, neo4j_uri):
    result = run_kg(runner, "build", "--neo4j", neo4j_uri)
    assert "inferred citations: 20 (added 20, removed 0)" in result.output
    embedded = {(s, t, k): d for (k, s, t), d in EmbeddedStore(built).dump().edges.items() if k == "CITES"}
    stored = {(s, t, k): d for (k, s, t), d in neo4j_store.dump().edges.items() if k == "CITES"}
    assert stored == embedded
    again = run_kg(runner, "build", "--neo4j", neo4j_uri)
    assert "inferred citations: 20 (added 0, removed 0)" in again.output
