"""Worker processes (paperkg.workers): real processes forked by the fork server."""

from __future__ import annotations

import os

from paperkg.extractors.parallel import ExtractionPool
from paperkg.workers import WORKER_NICENESS, Workers


def _niceness(_task: object, _shared: object) -> int:
    return os.nice(0)


def test_workers_run_at_a_lower_priority_than_the_process_that_waits_for_them():
    # The caller is the critical path (a build writes while its workers extract ahead): it must not
    # share a core with them on equal terms.
    wanted = min(19, os.nice(0) + WORKER_NICENESS)
    with Workers(2) as workers:
        assert workers.map(_niceness, [1, 2, 3, 4]) == [wanted] * 4
    with ExtractionPool(1) as pool:
        assert pool._pool.apply(os.nice, (0,)) == wanted
