"""The Hugging Face papers API reader, on real daily-papers responses (tests/data/hf_daily_2025)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from paperkg.errors import InputError
from paperkg.sources import read_sources
from tests.conftest import DATA, run_kg

FIXTURES = DATA / "hf_daily_2025"  # real API responses (Apache-2.0, NOTICE.md beside them)


@pytest.fixture(scope="module")
def fixtures() -> Path:
    return FIXTURES


def test_real_daily_papers_responses(fixtures):
    result = read_sources([fixtures])
    assert len(result.files) == 14 and len(result.papers) == 178 and not result.skipped
    by_id = {p.arxiv_id: p for p in result.papers}
    video_rag = by_id["2501.05874"]
    assert video_rag.title == "VideoRAG: Retrieval-Augmented Generation over Video Corpus"
    assert video_rag.published == "2025-01-10" and video_rag.upvotes == 19
    assert video_rag.authors[:2] == ("Soyeong Jeong", "Kangsan Kim") and "\n" not in video_rag.abstract
    assert str(video_rag.sources[0]).endswith("2025-01-13.json:2")
    with_repo = [p for p in result.papers if any(field == "githubRepo" for field, _ in p.links)]
    assert len(with_repo) == 30 and sum(1 for p in result.papers if p.keywords) == 79


def test_fields_in_the_item_or_in_paper_and_single_paper_objects(tmp_path):
    items = [
        {"paper": {"id": "2502.00001", "title": "A", "summary": "Text.", "authors": [{"name": "X Y"}]},
         "githubRepo": "https://github.com/a/b", "ai_keywords": ["k1"]},
        {"paper": {"id": "2502.00002", "title": "B", "summary": "Text.", "projectPage": "https://b.github.io",
                   "githubRepo": "https://github.com/c/d"}, "githubRepo": "https://github.com/ignored/x"},
    ]
    listing = tmp_path / "daily.json"
    listing.write_text(json.dumps(items, indent=2))
    single = tmp_path / "paper.json"
    single.write_text(json.dumps({"id": "2502.00003", "title": "C", "summary": "S.", "upvotes": 3, "authors": []}))
    papers = {p.arxiv_id: p for p in read_sources([listing, single]).papers}
    assert papers["2502.00001"].links == (("githubRepo", "https://github.com/a/b"),)
    assert papers["2502.00001"].keywords == ("k1",) and papers["2502.00001"].authors == ("X Y",)
    assert papers["2502.00002"].links == (("githubRepo", "https://github.com/c/d"), ("projectPage", "https://b.github.io"))
    assert papers["2502.00003"].upvotes == 3


def test_truncated_response_is_a_one_line_error_naming_the_line(tmp_path):
    text = (FIXTURES / "2025-01-13.json").read_text()
    broken = tmp_path / "cut.json"
    broken.write_text(text[: len(text) // 2])
    with pytest.raises(InputError, match=r"cut\.json:\d+: not valid JSON .*truncated"):
        read_sources([broken])


def test_build_makes_authors_metadata_repos_and_keywords(runner, db, fixtures):
    run_kg(runner, "build", str(fixtures), "--db", str(db), "-q")
    rows = json.loads(run_kg(runner, "papers", "--author", "Jinheon Baek", "--db", str(db), "--json").output)
    assert [r["paper"] for r in rows] == ["paper:2501.05874"]
    repo_rows = json.loads(run_kg(runner, "papers", "--repo", "github.com/WeiminXiong/MPO", "--db", str(db), "--json").output)
    assert repo_rows and repo_rows[0]["evidence"] == "githubRepo: https://github.com/WeiminXiong/MPO"
    from paperkg.store.embedded import EmbeddedStore

    node = EmbeddedStore(db).nodes("Paper", ["paper:2503.03601"])["paper:2503.03601"]
    assert "Sparse Autoencoders" in node["keywords"]
