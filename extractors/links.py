"""Repository and project links in abstracts: find, clean, classify.

Abstracts copied from PDFs and LaTeX carry URLs with debris: a sentence's full stop or comma,
a closing bracket, LaTeX ``\\href``-style braces (``.../ZoomEye{https://.../ZoomEye}.``,
``.../AM-Thinking-v1{Hugging Face}``), scheme-less hosts (``github.com/deel-ai/Craft.``) and
``.git`` endings. The functions here are pure; ``extractors.components`` wraps them for spaCy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from paperkg.safe_text import UNSAFE_CHARS

_KNOWN_HOST_NAMES = ("github.com", "gitlab.com", "bitbucket.org", "huggingface.co", "hf.co", "anonymous.4open.science")
_KNOWN_HOSTS = "(?:" + "|".join(map(re.escape, _KNOWN_HOST_NAMES)) + ")"
URL_PATTERN = re.compile(
    r"(?<![\w@/.-])"
    r"(?:https?://|www\.|" + _KNOWN_HOSTS + r"/|[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.github\.io\b)"
    # A URL ends at whitespace, quotes, brackets of markup, and at any control, bidi or invisible
    # character: none of them is part of a link, and one kept would reach terminals and pages.
    r"[^\s<>\"'`" + UNSAFE_CHARS + "]*",
    re.IGNORECASE,
)
_TRAILING = ".,;:!?'\"*>"
_CLOSERS = {")": "(", "]": "[", "}": "{"}
_CODE_HOSTS = {
    "github.com",
    "gitlab.com",
    "bitbucket.org",
    "anonymous.4open.science",
    "codeberg.org",
    "gitee.com",
    "sourceforge.net",
    "git.io",
}
_SHORTENERS = {"bit.ly", "rb.gy", "ibm.biz", "tinyurl.com", "t.co", "goo.gl", "ow.ly", "shorturl.at"}
_NON_PROJECT_HOSTS = {"arxiv.org", "doi.org", "dx.doi.org", "openreview.net", "aclanthology.org"}
_HF_HOSTS = {"huggingface.co", "hf.co"}
_HF_NON_MODEL_ROOTS = {"papers", "blog", "docs", "collections", "learn", "organizations", "posts"}


@dataclass(frozen=True, slots=True)
class FoundLink:
    """A cleaned URL, its kind, and where its cleaned text sits in the input."""

    url: str
    kind: str
    start: int
    end: int


def clean_url(raw: str) -> str:
    """The URL without the debris that text around it glued on.

    >>> clean_url("https://github.com/om-ai-lab/ZoomEye{https://github.com/om-ai-lab/ZoomEye}.")
    'https://github.com/om-ai-lab/ZoomEye'
    >>> clean_url("github.com/deel-ai/Craft.")
    'https://github.com/deel-ai/Craft'
    """
    url = raw.split("{", 1)[0]  # LaTeX braces: what follows "{" is a label or a second copy
    url = _strip_trailing(url)
    if url.lower().endswith(".git"):
        url = url[:-4]
    url = url.rstrip("/") if url.count("/") > 2 else url
    if not re.match(r"^https?://", url, re.IGNORECASE):
        url = "https://" + url
    return url


def _strip_trailing(url: str) -> str:
    """Drop trailing punctuation and closing brackets that have no opener inside the URL."""
    while url:
        last = url[-1]
        if last in _TRAILING or last in _CLOSERS and url.count(last) > url.count(_CLOSERS[last]):
            url = url[:-1]
        else:
            break
    return url


def url_host(url: str) -> str:
    """The URL's host, '' when it has none or cannot be parsed (``http://[::1/`` in an abstract)."""
    try:
        return urlsplit(url).hostname or ""
    except ValueError:
        return ""


