"""The inferred-citation pass split over worker processes gives the edges one process gives.

Real files, a real build and real worker processes; the threshold from which the pass starts
workers (``parallel_from``) is lowered so that a corpus of 499 papers takes the parallel path.
"""

from __future__ import annotations

import shutil

import pytest

from paperkg.citations import PaperText, infer_citations, refresh_inferred_citations
from paperkg.store.embedded import EmbeddedStore
from tests.conftest import DATA, run_kg


def _inferred(store: EmbeddedStore) -> list[tuple[str, str, dict]]:
    """The inferred citations in the order the store holds them, with every property."""
    return [(s, t, props) for _, s, t, props in store.edges_of(["CITES"]) if props.get("inferred")]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """499 real daily-listing records built in one process (extraction and citations)."""
    from click.testing import CliRunner

    db = tmp_path_factory.mktemp("parallel") / "kg"
    run_kg(CliRunner(), "build", str(DATA / "citations_judged" / "records.json"), "--db", str(db), "--jobs", "1")
    return db


@pytest.mark.parametrize("jobs", [2, 3])
def test_a_full_refresh_in_worker_processes_writes_the_same_citations(built, tmp_path, jobs):
    with EmbeddedStore(built) as store:
        expected = _inferred(store)
    assert len(expected) > 50
    shutil.copytree(built, tmp_path / "kg")
    with EmbeddedStore(tmp_path / "kg") as store:
        store.remove_inferred_citations([(s, t) for s, t, _ in expected])
        assert _inferred(store) == []
        refresh = refresh_inferred_citations(store, jobs=jobs, parallel_from=100)
        assert refresh.jobs == jobs, "the pass ran in worker processes"
        assert (refresh.added, refresh.removed, refresh.total) == (len(expected), 0, len(expected))
        assert _inferred(store) == expected


def test_a_small_input_stays_in_this_process(built, tmp_path):
    shutil.copytree(built, tmp_path / "kg")
    with EmbeddedStore(tmp_path / "kg") as store:
        assert refresh_inferred_citations(store, jobs=2).jobs == 1  # 499 papers: below PARALLEL_PAPERS
        assert refresh_inferred_citations(store, jobs=2, parallel_from=499).jobs == 2


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_incremental_refresh_in_worker_processes_writes_the_same_citations(built, tmp_path, jobs):
    """Papers whose citations are gone are refreshed as a build's changed papers are: the citations
    come back, in one process as in two."""
    with EmbeddedStore(built) as store:
        expected = _inferred(store)
    changed = sorted({s for s, _, _ in expected})[::2]
    shutil.copytree(built, tmp_path / "kg")
    with EmbeddedStore(tmp_path / "kg") as store:
        gone = [(s, t) for s, t, _ in expected if s in changed]
        store.remove_inferred_citations(gone)
        refresh = refresh_inferred_citations(store, changed, jobs=jobs, parallel_from=1)
        assert refresh.jobs == jobs
        assert (refresh.added, refresh.removed, refresh.total) == (len(gone), 0, len(expected))
        kept = [e for e in expected if e[0] not in changed]
        # The edges written again come after the others, in the order the refresh writes them.
        assert _inferred(store) == kept + sorted((e for e in expected if e[0] in changed), key=lambda e: e[:2])


def test_infer_citations_in_worker_processes_gives_the_same_edges():
    """The function itself, on papers made here: each name's guards hold in the workers too."""
    from paperkg.citations import Introduction

    papers = [PaperText(f"paper:{n:04d}", f"Net{n}X: model {n}", f"We propose Net{n}X. It beats Net{n - 1}X and Net{n - 2}X. "
                        f"We propose our own Net{n - 3}X, a new model. Code: https://github.com/o/Net{n - 4}X.",
                        f"2024-{1 + n % 12:02d}-01") for n in range(200)]
    entities = {f"model:net{n}x": {"name": f"Net{n}X"} for n in range(200)}
    intros = [Introduction(f"paper:{n:04d}", f"model:net{n}x", 0.5, "title_prefix+role.title_prefix") for n in range(200)]
    one = infer_citations(intros, entities, papers)
    assert len(one) > 50
    assert infer_citations(intros, entities, papers, jobs=2, parallel_from=10) == one


