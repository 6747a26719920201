"""The arXiv API Atom reader: ids without versions, authors, categories, links, error feeds."""

from __future__ import annotations

import pytest

from paperkg.errors import InputError
from paperkg.sources import read_sources

FEED = """<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/"
      xmlns:arxiv="http://arxiv.org/schemas/atom">
  <title type="html">ArXiv Query: search_query=all:roberta&amp;id_list=&amp;start=0&amp;max_results=2</title>
  <id>http://arxiv.org/api/abc</id>
  <opensearch:totalResults>2</opensearch:totalResults>
  <entry>
    <id>http://arxiv.org/abs/1907.11692v1</id>
    <updated>2019-07-26T17:48:29Z</updated>
    <published>2019-07-26T17:48:29Z</published>
    <title>RoBERTa: A Robustly Optimized BERT Pretraining
  Approach</title>
    <summary>  Language model pretraining has led to significant performance gains. We
find that BERT was significantly undertrained.
</summary>
    <author><name>Yinhan Liu</name></author>
    <author><name>Myle Ott</name></author>
    <link href="http://arxiv.org/abs/1907.11692v1" rel="alternate" type="text/html"/>
    <link title="pdf" href="http://arxiv.org/pdf/1907.11692v1" rel="related" type="application/pdf"/>
    <arxiv:primary_category term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
    <category term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>
    <category term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
  </entry>
  <entry>
    <id>http://arxiv.org/abs/hep-th/9901001v3</id>
    <published>1999-01-01T00:00:00Z</published>
    <title>An old-style id</title>
    <summary>Text.</summary>
  </entry>
</feed>
"""


def test_entries_become_papers(tmp_path):
    path = tmp_path / "query.atom"
    path.write_text(FEED)
    roberta, old = read_sources([path]).papers
    assert roberta.arxiv_id == "1907.11692" and roberta.key == "paper:1907.11692"
    assert roberta.title == "RoBERTa: A Robustly Optimized BERT Pretraining Approach"
    assert roberta.abstract.startswith("Language model pretraining") and "\n" not in roberta.abstract
    assert roberta.authors == ("Yinhan Liu", "Myle Ott") and roberta.published == "2019-07-26"
    assert roberta.categories == ("cs.CL", "cs.LG") and roberta.url == "http://arxiv.org/abs/1907.11692v1"
    assert str(roberta.sources[0]) == f"{path}:7" and old.arxiv_id == "hep-th/9901001"


def test_sniffed_without_extension_and_error_feed(tmp_path):
    path = tmp_path / "response"
    path.write_text(FEED)
    assert len(read_sources([path]).papers) == 2
    error = tmp_path / "error.xml"
    error.write_text(FEED.split("<entry>")[0] + "<entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_1234</id>"
                     "<title>Error</title><summary>incorrect id format for 1234</summary></entry></feed>")
    with pytest.raises(InputError, match="arXiv API answered with an error: incorrect id format for 1234"):
        read_sources([error])
    broken = tmp_path / "cut.atom"
    broken.write_text(FEED[:900])
    with pytest.raises(InputError, match=r"cut\.atom:\d+: not a well-formed Atom feed"):
        read_sources([broken])
