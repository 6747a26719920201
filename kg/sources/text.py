"""Text as every reader keeps it: one line, and TeX's accent escapes written as the letters they stand for.

arXiv listings carry their authors' TeX: "T\\"ULU 3", "Pok\\'eChamp", "Schr\\"odinger", "\\"Ust\\"un".
Kept raw, a name is shown with its backslashes, `kg search Tülu` finds nothing, and the extractor
reads "T" and "ULU 3" as two words.
"""

from __future__ import annotations

import re
import unicodedata

# The accents TeX writes with a symbol, as Unicode combining marks.
_COMBINING = {"'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303", "=": "\u0304"}
# Which letters take which accent in the names and words abstracts write (Pok\'emon, na\"ive,
# Schr\"odinger, se\~nor, vis-\`a-vis). "MLLM\'s" is an escaped apostrophe, not an accented s.
_ACCEPTS = {"'": "aeiouyc", "`": "aeiou", "^": "aeiou", '"': "aeiouy", "~": "ano", "=": "aeiou"}
# \'e, \'{e}, {\'e}, {\"{o}}, \"{\i}: an accent symbol and one letter, bare or in braces of its own.
_ACCENT = re.compile(
    r"\{\\([`'^\"~=])(?:(\\?[A-Za-z])|\{(\\?[A-Za-z])\})\}|\\([`'^\"~=])(?:\{(\\?[A-Za-z])\}|([A-Za-z]))"
)
# An escaped quote mark: \' or \" before no letter ("models\' outputs", a closing "question\"").
_ESCAPED_QUOTE = re.compile(r"\\(['\"])")

# "80\%", "Q\&A", "snake\_case": TeX's escapes of its own special signs.
_ESCAPED_SIGN = re.compile(r"\\([%&_#$])")
# "\textbf{backbone-optimizer coupling bias}", "\texttt{D}ual", "\textcolor{teal}{DAG}": TeX's text styles
# around words, also where the listing lost the backslash ("texttt{D}ual-texttt{H}ead") or kept only the
# colour ("teal{Tool-use}", "orange{...}"); not math ("$x_{1}$", "\mathcal{L}" stay as written).
_TEXT_STYLE = re.compile(
    r"(?:\\|(?<![\w\\]))(?:text(?:bf|it|tt|sc|rm|sf|sl|up|md)|emph|underline|textcolor\{[A-Za-z]+\}"
    r"|(?:teal|orange|blue|red|green|gray|grey|purple|magenta|cyan|violet|brown|mypink))\{([^{}\\]*)\}"
)


def _accented(match: re.Match[str]) -> str:
    symbol = match.group(1) or match.group(4)
    letter = next(g for g in match.groups()[1:3] + match.groups()[4:] if g).lstrip("\\")  # \i: TeX's dotless i
    bare = match.group(6) is not None  # braces make it an accent whatever stands around it
    opens_word = match.start() == 0 or not match.string[match.start() - 1].isalpha()
    if letter.lower() not in _ACCEPTS[symbol] or (bare and symbol in "'\"" and opens_word and letter.islower()):
        # "MLLM\'s": an escaped apostrophe; \"answer the question\", \'yes\': quotes around words (an
        # accent that opens a word opens a name: \"Ust\"un)
        return match.group(0).replace("\\", "", 1)
    return unicodedata.normalize("NFC", letter + _COMBINING[symbol])


def one_line(value: object) -> str:
    """``value`` on one line (every run of white space one space), TeX accents as letters, "\\%" as "%"
    and TeX's text styles as their words ("\\textbf{X}" as "X"); '' for non-text."""
    if not isinstance(value, str):
        return ""
    if "\\" in value:
        value = _ESCAPED_SIGN.sub(r"\1", _ESCAPED_QUOTE.sub(r"\1", _ACCENT.sub(_accented, value)))
    if "{" in value:
        value = _TEXT_STYLE.sub(r"\1", value)
    return " ".join(value.split())
