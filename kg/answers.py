"""What the read commands answer: one function per question, on either store, returning rows."""

from __future__ import annotations

import re
from typing import Any

from paperkg.catalog import run_query
from paperkg.errors import QueryError
from paperkg.lookup import find_entities, resolve_entity, resolve_paper, resolve_repo
from paperkg.model import ROLES
from paperkg.store.base import GraphStore

Row = dict[str, Any]


def papers_for_entity(
    store: GraphStore, name: str, *, entity_type: str | None, roles: list[str], family: bool, limit: int
) -> list[Row]:
    """Papers linked to an entity (and, with ``family``, to its variants), with role and evidence."""
    unknown = sorted(set(roles) - set(ROLES))
    if unknown:
        raise QueryError(f"unknown role {unknown[0]!r}; use one of {', '.join(ROLES)}")
    entity = resolve_entity(store, name, entity_type)
    keys = [entity["key"]]
    if family:
        keys += [row["key"] for row in run_query(store, "entity_variants", {"key": entity["key"]})]
    return run_query(store, "papers_by_entity", {"keys": keys, "roles": roles, "limit": limit})


def papers_for_repo(store: GraphStore, url: str) -> list[Row]:
    rows = run_query(store, "papers_by_repo", {"key": resolve_repo(url)})
    if not rows:
        raise QueryError(f"no paper links to {url}; `kg stats` shows how many repos the graph holds")
    return rows


def papers_for_author(store: GraphStore, name: str, *, limit: int) -> list[Row]:
    """Papers by authors whose name holds every word of ``name``; none found is an error."""
    words = [w.lower() for w in name.replace(",", " ").split()]
    if not words:
        raise QueryError("give an author's name (or part of it)")
    rows = run_query(store, "papers_by_author", {"words": words, "limit": limit})
    if not rows:
        raise QueryError(f"no author named {name!r} in the graph; authors come from sources that list them (HF API, arXiv)")
    return rows


def entity_report(store: GraphStore, name: str, entity_type: str | None, *, limit: int = 10) -> Row:
    """Type, aliases, family and variants, who introduced it, use counts by role, companions."""
    entity = resolve_entity(store, name, entity_type)
    key = entity["key"]
    by_role = run_query(store, "entity_papers_by_role", {"key": key})
    introduced = next((r["examples"] for r in by_role if r["role"] == "introduces"), [])
    introduced_by = [{"key": k, "title": run_query(store, "paper_details", {"key": k})[0]["title"]} for k in introduced]
    family = find_entities(store, entity["family"], "model") if entity.get("family") else []
    return {
        **entity,
        "roles": {r["role"]: r["papers"] for r in by_role},
        "introduced_by": introduced_by,
        "family_key": family[0]["key"] if family else None,
        "variants": run_query(store, "entity_variants", {"key": key}),
        "appears_with": run_query(store, "cooccurring_entities", {"key": key, "limit": limit}),
    }


def related_papers(store: GraphStore, reference: str, *, limit: int) -> tuple[Row, list[Row]]:
    paper = resolve_paper(store, reference)
    return paper, run_query(store, "related_papers", {"key": paper["key"], "limit": limit})


def top_entities(store: GraphStore, entity_type: str, *, limit: int, by: str) -> list[Row]:
    """Most linked entities of a type: by paper count, or by PageRank over the whole graph.
    Papers rank by citations (explicit and inferred), or by PageRank over the citation graph."""
    if entity_type == "paper":
        if by == "pagerank":
            from paperkg.analytics import pagerank_papers

            return pagerank_papers(store, limit=limit)
        return run_query(store, "top_cited_papers", {"limit": limit})
    if by == "papers":
        return run_query(store, "top_entities", {"type": entity_type, "limit": limit})
    from paperkg.analytics import pagerank_top

    return pagerank_top(store, entity_type, limit=limit)


def citations(store: GraphStore, reference: str, *, direction: str, limit: int) -> tuple[Row, list[Row]]:
    """The papers a paper cites (``direction="cites"``) or that cite it (``"cited_by"``), each
    marked explicit (with its source) or inferred (with the entity and evidence)."""
    paper = resolve_paper(store, reference)
    rows = run_query(store, direction, {"key": paper["key"], "limit": limit})
    for row in rows:
        kinds = [row["source"]] if row["source"] else []
        if row["inferred"]:
            kinds.append(f"inferred via {row['via']}")
        row["how"] = " + ".join(kinds)
    return paper, rows


