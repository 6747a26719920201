"""The arXiv metadata snapshot reader on a small file in the snapshot's own format
(tests/data/arxiv_snapshot_sample.json), plain and gzip-compressed."""

from __future__ import annotations

import gzip

from paperkg.model import Skip
from paperkg.sources import category_matches, open_sources, read_sources
from tests.conftest import DATA

SAMPLE = DATA / "arxiv_snapshot_sample.json"


def test_format_is_detected_and_fields_mapped():
    sources = open_sources([SAMPLE])
    assert [item.fmt.name for item in sources.inputs] == ["arxiv-snapshot"]
    papers = {p.arxiv_id: p for p in read_sources([SAMPLE]).papers}
    bert = papers["1810.04805"]
    # the snapshot wraps titles and abstracts over lines; they come back as one line each
    assert bert.title == "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding"
    assert bert.abstract.startswith("We introduce a new language representation model called BERT, which stands for")
    assert "\n" not in bert.abstract and "  " not in bert.abstract
    assert bert.authors == ("Jacob Devlin", "Ming-Wei Chang", "Kenton Lee", "Kristina Toutanova")
    assert bert.published == "2018-10-11"  # the first version's date, not the last or update_date
    assert bert.categories == ("cs.CL",)
    assert bert.url == "https://arxiv.org/abs/1810.04805" and bert.key == "paper:1810.04805"
    assert papers["0704.0001"].authors[0] == "C. Balázs"
    assert papers["0704.0001"].ids == ("10.1103/PhysRevD.76.013009",)
    assert papers["hep-th/9901001"].title == "Noncommutative Geometry and Matrix Theory"
    assert papers["2305.14314"].published == "2023-05-24"  # no versions: update_date
    assert papers["2010.11929"].categories == ("cs.CV", "cs.AI", "cs.LG")


def test_records_without_abstract_or_title_are_skipped_with_their_line():
    result = read_sources([SAMPLE])
    assert len(result.papers) == 13
    reasons = {s.source.line: s.reason for s in result.skipped}
    assert reasons == {9: "abstract missing for title 'A Title Without An Abstract'", 15: "empty title (arXiv id '2402.99999')"}


def test_gzip_file_reads_the_same(tmp_path):
    packed = tmp_path / "arxiv-metadata-oai-snapshot.json.gz"
    packed.write_bytes(gzip.compress(SAMPLE.read_bytes()))
    plain, compressed = read_sources([SAMPLE]), read_sources([packed])
    assert [(p.key, p.title, p.abstract) for p in compressed.papers] == [(p.key, p.title, p.abstract) for p in plain.papers]
    assert [str(s).rsplit(":", 2)[-2:] for s in compressed.skipped] == [str(s).rsplit(":", 2)[-2:] for s in plain.skipped]


def test_category_filter_takes_exact_and_prefix_patterns():
    sources = open_sources([SAMPLE], categories=["cs.LG"])
    keys = {p.arxiv_id for p in sources.records() if not isinstance(p, Skip)}
    assert keys == {"1706.03762", "2106.09685", "2009.03300", "2010.11929", "1412.6980", "2312.00752", "2305.14314"}
    assert sources.filtered == 6
    every_cs = open_sources([SAMPLE], categories=["cs.*"])
    cs_keys = {p.arxiv_id for p in every_cs.records() if not isinstance(p, Skip)}
    assert cs_keys == keys | {"1810.04805", "1512.03385", "2104.08691"}
    assert category_matches(["stat.ML"], ["stat"]) and category_matches(["hep-th"], ["HEP-TH"])
    assert not category_matches(["cs.LG"], ["cs.L"])
    assert not category_matches(["cs.CL"], ["c*"])
