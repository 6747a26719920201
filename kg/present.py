"""Rows for people and for pipes: a boxed table (paperkg.text_table), JSON or CSV.

Cells hold untrusted text (titles, abstracts, URLs): tables and CSV get it terminal-safe
(paperkg.safe_text), JSON gets it exact with unsafe characters as \\u escapes.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from paperkg.safe_text import for_terminal, json_for_terminal
from paperkg.text_table import draw

TABLE, JSON, CSV = "table", "json", "csv"
PIPE_WIDTH = 220  # cells of a table written to a pipe or file


def cell_text(value: Any, *, width: int | None = None) -> str:
    """One value as table text: lists joined, None empty, long text cut with an ellipsis."""
    if value is None:
        text = ""
    elif isinstance(value, (list, tuple)):
        text = ", ".join(cell_text(v) for v in value)
    elif isinstance(value, float):
        text = f"{value:.3g}"
    else:
        text = str(value)
    text = for_terminal(text)
    if width and len(text) > width:
        text = text[: width - 1] + "…"
    return text


def csv_cell(value: Any) -> str:
    """A CSV cell: like a table cell, uncut, with the value's tabs and line breaks kept (CSV quotes them)."""
    if isinstance(value, str):
        return for_terminal(value, keep_breaks=True)
    return cell_text(value)


def emit_rows(
    rows: Sequence[dict[str, Any]],
    *,
    columns: Sequence[str] | None = None,
    fmt: str = TABLE,
    title: str | None = None,
    out: TextIO | None = None,
) -> None:
    """Write rows in the chosen format; columns default to the first row's keys."""
    out = out or sys.stdout
    columns = list(columns or (rows[0].keys() if rows else []))
    if fmt == JSON:
        out.write(json_for_terminal(json.dumps([{c: row.get(c) for c in columns} for row in rows], ensure_ascii=False, indent=2)))
        out.write("\n")
        return
    if fmt == CSV:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([csv_cell(row.get(c)) for c in columns])
        out.write(buffer.getvalue())
        return
    terminal = out.isatty()
    # On a terminal the table fits the window; in a pipe a wide fixed width keeps rows whole.
    width = shutil.get_terminal_size().columns if terminal else PIPE_WIDTH
    cells = [[cell_text(row.get(c), width=160) for c in columns] for row in rows]
    out.write(draw([for_terminal(c) for c in columns], cells, width=width, title=for_terminal(title) if title else None,
                   styled=terminal and not os.environ.get("NO_COLOR")))
    if not rows:
        out.write("(no rows)\n")


def emit_report(report: dict[str, Any], *, fmt: str = TABLE, out: TextIO | None = None) -> None:
    """A record with nested lists (``kg entity``): a field table, then one table per list."""
    scalars = [{"field": k, "value": v} for k, v in report.items() if not isinstance(v, (list, dict))]
    scalars += [
        {"field": k, "value": ", ".join(f"{r}: {n}" for r, n in v.items())} for k, v in report.items() if isinstance(v, dict)
    ]
    emit_rows(scalars, columns=["field", "value"], fmt=fmt, title=str(report.get("name", "")), out=out)
    for name, value in report.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            emit_rows(value, fmt=fmt, title=name.replace("_", " "), out=out)
