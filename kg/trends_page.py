"""`kg trends --html`: one offline page with the trend as an inline SVG chart.

No script and no request to any server: the Content-Security-Policy allows inline styles only,
every text is escaped, and the chart is drawn here as SVG (share of the month's papers, one line
per entity, with a table of the counts below).
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from paperkg.safe_files import write_text
from paperkg.trends import Trends, trend_rows

WIDTH, HEIGHT = 960, 420
LEFT, RIGHT, TOP, BOTTOM = 60, 220, 20, 60
COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f")
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def _chart(trends: Trends, shown: int) -> str:
    months = trends.months
    series = trends.series[:shown]
    top = max((v for s in series for v in s.shares), default=0.0) or 1.0
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(i: int) -> float:
        return LEFT + (plot_w * i / (len(months) - 1) if len(months) > 1 else plot_w / 2)

    def y(v: float) -> float:
        return TOP + plot_h - plot_h * v / top

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" id="chart" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(trends.title)}">',
        f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{LEFT + plot_w}" y2="{TOP + plot_h}" stroke="#999"/>',
        f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{TOP + plot_h}" stroke="#999"/>',
    ]
    for step in range(5):
        value = top * step / 4
        parts.append(f'<text x="{LEFT - 6}" y="{y(value) + 4:.1f}" text-anchor="end" class="axis">{value:.1f}%</text>')
    every = max(1, -(-len(months) // 9))  # at most 9 month labels, so they never overlap
    for i, month in enumerate(months):
        if i % every == 0:
            parts.append(f'<text x="{x(i):.1f}" y="{TOP + plot_h + 18}" text-anchor="middle" class="axis">{escape(month)}</text>')
    for index, s in enumerate(series):
        colour = COLOURS[index % len(COLOURS)]
        points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(s.shares))
        parts.append(
            f'<polyline class="series" data-key="{escape(s.key)}" fill="none" stroke="{colour}" stroke-width="2" '
            f'points="{points}">'
            f"<title>{escape(s.name)}</title></polyline>"
        )
        legend_y = TOP + 16 * index + 8
        parts.append(f'<rect x="{WIDTH - RIGHT + 14}" y="{legend_y - 8}" width="12" height="4" fill="{colour}"/>')
        parts.append(f'<text x="{WIDTH - RIGHT + 32}" y="{legend_y}" class="legend">{escape(s.name[:28])} ({s.total})</text>')
    parts.append(f'<text x="{LEFT}" y="{HEIGHT - 12}" class="axis">share of the month\'s papers</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def render_trends_page(trends: Trends, *, shown: int = 10) -> str:
    """The page's HTML: heading, SVG chart, and the rows as a table."""
    rows = trend_rows(trends)
    columns = [c for c in (rows[0].keys() if rows else []) if c != "trend"]
    head = "".join(f"<th>{escape(c)}</th>" for c in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(str(r[c] if r[c] is not None else ''))}</td>" for c in columns) + "</tr>" for r in rows
    )
    note = f"{sum(trends.totals):,} dated papers over {len(trends.months)} months" + (
        f"; {trends.undated:,} papers with no known month left out" if trends.undated else ""
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="generator" content="paperkg kg trends">
<title>{escape(trends.title)} · paperkg</title>
<style>
  body {{ font-family: system-ui, sans-serif; font-size: 14px; color: #222; margin: 16px 24px; }}
  h1 {{ font-size: 18px; margin: 0 0 4px 0; }}
  #note {{ color: #555; margin-bottom: 10px; }}
  .axis {{ font-size: 11px; fill: #555; }}
  .legend {{ font-size: 12px; fill: #222; }}
  table {{ border-collapse: collapse; margin-top: 14px; }}
  th, td {{ border: 1px solid #ddd; padding: 3px 8px; text-align: left; }}
  th {{ background: #f4f4f4; }}
</style>
</head>
<body>
<h1 id="heading">{escape(trends.title)}</h1>
<div id="note">{escape(note)}</div>
{_chart(trends, shown)}
<table id="rows"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>
</body>
</html>
"""


def write_trends_page(trends: Trends, path: Path, *, shown: int = 10) -> None:
    write_text(path, render_trends_page(trends, shown=shown))  # complete or not at all
