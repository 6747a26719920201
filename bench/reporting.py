"""What every benchmark ends with: its table on the terminal, its figures as JSON (stdout and a file)."""

from __future__ import annotations

import json
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
