"""Which indexes the embedded store's catalog queries use: every statement each query runs, with
SQLite's query plan, on the bundled corpus's graph (or on a given store).

    python bench/query_plans.py [--db .kg] [--scans]

Lists, per index of the file, the queries whose plans use it (an index no plan uses only costs
space and write time), and with --scans the statements that read a whole table.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from bench_queries import parameter_sets  # noqa: E402
from bench_store_load import corpus_batch  # noqa: E402

from paperkg.catalog import run_query  # noqa: E402
from paperkg.store.embedded import EmbeddedStore  # noqa: E402

_INDEX = re.compile(r"(?:USING (?:COVERING )?INDEX|USING INTEGER PRIMARY KEY|USING PRIMARY KEY) ?(\w*)")


def plans(store: EmbeddedStore, params: dict[str, dict]) -> dict[str, list[tuple[str, list[str]]]]:
    """For each query, (statement, plan lines) of every read statement it ran."""
    ran: list[str] = []
    store.conn.set_trace_callback(ran.append)
    found: dict[str, list[tuple[str, list[str]]]] = {}
    for name, values in params.items():
        ran.clear()
        run_query(store, name, values)
        statements = [s for s in ran if s.lstrip().upper().startswith(("SELECT", "WITH"))]
        store.conn.set_trace_callback(None)
        found[name] = [(s, [row[3] for row in store.conn.execute("EXPLAIN QUERY PLAN " + s)]) for s in statements]
        store.conn.set_trace_callback(ran.append)
    store.conn.set_trace_callback(None)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="an existing store (default: the bundled corpus, built here)")
    parser.add_argument("--scans", action="store_true", help="also print statements that scan a table")
    args = parser.parse_args()
    batch = corpus_batch()
    params = parameter_sets(batch)
    with tempfile.TemporaryDirectory() as folder:
        db = args.db or Path(folder)
        if args.db is None:
            with EmbeddedStore(db, create=True) as store:
                store.upsert(batch)
                store.commit()
        with EmbeddedStore(db) as store:
            found = plans(store, params)
            indexes = [name for (name,) in store.conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex%'")]
    used: dict[str, set[str]] = {index: set() for index in indexes}
    for query, statements in found.items():
        for _, lines in statements:
            for line in lines:
                for index in _INDEX.findall(line):
                    used.setdefault(index or "(rowid)", set()).add(query)
    for index, queries in sorted(used.items()):
        print(f"{index}: {', '.join(sorted(queries)) or 'NO QUERY'}")
    if args.scans:
        for query, statements in found.items():
            for statement, lines in statements:
                scans = [line for line in lines if line.startswith("SCAN") and "VIRTUAL TABLE" not in line
                         and not re.match(r"SCAN (json_each|j|w|chosen|CONSTANT ROW)", line)]
                if scans:
                    print(f"\n{query}: {'; '.join(scans)}\n  {statement[:300]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
