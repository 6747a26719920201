"""Answers about reported results: leaderboards per dataset and the results of one paper.

Reads go through the query catalog (``results_on_datasets``, ``paper_results``), so both stores
answer alike; ranking is done here, where the direction of "better" for each metric is known.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from paperkg.catalog import run_query
from paperkg.lookup import resolve_entity, resolve_paper
from paperkg.model import match_key, metric_key
from paperkg.store.base import GraphStore

# Metrics where a lower value is better; every other metric a text names is higher-better when
# listed in HIGHER, else unknown (shown, unranked).
LOWER = frozenset(
    metric_key(m)
    for m in ("FID", "rFID", "gFID", "FVD", "KID", "PPL", "perplexity", "WER", "CER", "LPIPS", "MAE", "RMSE", "EER", "BPC")
)
HIGHER_PREFIXES = (
    "accuracy",
    "acc",
    "top1",
    "top5",
    "f1",
    "em",
    "exactmatch",
    "bleu",
    "rouge",
    "meteor",
    "cider",
    "spice",
    "psnr",
    "ssim",
    "map",
    "ap",
    "miou",
    "iou",
    "pass@",
    "passrate",
    "ndcg",
    "mrr",
    "recall",
    "precision",
    "hit@",
    "anls",
    "successrate",
    "winrate",
    "auc",
    "auroc",
    "is",
    "elo",
    "hota",
    "mota",
    "pq",
    "ods",
    "clipscore",
    "zeroshotaccuracy",
    "fewshotaccuracy",
)
UNSTATED = "score"  # a result whose text names no metric ("85.3 on AIME 2024"): ranked as higher-better


@dataclass(frozen=True, slots=True)
class Leaderboard:
    """The datasets a leaderboard covers and its rows, best first within each metric."""

    datasets: tuple[str, ...]
    rows: tuple[dict[str, Any], ...]


def direction(metric: str | None) -> str:
    """``higher``, ``lower`` or ``unknown``: which way a metric gets better."""
    if not metric:
        return "higher"
    key = metric_key(metric)
    if key in LOWER:
        return "lower"
    for shot in ("zeroshot", "fewshot", "oneshot"):
        key = key.removeprefix(shot)
    key = key.lstrip("0123456789").removeprefix("shot")
    if key in LOWER:
        return "lower"
    if any(key.startswith(prefix) for prefix in HIGHER_PREFIXES):
        return "higher"
    return "unknown"


def _dataset_keys(store: GraphStore, name: str, family: bool) -> list[dict[str, Any]]:
    found = resolve_entity(store, name, "dataset")
    if not family:
        return [found]
    stem = match_key(found["name"])
    names = run_query(store, "entity_names", {"type": "dataset"})
    return [found] + [row for row in names if row["key"] != found["key"] and match_key(row["name"]).startswith(stem)]


def leaderboard(
    store: GraphStore, dataset: str, *, metric: str | None = None, family: bool = False, limit: int = 50
) -> Leaderboard:
    """Best reported value per subject on a dataset (with ``family``, its variants too: ImageNet ->
    ImageNet-1K, ImageNet 256), per metric, best first; metrics whose direction is unknown unranked."""
    datasets = _dataset_keys(store, dataset, family)
    rows = run_query(
        store,
        "results_on_datasets",
        {"keys": [d["key"] for d in datasets], "metric": metric_key(metric or ""), "limit": 100_000},
    )
    by_metric: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_metric.setdefault(metric_key(row["metric"] or UNSTATED), []).append(row)
    board: list[dict[str, Any]] = []
    for _, results in sorted(by_metric.items(), key=lambda item: (-len(item[1]), item[0])):
        way = direction(results[0]["metric"])
        best: dict[tuple[str, ...], dict[str, Any]] = {}
        for row in results:
            subject = row["subject_key"] or (
                f"{row['paper']}:{row['subject']}" if row["own"] or row["subject"].startswith("(") else match_key(row["subject"])
            )
            ident = (subject, match_key(row["dataset"]))
            held = best.get(ident)
            if (
                held is None
                or (way == "higher" and row["value"] > held["value"])
                or (way == "lower" and row["value"] < held["value"])
            ):
                best[ident] = row
        ranked = list(best.values())
        if way == "unknown":
            ranked.sort(key=lambda r: (r["subject"].lower(), r["paper"]))
        else:
            ranked.sort(key=lambda r: (-r["value"] if way == "higher" else r["value"], r["subject"].lower(), r["paper"]))
        for position, row in enumerate(ranked, start=1):
            board.append(
                {
                    "rank": position if way != "unknown" else None,
                    "subject": _subject_text(row),
                    "own": row["own"],
                    "dataset": row["dataset"],
                    "metric": row["metric"] or UNSTATED,
                    "better": way,
                    "value": row["value"],
                    "unit": row["unit"],
                    "setting": row["setting"],
                    "paper": row["paper"],
                    "title": row["title"],
                    "month": row["month"],
                    "evidence": row["evidence"],
                }
            )
    return Leaderboard(tuple(d["name"] for d in datasets), tuple(board[: limit if limit else None]))


def _subject_text(row: dict[str, Any]) -> str:
    if row["subject"].startswith("(") and row["own"]:
        return f"{row['subject']} {row['title'][:60]}"
    return row["subject"]


def paper_results(store: GraphStore, reference: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """A paper (by key, arXiv id or title) and the results it reports."""
    paper = resolve_paper(store, reference)
    return paper, run_query(store, "paper_results", {"key": paper["key"]})
