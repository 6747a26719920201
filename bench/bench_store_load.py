"""Load benchmark: the bundled corpus, replicated to >= N relationships, into Neo4j and the embedded store.

Both loads run in the same process on the same machine, so the ratio between them is the figure
to compare across runs (machines here are shared and noisy). For the embedded SQLite store it also
measures the idempotent re-load (every row unchanged), the file size, how long opening the file
takes, and a few indexed reads on the loaded graph (a key lookup, an entity's papers, counts).

    python bench/bench_store_load.py [--target-rels 50000] [--neo4j bolt://...] [--embedded-only] [--json out.json]

Without --neo4j (or KG_TEST_NEO4J_URI) a Neo4j 5.26 is started with tools/neo4j/neo4j_server.py.
"""

from __future__ import annotations

import argparse
import math
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from reporting import report  # noqa: E402

from paperkg.graph import assemble  # noqa: E402
from paperkg.identity import merge_records  # noqa: E402
from paperkg.model import Edge, GraphBatch, Node  # noqa: E402
from paperkg.sources import read_bundled_samples  # noqa: E402
from paperkg.store.embedded import EmbeddedStore  # noqa: E402


def corpus_batch() -> GraphBatch:
    """The bundled corpus as the build writes it (read, merged, extracted, assembled)."""
    from paperkg.extractors.pipeline import extract_papers

    papers = merge_records(read_bundled_samples().papers)
    extractions = {x.paper_key: x for x in extract_papers(papers)}
    return assemble(papers, extractions)


def replicate(batch: GraphBatch, target_rels: int) -> GraphBatch:
    """Copies of the batch with distinct keys (``key~N``) until it has >= target_rels edges."""
    copies = max(1, math.ceil(target_rels / max(1, len(batch.edges))))
    nodes: list[Node] = []
    edges: list[Edge] = []
    for n in range(copies):
        suffix = "" if n == 0 else f"~{n}"
        nodes += [Node(node.label, node.key + suffix, node.props) for node in batch.nodes]
        edges += [Edge(e.type, e.source + suffix, e.target + suffix, e.props) for e in batch.edges]
    return GraphBatch(tuple(nodes), tuple(edges))


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def bench_embedded(batch: GraphBatch) -> dict:
    from paperkg.catalog import run_query

    with tempfile.TemporaryDirectory() as folder:
        store = EmbeddedStore(Path(folder), create=True)
        store.lock()
        nodes_s = timed(lambda: store.upsert(GraphBatch(batch.nodes, ())))
        edges_s = timed(lambda: store.upsert(GraphBatch((), batch.edges)))
        commit_s = timed(store.commit)
        store.lock()
        reload_s = timed(lambda: store.upsert(batch))
        store.commit()
        store.close()
        size = store.path.stat().st_size
        opened: list[EmbeddedStore] = []
        open_s = min(timed(lambda: opened.append(EmbeddedStore(Path(folder)))) for _ in range(3))
        reader = opened[-1]
        assert reader.counts().relationships == len(batch.edges)
        reads = {
            "node_by_key_ms": 1000 * min(timed(lambda: reader.nodes("Model", ["model:roberta"])) for _ in range(5)),
            "entity_papers_ms": 1000 * min(
                timed(lambda: run_query(reader, "papers_by_entity", {"keys": ["model:bert"], "roles": [], "limit": 20}))
                for _ in range(5)
            ),
            "counts_ms": 1000 * min(timed(reader.counts) for _ in range(5)),
        }
        for each in opened:
            each.close()
    total = nodes_s + edges_s + commit_s
    return {
        "store": "embedded",
        "nodes_s": nodes_s,
        "edges_s": edges_s,
        "commit_s": commit_s,
        "total_s": total,
        "rels_per_s": len(batch.edges) / total,
        "file_mb": size / 1e6,
        "open_s": open_s,
        "reload_s": reload_s,
        **reads,
    }


