"""A GraphView drawn as one self-contained, offline HTML page with pyvis and vis-network.

pyvis collects the nodes, edges and options; the page is our own template because pyvis's
templates fetch Bootstrap (and, unless inlined, vis-network) from CDNs or write a lib/ folder
beside the file. Here vis-network is inlined from the copy pyvis ships, the page's Content
Security Policy lets only our two scripts run (by hash) and forbids every network request, and
all text (titles, names, abstracts) travels as JSON data shown with textContent/innerText, so
untrusted text can never become markup or code.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extractors.candidates import split_sentences
from kg.views import GraphView, ViewEdge, ViewNode

TEMPLATES = Path(__file__).parent / "templates"
LAYOUT_SEED = 7
LABEL_CHARS = 42
AUTHORS_SHOWN = 6

# Colour and vis-network shape per node label; shapes that keep the label under the node.
NODE_STYLES = {
    "Paper": ("#4e79a7", "dot"),
    "Model": ("#f28e2b", "diamond"),
    "Dataset": ("#59a14f", "square"),
    "Method": ("#b07aa1", "triangle"),
    "Repo": ("#555555", "star"),
    "Author": ("#76b7b2", "triangleDown"),
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
}


@dataclass(frozen=True)
class RenderedPage:
    html: str
    nodes: int
    edges: int


def short_label(text: str, limit: int = LABEL_CHARS) -> str:
    """A label that fits under a node: whole words up to ``limit`` characters, then an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] if " " in text[: limit - 1] else text[: limit - 1]
    return cut.rstrip(" ,;:-") + "…"


def first_sentence(text: str | None) -> str:
    text = " ".join((text or "").split())
    if not text:
        return ""
    start, end = split_sentences(text)[0]
    return text[start:end]


def _safe_link(url: Any) -> str | None:
    """Only web links become clickable (no javascript: or data: URLs from untrusted input)."""
    return url if isinstance(url, str) and re.match(r"https?://", url, re.IGNORECASE) else None


def node_text(node: ViewNode) -> tuple[str, list[str], list[dict[str, str]]]:
    """The node's label, the lines of its tooltip and details panel, and its links."""
    props = node.props
    links: list[dict[str, str]] = []
    if node.label == "Paper":
        title = props.get("title") or node.key
        lines = [title]
        facts = [str(props["published"])[:10]] if props.get("published") else []
        if props.get("arxiv_id"):
            facts.append(f"arXiv {props['arxiv_id']}")
        if props.get("stub"):
            facts.append("not read yet (cited by a paper in the graph)")
        if facts:
            lines.append(" · ".join(facts))
        authors = list(props.get("authors") or [])
        if authors:
            more = f", … ({len(authors)} authors)" if len(authors) > AUTHORS_SHOWN else ""
            lines.append(", ".join(authors[:AUTHORS_SHOWN]) + more)
        if props.get("abstract"):
            lines.append(first_sentence(props["abstract"]))
        for text, url in (("arXiv", f"https://arxiv.org/abs/{props['arxiv_id']}" if props.get("arxiv_id") else None),
                          ("page", props.get("url"))):
            if _safe_link(url) and all(link["href"] != url for link in links):
                links.append({"text": text, "href": url})
        label = short_label(title)
    elif node.label == "Repo":
        url = props.get("url") or node.key
        lines = [url, f"{props.get('kind', 'link')} link"]
        if _safe_link(url):
            links.append({"text": "open", "href": url})
        label = short_label(re.sub(r"^https?://(www\.)?(github\.com/)?", "", url))
    else:
        name = props.get("name") or node.key
        lines = [name, f"{props.get('type', node.label.lower())} · {node.key}"]
        aliases = [a for a in props.get("aliases") or [] if a != name]
        if aliases:
            lines.append("also: " + ", ".join(aliases[:8]))
        if props.get("family") and props.get("family") != name:
            lines.append(f"family: {props['family']}")
        label = short_label(name)
    lines.append(f"{node.degree} relationship(s) in the whole graph")
    return label, [line for line in lines if line], links


def edge_text(edge: ViewEdge) -> str:
    lines = [edge.type.replace("_", " ").lower()]
    if edge.props.get("inferred"):
        lines[0] += " (inferred)"
    if edge.props.get("source"):
        lines.append(f"source: {edge.props['source']}")
    if edge.props.get("evidence"):
        lines.append(str(edge.props["evidence"]))
    return "\n".join(lines)


