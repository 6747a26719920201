"""A digest of everything an embedded store holds, section by section, to show that two builds of
the same papers (old and new code, or other orders of work) made the same graph.

    python bench/store_digest.py --db STORE [--db STORE ...] [--json out.json]

Each section is a multiset hash of its rows with node ids replaced by node keys, so that two stores
whose nodes were numbered otherwise still compare equal where their contents are the same: the
nodes' stored columns (key, label, props, compressed abstract), the edges' (type, source key,
target key, props and every property column), authorship, counts, names, paper_ids,
introduced_names, cooccurrence, rules and meta, and both full-text indexes through fts5vocab
(every token with its paper, column and offset; every title trigram with its papers). The
``node_ids`` and ``edge_ids`` sections say whether the ids themselves are the same too. Prints one
line per section and store, and whether all stores agree.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sqlite3
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

_MODULUS = 1 << 128


def _multiset(rows: Iterable[tuple[Any, ...]]) -> tuple[int, str]:
    """(rows, hash of the rows taken as a multiset: the sum of their hashes)."""
    total = count = 0
    for row in rows:
        total += int.from_bytes(hashlib.blake2b(repr(row).encode(), digest_size=16).digest(), "big")
        count += 1
    return count, f"{total % _MODULUS:032x}"


def digest(path: Path) -> dict[str, tuple[int, str]]:
    """Every section's (rows, hash) for the store file ``path`` (opened read-only)."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    keys = dict(conn.execute("SELECT id, key FROM nodes"))
    key: Callable[[int], str] = keys.__getitem__
    conn.execute("CREATE VIRTUAL TABLE temp.text_vocab USING fts5vocab(main, paper_text, instance)")
    conn.execute("CREATE VIRTUAL TABLE temp.title_vocab USING fts5vocab(main, paper_titles, instance)")
    edge_columns = [row[1] for row in conn.execute("PRAGMA table_xinfo(edges)") if row[1] not in ("id", "source", "target")]
    sections: dict[str, Iterable[tuple[Any, ...]]] = {
        "nodes": conn.execute("SELECT key, label, props, abstract_z, abstract_size FROM nodes"),
        "node_ids": conn.execute("SELECT id, key FROM nodes"),
        "edges": ((key(s), key(t), *rest) for s, t, *rest in
                  conn.execute(f"SELECT source, target, {', '.join(edge_columns)} FROM edges")),
        "edge_ids": ((i, key(s), key(t), ty) for i, s, t, ty in conn.execute("SELECT id, source, target, type_id FROM edges")),
        "authorship": ((key(a), key(p)) for a, p in conn.execute("SELECT author, paper FROM authorship")),
        "counts": conn.execute("SELECT kind, name, n FROM counts WHERE n <> 0"),
        "names": ((norm, key(node)) for norm, node in conn.execute("SELECT norm, node FROM names")),
        "paper_ids": ((i, key(node)) for i, node in conn.execute("SELECT id, node FROM paper_ids")),
        "introduced_names": ((f, w, n, key(e)) for f, w, n, e in
                             conn.execute("SELECT first, width, norm, entity FROM introduced_names")),
        "cooccurrence": ((key(e), r, key(o), ok, p) for e, r, o, ok, p in
                         conn.execute("SELECT entity, rank, other, other_key, papers FROM cooccurrence")),
        "rules": conn.execute("SELECT id, name FROM rules"),
        "meta": conn.execute("SELECT name, value FROM meta"),
        "paper_text": ((term, key(doc), col, offset) for term, doc, col, offset in
                       conn.execute("SELECT term, doc, col, offset FROM temp.text_vocab")),
        "paper_titles": ((term, key(doc)) for term, doc in conn.execute("SELECT term, doc FROM temp.title_vocab")),
    }
    found = {name: _multiset(rows) for name, rows in sections.items()}
    found["inferred_citations"] = (conn.execute(
        "SELECT count(*) FROM edges WHERE type = 'CITES' AND json_extract(props, '$.inferred')").fetchone()[0], "")
    conn.close()
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, action="append", required=True, help="a store file (graph.sqlite)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    digests = {str(db): digest(db) for db in args.db}
    for db, sections in digests.items():
        for name, (rows, value) in sections.items():
            print(f"{name:18} {rows:>12,} {value}  {db}")
    same = len({json.dumps(sections, sort_keys=True) for sections in digests.values()}) == 1
    print("same contents" if same else "DIFFERENT contents", f"({len(digests)} stores)")
    if args.json:
        args.json.write_text(json.dumps({"stores": digests, "same": same}, indent=2))
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
