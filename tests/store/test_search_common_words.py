"""`kg search` on the embedded store scores the papers holding only a query's common words only
when they may rank: the answers are those of scoring every paper the query matches."""

from __future__ import annotations

import random

import pytest

from paperkg import search
from paperkg.model import GraphBatch, Node
from paperkg.store.embedded import EmbeddedStore

COMMON = ["learning", "model", "language", "data"]
RARE = ["hallucination", "molecules", "speech", "routing", "diffusion", "agents", "robots", "proofs"]


def _papers(rng: random.Random) -> list[Node]:
    """120 papers: common words in most, rare ones in few, some words repeated, copies that tie."""
    papers = []
    for n in range(120):
        if n % 9 == 0 and papers:  # a copy of an earlier paper's text: ties broken by key
            papers.append(Node("Paper", f"paper:2401.{n:05d}", {k: v for k, v in papers[-1].props.items()}))
            continue
        words = [w for w in COMMON if rng.random() < 0.7] + rng.sample(RARE, rng.choice([0, 0, 1, 2]))
        words += rng.choices(words or COMMON, k=rng.randint(0, 3)) + ["filler"] * rng.randint(0, 12)
        rng.shuffle(words)
        title = " ".join(words[: rng.randint(1, 4)])
        papers.append(Node("Paper", f"paper:2401.{n:05d}", {"title": title, "abstract": " ".join(words) + "."}))
    return papers


@pytest.mark.parametrize("seed", range(5))
def test_search_scores_only_the_rarer_words_papers_when_the_others_cannot_rank(tmp_path, monkeypatch, seed):
    rng = random.Random(seed)
    store = EmbeddedStore(tmp_path / "kg", create=True)
    store.upsert(GraphBatch(tuple(_papers(rng)), ()))
    store.commit()
    assert search._rows_indexed(store) == store.sql("SELECT count(*) FROM paper_text")[0][0] == 120
    tries = []
    past_common = search._ranked_past_common_words
    monkeypatch.setattr(search, "_ranked_past_common_words",
                        lambda *args: tries.append(found := past_common(*args)) or found)
    for _ in range(40):
        text = " ".join(rng.sample(COMMON, rng.randint(1, 3)) + rng.sample(RARE, rng.randint(0, 2)))
        for limit in (1, 3, 10):
            monkeypatch.setattr(search, "LIKELY_BEST_SHARE", 1.0)  # try wherever a bound may be beaten
            pruned = search.search_embedded(store, text, limit=limit)
            monkeypatch.setattr(search, "LIKELY_BEST_SHARE", 0.0)  # never try: every match scored
            assert pruned == search.search_embedded(store, text, limit=limit), (text, limit)
    assert any(found is not None for found in tries), "the common words' papers were skipped somewhere"
    assert any(found is None for found in tries), "and scored where they may rank"
    store.close()


def test_the_rows_indexed_are_read_as_fts5_writes_them(tmp_path):
    """The averages record's first varint, one to three bytes wide here, is the index's row count."""
    store = EmbeddedStore(tmp_path / "kg", create=True)
    assert search._rows_indexed(store) == 0
    for total in (1, 130, 17_000):
        papers = [Node("Paper", f"paper:{n:06d}", {"title": f"paper {n}", "abstract": "words"}) for n in range(total)]
        store.upsert(GraphBatch(tuple(papers), ()))
        store.commit()
        assert search._rows_indexed(store) == store.sql("SELECT count(*) FROM paper_text")[0][0] == total
    store.close()
