"""`kg fetch` against a local HTTP server on 127.0.0.1 serving the APIs' real formats, with the
failures real servers produce: 429 with Retry-After, 5xx, an HTML error page, a truncated body."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.conftest import DATA, run_kg
from tests.sources.test_arxiv_atom import FEED

BERT_TITLE = "BERT: Pre-training of Deep Bidirectional Transformers"
FIXTURE = DATA / "hf_daily_2025" / "2025-01-13.json"


class Script:
    """Responses per path (with query): each request takes the next; the last one repeats."""

    def __init__(self):
        self.responses: dict[str, list[tuple]] = {}
        self.log: list[tuple[float, str, dict]] = []

    def on(self, path: str, *responses: tuple) -> None:
        self.responses[path] = list(responses)


def _handler(script: Script):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # keep pytest output clean
            pass

        def do_GET(self):
            script.log.append((time.monotonic(), self.path, dict(self.headers)))
            queue = script.responses.get(self.path) or [(404, "text/html", b"<html>Not Found</html>")]
            status, content_type, body, *extra = queue.pop(0) if len(queue) > 1 else queue[0]
            headers = extra[0] if extra else {}
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            length = headers.pop("declared-length", len(body))
            self.send_header("Content-Length", str(length))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

    return Handler


@pytest.fixture
def server(monkeypatch):
    script = Script()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(script))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    for provider in ("HF", "ARXIV", "S2", "OPENALEX"):
        monkeypatch.setenv(f"KG_{provider}_BASE_URL", base)
        monkeypatch.setenv(f"KG_{provider}_INTERVAL", "0")
    monkeypatch.setenv("KG_FETCH_BACKOFF", "0.05")
    yield script
    httpd.shutdown()


def test_hf_daily_retries_429_5xx_error_page_and_truncation_then_builds(runner, db, tmp_path, server):
    good = FIXTURE.read_bytes()
    server.on(
        "/api/daily_papers?date=2025-01-13",
        (429, "application/json", b'{"error": "rate limited"}', {"Retry-After": "0"}),
        (503, "text/html", b"<html>Service Unavailable</html>"),
        (200, "text/html", b"<!DOCTYPE html><html><body>Something went wrong</body></html>"),
        (200, "application/json", good[: len(good) // 2], {"declared-length": len(good)}),
        (200, "application/json", good),
    )
    cache = tmp_path / "cache"
    result = run_kg(runner, "fetch", "--cache-dir", str(cache), "hf-daily", "--date", "2025-01-13", "--db", str(db))
    assert len(server.log) == 5 and "(5 request(s))" in result.output
    assert "new 5" in result.output
    assert all(headers.get("User-Agent", "").startswith("paperkg") for _, _, headers in server.log)
    saved = list((cache / "hf").glob("*.json"))
    assert len(saved) == 1 and saved[0].read_bytes() == good
    again = run_kg(runner, "fetch", "--cache-dir", str(cache), "hf-daily", "--date", "2025-01-13", "--db", str(db))
    assert "(0 request(s))" in again.output and len(server.log) == 5, "a cached answer is not fetched again"


def test_gives_up_with_one_line_and_keeps_the_graph(runner, db, tmp_path, server):
    server.on("/api/daily_papers?date=2025-01-14", (502, "text/html", b"<html>Bad Gateway</html>"))
    result = run_kg(runner, "fetch", "--cache-dir", str(tmp_path), "hf-daily", "--date", "2025-01-14", "--db", str(db), expect=5)
    assert "gave up after 5 attempts (HTTP 502)" in result.output and len(result.output.strip().splitlines()) == 1
    missing = run_kg(runner, "fetch", "--cache-dir", str(tmp_path), "hf-daily", "--date", "2025-01-15", "--db", str(db), expect=5)
    assert "HTTP 404" in missing.output and len(server.log) == 6, "a 404 is not retried"
    assert not (db / "graph.sqlite").exists()


def test_arxiv_pages_are_paced_and_built(runner, db, tmp_path, server, monkeypatch):
    monkeypatch.setenv("KG_ARXIV_INTERVAL", "0.4")
    page = "/api/query?search_query=all%3Aroberta&start={start}&max_results={size}"
    server.on(page.format(start=0, size=100), (200, "application/atom+xml", FEED.encode()))
    empty = FEED.split("<entry>")[0] + "</feed>"
    server.on(page.format(start=100, size=50), (200, "application/atom+xml", empty.encode()))
    result = run_kg(runner, "fetch", "--cache-dir", str(tmp_path), "arxiv", "--query", "all:roberta", "--max", "150",
                    "--db", str(db))
    times = [t for t, _, _ in server.log]
    assert len(times) == 2 and times[1] - times[0] >= 0.39, "arXiv's interval between requests is kept"
    assert "saved 2 page(s)" in result.output and "new 2" in result.output


def test_citations_from_semantic_scholar_pages_become_explicit_cites(runner, db, tmp_path, server, monkeypatch):
    monkeypatch.setenv("S2_API_KEY", "secret-key")
    base = "/graph/v1/paper/arXiv:1907.11692/references?fields=title%2CexternalIds&limit=1000"
    bert = {"paperId": "df2b", "externalIds": {"ArXiv": "1810.04805"}, "title": BERT_TITLE}
    first = {"offset": 0, "next": 1000, "data": [{"citedPaper": bert}]}
    second = {"offset": 1000, "data": [
        {"citedPaper": {"paperId": "9405", "externalIds": {}, "title": "GLUE: A Multi-Task Benchmark"}}]}
    server.on(base + "&offset=0", (200, "application/json", json.dumps(first).encode()))
    server.on(base + "&offset=1000", (200, "application/json", json.dumps(second).encode()))
    result = run_kg(runner, "fetch", "--cache-dir", str(tmp_path), "citations", "1907.11692", "--db", str(db))
    assert "2 citations: 2 new; 3 stub papers added" in result.output
    assert all({k.lower(): v for k, v in headers.items()}.get("x-api-key") == "secret-key" for _, _, headers in server.log)
    rows = json.loads(run_kg(runner, "cites", "1907.11692", "--db", str(db), "--json").output)
    assert [(r["key"], r["how"], r["stub"]) for r in rows] == [
        ("paper:1810.04805", "s2", True), ("paper:t-" + rows[1]["key"][8:], "s2", True)]
    # A later read completes the stub: same key, no longer a stub, the citation kept.
    record = {"id": "1810.04805", "title": BERT_TITLE, "abstract": "We introduce BERT."}
    listing = tmp_path / "bert.jsonl"
    listing.write_text(json.dumps(record) + "\n")
    run_kg(runner, "build", str(listing), "--db", str(db), "-q")
    rows = json.loads(run_kg(runner, "cites", "1907.11692", "--db", str(db), "--json").output)
    assert rows[0]["key"] == "paper:1810.04805" and rows[0]["stub"] is False
