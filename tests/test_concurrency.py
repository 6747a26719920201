"""Builds and queries started together against one store: every build's papers are there at the
end, or the build that could not write was told so in one line (and nothing traced back).

Run as processes (`python -m paperkg`), so locks and transactions are the real ones, and at the
CLI level, so the promise holds whatever the store is inside."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.battery import ROOT, Run, check_run

BUILDS = 3


def _inputs(tmp_path: Path) -> list[tuple[Path, list[str]]]:
    """One small listing per build, each with papers of its own."""
    made = []
    for n in range(BUILDS):
        ids = [f"2402.{n:02d}{i:03d}" for i in range(3)]
        path = tmp_path / f"build{n}.jsonl"
        path.write_text("\n".join(json.dumps({"id": i, "title": f"Concurrent Paper {i} on BERT",
                                              "abstract": f"We evaluate BERT on GLUE ({i})."}) for i in ids))
        made.append((path, ids))
    return made


def _run_together(store_args: list[str], tmp_path: Path, env: dict | None = None) -> list[tuple[list[str], subprocess.Popen]]:
    env = {**os.environ, **(env or {})}
    started = []
    for path, ids in _inputs(tmp_path):
        command = [sys.executable, "-m", "paperkg", "build", "-q", str(path), *store_args]
        started.append((ids, subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                              text=True)))
    for query in (["stats"], ["papers", "Concurrent", "--json"]):
        command = [sys.executable, "-m", "paperkg", *query, *store_args]
        started.append(([], subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                             text=True)))
    return started


def _check(started, store_args: list[str], env: dict | None = None) -> None:
    written: list[str] = []
    for ids, proc in started:
        out, err = proc.communicate(timeout=300)
        run = Run(proc.returncode, out, err)
        check_run(run, proc.args[2:4], expect=None)
        if not ids:  # a query: an answer, or one line saying there is no graph yet
            assert run.exit_code in (0, 3), err
            continue
        if run.exit_code == 0:
            written += ids
        else:
            assert run.exit_code == 3 and len(err.strip().splitlines()) == 1, err
    assert written, "at least one build wrote"
    answer = subprocess.run([sys.executable, "-m", "paperkg", "papers", "Concurrent", "--json", "--limit", "100", *store_args],
                            cwd=ROOT, env={**os.environ, **(env or {})}, capture_output=True, text=True, timeout=120)
    assert answer.returncode == 0, answer.stderr
    present = {row["arxiv_id"] for row in json.loads(answer.stdout)}
    missing = set(written) - present
    assert not missing, f"papers of builds that exited 0 are missing: {sorted(missing)}"


def test_builds_and_queries_together_on_the_embedded_store(tmp_path):
    store_args = ["--db", str(tmp_path / "db")]
    _check(_run_together(store_args, tmp_path), store_args)


def test_a_build_that_waits_for_the_lock_builds_on_the_other_builds_graph(tmp_path):
    """The lost update of issue 15: a build that loaded the graph before the lock wrote it back
    stale. Here the builds queue on the lock, so each loads what the one before committed."""
    store_args = ["--db", str(tmp_path / "db")]
    started = _run_together(store_args, tmp_path, {"KG_LOCK_WAIT": "240"})
    _check(started, store_args)
    assert all(proc.returncode == 0 for ids, proc in started if ids), "waiting builds all succeed"


@pytest.mark.neo4j
def test_builds_and_queries_together_on_neo4j(tmp_path, neo4j_store, neo4j_uri):
    env = {"KG_NEO4J_PASSWORD": os.environ["KG_TEST_NEO4J_PASSWORD"]} if os.environ.get("KG_TEST_NEO4J_PASSWORD") else {}
    store_args = ["--neo4j", neo4j_uri]
    _check(_run_together(store_args, tmp_path, env), store_args, env)
