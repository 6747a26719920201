"""The one-way flow of STYLE.md, enforced by import-linter's contracts in pyproject.toml."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _tool(name: str) -> str | None:
    """A console script of the environment running the tests, else one on PATH."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else shutil.which(name)


def _installed_layout(into: Path) -> Path:
    """The three folders laid out as the wheel installs them: paperkg/ = kg/, with extractors/ and
    queries/ inside. import-linter walks a package's folder, so it cannot see the mapped folders of
    an editable install."""
    package = into / "paperkg"
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(ROOT / "kg", package, ignore=ignore)
    shutil.copytree(ROOT / "extractors", package / "extractors", ignore=ignore)
    shutil.copytree(ROOT / "queries", package / "queries", ignore=ignore)
    return into


def test_import_contracts_hold(tmp_path):
    lint_imports = _tool("lint-imports")
    assert lint_imports, "import-linter is not installed: pip install -e '.[test]'"
    env = {**os.environ, "PYTHONPATH": str(_installed_layout(tmp_path))}
    result = subprocess.run([lint_imports], cwd=ROOT, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_ruff_is_clean():
    ruff = _tool("ruff")
    assert ruff, "ruff is not installed: pip install -e '.[test]'"
    result = subprocess.run(
        [ruff, "check", "kg", "extractors", "queries", "tests", "bench", "tools"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
