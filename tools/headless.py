"""Open a generated page in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright)
and report what a user's browser would see: console errors, every network request, the page's
graph data, the layout time and a screenshot. Used by the browser tests and the viz benchmark."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")


class BrowserUnavailable(RuntimeError):
    pass


def chromium_path() -> str:
    for candidate in (os.environ.get("KG_CHROMIUM"), *CHROMIUM_CANDIDATES, shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    raise BrowserUnavailable("no Chromium found: apt-get install chromium (tools/run-tests.sh does) or set KG_CHROMIUM")


@dataclass
class PageReport:
    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)  # every URL the page asked for except itself
    dialogs: list[str] = field(default_factory=list)  # alert()/confirm() calls: injected code ran
    state: dict[str, Any] = field(default_factory=dict)
    screenshot: bytes = b""


STATE_SCRIPT = """() => ({
  nodes: window.kgViz.nodes.length,
  edges: window.kgViz.edges.length,
  stabilizedMs: window.kgViz.stabilizedMs,
  iterations: window.kgViz.iterations,
  heading: document.getElementById('heading').textContent,
  count: document.getElementById('count').textContent,
  legendEdgeTypes: Array.from(document.querySelectorAll('input[data-edge-type]')).map(e => e.dataset.edgeType),
})"""


class Browser:
    """One headless Chromium for several pages (starting it costs about a second)."""

    def __enter__(self) -> Browser:
        from playwright.sync_api import sync_playwright

        self._playwright = sync_playwright().start()
        args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-default-apps"]
        self._browser = self._playwright.chromium.launch(executable_path=chromium_path(), headless=True, args=args)
        return self

    def __exit__(self, *exc: object) -> None:
        self._browser.close()
        self._playwright.stop()

    def _watched_page(self, path: Path, report: PageReport):
        """A new page that records console errors, page errors, requests and dialogs into ``report``."""
        page = self._browser.new_page(viewport={"width": 1280, "height": 800})
        url = path.resolve().as_uri()
        page.on("console", lambda m: report.console_errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: report.console_errors.append(str(e)))
        page.on("request", lambda r: report.requests.append(r.url) if r.url != url else None)
        page.on("dialog", lambda d: (report.dialogs.append(d.message), d.dismiss()))
        return page, url

    def open(self, path: Path, *, timeout_s: float = 120, screenshot: bool = True, actions=None,
             screenshot_of: str = "#network canvas") -> PageReport:
        """Load a file:// page, wait until its layout is done, and report (the screenshot is of
        the element ``screenshot_of``: the graph's canvas, or ``body`` for the whole page)."""
        report = PageReport()
        page, url = self._watched_page(path, report)
        try:
            page.goto(url, wait_until="load")
            page.wait_for_function("() => window.kgViz && window.kgViz.stabilizedMs !== null", timeout=timeout_s * 1000)
            page.wait_for_timeout(200)  # one more frame drawn after the layout
            if actions:
                actions(page)
            report.state = page.evaluate(STATE_SCRIPT)
            if screenshot:
                report.screenshot = page.locator(screenshot_of).screenshot()
        finally:
            page.close()
        return report

    def open_static(self, path: Path, state_script: str, *, screenshot: bool = True) -> PageReport:
        """Load a file:// page that has no layout to wait for (``kg trends --html``) and report."""
        report = PageReport()
        page, url = self._watched_page(path, report)
        try:
            page.goto(url, wait_until="load")
            page.wait_for_timeout(100)
            report.state = page.evaluate(state_script)
            if screenshot:
                report.screenshot = page.screenshot()
        finally:
            page.close()
        return report
