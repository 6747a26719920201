"""A source's own identifier (a JSON Lines id, a DOI, an OpenReview id) names its paper in every
command that takes one, on both stores; records of one arXiv paper under different ids merge."""

from __future__ import annotations

import json

import pytest

from paperkg.identity import merge_records
from paperkg.model import Paper, SourceRef, own_ids, source_id, source_id_match
from tests.conftest import DATA, run_kg

DATED = DATA / "dated_papers.jsonl"
OWN_IDS = DATA / "own_ids.jsonl"
TINYROUTE = "TinyRoute: Sparse Routers for Small Mixtures"
CONTAMINATION = "A Study of Benchmark Contamination in Reasoning Sets"
CURRICULUM = "Curriculum Rewards for Tiny Reasoners"
MATHSTAR = "MathStar: Small Models that Reason"
RETRIEVAL = "On Retrieval for Question Answering"

# Every spelling a user may type -> the title of the paper it names.
REFERENCES = {
    "acme-0001": TINYROUTE,
    "ACME-0001": TINYROUTE,
    "10.5555/ACME.2024.0002": CONTAMINATION,
    "10.5555/acme.2024.0002": CONTAMINATION,
    "https://doi.org/10.5555/acme.2024.0002": CONTAMINATION,
    "doi:10.5555/ACME.2024.0002": CONTAMINATION,
    "AcMe03xYz": CURRICULUM,
    "https://openreview.net/forum?id=AcMe03xYz": CURRICULUM,
    "acme-0004": MATHSTAR,  # dated_papers.jsonl's 2401.00101 under another id: merged
    "2401.00101": MATHSTAR,
    "acme-0005": RETRIEVAL,  # 2401.00202, given with a DOI and an arXiv URL
    "10.5555/acme.2024.0005": RETRIEVAL,
    "arXiv:2401.00202v2": RETRIEVAL,
}


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("https://doi.org/10.1/ABC", "10.1/ABC"),
        ("http://dx.doi.org/10.1/ABC", "10.1/ABC"),
        ("doi: 10.1/ABC", "10.1/ABC"),
        ("https://openreview.net/pdf?id=r1xMH1BtvB", "r1xMH1BtvB"),
        ("  acme-0001 ", "acme-0001"),
    ],
)
def test_source_id_drops_what_surrounds_an_id(given, kept):
    assert source_id(given) == kept and source_id_match(given) == kept.lower()


def test_own_ids_leave_out_arxiv_ids_and_repeats():
    assert own_ids("acme-1", None, "", "arXiv:2401.00001v2", "https://doi.org/10.1/x", "doi:10.1/x") == ("acme-1", "10.1/x")


def test_records_of_one_arxiv_paper_under_different_ids_merge_and_keep_every_id():
    def record(line: int, ids: tuple[str, ...], arxiv_id: str | None) -> Paper:
        return Paper(title="A Paper", abstract="Text.", sources=(SourceRef("f.jsonl", line),), arxiv_id=arxiv_id, ids=ids)

    [merged] = merge_records([record(1, ("acme-1",), "2401.00001"), record(2, ("10.1/x",), "2401.00001"),
                              record(3, ("or-3",), None)])  # the title-only record joins by title
    assert merged.key == "paper:2401.00001" and merged.ids == ("acme-1", "10.1/x", "or-3")


@pytest.fixture(params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store_args(request, tmp_path) -> list[str]:
    """Store options of a graph of dated_papers.jsonl, then own_ids.jsonl in a second build (so the
    records under other ids merge with papers already stored)."""
    if request.param == "embedded":
        args = ["--db", str(tmp_path / "store")]
    else:
        request.getfixturevalue("neo4j_store")  # an empty database
        args = ["--neo4j", request.getfixturevalue("neo4j_uri")]
    from click.testing import CliRunner

    run_kg(CliRunner(), "build", str(DATED), *args, "-q")
    run_kg(CliRunner(), "build", str(OWN_IDS), *args, "-q")
    return args


def _json(runner, *args):
    return json.loads(run_kg(runner, *args, "--json").output)


def _key(runner, store_args, title: str) -> str:
    [row] = [r for r in _json(runner, "papers", *title.split()[:2], *store_args) if r["title"] == title]
    return row["key"]


def test_every_spelling_of_an_id_names_its_paper(runner, store_args):
    keys = {title: _key(runner, store_args, title) for title in set(REFERENCES.values())}
    for reference, title in REFERENCES.items():
        result = run_kg(runner, "related", reference, *store_args, env={"COLUMNS": "200"})
        assert f"related to {title}" in " ".join(result.output.split()), reference
        if title != MATHSTAR:
            hops = _json(runner, "path", reference, MATHSTAR, *store_args)
            assert hops[0]["from"].endswith(f"[{keys[title]}]") and hops[-1]["to"].endswith("[paper:2401.00101]"), reference


def test_merged_paper_keeps_the_ids_of_both_sources(runner, store_args):
    [details] = _json(runner, "query", "paper_details", "--param", "key=paper:2401.00202", *store_args)
    assert details["ids"] == ["acme-0005", "10.5555/acme.2024.0005"]
    [details] = _json(runner, "query", "paper_details", "--param", "key=paper:2401.00101", *store_args)
    assert details["ids"] == ["acme-0004"] and len(details["sources"]) == 2
    assert _json(runner, "stats", *store_args)[0] == {"what": "papers", "name": "", "count": 11}


def test_commands_that_take_a_paper_take_its_own_id(runner, store_args, tmp_path):
    wide = {"COLUMNS": "200"}
    cites = _json(runner, "cites", "https://openreview.net/forum?id=AcMe03xYz", *store_args)
    assert [r["title"] for r in cites] == [TINYROUTE] and cites[0]["how"] == "inferred via method:tinyroute"
    assert [r["title"] for r in _json(runner, "cited-by", "acme-0001", *store_args)] == [CURRICULUM]
    assert f"results in {MATHSTAR}" in " ".join(run_kg(runner, "results", "acme-0004", *store_args, env=wide).output.split())
    assert {r["dataset"] for r in _json(runner, "results", "acme-0004", *store_args)} == {"GSM8K", "MMLU"}
    assert _json(runner, "related", "10.5555/acme.2024.0002", *store_args)
    chain = _json(runner, "path", "--citations", "AcMe03xYz", "acme-0001", *store_args)
    assert len(chain) == 1 and "inferred via method:tinyroute" in chain[0]["relationship"]
    page = tmp_path / "paper.html"
    run_kg(runner, "viz", "--paper", "acme-0001", "-o", str(page), *store_args)
    assert TINYROUTE in page.read_text(encoding="utf-8")
    run_kg(runner, "viz", "--paper", "doi:10.5555/acme.2024.0002", "--neighbourhood", "-o", str(page), *store_args)
    assert CONTAMINATION in page.read_text(encoding="utf-8")


def test_an_id_two_sources_give_different_papers_is_ambiguous(runner, tmp_path):
    listing = tmp_path / "dup.jsonl"
    listing.write_text("".join(json.dumps({"id": "dup-1", "title": t, "abstract": "We study things."}) + "\n"
                               for t in ("First Paper on Things", "Second Paper on Things")), encoding="utf-8")
    db = str(tmp_path / "store")
    run_kg(runner, "build", str(listing), "--db", db, "-q")
    result = run_kg(runner, "related", "dup-1", "--db", db, expect=4)
    assert "'dup-1' is the id of 2 papers" in result.output and "First Paper on Things" in result.output
