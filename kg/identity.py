"""Paper identity: the same paper from several files or formats becomes one record.

Records with an arXiv id are grouped by it; a record without one joins the arXiv group with the
same normalised title if there is exactly one, otherwise it is grouped by title.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from paperkg.model import Paper


def merge_two(first: Paper, second: Paper) -> Paper:
    """One record from two of the same paper: sources, links and the sources' own ids accumulate,
    otherwise the first non-empty field wins.

    A full record beats a stub (a cited paper known only by its title), whatever the order.
    """
    if first.stub and not second.stub:
        first, second = second, first
    sources = first.sources + tuple(s for s in second.sources if s not in first.sources)
    links = first.links + tuple(link for link in second.links if link not in first.links)
    ids = first.ids + tuple(ident for ident in second.ids if ident not in first.ids)  # each source's own id names the paper
    changes = {"sources": sources, "stub": first.stub and second.stub, "links": links, "ids": ids}
    for item in dataclasses.fields(Paper):
        name = item.name
        if name in changes:
            continue
        if not getattr(first, name) and getattr(second, name):
            changes[name] = getattr(second, name)
    return dataclasses.replace(first, **changes)


def merge_records(papers: Iterable[Paper]) -> list[Paper]:
    """Distinct papers in first-seen order, each merged from all its records."""
    by_key: dict[str, Paper] = {}
    arxiv_by_title: dict[str, set[str]] = {}
    pending_title_only: list[Paper] = []
    for paper in papers:
        if paper.arxiv_id:
            arxiv_by_title.setdefault(paper.norm_title, set()).add(paper.key)
            by_key[paper.key] = merge_two(by_key[paper.key], paper) if paper.key in by_key else paper
        else:
            pending_title_only.append(paper)
            by_key.setdefault(paper.key, paper)  # keeps first-seen order; replaced below
    merged: dict[str, Paper] = {key: p for key, p in by_key.items() if p.arxiv_id}
    order = list(by_key)
    for paper in pending_title_only:
        matches = arxiv_by_title.get(paper.norm_title, set())
        target = next(iter(matches)) if len(matches) == 1 else paper.key
        if target in merged:
            merged[target] = merge_two(merged[target], paper)
        else:
            merged[target] = paper
    return [merged[key] for key in order if key in merged]
