"""`kg import-citations`: Semantic Scholar and OpenAlex responses, stubs and their completion."""

from __future__ import annotations

import json

import pytest

from paperkg.store.embedded import EmbeddedStore
from tests.conftest import run_kg

ROBERTA = "RoBERTa: A Robustly Optimized BERT Pretraining Approach"
S2_REFERENCES = {
    "offset": 0,
    "data": [
        {"citedPaper": {"paperId": "df2b0e26", "externalIds": {"ArXiv": "1810.04805", "DOI": "10.18653/v1/N19-1423"},
                        "title": "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding"}},
        {"citedPaper": {"paperId": "9405cc0d", "externalIds": {},
                        "title": "Visual Genome: Connecting Language and Vision Using Crowdsourced Dense Image Annotations"}},
        {"citedPaper": {"paperId": None, "externalIds": None, "title": None}},
    ],
}
S2_PAPER = {
    "paperId": "077f8329",
    "externalIds": {"ArXiv": "1907.11692"},
    "title": ROBERTA,
    "citations": [{"paperId": "aaa1", "externalIds": {"ArXiv": "2001.00001"}, "title": "A Later Paper"}],
}
OPENALEX_WORK = {
    "id": "https://openalex.org/W2963403868",
    "doi": "https://doi.org/10.48550/arxiv.1907.11692",
    "title": ROBERTA,
    "ids": {"openalex": "https://openalex.org/W2963403868", "doi": "https://doi.org/10.48550/arxiv.1907.11692"},
    "referenced_works": ["https://openalex.org/W2896457183", "https://openalex.org/W1234567890"],
}
OPENALEX_LIST = {
    "meta": {"count": 1},
    "results": [{"id": "https://openalex.org/W2896457183", "title": "BERT: Pre-training of Deep Bidirectional Transformers",
                 "ids": {"openalex": "https://openalex.org/W2896457183", "doi": "https://doi.org/10.48550/arXiv.1810.04805"},
                 "referenced_works": []}],
}


@pytest.fixture
def built(runner, tmp_path):
    db = tmp_path / "store"
    run_kg(runner, "build", "--db", str(db), "-q")
    return db


def _write(tmp_path, name, document):
    path = tmp_path / name
    path.write_text(json.dumps(document, indent=1))
    return str(path)


def _cites(runner, db, paper):
    return json.loads(run_kg(runner, "cites", paper, "--db", str(db), "--json").output)


def test_semantic_scholar_references_need_their_paper(runner, built, tmp_path):
    path = _write(tmp_path, "refs.json", S2_REFERENCES)
    missing = run_kg(runner, "import-citations", path, "--db", str(built), expect=2)
    assert "does not say which paper" in missing.output and "--paper" in missing.output
    result = run_kg(runner, "import-citations", path, "--paper", ROBERTA, "--db", str(built))
    assert "read 2 citations from 1 file(s) (s2 2): 2 new; 1 stub papers added" in result.output
    rows = {r["title"][:12]: r for r in _cites(runner, built, ROBERTA)}
    assert rows["BERT: Pre-tr"]["stub"] is True and rows["BERT: Pre-tr"]["key"] == "paper:1810.04805"
    # Visual Genome is in the bundled corpus: the citation points at that paper, no stub.
    assert rows["Visual Genom"]["stub"] is False and rows["Visual Genom"]["how"] == "s2"
    again = run_kg(runner, "import-citations", path, "--paper", ROBERTA, "--db", str(built))
    assert "0 new; 0 stub papers added" in again.output


def test_semantic_scholar_paper_objects_and_explicit_plus_inferred(runner, built, tmp_path):
    run_kg(runner, "import-citations", _write(tmp_path, "paper.json", S2_PAPER), "--db", str(built))
    store = EmbeddedStore(built)
    roberta = next(k for k, (_, props) in store.dump().nodes.items() if props.get("title") == ROBERTA)
    assert roberta == "paper:1907.11692", "the arXiv id of the response gives the title-keyed paper its key"
    citing = json.loads(run_kg(runner, "cited-by", ROBERTA, "--db", str(built), "--json").output)
    assert {r["how"] for r in citing} >= {"s2", "inferred via model:roberta"}
    later = next(r for r in citing if r["key"] == "paper:2001.00001")
    assert later["stub"] is True and later["title"] == "A Later Paper"


def test_openalex_works_and_stub_completion(runner, built, tmp_path):
    result = run_kg(runner, "import-citations", _write(tmp_path, "work.json", OPENALEX_WORK), "--db", str(built))
    assert "(openalex 2): 2 new; 2 stub papers added" in result.output
    keys = {r["key"] for r in _cites(runner, built, ROBERTA)}
    assert keys == {"paper:oa-w2896457183", "paper:oa-w1234567890"}
    listing = run_kg(runner, "import-citations", _write(tmp_path, "list.json", OPENALEX_LIST), "--db", str(built))
    assert "1 stubs completed" in listing.output
    rows = {r["key"]: r for r in _cites(runner, built, ROBERTA)}
    assert set(rows) == {"paper:1810.04805", "paper:oa-w1234567890"}
    assert rows["paper:1810.04805"]["title"].startswith("BERT") and rows["paper:1810.04805"]["how"] == "openalex"
    # A full read of BERT completes the stub; the citation stays.
    record = {"id": "1810.04805", "title": OPENALEX_LIST["results"][0]["title"], "abstract": "We introduce BERT."}
    listing_file = tmp_path / "bert.jsonl"
    listing_file.write_text(json.dumps(record) + "\n")
    run_kg(runner, "build", str(listing_file), "--db", str(built), "-q")
    assert {r["key"]: r["stub"] for r in _cites(runner, built, ROBERTA)}["paper:1810.04805"] is False


def test_unknown_document_is_a_one_line_error(runner, built, tmp_path):
    result = run_kg(runner, "import-citations", _write(tmp_path, "x.json", {"hello": 1}), "--db", str(built), expect=2)
    assert "not a Semantic Scholar references/citations response or an OpenAlex work" in result.output


@pytest.mark.neo4j
def test_neo4j_imports_the_same(runner, built, tmp_path, neo4j_store, neo4j_uri):
    run_kg(runner, "build", "--neo4j", neo4j_uri, "-q")
    for name, document in (("refs.json", S2_REFERENCES), ("work.json", OPENALEX_WORK), ("list.json", OPENALEX_LIST)):
        path = _write(tmp_path, name, document)
        extra = ["--paper", ROBERTA] if name == "refs.json" else []
        run_kg(runner, "import-citations", path, *extra, "--db", str(built))
        run_kg(runner, "import-citations", path, *extra, "--neo4j", neo4j_uri)
    assert neo4j_store.dump() == EmbeddedStore(built).dump()
