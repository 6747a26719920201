"""The query catalog's contract, parity of both stores on every query, and the read commands."""

from __future__ import annotations

import json
import sqlite3
from importlib import resources

import pytest

from paperkg.catalog import load_catalog, run_query
from paperkg.model import SCHEMA
from paperkg.sqlite_queries import TWINS
from paperkg.store.embedded import EmbeddedStore
from paperkg.store.sqlite_cooccurrence import refresh as refresh_cooccurrence
from tests.conftest import DATA, run_kg

DATED = DATA / "dated_papers.jsonl"
OWN_IDS = DATA / "own_ids.jsonl"

MOE_REPO = "repo:github.com/withinmiaov/a-survey-on-mixture-of-experts"
DIBS_PAPER = "DIBS: Enhancing Dense Video Captioning with Unlabeled Videos via Pseudo Boundary Enrichment and Online Refinement"
VID2SEQ_PAPER = "Vid2Seq: Large-Scale Pretraining of a Visual Language Model for Dense Video Captioning"
ROBERTA_PAPER = "RoBERTa: A Robustly Optimized BERT Pretraining Approach"


def test_every_cypher_file_is_in_the_catalog_with_a_twin_and_matching_parameters():
    files = {f.name.removesuffix(".cypher") for f in resources.files("paperkg.queries").iterdir() if f.name.endswith(".cypher")}
    catalog = load_catalog()
    assert set(catalog) == files and len(files) >= 12
    assert set(TWINS) == files, "every catalog query needs an embedded twin (kg.sqlite_queries)"
    for query in catalog.values():
        assert query.description, f"{query.name}: first line must say what it answers"
        assert {p.name for p in query.params} == query.used_params, f"{query.name}: declared and used parameters differ"


@pytest.fixture(scope="module")
def embedded_graph(tmp_path_factory):
    from click.testing import CliRunner

    db = tmp_path_factory.mktemp("embedded") / "store"
    run_kg(CliRunner(), "build", "--db", str(db), "-q")
    run_kg(CliRunner(), "build", str(DATED), "--db", str(db), "-q")  # papers with dates and results
    run_kg(CliRunner(), "build", str(OWN_IDS), "--db", str(db), "-q")  # papers named by their sources' own ids
    return EmbeddedStore(db)


def _paper_key(store, title: str) -> str:
    [row] = [r for r in run_query(store, "papers_by_title", {"words": title.split()[:3], "limit": 50}) if r["title"] == title]
    return row["key"]


