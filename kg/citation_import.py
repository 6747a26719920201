"""`kg import-citations`: explicit citations from saved Semantic Scholar / OpenAlex responses.

Each citation becomes ``(citing)-[:CITES {source: "s2"|"openalex"}]->(cited)``. A paper the graph
does not hold yet becomes a stub Paper (``stub: true``, with what the source says: title, arXiv
id, its id there); a later read of that paper (same arXiv id or title) completes it, and a later
OpenAlex listing that names a work known only by its id gives the stub its title and key.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.model import Edge, GraphBatch, Node, normalize_title, paper_key
from kg.sources.citation_responses import CitationRecord, Described, PaperRef
from kg.store.base import GraphStore


@dataclass
class ImportSummary:
    citations: int = 0
    new_citations: int = 0
    stubs: int = 0
    completed: int = 0
    by_source: dict[str, int] = field(default_factory=dict)


def ref_key(ref: PaperRef) -> str | None:
    """The graph key a reference gets on its own: given key, arXiv id, title, or source id."""
    if ref.key:
        return ref.key
    if ref.arxiv_id or ref.title:
        return paper_key(arxiv_id=ref.arxiv_id, title=ref.title)
    if ref.external_id and ref.external_id.startswith("openalex:"):
        return "paper:oa-" + ref.external_id.split(":", 1)[1].lower()
    return None


def _openalex_stub_key(ref: PaperRef) -> str | None:
    if ref.external_id and ref.external_id.startswith("openalex:"):
        return "paper:oa-" + ref.external_id.split(":", 1)[1].lower()
    return None


def import_citations(store: GraphStore, items: Iterable[CitationRecord | Described]) -> ImportSummary:
    items = list(items)
    records = [item for item in items if isinstance(item, CitationRecord)]
    described = [item for item in items if isinstance(item, Described)]
    summary = ImportSummary()
    refs: dict[PaperRef, str] = {}
    for record in records:
        for ref in (record.citing, record.cited):
            key = ref_key(ref)
            if key:
                refs[ref] = key
    for item in described:
        key = ref_key(item.ref)
        if key:
            refs[item.ref] = key
    # The keys the graph already knows these papers by (the same rules as `kg build`).
    titles = {normalize_title(r.title) for r in refs if r.title and not r.arxiv_id and not r.key}
    known_titles = store.paper_keys_by_norm_title(titles) if titles else {}
    for ref, key in refs.items():
        if key.startswith("paper:t-"):
            arxiv_keys = [k for k in known_titles.get(normalize_title(ref.title), []) if not k.startswith("paper:t-")]
            if len(arxiv_keys) == 1:
                refs[ref] = arxiv_keys[0]
    renames: dict[str, str] = {}
    twins = store.paper_keys_by_norm_title({normalize_title(r.title) for r in refs if r.arxiv_id and r.title})
    for ref, key in refs.items():
        if ref.arxiv_id and ref.title:
            for twin in twins.get(normalize_title(ref.title), []):
                if twin.startswith("paper:t-") and twin != key:
                    renames[twin] = key
        stub_key = _openalex_stub_key(ref)
        if stub_key and stub_key != key:
            renames[stub_key] = key
    existing_before = store.nodes("Paper", list(renames))
    renames = {old: new for old, new in renames.items() if old in existing_before}
    summary.completed = len(renames)
    store.merge_nodes(renames)
    existing = store.nodes("Paper", set(refs.values()))
    nodes: dict[str, Node] = {}
    edges: dict[tuple[str, str], Edge] = {}

    def note(ref: PaperRef, key: str, where: str) -> None:
        # New papers become stubs; a stub already there learns what this source says (a title).
        if key not in nodes and (key not in existing or existing[key].get("stub")):
            nodes[key] = Node("Paper", key, _stub_props(ref, where))

    for item in described:
        key = refs.get(item.ref)
        if key:
            note(item.ref, key, str(item.where))
    for record in records:
        citing, cited = refs.get(record.citing), refs.get(record.cited)
        if not citing or not cited or citing == cited:
            continue
        for ref, key in ((record.citing, citing), (record.cited, cited)):
            note(ref, key, str(record.where))
        summary.citations += 1
        summary.by_source[record.source] = summary.by_source.get(record.source, 0) + 1
        edges[(citing, cited)] = Edge("CITES", citing, cited, {"source": record.source, "sources": [str(record.where)]})
    already = {(s, t) for _, s, t, props in store.edges_of(["CITES"], [t for _, t in edges]) if props.get("source")}
    summary.new_citations = sum(1 for pair in edges if pair not in already)
    summary.stubs = sum(1 for key in nodes if key not in existing)
    store.upsert(GraphBatch(tuple(nodes.values()), tuple(edges.values())))
    store.commit()
    return summary


def _stub_props(ref: PaperRef, where: str) -> dict:
    props = {
        "title": ref.title,
        "norm_title": normalize_title(ref.title) if ref.title else None,
        "arxiv_id": ref.arxiv_id,
        "external_id": ref.external_id,
        "url": ref.url,
        "stub": True,
        "sources": [where],
    }
    return {k: v for k, v in props.items() if v not in (None, "")}
