"""Extraction in several processes, giving exactly what one process gives, in input order.

Each worker loads the pipeline once and extracts batches of papers; the papers' results come
back in the order the papers went in (``imap``), and extraction of a paper depends on its own
title and abstract only, so the output is the same for any number of workers.

Workers are started by a fork server (not forked from the caller), so a store the caller holds
open (a database connection, a Neo4j driver's threads) is never copied into them.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from multiprocessing import forkserver

from paperkg.model import Paper, PaperExtraction

# Papers per task: large enough that pickling is a small share of the work, small enough that
# the workers finish a chunk together.
TASK_PAPERS = 64

_worker_nlp = None


def _start_worker() -> None:
    global _worker_nlp
    from paperkg.extractors.pipeline import load_pipeline

    _worker_nlp = load_pipeline()


def _extract_batch(papers: list[Paper]) -> list[PaperExtraction]:
    from paperkg.extractors.pipeline import extract_papers

    return list(extract_papers(papers, nlp=_worker_nlp))


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


class ExtractionPool:
    """``jobs`` worker processes; ``extract(papers)`` yields their extractions in input order.

    Use as a context manager: the workers stop on exit.
    """

    def __init__(self, jobs: int) -> None:
        context = multiprocessing.get_context("forkserver")
        # The fork server imports the pipeline once; each worker then forks from it ready to work.
        context.set_forkserver_preload(["paperkg.extractors.pipeline"])
        with _stderr_to_devnull():
            # The server, and the workers it forks, write to no terminal: a worker's error comes
            # back to the caller through the pool, and a worker being started when the caller is
            # stopped (Ctrl-C, SIGTERM) would otherwise print a traceback under the one-line message.
            forkserver.ensure_running()
        self.jobs = jobs
        self._pool = context.Pool(jobs, initializer=_start_worker)

    def __enter__(self) -> ExtractionPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def extract(self, papers: Sequence[Paper], *, on_papers: Callable[[int], None] | None = None) -> Iterator[PaperExtraction]:
        """Extraction records for each paper, in input order; ``on_papers(n)`` after each batch."""
        return self.started(papers)(on_papers=on_papers)

    def started(self, papers: Sequence[Paper]) -> Callable[..., Iterator[PaperExtraction]]:
        """Queue the papers' extraction now and return how to read it (``read(on_papers=...)``), so
        the workers extract while the caller does other work (writes the previous chunk)."""
        size = max(1, min(TASK_PAPERS, -(-len(papers) // self.jobs)))
        batches = [list(papers[i : i + size]) for i in range(0, len(papers), size)]
        results = self._pool.imap(_extract_batch, batches)  # tasks are handed to the workers at once

        def read(*, on_papers: Callable[[int], None] | None = None) -> Iterator[PaperExtraction]:
            for done in results:
                yield from done
                if on_papers:
                    on_papers(len(done))

        return read
