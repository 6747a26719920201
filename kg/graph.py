"""From records to graph nodes and edges: the one place that decides what the graph holds."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

from paperkg.model import (
    ENTITY_LABELS,
    ROLE_PRIORITY,
    ROLE_REL_TYPES,
    SCHEMA,
    Edge,
    Entity,
    Evidence,
    GraphBatch,
    Node,
    Paper,
    PaperExtraction,
    Repo,
    ReportedResult,
    author_key,
    entity_key,
    match_key,
    metric_key,
    normalize_name,
    publication_month,
    result_key,
)

METADATA_SOURCE = "metadata"


def metadata_repo(url: str) -> Repo | None:
    """A repo from a link field of the source (githubRepo, projectPage), cleaned and classified
    like links found in text; None for a value that is not a web link."""
    from paperkg.extractors.links import URL_PATTERN, classify_url, clean_url, url_host

    if not url.strip().lower().startswith(("http://", "https://")):
        return None
    found = URL_PATTERN.match(url.strip())
    if found is None or found.group(0) != url.strip():
        return None  # spaces, controls or markup inside: not one link
    cleaned = clean_url(url.strip())
    if "." not in url_host(cleaned):
        return None
    return Repo(cleaned, classify_url(cleaned))


def _props(**values: Any) -> dict[str, Any]:
    """Properties without empty values: stores never hold nulls, empty text or empty lists."""
    # Truth and type tests, not ``v not in (None, (), [], "")``: four comparisons per value took
    # twice the time, and a build makes about eight of these dicts per paper.
    return {k: list(v) if isinstance(v, tuple) else v for k, v in values.items()
            if v is not None and (v or type(v) not in _EMPTIABLE)}


_EMPTIABLE = (str, tuple, list)


def paper_node(paper: Paper) -> Node:
    return Node(
        "Paper",
        paper.key,
        _props(
            title=paper.title,
            abstract=paper.abstract,
            norm_title=paper.norm_title,
            arxiv_id=paper.arxiv_id,
            authors=paper.authors,
            published=paper.published,
            month=publication_month(paper.published, paper.arxiv_id),
            url=paper.url,
            ids=paper.ids,
            upvotes=paper.upvotes,
            keywords=paper.keywords,
            categories=paper.categories,
            sources=tuple(str(s) for s in paper.sources),
            stub=paper.stub,  # False too: a full read completes a stub cited earlier
        ),
    )


def entity_node(entity: Entity) -> Node:
    return Node(
        ENTITY_LABELS[entity.type],
        entity.key,
        _props(
            name=entity.name,
            type=entity.type,
            aliases=entity.aliases,
            family=entity.family,
            version=entity.version,
            size=entity.size,
            variant=entity.variant,
            names_norm=sorted({match_key(n) for n in (entity.name, *entity.aliases)} - {""}),
        ),
    )


def repo_node(repo: Repo) -> Node:
    try:
        host = (urlsplit(repo.url).hostname or "").removeprefix("www.")
    except ValueError:
        host = ""
    return Node("Repo", repo.key, _props(url=repo.url, kind=repo.kind, host=host))


def result_node(paper_key: str, result: ReportedResult) -> Node:
    return Node(
        "Result",
        result_key(result, paper_key),
        _props(
            paper=paper_key,
            subject=result.subject,
            own=result.own,
            dataset=result.dataset,
            metric=result.metric,
            value=float(result.value),
            value_text=result.value_text,
            unit=result.unit,
            setting=result.setting,
            metric_norm=metric_key(result.metric or ""),
            **evidence_props(result.evidence),
        ),
    )


def result_edges(paper_key: str, result: ReportedResult, entities: Mapping[str, Entity]) -> list[Edge] | None:
    """REPORTS, MEASURED_ON and (for a named model or method) SCORED_BY; None when the result's
    dataset is no longer a dataset of the paper (its name was typed otherwise across papers)."""
    dataset = entities.get(normalize_name(result.dataset_entity))
    if dataset is None or dataset.type != "dataset":
        return None
    key = result_key(result, paper_key)
    edges = [Edge("REPORTS", paper_key, key, {}), Edge("MEASURED_ON", key, dataset.key, {})]
    subject = entities.get(normalize_name(result.subject_entity)) if result.subject_entity else None
    if subject is not None and subject.type in ("model", "method"):
        edges.append(Edge("SCORED_BY", key, subject.key, {}))
    return edges


def evidence_props(evidence: Evidence) -> dict[str, Any]:
    return _props(
        evidence=evidence.sentence,
        field=evidence.field,
        start=evidence.start,
        end=evidence.end,
        rule=evidence.rule,
        confidence=round(evidence.confidence, 4),
    )


def assemble(papers: Iterable[Paper], extractions: Mapping[str, PaperExtraction]) -> GraphBatch:
    """Nodes and edges for papers and what was extracted from them.

    One edge per (paper, entity): the strongest role wins (introduces > uses > evaluates_on >
    compares > mentions), keeping that role's evidence.
    """
    nodes: dict[str, Node] = {}
    edges: dict[tuple[str, str, str], Edge] = {}
    # The same author or entity recurs across a chunk's papers: its node (key, name forms) is made
    # once per chunk, not once per mention.
    authors: dict[str, Node] = {}
    entity_nodes: dict[Entity, Node] = {}

    def node_of(entity: Entity) -> Node:
        node = entity_nodes.get(entity)
        if node is None:
            node = entity_nodes[entity] = entity_node(entity)
        return node

    def add_node(node: Node) -> None:
        if node.key in nodes:
            if nodes[node.key].props == node.props:
                return  # the same author or entity again: nothing to merge
            merged = dict(nodes[node.key].props)
            for name, value in node.props.items():
                if name in SCHEMA.union_props:
                    merged[name] = list(merged.get(name, [])) + [v for v in value if v not in merged.get(name, [])]
                else:
                    merged.setdefault(name, value)
            node = Node(node.label, node.key, merged)
        nodes[node.key] = node

    for paper in papers:
        paper_key = paper.key  # a property computed on each call
        add_node(paper_node(paper))
        sources = [str(s) for s in paper.sources]
        for name in paper.authors:
            author = authors.get(name)
            if author is None:
                author = authors[name] = Node("Author", author_key(name), {"name": name})
            add_node(author)
            edge = Edge("WROTE", author.key, paper_key, {})
            edges[edge.ident] = edge
        for field, url in paper.links:
            repo = metadata_repo(url)
            if repo is not None:
                add_node(repo_node(repo))
                props = {"source": METADATA_SOURCE, "field": field, "evidence": f"{field}: {url}", "confidence": 1.0}
                edge = Edge("HAS_REPO", paper_key, repo.key, {**props, "sources": sources})
                edges[edge.ident] = edge
        extraction = extractions.get(paper_key)
        if extraction is None:
            continue
        strongest: dict[str, tuple[int, Edge]] = {}
        for mention in extraction.mentions:
            node = node_of(mention.entity)
            add_node(node)
            rank = ROLE_PRIORITY[mention.role]
            if node.key in strongest and strongest[node.key][0] <= rank:
                continue
            edge = Edge(
                ROLE_REL_TYPES[mention.role],
                paper_key,
                node.key,
                {**evidence_props(mention.evidence), "sources": sources},
            )
            strongest[node.key] = (rank, edge)
            if mention.entity.family and mention.entity.family != mention.entity.name:
                family = Entity("model", mention.entity.family, family=mention.entity.family)
                family_node = node_of(family)
                add_node(family_node)
                variant = Edge("VARIANT_OF", node.key, family_node.key, {})
                edges[variant.ident] = variant
        for _, edge in strongest.values():
            edges[edge.ident] = edge
        named = {normalize_name(m.entity.name): m.entity for m in extraction.mentions}
        for result in extraction.results:
            linked = result_edges(paper_key, result, named)
            if linked is None:
                continue
            add_node(result_node(paper_key, result))
            for edge in linked:
                edges[edge.ident] = edge
        for link in extraction.repo_links:
            if ("HAS_REPO", paper_key, link.repo.key) in edges:
                continue  # the source's own field already gave this link
            add_node(repo_node(link.repo))
            edge = Edge("HAS_REPO", paper_key, link.repo.key, {**evidence_props(link.evidence), "sources": sources})
            edges[edge.ident] = edge
    return GraphBatch(tuple(nodes.values()), tuple(edges.values()))


__all__ = ["assemble", "entity_key", "entity_node", "paper_node", "repo_node"]
