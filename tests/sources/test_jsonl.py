from __future__ import annotations

import json

from paperkg.model import Skip
from paperkg.sources.jsonl import read_jsonl


def _lines(*records) -> str:
    return "\n".join(r if isinstance(r, str) else json.dumps(r) for r in records)


def test_reads_fields_and_arxiv_id():
    text = _lines(
        {
            "id": "2407.21783v2",
            "title": "The Llama 3 Herd of Models",
            "abstract": "Modern AI systems are powered by foundation models.",
            "authors": ["Abhimanyu Dubey", {"name": "Abhinav Jauhri"}],
            "published": "2024-07-31",
            "url": "https://arxiv.org/abs/2407.21783",
        }
    )
    [paper] = list(read_jsonl(text, "f.jsonl"))
    assert paper.arxiv_id == "2407.21783" and paper.key == "paper:2407.21783"
    assert paper.authors == ("Abhimanyu Dubey", "Abhinav Jauhri")
    assert str(paper.sources[0]) == "f.jsonl:1"


def test_non_arxiv_id_is_kept_but_key_comes_from_title():
    [paper] = list(read_jsonl(_lines({"id": "abc", "title": "T", "abstract": "A."}), "f.jsonl"))
    assert paper.arxiv_id is None and paper.ids == ("abc",) and paper.key.startswith("paper:t-")


def test_own_id_is_kept_beside_an_arxiv_id_and_a_doi():
    record = {"id": "acme-7", "doi": "https://doi.org/10.1/X", "url": "https://arxiv.org/abs/2401.00001v2", "title": "T",
              "abstract": "A."}
    [paper] = list(read_jsonl(_lines(record), "f.jsonl"))
    assert paper.key == "paper:2401.00001" and paper.ids == ("acme-7", "10.1/X")
    [arxiv_only] = list(read_jsonl(_lines({"id": "arXiv:2401.00001v1", "title": "T", "abstract": "A."}), "f.jsonl"))
    assert arxiv_only.key == "paper:2401.00001" and arxiv_only.ids == ()


def test_malformed_records_are_skipped_with_line_and_reason():
    text = _lines(
        {"id": "1", "title": "", "abstract": "A."},
        {"id": "2", "title": "No abstract"},
        "[1, 2]",
        "{not json",
        {"id": "3", "title": "Good", "abstract": "Fine."},
        '{"id": "4", "title": "Cut',
    )
    items = list(read_jsonl(text, "f.jsonl"))
    skips = [i for i in items if isinstance(i, Skip)]
    assert [p.title for p in items if not isinstance(p, Skip)] == ["Good"]
    assert [(s.source.line, s.reason.split(" (")[0]) for s in skips] == [
        (1, "empty title"),
        (2, "abstract missing for title 'No abstract'"),
        (3, "expected a JSON object, found list"),
        (4, "not valid JSON"),
        (6, "truncated last record"),
    ]
