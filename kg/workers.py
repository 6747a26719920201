"""Worker processes for CPU-bound work split into tasks (extraction, the inferred-citation pass).

Workers are started by a fork server (not forked from the caller), so a store the caller holds
open (a database connection, a Neo4j driver's threads) is never copied into them; the modules
``preload`` names are imported once by the server, and each worker forks from it ready to work.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from multiprocessing import forkserver
from multiprocessing.pool import AsyncResult, Pool
from typing import Any, TypeVar

T = TypeVar("T")


@contextlib.contextmanager
def _stderr_to_devnull() -> Iterator[None]:
    """File descriptor 2 points at /dev/null inside the block (for processes started there)."""
    saved = os.dup(2)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)


def process_pool(jobs: int, *, preload: Sequence[str], initializer: Callable[..., None] | None = None,
                 initargs: tuple[Any, ...] = ()) -> Pool:
    """A pool of ``jobs`` processes forked by the fork server; the caller terminates it.

    ``preload`` only counts when this call starts the server: a server already running (started
    by an earlier pool of this process) keeps its modules, and a worker imports what it lacks.
    """
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(list(preload))
    with _stderr_to_devnull():
        # The server, and the workers it forks, write to no terminal: a worker's error comes
        # back to the caller through the pool, and a worker being started when the caller is
        # stopped (Ctrl-C, SIGTERM) would otherwise print a traceback under the one-line message.
        forkserver.ensure_running()
    return context.Pool(jobs, initializer=_start_worker, initargs=(initializer, initargs))


# How much lower than the caller's a worker's scheduling priority is. The caller is the critical path
# of the work it splits (a build writes each chunk while the workers extract the next ones): with
# ``jobs`` workers as busy as it, on as many cores, it got a core's share no larger than theirs (two
# thirds of one with two workers on two cores), and the workers, ahead of it, then waited for it with
# a core idle. Niced, they take what the caller leaves; what they compute is the same.
WORKER_NICENESS = 5


def _start_worker(initializer: Callable[..., None] | None, initargs: tuple[Any, ...]) -> None:
    with contextlib.suppress(OSError):
        os.nice(WORKER_NICENESS)
    if initializer is not None:
        initializer(*initargs)


class PoolOwner:
    """What owns a process pool: a context manager whose ``close`` stops the processes (once)."""

    _pool: Pool | None

    def __enter__(self):
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None
            self._closed()

    def _closed(self) -> None:
        """What else to release once the processes have stopped."""


class Workers(PoolOwner):
    """``jobs`` processes forked by the fork server, kept for several maps in a row; a context
    manager (the processes stop on exit).

    What the tasks of one map share is pickled once into a file that each worker reads once, not
    sent with every task, nor through the fork server with every process it starts.
    """

    def __init__(self, jobs: int, *, preload: Sequence[str] = (), initializer: Callable[[], None] | None = None) -> None:
        self.jobs = jobs
        self._folder = tempfile.TemporaryDirectory(prefix="paperkg-workers-")
        self._maps = 0
        self._pool: Pool | None = process_pool(jobs, preload=preload, initializer=initializer)

    def _closed(self) -> None:
        self._folder.cleanup()

    def map(self, function: Callable[[Any, Any], Any], tasks: Sequence[Any], *, shared: Any = None) -> list[Any]:
        """``function(task, shared)`` for each task, the results in task order. ``function`` must be
        a module-level function (it is sent by name)."""
        assert self._pool is not None, "the workers were closed"
        path = self._share(shared)
        try:
            return self._pool.map(_run, [(function, path, task) for task in tasks], chunksize=1)
        finally:
            if path is not None:
                os.remove(path)

    def imap(self, function: Callable[[Any, Any], Any], tasks: Iterable[tuple[Any, T]], *, shared: Any = None,
             ahead: int | None = None) -> Iterator[tuple[T, Any]]:
        """``(note, function(task, shared))`` for each ``(task, note)``, in task order; the note
        stays in this process. The tasks are taken as the work goes, at most ``ahead`` (default:
        two per process) sent and not yet returned, so that a stream of tasks too big to hold
        (every paper's text) never is all in memory. ``function``: as for ``map``."""
        assert self._pool is not None, "the workers were closed"
        pool, path = self._pool, self._share(shared)
        pending: deque[tuple[T, AsyncResult]] = deque()
        try:
            for task, note in tasks:
                pending.append((note, pool.apply_async(_run, ((function, path, task),))))
                if len(pending) >= (ahead or 2 * self.jobs):
                    note, result = pending.popleft()
                    yield note, result.get()
            while pending:
                note, result = pending.popleft()
                yield note, result.get()
        finally:
            if path is not None:
                os.remove(path)

    def _share(self, shared: Any) -> str | None:
        """The file that holds ``shared`` pickled (None for None), read once by each worker."""
        if shared is None:
            return None
        self._maps += 1
        path = os.path.join(self._folder.name, f"shared-{self._maps}.pickle")
        with open(path, "wb") as file:
            pickle.dump(shared, file, protocol=pickle.HIGHEST_PROTOCOL)
        return path


# In a worker: the shared object of the map it works for, and the file it was read from.
_shared: tuple[str | None, Any] = (None, None)


def _run(call: tuple[Callable[[Any, Any], Any], str | None, Any]) -> Any:
    global _shared
    function, path, task = call
    if path is not None and _shared[0] != path:
        with open(path, "rb") as file:
            _shared = (path, pickle.load(file))
    return function(task, _shared[1] if path is not None else None)
