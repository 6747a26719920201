"""URL finding, cleaning and classification, over every URL in the seeds and awkward cases."""

from __future__ import annotations

import csv

import pytest

from paperkg.extractors.links import classify_url, clean_url, find_links
from tests.conftest import DATA, SAMPLES


def _seed_table() -> list[tuple[str, str, str]]:
    with open(DATA / "seed_urls.tsv", encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return [(r["raw"], r["clean"], r["kind"]) for r in rows]


SEED_URLS = _seed_table()


def test_table_covers_every_url_in_the_seeds():
    written = set()
    for path in SAMPLES.glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        written |= {text[link.start : link.end] for link in find_links(text)}
    assert len(SEED_URLS) == 163
    assert {clean_url(raw) for raw, _, _ in SEED_URLS} == {clean_url(w) for w in written}


@pytest.mark.parametrize("raw,clean,kind", SEED_URLS, ids=[r[0][:60] for r in SEED_URLS])
def test_seed_url_is_cleaned_and_classified(raw, clean, kind):
    [link] = find_links(f"Code: {raw} More text.")
    assert (link.url, link.kind) == (clean, kind)


@pytest.mark.parametrize(
    "text,url",
    [
        (
            "at https://github.com/om-ai-lab/ZoomEye{https://github.com/om-ai-lab/ZoomEye}.",
            "https://github.com/om-ai-lab/ZoomEye",
        ),
        ("on https://huggingface.co/a-m-team/AM-Thinking-v1{Hugging Face}.", "https://huggingface.co/a-m-team/AM-Thinking-v1"),
        ("see github.com/deel-ai/Craft.", "https://github.com/deel-ai/Craft"),
        ("(code: https://github.com/a/b).", "https://github.com/a/b"),
        ("at https://github.com/a/b.git.", "https://github.com/a/b"),
        ("at https://github.com/a/b}, and", "https://github.com/a/b"),
        ("wiki https://en.wikipedia.org/wiki/Bias_(statistics).", "https://en.wikipedia.org/wiki/Bias_(statistics)"),
        ("page grounded-decoding.github.io.", "https://grounded-decoding.github.io"),
        ("at www.github.com/samblouir/birdie,", "https://www.github.com/samblouir/birdie"),
    ],
)
def test_debris_is_cleaned(text, url):
    assert [link.url for link in find_links(text)] == [url]


@pytest.mark.parametrize(
    "url,kind",
    [
        ("https://github.com/o/r", "code"),
        ("https://gitlab.com/o/r", "code"),
        ("https://anonymous.4open.science/r/X-1", "code"),
        ("https://huggingface.co/o/m", "hf_model"),
        ("https://huggingface.co/models/o/m", "hf_model"),
        ("https://huggingface.co/datasets/o/d", "hf_dataset"),
        ("https://huggingface.co/spaces/o/s", "hf_space"),
        ("https://huggingface.co/papers/2401.00001", "other"),
        ("https://x.github.io/p", "project_page"),
        ("https://example.org/project", "project_page"),
        ("https://bit.ly/abc", "other"),
        ("https://arxiv.org/abs/2401.00001", "other"),
    ],
)
def test_classify(url, kind):
    assert classify_url(url) == kind


def test_offsets_point_at_the_url_as_written():
    text = "Our code is at github.com/deel-ai/Craft. Thanks."
    [link] = find_links(text)
    assert text[link.start : link.end] == "github.com/deel-ai/Craft"


def test_same_url_twice_is_found_once_and_plain_words_are_not_urls():
    text = "See https://github.com/a/b and https://github.com/a/b. e.g. a.b or U.S. or 3.5/4."
    assert [link.url for link in find_links(text)] == ["https://github.com/a/b"]


def test_email_is_not_a_url():
    assert find_links("mail me at someone@github.com please") == []


def test_a_link_written_in_capitals_is_found():
    # The link pattern is case-blind; the cheap test that skips texts without links must be too.
    [link] = find_links("Code and data at WWW.EXAMPLE.ORG today.")
    assert link.url.lower() == "https://www.example.org"
