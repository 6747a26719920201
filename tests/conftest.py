"""Shared fixtures: the bundled corpus, a CLI runner, a fresh store folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.sources import ReadResult, read_bundled_samples

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
def db(tmp_path: Path) -> Path:
    """A store folder that does not exist yet."""
    return tmp_path / "store"


def run_kg(runner: CliRunner, *args: str, expect: int = 0, **kwargs):
    """Invoke `kg` and check its exit code, showing its output when the code is wrong."""
    from kg.cli import main

    result = runner.invoke(main, list(args), catch_exceptions=False, **kwargs)
    assert result.exit_code == expect, f"kg {' '.join(args)} exited {result.exit_code}:\n{result.output}"
    return result
