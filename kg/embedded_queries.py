"""The embedded store's answers to the named query catalog, one Python twin per ``.cypher`` file.

Each twin takes the graph and the typed parameters and returns the same rows, in the same order,
as the Cypher file does on Neo4j; the contract tests hold them to that.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import networkx as nx

Row = dict[str, Any]
Twin = Callable[[nx.MultiDiGraph, dict[str, Any]], list[Row]]
TWINS: dict[str, Twin] = {}


def twin(name: str) -> Callable[[Twin], Twin]:
    """Register the embedded answer to the catalog query ``name``."""

    def register(func: Twin) -> Twin:
        TWINS[name] = func
        return func

    return register


def _nodes(graph: nx.MultiDiGraph, label: str):
    return ((key, data) for key, data in graph.nodes(data=True) if data["label"] == label)


def _targets(graph: nx.MultiDiGraph, key: str, rel_type: str, label: str) -> list[tuple[str, dict]]:
    return [
        (target, graph.nodes[target])
        for _, target, k in graph.out_edges(key, keys=True)
        if k == rel_type and graph.nodes[target]["label"] == label
    ]


@twin("papers_by_title")
def papers_by_title(graph: nx.MultiDiGraph, params: dict[str, Any]) -> list[Row]:
    words = [w.lower() for w in params["words"]]
    rows = []
    for key, data in _nodes(graph, "Paper"):
        if data.get("stub"):
            continue
        title = data["title"].lower()
        if all(word in title for word in words):
            repos = sorted(target_data["url"] for _, target_data in _targets(graph, key, "HAS_REPO", "Repo"))
            rows.append(
                {
                    "key": key,
                    "title": data["title"],
                    "arxiv_id": data.get("arxiv_id"),
                    "published": data.get("published"),
                    "sources": data.get("sources"),
                    "repos": repos,
                }
            )
    rows.sort(key=lambda row: (row["title"].lower(), row["key"]))
    return rows[: params["limit"]]


@twin("papers_by_id")
def papers_by_id(graph: nx.MultiDiGraph, params: dict[str, Any]) -> list[Row]:
    wanted = params["id"]
    rows = [
        {"key": key, "title": data.get("title"), "ids": data["ids"]}
        for key, data in _nodes(graph, "Paper")
        if any(ident.lower() == wanted for ident in data.get("ids", ()))
    ]
    return sorted(rows, key=lambda row: row["key"])


@twin("papers_per_source")
def papers_per_source(graph: nx.MultiDiGraph, params: dict[str, Any]) -> list[Row]:
    counts: dict[str, set[str]] = {}
    for key, data in _nodes(graph, "Paper"):
        for source in data.get("sources", []):
            counts.setdefault(source.rpartition(":")[0], set()).add(key)
    return [{"file": file, "papers": len(keys)} for file, keys in sorted(counts.items())]


@twin("repos_by_kind")
def repos_by_kind(graph: nx.MultiDiGraph, params: dict[str, Any]) -> list[Row]:
    counts: dict[str, int] = {}
    for _, data in _nodes(graph, "Repo"):
        counts[data["kind"]] = counts.get(data["kind"], 0) + 1
    return [{"kind": kind, "repos": n} for kind, n in sorted(counts.items())]


ROLE_TYPES = ("INTRODUCES", "USES", "EVALUATES_ON", "COMPARES", "MENTIONS")
ENTITY_LABELS = ("Model", "Dataset", "Method")


def _entities(graph: nx.MultiDiGraph):
    return ((key, data) for key, data in graph.nodes(data=True) if data["label"] in ENTITY_LABELS)


def _papers_linked(graph: nx.MultiDiGraph, key: str, types: tuple[str, ...] = ROLE_TYPES) -> set[str]:
    return {s for s, _, k in graph.in_edges(key, keys=True) if k in types and graph.nodes[s]["label"] == "Paper"}


def _any_papers(graph: nx.MultiDiGraph, key: str) -> int:
    return len({s for s, _ in graph.in_edges(key) if graph.nodes[s]["label"] == "Paper"})


def _entity_row(graph: nx.MultiDiGraph, key: str, data: dict) -> Row:
    return {
        "key": key,
        "name": data.get("name"),
        "type": data.get("type"),
        "aliases": data.get("aliases", []),
        "family": data.get("family"),
        "papers": _any_papers(graph, key),
    }


def _by_papers_then_key(rows: list[Row]) -> list[Row]:
    return sorted(rows, key=lambda row: (-row["papers"], row["key"]))


@twin("entities_by_key")
def entities_by_key(graph: nx.MultiDiGraph, params: dict[str, Any]) -> list[Row]:
    rows = []
    for key in set(params["keys"]):
        data = graph.nodes.get(key)
        if data is not None and data["label"] in ENTITY_LABELS:
            rows.append(_entity_row(graph, key, data))
    return _by_papers_then_key(rows)


@twin("entities_by_name")
def entities_by_name(graph: nx.MultiDiGraph, params: dict[str, Any]) -> list[Row]:
    norm = params["norm"]
    rows = [_entity_row(graph, key, data) for key, data in _entities(graph) if norm in data.get("names_norm", [])]
    return _by_papers_then_key(rows)


@twin("entity_names")
def entity_names(graph: nx.MultiDiGraph, params: dict[str, Any]) -> list[Row]:
    wanted = params["type"]
    rows = [
        {"key": key, "name": data.get("name"), "type": data.get("type")}
        for key, data in _entities(graph)
        if not wanted or data.get("type") == wanted
    ]
    return sorted(rows, key=lambda row: row["key"])


@twin("papers_by_entity")
def papers_by_entity(graph: nx.MultiDiGraph, params: dict[str, Any]) -> list[Row]:
    roles = set(params["roles"])
    rows = []
    for key in set(params["keys"]):
        if key not in graph:
            continue
        for source, _, rel_type, data in graph.in_edges(key, keys=True, data=True):
            if rel_type not in ROLE_TYPES or (roles and rel_type.lower() not in roles):
                continue
            paper = graph.nodes[source]
            rows.append(
                {
                    "paper": source,
                    "title": paper.get("title"),
                    "entity": key,
                    "name": graph.nodes[key].get("name"),
                    "role": rel_type.lower(),
                    "evidence": data.get("evidence"),
                    "confidence": data.get("confidence"),
                }
            )
    rows.sort(key=lambda row: (row["title"].lower(), row["paper"], row["entity"]))
    return rows[: params["limit"]]


@twin("papers_by_repo")
def papers_by_repo(graph: nx.MultiDiGraph, params: dict[str, Any]) -> list[Row]:
    key = params["key"]
    if key not in graph or graph.nodes[key]["label"] != "Repo":
        return []
    repo = graph.nodes[key]
    rows = [
        {
            "paper": s,
            "title": graph.nodes[s].get("title"),
            "url": repo["url"],
            "kind": repo.get("kind"),
            "evidence": d.get("evidence"),
        }
        for s, _, k, d in graph.in_edges(key, keys=True, data=True)
        if k == "HAS_REPO"
    ]
    return sorted(rows, key=lambda row: (row["title"].lower(), row["paper"]))


@twin("entity_variants")
def entity_variants(graph: nx.MultiDiGraph, params: dict[str, Any]) -> list[Row]:
    key = params["key"]
    if key not in graph:
        return []
    rows = []
    for variant, _, rel_type in graph.in_edges(key, keys=True):
        if rel_type == "VARIANT_OF":
            data = graph.nodes[variant]
            rows.append(
                {
                    "key": variant,
                    "name": data.get("name"),
                    "size": data.get("size"),
                    "variant": data.get("variant"),
                    "papers": _any_papers(graph, variant),
                }
            )
    return sorted(rows, key=lambda row: row["key"])


@twin("entity_papers_by_role")
def entity_papers_by_role(graph: nx.MultiDiGraph, params: dict[str, Any]) -> list[Row]:
    key = params["key"]
    if key not in graph:
        return []
    by_role: dict[str, list[str]] = {}
    for source, _, rel_type in graph.in_edges(key, keys=True):
        if rel_type in ROLE_TYPES and graph.nodes[source]["label"] == "Paper":
            by_role.setdefault(rel_type.lower(), []).append(source)
    return [{"role": role, "papers": len(papers), "examples": sorted(papers)[:5]} for role, papers in sorted(by_role.items())]


@twin("cooccurring_entities")
def cooccurring_entities(graph: nx.MultiDiGraph, params: dict[str, Any]) -> list[Row]:
    key = params["key"]
    if key not in graph:
        return []
    counts: dict[str, set[str]] = {}
    for paper in _papers_linked(graph, key):
        for _, other, rel_type in graph.out_edges(paper, keys=True):
            if rel_type in ROLE_TYPES and other != key:
                counts.setdefault(other, set()).add(paper)
    rows = [
        {"key": other, "name": graph.nodes[other].get("name"), "type": graph.nodes[other].get("type"), "papers": len(papers)}
        for other, papers in counts.items()
    ]
    return _by_papers_then_key(rows)[: params["limit"]]


@twin("top_entities")
def top_entities(graph: nx.MultiDiGraph, params: dict[str, Any]) -> list[Row]:
    rows = [
        {"key": key, "name": data.get("name"), "papers": len(_papers_linked(graph, key))}
        for key, data in _entities(graph)
        if data.get("type") == params["type"]
    ]
    return _by_papers_then_key([r for r in rows if r["papers"]])[: params["limit"]]


@twin("paper_details")
def paper_details(graph: nx.MultiDiGraph, params: dict[str, Any]) -> list[Row]:
    key = params["key"]
    data = graph.nodes.get(key)
    if data is None or data["label"] != "Paper":
        return []
    entities, repos = [], []
    for _, target, rel_type in graph.out_edges(key, keys=True):
        node = graph.nodes[target]
        if rel_type in ROLE_TYPES:
            entities.append({"key": target, "name": node.get("name"), "type": node.get("type"), "role": rel_type.lower()})
        elif rel_type == "HAS_REPO":
            repos.append(node["url"])
    return [
        {
            "key": key,
            "title": data.get("title"),
            "arxiv_id": data.get("arxiv_id"),
            "ids": data.get("ids", []),
            "published": data.get("published"),
            "authors": data.get("authors", []),
            "sources": data.get("sources", []),
            "abstract": data.get("abstract"),
            "repos": sorted(repos),
            "entities": sorted(entities, key=lambda e: e["key"]),
        }
    ]


def round_half_up(value: float, digits: int) -> float:
    """Rounding as Cypher's round() does it (half away from zero), for rows equal in both stores."""
    from decimal import ROUND_HALF_UP, Decimal

    return float(Decimal(repr(value)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP))


