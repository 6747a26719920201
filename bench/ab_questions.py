"""Two checkouts' question commands on their stores, run interleaved (old, new, old, new, ... for
each question), process start to exit: the figures of a machine whose speed drifts between minutes.

    python bench/ab_questions.py --old-python OLD/.venv/bin/python --old-store OLD_STORE
                                 --new-python NEW/.venv/bin/python --new-store NEW_STORE
                                 [--runs 15] [--json out.json] [--picked JSON]

The questions are bench_scale.py's (tables, as a user asks them) and `kg --help` (Python and click
alone). Per command and side: the best and the median wall time and the best CPU time (user +
system of the process, which other work on the machine disturbs less), and new / old of each. Each
side's answer is kept once, to check that the two sides print the same.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from bench_scale import questions  # noqa: E402
from reporting import PICKED, add_ab_sides, report, use_cached_bytecode  # noqa: E402


def run_once(python: str, args: list[str], cwd: Path) -> tuple[float, float, str]:
    """(wall s, CPU s, stdout) of one command, process start to exit."""
    before = os.times()
    started = time.perf_counter()
    done = subprocess.run([python, "-m", "paperkg", *args], cwd=cwd, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return wall, cpu, done.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_ab_sides(parser)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--picked", default=PICKED, help="JSON: the dataset, model and paper to ask about")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    sides = {"old": (args.old_python, args.old_store), "new": (args.new_python, args.new_store)}
    asked = {"--help": ["--help"], **questions(json.loads(args.picked))}
    result: dict = {"runs": args.runs, "sides": {side: [python, str(store)] for side, (python, store) in sides.items()},
                    "questions": {}}
    with tempfile.TemporaryDirectory(prefix="kg-abq-") as tmp:
        work = Path(tmp)
        use_cached_bytecode(work / "pycache")
        for name, words in asked.items():
            timed: dict[str, list[tuple[float, float]]] = {"old": [], "new": []}
            printed = {}
            for _ in range(args.runs + 1):  # the first round compiles and warms the page cache: not counted
                for side, (python, store) in sides.items():
                    wall, cpu, out = run_once(python, words if name == "--help" else [*words, "--db", str(store)], work)
                    timed[side].append((wall, cpu))
                    printed[side] = out
            figures = {}
            for side, runs in timed.items():
                walls, cpus = [w for w, _ in runs[1:]], [c for _, c in runs[1:]]
                figures[side] = {"best_wall_s": round(min(walls), 4), "median_wall_s": round(statistics.median(walls), 4),
                                 "best_cpu_s": round(min(cpus), 4)}
            figures["same_output"] = printed["old"] == printed["new"]
            result["questions"][name] = figures
            print(name, figures, file=sys.stderr, flush=True)

    from rich.table import Table

    table = Table(title=f"old against new, interleaved ({args.runs} runs each)")
    for column in ("command", "old: best / median wall, best CPU s", "new: best / median wall, best CPU s",
                   "new / old (best wall, median wall, CPU)", "same output"):
        table.add_column(column, justify="left" if column == "command" else "right")
    for name, figures in result["questions"].items():
        old, new = figures["old"], figures["new"]
        ratios = [new[key] / max(old[key], 1e-9) for key in ("best_wall_s", "median_wall_s", "best_cpu_s")]
        table.add_row(f"kg {name}", f"{old['best_wall_s']:.3f} / {old['median_wall_s']:.3f}, {old['best_cpu_s']:.3f}",
                      f"{new['best_wall_s']:.3f} / {new['median_wall_s']:.3f}, {new['best_cpu_s']:.3f}",
                      ", ".join(f"{ratio:.2f}x" for ratio in ratios), str(figures["same_output"]))
    return report(table, result, args.json, width=200)


if __name__ == "__main__":
    sys.exit(main())
