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
import math
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from paperkg.render.style import (
    EDGE_COLOURS,
    NODE_STYLES,
    UNDIRECTED,
    edge_value,
    labelled_nodes,
    node_colour,
    options,
    year_colours,
)
from paperkg.render.text import display_name, edge_text, node_text, short_label, year_of
from paperkg.safe_files import check_destination, write_text
from paperkg.views import GraphView

# Package data, read through importlib.resources (works from a wheel, a zip or a checkout).
TEMPLATES = resources.files("paperkg") / "templates"

__all__ = ["RenderedPage", "render_page", "short_label", "write_page"]


@dataclass(frozen=True)
class RenderedPage:
    html: str
    nodes: int
    edges: int


def _network(view: GraphView, layout_iterations: int | None) -> tuple[Any, dict[int, str]]:
    """The pyvis network of the view (nodes sorted by key, edges by (source, type, target)) and the
    colour of each publication year when papers are coloured by year."""
    from pyvis.network import Network

    network = Network(directed=True, cdn_resources="in_line")
    years = year_colours([y for n in view.nodes if n.label == "Paper" and (y := year_of(n)) is not None]) \
        if view.colour_by == "year" else {}
    labelled = labelled_nodes(view)
    names = {node.key: display_name(node) for node in view.nodes}
    for node in sorted(view.nodes, key=lambda n: n.key):
        shape = NODE_STYLES.get(node.label, ("#999999", "dot"))[1]
        label, lines, links = node_text(node, view.kind)
        year = year_of(node)
        network.add_node(
            node.key,
            label=label,
            title="\n".join([*lines, *(f"{link['text']}: {link['href']}" for link in links)]),
            shape=shape,
            color=node_colour(view, node, years, year),
            value=round(math.sqrt(max(node.weight, 0)) + 1, 3),  # area, not radius, grows with the weight
            kgType=node.label,
            kgLines=lines,
            kgLinks=links,
            kgPapers=list(node.top_papers),
            kgGroup=node.group,
            kgYear=year,
            kgLabelled=node.key in labelled,
            kgFocus=node.key == view.focus,
            borderWidth=4 if node.key == view.focus else 1,
        )
    for index, edge in enumerate(sorted(view.edges, key=lambda e: (e.source, e.type, e.target))):
        extra: dict[str, Any] = {}
        if edge.type in UNDIRECTED:
            extra["arrows"] = {"to": {"enabled": False}}
        network.add_edge(
            edge.source,
            edge.target,
            id=f"e{index}",
            title=edge_text(edge, names),
            color=EDGE_COLOURS.get(edge.type, "#999999"),
            relType=edge.type,
            value=edge_value(edge.type, edge.props),
            kgShared=list(edge.props.get("shared") or []),
            dashes=bool(edge.props.get("inferred")),
            **extra,
        )
    settings = options(len(view.nodes), view.kind)
    if layout_iterations is not None:
        settings["physics"]["stabilization"]["iterations"] = layout_iterations
    network.set_options(json.dumps(settings))
    return network, years


def _subtitle(view: GraphView, edge_count: int) -> str:
    """The line under the heading: what is drawn, of how much, and what sizes and colours mean."""
    shown, total = len(view.nodes), max(view.total_nodes, len(view.nodes))
    if view.kind == "overview":
        text = (f"the {shown:,} most used entities, {edge_count:,} co-use links "
                f"(at least {view.filters.get('min_shared', 1)} papers in common, each node's strongest)")
    elif view.kind == "related":
        text = f"the paper and its {total - 1:,} most related papers" if shown >= total else \
            f"the paper and its {sum(1 for n in view.nodes if n.label == 'Paper') - 1:,} most related of {total - 1:,}"
        text += f", {edge_count:,} links; colour: year, darker is newer"
    elif view.kind == "entity":
        text = f"papers grouped by role (the most cited of each), co-used entities and family; {shown:,} nodes"
    else:
        text = f"showing {shown:,} of {total:,} nodes" + (" (best linked first)" if shown < total else "")
        text += f", {edge_count:,} relationships"
    return text + f"; size: {view.size_by}"


def _script_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def _asset(*parts: str) -> str:
    """A file pyvis ships (vis-network), read as package data of pyvis."""
    found = resources.files("pyvis") / "templates" / "lib"
    for part in parts:
        found = found / part
    return found.read_text(encoding="utf-8")


def render_page(view: GraphView, *, layout_iterations: int | None = None) -> RenderedPage:
    """The whole page as text; the same view gives the same bytes. ``layout_iterations`` overrides
    the layout budget (the benchmark's baseline page uses 0)."""
    import jinja2

    network, years = _network(view, layout_iterations)
    nodes, edges, _heading, _height, _width, page_options = network.get_network_data()
    types_present = sorted({n.label for n in view.nodes}, key=list(NODE_STYLES).index)
    edge_order = {t: i for i, t in enumerate(EDGE_COLOURS)}
    rels_present = sorted({e.type for e in view.edges}, key=lambda t: (edge_order.get(t, 99), t))
    data = {
        "nodes": nodes,
        "edges": edges,
        "options": json.loads(page_options),
        "kind": view.kind,
        "legend": {
            "nodes": [{"type": t, "colour": NODE_STYLES[t][0], "shape": NODE_STYLES[t][1],
                       "count": sum(1 for n in view.nodes if n.label == t)} for t in types_present],
            "edges": [{"type": t, "colour": EDGE_COLOURS.get(t, "#999999"),
                       "count": sum(1 for e in view.edges if e.type == t)} for t in rels_present],
            "years": [{"year": year, "colour": colour} for year, colour in sorted(years.items())],
        },
    }
    vis_js = _asset("vis-9.1.2", "vis-network.min.js")
    app_js = (TEMPLATES / "viz.js").read_text(encoding="utf-8")
    template_text = (TEMPLATES / "viz.html").read_text(encoding="utf-8")
    environment = jinja2.Environment(autoescape=True, keep_trailing_newline=True)
    html = environment.from_string(template_text).render(
        heading=view.heading,
        subtitle=_subtitle(view, len(view.edges)),
        data=data,
        vis_css=jinja2.utils.markupsafe.Markup(_asset("vis-9.1.2", "vis-network.css")),
        vis_js=jinja2.utils.markupsafe.Markup(vis_js),
        app_js=jinja2.utils.markupsafe.Markup(app_js),
        script_hashes=jinja2.utils.markupsafe.Markup(" ".join((_script_hash(vis_js), _script_hash(app_js)))),
    )
    return RenderedPage(html, len(view.nodes), len(view.edges))


def write_page(view: GraphView, path: Path, *, layout_iterations: int | None = None) -> RenderedPage:
    """Write the page atomically (a half-written page never replaces a good one, and nothing but
    a regular file is replaced: see paperkg.safe_files)."""
    check_destination(path)  # refuse a device or link before the work of rendering
    page = render_page(view, layout_iterations=layout_iterations)
    write_text(path, page.html)
    return page
