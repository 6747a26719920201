"""What every benchmark ends with (its table on the terminal, its figures as JSON, stdout and a file),
and the environment its measured processes run in."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any


def report(table: Any, result: dict[str, Any], json_path: Path | None, *, width: int = 160) -> int:
    from rich.console import Console

    Console(width=width).print(table)
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