@pytest.mark.parametrize(("jobs", "page_papers", "page_introductions"), [(1, 7, 13), (2, 7, 13), (1, 1, 1), (2, 120, 1_000_000)])
def test_a_full_refresh_a_page_at_a_time_writes_the_same_citations(built, tmp_path, jobs, page_papers, page_introductions):
    """Pages of papers and of introductions smaller than the corpus give the citations (and their
    order in the store) of one page holding everything, though most of them join papers read in
    different pages."""
    with EmbeddedStore(built) as store:
        expected = _inferred(store)
        keys = sorted(key for key, *_ in store.paper_texts())
    page_of = {key: n // page_papers for n, key in enumerate(keys)}
    assert sum(page_of[s] != page_of[t] for s, t, _ in expected) > len(expected) // 2, "citations across pages"
    shutil.copytree(built, tmp_path / "kg")
    with EmbeddedStore(tmp_path / "kg") as store:
        store.remove_inferred_citations([(s, t) for s, t, _ in expected])
        refresh = refresh_inferred_citations(store, jobs=jobs, parallel_from=100, page_papers=page_papers,
                                             page_introductions=page_introductions)
        assert (refresh.added, refresh.removed, refresh.total, refresh.jobs) == (len(expected), 0, len(expected), jobs)
        assert _inferred(store) == expected
        # Done again: nothing changes, nothing is written.
        again = refresh_inferred_citations(store, jobs=jobs, parallel_from=100, page_papers=page_papers,
                                           page_introductions=page_introductions)
        assert (again.added, again.removed, again.total) == (0, 0, len(expected))
        assert _inferred(store) == expected


def test_a_full_refresh_a_page_at_a_time_drops_citations_no_paper_gives(built, tmp_path):
    """A stale inferred citation goes, whether its citing paper is read in a page (a paper that
    does not write the name) or not at all (a stub, which has no text)."""
    from paperkg.model import Edge, GraphBatch, Node

    with EmbeddedStore(built) as store:
        expected = _inferred(store)
        uncited = next(key for key, *_ in store.paper_texts() if key not in {s for s, _, _ in expected})
    cited = expected[0][1]
    stub = Node("Paper", "paper:9999.99999", {"title": "A stub", "stub": True})
    props = {"inferred": True, "via": "model:nothing", "evidence": "Not written.", "confidence": 1.0}
    shutil.copytree(built, tmp_path / "kg")
    with EmbeddedStore(tmp_path / "kg") as store:
        store.upsert(GraphBatch((stub,), (Edge("CITES", uncited, cited, props), Edge("CITES", stub.key, cited, props))))
        refresh = refresh_inferred_citations(store, page_papers=5, page_introductions=11)
        assert (refresh.added, refresh.removed, refresh.total) == (0, 2, len(expected))
        assert _inferred(store) == expected


def test_the_store_gives_every_paper_and_introduction_a_page_at_a_time(built):
    with EmbeddedStore(built) as store:
        pages, after = [], None
        while page := store.paper_texts_after(after, 50):
            pages.append(page)
            after = page[-1][0]
        assert [len(page) for page in pages[:-1]] == [50] * (len(pages) - 1)
        assert [row for page in pages for row in page] == sorted(store.paper_texts())
        introductions, edge = [], 0
        while page := store.introductions_after(edge, 64):
            introductions += page
            edge = page[-1][0]
        rows = store.edges_of(["INTRODUCES"], fields=("confidence", "rule"))
        assert [(paper, entity) for _, paper, entity, _, _ in introductions] == [(s, t) for _, s, t, _ in rows]
        assert store.inferred_citations_without_text() == []


def test_a_full_refresh_a_page_at_a_time_indexes_each_introduced_entity_once(built, tmp_path):
    """An entity introduced in several pages of introductions has its names indexed in the first of
    them only, and nothing is deleted from the index it emptied: the index is the one a refresh
    holding every introduction in one page makes."""
    def indexed(store: EmbeddedStore) -> list[tuple]:
        return store.sql("SELECT i.first, i.width, i.norm, n.key FROM introduced_names i JOIN nodes n ON n.id = i.entity "
                         "ORDER BY 1, 2, 3, 4")

    with EmbeddedStore(built) as store:
        introduced = [target for _, _, target, _ in store.edges_of(["INTRODUCES"])]
    assert len(introduced) > len(set(introduced)), "entities introduced by more than one paper"
    shutil.copytree(built, tmp_path / "whole")
    with EmbeddedStore(tmp_path / "whole") as store:
        refresh_inferred_citations(store, page_introductions=1_000_000)
        whole = indexed(store)
    shutil.copytree(built, tmp_path / "paged")
    with EmbeddedStore(tmp_path / "paged") as store:
        statements: list[str] = []
        store.conn.set_trace_callback(statements.append)
        refresh_inferred_citations(store, page_introductions=1)
        store.conn.set_trace_callback(None)
        assert indexed(store) == whole and len(whole) > 50
    deletes = [s for s in statements if s.startswith("DELETE FROM introduced_names")]
    assert deletes == ["DELETE FROM introduced_names"], "emptied once, no entity's rows deleted after"
