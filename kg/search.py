"""The embedded store's full-text index over paper titles and abstracts (BM25, title words count twice).

Neo4j answers `kg search` with its own full-text index (Lucene); scores differ between the
stores, the papers found for plain words are the same.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Any

_TOKEN = re.compile(r"[a-z0-9]+")
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
K1, B = 1.2, 0.75


def tokens(text: str) -> list[str]:
    return [t for t in _TOKEN.findall(text.lower()) if t not in STOPWORDS]


class SearchIndex:
    """An inverted index: term -> {paper key: term frequency}, with document lengths."""

    def __init__(self, documents: dict[str, tuple[str, str]]) -> None:
        self.titles = {key: title for key, (title, _) in documents.items()}
        self.postings: dict[str, dict[str, int]] = {}
        self.lengths: dict[str, int] = {}
        for key, (title, abstract) in documents.items():
            terms = tokens(title) * 2 + tokens(abstract)
            self.lengths[key] = len(terms)
            for term, count in Counter(terms).items():
                self.postings.setdefault(term, {})[key] = count
        self.average = sum(self.lengths.values()) / max(1, len(self.lengths))

    def search(self, text: str, *, limit: int) -> list[dict[str, Any]]:
        scores: dict[str, float] = {}
        total = len(self.lengths)
        for term in set(tokens(text)):
            postings = self.postings.get(term, {})
            idf = math.log(1 + (total - len(postings) + 0.5) / (len(postings) + 0.5))
            for key, frequency in postings.items():
                norm = frequency * (K1 + 1) / (frequency + K1 * (1 - B + B * self.lengths[key] / self.average))
                scores[key] = scores.get(key, 0.0) + idf * norm
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:limit]
        return [{"key": key, "title": self.titles[key], "score": round(score, 4)} for key, score in ranked]


_INDEXES: dict[int, SearchIndex] = {}


def embedded_index(store: Any) -> SearchIndex:
    """The index of an embedded store's papers, built once per store object."""
    if id(store) not in _INDEXES:
        documents = {
            key: (data.get("title", ""), data.get("abstract", ""))
            for key, data in store.graph.nodes(data=True)
            if data["label"] == "Paper" and not data.get("stub")
        }
        _INDEXES[id(store)] = SearchIndex(documents)
    return _INDEXES[id(store)]