RELATED_WEIGHTS = {"Model": 2.0, "Dataset": 1.5, "Repo": 3.0, "Method": 1.0}
LINK_TYPES = (*ROLE_TYPES, "HAS_REPO")


@twin("related_papers")
def related_papers(graph: nx.MultiDiGraph, params: dict[str, Any]) -> list[Row]:
    import math

    key = params["key"]
    if key not in graph or graph.nodes[key]["label"] != "Paper":
        return []
    scores: dict[str, list[tuple[str, float]]] = {}
    for _, thing, rel_type in graph.out_edges(key, keys=True):
        if rel_type not in LINK_TYPES:
            continue
        sharers = _papers_linked(graph, thing, LINK_TYPES)
        node = graph.nodes[thing]
        weight = RELATED_WEIGHTS.get(node["label"], 1.0) / math.log(1 + len(sharers))
        for other in sharers - {key}:
            scores.setdefault(other, []).append((node.get("name") or node.get("url"), weight))
    cited = {t for _, t, k in graph.out_edges(key, keys=True) if k == "CITES"}
    cited |= {s for s, _, k in graph.in_edges(key, keys=True) if k == "CITES"}
    for other in cited - {key}:
        scores.setdefault(other, []).append(("citation", 4.0))
    rows = [
        {
            "key": other,
            "title": graph.nodes[other].get("title"),
            "score": round_half_up(sum(w for _, w in shared), 4),
            "shared": sorted(name for name, _ in shared),
        }
        for other, shared in scores.items()
    ]
    rows.sort(key=lambda row: (-row["score"], row["key"]))
    return rows[: params["limit"]]


