"""JSON documents whose records are the items of an array: each item with the line it starts on,
so a bad record is reported as file:line like in the line-based formats."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from paperkg.errors import InputError
from paperkg.sources.text import one_line

_DECODER = json.JSONDecoder()


class JSONProblem(ValueError):
    """Text that is not JSON kg can use, with the line it happened on (1 when unknown)."""

    def __init__(self, msg: str, lineno: int = 1, colno: int = 1) -> None:
        super().__init__(msg)
        self.msg, self.lineno, self.colno = msg, lineno, colno


def parse_json(text: str) -> Any:
    """``json.loads`` whose every failure is a JSONProblem: malformed text, nesting deeper than
    Python's stack (RecursionError), a number of thousands of digits (int conversion limit)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise JSONProblem(exc.msg, exc.lineno, exc.colno) from None
    except RecursionError:
        raise JSONProblem("nested too deeply") from None
    except ValueError as exc:  # e.g. "Exceeds the limit (4300 digits) for integer string conversion"
        raise JSONProblem(str(exc).split(";")[0]) from None


def load_json(text: str, name: str) -> Any:
    """The parsed document, or an InputError naming the line and column (and a likely truncation)."""
    try:
        return parse_json(text)
    except JSONProblem as exc:
        truncated = not text.rstrip().endswith(("]", "}"))
        hint = "the file ends early (truncated download?): fetch it again" if truncated else "fix or remove that part"
        raise InputError(f"{name}:{exc.lineno}: not valid JSON ({exc.msg}; column {exc.colno}); {hint}") from None


def type_name(value: Any) -> str:
    """How a JSON value's type reads in a message: a list, an object, a number, true/false, null."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    return {dict: "an object", list: "a list", str: "text"}.get(type(value), type(value).__name__)


class WrongType(Exception):
    """A record's field holds a value of the wrong JSON type; the record is skipped."""

    def __init__(self, field: str, value: Any, expected: str) -> None:
        super().__init__(f"{field} is {type_name(value)}, expected {expected}")


def text_field(record: Any, field: str) -> str:
    """The field's text (``one_line``), '' when absent or null; other types: WrongType."""
    value = record.get(field) if isinstance(record, dict) else None
    if value is None:
        return ""
    if not isinstance(value, str):
        raise WrongType(field, value, "text")
    return one_line(value)


def text_list_field(record: Any, field: str, *, split_commas: bool = False) -> tuple[str, ...]:
    """A list of names (items as text or objects with a "name"), () when absent; WrongType else."""
    value = record.get(field) if isinstance(record, dict) else None
    if value is None:
        return ()
    if isinstance(value, str) and split_commas:
        value = value.split(",")
    if not isinstance(value, list):
        raise WrongType(field, value, "a list")
    names = []
    for item in value:
        if isinstance(item, dict):
            item = item.get("name")
        if item is None:
            continue
        if not isinstance(item, str):
            raise WrongType(f"an item of {field}", item, "text")
        if item.split():
            names.append(one_line(item))
    return tuple(names)


def array_items(text: str) -> Iterator[tuple[int, Any]]:
    """(line, item) for each item of a top-level JSON array; the text must already parse."""
    position = text.index("[") + 1  # items are decoded one at a time: the whole already parsed
    while True:
        while position < len(text) and text[position] in " \t\r\n,":
            position += 1
        if position >= len(text) or text[position] == "]":
            return
        item, end = _DECODER.raw_decode(text, position)
        yield text.count("\n", 0, position) + 1, item
        position = end
