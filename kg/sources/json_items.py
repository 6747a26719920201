"""JSON documents whose records are the items of an array: each item with the line it starts on,
so a bad record is reported as file:line like in the line-based formats."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from paperkg.errors import InputError

_DECODER = json.JSONDecoder()


def load_json(text: str, name: str) -> Any:
    """The parsed document, or an InputError naming the line and column (and a likely truncation)."""
    try:
        return json.loads(text)
    except ValueError as exc:
        truncated = not text.rstrip().endswith(("]", "}"))
        hint = "the file ends early (truncated download?): fetch it again" if truncated else "fix or remove that part"
        raise InputError(f"{name}:{exc.lineno}: not valid JSON ({exc.msg}; column {exc.colno}); {hint}") from None


def array_items(text: str) -> Iterator[tuple[int, Any]]:
    """(line, item) for each item of a top-level JSON array; the text must already parse."""
    position = text.index("[") + 1
    while True:
        while position < len(text) and text[position] in " \t\r\n,":
            position += 1
        if position >= len(text) or text[position] == "]":
            return
        item, end = _DECODER.raw_decode(text, position)
        yield text.count("\n", 0, position) + 1, item
        position = end
