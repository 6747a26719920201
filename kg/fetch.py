"""`kg fetch`: paper listings and citations from the real APIs, cached on disk.

Each provider has a base URL (overridable, e.g. for a mirror or the tests' local server), a
minimum interval between requests (arXiv asks for one request per 3 s, Semantic Scholar allows
about one per second without a key), and a check of what came back: a response that is not what
the API sends (an error page, a truncated body) is retried like a 429 or a 5xx, with backoff
(honouring Retry-After). Answers are saved under the cache folder by URL; a cached answer is used
without a request unless refresh is asked for.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import logging
import os
import re
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from paperkg.errors import FetchError, InputError

log = logging.getLogger(__name__)
USER_AGENT = "paperkg (https://github.com/paperkg; kg fetch)"
RETRIED_STATUS = {429, 500, 502, 503, 504}


def _is_json(kind: type) -> Callable[[bytes], str | None]:
    def check(body: bytes) -> str | None:
        try:
            value = json.loads(body)
        except ValueError as exc:
            return f"not JSON ({exc})"
        return None if isinstance(value, kind) else f"JSON {type(value).__name__}, expected {kind.__name__}"

    return check


def _is_atom(body: bytes) -> str | None:
    try:
        root = ET.fromstring(body)
    except ET.ParseError as exc:
        return f"not a well-formed Atom feed ({exc})"
    return None if root.tag == "{http://www.w3.org/2005/Atom}feed" else f"<{root.tag}> instead of an Atom feed"


@dataclass(frozen=True)
class Provider:
    name: str
    base_url: str
    min_interval_s: float
    check: Callable[[bytes], str | None]
    key_env: str | None = None  # an API key read from this variable, sent as key_header
    key_header: str | None = None
    suffix: str = ".json"

    def base(self) -> str:
        return os.environ.get(f"KG_{self.name.upper()}_BASE_URL", self.base_url).rstrip("/")

    def interval(self) -> float:
        configured = os.environ.get(f"KG_{self.name.upper()}_INTERVAL")
        if configured is not None:
            return float(configured)
        if self.key_env and os.environ.get(self.key_env):
            return self.min_interval_s / 10  # keyed clients get a higher rate
        return self.min_interval_s


PROVIDERS = {
    "hf": Provider("hf", "https://huggingface.co", 0.5, _is_json(list)),
    "arxiv": Provider("arxiv", "https://export.arxiv.org", 3.0, _is_atom, suffix=".atom"),
    "s2": Provider("s2", "https://api.semanticscholar.org", 1.0, _is_json(dict), "S2_API_KEY", "x-api-key"),
    "openalex": Provider("openalex", "https://api.openalex.org", 0.1, _is_json(dict)),
}


@dataclass
class Fetcher:
    """Requests with cache, per-provider pacing and retries."""

    cache_dir: Path
    refresh: bool = False
    attempts: int = 5
    backoff_s: float = field(default_factory=lambda: float(os.environ.get("KG_FETCH_BACKOFF", "2.0")))
    timeout_s: float = 30.0
    requests_made: int = 0
    _last: dict[str, float] = field(default_factory=dict)

    def cache_path(self, provider: Provider, url: str) -> Path:
        digest = hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]
        parts = urllib.parse.urlsplit(url)
        readable = re.sub(r"[^A-Za-z0-9]+", "-", f"{parts.path}-{parts.query}")
        return self.cache_dir / provider.name / f"{readable.strip('-')[:80]}-{digest}{provider.suffix}"

    def get(self, provider: Provider, path_and_query: str) -> Path:
        """The saved answer for this request (fetched now unless cached)."""
        url = provider.base() + path_and_query
        target = self.cache_path(provider, url)
        if target.exists() and not self.refresh:
            log.info("cached: %s", url)
            return target
        body = self._fetch(provider, url)
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".partial")
        partial.write_bytes(body)
        partial.replace(target)
        return target

    def _pace(self, provider: Provider) -> None:
        wait = self._last.get(provider.name, 0.0) + provider.interval() - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        self._last[provider.name] = time.monotonic()

    def _fetch(self, provider: Provider, url: str) -> bytes:
        headers = {"User-Agent": USER_AGENT, "Accept": "application/json, application/atom+xml"}
        key = os.environ.get(provider.key_env) if provider.key_env else None
        if key and provider.key_header:
            headers[provider.key_header] = key
        problem = "no attempt made"
        for attempt in range(1, self.attempts + 1):
            self._pace(provider)
            self.requests_made += 1
            retry_after = None
            try:
                with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=self.timeout_s) as reply:
                    body = reply.read()
                problem = provider.check(body)
                if problem is None:
                    return body
                problem = f"unexpected answer: {problem}"
            except urllib.error.HTTPError as exc:
                snippet = " ".join(exc.read(300).decode("utf-8", "replace").split())[:120]
                if exc.code not in RETRIED_STATUS:
                    raise FetchError(f"{url}: HTTP {exc.code} {exc.reason}: {snippet!r}; check the id or query") from None
                problem = f"HTTP {exc.code}"
                retry_after = exc.headers.get("Retry-After")
            except (http.client.IncompleteRead, ConnectionError, TimeoutError, urllib.error.URLError) as exc:
                problem = f"{type(exc).__name__}: {exc}"
            if attempt < self.attempts:
                delay = float(retry_after) if retry_after and retry_after.isdigit() else self.backoff_s * 2 ** (attempt - 1)
                log.warning("%s: %s; retry %d/%d in %.1f s", url, problem, attempt, self.attempts - 1, delay)
                time.sleep(delay)
        raise FetchError(f"{url}: gave up after {self.attempts} attempts ({problem}); try again later")


def hf_daily(fetcher: Fetcher, date: str) -> list[Path]:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        raise InputError(f"--date {date!r} is not YYYY-MM-DD")
    return [fetcher.get(PROVIDERS["hf"], f"/api/daily_papers?date={date}")]


def arxiv_query(fetcher: Fetcher, query: str, max_results: int, page_size: int = 100) -> list[Path]:
    """Pages of an arXiv API search (one request per page, paced), stopping at an empty page."""
    if not query.strip():
        raise InputError("give a search query, e.g. --query 'all:\"mixture of experts\"'")
    paths = []
    for start in range(0, max_results, page_size):
        size = min(page_size, max_results - start)
        params = urllib.parse.urlencode({"search_query": query, "start": start, "max_results": size})
        path = fetcher.get(PROVIDERS["arxiv"], f"/api/query?{params}")
        paths.append(path)
        if b"<entry" not in path.read_bytes():
            break
    return paths


def citations(fetcher: Fetcher, arxiv_id: str, source: str, limit: int = 1000) -> list[Path]:
    """References of one arXiv paper from Semantic Scholar (pages of up to 1,000) or OpenAlex."""
    if source == "s2":
        paths, offset = [], 0
        while True:
            params = urllib.parse.urlencode({"fields": "title,externalIds", "limit": limit, "offset": offset})
            path = fetcher.get(PROVIDERS["s2"], f"/graph/v1/paper/arXiv:{arxiv_id}/references?{params}")
            paths.append(path)
            following = json.loads(path.read_bytes()).get("next")
            if not following or following <= offset:
                return paths
            offset = following
    if source == "openalex":
        mailto = os.environ.get("OPENALEX_MAILTO")
        query = f"?{urllib.parse.urlencode({'mailto': mailto})}" if mailto else ""
        return [fetcher.get(PROVIDERS["openalex"], f"/works/doi:10.48550/arXiv.{arxiv_id}{query}")]
    raise InputError(f"unknown citation source {source!r}; use s2 or openalex")
