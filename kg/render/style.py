"""How a graph page looks: colours and shapes by type or year, sizes, which labels stay readable
at the fitted zoom, and vis-network's layout options."""

from __future__ import annotations

import math
from typing import Any

from paperkg.views import CO_USED, IN_ROLE, RELATED, GraphView, ViewNode

LAYOUT_SEED = 7
# Colour and vis-network shape per node label; shapes that keep the label under the node.
NODE_STYLES = {
    "Paper": ("#4e79a7", "dot"),
    "Model": ("#f28e2b", "diamond"),
    "Dataset": ("#59a14f", "square"),
    "Method": ("#b07aa1", "triangle"),
    "Repo": ("#555555", "star"),
    "Author": ("#76b7b2", "triangleDown"),
    "Role": ("#eeeeee", "box"),
    "Result": ("#ff9da7", "hexagon"),
}
EDGE_COLOURS = {
    "INTRODUCES": "#e15759",
    "USES": "#4e79a7",
    "EVALUATES_ON": "#59a14f",
    "COMPARES": "#f28e2b",
    "MENTIONS": "#bab0ac",
    "HAS_REPO": "#555555",
    "CITES": "#9c27b0",
    "WROTE": "#76b7b2",
    "VARIANT_OF": "#edc948",
    "REPORTS": "#ff9da7",
    "MEASURED_ON": "#59a14f",
    "SCORED_BY": "#f28e2b",
    CO_USED: "#9da7b3",
    RELATED: "#9da7b3",
    IN_ROLE: "#444444",
}
UNDIRECTED = {CO_USED, RELATED}
NO_YEAR = "#bbbbbb"
# Older papers light, newer dark (as Connected Papers does), from a sequential blue scale.
YEAR_SCALE = ("#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b")
LABELLED_MIN, LABELLED_MAX = 6, 30


def year_colours(years: list[int]) -> dict[int, str]:
    """A colour per year present, spread over the scale from oldest to newest."""
    ordered = sorted(set(years))
    if len(ordered) == 1:
        return {ordered[0]: YEAR_SCALE[-2]}
    last = len(YEAR_SCALE) - 1
    return {year: YEAR_SCALE[round(index * last / (len(ordered) - 1))] for index, year in enumerate(ordered)}


def labelled_nodes(view: GraphView) -> set[str]:
    """The nodes whose labels are drawn at the fitted zoom: the focus, role groups and the biggest.

    About 2.2 x sqrt(nodes) labels (6 to 30), taken in turns from each node type, biggest first, so
    papers and every entity type keep names; ties go to the nodes with most edges in the view, then
    to the key, so the choice is stable.
    """
    in_view: dict[str, int] = {}
    for edge in view.edges:
        in_view[edge.source] = in_view.get(edge.source, 0) + 1
        in_view[edge.target] = in_view.get(edge.target, 0) + 1
    wanted = max(LABELLED_MIN, min(LABELLED_MAX, round(2.2 * math.sqrt(len(view.nodes)))))
    always = {n.key for n in view.nodes if n.key == view.focus or n.label == "Role"}
    by_type: dict[str, list[ViewNode]] = {}
    for node in sorted(view.nodes, key=lambda n: (-n.weight, -in_view.get(n.key, 0), n.key)):
        if node.key not in always:
            by_type.setdefault(node.label, []).append(node)
    chosen: list[str] = []
    while len(chosen) < wanted and any(by_type.values()):
        for label in sorted(by_type):
            if by_type[label] and len(chosen) < wanted:
                chosen.append(by_type[label].pop(0).key)
    return always | set(chosen)


def node_colour(view: GraphView, node: ViewNode, years: dict[int, str], year: int | None) -> str:
    if view.colour_by == "year" and node.label == "Paper":
        return years.get(year, NO_YEAR) if year is not None else NO_YEAR
    return NODE_STYLES.get(node.label, ("#999999", "dot"))[0]


def edge_value(type_: str, props: dict[str, Any]) -> float:
    """An edge's width weight: papers in common, or relatedness score; 1 for stored relationships."""
    if type_ == RELATED:
        return float(props.get("score", 1))
    if type_ in (CO_USED, IN_ROLE):
        return float(props.get("papers", 1))
    return 1.0


def options(node_count: int, kind: str) -> dict[str, Any]:
    """vis-network options: a seeded layout that stabilises before the first drawing, then stops.

    ForceAtlas2 spreads a paper graph's hubs better than Barnes-Hut in few iterations; the budget
    shrinks with size (an iteration costs ~16 ms at 1,000 nodes in headless Chromium here), so a
    1,000-node view is laid out in about 3 s. bench/bench_viz.py measures it. Labels do not grow
    with the node: the page gives the labelled nodes a font that reads at the fitted zoom, and the
    others show theirs once zoomed in (drawThreshold, in screen pixels) or in the hover tooltip.
    """
    iterations = 400 if node_count <= 300 else 150 if node_count <= 1500 else 100
    spring = {"overview": 110, "related": 120, "entity": 90}.get(kind, 80)
    return {
        "layout": {"randomSeed": LAYOUT_SEED, "improvedLayout": node_count <= 150},
        "physics": {
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60 if kind == "graph" else -90, "springLength": spring,
                                 "damping": 0.4, "avoidOverlap": 0.2 if kind != "graph" else 0},
            "timestep": 0.9,
            "minVelocity": 1.0,
            "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 50, "fit": True},
        },
        "nodes": {"scaling": {"min": 8, "max": 40, "label": {"enabled": False, "drawThreshold": 9, "maxVisible": 22}},
                  "font": {"size": 10, "face": "sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"}},
        "edges": {"smooth": False, "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                  "color": {"inherit": False}, "width": 1.2,
                  "scaling": {"min": 1, "max": 5, "label": {"enabled": False}}},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": node_count > 1000,
                        "hideEdgesOnZoom": node_count > 2000},
    }
