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


def _papers_of(first: int, spec: list[tuple[str, str, int]]) -> tuple[Node, ...]:
    found, n = [], first
    for title, abstract, copies in spec:
        for _ in range(copies):
            found.append(Node("Paper", f"paper:{n:06d}", {"title": title, "abstract": abstract}))
            n += 1
    return tuple(found)


# "r" in a few long abstracts, "c" in half the titles: the bound on "c" decides, and it moves with
# the number of rows (1,000 rows more make "c" rare enough to win).
FIRST = _papers_of(0, [("x", "r " + "f " * 200, 10), ("c", "y", 35), ("f", "f", 25)])
MORE = _papers_of(1000, [("f", "f", 1000)])


def _scoring_every_match(store, text, monkeypatch):
    monkeypatch.setattr(search, "LIKELY_BEST_SHARE", 0.0)
    found = search.search_embedded(store, text, limit=3)
    monkeypatch.setattr(search, "LIKELY_BEST_SHARE", 1.0)
    return found


def test_a_build_committing_during_a_search_does_not_mix_two_graphs(tmp_path, monkeypatch):
    """The counts that bound the scores and the scores come from one snapshot of the file."""
    reader = EmbeddedStore(tmp_path / "kg", create=True)
    reader.upsert(GraphBatch(FIRST, ()))
    reader.commit()
    before = _scoring_every_match(reader, "r c", monkeypatch)
    writer = EmbeddedStore(tmp_path / "kg")
    writer.upsert(GraphBatch(MORE, ()))
    read = reader.sql

    def commit_before_ranking(query, params=()):
        if "AS MATERIALIZED" in query and writer.conn.in_transaction:
            writer.commit()  # another build commits between the search's counts and its scores
        return read(query, params)

    monkeypatch.setattr(reader, "sql", commit_before_ranking)
    assert search.search_embedded(reader, "r c", limit=3) == before
    monkeypatch.setattr(reader, "sql", read)
    assert _scoring_every_match(reader, "r c", monkeypatch) != before  # the graph did change
    writer.close()
    reader.close()


def test_a_search_inside_an_open_write_scores_every_match(tmp_path, monkeypatch):
    """FTS5 writes its row count at commit: inside a write, the bound would use the old count."""
    store = EmbeddedStore(tmp_path / "kg", create=True)
    store.upsert(GraphBatch(FIRST, ()))
    store.commit()
    store.upsert(GraphBatch(MORE, ()))
    assert search._rows_indexed(store) == 70  # the count as last committed
    monkeypatch.setattr(search, "LIKELY_BEST_SHARE", 1.0)
    assert search.search_embedded(store, "r c", limit=3) == _scoring_every_match(store, "r c", monkeypatch)
    store.close()
