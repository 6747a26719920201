"""`kg fetch`: paper listings and citations from the real APIs, cached on disk.

Each provider has a base URL (overridable, e.g. for a mirror or the tests' local server), a
minimum interval between requests (arXiv asks for one request per 3 s, Semantic Scholar allows
about one per second without a key), and a check of what came back: a response that is not what
the API sends (an error page, a truncated body) is retried like a 429 or a 5xx, with backoff
(honouring Retry-After). Answers are saved under the cache folder by URL; a cached answer is used
without a request unless refresh is asked for.

The server is not trusted: a Retry-After longer than KG_FETCH_MAX_WAIT (60 s) ends the fetch at
once instead of sleeping a day; every connection and read has a timeout (KG_FETCH_TIMEOUT, 30 s)
and every request an overall deadline, retries included (KG_FETCH_DEADLINE, 300 s), so a body
that drips one byte at a time cannot hang the run; a body larger than KG_FETCH_MAX_MB (64 MB)
is cut off and refused; and only an answer of the shape the API sends is saved (atomically,
paperkg.safe_files), so a bad answer is never served from the cache.
"""

from __future__ import annotations

import datetime
import email.utils
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
from paperkg.safe_files import write_bytes
from paperkg.safe_text import for_terminal

log = logging.getLogger(__name__)
USER_AGENT = "paperkg (https://github.com/paperkg; kg fetch)"
RETRIED_STATUS = {429, 500, 502, 503, 504}
MAX_PAGES = 100  # of one paper's references: a server whose "next" never ends cannot loop us


def _json(body: bytes) -> tuple[object, str | None]:
    try:
        return json.loads(body), None
    except (ValueError, RecursionError) as exc:
        return None, f"not JSON ({str(exc)[:80]})"


def _is_hf_listing(body: bytes) -> str | None:
    """A daily-papers list: each item an object with a paper object or a title."""
    value, problem = _json(body)
    if problem:
        return problem
    if not isinstance(value, list):
        return f"JSON {type(value).__name__}, expected a list of papers"
    for item in value:
        if not (isinstance(item, dict) and (isinstance(item.get("paper"), dict) or isinstance(item.get("title"), str))):
            return "a list item is not a paper object"
    return None


def _is_s2(body: bytes) -> str | None:
    """A Semantic Scholar references/citations page (data list, integer next) or paper object."""
    value, problem = _json(body)
    if problem:
        return problem
    if not isinstance(value, dict):
        return f"JSON {type(value).__name__}, expected an object"
    if "data" in value:
        if not isinstance(value["data"], list) or not all(isinstance(item, dict) for item in value["data"]):
            return "'data' is not a list of objects"
        following = value.get("next")
        if following is not None and (not isinstance(following, int) or isinstance(following, bool)):
            return "'next' is not an offset"
        return None
    return None if isinstance(value.get("paperId"), str) else "neither a 'data' list nor a paper object"


def _is_atom(body: bytes) -> str | None:
    try:
        root = ET.fromstring(body)
    except (ET.ParseError, RecursionError) as exc:
        return f"not a well-formed Atom feed ({exc})"
    return None if root.tag == "{http://www.w3.org/2005/Atom}feed" else f"<{root.tag}> instead of an Atom feed"


def _is_openalex(body: bytes) -> str | None:
    """An OpenAlex work (an id) or a list of works."""
    value, problem = _json(body)
    if problem:
        return problem
    if not isinstance(value, dict):
        return f"JSON {type(value).__name__}, expected an object"
    if isinstance(value.get("results"), list) or isinstance(value.get("id"), str):
        return None
    return "neither an OpenAlex work nor a list of works"


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
    "hf": Provider("hf", "https://huggingface.co", 0.5, _is_hf_listing),
    "arxiv": Provider("arxiv", "https://export.arxiv.org", 3.0, _is_atom, suffix=".atom"),
    "s2": Provider("s2", "https://api.semanticscholar.org", 1.0, _is_s2, "S2_API_KEY", "x-api-key"),
    "openalex": Provider("openalex", "https://api.openalex.org", 0.1, _is_openalex),
}


def _setting(name: str, default: float) -> float:
    value = os.environ.get(name)
    if value is None:
        return default
    try:
        return float(value)
    except ValueError:
        raise InputError(f"{name}={value!r} is not a number of seconds or megabytes; fix or unset it") from None


