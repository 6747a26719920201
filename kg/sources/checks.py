"""Checks every record passes, whichever reader made it: sizes, text that is really text, URLs.

Readers turn a file's records into Papers; what no reader should let through is checked once,
here: a title or abstract too long to be one (a 10 MB "abstract" would exhaust spaCy's memory),
a lone surrogate (a broken ``\\ud800`` escape: not text, cannot be written as UTF-8), too many
authors, and URLs carrying control characters or spaces (dropped: the paper is kept). A failing
record becomes a Skip that names the field and what to do, counted in the build's summary.
"""

from __future__ import annotations

import dataclasses
import re

from paperkg.model import Paper, Skip
from paperkg.safe_text import UNSAFE_CHARS

MAX_TITLE_CHARS = 1_000
MAX_ABSTRACT_CHARS = 100_000
MAX_AUTHORS = 5_000
MAX_FIELD_CHARS = 10_000  # ids, dates, names, keywords, URLs
_SURROGATE = re.compile("[\ud800-\udfff]")
# A URL is kept only when it holds no whitespace, control, bidi or invisible character.
_URL_UNSAFE = re.compile(f"[\\s{UNSAFE_CHARS}]")


def _texts(paper: Paper) -> list[tuple[str, str]]:
    """(field, value) for every text a paper carries."""
    fields = [("title", paper.title), ("abstract", paper.abstract)]
    for name in ("arxiv_id", "published", "url"):
        value = getattr(paper, name)
        if value:
            fields.append((name, value))
    fields += [("ids", i) for i in paper.ids]
    fields += [("authors", a) for a in paper.authors] + [("keywords", k) for k in paper.keywords]
    fields += [("categories", c) for c in paper.categories] + [(f, url) for f, url in paper.links]
    return fields


def safe_url(url: str | None) -> str | None:
    """``url`` when it is free of characters a URL never holds, else None."""
    return url if url and not _URL_UNSAFE.search(url) and len(url) <= MAX_FIELD_CHARS else None


def check_paper(paper: Paper) -> Paper | Skip:
    """The paper (its unsafe URLs dropped), or a Skip naming the field that cannot be used."""
    source = paper.sources[0]
    for name, value in _texts(paper):
        found = _SURROGATE.search(value)
        if found:
            return Skip(source, f"the {name} holds a lone surrogate (\\u{ord(found.group(0)):04x}), which is not text; "
                                "fix the file's encoding")
    if len(paper.title) > MAX_TITLE_CHARS:
        return Skip(source, f"title of {len(paper.title):,} characters is longer than the {MAX_TITLE_CHARS:,} a title can be")
    if len(paper.abstract) > MAX_ABSTRACT_CHARS:
        return Skip(source, f"abstract of {len(paper.abstract):,} characters is longer than the {MAX_ABSTRACT_CHARS:,} "
                            f"kg reads (is it the full text?) for title {paper.title[:60]!r}")
    if len(paper.authors) > MAX_AUTHORS:
        return Skip(source, f"{len(paper.authors):,} authors, more than the {MAX_AUTHORS:,} kg reads")
    for name, value in _texts(paper)[2:]:
        if name not in ("url", "githubRepo", "projectPage") and len(value) > MAX_FIELD_CHARS:
            return Skip(source, f"the {name} value of {len(value):,} characters is longer than {MAX_FIELD_CHARS:,}")
    url = safe_url(paper.url)
    links = tuple((name, link) for name, link in paper.links if safe_url(link))
    if url != paper.url or links != paper.links:
        paper = dataclasses.replace(paper, url=url, links=links)
    return paper
