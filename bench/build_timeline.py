"""One `kg -v build` watched as it runs: every few seconds the building process's CPU and resident
memory, its workers' (each process apart: the largest single process is what an RSS target limits),
and the store's log; each info line of the build's log stamped with the second it came at, so that
the phases (chunks, citation refresh, co-occurrences, ANALYZE, VACUUM) can be timed and the memory
of each told apart.

    python bench/build_timeline.py --python VENV/bin/python --papers FOLDER --db STORE [--jobs 2]
                                   [--interval 1] [--time-v] [--json out.json]

The store folder is emptied first (a fresh build). The build runs under ``nice -n 5`` like the
other build benchmarks; with ``--time-v``, under ``/usr/bin/time -v`` too (its report ends the log:
the exact peak of the largest process it waited for, which samples can miss).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from processes import process_tree, watched  # noqa: E402


def watch(args: list[str], store: Path, interval: float, *, wrapped: bool = False) -> dict:
    """Run ``args`` sampling its processes; the samples, the stamped log lines, wall and exit code.
    ``wrapped``: the process started runs the build as its one child (/usr/bin/time)."""
    start = time.perf_counter()
    samples: list[dict] = []
    log: list[tuple[float, str]] = []
    peak: dict[int, int] = {}
    cpu: dict[int, float] = {}
    building = [0]  # the building process: the one started, or its one child when wrapped

    def sample(pid: int) -> None:
        tree = process_tree(pid)
        building[0] = pid
        if wrapped:
            building[0] = next((child for child, (_, _, parent) in tree.items() if parent == pid), 0)
            tree.pop(pid, None)
        for each, (rss, seconds, _) in tree.items():
            peak[each] = max(peak.get(each, 0), rss)
            cpu[each] = max(cpu.get(each, 0.0), seconds)
        main = tree.get(building[0], (0, 0.0, 0))
        wal = store / "graph.sqlite-wal"
        samples.append({"t": round(time.perf_counter() - start, 1), "main_cpu": round(main[1], 1),
                        "all_cpu": round(sum(cpu.values()), 1), "main_rss_mb": main[0] >> 20,
                        "largest_rss_mb": max((r for r, _, _ in tree.values()), default=0) >> 20,
                        "all_rss_mb": sum(r for r, _, _ in tree.values()) >> 20,
                        "wal_mb": (wal.stat().st_size >> 20) if wal.exists() else 0})

    def stamp(line: str) -> None:
        log.append((round(time.perf_counter() - start, 1), line.rstrip()))

    rc, out, _, wall = watched(args, sample, interval=interval, on_line=stamp)
    return {"rc": rc, "wall_s": round(wall, 1), "main_cpu_s": round(cpu.get(building[0], 0.0), 1),
            "all_cpu_s": round(sum(cpu.values()), 1), "main_peak_rss_mb": peak.get(building[0], 0) >> 20,
            "largest_process_rss_mb": max(peak.values(), default=0) >> 20, "stdout": out.splitlines(),
            "log": log, "samples": samples}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", required=True, help="the Python of the venv whose kg is measured")
    parser.add_argument("--papers", type=Path, required=True)
    parser.add_argument("--db", type=Path, required=True, help="store folder (emptied first)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--interval", type=float, default=1.0)
    parser.add_argument("--time-v", action="store_true", help="run the build under /usr/bin/time -v")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    shutil.rmtree(args.db, ignore_errors=True)
    command = ["/usr/bin/time", "-v"] * args.time_v + [
        "nice", "-n", "5", args.python, "-m", "paperkg", "-v", "build", str(args.papers), "--db", str(args.db),
        "--jobs", str(args.jobs)]
    result = {"command": command, "load_before": os.getloadavg(), **watch(command, args.db, args.interval, wrapped=args.time_v),
              "load_after": os.getloadavg()}
    store = args.db / "graph.sqlite"
    result["store_bytes"] = store.stat().st_size if store.exists() else None
    print(json.dumps({k: v for k, v in result.items() if k not in ("samples", "log")}, indent=1))
    for stamp, line in result["log"]:
        if "INFO" in line or "WARNING" in line or line.startswith(("\tElapsed", "\tMaximum resident", "\tUser time",
                                                                     "\tSystem time", "\tPercent of CPU")):
            print(f"{stamp:8.1f} {line}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=1))
    return 0 if result["rc"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
