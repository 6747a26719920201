"""The OpenAlex works reader on a small JSONL file in OpenAlex's own format
(tests/data/openalex_works_sample.jsonl, and the same file gzip-compressed)."""

from __future__ import annotations

import json

from paperkg.sources import open_sources, read_sources
from paperkg.sources.openalex import abstract_text, referenced_works
from tests.conftest import DATA

SAMPLE = DATA / "openalex_works_sample.jsonl"
PACKED = DATA / "openalex_works_sample.jsonl.gz"


def test_format_is_detected_plain_and_gzip():
    assert [i.fmt.name for i in open_sources([SAMPLE, PACKED]).inputs] == ["openalex", "openalex"]


def test_abstract_is_put_back_in_order_from_the_inverted_index():
    assert abstract_text({"models": [3], "We": [0], "propose": [1], "new": [2], "and": [4], "more": [5, 6]}) == (
        "We propose new models and more more"
    )
    assert abstract_text(None) == "" and abstract_text({}) == ""


def test_fields_ids_and_skips():
    result = read_sources([SAMPLE])
    papers = {p.title: p for p in result.papers}
    assert len(result.papers) == 10
    vit = papers["An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale"]  # display_name, title null
    assert vit.arxiv_id == "2010.11929" and vit.key == "paper:2010.11929"  # from the arxiv.org location
    lora = papers["LoRA: Low-Rank Adaptation of Large Language Models"]
    assert lora.arxiv_id == "2106.09685"  # from the arXiv DOI
    assert lora.abstract.startswith("We propose Low-Rank Adaptation, or LoRA, which freezes")
    assert lora.published == "2021-06-17" and lora.authors[:2] == ("Edward J. Hu", "Yelong Shen")
    assert lora.ids == ("openalex:W3168867926", "10.48550/arxiv.2106.09685")
    resnet = papers["Deep Residual Learning for Image Recognition"]  # a journal DOI only: keyed by title
    assert resnet.arxiv_id is None and resnet.key.startswith("paper:t-") and resnet.url == "https://doi.org/10.1109/cvpr.2016.90"
    assert "QLoRA: Efficient Finetuning of Quantized LLMs" in papers  # the newline in the title is gone
    reasons = sorted(s.reason for s in result.skipped)
    assert reasons == [
        "abstract missing for title 'A Work With An Empty Abstract Index'",
        "abstract missing for title 'Sequence to Sequence Learning with Neural Networks'",
    ]


def test_gzip_gives_the_same_records():
    plain, packed = read_sources([SAMPLE]), read_sources([PACKED])
    assert [(p.key, p.abstract, p.authors) for p in plain.papers] == [(p.key, p.abstract, p.authors) for p in packed.papers]


def test_referenced_works_are_openalex_ids():
    first = json.loads(SAMPLE.read_text().splitlines()[4])
    assert referenced_works(first) == ["W2963403868", "W2896457183", "W1522301498", "W9999999999"]
