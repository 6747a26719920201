"""Extraction output in the gold format, and its score against a gold file.

The output and the scoring rules are those of shared/eval/FORMAT.md: one JSON object per paper
(``id``, ``title``, ``entities``, ``repos``); papers matched to gold by title (lower-case, letters
and digits); names compared after the same normalisation, a trailing "s" ignored on names longer
than 3 characters; micro P/R/F1 per type, over all types ("any"), for introduces and for repos.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from paperkg.errors import InputError
from paperkg.model import ENTITY_TYPES, Paper, PaperExtraction, SourceRef
from paperkg.sources.files import read_text_file
from paperkg.sources.json_items import JSONProblem, parse_json
from paperkg.sources.text import one_line

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
    return {"id": paper.key, "title": paper.title, "entities": entities, "repos": repos, "results": result_records(extraction)}


def result_records(extraction: PaperExtraction) -> list[dict[str, Any]]:
    """The paper's results in RESULTS.md's fields, with the rule and offsets added."""
    return [
        {
            "subject": r.subject,
            "own": r.own,
            "dataset": r.dataset,
            "metric": r.metric,
            "value": r.value,
            "unit": r.unit,
            "setting": r.setting,
            "evidence": r.evidence.sentence,
            "start": r.evidence.start,
            "end": r.evidence.end,
            "rule": r.evidence.rule,
        }
        for r in extraction.results
    ]


def title_match_key(title: str) -> str:
    """A title as gold and predictions are matched: read as kg reads text, accents off, letters and digits."""
    return "".join(ch for ch in _folded(title).lower() if ch.isalnum())


def _folded(text: str) -> str:
    """``text`` as kg reads it (``one_line``), without its accents ("Pok\\'emon", "Pokémon" -> "Pokemon")."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", one_line(text)) if not unicodedata.combining(ch))


def name_key(name: str) -> str:
    """A name as the scorer matches it: read as kg reads text, accents off ("T\\"ulu" = "Tülu" = "Tulu"),
    lower case, letters and digits only, a plural's s dropped."""
    core = re.sub(r"[^a-z0-9]", "", _folded(name).lower())
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
        if "model" not in paper:
            continue  # a results-only gold (RESULTS.md) has no entities to score
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


# Gold files shipped with the package, by the name `kg eval --gold NAME` takes: the seed papers of
# the bundled corpus annotated by hand (kg/data/NOTICE.md).
BUNDLED_GOLDS = {"dev": "gold_dev.json"}


def resolve_gold(name: str | Path) -> Path:
    """The gold file ``--gold`` names: a bundled gold by name ("dev"), else the path as given."""
    if str(name) in BUNDLED_GOLDS:
        return Path(str(resources.files("paperkg.data") / BUNDLED_GOLDS[str(name)]))
    return Path(name)


def load_gold(path: Path) -> list[dict[str, Any]]:
    """A gold file, or an InputError that names the file and the problem."""
    if not path.exists():
        raise InputError(f"{path}: no such gold file; pass --gold PATH")
    try:
        gold = parse_json(read_text_file(path).text)  # size-capped, regular files only
    except JSONProblem as exc:
        raise InputError(f"{path}:{exc.lineno}: not valid JSON ({exc.msg}); check the gold file") from None
    if not isinstance(gold, list) or not all(
        isinstance(p, dict) and isinstance(p.get("title"), str) and isinstance(p.get("abstract", ""), str) for p in gold
    ):
        raise InputError(f"{path}: expected a JSON list of papers with titles (see FORMAT.md)")
    return gold


def gold_papers(gold: list[dict[str, Any]], path: Path) -> list[Paper]:
    """The gold file's papers as records, to extract from: read as kg's readers read listings (``one_line``:
    every run of white space one space, TeX accents as letters; gold files keep the listings' line breaks,
    "we introduce\nFactorized Quantization (FQ)", and escapes, "T\\"ULU 3"), so that eval scores what a
    built graph holds."""
    return [
        Paper(title=one_line(p["title"]), abstract=one_line(p.get("abstract", "")),
              sources=(SourceRef(str(path), i + 1),))
        for i, p in enumerate(gold)
    ]


