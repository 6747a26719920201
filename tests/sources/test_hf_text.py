"""Reader tests on the five seed captures and on hand-made captures with broken records."""

from __future__ import annotations

from collections import Counter

import pytest

from paperkg.identity import merge_records
from paperkg.model import Skip
from paperkg.sources import hf_text
from paperkg.sources.files import bundled_sample_names
from paperkg.sources.hf_text import CHROME_LINES, read_hf_text

EXPECTED = {
    "000_87e1f5f5e62356ea.txt": 57,
    "001_c563af4bc4f668b1.txt": 240,
    "002_d63a9ddab91e58c6.txt": 52,
    "003_3784366c2b3939e3.txt": 292,
    "004_5da143efda97e8e8.txt": 62,
}


def test_bundled_samples_are_the_five_seeds():
    assert bundled_sample_names() == sorted(EXPECTED)


@pytest.mark.parametrize("name,count", sorted(EXPECTED.items()))
def test_each_seed_file_gives_its_exact_record_count(bundled, name, count):
    per_file = Counter(p.sources[0].path.rsplit("/", 1)[1] for p in bundled.papers)
    assert per_file[name] == count


def test_all_seed_records_read_and_none_skipped(bundled):
    assert len(bundled.papers) == 703
    assert bundled.skipped == []


def test_duplicates_across_files_merge_into_670_papers_listing_all_sources(bundled):
    papers = merge_records(bundled.papers)
    assert len(papers) == 670
    multi = [p for p in papers if len(p.sources) > 1]
    assert sum(len(p.sources) for p in papers) == 703
    assert multi, "the seeds repeat papers across files"
    assert all(len({s.path for s in p.sources}) == len(p.sources) for p in multi)


def test_chrome_lines_are_never_titles(bundled):
    for paper in bundled.papers:
        assert paper.title.casefold() not in CHROME_LINES
        assert not paper.title.startswith("Subscribe")
        assert not hf_text.looks_like_chrome(paper.title)


def test_glued_subscribe_is_cut_from_the_first_title(bundled):
    titles = {p.title for p in bundled.papers}
    assert "Speculative Prefill: Turbocharging TTFT with Lightweight and Training-Free Token Importance Estimation" in titles
    assert "Stealing User Prompts from Mixture of Experts" in titles


def test_titles_keep_latex_exactly(bundled):
    assert "Forward $χ^2$ Divergence Based Variational Importance Sampling" in {p.title for p in bundled.papers}


def test_records_cite_file_and_line(bundled):
    first = next(p for p in bundled.papers if p.title.startswith("Retrofitting (Large)"))
    assert str(first.sources[0]) == "kg:samples/000_87e1f5f5e62356ea.txt:11"
    second_layout = next(p for p in bundled.papers if p.title.startswith("Off-Policy Evaluation for Large"))
    assert str(second_layout.sources[0]) == "kg:samples/001_c563af4bc4f668b1.txt:5"


ABSTRACT = (
    "We study a problem that matters. We propose a method that solves it well. Experiments on "
    "three benchmarks show large gains over strong baselines, and the analysis explains why the "
    "method works where others fail, with code released for everyone."
)


def _read(text: str):
    items = list(read_hf_text(text, "t.txt"))
    return [i for i in items if not isinstance(i, Skip)], [i for i in items if isinstance(i, Skip)]


def test_title_without_abstract_is_skipped_alone():
    text = f"new\n\nSubscribe\n\nMar 11\n\nFirst Title\n\n{ABSTRACT}\n\nLonely Title\n\nThird Title\n\n{ABSTRACT}\n"
    papers, skips = _read(text)
    assert [p.title for p in papers] == ["First Title", "Third Title"]
    assert len(skips) == 1 and skips[0].source.line == 11 and "abstract missing" in skips[0].reason


def test_truncated_last_record_is_skipped():
    text = f"SubscribeFirst Title\n{ABSTRACT}\nLast Title\nWe propose a"
    papers, skips = _read(text)
    assert [p.title for p in papers] == ["First Title"]
    assert len(skips) == 1 and "truncated last record" in skips[0].reason and skips[0].source.line == 3


def test_title_at_end_of_file_is_skipped():
    papers, skips = _read(f"SubscribeFirst Title\n{ABSTRACT}\nLast Title\n")
    assert len(papers) == 1 and "truncated last record" in skips[0].reason


def test_short_abstract_is_still_an_abstract():
    text = f"SubscribeFirst Title\nWe propose X, a method.\nSecond Title\n{ABSTRACT}"
    papers, skips = _read(text)
    assert [(p.title, p.abstract[:10]) for p in papers] == [("First Title", "We propose"), ("Second Title", "We study a")]
    assert skips == []


def test_abstract_without_title_is_skipped():
    papers, skips = _read(f"SubscribeFirst Title\n{ABSTRACT}\n{ABSTRACT}\nNext Title\n{ABSTRACT}")
    assert [p.title for p in papers] == ["First Title", "Next Title"]
    assert len(skips) == 1 and skips[0].source.line == 3


def test_later_title_starting_with_subscribe_is_kept():
    papers, _ = _read(f"SubscribeFirst Title\n{ABSTRACT}\nSubscriber Churn Models\n{ABSTRACT}")
    assert papers[1].title == "Subscriber Churn Models"
