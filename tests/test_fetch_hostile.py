"""`kg fetch` against a hostile local server: it asks to wait a day, drips one byte at a time,
sends an endless body, or answers JSON of the wrong shape. Each run ends soon, with one line on
stderr, nothing bad in the cache and the graph as it was."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.battery import assert_one_line_failure, invoke
from tests.conftest import DATA

FIXTURE = DATA / "hf_daily_2025" / "2025-01-13.json"
DAY = "/api/daily_papers?date=2025-01-13"


class Hostile:
    """What the server does per path: a callable taking the request handler."""

    def __init__(self) -> None:
        self.routes: dict[str, object] = {}
        self.hits: dict[str, int] = {}
        self.stop = threading.Event()


def _handler(hostile: Hostile):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def do_GET(self):
            hostile.hits[self.path] = hostile.hits.get(self.path, 0) + 1
            route = hostile.routes.get(self.path)
            try:
                if route is None:
                    self._send(404, b"<html>Not Found</html>", "text/html")
                else:
                    route(self)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def _send(self, status, body, content_type="application/json", headers=None):
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

    return Handler


@pytest.fixture
def hostile(monkeypatch):
    state = Hostile()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    for provider in ("HF", "ARXIV", "S2", "OPENALEX"):
        monkeypatch.setenv(f"KG_{provider}_BASE_URL", base)
        monkeypatch.setenv(f"KG_{provider}_INTERVAL", "0")
    monkeypatch.setenv("KG_FETCH_BACKOFF", "0.05")
    yield state
    state.stop.set()
    httpd.shutdown()
    httpd.server_close()


def _fetch_day(cache, db, expect):
    return invoke("fetch", "--cache-dir", str(cache), "hf-daily", "--date", "2025-01-13", "--db", str(db), expect=expect)


def test_a_day_long_retry_after_ends_the_fetch_at_once(hostile, tmp_path, db):
    hostile.routes[DAY] = lambda h: h._send(429, b'{"error": "slow down"}', headers={"Retry-After": "86400"})
    started = time.monotonic()
    result = _fetch_day(tmp_path / "cache", db, expect=5)
    assert time.monotonic() - started < 10
    assert_one_line_failure(result, "asks to wait 86,400 s")
    assert hostile.hits[DAY] == 1 and not (db / "graph.json").exists()


def test_an_http_date_retry_after_is_capped_too(hostile, tmp_path, db):
    headers = {"Retry-After": "Wed, 21 Oct 2099 07:28:00 GMT"}
    hostile.routes[DAY] = lambda h: h._send(503, b"{}", headers=headers)
    result = _fetch_day(tmp_path / "cache", db, expect=5)
    assert_one_line_failure(result, "more than the 60 s kg waits")


def test_a_dripping_body_meets_the_deadline(hostile, tmp_path, db, monkeypatch):
    monkeypatch.setenv("KG_FETCH_DEADLINE", "2")
    monkeypatch.setenv("KG_FETCH_TIMEOUT", "1.5")

    def drip(h):
        h.send_response(200)
        h.send_header("Content-Type", "application/json")
        h.send_header("Content-Length", "100000")
        h.end_headers()
        for _ in range(100):
            if hostile.stop.wait(0.5):  # one byte every half second: never a read timeout
                return
            h.wfile.write(b" ")
            h.wfile.flush()

    hostile.routes[DAY] = drip
    started = time.monotonic()
    result = _fetch_day(tmp_path / "cache", db, expect=5)
    assert time.monotonic() - started < 8, "the overall deadline stops a body that never ends"
    assert_one_line_failure(result, "KG_FETCH_DEADLINE")
    assert not list((tmp_path / "cache").rglob("*.json"))


def test_an_endless_body_is_cut_off_at_the_size_cap(hostile, tmp_path, db, monkeypatch):
    monkeypatch.setenv("KG_FETCH_MAX_MB", "1")

    def endless(h):
        h.send_response(200)
        h.send_header("Content-Type", "application/json")
        h.end_headers()  # no length: the body goes on until the connection closes
        chunk = b"[" + b" " * 65535
        while not hostile.stop.is_set():
            h.wfile.write(chunk)

    hostile.routes[DAY] = endless
    result = _fetch_day(tmp_path / "cache", db, expect=5)
    assert_one_line_failure(result, "larger than 1 MB")
    assert not list((tmp_path / "cache").rglob("*.json*")), "nothing, not even a temp file, is left in the cache"


@pytest.mark.parametrize("body", [
    b'{"papers": []}',  # an object, not the list
    b'[1, 2, 3]',  # a list, not of papers
    b'[{"paper": "x"}]',
    b"[" * 100000 + b"]" * 100000,  # nested deeper than the stack
    b'[{"title": 5}]',
])
def test_a_wrong_shaped_answer_is_retried_and_never_cached(hostile, tmp_path, db, body):
    hostile.routes[DAY] = lambda h: h._send(200, body)
    cache = tmp_path / "cache"
    result = _fetch_day(cache, db, expect=5)
    assert_one_line_failure(result, "gave up after 5 attempts (unexpected answer")
    assert not list(cache.rglob("*.json*"))
    # The next run asks again (nothing bad was cached) and builds the good answer.
    good = FIXTURE.read_bytes()
    hostile.routes[DAY] = lambda h: h._send(200, good)
    again = _fetch_day(cache, db, expect=0)
    assert "(1 request(s))" in again.stdout and "new 5" in again.stdout


def test_a_bad_answer_cached_by_an_older_kg_is_fetched_again(hostile, tmp_path, db):
    from paperkg.fetch import PROVIDERS, Fetcher

    fetcher = Fetcher(cache_dir=tmp_path / "cache")
    target = fetcher.cache_path(PROVIDERS["hf"], PROVIDERS["hf"].base() + DAY)
    target.parent.mkdir(parents=True)
    target.write_text('{"error": "cached by mistake"}')
    good = FIXTURE.read_bytes()
    hostile.routes[DAY] = lambda h: h._send(200, good)
    result = _fetch_day(tmp_path / "cache", db, expect=0)
    assert "(1 request(s))" in result.stdout and target.read_bytes() == good


S2_REFS = "/graph/v1/paper/arXiv:1907.11692/references?fields=title%2CexternalIds&limit=1000&offset=0"


@pytest.mark.parametrize("document", [
    {"data": "not a list"},
    {"data": [1, 2]},
    {"data": [], "next": "later"},
    {"data": [{"citedPaper": {"paperId": "a", "externalIds": [1], "title": 7}}], "next": "x"},
    ["not", "an", "object"],
])
def test_wrong_shaped_citation_pages_fail_in_one_line(hostile, tmp_path, db, document):
    body = json.dumps(document).encode()
    hostile.routes[S2_REFS] = lambda h: h._send(200, body)
    result = invoke("fetch", "--cache-dir", str(tmp_path / "cache"), "citations", "1907.11692", "--db", str(db), expect=5)
    assert_one_line_failure(result, "unexpected answer")
    assert not list((tmp_path / "cache").rglob("*.json*"))


def test_odd_but_valid_citation_items_are_read_not_crashed_on(hostile, tmp_path, db):
    items = [{"citedPaper": {"paperId": "a1", "externalIds": [1], "title": 7}}, {"citedPaper": None},
             {"citedPaper": "text"}, {"citedPaper": {"paperId": "b2", "externalIds": {"ArXiv": 1810.04805}, "title": None}}]
    body = json.dumps({"data": items}).encode()
    hostile.routes[S2_REFS] = lambda h: h._send(200, body)
    result = invoke("fetch", "--cache-dir", str(tmp_path / "cache"), "citations", "1907.11692", "--db", str(db))
    assert "citations:" in result.stdout and not result.stderr
