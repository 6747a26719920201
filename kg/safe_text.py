"""Untrusted text on its way to a terminal: no control sequences, no reordering, no hidden characters.

A paper title can hold ``\\x1b]0;pwned\\x07`` (retitles the terminal window), ``\\x1b[2J`` (clears
it), a bidi override that shows text backwards, or zero-width characters that make two names
look the same. Everything printed for people goes through ``for_terminal``: controls, bidi
controls and lone surrogates become visible escapes (``\\x1b``, ``\\u202e``), zero-width characters
are dropped. JSON output keeps every value exact: ``json_for_terminal`` writes the same characters
as JSON ``\\u`` escapes, which parse back to the very same strings.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline (kept where a format allows them), DEL and C1 controls,
# bidi embeddings/overrides/isolates and marks, line/paragraph separators, lone surrogates.
_ESCAPED = "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff"
# Zero-width and invisible formatting characters: dropped, they carry nothing a reader sees.
_DROPPED = "\u00ad\u180e\u200b-\u200d\u2060-\u2064\ufeff"
# Every character no URL, name or terminal line should carry, as the body of a regex class.
UNSAFE_CHARS = _ESCAPED + _DROPPED
_UNSAFE = re.compile(f"[{UNSAFE_CHARS}]")
_UNSAFE_OR_BREAK = re.compile(f"[{_ESCAPED}{_DROPPED}\t\n]")
_DROP = frozenset(chr(c) for c in (0xAD, 0x180E, 0x200B, 0x200C, 0x200D, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xFEFF))


def _escape(match: re.Match[str]) -> str:
    char = match.group(0)
    if char in _DROP:
        return ""
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def for_terminal(text: str, *, keep_breaks: bool = False) -> str:
    """``text`` safe to print: controls escaped visibly, invisible characters dropped.

    Tabs and newlines are escaped too unless ``keep_breaks`` (multi-line messages, CSV cells).

    >>> for_terminal("ANSI \\x1b[2J title\\u200b")
    'ANSI \\\\x1b[2J title'
    """
    pattern = _UNSAFE if keep_breaks else _UNSAFE_OR_BREAK
    return pattern.sub(_escape, text) if pattern.search(text) else text


def is_terminal_safe(text: str, *, keep_breaks: bool = True) -> bool:
    """True when printing ``text`` cannot move the cursor, retitle the window or hide characters."""
    return not (_UNSAFE if keep_breaks else _UNSAFE_OR_BREAK).search(text)


def json_for_terminal(document: str) -> str:
    """JSON text with every unsafe character written as a ``\\uXXXX`` escape.

    Outside strings JSON holds only structure and spaces, so each such character sits inside a
    string, where an escape means the same character: the parsed value is unchanged.
    """
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", document) if _UNSAFE.search(document) else document


def has_lone_surrogate(text: str) -> bool:
    """True for text that cannot be encoded as UTF-8 (a surrogate half from broken JSON escapes)."""
    return bool(re.search("[\ud800-\udfff]", text))
