"""Catalog query latency (p50/p95) on both stores at the bundled corpus and synthetic 10x and 100x.

    python bench/bench_queries.py [--sizes 1,10,100] [--runs 30] [--embedded-only] [--json out.json]

The larger graphs are copies of the bundled corpus's graph with distinct keys (bench_store_load's
replicate), so every query finds the same shape of data at every size. Both stores are measured
in the same run; growth is reported as the ratio of each size's p95 to the 1x p95.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_store_load import corpus_batch, replicate  # noqa: E402
from reporting import report  # noqa: E402

from paperkg.catalog import load_catalog, run_query  # noqa: E402
from paperkg.store.embedded import EmbeddedStore  # noqa: E402

LOOKUPS = {"entities_by_key", "entities_by_name", "paper_details", "papers_by_repo", "entity_variants"}


def parameter_sets(batch) -> dict[str, dict]:
    """One parameter set per query, from keys present in every copy (copy 0 keeps the originals)."""
    papers = {n.props["title"]: n.key for n in batch.nodes if n.label == "Paper"}
    roberta = papers["RoBERTa: A Robustly Optimized BERT Pretraining Approach"]
    survey = papers["A Survey on Mixture of Experts"]
    return {
        "papers_by_title": {"words": ["mixture", "experts"], "limit": 100},
        "papers_per_source": {},
        "repos_by_kind": {},
        "entities_by_key": {"keys": ["model:roberta", "method:mixture-of-experts"]},
        "entities_by_name": {"norm": "moe"},
        "entity_names": {"type": "dataset"},
        "papers_by_entity": {"keys": ["model:roberta"], "roles": [], "limit": 100},
        "papers_by_repo": {"key": "repo:github.com/withinmiaov/a-survey-on-mixture-of-experts"},
        "entity_variants": {"key": "model:qwen2.5"},
        "entity_papers_by_role": {"key": "model:roberta"},
        "cooccurring_entities": {"key": "model:roberta", "limit": 10},
        "top_entities": {"type": "model", "limit": 20},
        "paper_details": {"key": roberta},
        "papers_by_id": {"id": "10.5555/none"},
        "related_papers": {"key": roberta, "limit": 20},
        "shortest_path": {"source": roberta, "target": survey},
        "node_neighbourhood": {"key": roberta, "depth": 1, "limit": 100},
        "top_nodes": {"labels": ["Paper", "Model"], "rel_types": ["USES", "INTRODUCES"], "min_degree": 2, "limit": 50},
        "nodes_by_keys": {"keys": [roberta, survey, "model:roberta"]},
        "edges_among": {"keys": [roberta, survey, "model:roberta", "model:bert", "dataset:glue"]},
        "cited_by": {"key": roberta, "limit": 50},
        "cites": {"key": roberta, "limit": 50},
        "top_cited_papers": {"limit": 10},
        "citation_path": {"source": roberta, "target": survey},
        "papers_by_author": {"words": ["vinyals"], "limit": 10},
        "co_use": {"keys": ["model:bert", "model:roberta", "dataset:glue", "dataset:squad"], "min_papers": 1},
        "related_among": {"keys": [roberta, survey]},
        "node_weights": {"keys": [roberta, "model:roberta", "dataset:glue"]},
        "top_papers_of_entities": {"keys": ["model:roberta", "dataset:glue"], "by_role": True, "per_group": 3},
        "top_authors": {"limit": 10},
        "results_on_datasets": {"keys": ["dataset:mmlu"], "metric": "", "limit": 100},
        "paper_results": {"key": roberta},
        "entity_months": {"keys": ["dataset:mmlu", "model:gpt-4"]},
        "papers_per_month": {},
        "type_months": {"type": "dataset", "since": "", "min_papers": 1},
    }


def latencies(store, params: dict[str, dict], runs: int) -> dict[str, dict[str, float]]:
    result = {}
    for name, values in params.items():
        for _ in range(3):
            run_query(store, name, values)
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            run_query(store, name, values)
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        result[name] = {"p50_ms": statistics.median(times), "p95_ms": times[max(0, int(round(0.95 * len(times))) - 1)]}
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,10,100")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--neo4j", default=os.environ.get("KG_TEST_NEO4J_URI"))
    parser.add_argument("--embedded-only", action="store_true", help="skip Neo4j")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    base = corpus_batch()
    params = parameter_sets(base)
    assert set(params) == set(load_catalog()), "every catalog query needs a parameter set here"
    server = None
    uri = args.neo4j
    stores = ("embedded",) if args.embedded_only else ("embedded", "neo4j")
    if not uri and not args.embedded_only:
        sys.path.insert(0, str(ROOT / "tools" / "neo4j"))
        import neo4j_server

        server = neo4j_server.start()
        uri = server.uri
    from paperkg.store.neo4j_store import Neo4jStore

    results: dict[str, dict] = {}
    try:
        for size in sizes:
            batch = replicate(base, len(base.edges) * size)
            with tempfile.TemporaryDirectory() as folder:
                embedded = EmbeddedStore(Path(folder), create=True)
                embedded.upsert(batch)
                embedded.commit()
                results[f"embedded@{size}x"] = latencies(embedded, params, args.runs)
                embedded.close()
            if args.embedded_only:
                print(f"size {size}x done", file=sys.stderr, flush=True)
                continue
            with Neo4jStore(uri, password=os.environ.get("KG_TEST_NEO4J_PASSWORD"), check_schema=False) as neo4j:
                neo4j.delete_all()
                neo4j.upsert(batch)
                neo4j.run_cypher("CALL db.awaitIndexes(300)")
                results[f"neo4j@{size}x"] = latencies(neo4j, params, args.runs)
                results[f"neo4j@{size}x"]["_graph"] = {
                    "papers": sum(1 for n in batch.nodes if n.label == "Paper"),
                    "relationships": len(batch.edges),
                }
                neo4j.delete_all()
            print(f"size {size}x done", file=sys.stderr, flush=True)
    finally:
        if server:
            server.stop()

    from rich.table import Table

    table = Table(title="catalog query latency, p50 / p95 in ms (growth: p95 at largest size / p95 at 1x)")
    table.add_column("query")
    columns = [f"{store}@{size}x" for size in sizes for store in stores]
    for column in columns:
        table.add_column(column, justify="right")
    table.add_column("growth emb / neo4j", justify="right")
    for name in params:
        cells = [f"{results[c][name]['p50_ms']:.1f} / {results[c][name]['p95_ms']:.1f}" for c in columns]
        largest = sizes[-1]
        growth = [
            results[f"{s}@{largest}x"][name]["p95_ms"] / max(results[f"{s}@{sizes[0]}x"][name]["p95_ms"], 1e-6)
            for s in stores
        ]
        marker = " *" if name in LOOKUPS else ""
        table.add_row(name + marker, *cells, " / ".join(f"{g:.1f}x" for g in growth))
    print("* entity and paper lookups (target: p95 < 20 ms at 100x on both stores)")
    return report(table, results, args.json, width=200)


if __name__ == "__main__":
    sys.exit(main())