def _network(view: GraphView, layout_iterations: int | None) -> Any:
    """The pyvis network of the view: nodes sorted by key, edges by (source, type, target)."""
    from pyvis.network import Network

    network = Network(directed=True, cdn_resources="in_line")
    for node in sorted(view.nodes, key=lambda n: n.key):
        colour, shape = NODE_STYLES.get(node.label, ("#999999", "dot"))
        label, lines, links = node_text(node)
        network.add_node(
            node.key,
            label=label,
            title="\n".join([*lines, *(f"{link['text']}: {link['href']}" for link in links)]),
            shape=shape,
            color=colour,
            value=max(node.degree, 1),
            kgType=node.label,
            kgLines=lines,
            kgLinks=links,
            borderWidth=3 if node.key == view.focus else 1,
        )
    for index, edge in enumerate(sorted(view.edges, key=lambda e: (e.source, e.type, e.target))):
        network.add_edge(
            edge.source,
            edge.target,
            id=f"e{index}",
            title=edge_text(edge),
            color=EDGE_COLOURS.get(edge.type, "#999999"),
            relType=edge.type,
            dashes=bool(edge.props.get("inferred")),
        )
    options = _options(len(view.nodes))
    if layout_iterations is not None:
        options["physics"]["stabilization"]["iterations"] = layout_iterations
    network.set_options(json.dumps(options))
    return network


def _options(node_count: int) -> dict[str, Any]:
    """vis-network options: a seeded layout that stabilises before the first drawing, then stops.

    ForceAtlas2 spreads a paper graph's hubs better than Barnes-Hut in few iterations; the budget
    shrinks with size (an iteration costs ~16 ms at 1,000 nodes in headless Chromium here), so a
    1,000-node view is laid out in about 3 s. bench/bench_viz.py measures it.
    """
    iterations = 400 if node_count <= 300 else 150 if node_count <= 1500 else 100
    return {
        "layout": {"randomSeed": LAYOUT_SEED, "improvedLayout": node_count <= 150},
        "physics": {
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 80, "damping": 0.4},
            "timestep": 0.9,
            "minVelocity": 1.0,
            "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 50, "fit": True},
        },
        # Labels grow with the node, so the hubs stay named when a large view is zoomed out to fit.
        "nodes": {"scaling": {"min": 8, "max": 40, "label": {"enabled": True, "min": 12, "max": 40, "drawThreshold": 4}},
                  "font": {"size": 14, "face": "sans-serif"}},
        "edges": {"smooth": False, "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                  "color": {"inherit": False}, "width": 1.2},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": node_count > 1000,
                        "hideEdgesOnZoom": node_count > 2000},
    }


def _script_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def _asset(*parts: str) -> str:
    import pyvis

    return Path(pyvis.__file__).parent.joinpath("templates", "lib", *parts).read_text(encoding="utf-8")


def render_page(view: GraphView, *, layout_iterations: int | None = None) -> RenderedPage:
    """The whole page as text; the same view gives the same bytes. ``layout_iterations`` overrides
    the layout budget (the benchmark's baseline page uses 0)."""
    import jinja2

    network = _network(view, layout_iterations)
    nodes, edges, _heading, _height, _width, options = network.get_network_data()
    types_present = sorted({n.label for n in view.nodes}, key=list(NODE_STYLES).index)
    edge_order = {t: i for i, t in enumerate(EDGE_COLOURS)}
    rels_present = sorted({e.type for e in view.edges}, key=lambda t: (edge_order.get(t, 99), t))
    data = {
        "nodes": nodes,
        "edges": edges,
        "options": json.loads(options),
        "legend": {
            "nodes": [{"type": t, "colour": NODE_STYLES[t][0], "shape": NODE_STYLES[t][1],
                       "count": sum(1 for n in view.nodes if n.label == t)} for t in types_present],
            "edges": [{"type": t, "colour": EDGE_COLOURS.get(t, "#999999"),
                       "count": sum(1 for e in view.edges if e.type == t)} for t in rels_present],
        },
    }
    vis_js = _asset("vis-9.1.2", "vis-network.min.js")
    app_js = (TEMPLATES / "viz.js").read_text(encoding="utf-8")
    template_text = (TEMPLATES / "viz.html").read_text(encoding="utf-8")
    environment = jinja2.Environment(autoescape=True, keep_trailing_newline=True)
    html = environment.from_string(template_text).render(
        heading=view.heading,
        shown=len(view.nodes),
        total=max(view.total_nodes, len(view.nodes)),
        edge_count=len(view.edges),
        data=data,
        vis_css=jinja2.utils.markupsafe.Markup(_asset("vis-9.1.2", "vis-network.css")),
        vis_js=jinja2.utils.markupsafe.Markup(vis_js),
        app_js=jinja2.utils.markupsafe.Markup(app_js),
        script_hashes=jinja2.utils.markupsafe.Markup(" ".join((_script_hash(vis_js), _script_hash(app_js)))),
    )
    return RenderedPage(html, len(view.nodes), len(view.edges))


def write_page(view: GraphView, path: Path, *, layout_iterations: int | None = None) -> RenderedPage:
    """Write the page atomically (a half-written page never replaces a good one)."""
    page = render_page(view, layout_iterations=layout_iterations)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_text(page.html, encoding="utf-8")
    partial.replace(path)
    return page