def _retry_after_s(value: str | None) -> float | None:
    """Seconds a Retry-After header asks for (delta-seconds or an HTTP date), None if absent or bad."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value) if len(value) < 12 else float("inf")
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=datetime.UTC)
    return max(0.0, (when - datetime.datetime.now(datetime.UTC)).total_seconds())


@dataclass
class Fetcher:
    """Requests with cache, per-provider pacing, retries and limits on what a server can make us do."""

    cache_dir: Path
    refresh: bool = False
    attempts: int = 5
    backoff_s: float = field(default_factory=lambda: _setting("KG_FETCH_BACKOFF", 2.0))
    timeout_s: float = field(default_factory=lambda: _setting("KG_FETCH_TIMEOUT", 30.0))
    deadline_s: float = field(default_factory=lambda: _setting("KG_FETCH_DEADLINE", 300.0))
    max_wait_s: float = field(default_factory=lambda: _setting("KG_FETCH_MAX_WAIT", 60.0))
    max_bytes: int = field(default_factory=lambda: int(_setting("KG_FETCH_MAX_MB", 64.0) * 1024 * 1024))
    requests_made: int = 0
    _last: dict[str, float] = field(default_factory=dict)

    def cache_path(self, provider: Provider, url: str) -> Path:
        digest = hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]
        parts = urllib.parse.urlsplit(url)
        readable = re.sub(r"[^A-Za-z0-9]+", "-", f"{parts.path}-{parts.query}")
        return self.cache_dir / provider.name / f"{readable.strip('-')[:80]}-{digest}{provider.suffix}"

    def get(self, provider: Provider, path_and_query: str) -> Path:
        """The saved answer for this request (fetched now unless a good answer is cached)."""
        url = provider.base() + path_and_query
        target = self.cache_path(provider, url)
        if not self.refresh and self._cached_answer_is_good(provider, target):
            log.info("cached: %s", url)
            return target
        body = self._fetch(provider, url)
        write_bytes(target, body)  # only an answer that passed the check, and complete
        return target

    def _cached_answer_is_good(self, provider: Provider, target: Path) -> bool:
        try:
            if not target.is_file() or target.stat().st_size > self.max_bytes:
                return False
            return provider.check(target.read_bytes()) is None
        except OSError:
            return False

    def _pace(self, provider: Provider) -> None:
        wait = self._last.get(provider.name, 0.0) + provider.interval() - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        self._last[provider.name] = time.monotonic()

    def _read_body(self, reply: http.client.HTTPResponse, url: str, deadline: float) -> bytes:
        """The whole body, within the deadline and the size cap."""
        chunks, size = [], 0
        while True:
            if time.monotonic() > deadline:
                raise TimeoutError(f"the answer did not arrive within {self.deadline_s:g} s")
            chunk = reply.read1(65536)
            if not chunk:
                break
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(
                    f"{url}: the answer is larger than {self.max_bytes // (1024 * 1024)} MB (KG_FETCH_MAX_MB); "
                    "is this the API? check the base URL"
                )
            chunks.append(chunk)
        if reply.length:  # the server promised more than it sent
            raise http.client.IncompleteRead(b"".join(chunks), reply.length)
        return b"".join(chunks)

    def _fetch(self, provider: Provider, url: str) -> bytes:
        headers = {"User-Agent": USER_AGENT, "Accept": "application/json, application/atom+xml"}
        key = os.environ.get(provider.key_env) if provider.key_env else None
        if key and provider.key_header:
            headers[provider.key_header] = key
        problem = "no attempt made"
        deadline = time.monotonic() + self.deadline_s
        for attempt in range(1, self.attempts + 1):
            self._pace(provider)
            self.requests_made += 1
            retry_after = None
            remaining = deadline - time.monotonic()
            try:
                request = urllib.request.Request(url, headers=headers)
                try:
                    with urllib.request.urlopen(request, timeout=max(0.1, min(self.timeout_s, remaining))) as reply:
                        body = self._read_body(reply, url, deadline)
                finally:
                    # The interval counts from the end of this request, so the server never sees
                    # two requests closer than the provider asks, however slow this one was.
                    self._last[provider.name] = time.monotonic()
                problem = provider.check(body)
                if problem is None:
                    return body
                problem = f"unexpected answer: {problem}"
            except urllib.error.HTTPError as exc:
                snippet = for_terminal(" ".join(exc.read(300).decode("utf-8", "replace").split())[:120])
                if exc.code not in RETRIED_STATUS:
                    raise FetchError(f"{url}: HTTP {exc.code} {for_terminal(str(exc.reason))}: {snippet!r}; "
                                     "check the id or query") from None
                problem = f"HTTP {exc.code}"
                retry_after = _retry_after_s(exc.headers.get("Retry-After"))
            except (http.client.HTTPException, ConnectionError, TimeoutError, urllib.error.URLError) as exc:
                problem = f"{type(exc).__name__}: {for_terminal(str(exc))[:160]}"
            except (ValueError, OSError) as exc:  # a malformed URL or header, a socket error
                problem = f"{type(exc).__name__}: {for_terminal(str(exc))[:160]}"
            if attempt == self.attempts:
                break
            if retry_after is not None and retry_after > self.max_wait_s:
                raise FetchError(
                    f"{url}: {problem}, and the server asks to wait {retry_after:,.0f} s, more than the "
                    f"{self.max_wait_s:g} s kg waits (KG_FETCH_MAX_WAIT); try again later"
                )
            delay = retry_after if retry_after is not None else self.backoff_s * 2 ** (attempt - 1)
            if time.monotonic() + delay > deadline:
                raise FetchError(f"{url}: {problem}; no answer within {self.deadline_s:g} s (KG_FETCH_DEADLINE); "
                                 "try again later")
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
            following = json.loads(path.read_bytes()).get("next")  # checked: an int or absent
            if not following or following <= offset or len(paths) >= MAX_PAGES:
                return paths
            offset = following
    if source == "openalex":
        mailto = os.environ.get("OPENALEX_MAILTO")
        query = f"?{urllib.parse.urlencode({'mailto': mailto})}" if mailto else ""
        return [fetcher.get(PROVIDERS["openalex"], f"/works/doi:10.48550/arXiv.{arxiv_id}{query}")]
    raise InputError(f"unknown citation source {source!r}; use s2 or openalex")
