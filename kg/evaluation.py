"""Extraction output in the gold format, and its score against a gold file.

The output and the scoring rules are those of shared/eval/FORMAT.md: one JSON object per paper
(``id``, ``title``, ``entities``, ``repos``); papers matched to gold by title (lower-case, letters
and digits); names compared after the same normalisation, a trailing "s" ignored on names longer
than 3 characters; micro P/R/F1 per type, over all types ("any"), for introduces and for repos.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.model import ENTITY_TYPES, Paper, PaperExtraction, SourceRef

SCORED = (*ENTITY_TYPES, "any", "introduces", "repos")


def prediction_record(paper: Paper, extraction: PaperExtraction) -> dict[str, Any]:
    """One line of ``kg extract`` output: FORMAT.md's fields plus family, evidence, confidence."""
    entities = []
    for mention in extraction.mentions:
        entity, evidence = mention.entity, mention.evidence
        entities.append(
            {
                "name": entity.name,
                "type": entity.type,
                "aliases": list(entity.aliases),
                "role": mention.role,
                "key": entity.key,
                "family": entity.family,
                "size": entity.size,
                "variant": entity.variant,
                "evidence": evidence.sentence,
                "field": evidence.field,
                "start": evidence.start,
                "end": evidence.end,
                "rule": evidence.rule,
                "confidence": evidence.confidence,
            }
        )
    repos = [{"url": link.repo.url, "kind": link.repo.kind, "evidence": link.evidence.sentence} for link in extraction.repo_links]
    return {"id": paper.key, "title": paper.title, "entities": entities, "repos": repos}


def title_match_key(title: str) -> str:
    return "".join(ch for ch in title.lower() if ch.isalnum())


def name_key(name: str) -> str:
    core = re.sub(r"[^a-z0-9]", "", name.lower())
    return core[:-1] if len(core) > 3 and core.endswith("s") else core


def repo_url_key(url: str) -> str:
    text = url.strip().lower()
    text = re.sub(r"^[a-z][a-z0-9+.-]*://", "", text)
    text = text.removeprefix("www.").rstrip("/")
    return text.removesuffix(".git")


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Score:
    """Micro counts per scored category, and the errors behind them."""

    counts: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in SCORED})
    misses: list[dict[str, str]] = field(default_factory=list)
    false_positives: list[dict[str, str]] = field(default_factory=list)
    unmatched_gold: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "scores": {k: c.as_dict() for k, c in self.counts.items()},
            "misses": self.misses,
            "false_positives": self.false_positives,
            "unmatched_gold_papers": self.unmatched_gold,
        }


def _forms(item: Mapping[str, Any]) -> set[str]:
    return {name_key(n) for n in [item["name"], *item.get("aliases", [])] if name_key(n)}


def score(gold: list[dict[str, Any]], predictions: Iterable[dict[str, Any]]) -> Score:
    """Score predictions against gold by FORMAT.md's rules."""
    by_title = {title_match_key(p["title"]): p for p in predictions}
    result = Score()
    for paper in gold:
        predicted = by_title.get(title_match_key(paper["title"]))
        if predicted is None:
            result.unmatched_gold.append(paper["title"])
            predicted = {"entities": [], "repos": []}
        entities = predicted.get("entities", [])
        may_any = [_forms(i) for t in ENTITY_TYPES for i in paper[t]["may"]]
        for kind in (*ENTITY_TYPES, "any"):
            types = ENTITY_TYPES if kind == "any" else (kind,)
            must = [i for t in types for i in paper[t]["must"]]
            preds = [e for e in entities if e["type"] in types]
            _score_items(result, kind, paper["title"], must, preds, may_any)
        introduced_gold = [{"name": n, "aliases": _aliases_of(paper, n)} for n in paper["introduces"]]
        introduced_pred = [e for e in entities if e.get("role") == "introduces"]
        _score_items(result, "introduces", paper["title"], introduced_gold, introduced_pred, [])
        gold_urls = {repo_url_key(r["url"]) for r in paper["repo"]}
        pred_urls = {repo_url_key(r["url"]) for r in predicted.get("repos", [])}
        counts = result.counts["repos"]
        counts.tp += len(gold_urls & pred_urls)
        counts.fp += len(pred_urls - gold_urls)
        counts.fn += len(gold_urls - pred_urls)
        result.misses += [{"type": "repos", "title": paper["title"], "name": u} for u in sorted(gold_urls - pred_urls)]
        result.false_positives += [{"type": "repos", "title": paper["title"], "name": u} for u in sorted(pred_urls - gold_urls)]
    return result


def _aliases_of(paper: Mapping[str, Any], name: str) -> list[str]:
    for kind in ENTITY_TYPES:
        for item in paper[kind]["must"] + paper[kind]["may"]:
            if name_key(item["name"]) == name_key(name):
                return item.get("aliases", [])
    return []


def _score_items(result: Score, kind: str, title: str, must: list, preds: list, may_any: list[set[str]]) -> None:
    counts = result.counts[kind]
    must_forms = [_forms(i) for i in must]
    hit = [False] * len(must)
    for pred in preds:
        forms = _forms(pred)
        matched = [i for i, gold_forms in enumerate(must_forms) if forms & gold_forms]
        for i in matched:
            hit[i] = True
        if not matched and not any(forms & gold_forms for gold_forms in may_any):
            counts.fp += 1
            if kind != "any":
                result.false_positives.append({"type": kind, "title": title, "name": pred["name"]})
    counts.tp += sum(hit)
    counts.fn += hit.count(False)
    if kind != "any":
        result.misses += [{"type": kind, "title": title, "name": m["name"]} for m, h in zip(must, hit, strict=True) if not h]


def load_gold(path: Path) -> list[dict[str, Any]]:
    """A gold file, or an InputError that names the file and the problem."""
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such gold file; pass --gold PATH") from None
    except ValueError as exc:
        raise InputError(f"{path}: not valid JSON ({exc}); check the gold file") from None
    if not isinstance(gold, list) or not all(isinstance(p, dict) and "title" in p for p in gold):
        raise InputError(f"{path}: expected a JSON list of papers with titles (see FORMAT.md)")
    return gold


def gold_papers(gold: list[dict[str, Any]], path: Path) -> list[Paper]:
    """The gold file's papers as records, to extract from."""
    return [
        Paper(title=p["title"], abstract=p.get("abstract", ""), sources=(SourceRef(str(path), i + 1),))
        for i, p in enumerate(gold)
    ]


def load_predictions(path: Path) -> list[dict[str, Any]]:
    rows = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError(f"{path}: no such predictions file; run `kg extract ... --jsonl {path}` first") from None
    for number, line in enumerate(lines, start=1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except ValueError as exc:
                raise InputError(f"{path}:{number}: not valid JSON ({exc.msg}); one object per line") from None
    return rows
