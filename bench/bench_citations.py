"""Inferred-citation refresh cost: every build recomputes the inferred citations over the whole
graph (a new paper can cite old ones and be cited by them), so its cost grows with the corpus.

For the bundled corpus replicated 1x, 10x (distinct keys), on the embedded store (and on Neo4j
with --neo4j URI, or --neo4j start to start a Neo4j 5.26 here): the time to refresh, against the
time to only read every paper's text from the store (the baseline, in the same run), and the
number of edges the refresh wrote.

    python bench/bench_citations.py [--copies 1,10] [--neo4j start|bolt://...] [--json out.json]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_store_load import corpus_batch, replicate  # noqa: E402
from reporting import report  # noqa: E402

from kg.citations import refresh_inferred_citations  # noqa: E402
from kg.store.embedded import EmbeddedStore  # noqa: E402


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", default="1,10")
    parser.add_argument("--neo4j", help="a Bolt URI, or 'start' to start a Neo4j 5.26 for the run")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    batch = corpus_batch()
    rows = []
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
                from kg.store.neo4j_store import Neo4jStore

                with Neo4jStore(args.neo4j, password=os.environ.get("KG_TEST_NEO4J_PASSWORD")) as store:
                    store.delete_all()
                    rows.append(measure("neo4j", store, replicated, copies))
    finally:
        if server:
            server.stop()
    from rich.table import Table

    table = Table(title="inferred citation refresh (best of 3)")
    for column in rows[0]:
        table.add_column(column, justify="right")
    for row in rows:
        table.add_row(*(str(v) for v in row.values()))
    return report(table, {"rows": rows}, args.json)


if __name__ == "__main__":
    raise SystemExit(main())
