"""English word lists the rules consult (data/common_words.txt: wordfreq, Zipf >= 3.5)."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def common_words() -> frozenset[str]:
    """Lower-case English words common enough that a name is unlikely to be one of them."""
    text = resources.files("paperkg.extractors").joinpath("data", "common_words.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))
