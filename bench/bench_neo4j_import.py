"""First load into Neo4j: the online writer (batched UNWIND ... MERGE over Bolt) against
`kg export --format neo4j-import` + neo4j-admin import + schema.cypher, on the same graph.

    python bench/bench_neo4j_import.py [--target-rels 2577,250000] [--json out.json]
    python bench/bench_neo4j_import.py --store BIG.sqlite [--work DIR] [--json out.json]

The graph is the bundled corpus as the build writes it, replicated with distinct keys to at
least each target's number of relationships (the first target 2,577 is the corpus once). Both
paths end with the same graph and the same constraints and indexes in a running Neo4j 5.26 (the
jars of tools/neo4j, the real DBMS and the real neo4j-admin, here without Docker):

- online: constraints, then `Neo4jStore.upsert` of nodes and relationships, into a running server;
- import: export of the files from an embedded store, `import.sh` (neo4j-admin database import
  full) into a stopped database, the server started, then schema.cypher (constraints, indexes,
  schema version; index population included). The server start is reported, not counted: the
  online path needs a running server too.

With --store, only the import path runs, from that embedded store (a million papers: the online
writer would take hours). Rates are relationships per second of the whole load. Both run in the same process, one after
the other, so their ratio is the figure to compare across (noisy, shared) machines.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tools" / "neo4j"))

import neo4j_server  # noqa: E402
from bench_store_load import corpus_batch, replicate  # noqa: E402
from reporting import report  # noqa: E402

from paperkg.export import export_graph  # noqa: E402
from paperkg.model import GraphBatch  # noqa: E402
from paperkg.store import StoreConfig, open_store  # noqa: E402
from paperkg.store.neo4j_store import Neo4jStore  # noqa: E402


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def run_schema(uri: str, folder: Path) -> None:
    import neo4j

    with neo4j.GraphDatabase.driver(uri) as driver:
        for statement in (folder / "schema.cypher").read_text().split(";\n"):
            statement = "\n".join(line for line in statement.splitlines() if not line.startswith("//")).strip()
            if statement:
                driver.execute_query(statement)


def online_load(batch: GraphBatch, uri: str) -> dict:
    with Neo4jStore(uri, check_schema=False) as store:
        store.delete_all()
        schema_s = timed(store.ensure_schema)
        nodes_s = timed(lambda: store.upsert(GraphBatch(batch.nodes, ())))
        edges_s = timed(lambda: store.upsert(GraphBatch((), batch.edges)))
        assert store.counts().relationships == len(batch.edges)
        store.delete_all()
    total = schema_s + nodes_s + edges_s
    return {"schema_s": schema_s, "nodes_s": nodes_s, "edges_s": edges_s, "total_s": total,
            "rels_per_s": len(batch.edges) / total, "edge_phase_rels_per_s": len(batch.edges) / edges_s}


def import_load(batch: GraphBatch, work: Path, lib: Path) -> dict:
    with open_store(StoreConfig(db=work / "embedded"), for_writing=True) as store:
        store.upsert(batch)
        store.commit()
    return import_store(work / "embedded", work, lib, len(batch.edges))


def import_store(db: Path, work: Path, lib: Path, relationships: int) -> dict:
    """Export the embedded store ``db`` for neo4j-admin, import it into a stopped database, start the
    server and run schema.cypher; the server's relationship count must be ``relationships``."""
    with open_store(StoreConfig(db=db)) as store:
        files = work / "neo4j-import"
        export_s = timed(lambda: export_graph(store, "neo4j-import", files))
    home = work / "home"
    (home / "conf").mkdir(parents=True)
    (home / "conf" / "neo4j.conf").write_text("")
    admin = work / "neo4j-admin"
    admin.write_text(f'#!/bin/sh\nexec java {" ".join(neo4j_server.JVM_FLAGS)} -cp "{lib}/*" org.neo4j.cli.AdminTool "$@"\n')
    admin.chmod(0o755)
    env = {**os.environ, "NEO4J_ADMIN": str(admin), "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")}
    start = time.perf_counter()
    done = subprocess.run(["bash", str(files / "import.sh")], capture_output=True, text=True, env=env, cwd=work)
    import_s = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(done.stdout[-3000:] + done.stderr[-3000:])
    start = time.perf_counter()
    server = neo4j_server.start(home=home)
    start_s = time.perf_counter() - start
    try:
        schema_s = timed(lambda: run_schema(server.uri, files))
        with Neo4jStore(server.uri) as store:
            counts = store.counts()
            assert counts.relationships == relationships, (counts.relationships, relationships)
    finally:
        server.stop()
    total = export_s + import_s + schema_s
    files_mb = sum(p.stat().st_size for p in files.iterdir()) / 2**20
    return {"export_s": export_s, "import_s": import_s, "schema_s": schema_s, "total_s": total, "server_start_s": start_s,
            "rels_per_s": relationships / total, "import_only_rels_per_s": relationships / import_s, "files_mb": files_mb,
            "nodes": counts.nodes, "relationships": relationships}