@twin("shortest_path")
def shortest_path(graph: nx.MultiDiGraph, params: dict[str, Any]) -> list[Row]:
    source, target = params["source"], params["target"]
    if source not in graph or target not in graph or source == target:
        return []
    undirected = graph.to_undirected(as_view=True)
    try:
        paths = list(nx.all_shortest_paths(undirected, source, target))
    except nx.NetworkXNoPath:
        return []
    if len(paths[0]) - 1 > 10:
        return []
    best = None
    for nodes in paths:
        hops = []
        for u, v in zip(nodes, nodes[1:], strict=False):
            options = [(k, u) for k in graph.get_edge_data(u, v, default={})]
            options += [(k, v) for k in graph.get_edge_data(v, u, default={})]
            hops.append(min(options))
        candidate = (nodes, [t for t, _ in hops], [s for _, s in hops])
        if best is None or candidate < best:
            best = candidate
    nodes, types, starts = best
    labels = [graph.nodes[n].get("name") or graph.nodes[n].get("title") or graph.nodes[n].get("url") for n in nodes]
    return [{"nodes": nodes, "labels": labels, "relationships": types, "starts": starts, "hops": len(types)}]


def _degree(graph: nx.MultiDiGraph, key: str) -> int:
    """Relationships of a node, authorship (WROTE) not counted: a paper's size never follows its author count."""
    return sum(1 for *_, k in graph.out_edges(key, keys=True) if k != "WROTE") + sum(
        1 for *_, k in graph.in_edges(key, keys=True) if k != "WROTE"
    )


