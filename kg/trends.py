"""Trends: papers per month mentioning an entity, and the entities whose share of papers grows.

Months come from each paper's ``month`` (its publication date, else its arXiv id); papers with
neither (trending-page captures of title-keyed papers) are left out and counted in ``undated``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from paperkg.catalog import run_query
from paperkg.errors import QueryError
from paperkg.lookup import resolve_entity
from paperkg.store.base import GraphStore

SPARK = "▁▂▃▄▅▆▇█"


@dataclass(frozen=True)
class Series:
    """One entity's papers per month over the trend's months."""

    key: str
    name: str
    counts: tuple[int, ...]
    shares: tuple[float, ...]  # percent of the month's papers
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class Trends:
    """Series over the same months, and how many papers had no known month."""

    months: tuple[str, ...]
    totals: tuple[int, ...]
    series: tuple[Series, ...]
    undated: int
    title: str


def sparkline(values: tuple[float, ...] | list[float]) -> str:
    """``▁▃█``: one block per value, scaled to the largest."""
    top = max(values, default=0)
    if top <= 0:
        return SPARK[0] * len(values)
    return "".join(SPARK[min(len(SPARK) - 1, int(round(v / top * (len(SPARK) - 1))))] for v in values)


def month_range(first: str, last: str) -> list[str]:
    """Every month from ``first`` to ``last`` (YYYY-MM), both included."""
    year, month = int(first[:4]), int(first[5:7])
    found = []
    while f"{year:04d}-{month:02d}" <= last:
        found.append(f"{year:04d}-{month:02d}")
        month += 1
        if month > 12:
            year, month = year + 1, 1
    return found


def _totals(store: GraphStore, since: str) -> tuple[dict[str, int], int]:
    rows = run_query(store, "papers_per_month", {})
    undated = sum(r["papers"] for r in rows if not r["month"])
    return {r["month"]: r["papers"] for r in rows if r["month"] and r["month"] >= since}, undated


def _series(key: str, name: str, counts: dict[str, int], months: list[str], totals: dict[str, int]) -> Series:
    values = tuple(counts.get(m, 0) for m in months)
    shares = tuple(round(100 * v / totals[m], 3) if totals.get(m) else 0.0 for v, m in zip(values, months, strict=True))
    return Series(key, name, values, shares)


def entity_trends(store: GraphStore, names: list[str], *, since: str = "") -> Trends:
    """Papers per month mentioning each named entity (names resolve like `kg papers`)."""
    found = [resolve_entity(store, name) for name in names]
    rows = run_query(store, "entity_months", {"keys": [f["key"] for f in found]})
    totals, undated = _totals(store, since)
    if not totals:
        raise QueryError("no paper in the graph has a known month (publication date or arXiv id); build dated sources first")
    months = month_range(min(totals), max(totals))
    per_entity: dict[str, dict[str, int]] = {}
    for row in rows:
        if row["month"] >= since:
            per_entity.setdefault(row["key"], {})[row["month"]] = row["papers"]
    series = tuple(_series(f["key"], f["name"], per_entity.get(f["key"], {}), months, totals) for f in found)
    return Trends(tuple(months), tuple(totals.get(m, 0) for m in months), series, undated, "papers per month")


def rising(store: GraphStore, entity_type: str, *, since: str = "", limit: int = 20, min_papers: int = 5) -> Trends:
    """Entities of a type whose share of papers grows fastest: the months from ``since`` are cut in
    two halves, and entities ranked by share in the later half over share in the earlier half
    (each count smoothed by +0.5 so a name absent early does not divide by zero), with at least
    ``min_papers`` papers in the later half."""
    totals, undated = _totals(store, since)
    if len(totals) < 2:
        raise QueryError(f"rising needs papers in at least two months from {since or 'the start'}; the graph has {len(totals)}")
    months = month_range(min(totals), max(totals))
    half = len(months) // 2
    early_months, late_months = set(months[:half]), set(months[half:])
    early_total = sum(totals.get(m, 0) for m in early_months)
    late_total = sum(totals.get(m, 0) for m in late_months)
    rows = run_query(store, "type_months", {"type": entity_type, "since": since, "min_papers": min_papers})
    per_entity: dict[str, dict[str, int]] = {}
    names: dict[str, str] = {}
    for row in rows:
        per_entity.setdefault(row["key"], {})[row["month"]] = row["papers"]
        names[row["key"]] = row["name"]
    ranked = []
    for key, counts in per_entity.items():
        early = sum(n for m, n in counts.items() if m in early_months)
        late = sum(n for m, n in counts.items() if m in late_months)
        if late < min_papers or not early_total or not late_total:
            continue
        early_share, late_share = 100 * early / early_total, 100 * late / late_total
        growth = ((late + 0.5) / late_total) / ((early + 0.5) / early_total)
        series = _series(key, names[key], counts, months, totals)
        extra = {
            "early_papers": early,
            "late_papers": late,
            "early_share": round(early_share, 3),
            "late_share": round(late_share, 3),
            "growth": round(growth, 3),
        }
        ranked.append(Series(series.key, series.name, series.counts, series.shares, extra))
    ranked.sort(key=lambda s: (-s.extra["growth"], -s.extra["late_papers"], s.key))
    title = f"rising {entity_type}s: {months[0]}..{months[half - 1]} vs {months[half]}..{months[-1]}"
    return Trends(tuple(months), tuple(totals.get(m, 0) for m in months), tuple(ranked[:limit]), undated, title)


def trend_rows(trends: Trends) -> list[dict[str, Any]]:
    """One row per entity: counts, the ranking's figures when rising, and a sparkline of its share."""
    rows = []
    for s in trends.series:
        peak = max(range(len(s.counts)), key=lambda i: s.counts[i]) if s.counts else 0
        rows.append(
            {
                "name": s.name,
                "key": s.key,
                "papers": s.total,
                **s.extra,
                "peak_month": trends.months[peak] if s.total else None,
                "trend": sparkline(list(s.shares)),
            }
        )
    return rows


def long_rows(trends: Trends) -> list[dict[str, Any]]:
    """One row per entity and month (for CSV): papers, the month's papers, share in percent."""
    return [
        {"key": s.key, "name": s.name, "month": m, "papers": n, "month_papers": total, "share": share}
        for s in trends.series
        for m, n, total, share in zip(trends.months, s.counts, trends.totals, s.shares, strict=True)
    ]


def as_json(trends: Trends) -> dict[str, Any]:
    return {
        "title": trends.title,
        "months": list(trends.months),
        "month_papers": list(trends.totals),
        "undated_papers_left_out": trends.undated,
        "entities": [
            {"key": s.key, "name": s.name, "papers": s.total, **s.extra, "counts": list(s.counts), "shares": list(s.shares)}
            for s in trends.series
        ],
    }
