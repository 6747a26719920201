"""The words on a graph page: node labels, tooltips and details lines, edge tooltips, links.

All of it is plain text that the page shows with textContent or vis-network's text tooltips.
"""

from __future__ import annotations

import re
from typing import Any

from paperkg.extractors.candidates import split_sentences
from paperkg.views import CO_USED, IN_ROLE, RELATED, ViewEdge, ViewNode

LABEL_CHARS = 42
AUTHORS_SHOWN = 6
SHARED_SHOWN = 12


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


def safe_link(url: Any) -> str | None:
    """Only web links become clickable (no javascript: or data: URLs from untrusted input)."""
    return url if isinstance(url, str) and re.match(r"https?://", url, re.IGNORECASE) else None


def year_of(node: ViewNode) -> int | None:
    published = str(node.props.get("published") or "")
    return int(published[:4]) if re.match(r"\d{4}", published) else None


def display_name(node: ViewNode) -> str:
    props = node.props
    if node.label == "Result":  # "GPT-4o: 85.3 % accuracy on MMLU"
        score = " ".join(str(v) for v in (props.get("value"), props.get("unit"), props.get("metric")) if v not in (None, ""))
        return f"{props.get('subject') or '?'}: {score} on {props.get('dataset') or '?'}"
    return str(props.get("title") or props.get("name") or props.get("url") or node.key)


def _size_line(kind: str, node: ViewNode) -> str:
    if kind in ("overview", "related", "entity") and node.size is not None:
        if node.label == "Paper":
            return f"cited by {int(node.size)} paper(s) of the graph"
        if node.label == "Role":
            return ""
        verb = "wrote" if node.label == "Author" else "linked to"
        return f"{verb} {int(node.size)} paper(s) of the graph"
    return f"{node.degree} link(s) in the whole graph (authorship not counted)"


def node_text(node: ViewNode, kind: str = "graph") -> tuple[str, list[str], list[dict[str, str]]]:
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
        if node.group:
            facts.append(node.group.replace("_", " "))
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
            if safe_link(url) and all(link["href"] != url for link in links):
                links.append({"text": text, "href": url})
        label = short_label(title)
    elif node.label == "Repo":
        url = props.get("url") or node.key
        lines = [url, f"{props.get('kind', 'link')} link"]
        if safe_link(url):
            links.append({"text": "open", "href": url})
        label = short_label(re.sub(r"^https?://(www\.)?(github\.com/)?", "", url))
    elif node.label == "Role":
        label = f"{props['name']} ({props['papers']})"
        lines = [label, f"{props['papers']} paper(s) in this role; the {props['shown']} most cited are drawn"]
    elif node.label == "Author":
        name = props.get("name") or node.key
        lines, label = [name, "author"], short_label(name)
    elif node.label == "Result":
        name = display_name(node)
        lines = [name, "reported result" + (" (the paper's own)" if props.get("own") else ""), props.get("evidence") or ""]
        label = short_label(name)
    else:
        name = props.get("name") or node.key
        lines = [name, f"{props.get('type', node.label.lower())} · {node.key}"]
        aliases = [a for a in props.get("aliases") or [] if a != name]
        if aliases:
            lines.append("also: " + ", ".join(aliases[:8]))
        if props.get("family") and props.get("family") != name:
            lines.append(f"family: {props['family']}")
        label = short_label(name)
    lines.append(_size_line(kind, node))
    return label, [line for line in lines if line], links


def edge_text(edge: ViewEdge, names: dict[str, str] | None = None) -> str:
    """An edge's tooltip: its relationship, or for derived edges what the two ends share."""
    names = names or {}
    source, target = names.get(edge.source, edge.source), names.get(edge.target, edge.target)
    if edge.type == CO_USED:
        return f"{edge.props['papers']} paper(s) link both\n{source}\n{target}"
    if edge.type == RELATED:
        shared = list(edge.props.get("shared") or [])
        more = f", … ({len(shared)} in all)" if len(shared) > SHARED_SHOWN else ""
        return (f"related: score {edge.props['score']:g}\nshared: " + ", ".join(shared[:SHARED_SHOWN]) + more
                + f"\n{source}\n{target}")
    if edge.type == IN_ROLE:
        return f"{edge.props['papers']} paper(s) {edge.props['role'].replace('_', ' ')} {target}"
    lines = [edge.type.replace("_", " ").lower()]
    if edge.props.get("inferred"):
        lines[0] += " (inferred)"
    if edge.props.get("source"):
        lines.append(f"source: {edge.props['source']}")
    if edge.props.get("evidence"):
        lines.append(str(edge.props["evidence"]))
    return "\n".join(lines)
