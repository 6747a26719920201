"""The boxed text tables every query command prints (paperkg.text_table)."""

from __future__ import annotations

from paperkg.text_table import cell_width, draw, fit, wrap


def _widths(table: str) -> set[int]:
    return {cell_width(line) for line in table.splitlines()}


def test_a_table_is_boxed_with_a_heavy_head_and_every_line_as_wide():
    table = draw(["paper", "title"], [["paper:1", "Attention"], ["paper:22", "BERT"]], width=80, title="2 papers")
    lines = table.splitlines()
    assert lines[1:] == [
        "┏━━━━━━━━━━┳━━━━━━━━━━━┓",
        "┃ paper    ┃ title     ┃",
        "┡━━━━━━━━━━╇━━━━━━━━━━━┩",
        "│ paper:1  │ Attention │",
        "│ paper:22 │ BERT      │",
        "└──────────┴───────────┘",
    ]
    assert lines[0].strip() == "2 papers" and len(_widths("\n".join(lines[1:]))) == 1


def test_wide_and_combining_characters_keep_the_columns_aligned():
    rows = [["大规模语言模型", "x"], ["e\u0301te\u0301", "y"], ["plain", "z"]]
    table = draw(["name", "v"], rows, width=80)
    assert cell_width("大规模语言模型") == 14 and cell_width("e\u0301te\u0301") == 3
    assert _widths(table) == {cell_width(table.splitlines()[0])}, table


def test_long_cells_wrap_at_spaces_and_fold_long_words_to_fit_the_width():
    title = "Scaling Continuous-Time Flow Map Distillation for Few-Step Generation " * 3
    table = draw(["paper", "title"], [["paper:1", title.strip()], ["paper:2", "x" * 120]], width=60)
    assert _widths(table) == {60}
    assert "Scaling Continuous-Time Flow Map" in table and "x" * 30 in table
    assert wrap("aaaa bbbb cccc", 9) == ["aaaa bbbb", "cccc"]
    assert wrap("abcdefghij", 4) == ["abcd", "efgh", "ij"]
    assert wrap("语言模型", 3) == ["语", "言", "模", "型"]


def test_columns_shrink_widest_first_and_never_below_their_floor():
    assert fit([10, 50, 30], [8, 8, 8], 60) == [10, 20, 20], "the widest gives until it is as wide as the next"
    assert fit([10, 50], [10, 50], 20) == [10, 50], "at their floors the table stays wider than the window"
    assert sum(fit([5, 200, 90, 12], [5, 8, 8, 8], 100)) + 3 * 4 + 1 == 100


def test_an_empty_table_still_has_its_header_and_no_columns_draw_nothing():
    table = draw(["key", "name"], [], width=40)
    assert table.splitlines()[1] == "┃ key ┃ name ┃"
    assert draw([], [], width=40, title="written") == ""
