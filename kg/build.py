"""`kg build`: read -> merge duplicates -> resolve identity against the store -> extract -> write,
one chunk of papers at a time.

Records are read lazily; each chunk (``chunk_size`` papers) is merged, resolved against the graph,
extracted (in ``jobs`` processes) and upserted before the next is read, so memory is bounded by
the chunk, not the input. A chunk is typed like an incremental build: the type the graph already
holds for a name (from earlier chunks or builds) counts like a gazetteer match. The store commits
once at the end, so a failed build leaves the previous graph as it was; the output depends on
the chunk size, never on the number of processes.
"""

from __future__ import annotations

import collections
import dataclasses
import functools
import gc
import itertools
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Protocol

from paperkg.citations import CitationRefresh, linkable_names, refresh_inferred_citations
from paperkg.entity_types import decide_types, names_of, stored_votes, unify_types
from paperkg.errors import InputError
from paperkg.graph import assemble, paper_node
from paperkg.identity import merge_records
from paperkg.model import ENTITY_TYPES, TITLE_KEY_PREFIX, Node, Paper, PaperExtraction, Skip, SourceRef, merge_props
from paperkg.sources import ReadResult, Sources
from paperkg.store.base import ENTITY_NODE_LABELS, GraphCounts, GraphStore

log = logging.getLogger(__name__)

Extractor = Callable[[list[Paper]], Iterable[PaperExtraction]]

# Papers per chunk: the bundled corpus (670) and a day's listings are one chunk, as they were
# before builds streamed; a million papers are 200 chunks of ~100 MB each at most.
DEFAULT_CHUNK_SIZE = 5_000
CHUNKS_AHEAD = 2  # chunks given to the extraction workers before the one being written
# Below this many papers (all in one chunk) an automatic --jobs extracts in this process.
SMALL_INPUT = 1_500


class BuildProgress(Protocol):
    """Told how far a build has got: papers extracted, and input bytes read of the total."""

    def __call__(self, papers: int, bytes_read: int, bytes_total: int) -> None: ...


@dataclass
class BuildSummary:
    """What a build did, for the closing summary."""

    files: list[str] = field(default_factory=list)
    read: int = 0
    distinct: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[Skip] = field(default_factory=list)
    filtered: int = 0
    merged_keys: dict[str, str] = field(default_factory=dict)
    counts: GraphCounts | None = None
    citations: CitationRefresh | None = None
    chunks: int = 0
    jobs: int = 1


def default_extractor(papers: list[Paper]) -> Iterable[PaperExtraction]:
    from paperkg.extractors.pipeline import extract_papers

    return extract_papers(papers)


