"""The peak memory of a first build's pack (VACUUM) alone, on a copy of a store: as a build leaves the
connection (the write page cache filled by reading every table) and then packed either as before
(the temporary copy in memory, the write cache kept) or as ``SQLiteStore._pack`` packs now (through a
temporary file, the cache released first). Each pack runs in a process of its own under
``/usr/bin/time``, whose maximum resident set size is the figure.

    python bench/pack_memory.py --store STORE/graph.sqlite [--work DIR] [--json out.json]

The copy needs the store's size free in ``--work`` (and as much again for the write-ahead log and,
packing through a file, in SQLite's temporary folder).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reporting import report_json  # noqa: E402

# Run in the measured process: argv = (store file, "memory" | "file").
_PACK = """
import sqlite3, sys, time
from paperkg.store.sqlite_store import PACK_CACHE_KB, READ_CACHE_KB, WRITE_CACHE_KB
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
for pragma in ("journal_mode = WAL", "synchronous = NORMAL", f"cache_size = -{READ_CACHE_KB}",
               "mmap_size = 268435456", "temp_store = MEMORY", f"cache_size = -{WRITE_CACHE_KB}"):
    conn.execute("PRAGMA " + pragma)
conn.execute("BEGIN")
for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' "
                             "AND sql NOT LIKE '%VIRTUAL%'").fetchall():
    columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]
    lengths = "+".join(f'coalesce(length("{c}"), 0)' for c in columns)
    conn.execute(f'SELECT sum({lengths}) FROM "{table}"').fetchone()  # the pages in the cache, as after a build
conn.execute("COMMIT")
started = time.monotonic()
if sys.argv[2] == "file":  # as SQLiteStore._pack
    conn.execute(f"PRAGMA cache_size = -{PACK_CACHE_KB}")
    conn.execute("PRAGMA shrink_memory")
    conn.execute("PRAGMA temp_store = FILE")
conn.execute("VACUUM")
print(round(time.monotonic() - started, 1))
"""


def pack_once(store: Path, work: Path, mode: str) -> dict:
    copy = work / "graph.sqlite"
    shutil.copyfile(store, copy)
    try:
        args = ["/usr/bin/time", "-f", "%M %e", sys.executable, "-c", _PACK, str(copy), mode]
        done = subprocess.run(args, capture_output=True, text=True, check=True)
        peak_kb, wall = done.stderr.split()[-2:]
        return {"mode": mode, "max_rss_kb": int(peak_kb), "wall_s": float(wall), "vacuum_s": float(done.stdout),
                "bytes_after": copy.stat().st_size}
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{copy}{suffix}").unlink(missing_ok=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True, help="an embedded store's file (graph.sqlite)")
    parser.add_argument("--work", type=Path, help="folder for the copy (default: a temporary one)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kg-pack-", dir=args.work) as tmp:
        runs = [pack_once(args.store, Path(tmp), mode) for mode in ("memory", "file")]
    result = {"store": str(args.store), "store_bytes": args.store.stat().st_size, "load": os.getloadavg(),
              "date": time.strftime("%Y-%m-%d"), "runs": runs}
    return report_json(result, args.json)


if __name__ == "__main__":
    sys.exit(main())