def _capped(found: list[Row], limit: int) -> list[Row]:
    return [{**row, "total": len(found)} for row in found[:limit]]


@twin("node_neighbourhood")
def node_neighbourhood(graph: nx.MultiDiGraph, params: dict[str, Any]) -> list[Row]:
    if params["key"] not in graph:
        return []
    depth = max(0, min(params["depth"], 2))  # the Cypher pattern goes two hops at most
    distances = nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), params["key"], cutoff=depth)
    found = [{"key": key, "distance": distance, "degree": _degree(graph, key)} for key, distance in distances.items()]
    found.sort(key=lambda row: (row["distance"], -row["degree"], row["key"]))
    return _capped(found, params["limit"])


@twin("top_nodes")
def top_nodes(graph: nx.MultiDiGraph, params: dict[str, Any]) -> list[Row]:
    labels, rel_types = set(params["labels"]), set(params["rel_types"])
    found = []
    for key, data in graph.nodes(data=True):
        if data["label"] not in labels:
            continue
        ends = [t for _, t, k in graph.out_edges(key, keys=True) if k in rel_types]
        ends += [s for s, _, k in graph.in_edges(key, keys=True) if k in rel_types]
        degree = sum(1 for other in ends if graph.nodes[other]["label"] in labels)
        if degree >= params["min_degree"]:
            found.append({"key": key, "degree": degree})
    found.sort(key=lambda row: (-row["degree"], row["key"]))
    return _capped(found, params["limit"])


@twin("nodes_by_keys")
def nodes_by_keys(graph: nx.MultiDiGraph, params: dict[str, Any]) -> list[Row]:
    rows = []
    for key in sorted(set(params["keys"])):
        if key in graph:
            data = graph.nodes[key]
            properties = {"key": key, **{name: value for name, value in data.items() if name != "label"}}
            rows.append({"key": key, "label": data["label"], "properties": properties, "degree": _degree(graph, key)})
    return rows


@twin("edges_among")
def edges_among(graph: nx.MultiDiGraph, params: dict[str, Any]) -> list[Row]:
    keys = set(params["keys"]) & set(graph.nodes)
    rows = [
        {"type": rel_type, "source": source, "target": target, "properties": dict(data)}
        for source in keys
        for _, target, rel_type, data in graph.out_edges(source, keys=True, data=True)
        if target in keys
    ]
    rows.sort(key=lambda row: (row["source"], row["type"], row["target"]))
    return rows


@twin("papers_by_author")
def papers_by_author(graph: nx.MultiDiGraph, params: dict[str, Any]) -> list[Row]:
    words = params["words"]
    if not words:
        return []
    rows = []
    for key, data in _nodes(graph, "Author"):
        name = data.get("name", "").lower()
        if all(word in name for word in words):
            for paper, paper_data in _targets(graph, key, "WROTE", "Paper"):
                rows.append(
                    {"author_key": key, "author": data.get("name"), "paper": paper, "title": paper_data.get("title"),
                     "published": paper_data.get("published")}
                )
    rows.sort(key=lambda r: (r["title"].lower(), r["paper"], r["author_key"]))
    rows.sort(key=lambda r: r["published"] or "", reverse=True)
    return rows[: params["limit"]]


def _citation_row(graph: nx.MultiDiGraph, other: str, data: dict) -> Row:
    paper = graph.nodes[other]
    return {
        "key": other,
        "title": paper.get("title") or "",
        "stub": bool(paper.get("stub", False)),
        "source": data.get("source"),
        "inferred": bool(data.get("inferred", False)),
        "via": data.get("via"),
        "evidence": data.get("evidence"),
        "confidence": data.get("confidence"),
    }


