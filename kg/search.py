"""`kg search` on the embedded store: SQLite's FTS5 index of paper titles and abstracts, ranked
by BM25 (title words weigh twice).

Neo4j answers `kg search` with its own full-text index (Lucene); scores differ between the
stores, the papers found for plain words are the same.
"""

from __future__ import annotations

import re
from typing import Any

_TOKEN = re.compile(r"\w+")
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "for",
        "if",
        "in",
        "into",
        "is",
        "it",
        "no",
        "not",
        "of",
        "on",
        "or",
        "such",
        "that",
        "the",
        "their",
        "then",
        "there",
        "these",
        "they",
        "this",
        "to",
        "was",
        "will",
        "with",
        "we",
        "our",
        "from",
        "which",
        "can",
        "via",
    ]
)
TITLE_WEIGHT = 2.0


def tokens(text: str) -> list[str]:
    """The words of a query that count (lower-case, stopwords left out)."""
    return [t for t in _TOKEN.findall(text.lower()) if t not in STOPWORDS]


def search_embedded(store: Any, text: str, *, limit: int) -> list[dict[str, Any]]:
    """Papers holding any of the words, best BM25 score first (ties by key)."""
    words = sorted(set(tokens(text)))
    if not words:
        return []
    # Each word quoted: FTS5 reads it as a plain term, never as query syntax (AND, NEAR, column:).
    query = " OR ".join('"' + word.replace('"', '""') + '"' for word in words)
    # Ranked on the index alone first: the papers' rows (their keys, their titles read out of the
    # JSON) are read for the best ranks only, not for every paper holding a common word. The rank
    # of the limit-th match is the cut, ties included, so the order by (rank, key) is unchanged.
    rows = store.sql(
        f"WITH ranked AS MATERIALIZED (SELECT rowid AS id, bm25(paper_text, {TITLE_WEIGHT}, 1.0) AS rank "
        "FROM paper_text WHERE paper_text MATCH ?) "
        "SELECT n.key, n.title, r.rank FROM ranked r CROSS JOIN nodes n ON n.id = r.id "
        "WHERE r.rank <= (SELECT max(rank) FROM (SELECT rank FROM ranked ORDER BY rank LIMIT ?)) "
        "ORDER BY r.rank, n.key LIMIT ?",
        (query, limit, limit),
    )
    return [{"key": key, "title": title, "score": round(-rank, 4)} for key, title, rank in rows]
