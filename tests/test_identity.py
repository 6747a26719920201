from __future__ import annotations

from paperkg.identity import merge_records
from paperkg.model import Paper, SourceRef, normalize_name, paper_key, parse_arxiv_id


def _paper(title: str, line: int, **kw) -> Paper:
    return Paper(title=title, abstract="A.", sources=(SourceRef("f", line),), **kw)


def test_title_only_record_joins_the_arxiv_record_with_the_same_title():
    merged = merge_records([_paper("Pointer Networks", 1), _paper("pointer networks", 2, arxiv_id="1506.03134")])
    assert len(merged) == 1
    assert merged[0].key == "paper:1506.03134"
    assert [s.line for s in merged[0].sources] == [2, 1]


def test_reading_the_same_records_twice_adds_nothing():
    records = [_paper("A", 1), _paper("B", 2)]
    assert merge_records(records + records) == merge_records(records)


def test_different_arxiv_ids_stay_apart_even_with_one_title():
    merged = merge_records([_paper("Same", 1, arxiv_id="2401.00001"), _paper("Same", 2, arxiv_id="2401.00002")])
    assert len(merged) == 2


def test_keys():
    assert paper_key(arxiv_id="2407.21783", title="x") == "paper:2407.21783"
    assert paper_key(arxiv_id=None, title="A  Title!") == paper_key(arxiv_id=None, title="a title")
    assert parse_arxiv_id("https://arxiv.org/abs/2407.21783v3") == "2407.21783"
    assert parse_arxiv_id("arXiv:hep-th/9901001v1") == "hep-th/9901001"
    assert parse_arxiv_id("not an id") is None


def test_entity_name_normalisation():
    assert normalize_name("LLaMA-2") == normalize_name("Llama 2") == normalize_name("Llama-2") == "llama2"
    assert normalize_name("Qwen2.5-32B") == "qwen2.5-32b"
    assert normalize_name("GPT-4") == normalize_name("GPT4")
