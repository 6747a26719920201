"""The streaming build: chunks, worker processes, .gz inputs and --category, on real files and
the real pipeline. The graph must not depend on the number of processes."""

from __future__ import annotations

import gc
import gzip
import json
import re

import pytest

from paperkg.build import BUILD_GC_THRESHOLDS, build, default_extractor
from paperkg.sources import open_bundled_samples, open_sources
from paperkg.store.embedded import EmbeddedStore
from tests.conftest import DATA, SAMPLES, run_kg

ARXIV = DATA / "arxiv_snapshot_sample.json"
OPENALEX_GZ = DATA / "openalex_works_sample.jsonl.gz"


def _graph(db) -> tuple:
    with EmbeddedStore(db) as store:
        dump = store.dump()
    nodes = sorted((key, label, json.dumps(props, sort_keys=True)) for key, (label, props) in dump.nodes.items())
    edges = sorted((ident, json.dumps(props, sort_keys=True)) for ident, props in dump.edges.items())
    return nodes, edges


def _answers(runner, db) -> dict[str, str]:
    """Catalog answers a user sees, on the given store."""
    asks = {
        "stats": ["stats"],
        "papers": ["papers", "--dataset", "MMLU"],
        "entity": ["entity", "RoBERTa"],
        "related": ["related", "RoBERTa: A Robustly"],
        "cited-by": ["cited-by", "RoBERTa: A Robustly"],
        "top": ["top", "--type", "model"],
        "search": ["search", "speculative", "decoding"],
    }
    return {name: run_kg(runner, *args, "--db", str(db), "--json").output for name, args in asks.items()}


@pytest.mark.slow
def test_two_processes_build_exactly_the_graph_one_process_builds(runner, tmp_path):
    one = run_kg(runner, "build", "--db", str(tmp_path / "one"), "-q", "--jobs", "1")
    two = run_kg(runner, "build", "--db", str(tmp_path / "two"), "-q", "--jobs", "2")
    assert one.output.replace("/one/", "/x/") == two.output.replace("/two/", "/x/")
    assert _graph(tmp_path / "one") == _graph(tmp_path / "two")
    assert _answers(runner, tmp_path / "one") == _answers(runner, tmp_path / "two")


def test_small_chunks_with_workers_equal_small_chunks_in_process(tmp_path):
    """Several chunks, each typed against what earlier chunks wrote: still no dependence on jobs."""
    summaries = []
    for jobs in (1, 2):
        with EmbeddedStore(tmp_path / f"j{jobs}", create=True) as store:
            summaries.append(build(store, open_bundled_samples(), jobs=jobs, chunk_size=150))
    assert summaries[0].chunks == summaries[1].chunks == 5
    assert [(s.new, s.distinct, s.read) for s in summaries] == [(670, 670, 703)] * 2
    assert _graph(tmp_path / "j1") == _graph(tmp_path / "j2")


def test_duplicates_across_chunks_are_one_paper_counted_once(tmp_path):
    """The bundled captures repeat papers across files; with tiny chunks the repeats fall in later
    chunks and must still be one node with both sources, counted once."""
    with EmbeddedStore(tmp_path / "s", create=True) as store:
        summary = build(store, open_bundled_samples(), jobs=1, chunk_size=50)
        assert (summary.new, summary.updated, summary.unchanged, summary.distinct) == (670, 0, 0, 670)
        assert store.count_papers() == 670
        sources = [data["sources"] for _, (label, data) in store.dump().nodes.items() if label == "Paper"]
    assert sum(len(s) for s in sources) == 703 and sum(len(s) > 1 for s in sources) == 30


def test_gz_inputs_build_like_plain_ones(runner, tmp_path):
    packed = tmp_path / "captures"
    packed.mkdir()
    for sample in sorted(SAMPLES.glob("*.txt")):
        (packed / (sample.name + ".gz")).write_bytes(gzip.compress(sample.read_bytes()))
    plain = run_kg(runner, "build", "--db", str(tmp_path / "plain"), "-q", str(SAMPLES))
    compressed = run_kg(runner, "build", "--db", str(tmp_path / "gz"), "-q", str(packed))
    assert plain.output.splitlines()[:2] == compressed.output.splitlines()[:2]
    nodes_plain, edges_plain = _graph(tmp_path / "plain")
    nodes_gz, edges_gz = _graph(tmp_path / "gz")
    assert [n[:2] for n in nodes_plain] == [n[:2] for n in nodes_gz] and [e[0] for e in edges_plain] == [e[0] for e in edges_gz]


def test_arxiv_snapshot_with_category_filter_and_openalex_gz(runner, db):
    result = run_kg(runner, "build", "--db", str(db), "-q", "--category", "cs.LG", "--category", "stat.*", str(ARXIV))
    assert "read 8 records from 1 file(s): 8 distinct papers" in result.output
    assert "left out 5 paper(s) outside --category" in result.output
    assert "skipped 2" in result.output
    rows = json.loads(run_kg(runner, "papers", "--db", str(db), "--json").output)
    assert {r["arxiv_id"] for r in rows} >= {"1706.03762", "2106.09685", "1906.02691"}
    assert "1810.04805" not in {r["arxiv_id"] for r in rows}  # cs.CL only
    again = run_kg(runner, "build", "--db", str(db), "-q", str(OPENALEX_GZ))
    # Attention, Adam, LoRA, ViT, MMLU, Mamba and QLoRA are the snapshot's papers (same arXiv ids);
    # OpenAlex's conformal prediction work has no arXiv id but the title of the stored 1906.02691
    assert "read 10 records from 1 file(s): 10 distinct papers" in again.output
    assert "new 2, updated 8" in again.output
    lora = json.loads(run_kg(runner, "papers", "--db", str(db), "--entity", "LoRA", "--json").output)
    assert [(r["paper"], r["role"]) for r in lora] == [("paper:2106.09685", "introduces")]


