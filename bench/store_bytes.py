"""Where an embedded store's bytes go: each table and index of the file (SQLite's dbstat), its
share, and its bytes per paper, so that a store built at two scales shows what grows with N.

    python bench/store_bytes.py --db STORE [--db STORE ...] [--json out.json]

Each --db is a store folder or .sqlite file (read only). Pages count whole (``pgsize``): a half
empty page costs as much as a full one, as on disk.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from reporting import report  # noqa: E402

from paperkg.store.sqlite_store import store_paths  # noqa: E402


def store_bytes(db: Path) -> dict:
    """Bytes of each table and index (by name) and the store's paper count."""
    path, _ = store_paths(db)
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        sizes = dict(conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name"))
        papers = conn.execute("SELECT n FROM counts WHERE kind = 'label' AND name = 'Paper'").fetchone()
        layout = conn.execute("SELECT value FROM meta WHERE name = 'layout_version'").fetchone()
    finally:
        conn.close()
    return {"db": str(path), "layout": layout[0] if layout else None, "papers": papers[0] if papers else 0,
            "bytes": sum(sizes.values()), "by_name": dict(sorted(sizes.items(), key=lambda kv: -kv[1]))}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, action="append", required=True, help="a store folder or .sqlite file")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    stores = [store_bytes(db) for db in args.db]

    from rich.table import Table

    table = Table(title="store bytes by table and index (MB, share, bytes per paper)")
    table.add_column("table or index")
    for store in stores:
        table.add_column(f"{store['papers']:,} papers, layout {store['layout']}", justify="right")
    names = list(dict.fromkeys(name for store in stores for name in store["by_name"]))
    for name in [*names, "total"]:
        cells = []
        for store in stores:
            size = store["bytes"] if name == "total" else store["by_name"].get(name, 0)
            cells.append(f"{size / 2**20:,.2f} ({100 * size / max(store['bytes'], 1):.1f}%, "
                         f"{size / max(store['papers'], 1):,.0f} B/paper)" if size else "-")
        table.add_row(name, *cells)
    return report(table, {"stores": stores}, args.json, width=200)


if __name__ == "__main__":
    sys.exit(main())
