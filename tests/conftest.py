"""Shared fixtures: the bundled corpus, a CLI runner, a fresh store folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from paperkg.sources import ReadResult, read_bundled_samples

TESTS = Path(__file__).parent
DATA = TESTS / "data"
SAMPLES = TESTS.parent / "kg" / "data" / "samples"


@pytest.fixture(scope="session")
def bundled() -> ReadResult:
    """The bundled sample corpus, read once per session (tests must not change it)."""
    return read_bundled_samples()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def pointer_networks_jsonl(tmp_path: Path) -> Path:
    """A JSONL record with an arXiv id for a paper the bundled captures list by title only."""
    import json

    path = tmp_path / "extra.jsonl"
    record = {
        "id": "1506.03134",
        "title": "Pointer Networks",
        "abstract": "We introduce Ptr-Net.",
        "authors": ["Oriol Vinyals", "Meire Fortunato", "Navdeep Jaitly"],
    }
    path.write_text(json.dumps(record) + "\n")
    return path


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A store folder that does not exist yet."""
    return tmp_path / "store"


def run_kg(runner: CliRunner, *args: str, expect: int = 0, **kwargs):
    """Invoke `kg` and check its exit code, showing its output when the code is wrong."""
    from paperkg.cli import main

    result = runner.invoke(main, list(args), catch_exceptions=False, **kwargs)
    assert result.exit_code == expect, f"kg {' '.join(args)} exited {result.exit_code}:\n{result.output}"
    return result


# ---------------------------------------------------------------------------------------------
# Neo4j: a real server for the session (tools/neo4j/neo4j_server.py), or KG_TEST_NEO4J_URI
# ---------------------------------------------------------------------------------------------

TOOLS_NEO4J = TESTS.parent / "tools" / "neo4j"
_skipped_required: list[str] = []


def neo4j_server_module():
    """tools/neo4j/neo4j_server.py, imported from its path (it is a script, not a package)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("neo4j_server", TOOLS_NEO4J / "neo4j_server.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("neo4j_server", module)
    spec.loader.exec_module(module)
    return module


def neo4j_unavailable(reason: str):
    """Fail in CI (a skipped Neo4j suite there is a failure); skip with directions elsewhere."""
    if os.environ.get("CI"):
        pytest.fail(f"Neo4j could not start in CI:\n{reason}", pytrace=False)
    pytest.skip(
        f"Neo4j tests need Java 17 and Maven ({reason.splitlines()[0]}); "
        "run `bash tools/run-tests.sh`, or start Neo4j and set KG_TEST_NEO4J_URI"
    )


@pytest.fixture(scope="session")
def neo4j_uri():
    """Bolt URI of a real Neo4j 5.26: KG_TEST_NEO4J_URI if set, else one started for the session."""
    given = os.environ.get("KG_TEST_NEO4J_URI")
    if given:
        yield given
        return
    module = neo4j_server_module()
    try:
        server = module.start()
    except module.Neo4jUnavailable as exc:
        neo4j_unavailable(str(exc))
    try:
        yield server.uri
    finally:
        server.stop()


@pytest.fixture
def neo4j_store(neo4j_uri):
    """An empty Neo4j store (the shared server's data is deleted before each test)."""
    from paperkg.store.neo4j_store import Neo4jStore

    store = Neo4jStore(neo4j_uri, password=os.environ.get("KG_TEST_NEO4J_PASSWORD"), check_schema=False)
    store.delete_all()
    yield store
    store.close()


# ---------------------------------------------------------------------------------------------
# Headless Chromium (Debian's chromium, driven by Playwright) for the HTML pages
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the session; in CI a missing browser fails the run."""
    from tools.headless import Browser, BrowserUnavailable

    try:
        with Browser() as opened:
            yield opened
    except BrowserUnavailable as exc:
        if os.environ.get("CI"):
            pytest.fail(f"Chromium is missing in CI: {exc}", pytrace=False)
        pytest.skip(f"{exc}; `bash tools/run-tests.sh` installs it")


def pytest_runtest_logreport(report):
    if report.skipped and ("neo4j" in report.keywords or "browser" in report.keywords):
        _skipped_required.append(report.nodeid)


def pytest_sessionfinish(session, exitstatus):
    if os.environ.get("CI") and _skipped_required:
        print(f"\nerror: {len(_skipped_required)} Neo4j or browser test(s) were skipped in CI; they must run for real")
        session.exitstatus = 1
