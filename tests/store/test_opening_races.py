"""Builds and readers that open a new store at the same moment, a first build that fails among
them: every build that committed keeps its papers.

Two lost updates were found this way (CI, stop 22): a reader that found no graph yet removed the
log files of the build creating the store, and a first build that failed removed the store file
another build had opened and then wrote into. Each showed in about a third of the rounds below.
Real processes on real files; the interleavings are random, so each test runs many rounds."""

from __future__ import annotations

import multiprocessing
import random
import time
from pathlib import Path

from paperkg.errors import StoreError
from paperkg.model import GraphBatch, Node
from paperkg.store.embedded import EmbeddedStore

ROUNDS = 12
FAILS = 3  # the exit code of the build that fails on purpose


def _paper(name: str) -> Node:
    return Node("Paper", f"paper:{name}", {"title": name, "norm_title": name, "sources": [f"{name}.txt:1"]})


def _build(db: Path, name: str, delay: float, fail: bool) -> None:
    time.sleep(delay)
    with EmbeddedStore(db, create=True, lock=True, lock_wait_s=60) as store:
        store.upsert(GraphBatch((_paper(name),), ()))
        time.sleep(random.random() * 0.02)
        if fail:
            raise SystemExit(FAILS)  # leaves without committing, as a build with bad input does
        store.commit()


def _read(db: Path, delay: float) -> None:
    time.sleep(delay)
    for _ in range(30):
        try:
            with EmbeddedStore(db) as store:
                store.counts()
        except StoreError:
            pass  # no graph yet: what a reader may be told
        time.sleep(0.0005)


def _run_rounds(tmp_path: Path, *, with_failing_build: bool) -> list[str]:
    context = multiprocessing.get_context("fork")
    lost = []
    for n in range(ROUNDS):
        db = tmp_path / f"db{n}"
        builds = [context.Process(target=_build, args=(db, f"b{i}", random.random() * 0.01, False)) for i in range(3)]
        failing = [context.Process(target=_build, args=(db, "failed", 0.0, True))] if with_failing_build else []
        readers = [context.Process(target=_read, args=(db, random.random() * 0.01)) for _ in range(2)]
        for process in builds + failing + readers:
            process.start()
        for process in builds + failing + readers:
            process.join(120)
        assert [p.exitcode for p in builds + readers] == [0] * 5, f"round {n}: a build or reader failed"
        assert [p.exitcode for p in failing] == [FAILS] * len(failing)
        with EmbeddedStore(db) as store:
            present = set(store.nodes("Paper", ["paper:b0", "paper:b1", "paper:b2", "paper:failed"]))
        if present != {"paper:b0", "paper:b1", "paper:b2"}:
            lost.append(f"round {n}: {sorted(present)}")
    return lost


def test_readers_opening_a_store_being_created_lose_no_build(tmp_path):
    assert _run_rounds(tmp_path, with_failing_build=False) == []


def test_a_failing_first_build_loses_no_other_build(tmp_path):
    assert _run_rounds(tmp_path, with_failing_build=True) == []
