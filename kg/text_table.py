"""Tables of rows as text, boxed like rich draws them (heavy head, light body), in a few milliseconds.

Every query command prints one. rich laid out a 100-row table in 60 ms and took 30 ms to import,
a third of `kg papers --dataset X` at a million papers; the table here needs only column widths,
word wrapping and box lines. Widths are terminal cells: East Asian wide and full-width characters
take two, combining marks none, so rows stay aligned whatever the titles' scripts. Cells must
already be terminal-safe (``paperkg.safe_text.for_terminal``): no control characters, no breaks.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import lru_cache

# A column is never squeezed below this many cells (or its header's width) to fit the window.
MIN_COLUMN = 8
_BOLD, _ITALIC, _RESET = "\x1b[1m", "\x1b[3m", "\x1b[0m"


@lru_cache(maxsize=4096)
def _char_width(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def cell_width(text: str) -> int:
    """Terminal cells ``text`` takes."""
    if text.isascii():
        return len(text)
    return sum(_char_width(char) for char in text)


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` cells: at spaces where it can, a word longer than a
    line folded where it must (rich's "fold")."""
    if cell_width(text) <= width:
        return [text]
    lines: list[str] = []
    line, used = "", 0
    for word in text.split(" "):
        size = cell_width(word)
        if line and used + 1 + size <= width:
            line, used = f"{line} {word}", used + 1 + size
            continue
        if line:
            lines.append(line)
        line, used = "", 0
        while size > width:  # fold a word longer than the line
            head, taken = _cut(word, width)
            lines.append(head)
            word, size = word[len(head):], size - taken
        line, used = word, size
    lines.append(line)
    return lines


def _cut(word: str, width: int) -> tuple[str, int]:
    """The longest start of ``word`` that fits ``width`` cells (at least one character), and its cells."""
    taken = 0
    for i, char in enumerate(word):
        step = _char_width(char)
        if taken + step > width and i:
            return word[:i], taken
        taken += step
    return word, taken


def fit(natural: list[int], floors: list[int], width: int) -> list[int]:
    """Column widths no wider than their content that fit ``width`` cells with the box lines
    (3 cells a column and 1), taking from the widest column first; never below a column's floor."""
    widths = list(natural)
    excess = sum(widths) + 3 * len(widths) + 1 - width
    while excess > 0:
        widest = max(range(len(widths)), key=lambda i: (widths[i] - floors[i], widths[i]))
        room = widths[widest] - floors[widest]
        if room <= 0:
            break  # every column at its floor: the table stays wider than the window
        second = max((w for i, w in enumerate(widths) if i != widest), default=0)
        step = min(excess, room, max(1, widths[widest] - second))
        widths[widest] -= step
        excess -= step
    return widths


def draw(columns: Sequence[str], rows: Sequence[Sequence[str]], *, width: int, title: str | None = None,
         styled: bool = False) -> str:
    """The table as lines of text, each at most ``width`` cells where the columns' floors allow;
    ``styled`` (a terminal) writes the header bold and the title italic. No columns (a write
    query's answer) draw nothing."""
    if not columns:
        return ""
    natural = [max([cell_width(c), *(cell_width(row[i]) for row in rows)]) for i, c in enumerate(columns)]
    floors = [min(n, max(MIN_COLUMN, cell_width(c))) for n, c in zip(natural, columns, strict=True)]
    widths = fit(natural, floors, width)

    def rule(left: str, fill: str, middle: str, right: str) -> str:
        return left + middle.join(fill * (w + 2) for w in widths) + right

    def lines_of(cells: Sequence[str], edge: str, bold: bool = False) -> list[str]:
        wrapped = [wrap(cell, w) for cell, w in zip(cells, widths, strict=True)]
        out = []
        for n in range(max(len(parts) for parts in wrapped)):
            parts = []
            for cell_lines, w in zip(wrapped, widths, strict=True):
                text = cell_lines[n] if n < len(cell_lines) else ""
                padded = text + " " * (w - cell_width(text))
                parts.append(f" {_BOLD}{padded}{_RESET} " if bold else f" {padded} ")
            out.append(edge + edge.join(parts) + edge)
        return out

    lines = []
    total = sum(widths) + 3 * len(widths) + 1
    if title:
        for part in wrap(title, total):
            centred = " " * max(0, (total - cell_width(part)) // 2) + part
            lines.append(f"{_ITALIC}{centred}{_RESET}" if styled else centred)
    lines.append(rule("┏", "━", "┳", "┓"))
    lines += lines_of(columns, "┃", bold=styled)
    lines.append(rule("┡", "━", "╇", "┩"))
    for row in rows:
        lines += lines_of(row, "│")
    lines.append(rule("└", "─", "┴", "┘"))
    return "\n".join(lines) + "\n"
