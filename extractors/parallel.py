"""Extraction in several processes, giving exactly what one process gives, in input order.

Each worker loads the pipeline once and extracts batches of papers; the papers' results come
back in the order the papers went in (``imap``), and extraction of a paper depends on its own
title and abstract only, so the output is the same for any number of workers.

Workers are started by the fork server (``paperkg.workers``), which imports the pipeline once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from paperkg.model import Paper, PaperExtraction
from paperkg.workers import PoolOwner, process_pool

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


class ExtractionPool(PoolOwner):
    """``jobs`` worker processes; ``extract(papers)`` yields their extractions in input order.

    Use as a context manager: the workers stop on exit.
    """

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self._pool = process_pool(jobs, preload=["paperkg.extractors.pipeline"], initializer=_start_worker)

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
