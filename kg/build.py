"""`kg build`: read -> merge duplicates -> resolve identity against the store -> extract -> write.

Nothing is written until every input file has been read and every record extracted, so a failed
build leaves the previous graph as it was.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from paperkg.citations import CitationRefresh, refresh_inferred_citations
from paperkg.entity_types import decide_types, names_of, stored_votes, unify_types
from paperkg.errors import InputError
from paperkg.graph import assemble, paper_node
from paperkg.identity import merge_records
from paperkg.model import ENTITY_TYPES, Paper, PaperExtraction, Skip, SourceRef, merge_props
from paperkg.sources import ReadResult
from paperkg.store.base import GraphCounts, GraphStore

log = logging.getLogger(__name__)

Extractor = Callable[[list[Paper]], Iterable[PaperExtraction]]


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
    merged_keys: dict[str, str] = field(default_factory=dict)
    counts: GraphCounts | None = None
    citations: CitationRefresh | None = None


def default_extractor(papers: list[Paper]) -> Iterable[PaperExtraction]:
    from paperkg.extractors.pipeline import extract_papers

    return extract_papers(papers)


def build(
    store: GraphStore,
    read: ReadResult,
    *,
    strict: bool = False,
    extractor: Extractor = default_extractor,
) -> BuildSummary:
    """Write what ``read`` holds into ``store``; returns the summary."""
    summary = BuildSummary(files=list(read.files), read=len(read.papers), skipped=list(read.skipped))
    if strict and read.skipped:
        first = read.skipped[0]
        raise InputError(
            f"{first}; {len(read.skipped)} record(s) would be skipped and --strict is on: "
            "fix the input or drop --strict (nothing was written)"
        )
    read.require_papers()  # no usable record: a failure with the skip summary, nothing written
    papers = merge_records(read.papers)
    papers, renames = resolve_against_store(store, papers)
    existing = store.nodes("Paper", [p.key for p in papers] + list(renames))
    complete: list[Paper] = []
    for paper in papers:
        old_key = next((old for old, new in renames.items() if new == paper.key), None)
        before = existing.get(paper.key) or (existing.get(old_key) if old_key else None)
        if before is None:
            summary.new += 1
        else:
            paper = with_known_sources(paper, before)
            if merge_props(before, paper_node(paper).props) == before and not old_key:
                summary.unchanged += 1
            else:
                summary.updated += 1
        complete.append(paper)
    summary.distinct = len(complete)
    summary.merged_keys = renames
    extracted = list(extractor(complete))
    decided = decide_types(extracted, stored_votes(stored_entity_types(store, names_of(extracted))))
    extractions = {x.paper_key: x for x in unify_types(extracted, decided)}
    batch = assemble(complete, extractions)
    store.merge_nodes(renames)
    store.clear_extracted([p.key for p in complete])
    store.upsert(batch)
    # When the batch is most of the graph every paper is read anyway; otherwise only what the
    # batch's papers touch is read again.
    changed = [p.key for p in complete] + list(renames)
    if 2 * len(changed) >= store.count_papers():
        changed = None
    summary.citations = refresh_inferred_citations(store, changed)
    store.commit()
    summary.counts = store.counts()
    return summary


def stored_entity_types(store: GraphStore, names: set[str]) -> dict[str, list[str]]:
    """For each normalised name the graph holds as an entity, the types it holds it under."""
    found: dict[str, list[str]] = {}
    for kind in ENTITY_TYPES:
        label = kind.capitalize()
        for key in store.nodes(label, [f"{kind}:{name}" for name in names]):
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
    known = store.paper_keys_by_norm_title({p.norm_title for p in papers})
    resolved: list[Paper] = []
    renames: dict[str, str] = {}
    for paper in papers:
        keys = [k for k in known.get(paper.norm_title, []) if k != paper.key]
        if paper.arxiv_id:
            for key in keys:
                if key.startswith("paper:t-"):
                    renames[key] = paper.key
        else:
            arxiv_keys = [k for k in keys if not k.startswith("paper:t-")]
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
