"""Graph page benchmark: `kg viz` pages of 100, 1,000 and 5,000 nodes.

For each size: the time to build the view from the embedded store and write the page, the page's
size, and the same nodes written by pyvis's stock template (the baseline: our page adds the
inlined vis-network, legend and details data). In headless Chromium: the time from the start of
the page's script until the layout has stabilised (physics then stops), against the same page
with a zero-iteration layout (the baseline: parsing the data and drawing once).

    python bench/bench_viz.py [--sizes 100,1000,5000] [--json out.json]

The corpus is the bundled one, replicated (distinct keys) until the largest view fits.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_store_load import corpus_batch, replicate  # noqa: E402
from reporting import report  # noqa: E402

from paperkg.render import write_page  # noqa: E402
from paperkg.store.embedded import EmbeddedStore  # noqa: E402
from paperkg.views import whole_graph_view  # noqa: E402
from tools.headless import Browser  # noqa: E402

TARGET_STABILISED_S = 3.0


def stock_pyvis_seconds(view, path: Path) -> float:
    """The baseline generator: pyvis's own template (CDN resources) for the same nodes and edges."""
    from pyvis.network import Network

    start = time.perf_counter()
    network = Network(directed=True, cdn_resources="remote")
    for node in view.nodes:
        network.add_node(node.key, label=node.props.get("title") or node.props.get("name") or node.key)
    for edge in view.edges:
        network.add_edge(edge.source, edge.target, title=edge.type)
    path.write_text(network.generate_html(), encoding="utf-8")
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,5000")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    batch = corpus_batch()
    copies = -(-max(sizes) // len(batch.nodes))  # enough copies for the largest view
    batch = replicate(batch, len(batch.edges) * max(copies, 1))
    rows = []
    with tempfile.TemporaryDirectory() as folder, Browser() as browser:
        store = EmbeddedStore(Path(folder) / "store", create=True)
        store.upsert(batch)
        store.commit()
        for size in sizes:
            start = time.perf_counter()
            view = whole_graph_view(store, types=[], roles=[], min_degree=0, limit=size)
            page_path = Path(folder) / f"view{size}.html"
            page = write_page(view, page_path)
            generate_s = time.perf_counter() - start
            stock_s = stock_pyvis_seconds(view, Path(folder) / f"stock{size}.html")
            base_path = Path(folder) / f"base{size}.html"
            write_page(view, base_path, layout_iterations=0)
            opened = browser.open(page_path, timeout_s=600, screenshot=False)
            baseline = browser.open(base_path, timeout_s=600, screenshot=False)
            stabilised_s = opened.state["stabilizedMs"] / 1000
            base_s = baseline.state["stabilizedMs"] / 1000
            rows.append(
                {
                    "nodes": page.nodes,
                    "edges": page.edges,
                    "html_bytes": page_path.stat().st_size,
                    "generate_s": round(generate_s, 3),
                    "stock_pyvis_s": round(stock_s, 3),
                    "generate_vs_stock": round(generate_s / stock_s, 2),
                    "layout_iterations": opened.state["iterations"],
                    "stabilised_s": round(stabilised_s, 2),
                    "no_layout_s": round(base_s, 2),
                    "stabilised_vs_no_layout": round(stabilised_s / base_s, 1),
                    "console_errors": len(opened.console_errors),
                    "requests": len(opened.requests),
                }
            )

    from rich.table import Table

    table = Table(title="kg viz pages (headless Chromium; ratios against baselines of the same run)")
    for column in rows[0]:
        table.add_column(column, justify="right")
    for row in rows:
        table.add_row(*(f"{value:,}" if isinstance(value, int) else str(value) for value in row.values()))
    at_1000 = next((r for r in rows if r["nodes"] == 1000), None)
    result = {
        "rows": rows,
        "target": f"a 1,000-node view stabilises in under {TARGET_STABILISED_S} s",
        "target_met": bool(at_1000 and at_1000["stabilised_s"] < TARGET_STABILISED_S),
    }
    return report(table, result, args.json)


if __name__ == "__main__":
    raise SystemExit(main())
