"""Inferred-citation refresh cost: every build recomputes the inferred citations over the whole
graph (a new paper can cite old ones and be cited by them), so its cost grows with the corpus.

For the bundled corpus replicated 1x, 10x (distinct keys), on the embedded store (and on Neo4j
with --neo4j URI, or --neo4j start to start a Neo4j 5.26 here): the time to refresh, against the
time to only read every paper's text from the store (the baseline, in the same run), and the
number of edges the refresh wrote.

    python bench/bench_citations.py [--copies 1,10] [--neo4j start|bolt://...] [--incremental 105]
                                    [--jobs-ab 10,100 [--rounds 3]] [--json out.json]

--jobs-ab 10,100 times the full refresh of the bundled corpus copied 10 and 100 times (distinct
names per copy, as --incremental) with jobs=1 and jobs=2 alternately, best of --rounds each, and
gives their ratio beside the ratio a pure-Python loop split over two processes reaches in the
same minute (the machine's ceiling when it is shared; 2.0 on two idle cores); every run's
inferred citations must be the same (their digest is compared).

--corpus DIR --added N builds a real corpus (e.g. ../shared/corpus/hf_daily) but its last N files,
then adds those files as a later build does, and times the refresh after it, full against
incremental. --incremental N adds the rows a large graph cares about: the bundled corpus copied N times, each
copy's introduced names made its own (see distinct_copies)
(105: ~70,000 papers), then two more copies (1,340 papers) written as one build writes them,
and the refresh after it, full (every paper re-read) against incremental (only what the new
papers touch), in the same run.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import os
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_store_load import corpus_batch, replicate  # noqa: E402
from reporting import report  # noqa: E402

from paperkg.citations import refresh_inferred_citations  # noqa: E402
from paperkg.model import GraphBatch, Node  # noqa: E402
from paperkg.store.embedded import EmbeddedStore  # noqa: E402


def best_of(runs: int, action) -> float:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return min(timings)


def measure(name: str, store, replicated, copies: int) -> dict:
    store.upsert(replicated)
    first = refresh_inferred_citations(store)
    read_s = best_of(3, store.paper_texts)
    refresh_s = best_of(3, lambda: refresh_inferred_citations(store))
    papers = sum(1 for n in replicated.nodes if n.label == "Paper")
    return {"store": name, "copies": copies, "papers": papers, "inferred_edges": first.total,
            "read_texts_s": round(read_s, 4), "refresh_s": round(refresh_s, 3),
            "refresh_vs_read": round(refresh_s / read_s, 1), "ms_per_1000_papers": round(1e6 * refresh_s / papers, 1)}


def distinct_copies(batch: GraphBatch, copies: int) -> GraphBatch:
    """Copies of the batch whose introduced names differ per copy ("Vid2Seq" -> "Vid2SeqQ7" in
    copy 7, in the entities and in every title and abstract), so that each copy's papers cite
    their own copy's introducers as the original corpus does; plain copies would all claim the
    same names and leave nothing to cite."""
    introduced = {e.target for e in batch.edges if e.type == "INTRODUCES"}
    names = set()
    for node in batch.nodes:
        if node.key in introduced:
            names |= {n for n in [node.props.get("name"), *(node.props.get("aliases") or ())] if n}
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?![\w])")
    replicated = replicate(batch, len(batch.edges) * copies)
    per_copy = len(batch.nodes)
    nodes = []
    for index, node in enumerate(replicated.nodes):
        copy = index // per_copy
        if copy == 0:
            nodes.append(node)
            continue
        props = dict(node.props)
        for field in ("title", "abstract", "name"):
            if isinstance(props.get(field), str):
                props[field] = pattern.sub(lambda m, c=copy: f"{m.group(1)}Q{c}", props[field])
        if props.get("aliases"):
            props["aliases"] = [pattern.sub(lambda m, c=copy: f"{m.group(1)}Q{c}", a) for a in props["aliases"]]
        nodes.append(Node(node.label, node.key, props))
    return GraphBatch(tuple(nodes), replicated.edges)


def measure_incremental(name: str, store, batch, copies: int) -> list[dict]:
    """Refresh after adding two copies of the corpus to ``copies`` copies: full against incremental."""
    base = distinct_copies(batch, copies)
    grown = distinct_copies(batch, copies + 2)
    added = GraphBatch(grown.nodes[len(base.nodes) :], grown.edges[len(base.edges) :])
    store.upsert(base)
    refresh_inferred_citations(store)
    store.upsert(added)
    new_keys = [n.key for n in added.nodes if n.label == "Paper"]
    full_s = best_of(3, lambda: refresh_inferred_citations(store))
    incremental_s = best_of(3, lambda: refresh_inferred_citations(store, new_keys))
    papers = sum(1 for n in grown.nodes if n.label == "Paper")
    edges = store.count_inferred_citations()
    row = {"store": name, "papers": papers, "added_papers": len(new_keys), "inferred_edges": edges,
           "full_refresh_s": round(full_s, 3),
           "incremental_refresh_s": round(incremental_s, 3), "incremental_vs_full": round(incremental_s / full_s, 3)}
    return [row]


def _spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


def two_process_ceiling(n: int = 8_000_000) -> float:
    """How much faster a pure-Python loop runs split over two processes than in one, now: what
    two workers can gain at best on this machine (less than 2 when other work shares it)."""
    start = time.perf_counter()
    _spin(n)
    one = time.perf_counter() - start
    with multiprocessing.get_context("forkserver").Pool(2) as pool:
        pool.map(_spin, [1, 1])  # started and ready before the clock runs
        start = time.perf_counter()
        pool.map(_spin, [n // 2, n // 2])
        two = time.perf_counter() - start
    return round(one / two, 2)


def inferred_digest(store) -> str:
    rows = [json.dumps([s, t, props], sort_keys=True) for _, s, t, props in store.edges_of(["CITES"]) if props.get("inferred")]
    return hashlib.sha256("\n".join(rows).encode()).hexdigest()[:16]


def measure_jobs(batch, copies: int, rounds: int) -> dict:
    """The full refresh with jobs=1 and jobs=2, alternately, on the same graph; best of ``rounds``."""
    with tempfile.TemporaryDirectory() as folder:
        store = EmbeddedStore(Path(folder), create=True)
        replicated = distinct_copies(batch, copies)
        store.upsert(replicated)
        first = refresh_inferred_citations(store)
        expected = inferred_digest(store)
        timings: dict[int, list[float]] = {1: [], 2: []}
        ceilings = []
        for _ in range(rounds):
            ceilings.append(two_process_ceiling())
            for jobs in (1, 2):
                start = time.perf_counter()
                refresh = refresh_inferred_citations(store, jobs=jobs)
                timings[jobs].append(time.perf_counter() - start)
                digest = inferred_digest(store)
                if (refresh.added, refresh.removed, digest) != (0, 0, expected):
                    raise SystemExit(f"jobs={jobs} changed the inferred citations: {refresh}, digest {digest} != {expected}")
        store.close()
    one, two = min(timings[1]), min(timings[2])
    papers = sum(1 for n in replicated.nodes if n.label == "Paper")
    return {"copies": copies, "papers": papers, "inferred_edges": first.total, "digest": expected,
            "jobs1_s": round(one, 3), "jobs2_s": round(two, 3), "jobs1_vs_jobs2": round(one / two, 2),
            "two_process_ceiling": max(ceilings), "jobs1_runs_s": [round(t, 3) for t in timings[1]],
            "jobs2_runs_s": [round(t, 3) for t in timings[2]]}


def measure_real_corpus(folder: Path, added_files: int) -> dict:
    """A real corpus built but for its last files, which are then added: refresh full against incremental."""
    from paperkg.build import build
    from paperkg.identity import merge_records
    from paperkg.sources import read_sources

    files = sorted(folder.glob("*.json"))
    base, added = files[:-added_files], files[-added_files:]
    with tempfile.TemporaryDirectory() as db:
        store = EmbeddedStore(Path(db), create=True)
        build(store, read_sources(base))
        later = read_sources(added)
        build(store, later)
        new_keys = [paper.key for paper in merge_records(later.papers)]
        full_s = best_of(3, lambda: refresh_inferred_citations(store))
        incremental_s = best_of(3, lambda: refresh_inferred_citations(store, new_keys))
        total = store.count_papers()
        edges = store.count_inferred_citations()
    return {"store": "embedded (real corpus)", "papers": total, "added_papers": len(new_keys), "inferred_edges": edges,
            "full_refresh_s": round(full_s, 3), "incremental_refresh_s": round(incremental_s, 3),
            "incremental_vs_full": round(incremental_s / full_s, 3)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", default="1,10")
    parser.add_argument("--neo4j", help="a Bolt URI, or 'start' to start a Neo4j 5.26 for the run")
    parser.add_argument("--incremental", type=int, help="copies of the corpus before adding 1,340 papers (105: ~70k)")
    parser.add_argument("--corpus", type=Path, help="a folder of HF API files (the real-corpus row)")
    parser.add_argument("--added", type=int, default=40, help="how many of its last files are added later")
    parser.add_argument("--jobs-ab", help="copies of the corpus at which jobs=1 and jobs=2 are timed, e.g. 10,100")
    parser.add_argument("--rounds", type=int, default=3, help="alternating jobs=1, jobs=2 runs per scale (--jobs-ab)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    batch = corpus_batch()
    if args.jobs_ab:
        return report_jobs([measure_jobs(batch, int(c), args.rounds) for c in args.jobs_ab.split(",")], args.json)
    rows = []
    incremental: list[dict] = []
    server = None
    if args.neo4j == "start":
        sys.path.insert(0, str(ROOT / "tools" / "neo4j"))
        import neo4j_server

        server = neo4j_server.start()
        args.neo4j = server.uri
    try:
        for copies in (int(c) for c in args.copies.split(",")):
            replicated = replicate(batch, len(batch.edges) * copies)
            with tempfile.TemporaryDirectory() as folder:
                rows.append(measure("embedded", EmbeddedStore(Path(folder), create=True), replicated, copies))
            if args.neo4j:
                from paperkg.store.neo4j_store import Neo4jStore

                with Neo4jStore(args.neo4j, password=os.environ.get("KG_TEST_NEO4J_PASSWORD")) as store:
                    store.delete_all()
                    rows.append(measure("neo4j", store, replicated, copies))
        if args.corpus:
            incremental.append(measure_real_corpus(args.corpus, args.added))
        if args.incremental:
            with tempfile.TemporaryDirectory() as folder:
                incremental += measure_incremental("embedded", EmbeddedStore(Path(folder), create=True), batch, args.incremental)
            if args.neo4j:
                from paperkg.store.neo4j_store import Neo4jStore

                with Neo4jStore(args.neo4j, password=os.environ.get("KG_TEST_NEO4J_PASSWORD")) as store:
                    store.delete_all()
                    incremental += measure_incremental("neo4j", store, batch, args.incremental)
    finally:
        if server:
            server.stop()
    from rich.table import Table

    table = Table(title="inferred citation refresh (best of 3)")
    for column in rows[0]:
        table.add_column(column, justify="right")
    for row in rows:
        table.add_row(*(str(v) for v in row.values()))
    data: dict = {"rows": rows}
    if incremental:
        second = Table(title="refresh after adding papers to a large graph (best of 3)")
        for column in incremental[0]:
            second.add_column(column, justify="right")
        for row in incremental:
            second.add_row(*(str(v) for v in row.values()))
        from rich.console import Console

        Console().print(second)
        data["incremental"] = incremental
    return report(table, data, args.json)


def report_jobs(rows: list[dict], json_path: Path | None) -> int:
    from rich.table import Table

    table = Table(title="full inferred-citation refresh, jobs=1 against jobs=2 (best of the alternating runs)")
    shown = ["copies", "papers", "inferred_edges", "digest", "jobs1_s", "jobs2_s", "jobs1_vs_jobs2", "two_process_ceiling"]
    for column in shown:
        table.add_column(column, justify="right")
    for row in rows:
        table.add_row(*(str(row[c]) for c in shown))
    return report(table, {"jobs_ab": rows, "cores": len(os.sched_getaffinity(0))}, json_path)


if __name__ == "__main__":
    raise SystemExit(main())
