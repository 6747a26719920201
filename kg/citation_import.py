"""`kg import-citations`: explicit citations from saved Semantic Scholar / OpenAlex responses.

Each citation becomes ``(citing)-[:CITES {source: "s2"|"openalex"}]->(cited)``. A paper the graph
does not hold yet becomes a stub Paper (``stub: true``, with what the source says: title, arXiv
id, its id there); a later read of that paper (same arXiv id or title) completes it, and a later
OpenAlex listing that names a work known only by its id gives the stub its title and key.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from paperkg.build import resolve_keys
from paperkg.graph import paper_node
from paperkg.model import Edge, GraphBatch, Node, Paper, Skip, SourceRef, own_ids
from paperkg.sources.citation_responses import CitationRecord, Described, PaperRef
from paperkg.store.base import GraphStore


@dataclass
class ImportSummary:
    citations: int = 0
    new_citations: int = 0
    stubs: int = 0
    completed: int = 0
    skipped: int = 0  # items of the wrong shape in the responses
    by_source: dict[str, int] = field(default_factory=dict)


def _openalex_stub_key(ref: PaperRef) -> str | None:
    """``paper:oa-w…`` for a paper OpenAlex names by id only (its referenced works)."""
    if ref.external_id and ref.external_id.startswith("openalex:"):
        return "paper:oa-" + ref.external_id.split(":", 1)[1].lower()
    return None


def _stub(ref: PaperRef, where: SourceRef) -> Paper:
    """The reference as a stub paper record (what the source says of it, no abstract)."""
    return Paper(title=ref.title, abstract="", sources=(where,), arxiv_id=ref.arxiv_id,
                 ids=own_ids(ref.external_id), url=ref.url, stub=True)


def import_citations(store: GraphStore, items: Iterable[CitationRecord | Described | Skip]) -> ImportSummary:
    items = list(items)
    records = [item for item in items if isinstance(item, CitationRecord)]
    described = [item for item in items if isinstance(item, Described)]
    summary = ImportSummary(skipped=sum(1 for item in items if isinstance(item, Skip)))
    first_seen: dict[PaperRef, SourceRef] = {}
    for ref, where in [(i.ref, i.where) for i in described] + [(r, c.where) for c in records for r in (c.citing, c.cited)]:
        first_seen.setdefault(ref, where)
    # Keys as `kg build` gives them: a given key as is, arXiv id or title resolved against the
    # graph (the same rules), else OpenAlex's id.
    refs: dict[PaperRef, str] = {ref: ref.key for ref in first_seen if ref.key}
    by_record = [ref for ref in first_seen if not ref.key and (ref.arxiv_id or ref.title)]
    resolved, renames = resolve_keys(store, [_stub(ref, first_seen[ref]) for ref in by_record])
    refs.update({ref: paper.key for ref, paper in zip(by_record, resolved, strict=True)})
    # A work named by id only (a referenced work) that the same responses describe in full is
    # that paper, not a stub of its own.
    by_source_id = {ref.external_id: refs[ref] for ref in by_record if ref.external_id}
    for ref in first_seen:
        stub_key = _openalex_stub_key(ref)
        if ref not in refs and ref.external_id in by_source_id:
            refs[ref] = by_source_id[ref.external_id]
        elif ref not in refs and stub_key:
            refs[ref] = stub_key
        elif stub_key and stub_key != refs.get(ref):
            renames[stub_key] = refs[ref]  # the work's listing completes its id-only stub
    existing_before = store.nodes("Paper", list(renames))
    renames = {old: new for old, new in renames.items() if old in existing_before}
    summary.completed = len(renames)
    store.merge_nodes(renames)
    existing = store.nodes("Paper", set(refs.values()))
    nodes: dict[str, Node] = {}
    edges: dict[tuple[str, str], Edge] = {}

    def note(ref: PaperRef, key: str, where: SourceRef) -> None:
        # New papers become stubs; a stub already there learns what this source says (a title).
        if key not in nodes and (key not in existing or existing[key].get("stub")):
            nodes[key] = Node("Paper", key, paper_node(_stub(ref, where)).props)

    for item in described:
        key = refs.get(item.ref)
        if key:
            note(item.ref, key, item.where)
    for record in records:
        citing, cited = refs.get(record.citing), refs.get(record.cited)
        if not citing or not cited or citing == cited:
            continue
        for ref, key in ((record.citing, citing), (record.cited, cited)):
            note(ref, key, record.where)
        summary.citations += 1
        summary.by_source[record.source] = summary.by_source.get(record.source, 0) + 1
        edges[(citing, cited)] = Edge("CITES", citing, cited, {"source": record.source, "sources": [str(record.where)]})
    already = {(s, t) for _, s, t, props in store.edges_of(["CITES"], [t for _, t in edges]) if props.get("source")}
    summary.new_citations = sum(1 for pair in edges if pair not in already)
    summary.stubs = sum(1 for key in nodes if key not in existing)
    store.upsert(GraphBatch(tuple(nodes.values()), tuple(edges.values())))
    store.commit()
    return summary