def parameter_sets(store) -> list[tuple[str, dict]]:
    """Parameters for every catalog query, chosen from the bundled corpus (several per query)."""
    roberta = _paper_key(store, ROBERTA_PAPER)
    survey = _paper_key(store, "A Survey on Mixture of Experts")
    return [
        ("papers_by_title", {"words": ["mixture", "experts"], "limit": 100}),
        ("papers_by_title", {"words": [], "limit": 5}),
        ("papers_per_source", {}),
        ("repos_by_kind", {}),
        ("entities_by_key", {"keys": ["model:roberta", "method:mixture-of-experts", "model:none"]}),
        ("entities_by_name", {"norm": "moe"}),
        ("entities_by_name", {"norm": "llama2"}),
        ("entity_names", {"type": "dataset"}),
        ("entity_names", {"type": ""}),
        ("papers_by_entity", {"keys": ["model:roberta"], "roles": [], "limit": 100}),
        ("papers_by_entity", {"keys": ["method:mixture-of-experts", "model:bert"], "roles": ["uses", "introduces"], "limit": 7}),
        ("papers_by_repo", {"key": "repo:github.com/withinmiaov/a-survey-on-mixture-of-experts"}),
        ("entity_variants", {"key": "model:qwen2.5"}),
        ("entity_variants", {"key": "model:llama2"}),
        ("entity_papers_by_role", {"key": "model:roberta"}),
        ("cooccurring_entities", {"key": "model:bert", "limit": 15}),
        ("top_entities", {"type": "model", "limit": 25}),
        ("top_entities", {"type": "dataset", "limit": 25}),
        ("top_entities", {"type": "method", "limit": 25}),
        ("paper_details", {"key": roberta}),
        ("paper_details", {"key": "paper:none"}),
        ("paper_details", {"key": "paper:2401.00202"}),
        ("papers_by_id", {"id": "acme-0001"}),
        ("papers_by_id", {"id": "10.5555/acme.2024.0002"}),
        ("papers_by_id", {"id": "10.5555/acme.2024.0005"}),
        ("papers_by_id", {"id": "none"}),
        ("related_papers", {"key": roberta, "limit": 15}),
        ("related_papers", {"key": survey, "limit": 15}),
        ("shortest_path", {"source": roberta, "target": survey}),
        ("shortest_path", {"source": "model:roberta", "target": "dataset:mmlu"}),
        ("shortest_path", {"source": "author:b.-author", "target": "author:a.-author"}),  # through authorship
        ("node_neighbourhood", {"key": roberta, "depth": 1, "limit": 500}),
        ("node_neighbourhood", {"key": "model:roberta", "depth": 2, "limit": 40}),
        ("node_neighbourhood", {"key": "author:a.-author", "depth": 2, "limit": 30}),
        ("top_nodes", {"labels": ["Paper", "Model"], "rel_types": ["USES", "INTRODUCES"], "min_degree": 2, "limit": 50}),
        ("top_nodes", {"labels": list(SCHEMA.labels), "rel_types": list(SCHEMA.rel_types), "min_degree": 0, "limit": 20}),
        ("top_nodes", {"labels": ["Author", "Paper"], "rel_types": ["WROTE", "CITES"], "min_degree": 1, "limit": 12}),
        ("nodes_by_keys", {"keys": [roberta, "model:roberta", MOE_REPO, "y", "author:a.-author"]}),
        ("edges_among", {"keys": [roberta, survey, "model:roberta", "model:bert", "dataset:glue", "method:mixture-of-experts"]}),
        ("edges_among", {"keys": ["author:a.-author", "paper:2401.00101", "paper:2401.00202", "dataset:gsm8k"]}),
        ("cited_by", {"key": roberta, "limit": 50}),
        ("cites", {"key": _paper_key(store, DIBS_PAPER), "limit": 50}),
        ("top_cited_papers", {"limit": 10}),
        ("citation_path", {"source": _paper_key(store, DIBS_PAPER), "target": _paper_key(store, VID2SEQ_PAPER)}),
        ("papers_by_author", {"words": ["vinyals"], "limit": 10}),
        ("papers_by_author", {"words": ["author"], "limit": 6}),
        ("co_use", {"keys": ["model:bert", "model:roberta", "dataset:glue", "dataset:squad", "method:mixture-of-experts",
                             "dataset:ms-marco", "dataset:beir", "author:none"], "min_papers": 1}),
        ("co_use", {"keys": ["model:bert", "model:roberta", "dataset:glue", "dataset:squad"], "min_papers": 2}),
        ("co_use", {"keys": ["author:a.-author", "author:b.-author", "dataset:gsm8k", "dataset:mmlu"], "min_papers": 1}),
        ("related_among", {"keys": [roberta, *(r["key"] for r in run_query(store, "related_papers",
                                                                            {"key": roberta, "limit": 12}))]}),
        ("related_among", {"keys": [survey, _paper_key(store, DIBS_PAPER), _paper_key(store, VID2SEQ_PAPER)]}),
        ("node_weights", {"keys": [roberta, "model:roberta", "dataset:glue", MOE_REPO, "paper:none", "author:a.-author"]}),
        ("top_papers_of_entities", {"keys": ["model:roberta", "dataset:glue", "method:mixture-of-experts"], "by_role": False,
                                    "per_group": 3}),
        ("top_papers_of_entities", {"keys": ["model:bert", "dataset:ms-marco"], "by_role": True, "per_group": 2}),
        ("top_authors", {"limit": 10}),
        ("results_on_datasets", {"keys": ["dataset:gsm8k", "dataset:mmlu", "dataset:none"], "metric": "", "limit": 100}),
        ("results_on_datasets", {"keys": ["dataset:imagenet"], "metric": "fid", "limit": 5}),
        ("paper_results", {"key": "paper:2403.00404"}),
        ("paper_results", {"key": _paper_key(store, "Qwen2 Technical Report")}),
        ("entity_months", {"keys": ["dataset:gsm8k", "dataset:mmlu", "model:gpt-4"]}),
        ("papers_per_month", {}),
        ("type_months", {"type": "dataset", "since": "2024-02", "min_papers": 1}),
        ("type_months", {"type": "model", "since": "", "min_papers": 1}),
    ]