def _citations(graph: nx.MultiDiGraph, params: dict[str, Any], *, incoming: bool) -> list[Row]:
    """The CITES of one paper, out of it or into it, explicit first (as cites.cypher/cited_by.cypher)."""
    key = params["key"]
    if key not in graph or graph.nodes[key]["label"] != "Paper":
        return []
    if incoming:
        ends = ((s, d) for s, _, k, d in graph.in_edges(key, keys=True, data=True) if k == "CITES")
    else:
        ends = ((t, d) for _, t, k, d in graph.out_edges(key, keys=True, data=True) if k == "CITES")
    rows = [_citation_row(graph, other, data) for other, data in ends]
    rows.sort(key=lambda r: (r["source"] is None, r["title"].lower(), r["key"]))
    return rows[: params["limit"]]


@twin("cites")
def cites(graph: nx.MultiDiGraph, params: dict[str, Any]) -> list[Row]:
    return _citations(graph, params, incoming=False)


@twin("cited_by")
def cited_by(graph: nx.MultiDiGraph, params: dict[str, Any]) -> list[Row]:
    return _citations(graph, params, incoming=True)


@twin("top_cited_papers")
def top_cited_papers(graph: nx.MultiDiGraph, params: dict[str, Any]) -> list[Row]:
    rows = []
    for key, data in _nodes(graph, "Paper"):
        incoming = [d for _, _, k, d in graph.in_edges(key, keys=True, data=True) if k == "CITES"]
        if incoming:
            explicit = sum(1 for d in incoming if d.get("source") is not None)
            rows.append(
                {"key": key, "title": data.get("title") or "", "citations": len(incoming), "explicit": explicit,
                 "inferred_only": len(incoming) - explicit, "stub": bool(data.get("stub", False))}
            )
    rows.sort(key=lambda r: (-r["citations"], r["key"]))
    return rows[: params["limit"]]


@twin("citation_path")
def citation_path(graph: nx.MultiDiGraph, params: dict[str, Any]) -> list[Row]:
    source, target = params["source"], params["target"]
    if source == target or any(k not in graph or graph.nodes[k]["label"] != "Paper" for k in (source, target)):
        return []
    citations = nx.DiGraph((s, t) for s, t, k in graph.edges(keys=True) if k == "CITES")
    if source not in citations or target not in citations:
        return []
    try:
        paths = list(nx.all_shortest_paths(citations, source, target))
    except nx.NetworkXNoPath:
        return []
    nodes = min(paths)
    if len(nodes) - 1 > 10:
        return []
    how = []
    for citing, cited in zip(nodes, nodes[1:], strict=False):
        data = graph.get_edge_data(citing, cited, key="CITES")
        how.append(data["source"] if data.get("source") is not None else f"inferred via {data.get('via')}")
    titles = [graph.nodes[n].get("title") or n for n in nodes]
    return [{"nodes": nodes, "titles": titles, "how": how, "hops": len(nodes) - 1}]


# ---------------------------------------------------------------------------------------------
# What the drawings need (kg.views): co-use, pairwise relatedness, node sizes, top papers
# ---------------------------------------------------------------------------------------------

CO_USE_LINKS = (*ROLE_TYPES, "WROTE")


def _papers_of(graph: nx.MultiDiGraph, key: str) -> set[str]:
    """Papers linking an entity by a role, or that an author wrote (co_use.cypher's pattern)."""
    ends = {s for s, _, k in graph.in_edges(key, keys=True) if k in CO_USE_LINKS}
    ends |= {t for _, t, k in graph.out_edges(key, keys=True) if k in CO_USE_LINKS}
    return {end for end in ends if graph.nodes[end]["label"] == "Paper"}


@twin("co_use")
def co_use(graph: nx.MultiDiGraph, params: dict[str, Any]) -> list[Row]:
    keys = sorted(k for k in set(params["keys"]) if k in graph and graph.nodes[k]["label"] in (*ENTITY_LABELS, "Author"))
    papers = {key: _papers_of(graph, key) for key in keys}
    rows = []
    for index, source in enumerate(keys):
        for target in keys[index + 1:]:
            common = len(papers[source] & papers[target])
            if common and common >= params["min_papers"]:
                rows.append({"source": source, "target": target, "papers": common})
    return rows