def citation_path(store: GraphStore, source: str, target: str) -> list[Row]:
    """Every hop of the shortest chain of citations from one paper to another."""
    a, b = resolve_paper(store, source)["key"], resolve_paper(store, target)["key"]
    rows = run_query(store, "citation_path", {"source": a, "target": b})
    if not rows:
        back = run_query(store, "citation_path", {"source": b, "target": a})
        hint = "; there is one the other way round: swap the two papers" if back else ""
        raise QueryError(f"no chain of citations leads from {a} to {b} within 10 hops{hint}")
    path = rows[0]
    return [
        {"hop": i + 1, "from": f"{path['titles'][i][:70]} [{path['nodes'][i]}]", "relationship": f"-[CITES {how}]->",
         "to": f"{path['titles'][i + 1][:70]} [{path['nodes'][i + 1]}]"}
        for i, how in enumerate(path["how"])
    ]


def node_reference(store: GraphStore, reference: str) -> str:
    """A key for a paper or entity reference: keys as given, then entity names, then papers."""
    if not reference.strip():
        raise QueryError("an empty name names nothing: give a paper or entity (name, title or key)")
    if ":" in reference.split()[0] and reference.split(":", 1)[0] in ("paper", "model", "dataset", "method", "repo", "author"):
        return reference
    entities = find_entities(store, reference)
    if len(entities) == 1:
        return entities[0]["key"]
    return resolve_paper(store, reference)["key"]


def shortest_path(store: GraphStore, source: str, target: str) -> list[Row]:
    """Every hop of the shortest path between two papers or entities (empty if none)."""
    a, b = node_reference(store, source), node_reference(store, target)
    rows = run_query(store, "shortest_path", {"source": a, "target": b})
    if not rows:
        raise QueryError(f"no path between {a} and {b} within 10 hops")
    path = rows[0]
    hops = []
    for index, rel_type in enumerate(path["relationships"]):
        left, right = path["nodes"][index], path["nodes"][index + 1]
        forward = path["starts"][index] == left
        hops.append(
            {
                "hop": index + 1,
                "from": f"{path['labels'][index]} [{left}]",
                "relationship": f"-[{rel_type}]->" if forward else f"<-[{rel_type}]-",
                "to": f"{path['labels'][index + 1]} [{right}]",
            }
        )
    return hops


_LUCENE_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')


def search_papers(store: GraphStore, text: str, *, limit: int) -> list[Row]:
    """Full-text search over titles and abstracts, best first."""
    if not text.strip():
        raise QueryError("give words to search for")
    if hasattr(store, "run_cypher"):
        escaped = _LUCENE_SPECIAL.sub(r"\\\1", text)
        return store.run_cypher(
            "CALL db.index.fulltext.queryNodes('paper_text', $text) YIELD node, score "
            "RETURN node.key AS key, node.title AS title, round(score, 4) AS score "
            "ORDER BY score DESC, key LIMIT $limit",
            {"text": escaped, "limit": limit},
        )
    from paperkg.search import embedded_index

    return embedded_index(store).search(text, limit=limit)


def raw_cypher(store: Any, text: str, params: dict[str, Any], *, write: bool) -> list[Row]:
    """Rows of a raw Cypher query on Neo4j; a query that would write is refused unless ``write``.

    Neo4j itself says whether a query reads or writes (EXPLAIN plans without running it), so the
    check happens before anything changes. Text values are JSON when they parse as JSON (numbers,
    lists, true), text otherwise; other values (from the Python API) are passed as they are.
    """
    import json

    values: dict[str, Any] = {}
    for name, raw in params.items():
        try:
            values[name] = json.loads(raw) if isinstance(raw, str) else raw
        except ValueError:
            values[name] = raw
    query_type = store.query_type(text, values)
    if query_type != "r" and not write:
        raise QueryError(f"this query writes (type {query_type!r}); nothing was run: add --write to allow it")
    return store.run_cypher(text, values, write=write)