def bench_neo4j(batch: GraphBatch, uri: str, password: str | None, batch_size: int) -> dict:
    from paperkg.store.neo4j_store import Neo4jStore

    with Neo4jStore(uri, password=password, batch_size=batch_size, check_schema=False) as store:
        store.delete_all()
        schema_s = timed(store.ensure_schema)
        # Warm-up: the whole load once, then deleted, so the JVM's JIT and Cypher's plan cache
        # are warm for the measured load, as on a long-running server. The cold figure is kept.
        cold_edges_s = timed(lambda: (store.upsert(GraphBatch(batch.nodes, ())), store.upsert(GraphBatch((), batch.edges))))
        store.delete_all()
        store.ensure_schema()
        nodes_s = timed(lambda: store.upsert(GraphBatch(batch.nodes, ())))
        edges_s = timed(lambda: store.upsert(GraphBatch((), batch.edges)))
        assert store.counts().relationships == len(batch.edges)
        again_s = timed(lambda: store.upsert(batch))  # idempotent re-load: every MERGE matches
        assert store.counts().relationships == len(batch.edges)
        store.delete_all()
    total = nodes_s + edges_s
    return {
        "store": "neo4j",
        "schema_s": schema_s,
        "nodes_s": nodes_s,
        "edges_s": edges_s,
        "total_s": total,
        "rels_per_s": len(batch.edges) / edges_s,
        "rels_per_s_total": len(batch.edges) / total,
        "reload_s": again_s,
        "cold_load_s": cold_edges_s,
        "cold_rels_per_s_total": len(batch.edges) / cold_edges_s,
        "batch_size": batch_size,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target-rels", type=int, default=50_000)
    parser.add_argument("--neo4j", default=os.environ.get("KG_TEST_NEO4J_URI"))
    parser.add_argument("--batch-size", type=int, default=10_000)
    parser.add_argument("--embedded-only", action="store_true", help="skip Neo4j")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()

    base = corpus_batch()
    batch = replicate(base, args.target_rels)
    server = None
    uri, password = args.neo4j, os.environ.get("KG_TEST_NEO4J_PASSWORD")
    if args.embedded_only:
        return report_embedded_only(batch, base, bench_embedded(batch), args.json)
    if not uri:
        sys.path.insert(0, str(ROOT / "tools" / "neo4j"))
        import neo4j_server

        server = neo4j_server.start()
        uri = server.uri
    try:
        embedded = bench_embedded(batch)
        neo4j = bench_neo4j(batch, uri, password, args.batch_size)
    finally:
        if server:
            server.stop()
    result = {
        "corpus": {
            "nodes": len(batch.nodes),
            "relationships": len(batch.edges),
            "copies": len(batch.edges) // max(1, len(base.edges)),
        },
        "embedded": embedded,
        "neo4j": neo4j,
        "neo4j_vs_embedded_rels_per_s": neo4j["rels_per_s_total"] / embedded["rels_per_s"],
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    from rich.table import Table

    table = Table(title=f"load of {len(batch.nodes):,} nodes, {len(batch.edges):,} relationships", width=140)
    for column in ("store", "nodes s", "edges s", "total s", "rels/s (edges)", "rels/s (total)", "other"):
        table.add_column(column)
    table.add_row(
        "neo4j",
        f"{neo4j['nodes_s']:.2f}",
        f"{neo4j['edges_s']:.2f}",
        f"{neo4j['total_s']:.2f}",
        f"{neo4j['rels_per_s']:,.0f}",
        f"{neo4j['rels_per_s_total']:,.0f}",
        f"cold {neo4j['cold_rels_per_s_total']:,.0f}/s, re-load {neo4j['reload_s']:.2f} s, batch {neo4j['batch_size']}",
    )
    table.add_row(
        "embedded",
        f"{embedded['nodes_s']:.2f}",
        f"{embedded['edges_s']:.2f}",
        f"{embedded['total_s']:.2f}",
        "",
        f"{embedded['rels_per_s']:,.0f}",
        f"commit {embedded['commit_s']:.2f} s, re-load {embedded['reload_s']:.2f} s, {embedded['file_mb']:.1f} MB, "
        f"open {embedded['open_s'] * 1000:.1f} ms",
    )
    print(f"neo4j / embedded throughput ratio: {result['neo4j_vs_embedded_rels_per_s']:.2f}")
    return report(table, result, args.json, width=160)


def report_embedded_only(batch: GraphBatch, base: GraphBatch, embedded: dict, json_path: Path | None) -> int:
    from rich.table import Table

    result = {
        "corpus": {"nodes": len(batch.nodes), "relationships": len(batch.edges),
                   "copies": len(batch.edges) // max(1, len(base.edges))},
        "embedded": embedded,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    table = Table(title=f"embedded load of {len(batch.nodes):,} nodes, {len(batch.edges):,} relationships")
    for column in ("nodes s", "edges s", "commit s", "rels/s", "re-load s", "MB", "open ms", "key ms", "papers ms", "counts ms"):
        table.add_column(column, justify="right")
    e = embedded
    table.add_row(f"{e['nodes_s']:.2f}", f"{e['edges_s']:.2f}", f"{e['commit_s']:.2f}", f"{e['rels_per_s']:,.0f}",
                  f"{e['reload_s']:.2f}", f"{e['file_mb']:.1f}", f"{e['open_s'] * 1000:.1f}", f"{e['node_by_key_ms']:.2f}",
                  f"{e['entity_papers_ms']:.2f}", f"{e['counts_ms']:.2f}")
    return report(table, result, json_path)


if __name__ == "__main__":
    sys.exit(main())