@twin("related_among")
def related_among(graph: nx.MultiDiGraph, params: dict[str, Any]) -> list[Row]:
    import math

    keys = {k for k in params["keys"] if k in graph and graph.nodes[k]["label"] == "Paper"}
    shared: dict[tuple[str, str], list[tuple[str, float]]] = {}
    things: set[str] = set()
    for key in keys:
        things |= {t for _, t, k in graph.out_edges(key, keys=True) if k in LINK_TYPES}
    for thing in sorted(things):
        sharers = sorted(_papers_linked(graph, thing, LINK_TYPES))
        node = graph.nodes[thing]
        weight = RELATED_WEIGHTS.get(node["label"], 1.0) / math.log(1 + len(sharers))
        inside = [p for p in sharers if p in keys]
        for index, source in enumerate(inside):
            for target in inside[index + 1:]:
                shared.setdefault((source, target), []).append((node.get("name") or node.get("url"), weight))
    for source, target, rel_type in graph.edges(keys=True):
        if rel_type == "CITES" and source in keys and target in keys and source != target:
            pair = (min(source, target), max(source, target))
            if ("citation", 4.0) not in shared.get(pair, []):
                shared.setdefault(pair, []).append(("citation", 4.0))
    rows = [
        {"source": source, "target": target, "score": round_half_up(sum(w for _, w in found), 4),
         "shared": sorted(name for name, _ in found)}
        for (source, target), found in shared.items()
    ]
    return sorted(rows, key=lambda row: (row["source"], row["target"]))


@twin("node_weights")
def node_weights(graph: nx.MultiDiGraph, params: dict[str, Any]) -> list[Row]:
    rows = []
    for key in sorted(set(params["keys"])):
        if key not in graph:
            continue
        papers = _papers_linked(graph, key, LINK_TYPES)
        papers |= {t for _, t, k in graph.out_edges(key, keys=True) if k == "WROTE" and graph.nodes[t]["label"] == "Paper"}
        rows.append({"key": key, "papers": len(papers), "cited_by": _cited_by(graph, key)})
    return rows


def _cited_by(graph: nx.MultiDiGraph, key: str) -> int:
    return sum(1 for s, _, k in graph.in_edges(key, keys=True) if k == "CITES" and graph.nodes[s]["label"] == "Paper")


@twin("top_papers_of_entities")
def top_papers_of_entities(graph: nx.MultiDiGraph, params: dict[str, Any]) -> list[Row]:
    groups: dict[tuple[str, str], list[Row]] = {}
    for key in set(params["keys"]):
        if key not in graph or graph.nodes[key]["label"] not in ENTITY_LABELS:
            continue
        for paper, _, rel_type in graph.in_edges(key, keys=True):
            if rel_type not in ROLE_TYPES or graph.nodes[paper]["label"] != "Paper":
                continue
            data = graph.nodes[paper]
            role = rel_type.lower()
            row = {"entity": key, "role": role, "paper": paper, "title": data.get("title"),
                   "cited_by": _cited_by(graph, paper), "upvotes": data.get("upvotes") or 0}
            groups.setdefault((key, role if params["by_role"] else ""), []).append(row)
    rows = []
    for (_, group), found in sorted(groups.items()):
        found.sort(key=lambda r: (-r["cited_by"], -r["upvotes"], r["paper"]))
        rows += [(group, row) for row in found[: params["per_group"]]]
    rows.sort(key=lambda item: (item[1]["entity"], item[0], -item[1]["cited_by"], -item[1]["upvotes"], item[1]["paper"]))
    return [row for _, row in rows]


@twin("top_authors")
def top_authors(graph: nx.MultiDiGraph, params: dict[str, Any]) -> list[Row]:
    rows = []
    for key, data in _nodes(graph, "Author"):
        papers = {t for _, t, k in graph.out_edges(key, keys=True) if k == "WROTE" and graph.nodes[t]["label"] == "Paper"}
        if papers:
            rows.append({"key": key, "name": data.get("name"), "papers": len(papers)})
    return _by_papers_then_key(rows)[: params["limit"]]


# ---------------------------------------------------------------------------------------------
# Results and trends
# ---------------------------------------------------------------------------------------------