def classify_url(url: str) -> str:
    """code, hf_model, hf_dataset, hf_space, project_page or other."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "other"
    host = (parts.hostname or "").lower().removeprefix("www.")
    segments = [s for s in parts.path.split("/") if s]
    if host in _CODE_HOSTS:
        return "code"
    if host in _HF_HOSTS:
        if segments[:1] == ["datasets"]:
            return "hf_dataset"
        if segments[:1] == ["spaces"]:
            return "hf_space"
        if segments[:1] == ["models"]:
            return "hf_model" if len(segments) >= 3 else "other"
        if len(segments) >= 2 and segments[0] not in _HF_NON_MODEL_ROOTS:
            return "hf_model"
        return "other"
    if host in _SHORTENERS or host in _NON_PROJECT_HOSTS or not host or "." not in host:
        return "other"
    return "project_page"


_URL_HINTS = ("://", "www.", ".io", ".com/", ".co/", ".org/", "4open", ".ai", ".net/")
# The hints that open with a dot in one scan (re skips to each full stop, a literal: faster than a search
# for each), and the others.
_DOT_HINT = re.compile("|".join(re.escape(hint) for hint in _URL_HINTS if hint.startswith(".")))
_UNDOTTED_HINTS = tuple(hint for hint in _URL_HINTS if not hint.startswith("."))
# The same hints in one case-blind scan, as the link pattern is case-blind ("WWW.EXAMPLE.ORG").
_URL_HINT = re.compile("|".join(re.escape(hint) for hint in _URL_HINTS), re.IGNORECASE)
# What every match of URL_PATTERN holds, lower-cased: the text its first three alternatives open
# with, or the fourth's ".github.io" (that match opens where the run of host characters before it does).
_URL_OPENINGS = ("http://", "https://", "www.", *(host + "/" for host in _KNOWN_HOST_NAMES))
_GITHUB_IO = ".github.io"
_BEFORE_URL = re.compile(r"[\w@/.-]")  # the characters URL_PATTERN's look-behind refuses


@lru_cache(maxsize=8)  # asked of each text twice, by url_spans and find_links
def _url_search_start(text: str) -> int:
    """A position at or before the first match of URL_PATTERN in ``text``; -1 when there is none.

    For ASCII texts a few substring searches of the lower-cased text replace the pattern's tries
    at every position (the pattern is case-blind, and re folds a few non-ASCII letters, such as
    the Kelvin sign, onto ASCII ones: other texts are searched from their start).
    """
    if not text.isascii():
        return 0 if _URL_HINT.search(text) else -1
    lowered = text.lower()
    if not _has_url_hint(lowered):
        return -1  # most abstracts have no link
    starts = [at for at in map(lowered.find, _URL_OPENINGS) if at >= 0]
    github_io = lowered.find(_GITHUB_IO)
    if github_io >= 0:
        while github_io > 0 and _BEFORE_URL.match(text, github_io - 1):
            github_io -= 1
        starts.append(github_io)
    return min(starts, default=-1)


def _has_url_hint(lowered: str) -> bool:
    """Some of _URL_HINTS stands in ``lowered``: those opening with a dot found in one scan, the others by str search."""
    return _DOT_HINT.search(lowered) is not None or any(hint in lowered for hint in _UNDOTTED_HINTS)


def url_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every URL written in ``text``, each occurrence."""
    start = _url_search_start(text)
    return [] if start < 0 else [match.span() for match in URL_PATTERN.finditer(text, start)]


def find_links(text: str) -> list[FoundLink]:
    """Every URL in ``text``, cleaned and classified, in order; the same URL once."""
    found: list[FoundLink] = []
    start = _url_search_start(text)
    if start < 0:
        return found
    seen: set[str] = set()
    for match in URL_PATTERN.finditer(text, start):
        raw = match.group(0)
        url = clean_url(raw)
        host = url_host(url)
        if "." not in host:
            continue
        if url.lower() in seen:
            continue
        seen.add(url.lower())
        # Offsets of the cleaned text as written (without the scheme we may have added).
        written = _strip_trailing(raw.split("{", 1)[0])
        found.append(FoundLink(url, classify_url(url), match.start(), match.start() + len(written)))
    return found
