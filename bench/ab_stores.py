"""Old against new code on copies of the same store, run alternately (old, new, old, new, ...), so
that a machine shared with other work disturbs both alike: adding papers to the store (an
incremental `kg build`, citation refresh included) and the questions of bench_scale.py.

    python bench/ab_stores.py --old-python OLD/.venv/bin/python --old-store OLD_STORE
                              --new-python NEW/.venv/bin/python --new-store NEW_STORE
                              --add FOLDER [--runs 3] [--questions] [--json out.json]

Each side's store is copied afresh before each add (its own layout: the new code's copy may be
an upgraded one, primed by one build first so that an upgrade or a first fill is not timed). Each
side's `python -m paperkg` is that checkout's. The add's last lines (inferred citations, graph
counts) are kept so that the two sides can be seen to give the same graph.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from bench_scale import best_of, questions, run_measured  # noqa: E402
from reporting import PICKED, add_ab_sides, report  # noqa: E402


def add_once(python: str, store: Path, add: Path, work: Path) -> dict:
    copy = work / "store"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(store, copy)
    measured = run_measured([python, "-m", "paperkg", "build", str(add), "--db", str(copy), "-q"], cwd=work)
    summary = [line for line in measured["stdout"].splitlines() if "inferred citations" in line or line.startswith("graph")]
    shutil.rmtree(copy, ignore_errors=True)
    return {"wall_s": round(measured["wall_s"], 2), "cpu_s": round(measured["cpu_s"], 2),
            "peak_rss_mb": round(measured["peak_rss_mb"], 1),
            "summary": [line.replace(str(copy), "STORE") for line in summary]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_ab_sides(parser)
    parser.add_argument("--add", type=Path, required=True, help="a folder of papers to add (bench_scale's write_corpus)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--questions", action="store_true", help="also time bench_scale's questions on each store")
    parser.add_argument("--picked", default=PICKED, help="JSON: the dataset, model and paper to ask about")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    sides = {"old": (args.old_python, args.old_store), "new": (args.new_python, args.new_store)}
    result: dict = {"add": {"old": [], "new": []}, "questions": {"old": {}, "new": {}}}
    with tempfile.TemporaryDirectory(prefix="kg-ab-") as tmp:
        work = Path(tmp)
        for _ in range(args.runs):
            for side, (python, store) in sides.items():
                result["add"][side].append(add_once(python, store, args.add, work))
                print(side, result["add"][side][-1]["wall_s"], file=sys.stderr, flush=True)
        if args.questions:
            asked = questions(json.loads(args.picked))
            for name, words in asked.items():
                for side, (python, store) in sides.items():
                    wall, cpu, rss = best_of([python, "-m", "paperkg", *words, "--db", str(store)], cwd=work)
                    result["questions"][side][name] = {"wall_s": round(wall, 3), "cpu_s": round(cpu, 3)}

    from rich.table import Table

    table = Table(title=f"old against new, alternately ({args.runs} runs each)")
    for column in ("figure", "old", "new", "new / old"):
        table.add_column(column, justify="left" if column == "figure" else "right")
    for figure in ("wall_s", "cpu_s", "peak_rss_mb"):
        old = [run[figure] for run in result["add"]["old"]]
        new = [run[figure] for run in result["add"]["new"]]
        table.add_row(f"add: {figure} (best; all)", f"{min(old)} ({', '.join(map(str, old))})",
                      f"{min(new)} ({', '.join(map(str, new))})", f"{min(new) / max(min(old), 1e-9):.2f}x")
    for name in result["questions"]["old"]:
        old, new = result["questions"]["old"][name], result["questions"]["new"][name]
        table.add_row(f"kg {name}: wall s (CPU s), best of 3", f"{old['wall_s']} ({old['cpu_s']})",
                      f"{new['wall_s']} ({new['cpu_s']})", f"{new['wall_s'] / max(old['wall_s'], 1e-9):.2f}x")
    same = {tuple(run["summary"]) for side in ("old", "new") for run in result["add"][side]}
    result["same_summary"] = len(same) == 1
    table.add_row("same graph after the add (summary lines)", "", "", str(len(same) == 1))
    return report(table, result, args.json, width=200)


if __name__ == "__main__":
    sys.exit(main())