def test_parameter_sets_cover_the_catalog(embedded_graph):
    assert {name for name, _ in parameter_sets(embedded_graph)} == set(load_catalog())


def test_embedded_answers_are_not_empty_where_the_corpus_has_data(embedded_graph):
    for name, params in parameter_sets(embedded_graph):
        rows = run_query(embedded_graph, name, params)
        if name == "papers_by_author" and params["words"] == ["vinyals"]:
            continue  # the bundled captures list no authors (dated_papers.jsonl and own_ids.jsonl do)
        if params.get("id") == "none":
            continue
        if name not in ("paper_details", "entity_variants") or params.get("key") not in ("paper:none", "model:llama2"):
            assert rows, f"{name} {params} returned no rows on the bundled corpus"


@pytest.mark.neo4j
def test_both_stores_return_the_same_rows_for_every_query(embedded_graph, neo4j_store, neo4j_uri, runner, tmp_path):
    run_kg(runner, "build", "--neo4j", neo4j_uri, "-q")
    run_kg(runner, "build", str(DATED), "--neo4j", neo4j_uri, "-q")
    run_kg(runner, "build", str(OWN_IDS), "--neo4j", neo4j_uri, "-q")
    for name, params in parameter_sets(embedded_graph):
        embedded_rows = run_query(embedded_graph, name, params)
        neo4j_rows = run_query(neo4j_store, name, params)
        assert neo4j_rows == embedded_rows, f"{name} {params}: the stores differ"
    # The co-occurring entities the embedded store keeps for hubs (sqlite_cooccurrence): a copy of the
    # store counted with hubs of 10 role edges answers as Neo4j counts live.
    copy = tmp_path / "kept"
    copy.mkdir()
    with sqlite3.connect(copy / "graph.sqlite") as target:
        embedded_graph.conn.backup(target)
    with EmbeddedStore(copy) as kept:
        kept.conn.execute("BEGIN IMMEDIATE")
        hubs = refresh_cooccurrence(kept.conn, 10)
        kept.conn.commit()
        hub_rows = kept.sql("SELECT DISTINCT n.key FROM cooccurrence c JOIN nodes n ON n.id = c.entity ORDER BY 1")
        keys = [key for (key,) in hub_rows]
        assert hubs and len(keys) == hubs >= 3, keys
        for key in keys:
            for limit in (1, 7, 100):
                params = {"key": key, "limit": limit}
                rows = run_query(kept, "cooccurring_entities", params)
                assert rows == run_query(neo4j_store, "cooccurring_entities", params), f"{key} {limit}: the stores differ"


# ---------------------------------------------------------------------------------------------
# Commands on the embedded store
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from click.testing import CliRunner

    db = tmp_path_factory.mktemp("cli") / "store"
    run_kg(CliRunner(), "build", "--db", str(db), "-q")
    return str(db)


def _json(runner, *args, expect: int = 0):
    return json.loads(run_kg(runner, *args, "--json", expect=expect).output)


def test_papers_by_model_resolve_aliases_and_normalisation(runner, built):
    by_spaced = _json(runner, "papers", "--model", "llama 2", "--db", built)
    by_hyphen = _json(runner, "papers", "--model", "LLaMA-2", "--db", built)
    assert by_spaced == by_hyphen and by_spaced
    assert {row["role"] for row in by_spaced} <= {"introduces", "uses", "evaluates_on", "compares", "mentions"}
    assert all(row["evidence"] for row in by_spaced)


