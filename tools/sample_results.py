"""Draw a random sample of extracted results to judge by hand, dev-gold papers left out.

Reads `kg extract ... --jsonl` output, drops every paper whose title is in gold_dev.json or
gold_dev_hf.json (matched by normalised title, never printed: the check half stays unread), and
writes N results drawn with a fixed seed, each with its paper, evidence and empty verdict/reason
fields for the judge to fill in (RESULTS.md's rules).

    python tools/sample_results.py extract.jsonl -n 110 --seed 3 -o sample.json [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from paperkg.evaluation import title_match_key


def dev_titles(shared: Path) -> set[str]:
    """Normalised titles of every dev gold paper (both files, both halves)."""
    titles = set()
    for name in ("gold_dev.json", "gold_dev_hf.json"):
        for paper in json.loads((shared / "eval" / name).read_text(encoding="utf-8")):
            titles.add(title_match_key(paper["title"]))
    return titles


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("extract", type=Path, help="`kg extract --jsonl` output")
    parser.add_argument("-n", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared")
    args = parser.parse_args()
    excluded = dev_titles(args.shared)
    pool = []
    left_out = 0
    for line in args.extract.read_text(encoding="utf-8").splitlines():
        paper = json.loads(line)
        if title_match_key(paper["title"]) in excluded:
            left_out += 1
            continue
        pool += [{"paper": paper["id"], "title": paper["title"], **r} for r in paper.get("results", [])]
    sample = random.Random(args.seed).sample(pool, min(args.n, len(pool)))
    rows = [
        {k: r.get(k) for k in ("paper", "title", "subject", "own", "dataset", "metric", "value", "unit", "evidence", "rule")}
        | {"verdict": None, "reason": None}
        for r in sample
    ]
    args.output.write_text(json.dumps({"rows": rows}, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"{len(pool)} results in {args.extract} outside the dev golds ({left_out} dev papers left out); {len(rows)} drawn")
    return 0


if __name__ == "__main__":
    sys.exit(main())
