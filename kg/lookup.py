"""Names and references typed by users -> graph keys, through the query catalog (so both stores
answer alike). Unknown or ambiguous names raise a QueryError listing the closest candidates."""

from __future__ import annotations

import difflib
from typing import Any

from paperkg.catalog import run_query
from paperkg.errors import QueryError
from paperkg.model import ENTITY_TYPES, entity_key, match_key, parse_arxiv_id, repo_key, source_id_match
from paperkg.store.base import GraphStore

CANDIDATES_SHOWN = 8


def find_entities(store: GraphStore, name: str, entity_type: str | None = None) -> list[dict[str, Any]]:
    """Entities a name may mean: by key first (fast), else by any normalised name or alias."""
    types = (entity_type,) if entity_type else ENTITY_TYPES
    if name.split(":", 1)[0] in ENTITY_TYPES:  # a key given as is
        rows = run_query(store, "entities_by_key", {"keys": [name]})
    else:
        rows = run_query(store, "entities_by_key", {"keys": [entity_key(t, name) for t in types]})
        if not rows:
            rows = run_query(store, "entities_by_name", {"norm": match_key(name)})
    return [row for row in rows if not entity_type or row["type"] == entity_type]


def resolve_entity(store: GraphStore, name: str, entity_type: str | None = None) -> dict[str, Any]:
    """The one entity a name means, or a QueryError naming the candidates."""
    rows = find_entities(store, name, entity_type)
    what = entity_type or "entity"
    if len(rows) == 1:
        return rows[0]
    if len(rows) > 1:
        listed = "; ".join(f"{r['key']} ({r['name']}, {r['papers']} papers)" for r in rows[:CANDIDATES_SHOWN])
        raise QueryError(f"{what} {name!r} is ambiguous: {listed}; give a key or a type option")
    names = run_query(store, "entity_names", {"type": entity_type or ""})
    by_lower = {}
    for row in names:
        by_lower.setdefault(row["name"].lower(), row["key"])
    close = difflib.get_close_matches(name.lower(), list(by_lower), n=CANDIDATES_SHOWN, cutoff=0.6)
    hint = f"; closest: {', '.join(f'{by_lower[c]}' for c in close)}" if close else "; `kg top --type model` lists some"
    raise QueryError(f"no {what} named {name!r} in the graph{hint}")


def resolve_paper(store: GraphStore, reference: str) -> dict[str, Any]:
    """A paper by key, arXiv id, a source's own id (a JSON Lines ``id``, a DOI, an OpenReview id),
    exact title, or a unique part of its title."""
    key = reference if reference.startswith("paper:") else None
    arxiv = parse_arxiv_id(reference)
    for candidate in filter(None, (key, f"paper:{arxiv}" if arxiv else None)):
        rows = run_query(store, "paper_details", {"key": candidate})
        if rows:
            return rows[0]
    if reference.strip():
        named = run_query(store, "papers_by_id", {"id": source_id_match(reference)})
        if len(named) == 1:
            return run_query(store, "paper_details", {"key": named[0]["key"]})[0]
        if named:
            listed = "; ".join(f"{r['key']} {r['title'][:70]!r}" for r in named[:CANDIDATES_SHOWN])
            raise QueryError(f"{reference!r} is the id of {len(named)} papers (in different sources): {listed}; give a key")
    words = reference.split()
    rows = run_query(store, "papers_by_title", {"words": words, "limit": 1000}) if words else []
    phrase = " ".join(words).lower()
    matching = [r for r in rows if phrase in " ".join(r["title"].split()).lower()] or rows
    exact = [r for r in matching if r["title"].lower() == reference.strip().lower()]
    if len(exact) == 1 or len(matching) == 1:
        chosen = (exact or matching)[0]
        return run_query(store, "paper_details", {"key": chosen["key"]})[0]
    if matching:
        listed = "; ".join(f"{r['key']} {r['title'][:70]!r}" for r in matching[:CANDIDATES_SHOWN])
        more = f" (and {len(matching) - CANDIDATES_SHOWN} more)" if len(matching) > CANDIDATES_SHOWN else ""
        raise QueryError(f"{reference!r} matches {len(matching)} papers: {listed}{more}; give more of the title or a key")
    titles = {r["title"]: r["key"] for r in run_query(store, "papers_by_title", {"words": [], "limit": 1_000_000})}
    close = difflib.get_close_matches(reference, list(titles), n=5, cutoff=0.5)
    hint = "; closest: " + "; ".join(f"{titles[t]} {t[:70]!r}" for t in close) if close else ""
    raise QueryError(f"no paper matches {reference!r}{hint}; `kg papers WORDS` searches titles")


def resolve_repo(url: str) -> str:
    """The repo key of a URL as users paste it (scheme, www. and .git do not matter)."""
    return repo_key(url if "://" in url else f"https://{url}")
