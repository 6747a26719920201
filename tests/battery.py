"""Shared checks of the reliability battery: run `kg` in-process (or as a process where signals,
locks or capabilities need one) and assert what every run must hold: the exit code, at most one
line on stderr and never a traceback, terminal output free of control characters."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from paperkg.safe_text import is_terminal_safe

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str


def invoke(*args: str, expect: int | None = 0, stdin: str | None = None) -> Run:
    """`kg ARGS` in-process; checks the exit code (unless None) and the stderr rules."""
    from paperkg.cli import main

    result = CliRunner().invoke(main, list(args), input=stdin, catch_exceptions=True)
    run = Run(result.exit_code, result.stdout, result.stderr)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"kg {' '.join(args)} raised {result.exception!r}") from result.exception
    check_run(run, args, expect)
    return run


def kg_process(*args: str, env: dict | None = None, timeout: float = 120, drop_root: bool = False,
               preexec_fn=None) -> subprocess.CompletedProcess:
    """`python -m paperkg ARGS` as a child process (text output). With ``drop_root`` a root
    user runs it without the capabilities that bypass file permissions (setpriv)."""
    command = [sys.executable, "-m", "paperkg", *args]
    if drop_root and os.geteuid() == 0:
        command = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", *command]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=ROOT,
                          env={**os.environ, **(env or {})}, preexec_fn=preexec_fn)


def check_run(run: Run, args, expect: int | None) -> None:
    shown = f"kg {' '.join(map(str, args))}"[:300]
    if expect is not None:
        assert run.exit_code == expect, f"{shown} exited {run.exit_code}, expected {expect}:\n{run.stdout}\n{run.stderr}"
    assert "Traceback" not in run.stderr and "Traceback" not in run.stdout, f"{shown}: traceback\n{run.stderr}"
    assert len(run.stderr.strip().splitlines()) <= 1, f"{shown}: more than one line on stderr:\n{run.stderr}"
    assert is_terminal_safe(run.stderr), f"{shown}: control characters on stderr: {run.stderr!r}"
    assert is_terminal_safe(run.stdout), f"{shown}: control characters on stdout: {run.stdout[:500]!r}"


def assert_one_line_failure(run: Run, *fragments: str) -> None:
    """A non-zero exit and one line on stderr holding one of ``fragments``."""
    assert run.exit_code != 0
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and any(f in lines[0] for f in fragments), f"expected one line with {fragments!r}:\n{run.stderr}"


def fingerprint(folder: Path) -> dict[str, str]:
    """Name -> content hash of every file in a store folder (temp files and locks included)."""
    if not folder.exists():
        return {}
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.endswith(".lock")
    }
