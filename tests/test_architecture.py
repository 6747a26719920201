"""The one-way flow of STYLE.md, enforced by import-linter's contracts in pyproject.toml."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _tool(name: str) -> str | None:
    """A console script of the environment running the tests, else one on PATH."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else shutil.which(name)


def test_import_contracts_hold():
    lint_imports = _tool("lint-imports")
    assert lint_imports, "import-linter is not installed: pip install -e '.[test]'"
    result = subprocess.run([lint_imports], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_ruff_is_clean():
    ruff = _tool("ruff")
    assert ruff, "ruff is not installed: pip install -e '.[test]'"
    result = subprocess.run(
        [ruff, "check", "kg", "extractors", "queries", "tests", "bench", "tools"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