def _result_row(graph: nx.MultiDiGraph, result: str) -> tuple[Row, str | None, str | None]:
    """A Result's properties, its dataset key and its subject key (None when it names no entity)."""
    data = graph.nodes[result]
    dataset = subject = None
    for _, target, rel_type in graph.out_edges(result, keys=True):
        if rel_type == "MEASURED_ON":
            dataset = target
        elif rel_type == "SCORED_BY":
            subject = target
    return data, dataset, subject


@twin("results_on_datasets")
def results_on_datasets(graph: nx.MultiDiGraph, params: dict[str, Any]) -> list[Row]:
    rows = []
    for key in set(params["keys"]):
        if key not in graph or graph.nodes[key]["label"] != "Dataset":
            continue
        for result, _, rel_type in graph.in_edges(key, keys=True):
            if rel_type != "MEASURED_ON" or graph.nodes[result]["label"] != "Result":
                continue
            data, _, subject = _result_row(graph, result)
            if params["metric"] and data.get("metric_norm") != params["metric"]:
                continue
            for paper, _, paper_rel in graph.in_edges(result, keys=True):
                if paper_rel != "REPORTS":
                    continue
                rows.append(
                    {
                        "result": result, "paper": paper, "title": graph.nodes[paper].get("title"),
                        "month": graph.nodes[paper].get("month"), "subject": data.get("subject"), "subject_key": subject,
                        "own": data.get("own"), "dataset_key": key, "dataset_name": graph.nodes[key].get("name"),
                        "dataset": data.get("dataset"), "metric": data.get("metric"), "value": data.get("value"),
                        "unit": data.get("unit"), "setting": data.get("setting"), "evidence": data.get("evidence"),
                    }
                )
    rows.sort(key=lambda r: (r["dataset_key"], r["paper"], r["result"]))
    return rows[: params["limit"]]


@twin("paper_results")
def paper_results(graph: nx.MultiDiGraph, params: dict[str, Any]) -> list[Row]:
    key = params["key"]
    if key not in graph or graph.nodes[key]["label"] != "Paper":
        return []
    rows = []
    for _, result, rel_type in graph.out_edges(key, keys=True):
        if rel_type != "REPORTS":
            continue
        data, dataset, subject = _result_row(graph, result)
        if dataset is None:
            continue
        rows.append(
            {
                "result": result, "subject": data.get("subject"), "subject_key": subject, "own": data.get("own"),
                "dataset": data.get("dataset"), "dataset_key": dataset, "metric": data.get("metric"),
                "value": data.get("value"), "unit": data.get("unit"), "setting": data.get("setting"),
                "evidence": data.get("evidence"), "rule": data.get("rule"), "_start": data.get("start", 0),
            }
        )
    rows.sort(key=lambda r: (r["_start"], r["result"]))
    return [{k: v for k, v in row.items() if k != "_start"} for row in rows]


def _month_counts(graph: nx.MultiDiGraph, key: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for paper in _papers_linked(graph, key):
        month = graph.nodes[paper].get("month")
        if month is not None:
            counts[month] = counts.get(month, 0) + 1
    return counts


@twin("entity_months")
def entity_months(graph: nx.MultiDiGraph, params: dict[str, Any]) -> list[Row]:
    rows = []
    for key in set(params["keys"]):
        if key not in graph or graph.nodes[key]["label"] not in ENTITY_LABELS:
            continue
        name = graph.nodes[key].get("name")
        rows += [{"key": key, "name": name, "month": m, "papers": n} for m, n in _month_counts(graph, key).items()]
    return sorted(rows, key=lambda r: (r["key"], r["month"]))


@twin("papers_per_month")
def papers_per_month(graph: nx.MultiDiGraph, params: dict[str, Any]) -> list[Row]:
    counts: dict[str, int] = {}
    for _, data in _nodes(graph, "Paper"):
        if not data.get("stub"):
            month = data.get("month") or ""
            counts[month] = counts.get(month, 0) + 1
    return [{"month": m, "papers": n} for m, n in sorted(counts.items())]


@twin("type_months")
def type_months(graph: nx.MultiDiGraph, params: dict[str, Any]) -> list[Row]:
    rows = []
    for key, data in _entities(graph):
        if data.get("type") != params["type"]:
            continue
        counts = {m: n for m, n in _month_counts(graph, key).items() if m >= params["since"]}
        if counts and sum(counts.values()) >= params["min_papers"]:
            rows += [{"key": key, "name": data.get("name"), "month": m, "papers": n} for m, n in counts.items()]
    return sorted(rows, key=lambda r: (r["key"], r["month"]))
