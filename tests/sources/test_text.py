"""Text as every reader keeps it (kg/sources/text.py): one line, TeX's accent escapes as letters, its text
styles as their words."""

from __future__ import annotations

import json

import pytest

from paperkg.sources import read_sources
from paperkg.sources.text import one_line


@pytest.mark.parametrize(
    ("raw", "kept"),
    [
        ('we introduce T\\"ULU 3, a family', "we introduce TÜLU 3, a family"),
        ("Pok\\'eChamp plays Pok\\'emon", "PokéChamp plays Pokémon"),
        ('Schr\\"odinger Bridge, na\\"{\\i}ve, {\\\'e}t\\\'e', "Schrödinger Bridge, naïve, été"),
        ("vis-\\`a-vis, se\\~nor, It\\^o", "vis-à-vis, señor, Itô"),
        ("the MLLM\\'s language model", "the MLLM's language model"),  # an escaped apostrophe
        ("80\\% of Q\\&A pairs", "80% of Q&A pairs"),
        ("\\textbf{Pok\\'e}Champ", "PokéChamp"),  # the accent's own braces, then the style's
        ("termed \\textbf{backbone-optimizer coupling bias}", "termed backbone-optimizer coupling bias"),
        ("\\textcolor{teal}{Tool-use} and \\emph{not} this", "Tool-use and not this"),
        ("we propose\ntexttt{D}ual-texttt{H}ead", "we propose Dual-Head"),  # the listing lost the backslash
        ("domains: teal{Tool-use}, teal{Directed Acyclic Graph (DAG) QA}", "domains: Tool-use, Directed Acyclic Graph (DAG) QA"),
        ("context{x} and \\mathcal{L}", "context{x} and \\mathcal{L}"),  # no style command: as written
        ("O(n\\^2) and $x_{1}$", "O(n\\^2) and $x_{1}$"),  # no letter after it: left as written
        ("two\n  lines\tand\u00a0spaces ", "two lines and spaces"),
        ("the prompt \\\"answer the question\\\" and \\'yes\\'", "the prompt \"answer the question\" and 'yes'"),  # quotes
        ("the models\\' outputs", "the models' outputs"),
        ('Schr{\\"{o}}dinger', "Schrödinger"),
    ],
)
def test_tex_escapes_become_the_letters_they_write(raw, kept):
    assert one_line(raw) == kept


def test_what_is_not_text_is_empty():
    assert one_line(None) == "" and one_line(3) == "" and one_line("") == ""


def test_a_listing_is_read_with_its_accents(tmp_path):
    item = {"paper": {"id": "2411.15124", "title": "T\\\"ULU 3: Pushing Frontiers in Open Language Model Post-Training",
                      "summary": "We introduce T\\\"ULU 3, a family of fully-open post-trained models.\nIt builds on "
                                 "Llama 3.1 and reaches 80\\% of the score.",
                      "authors": [{"name": "Nathan Lambert"}, {"name": "Val\\'entina Pyatkin"}]}}
    listing = tmp_path / "daily.json"
    listing.write_text(json.dumps([item]))
    (paper,) = read_sources([listing]).papers
    assert paper.title.startswith("TÜLU 3:")
    assert paper.abstract == ("We introduce TÜLU 3, a family of fully-open post-trained models. It builds on Llama 3.1 "
                              "and reaches 80% of the score.")
    assert paper.authors == ("Nathan Lambert", "Valéntina Pyatkin")