def big_store_load(db: Path, lib: Path, work: Path | None, json_path: Path | None) -> int:
    """The import path alone from an existing embedded store (a million papers: the online writer
    would take hours), with its figures as a table and JSON."""
    with open_store(StoreConfig(db=db)) as store:
        relationships = store.counts().relationships
    with tempfile.TemporaryDirectory(dir=work) as folder:
        imported = import_store(db, Path(folder), lib, relationships)
    from rich.table import Table

    table = Table(title=f"first load into Neo4j 5.26 from {db}: export + neo4j-admin import + schema.cypher")
    for column in ("graph", "export s", "neo4j-admin s", "schema s", "total s", "rels/s", "files MB", "server start s"):
        table.add_column(column, justify="right")
    i = imported
    table.add_row(f"{i['nodes']:,} nodes, {relationships:,} rels", f"{i['export_s']:.1f}", f"{i['import_s']:.1f}",
                  f"{i['schema_s']:.1f}", f"{i['total_s']:.1f}", f"{i['rels_per_s']:,.0f}", f"{i['files_mb']:,.0f}",
                  f"{i['server_start_s']:.1f}")
    return report(table, {"store": str(db), "import": imported}, json_path, width=220)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target-rels", default="2577,250000", help="comma-separated relationship counts")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--store", type=Path, help="an embedded store to load by the import path alone")
    parser.add_argument("--work", type=Path, help="folder for the CSV files and the database (default: the temp folder)")
    args = parser.parse_args()
    targets = [int(t) for t in args.target_rels.split(",")]
    lib = neo4j_server.fetch_jars()
    if args.store is not None:
        return big_store_load(args.store, lib, args.work, args.json)
    base = corpus_batch()
    server = neo4j_server.start()
    rows = []
    try:
        for target in targets:
            batch = replicate(base, target)
            online = online_load(batch, server.uri)
            with tempfile.TemporaryDirectory() as folder:
                imported = import_load(batch, Path(folder), lib)
            rows.append({"nodes": len(batch.nodes), "relationships": len(batch.edges), "online": online, "import": imported,
                         "import_vs_online": imported["rels_per_s"] / online["rels_per_s"]})
            print(f"{len(batch.edges):,} relationships done", file=sys.stderr, flush=True)
    finally:
        server.stop()

    from rich.table import Table

    table = Table(title="first load into Neo4j 5.26: online writer against neo4j-admin import (relationships/s, whole load)")
    for column in ("graph", "online s (schema+nodes+edges)", "online rels/s", "import s (export+import+schema)",
                   "import rels/s", "import / online", "import detail"):
        table.add_column(column, justify="right")
    for row in rows:
        o, i = row["online"], row["import"]
        table.add_row(
            f"{row['nodes']:,} nodes, {row['relationships']:,} rels",
            f"{o['total_s']:.1f} ({o['schema_s']:.1f}+{o['nodes_s']:.1f}+{o['edges_s']:.1f})",
            f"{o['rels_per_s']:,.0f}",
            f"{i['total_s']:.1f} ({i['export_s']:.1f}+{i['import_s']:.1f}+{i['schema_s']:.1f})",
            f"{i['rels_per_s']:,.0f}",
            f"{row['import_vs_online']:.2f}x",
            f"neo4j-admin alone {i['import_only_rels_per_s']:,.0f}/s; files {i['files_mb']:.1f} MB; "
            f"server start {i['server_start_s']:.1f} s",
        )
    result = {"runs": rows, "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    return report(table, result, args.json, width=220)


if __name__ == "__main__":
    sys.exit(main())
