"""What every benchmark ends with (its table on the terminal, its figures as JSON, stdout and a file),
and the environment its measured processes run in."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import Any

# bench_scale's picks at 1x: the dataset, model and paper an A/B asks about.
PICKED = '{"dataset": "ImageNet", "model": "GPT-4o", "paper": "paper:2605.12438"}'


def add_ab_sides(parser: argparse.ArgumentParser) -> None:
    """The arguments of an A/B of two checkouts, each with its Python and its store."""
    parser.add_argument("--old-python", required=True)
    parser.add_argument("--old-store", type=Path, required=True)
    parser.add_argument("--new-python", required=True)
    parser.add_argument("--new-store", type=Path, required=True)


def report(table: Any, result: dict[str, Any], json_path: Path | None, *, width: int = 160) -> int:
    from rich.console import Console

    Console(width=width).print(table)
    return report_json(result, json_path)


def report_json(result: dict[str, Any], json_path: Path | None) -> int:
    """The figures as JSON on stdout, and in ``json_path`` when given (a benchmark's exit code, 0)."""
    text = json.dumps(result, indent=2)
    print(text)
    if json_path:
        json_path.write_text(text)
    return 0


def use_cached_bytecode(folder: Path) -> None:
    """Processes started from here on write and read paperkg's compiled modules in ``folder``, as a
    user's Python does (pip compiles them at install). With PYTHONDONTWRITEBYTECODE set, as on
    some CI machines, every process would compile paperkg from source again: some 60 ms of each
    CLI question, and a part of the extraction start-up, that no installed copy pays."""
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(folder)