def default_jobs() -> int:
    """Extraction processes when none are asked for: one per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def _records(source: ReadResult | Sources) -> Iterator[Paper | Skip]:
    if isinstance(source, Sources):
        return source.records()
    return iter([*source.skipped, *source.papers])


def _chunks(records: Iterator[Paper | Skip], size: int, skipped: list[Skip]) -> Iterator[list[Paper]]:
    """Lists of up to ``size`` papers, read lazily; skipped records go to ``skipped``."""
    while True:
        chunk: list[Paper] = []
        for record in records:
            if isinstance(record, Skip):
                skipped.append(record)
                continue
            chunk.append(record)
            if len(chunk) >= size:
                break
        if not chunk:
            return
        yield chunk


# The build holds a chunk's extractions and its graph batch (and, in the citation refresh, every
# introduction) while it allocates millions of small objects: at Python's default thresholds the
# collector walks that whole heap again and again (an eighth of the writing process's CPU time at
# 50,000 papers, and more as the heap grows). Reference counting frees the build's objects; the
# collector only finds cycles, and the build makes few.
BUILD_GC_THRESHOLDS = (50_000, 20, 100)


def _with_fewer_collections(function: Callable) -> Callable:
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        before = gc.get_threshold()
        gc.set_threshold(*BUILD_GC_THRESHOLDS)
        try:
            return function(*args, **kwargs)
        finally:
            gc.set_threshold(*before)

    return wrapper


@_with_fewer_collections
def build(
    store: GraphStore,
    read: ReadResult | Sources,
    *,
    strict: bool = False,
    extractor: Extractor | None = None,
    jobs: int | None = 1,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    progress: BuildProgress | None = None,
) -> BuildSummary:
    """Write what ``read`` holds into ``store``; returns the summary.

    Args:
        store: the graph to write; committed once, at the end.
        read: records read already (``ReadResult``) or checked inputs read lazily (``Sources``).
        strict: fail, writing nothing, if any record would be skipped (checked before any write).
        extractor: extraction in this process (tests); ``jobs`` > 1 uses worker processes instead.
        jobs: extraction processes; 1 extracts in this process; None: one per core, or this
            process alone for an input of one small chunk.
        chunk_size: papers read, extracted and written together.
        progress: called as papers are extracted.
    """
    if strict:
        _check_strict(_records(read))
    elif isinstance(read, Sources) and not store.rolls_back:
        # Neo4j keeps each chunk it wrote: an unreadable line deep in the input must stop the build
        # before the first write, not after (the embedded store rolls the whole build back instead).
        _read_through(_records(read))
    summary = BuildSummary(files=list(read.files))
    state = _BuildState()
    chunks = _chunks(_records(read), max(1, chunk_size), summary.skipped)
    first = next(chunks, None)
    summary.jobs = jobs or default_jobs()
    if jobs is None and first is not None and len(first) < min(chunk_size, SMALL_INPUT):
        summary.jobs = 1  # starting workers would cost more than they save
    pool = None
    if summary.jobs > 1:
        from paperkg.extractors.parallel import ExtractionPool

        pool = ExtractionPool(summary.jobs)
    try:
        run = pool.extract if pool is not None else _in_process(extractor or default_extractor)
        start = pool.started if pool is not None else _deferred(run)
        meter = _Meter(read, progress)
        # Chunks ahead: the workers extract chunks N+1 and N+2 while this process writes chunk N,
        # so that they do not sit idle when they finish one chunk before the write of the last ends.
        pending: collections.deque[_Pending] = collections.deque()
        for chunk in itertools.chain([first] if first else [], chunks):
            summary.chunks += 1
            summary.read += len(chunk)
            papers = merge_records(chunk)
            pending.append(_Pending(papers, start(papers), meter.chunk_started(len(chunk))))
            if len(pending) > CHUNKS_AHEAD:
                _write_chunk(store, pending.popleft(), run, summary, state)
        while pending:
            _write_chunk(store, pending.popleft(), run, summary, state)
    finally:
        if pool is not None:
            pool.close()
    if isinstance(read, Sources):
        summary.filtered = read.filtered
    if not summary.read:
        # no usable record: a failure with the skip summary; nothing was upserted, nothing committed
        if summary.filtered and not summary.skipped:
            raise InputError(f"none of the {summary.filtered} papers read is in the given --category; check the categories")
        ReadResult(skipped=summary.skipped, files=summary.files).require_papers()
    summary.distinct = len(state.seen)
    # When the build wrote most of the graph every paper is read anyway; otherwise only what the
    # build's papers touch is read again.
    changed: list[str] | None = sorted(state.seen | set(summary.merged_keys))
    if 2 * len(changed) >= store.count_papers():
        changed = None
    started = time.monotonic()
    summary.citations = refresh_inferred_citations(store, changed, new=state.new, renamed=state.renamed, jobs=summary.jobs)
    log.info("refreshed the inferred citations in %.1f s", time.monotonic() - started)
    store.commit()
    summary.counts = store.counts()
    return summary


class _Meter:
    """Progress through the input: papers extracted, and bytes read spread evenly over the papers
    of each chunk (records are read a chunk ahead of extraction)."""

    def __init__(self, read: ReadResult | Sources, progress: BuildProgress | None) -> None:
        self.read = read
        self.progress = progress
        self.papers = 0
        self.bytes_before = 0
        self.total = read.bytes_total if isinstance(read, Sources) else 0

    def chunk_started(self, papers: int) -> Callable[[int], None]:
        after = self.read.bytes_read if isinstance(self.read, Sources) else 0
        before, self.bytes_before = self.bytes_before, after
        done = 0

        def advance(n: int) -> None:
            nonlocal done
            done += n
            self.papers += n
            if self.progress is not None:
                self.progress(self.papers, before + (after - before) * done // max(1, papers), self.total)

        return advance


@dataclass
class _BuildState:
    """What the chunks of one build share: the paper keys written so far, and those of papers
    the graph did not hold before the build."""

    seen: set[str] = field(default_factory=set)
    new: set[str] = field(default_factory=set)
    renamed: set[str] = field(default_factory=set)  # entities whose linkable names the build changed
    written: int = 0  # chunks written so far (more are read ahead)


def _check_strict(records: Iterator[Paper | Skip]) -> None:
    """Read every record once, writing nothing: the first skip (and how many) is the error."""
    skips = [r for r in records if isinstance(r, Skip)]
    if skips:
        raise InputError(
            f"{skips[0]}; {len(skips)} record(s) would be skipped and --strict is on: "
            "fix the input or drop --strict (nothing was written)"
        )


def _read_through(records: Iterator[Paper | Skip]) -> None:
    """Read every record once, writing nothing: an input that cannot be read raises here."""
    for _ in records:
        pass


def _in_process(extractor: Extractor) -> Callable[..., Iterator[PaperExtraction]]:
    def run(papers: list[Paper], *, on_papers: Callable[[int], None] | None = None) -> Iterator[PaperExtraction]:
        for extraction in extractor(papers):
            yield extraction
            if on_papers:
                on_papers(1)

    return run


@dataclass
class _Pending:
    """A chunk read and merged, its extraction queued (``read(on_papers=...)`` yields it)."""

    papers: list[Paper]
    read: Callable[..., Iterator[PaperExtraction]]
    on_papers: Callable[[int], None]


def _deferred(run: Callable[..., Iterator[PaperExtraction]]) -> Callable[[list[Paper]], Callable[..., Iterator[PaperExtraction]]]:
    """In one process there is nothing to overlap: the chunk is extracted when it is read."""

    def start(papers: list[Paper]) -> Callable[..., Iterator[PaperExtraction]]:
        return lambda *, on_papers=None: run(papers, on_papers=on_papers)

    return start


def _extractions(
    pending: _Pending, complete: list[Paper], extract: Callable[..., Iterator[PaperExtraction]]
) -> list[PaperExtraction]:
    """The extraction of each resolved paper, in order. A paper's extraction depends on its key,
    title and abstract only, so the one made ahead (before the chunk was resolved against the
    store) is used unless resolving changed one of them (a new key, papers merged); those few
    are extracted again."""
    ahead = {x.paper_key: x for x in pending.read(on_papers=pending.on_papers)}
    read_as = {p.key: (p.title, p.abstract) for p in pending.papers}
    again = [p for p in complete if read_as.get(p.key) != (p.title, p.abstract)]
    fresh = {x.paper_key: x for x in extract(again)} if again else {}
    return [fresh[p.key] if p.key in fresh else ahead[p.key] for p in complete]


def _write_chunk(
    store: GraphStore,
    pending: _Pending,
    extract: Callable[..., Iterator[PaperExtraction]],
    summary: BuildSummary,
    state: _BuildState,
) -> None:
    """Resolve, type and upsert one chunk of papers (not committed), its extraction made ahead."""
    started = time.monotonic()
    papers, renames = resolve_against_store(store, pending.papers)
    existing = store.nodes("Paper", [p.key for p in papers] + list(renames))
    complete: list[Paper] = []
    for paper in papers:
        old_key = next((old for old, new in renames.items() if new == paper.key), None)
        before = existing.get(paper.key) or (existing.get(old_key) if old_key else None)
        # A paper an earlier chunk of this build wrote was counted there.
        counted = paper.key in state.seen or (old_key is not None and old_key in state.seen)
        if before is None:
            summary.new += 0 if counted else 1
            state.new.add(paper.key)
        else:
            paper = with_known_sources(paper, before)
            if counted:
                pass
            elif merge_props(before, paper_node(paper).props) == before and not old_key:
                summary.unchanged += 1
            else:
                summary.updated += 1
        complete.append(paper)
    for old, new in renames.items():
        state.seen.discard(old)
        state.new.discard(old)
        state.seen.add(new)
    state.seen.update(p.key for p in complete)
    summary.merged_keys.update(renames)
    asked = time.monotonic()
    extracted = _extractions(pending, complete, extract)
    waited = time.monotonic() - asked
    decided = decide_types(extracted, stored_votes(stored_entity_types(store, names_of(extracted))))
    extractions = {x.paper_key: x for x in unify_types(extracted, decided)}
    batch = assemble(complete, extractions)
    state.renamed |= renamed_entities(store, batch.nodes)
    store.merge_nodes(renames)
    store.clear_extracted([p.key for p in complete])
    store.upsert(batch)
    # Where a build's time goes, chunk by chunk (-v): the wait is for the extraction workers.
    state.written += 1
    log.info("chunk %d: %d papers written in %.1f s (%.1f s of it waiting for their extraction)", state.written,
             len(complete), time.monotonic() - started, waited)


def renamed_entities(store: GraphStore, nodes: Iterable[Node]) -> set[str]:
    """Keys of the stored entities whose names that may link papers (``linkable_names``) these
    nodes change once merged in: the citations through them are to be checked again."""
    by_label: dict[str, dict[str, Node]] = {}
    for node in nodes:
        if node.label in ENTITY_NODE_LABELS:
            by_label.setdefault(node.label, {})[node.key] = node
    renamed = set()
    for label, wanted in by_label.items():
        for key, before in store.nodes(label, wanted).items():
            if linkable_names(before) != linkable_names(merge_props(before, wanted[key].props)):
                renamed.add(key)
    return renamed


def stored_entity_types(store: GraphStore, names: set[str]) -> dict[str, list[str]]:
    """For each normalised name the graph holds as an entity, the types it holds it under."""
    found: dict[str, list[str]] = {}
    for kind in ENTITY_TYPES:
        label = kind.capitalize()
        for key in store.node_keys(label, [f"{kind}:{name}" for name in names]):
            found.setdefault(key.split(":", 1)[1], []).append(kind)
    return found


def resolve_against_store(store: GraphStore, papers: list[Paper]) -> tuple[list[Paper], dict[str, str]]:
    """Give each paper the key the graph already knows it by, then merge papers that now share one."""
    resolved, renames = resolve_keys(store, papers)
    return merge_records(resolved), renames


def resolve_keys(store: GraphStore, papers: list[Paper]) -> tuple[list[Paper], dict[str, str]]:
    """The papers in the same order, each keyed as the graph knows it, and the renames to apply.

    A paper read without an arXiv id takes the key of a stored paper with the same title that has
    one; a paper read with an arXiv id absorbs a stored title-keyed twin (returned as a rename).
    """
    untitled = {p.norm_title for p in papers if not p.arxiv_id}
    known = store.paper_keys_by_norm_title(untitled)
    # A paper with an arXiv id only looks for title-keyed twins: a corpus whose titles repeat (bench_scale's
    # copies) would otherwise read every stored paper of the same title, more with every chunk.
    known.update(store.paper_keys_by_norm_title({p.norm_title for p in papers if p.arxiv_id} - untitled, title_keyed=True))
    resolved: list[Paper] = []
    renames: dict[str, str] = {}
    for paper in papers:
        keys = [k for k in known.get(paper.norm_title, []) if k != paper.key]
        if paper.arxiv_id:
            for key in keys:
                if key.startswith(TITLE_KEY_PREFIX):
                    renames[key] = paper.key
        else:
            arxiv_keys = [k for k in keys if not k.startswith(TITLE_KEY_PREFIX)]
            if len(arxiv_keys) == 1:
                paper = dataclasses.replace(paper, arxiv_id=arxiv_keys[0].removeprefix("paper:"))
        resolved.append(paper)
    return resolved, renames


def with_known_sources(paper: Paper, stored: dict) -> Paper:
    """The paper with the sources the store already lists for it first, so edges cite all."""
    known = tuple(parse_source(s) for s in stored.get("sources", []))
    return dataclasses.replace(paper, sources=known + tuple(s for s in paper.sources if s not in known))


def parse_source(text: str) -> SourceRef:
    path, _, line = text.rpartition(":")
    return SourceRef(path, int(line)) if line.isdigit() else SourceRef(text, 0)
