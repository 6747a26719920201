"""`kg related` on the embedded store walks the papers of common things (ImageNet, GPT-4o) only
when they may rank: the answers are those of a walk over every paper."""

from __future__ import annotations

import random

import pytest

from paperkg import sqlite_queries
from paperkg.model import Edge, GraphBatch, Node
from paperkg.store.embedded import EmbeddedStore


def _graph(rng: random.Random) -> GraphBatch:
    """60 papers: two common things most papers link, a few rare ones, copies that tie, citations."""
    things = [Node("Dataset", "dataset:common", {"name": "Common"}), Node("Model", "model:everywhere", {"name": "Everywhere"})]
    labels = [rng.choice(["Model", "Dataset", "Method"]) for _ in range(12)]
    things += [Node(label, f"{label.lower()}:rare{i}", {"name": f"Rare{i}"}) for i, label in enumerate(labels)]
    papers = [Node("Paper", f"paper:2401.{n:05d}", {"title": f"Paper {n}"}) for n in range(60)]
    edges = []
    for n, paper in enumerate(papers):
        for thing in things[:2]:
            if rng.random() < 0.8:
                edges.append(Edge(rng.choice(["USES", "MENTIONS"]), paper.key, thing.key, {}))
        chosen = rng.sample(things[2:], rng.randint(0, 3)) if n % 7 else things[2:5]  # every 7th: a copy
        edges += [Edge(rng.choice(["USES", "COMPARES", "INTRODUCES"]), paper.key, thing.key, {}) for thing in chosen]
        if rng.random() < 0.1:
            edges.append(Edge("CITES", paper.key, rng.choice(papers).key, {}))
    return GraphBatch((*things, *papers), tuple(e for e in edges if e.source != e.target))


@pytest.mark.parametrize("seed", range(6))
def test_related_papers_skip_common_things_only_when_they_cannot_rank(tmp_path, monkeypatch, seed):
    rng = random.Random(seed)
    store = EmbeddedStore(tmp_path / "kg", create=True)
    store.upsert(_graph(rng))
    store.commit()
    skipped = []
    walked_past = sqlite_queries._candidates_past_common_things
    monkeypatch.setattr(sqlite_queries, "_candidates_past_common_things",
                        lambda *args: skipped.append(found := walked_past(*args)) or found)
    for n in range(0, 60, 3):
        for limit in (1, 3, 10):
            params = {"key": f"paper:2401.{n:05d}", "limit": limit}
            monkeypatch.setattr(sqlite_queries, "COMMON_THING_PAPERS", 20)
            past_common = sqlite_queries.related_papers(store, params)
            monkeypatch.setattr(sqlite_queries, "COMMON_THING_PAPERS", 10**9)
            assert past_common == sqlite_queries.related_papers(store, params), params
    assert any(found is not None for found in skipped), "the common things' papers were skipped somewhere"
    assert any(found is None for found in skipped), "and walked where they may rank"
    store.close()