def test_strict_fails_before_writing_even_when_the_bad_record_is_in_a_late_chunk(tmp_path):
    good = tmp_path / "good.jsonl"
    bad = tmp_path / "bad.jsonl"
    good.write_bytes(b"\n".join(ARXIV.read_bytes().splitlines()[:8]) + b"\n")
    bad.write_text(json.dumps({"id": "2409.00001", "title": "Late", "abstract": ""}) + "\n")
    store_path = tmp_path / "store"
    with EmbeddedStore(store_path, create=True) as store:
        with pytest.raises(Exception, match="--strict") as caught:
            build(store, open_sources([good, bad], fmt="jsonl"), strict=True, chunk_size=2)
        assert ":1: abstract missing" in str(caught.value)
    assert not (store_path / "graph.sqlite").exists()


def test_a_build_runs_the_cycle_collector_less_often_and_gives_its_settings_back(tmp_path):
    """Raised thresholds while the build runs (its heap is large and its garbage is freed by
    reference counts), the caller's own after it, also after a build that fails."""
    seen = []

    def extract_noting_the_collector(papers):
        seen.append(gc.get_threshold())
        return default_extractor(papers)

    before = gc.get_threshold()
    assert before != BUILD_GC_THRESHOLDS
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"id": "2409.00001", "title": "Late", "abstract": ""}) + "\n")
    with EmbeddedStore(tmp_path / "store", create=True) as store:
        summary = build(store, open_sources([ARXIV]), jobs=1, chunk_size=4, extractor=extract_noting_the_collector)
        assert summary.read > 4 and seen and set(seen) == {BUILD_GC_THRESHOLDS}
        assert gc.get_threshold() == before
        with pytest.raises(Exception, match="--strict"):
            build(store, open_sources([bad], fmt="jsonl"), strict=True)
        assert gc.get_threshold() == before


def test_unreadable_line_late_in_a_big_file_fails_the_build_and_writes_nothing(runner, db, tmp_path):
    run_kg(runner, "build", "--db", str(db), "-q")
    with EmbeddedStore(db) as store:
        before = store.dump()
    path = tmp_path / "late.jsonl"
    lines = ARXIV.read_bytes().splitlines()
    path.write_bytes(b"\n".join(lines[:12]) + b"\n" + b'{"id": "2401.1", "title": "Caf\xe9"}\n')
    result = run_kg(runner, "build", "--db", str(db), "-q", "--chunk-size", "3", str(path), expect=2)
    assert result.output.startswith("error: ") and "late.jsonl:13: is not UTF-8 text (byte 0xe9" in result.output
    with EmbeddedStore(db) as store:
        assert store.dump() == before


def test_openalex_referenced_works_import_as_citations_between_the_built_papers(runner, db):
    run_kg(runner, "build", "--db", str(db), "-q", str(OPENALEX_GZ))
    result = run_kg(runner, "import-citations", "--db", str(db), str(OPENALEX_GZ))
    assert "read 12 citations" in result.output
    cited = json.loads(run_kg(runner, "cites", "2106.09685", "--db", str(db), "--json").output)
    # LoRA's references the file describes are the built papers, not stubs beside them
    assert {(r["key"], r["stub"], r["how"]) for r in cited} == {
        ("paper:1412.6980", False, "openalex"),
        ("paper:1706.03762", False, "openalex"),
        ("paper:1810.04805", False, "openalex"),
        ("paper:oa-w9999999999", True, "openalex"),
    }


@pytest.mark.neo4j
def test_neo4j_build_reads_its_whole_input_before_the_first_write(runner, neo4j_store, neo4j_uri, tmp_path):
    """Neo4j keeps what a build wrote, so a line that cannot be read, deep in the input and after
    several chunks' worth of good records, must stop the build before anything is written."""
    path = tmp_path / "late.jsonl"
    lines = ARXIV.read_bytes().splitlines()
    path.write_bytes(b"\n".join(lines[:12]) + b"\n" + b'{"id": "2401.1", "title": "Caf\xe9"}\n')
    result = run_kg(runner, "build", "--neo4j", neo4j_uri, "-q", "--chunk-size", "3", str(path), expect=2)
    assert result.output.startswith("error: ") and "late.jsonl:13: is not UTF-8 text (byte 0xe9" in result.output
    assert neo4j_store.counts().labels == {}, "no chunk was written"
    path.write_bytes(b"\n".join(lines[:12]) + b"\n")
    built = run_kg(runner, "build", "--neo4j", neo4j_uri, "-q", "--chunk-size", "3", str(path)).output
    new = int(re.search(r"new (\d+)", built).group(1))
    assert new >= 10 and neo4j_store.counts().labels["Paper"] == new, "the good lines build once the bad one is gone"