def load_predictions(path: Path) -> list[dict[str, Any]]:
    rows = []
    if not path.exists():
        raise InputError(f"{path}: no such predictions file; run `kg extract ... --jsonl {path}` first")
    lines = read_text_file(path).text.splitlines()
    for number, line in enumerate(lines, start=1):
        if line.strip():
            try:
                row = parse_json(line)
            except JSONProblem as exc:
                raise InputError(f"{path}:{number}: not valid JSON ({exc.msg}); one object per line") from None
            if not isinstance(row, dict):
                raise InputError(f"{path}:{number}: expected a JSON object per line, found {type(row).__name__}")
            rows.append(row)
    return rows


# ---------------------------------------------------------------------------------------------
# Results (shared/eval/RESULTS.md): matched on dataset name and value; subject scored apart
# ---------------------------------------------------------------------------------------------


def _letters_digits(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


@dataclass
class ResultScore:
    """Precision and recall over results, and subject accuracy over the matched ones."""

    counts: Counts = field(default_factory=Counts)
    subject_right: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_positives: list[dict[str, Any]] = field(default_factory=list)
    wrong_subjects: list[dict[str, Any]] = field(default_factory=list)

    @property
    def subject_accuracy(self) -> float:
        return self.subject_right / self.counts.tp if self.counts.tp else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {**self.counts.as_dict(), "subject_accuracy": round(self.subject_accuracy, 4), "subject_right": self.subject_right}


def pooled_results(scores: Iterable[ResultScore]) -> ResultScore:
    """Several sets' result scores as one: counts and right subjects summed (a micro average, so a
    set with many results weighs more than a small one), misses and false positives joined."""
    total = ResultScore()
    for part in scores:
        total.counts.tp += part.counts.tp
        total.counts.fp += part.counts.fp
        total.counts.fn += part.counts.fn
        total.subject_right += part.subject_right
        total.misses += part.misses
        total.false_positives += part.false_positives
        total.wrong_subjects += part.wrong_subjects
    return total


def _same_value(a: Any, b: Any) -> bool:
    try:
        return abs(float(a) - float(b)) < 1e-9
    except (TypeError, ValueError):
        return False


def _subject_right(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool:
    if gold.get("own") and pred.get("own"):
        return True
    return _letters_digits(str(gold.get("subject", ""))) == _letters_digits(str(pred.get("subject", "")))


def score_results(gold: list[dict[str, Any]], predictions: Iterable[dict[str, Any]]) -> ResultScore:
    """Score predicted results against gold ones (papers matched by title), RESULTS.md's rules:
    a match needs the same normalised dataset and an equal value; each gold result matches once."""
    by_title = {title_match_key(p["title"]): p for p in predictions}
    result = ResultScore()
    for paper in gold:
        predicted = list((by_title.get(title_match_key(paper["title"])) or {}).get("results", []))
        used = [False] * len(predicted)
        for item in paper.get("results", []):
            match = next(
                (
                    i
                    for i, pred in enumerate(predicted)
                    if not used[i]
                    and _letters_digits(pred["dataset"]) == _letters_digits(item["dataset"])
                    and _same_value(pred["value"], item["value"])
                ),
                None,
            )
            if match is None:
                result.counts.fn += 1
                result.misses.append({"title": paper["title"], **_brief(item)})
                continue
            used[match] = True
            result.counts.tp += 1
            if _subject_right(item, predicted[match]):
                result.subject_right += 1
            else:
                wrong = {"title": paper["title"], "gold": _brief(item), "predicted": _brief(predicted[match])}
                result.wrong_subjects.append(wrong)
        for pred, was_used in zip(predicted, used, strict=True):
            if not was_used:
                result.counts.fp += 1
                result.false_positives.append({"title": paper["title"], **_brief(pred)})
    return result


def _brief(item: Mapping[str, Any]) -> dict[str, Any]:
    return {k: item.get(k) for k in ("subject", "own", "dataset", "metric", "value", "unit")}


def has_results(gold: list[dict[str, Any]]) -> bool:
    """True when the gold file annotates results (RESULTS.md), so `kg eval` scores them."""
    return any("results" in paper for paper in gold)


def with_results(gold: list[dict[str, Any]], results_gold: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The gold papers with the results a RESULTS.md gold file gives them (matched by key, else title)."""
    by_key = {p["key"]: p["results"] for p in results_gold if "key" in p and "results" in p}
    by_title = {title_match_key(p["title"]): p["results"] for p in results_gold if "results" in p}
    joined = []
    for paper in gold:
        found = by_key.get(paper.get("key", "")) if paper.get("key") in by_key else by_title.get(title_match_key(paper["title"]))
        joined.append({**paper, "results": found} if found is not None else paper)
    return joined
