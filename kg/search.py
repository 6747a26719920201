"""`kg search` on the embedded store: SQLite's FTS5 index of paper titles and abstracts, ranked
by BM25 (title words weigh twice).

Neo4j answers `kg search` with its own full-text index (Lucene); scores differ between the
stores, the papers found for plain words are the same.
"""

from __future__ import annotations

import math
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


# FTS5's BM25 (fts5_aux.c): a phrase found in n of N rows weighs idf = ln((N - n + 0.5) / (n + 0.5))
# (at least 1e-6), and adds idf * f * (K1 + 1) / (f + K1 * (1 - B + B * size / mean size)) for its
# column-weighted count f in a row: less than idf * (K1 + 1), however often the row holds it.
BM25_K1 = 1.2
# The rows of a query's rarer words are scored alone only when they are at most this share of the rows
# the query's words are found in (counted per word): fewer would not save the time the try costs.
RARER_ROWS_SHARE = 0.5
# ... and when the common words' bound is below this share of the best score any row can have: the
# limit-th best row of a search holds most of its words and scores near that (0.53-0.88 of it in nine
# searches of a million generated papers, the lowest for the longest), so a higher bound is seldom
# beaten and the try would only add its time.
LIKELY_BEST_SHARE = 0.5
# Scores are summed in C (SQLite) and the bound in Python: a row must beat the bound by this much.
_SCORE_MARGIN = 1e-9


def search_embedded(store: Any, text: str, *, limit: int) -> list[dict[str, Any]]:
    """Papers holding any of the words, best BM25 score first (ties by key)."""
    words = sorted(set(tokens(text)))
    if not words:
        return []
    # Each word quoted: FTS5 reads it as a plain term, never as query syntax (AND, NEAR, column:).
    query = _any_of(words)
    conn = store.conn
    if conn.in_transaction:
        # A write not yet committed: FTS5 writes its row count (which bounds the scores) at commit,
        # while bm25 counts the rows added already. One statement scores every match.
        rows = _ranked(store, limit, "paper_text MATCH ?", (query,))
    else:
        # The counts, the rarer words' rows and every match's scores must come from one snapshot of
        # the file: a build that commits between them would make the bound another graph's.
        conn.execute("BEGIN")
        try:
            rows = _ranked_past_common_words(store, words, query, limit)
            if rows is None:
                rows = _ranked(store, limit, "paper_text MATCH ?", (query,))
        finally:
            conn.execute("COMMIT")
    return [{"key": key, "title": title, "score": round(-rank, 4)} for key, title, rank in rows]


def _any_of(words: list[str]) -> str:
    return " OR ".join('"' + word.replace('"', '""') + '"' for word in words)


def _ranked(store: Any, limit: int, where: str, params: tuple, rare: str = "") -> list[tuple]:
    """The best ``limit`` rows of ``where`` (a MATCH), ties with the last one in key order.

    Ranked on the index alone first: the papers' rows (their keys, their titles read out of the
    JSON) are read for the best ranks only, not for every paper holding a common word. The rank of
    the limit-th match is the cut, ties included, so the order by (rank, key) is unchanged.
    """
    return store.sql(
        f"WITH {rare}ranked AS MATERIALIZED (SELECT rowid AS id, bm25(paper_text, {TITLE_WEIGHT}, 1.0) AS rank "
        f"FROM paper_text WHERE {where}) "
        "SELECT n.key, n.title, r.rank FROM ranked r CROSS JOIN nodes n ON n.id = r.id "
        "WHERE r.rank <= (SELECT max(rank) FROM (SELECT rank FROM ranked ORDER BY rank LIMIT ?)) "
        "ORDER BY r.rank, n.key LIMIT ?",
        (*params, limit, limit),
    )


def _ranked_past_common_words(store: Any, words: list[str], query: str, limit: int) -> list[tuple] | None:
    """``search_embedded``'s rows without scoring the rows that hold only common words, or None when
    those rows may rank (or the counts that bound their scores are missing).

    Scoring is most of a search's time: "vision language model hallucination" matches 823,000 of a
    million papers. A row holding none of the rarer words scores at most the sum of the common
    words' bounds (BM25_K1); when the limit-th row holding a rarer word, scored by the whole query,
    beats that sum, no other row can come before it or tie with it, and the answer is the same.
    """
    if len(words) < 2 or limit < 1:
        return None
    rows_indexed = _rows_indexed(store)
    if rows_indexed < 1:
        return None
    found_in = {word: store.sql("SELECT count(*) FROM paper_text WHERE paper_text MATCH ?", (_any_of([word]),))[0][0]
                for word in words}
    if max(found_in.values()) > rows_indexed:
        return None
    most = {word: _idf(rows_indexed, found) * (BM25_K1 + 1) for word, found in found_in.items()}
    by_rarity = sorted(words, key=lambda word: (found_in[word], word))
    for cut in range(1, len(words)):
        rarer, common = by_rarity[:cut], by_rarity[cut:]
        if sum(found_in[word] for word in rarer) > RARER_ROWS_SHARE * sum(found_in.values()):
            return None
        bound = sum(most[word] for word in common)
        if bound >= LIKELY_BEST_SHARE * sum(most.values()):
            continue
        # The rarer words' rows, then the whole query scored on them only (``+rowid``: a scan of the
        # query's matches that checks membership, not one MATCH per row, which would count every
        # word's rows again each time).
        rows = _ranked(store, limit, "paper_text MATCH ? AND +rowid IN rare", (_any_of(rarer), query),
                       rare="rare AS MATERIALIZED (SELECT rowid AS id FROM paper_text WHERE paper_text MATCH ?), ")
        beaten = len(rows) >= limit and -max(rank for _, _, rank in rows) > bound * (1 + _SCORE_MARGIN) + _SCORE_MARGIN
        return rows if beaten else None
    return None


def _rows_indexed(store: Any) -> int:
    """N of the BM25 formula: the rows FTS5 has indexed, the first number of its "averages" record
    (row 1 of paper_text_data, a SQLite varint; fts5_index.c). Counting them is a scan of the index
    (0.16 s at a million papers); 0 when the record is missing or not that shape."""
    row = store.sql("SELECT block FROM paper_text_data WHERE id = 1")
    block = row[0][0] if row and isinstance(row[0][0], bytes) else b""
    value = 0
    for byte in block[:8]:  # 7 bits a byte, high bit set while more follow (a count below 2^56)
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value
    return 0


def _idf(rows: int, holding: int) -> float:
    return max(1e-6, math.log((rows - holding + 0.5) / (holding + 0.5)))
