"""Old against new code building the same papers, run alternately (old, new, old, new, ...), so
that a machine shared with other work disturbs both alike: wall time, the building process's own
CPU time, and the CPU time of all the build's processes (the extraction workers included).

    python bench/ab_builds.py --old-python OLD/.venv/bin/python --new-python NEW/.venv/bin/python
                              --papers FOLDER [--onto-old STORE --onto-new STORE] [--rounds 2]
                              [--jobs 2] [--keep DIR] [--json out.json]

Each run builds into a fresh store folder (or, with ``--onto-*``, into a copy of that side's store:
an incremental build). CPU times are read from /proc every 0.25 s (a process's last quarter second
may be missed). ``--keep DIR`` keeps each side's last store (DIR/old, DIR/new), to add papers onto or
to compare with ``bench/store_digest.py``. The build's summary lines are kept to show both sides
made the same graph.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from processes import process_tree, run_sampled  # noqa: E402
from reporting import report_json  # noqa: E402


def build_once(python: str, papers: Path, store: Path, jobs: int) -> dict:
    """One `kg build` (niced like the builds it compares): wall, own CPU of the building process, all CPU."""
    args = ["nice", "-n", "5", python, "-m", "paperkg", "build", str(papers), "--db", str(store), "--jobs", str(jobs), "-q"]
    seen: dict[int, float] = {}
    roots: set[int] = set()

    def sample(root: int) -> None:
        roots.add(root)
        for pid, (_, cpu, _) in process_tree(root).items():
            seen[pid] = max(seen.get(pid, 0.0), cpu)

    out, _, wall = run_sampled(args, sample, interval=0.25)
    # ``nice`` execs the build, so the process started is the building process itself.
    return {"wall_s": round(wall, 1), "main_cpu_s": round(sum(seen.get(pid, 0.0) for pid in roots), 1),
            "cpu_s": round(sum(seen.values()), 1),
            "summary": [line.replace(str(store), "STORE") for line in out.splitlines()
                        if "inferred citations" in line or line.startswith("graph")]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old-python", required=True)
    parser.add_argument("--new-python", required=True)
    parser.add_argument("--papers", type=Path, required=True, help="a folder of papers (bench_scale's write_corpus)")
    parser.add_argument("--onto-old", type=Path, help="the old side's store folder to build onto (copied each run)")
    parser.add_argument("--onto-new", type=Path, help="the new side's store folder to build onto (copied each run)")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="keep each side's last store in DIR/old and DIR/new")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    sides = {"old": (args.old_python, args.onto_old), "new": (args.new_python, args.onto_new)}
    runs: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="kg-ab-builds-", dir=args.keep) as tmp:
        for round_ in range(1, args.rounds + 1):
            for side, (python, onto) in sides.items():
                store = Path(tmp) / side
                shutil.rmtree(store, ignore_errors=True)
                if onto is not None:
                    shutil.copytree(onto, store)
                run = {"round": round_, "side": side, **build_once(python, args.papers, store, args.jobs)}
                runs.append(run)
                print(json.dumps({k: v for k, v in run.items() if k != "summary"}), file=sys.stderr, flush=True)
        if args.keep:
            for side in sides:
                shutil.rmtree(args.keep / side, ignore_errors=True)
                shutil.move(Path(tmp) / side, args.keep / side)
    ratios = []
    for round_ in range(1, args.rounds + 1):
        old, new = (next(r for r in runs if r["round"] == round_ and r["side"] == side) for side in ("old", "new"))
        ratios.append({"round": round_, **{f: round(new[f] / max(old[f], 1e-9), 3) for f in ("wall_s", "main_cpu_s", "cpu_s")}})
    result = {"papers": str(args.papers), "onto": bool(args.onto_old), "runs": runs, "new_over_old": ratios,
              "same_summary": len({tuple(r["summary"]) for r in runs}) == 1}
    return report_json(result, args.json)


if __name__ == "__main__":
    sys.exit(main())
