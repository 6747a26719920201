"""Shared by the tests that re-check hand-judged results: extract the judged papers again with
the real pipeline and compare each judged row with what comes out."""

from __future__ import annotations

import json
import re
from typing import Any

from paperkg.extractors.pipeline import extract_papers
from paperkg.model import Paper, SourceRef
from tests.conftest import DATA

LEADERBOARD_FILES = ("leaderboard_judged.json", "leaderboard_judged_2.json")
Found = tuple[str, str, float, bool, str]  # normalised subject, dataset, value, own, metric


def judged_rows(name: str) -> list[dict[str, Any]]:
    """The rows of tests/data/NAME (each with paper, title, abstract, verdict, reason)."""
    return json.loads((DATA / name).read_text(encoding="utf-8"))["rows"]


def norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def subject_norm(subject: str) -> str:
    """A row's subject as the extractor names it: a leaderboard shows "(this paper) <title>"."""
    return norm("(this paper)" if subject.startswith("(this paper)") else subject)


def extract_judged(rows: list[dict[str, Any]]) -> dict[str, list[Found]]:
    """Each judged paper's results as the extractor gives them now."""
    papers = {
        row["paper"]: Paper(title=row["title"], abstract=row["abstract"], sources=(SourceRef("judged", 1),)) for row in rows
    }
    found = {}
    for key, extraction in zip(papers, extract_papers(list(papers.values())), strict=True):
        found[key] = [(norm(r.subject), norm(r.dataset), r.value, r.own, norm(r.metric or "")) for r in extraction.results]
    return found


def still_given(row: dict[str, Any], found: list[Found]) -> bool:
    """A row judged right is still extracted: same dataset and value, same subject or both own."""
    return any(  # a dataset now written with its variant ("ImageNet" -> "ImageNet 256px") is the same row
        dataset.startswith(norm(row["dataset"]))
        and value == row["value"]
        and (subject_norm(row["subject"]) == subject or (row["own"] and own))
        for subject, dataset, value, own, _metric in found
    )


def wrong_given(row: dict[str, Any], found: list[Found]) -> bool:
    """A row judged wrong comes back: the same subject, dataset and value (and the same metric,
    when the metric was what was wrong)."""
    if row.get("class") == "metric":
        wrong = (subject_norm(row["subject"]), norm(row["dataset"]), row["value"], norm(row["metric"] or ""))
        return wrong in [(f[0], f[1], f[2], f[4]) for f in found]
    return (subject_norm(row["subject"]), norm(row["dataset"]), row["value"]) in [f[:3] for f in found]


def row_id(row: dict[str, Any]) -> str:
    return f"{row['subject']}-{row['dataset']}-{row['value']}"
