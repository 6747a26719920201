"""An entity at the centre: its papers grouped by role, what it is most often used with, its family.

Each role the entity is linked by (introduces, evaluates on, uses, compares, mentions) is a group
node, with the group's most cited papers (then most upvoted) around it; the entities most often used
in the same papers hang off the entity, linked by how many papers share them; VARIANT_OF links
its model family. Papers are sized by citations within the graph, entities by papers linked.
"""

from __future__ import annotations

from typing import Any

from paperkg.catalog import run_query
from paperkg.lookup import resolve_entity
from paperkg.model import ROLE_REL_TYPES
from paperkg.views.base import CO_USED, IN_ROLE, GraphView, ViewEdge, ViewNode, check_cap, edges_among, fetch_nodes, node_weights

ROLE_ORDER = ("introduces", "evaluates_on", "uses", "compares", "mentions")
DEFAULT_PER_ROLE = 12
DEFAULT_CO_USED = 15
FAMILY_CAP = 25


def role_key(role: str) -> str:
    return f"role:{role}"


def entity_view(store: Any, name: str, entity_type: str | None = None, *, per_role: int = DEFAULT_PER_ROLE,
                co_used: int = DEFAULT_CO_USED) -> GraphView:
    """The entity's papers by role (the ``per_role`` most cited of each), co-used entities, family."""
    check_cap(per_role)
    entity = resolve_entity(store, name, entity_type)
    focus = entity["key"]
    counts = {row["role"]: row["papers"] for row in run_query(store, "entity_papers_by_role", {"key": focus})}
    papers = run_query(store, "top_papers_of_entities", {"keys": [focus], "by_role": True, "per_group": per_role})
    others = run_query(store, "cooccurring_entities", {"key": focus, "limit": co_used}) if co_used else []
    family = _family(store, focus)

    paper_role = {row["paper"]: row["role"] for row in papers}
    # A co-used entity is as big as the papers it shares with this one, not as its whole popularity.
    shared = {row["key"]: row["papers"] for row in others}
    keys = [focus, *paper_role, *(row["key"] for row in others), *(key for edge in family for key in (edge.source, edge.target))]
    found = fetch_nodes(store, keys)
    weights = node_weights(store, found)
    nodes = [
        ViewNode(key, node.label, node.props, node.degree, group=paper_role.get(key),
                 size=weights[key]["cited_by"] if node.label == "Paper" else shared.get(key, weights[key]["papers"]))
        for key, node in found.items()
    ]
    edges: list[ViewEdge] = []
    for role in ROLE_ORDER:
        if role not in counts:
            continue
        shown = sum(1 for r in paper_role.values() if r == role)
        nodes.append(ViewNode(role_key(role), "Role", {"name": role.replace("_", " "), "role": role, "papers": counts[role],
                                                      "shown": shown}, counts[role], size=counts[role], group=role))
        edges.append(ViewEdge(IN_ROLE, role_key(role), focus, {"role": role, "papers": counts[role]}))
    edges += [ViewEdge(ROLE_REL_TYPES[role], paper, role_key(role), {}) for paper, role in paper_role.items()]
    edges += [ViewEdge(CO_USED, focus, row["key"], {"papers": row["papers"]}) for row in others]
    edges += family
    total = sum(counts.values()) + len(others) + len({k for e in family for k in (e.source, e.target)} - {focus}) + 1
    return GraphView(f"{entity['name']} ({entity['type']})", nodes, edges, total, focus,
                     {"per_role": per_role, "co_used": co_used}, kind="entity",
                     size_by="citations within the graph (papers); papers shared with it (entities)")


def _family(store: Any, focus: str) -> list[ViewEdge]:
    """VARIANT_OF relationships of the entity: its family and its variants (at most FAMILY_CAP)."""
    around = run_query(store, "node_neighbourhood", {"key": focus, "depth": 1, "limit": 100_000})
    models = [row["key"] for row in around if row["key"].startswith("model:")]
    edges = [e for e in edges_among(store, models, ["VARIANT_OF"]) if focus in (e.source, e.target)]
    return edges[:FAMILY_CAP]