def test_family_includes_variants(runner, built):
    only = {r["name"] for r in _json(runner, "papers", "--model", "Qwen2.5", "--db", built)}
    family = {r["name"] for r in _json(runner, "papers", "--model", "Qwen2.5", "--family", "--db", built)}
    assert only == {"Qwen2.5"} and "Qwen2.5-32B" in family


def test_role_filter(runner, built):
    rows = _json(runner, "papers", "--dataset", "AIME 2024", "--role", "evaluates_on", "--db", built)
    assert [r["title"][:14] for r in rows] == ["AM-Thinking-v1"]
    assert _json(runner, "papers", "--dataset", "AIME 2024", "--role", "introduces", "--db", built) == []


def test_unknown_name_lists_the_closest_and_exits_non_zero(runner, built):
    result = run_kg(runner, "papers", "--model", "RoBERTaa", "--db", built, expect=4)
    assert "no model named 'RoBERTaa'" in result.output and "model:roberta" in result.output


def test_ambiguous_paper_reference_lists_candidates(runner, built):
    result = run_kg(runner, "related", "mixture", "--db", built, expect=4)
    assert "matches" in result.output and "papers" in result.output and "paper:" in result.output
    result = run_kg(runner, "related", "no such paper title at all here", "--db", built, expect=4)
    assert "no paper matches" in result.output


def test_entity_report(runner, built):
    report = _json(runner, "entity", "RoBERTa", "--db", built)
    assert report["type"] == "model" and report["papers"] >= 5
    assert [p["title"] for p in report["introduced_by"]] == [ROBERTA_PAPER]
    assert report["appears_with"][0]["key"] == "model:bert"
    qwen = _json(runner, "entity", "Qwen2.5", "--db", built)
    assert "model:qwen2.5-32b" in {v["key"] for v in qwen["variants"]}


def test_related_top_path_search(runner, built):
    related = _json(runner, "related", ROBERTA_PAPER, "--db", built)
    assert related and related[0]["score"] >= related[-1]["score"] and related[0]["shared"]
    top = _json(runner, "top", "--type", "model", "--limit", "5", "--db", built)
    assert len(top) == 5 and top[0]["papers"] >= top[-1]["papers"]
    ranked = _json(runner, "top", "--type", "method", "--by", "pagerank", "--limit", "5", "--db", built)
    assert len(ranked) == 5 and ranked[0]["pagerank"] >= ranked[-1]["pagerank"]
    hops = _json(runner, "path", "RoBERTa", "MMLU", "--db", built)
    assert hops[0]["from"].startswith("RoBERTa [model:roberta]") and hops[-1]["to"].startswith("MMLU [dataset:mmlu]")
    found = _json(runner, "search", "dense", "retrieval", "--db", built)
    assert found and all("etriev" in (r["title"] or "") or r["score"] > 0 for r in found)
    assert found == sorted(found, key=lambda r: -r["score"])


def test_queries_and_query(runner, built):
    listed = _json(runner, "queries")
    assert {q["name"] for q in listed} == set(load_catalog())
    rows = _json(runner, "query", "top_entities", "--param", "type=dataset", "--param", "limit=3", "--db", built)
    assert len(rows) == 3
    bad = run_kg(runner, "query", "top_entities", "--param", "type=dataset", "--param", "limit=x", "--db", built, expect=4)
    assert "is not a int" in bad.output
    missing = run_kg(runner, "query", "top_entities", "--db", built, expect=4)
    assert "needs --param type=" in missing.output


def test_raw_cypher_needs_neo4j(runner, built):
    result = run_kg(runner, "cypher", "MATCH (n) RETURN count(n)", "--db", built, expect=2)
    assert "raw Cypher needs Neo4j" in result.output and "docker compose up -d" in result.output


