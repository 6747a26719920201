"""Write tests/data/citations_judged/records.json: the real records behind the hand-judged
inferred citations (tests/data/inferred_citations_judged*.json), so a test can rebuild them.

For every judged link it keeps the citing paper, the cited paper and every other paper of the
corpus that claims a name of the link's entity (a second claimant changes the outcome), in the
Hugging Face API's form, trimmed to the fields paperkg reads.

    python tools/citation_fixture.py --corpus ../shared/corpus/hf_daily --graph STORE
STORE: the embedded store (folder or .sqlite file) of `kg build ../shared/corpus/hf_daily` (for the claimants).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "citations_judged" / "records.json"
KEPT = ("id", "title", "summary", "publishedAt")


def judged_links() -> list[dict]:
    links = []
    for path in sorted((ROOT / "tests" / "data").glob("inferred_citations_judged*.json")):
        links += json.loads(path.read_text(encoding="utf-8"))
    return links


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "hf_daily")
    parser.add_argument("--graph", type=Path, required=True)
    args = parser.parse_args()
    links = judged_links()
    from paperkg.store.embedded import EmbeddedStore

    claimants: dict[str, set[str]] = {}
    with EmbeddedStore(args.graph) as store:
        for _, source, target, _ in store.edges_of(["INTRODUCES"]):
            claimants.setdefault(target, set()).add(source)
    wanted = set()
    for link in links:
        wanted |= {link["citing"], link["cited"], *claimants.get(link["via"], ())}
    ids = {key.removeprefix("paper:") for key in wanted}
    records = {}
    for path in sorted(args.corpus.glob("*.json")):
        for item in json.loads(path.read_text(encoding="utf-8")):
            paper = item.get("paper", item)
            if paper.get("id") in ids and paper["id"] not in records:
                records[paper["id"]] = {"paper": {k: paper[k] for k in KEPT if k in paper}}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps([records[i] for i in sorted(records)], indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(records)} records for {len(links)} judged links ({len(ids) - len(records)} not found)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
