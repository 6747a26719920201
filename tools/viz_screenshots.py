"""Write the three `kg viz` views of a built graph and a PNG of each in headless Chromium.

    python tools/viz_screenshots.py --db /tmp/views-kg --out build/screenshots [--paper REF] [--entity NAME]

Defaults: --paper 2408.00714 (SAM 2), --entity MMLU, both in ../shared/corpus/hf_daily. Prints, per page, the
layout time, the nodes and edges drawn, console errors and requests (both must be 0).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from paperkg.render import write_page  # noqa: E402
from paperkg.store.embedded import EmbeddedStore  # noqa: E402
from paperkg.views import entity_view, overview_view, related_view  # noqa: E402
from tools.headless import Browser  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "screenshots")
    parser.add_argument("--paper", default="2408.00714")
    parser.add_argument("--entity", default="MMLU")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    store = EmbeddedStore(args.db)
    paper = args.paper
    views = {
        "overview": overview_view(store),
        "paper": related_view(store, paper),
        "paper-with-entities": related_view(store, paper, with_entities=True),
        "entity": entity_view(store, args.entity),
    }
    failures = 0
    with Browser() as browser:
        for name, view in views.items():
            page_path = args.out / f"{name}.html"
            write_page(view, page_path)
            report = browser.open(page_path, screenshot_of="body")
            (args.out / f"{name}.png").write_bytes(report.screenshot)
            failures += len(report.console_errors) + len(report.requests)
            print(f"{name}: {view.heading[:70]!r} {report.state['nodes']} nodes, {report.state['edges']} edges, "
                  f"laid out in {report.state['stabilizedMs'] / 1000:.2f} s, console errors {len(report.console_errors)}, "
                  f"requests {len(report.requests)} -> {args.out / (name + '.png')}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