@pytest.mark.neo4j
def test_raw_cypher_is_read_only_unless_write(runner, neo4j_store, neo4j_uri):
    neo4j_store.run_cypher("CREATE (:Probe {key: 'x'})", write=True)
    rows = _json(runner, "cypher", "MATCH (n:Probe) RETURN n.key AS key", "--neo4j", neo4j_uri)
    assert rows == [{"key": "x"}]
    refused = run_kg(runner, "cypher", "MATCH (n:Probe) DETACH DELETE n", "--neo4j", neo4j_uri, expect=4)
    assert "this query writes" in refused.output and "--write" in refused.output
    assert neo4j_store.run_cypher("MATCH (n:Probe) RETURN count(n) AS n") == [{"n": 1}]
    param = _json(runner, "cypher", "RETURN $x + 1 AS y", "--param", "x=41", "--neo4j", neo4j_uri)
    assert param == [{"y": 42}]
    run_kg(runner, "cypher", "MATCH (n:Probe) DETACH DELETE n", "--write", "--neo4j", neo4j_uri)
    assert neo4j_store.run_cypher("MATCH (n:Probe) RETURN count(n) AS n") == [{"n": 0}]
    bad = run_kg(runner, "cypher", "MATCH (n RETURN n", "--neo4j", neo4j_uri, expect=4)
    assert "Neo4j rejected the query" in bad.output


@pytest.mark.neo4j
def test_neo4j_search_finds_what_the_embedded_index_finds(runner, built, neo4j_uri, neo4j_store):
    run_kg(runner, "build", "--neo4j", neo4j_uri, "-q")
    neo4j_store.run_cypher("CALL db.awaitIndexes(300)")
    embedded = {r["key"] for r in _json(runner, "search", "speculative", "--limit", "50", "--db", built)}
    neo4j = {r["key"] for r in _json(runner, "search", "speculative", "--limit", "50", "--neo4j", neo4j_uri)}
    assert embedded and embedded == neo4j


def test_search_ranks_by_bm25_and_takes_any_text(runner, built):
    found = _json(runner, "search", "speculative", "decoding", "--db", built)
    assert found[0]["title"] == "DReSD: Dense Retrieval for Speculative Decoding"
    assert all("peculative" in r["title"] or r["score"] > 0 for r in found)
    for text in ('"unbalanced', "NEAR(a b)", "title:moe OR", "dense*", "x -- ; DROP TABLE nodes"):
        run_kg(runner, "search", text, "--db", built)  # query syntax in user text is plain words, never an error
    assert _json(runner, "search", "the", "of", "and", "--db", built) == []
    assert _json(runner, "stats", "--db", built)[0]["count"] == 670


def test_title_words_match_inside_words_and_in_any_case(runner, built):
    """papers_by_title keeps the Cypher file's semantics (substring, case-blind) through the trigram index."""
    inside = _json(runner, "papers", "MIXTURE", "xperts", "--db", built, "--limit", "500")
    assert "A Survey on Mixture of Experts" in {r["title"] for r in inside}
    assert all("mixture" in r["title"].lower() and "xperts" in r["title"].lower() for r in inside)
    assert inside == _json(runner, "papers", "mixture", "XPERTS", "--db", built, "--limit", "500")
    short = _json(runner, "papers", "of", "MoE", "--db", built, "--limit", "500")  # "of": too short for trigrams
    assert short and all("of" in r["title"].lower() and "moe" in r["title"].lower() for r in short)


def test_a_table_of_papers_says_when_it_shows_the_first_ones_only(runner, built):
    every = _json(runner, "papers", "--db", built)
    assert len(every) > 2
    capped = run_kg(runner, "papers", "--limit", "2", "--db", built).output
    assert "the first 2 papers (more with --limit)" in capped
    assert every[0]["key"] in capped and every[2]["key"] not in capped
    assert len(_json(runner, "papers", "--limit", "2", "--db", built)) == 2
    whole = run_kg(runner, "papers", "--limit", str(len(every)), "--db", built).output
    assert f"{len(every)} papers" in whole and "more with --limit" not in whole
