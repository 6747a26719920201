"""Reported results: absolute scores an abstract gives a subject on a dataset (shared/eval/RESULTS.md).

Two pure functions, in two steps:

- ``find_scores`` reads the text alone: numbers that may be scores (with their unit, an adjacent
  metric and how they are grouped), leaving out relative changes ("+12.0%", "improves by 2%",
  "31x faster"), costs and sizes ("7B", "8 GPUs", "40% of the parameters"). The spaCy component
  ``paperkg_scores`` puts them on ``Doc._.scores``.
- ``attach_results`` ties each score to a dataset the paper names ("85.3 on AIME 2024", "On
  Omni3D, it reaches 34.2", "MMLU (63% & 66%)") and to a subject (the model or method that scored
  it, or the paper's own one for "our model", "it", "we"), once the entities are resolved.

A score with no dataset is not a result; precision matters more than recall, so a score is kept
only when the words around it say how it attaches.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

# ---------------------------------------------------------------------------------------------
# Step 1: scores in the text
# ---------------------------------------------------------------------------------------------

_METRIC = (
    r"(?:top-?[15]\s+)?(?:zero-shot\s+|few-shot\s+|\d+-shot\s+)?"
    r"(?:accuracy|acc\.?|exact match|EM|F1(?:-score)?|BLEU(?:-\d)?|ROUGE(?:-[12L])?|METEOR|CIDEr|SPICE|"
    r"[rg]?FID|FVD|KID|IS|PSNR|SSIM|LPIPS|mAP|AP(?:50|75|3D|@?\d*)?|mIoU|IoU|PPL|perplexity|WER|CER|"
    r"[Pp]ass@\d+|pass rate|NDCG@\d+|nDCG@\d+|MRR(?:@\d+)?|Recall@\d+|R@\d+|Precision@\d+|Hit@\d+|ANLS|"
    r"success rate|win[- ]rate|Elo|AUC|AUROC|ODS|HOTA|MOTA|PQ|CLIP[- ]?score|EER|MAE|RMSE|BPC|"
    r"score|scores|points|pts|ACC@[\d.]+|Acc@[\d.]+|ACC|Acc)"
)
_METRIC_AFTER = re.compile(rf"^\s*(?:\\?%\s*)?(?:dB\s+)?(?:\(?\s*)?({_METRIC})(?![\w-])")
_METRIC_BEFORE = re.compile(rf"(?<![\w-])({_METRIC})\s*(?:of|=|:|is|was|reaches|reaching|)\s*(?:only\s+|about\s+|over\s+)?$")

_GROUP = re.compile(
    r"(?<![\w.@#/$€£+±−\-])(\d{1,4}(?:\.\d+)?)((?:\s?/\s?\d{1,4}(?:\.\d+)?)*)"
    r"(\s?(?:\\?%|percent\b|per cent\b))?"
)
_SIGN_BEFORE = re.compile(r"[+±−]\s*$|(?<![\w\d])-\s*$|\(\s*[+\-−]\s*$")
# Words right before a number that make it a change, a cost or a count, not a score.
_CHANGE_BEFORE = re.compile(
    r"\b(?:by|up to|gains?|improvements?|increases?|decreases?|reductions?|boosts?|drops?|margins?|gaps?|speed-?ups?|"
    r"lead|leads|delta|saving|savings|only about|roughly|approximately|around|nearly|almost|over|than|"
    r"at least|at most|more than|less than|fewer than|top|step|steps|stage|version|v|rank|ranks|ranked|"
    r"first|layer|level|levels|table|figure|fig\.|section|chapter|phase|round|turn|epoch|epochs|batch|k|n|"
    r"d|length|size|budget|window|rate of|ratio of|cost of|costs of|costing|uses|using|with|within|"
    r"reduc\w+|cut\w*|lower\w*|rais\w+|increas\w+|improv\w+|boost\w*|shrink\w*|compress\w*)"
    r"(?:\s+(?:of|about|up to|around|nearly|approximately|only))*\s*$"
    r"|\bby\s+(?:up to\s+)?\d[\d.]*\s?(?:%|points?|pts)?\s*(?:,|and|&|or)\s*$",
    re.IGNORECASE,
)
_SIZE_AFTER = re.compile(
    r"^(?:\s?[-‐]?\s?(?:[BMKkTG]\b|B-|M-|billion|million|thousand|trillion|[KMGT]B\b|GPUs?|TPUs?|hours?|hrs?\b|h\b|"
    r"days?|weeks?|months?|years?|min\b|mins?\b|minutes?|seconds?|sec\b|s\b|ms\b|tokens?|images?|samples?|examples?|"
    r"instances?|languages?|tasks?|benchmarks?|datasets?|layers?|steps?|epochs?|times|fold|parameters?|params?|"
    r"papers?|questions?|problems?|videos?|categories|classes|domains?|models?|subjects?|users?|participants?|"
    r"annotators?|pairs?|FPS|fps|frames?|shots?|demonstrations?|iterations?|queries|documents?|hop|hops|bits?|"
    r"dimensions?|heads?|experts?|agents?|environments?|scenes?|objects?|cameras?|views?|people|human|humans|"
    r"[xX×]\b|[xX×](?=\s|$|[,.;)])|k\b|K\b|nd\b|st\b|rd\b|th\b|D\b|-shot|-bit|-way|-layer|-step|-turn|-hop|-stage|"
    r"-fold|-dimensional|-token|-class|-day|-hour|-second|-minute|-point|-level|-order|-[a-z]))"
)
_CHANGE_AFTER = re.compile(
    r"^\s*(?:(?:points?|pts|pp|percentage points?|percent(?:age)?)\s+)?(?:absolute|relative|improvement|improvements|"
    r"gains?|increase|decrease|reduction|drop|boost|fewer|less|more|higher|lower|better|worse|faster|slower|"
    r"smaller|larger|bigger|speed|speedup|of the|of all|of its|of their|of our|of these|of those|of them|of which|"
    r"over|above|below|compared|margin|lead|percentage|pp\b|points? (?:higher|lower|better|above|over|improvement|gain)|"
    r"of (?:the )?(?:parameters|compute|cost|time|memory|data|training|tokens|samples|examples)|"
    r"(?:of\s+)?(?:cases|instances|queries|questions|problems|users|participants|time|samples)\b|"
    r"\(relative\)|relatively|on average|average improvement|less|cheaper|faster|sparsity|compression|"
    r"success(?!\s+rate)|of [a-z]+ (?:tokens|parameters|layers|data))",
    re.IGNORECASE,
)
_RESOLUTION_BEFORE = re.compile(r"\d\s?(?:[x×]|times)\s?$")
_RESOLUTION_AFTER = re.compile(r"^\s?(?:[x×]\s?\d|times\s?\d|px\b|p\b|-?pixels?\b|resolution)")
_METRIC_WORD = re.compile(rf"(?<![\w-])({_METRIC})(?![\w-])")
_RANGE = re.compile(r"^\s?[-–]\s?\d")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_FROM_BEFORE = re.compile(r"\bfrom\s*$", re.IGNORECASE)
_TO_AFTER = re.compile(r"^\s*(?:to|->|→)\s*\d")
_TO_BEFORE = re.compile(r"\bfrom\s+\d[\d.]*\s?(?:%|percent)?\s*(?:to|->|→)\s*$", re.IGNORECASE)
_VS_AFTER = re.compile(r"^\s*(?:vs\.?|versus)\s*\d")
_VS_BEFORE = re.compile(r"\d\s?%?\s*(?:vs\.?|versus)\s*$")


@dataclass(frozen=True, slots=True)
class Score:
    """A number the text may report as a score, with what sits around it.

    ``start``/``end`` are the number's character offsets; ``group``/``index``/``size`` say which
    slash group ("22.6/24.8 AP3D") it belongs to and where; ``link`` marks the two ends of "from
    12.0% to 23.4%" (``from``, ``to``) and of "0.88 vs 0.54" (``vs_first``, ``vs_second``).
    """

    start: int
    end: int
    text: str
    value: float
    unit: str | None
    metric: str | None
    tail: int  # where the number, its unit and a metric after it end
    group: int
    index: int
    size: int
    link: str | None = None


def _unit(raw: str | None) -> str | None:
    return "%" if raw and raw.strip() else None


def find_scores(text: str) -> list[Score]:
    """Numbers of ``text`` that may be reported scores, relative changes and sizes left out.

    >>> [s.value for s in find_scores("It scores 85.3 on AIME 2024, a +12.0% gain, with 7B parameters.")]
    [85.3]
    """
    found: list[Score] = []
    for group_index, match in enumerate(_GROUP.finditer(text)):
        first = match.group(1)
        rest = [part.strip() for part in match.group(2).split("/") if part.strip()]
        numbers = [first, *rest]
        unit_raw = match.group(3)
        before = text[max(0, match.start() - 40) : match.start()]
        after = text[match.end() : match.end() + 60]
        if _SIGN_BEFORE.search(before) or _CHANGE_BEFORE.search(before) or _RESOLUTION_BEFORE.search(before):
            continue
        if _RANGE.match(after) or re.search(r"\d\s?%?\s?[-–]\s?$", before):
            continue  # "6.22%-7.66%": a range of gains
        if _RESOLUTION_AFTER.match(after):
            continue  # "256x256", "512 times 512", "64px": an image size
        if not unit_raw and _SIZE_AFTER.match(after):
            continue
        if _CHANGE_AFTER.match(after):
            continue
        if len(numbers) == 1 and not unit_raw and _YEAR.match(first):
            continue
        if len(numbers) > 4:
            continue
        metric_after = _METRIC_AFTER.match(after)
        metric = metric_after.group(1) if metric_after else None
        tail = match.end() + (metric_after.end() if metric_after else 0)
        if metric_after and _CHANGE_AFTER.match(text[tail : tail + 40]):
            continue
        if metric is None:
            metric_before = _METRIC_BEFORE.search(before)
            metric = metric_before.group(1) if metric_before else None
        if metric and metric.lower() in ("score", "scores", "points", "pts"):
            metric = None
        if metric is None:  # "FID scores of 1.70", "the FID of SiT from 8.26 to 3.63": the clause's metric
            named = [m for m in _METRIC_WORD.finditer(text, max(0, match.start() - 70), match.start())]
            named = [m for m in named if m.group(1).lower() not in ("score", "scores", "points", "pts")]
            clause = text[named[-1].end() : match.start()] if named else ""
            if named and not re.search(r"[;.]\s|\d", clause):
                metric = named[-1].group(1)
            elif found and found[-1].metric and not re.search(r"[;.]\s", text[found[-1].end : match.start()]):
                metric = found[-1].metric  # "FID ... from 8.26 to 3.63", "1.70 on A and 2.89 on B"
        link = None
        if _FROM_BEFORE.search(before) and _TO_AFTER.match(after):
            partner = re.match(r"\s*(?:to|->|→)\s*\d[\d.]*", after)
            if partner and _SIZE_AFTER.match(after[partner.end() :]):
                continue  # "from 741 to 225 tokens": a length, not a score
            link = "from"
        elif _TO_BEFORE.search(text[max(0, match.start() - 40) : match.start()]):
            link = "to"
        elif _VS_AFTER.match(after):
            link = "vs_first"
        elif _VS_BEFORE.search(before):
            link = "vs_second"
        position = match.start()
        for index, number in enumerate(numbers):
            start = text.index(number, position)
            position = start + len(number)
            try:
                value = float(number)
            except ValueError:  # pragma: no cover - the pattern only matches numbers
                continue
            found.append(
                Score(
                    start,
                    start + len(number),
                    number,
                    value,
                    _unit(unit_raw),
                    metric,
                    tail,
                    group_index,
                    index,
                    len(numbers),
                    link,
                )
            )
    return found


# ---------------------------------------------------------------------------------------------
# Step 2: scores tied to datasets and subjects
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NamedEntity:
    """An entity the paper names, as the result step needs it."""

    name: str
    type: str  # model, dataset or method
    forms: tuple[str, ...]
    introduced: bool = False


@dataclass(frozen=True, slots=True)
class FoundResult:
    """One reported result, with the sentence and the rule that tied it."""

    subject: str
    own: bool
    subject_entity: str | None  # the name of the paper's entity the subject is, if it is one
    dataset: str  # as written
    dataset_entity: str
    metric: str | None
    value: float
    value_text: str
    unit: str | None
    setting: str | None
    sentence: str
    start: int
    end: int
    rule: str
    confidence: float


@dataclass(frozen=True, slots=True)
class _Spot:
    start: int
    end: int
    text: str
    entity: NamedEntity


OWN_SUBJECT = "(this paper)"
_SELF = re.compile(
    r"\b(?:our|ours|we|it|its|this (?:model|method|approach|system|framework|agent|work)|the proposed \w+|"
    r"the resulting model|the model|the final model)\b",
    re.IGNORECASE,
)
_BASELINE = re.compile(r"\s*(?:(?:best[- ]performing|strongest|best|strong)\s+)?baselines?\b", re.IGNORECASE)
_BASELINE_SUBJECT = re.compile(
    r"\b(?:our|the)\s+((?:(?:best[- ]performing|strongest|best|strong)\s+)?baselines?)\b", re.IGNORECASE
)
_HUMANS = re.compile(r"\b(?:humans|human experts|human annotators|human performance)\b", re.IGNORECASE)
_COMPARED_BEFORE = re.compile(
    r"\b(?:than|to|over|against|outperform\w*|surpass\w*|beat\w*|exceed\w*|such as|like|including|compared|versus|vs\.?|"
    r"rival\w*|match\w*|trail\w*|behind|with|from|of|using|on|based on|upon)\s+(?:the\s+|strong\s+|proprietary\s+|"
    r"open-source\s+|state-of-the-art\s+|fully\s+[\w-]+\s+|models?\s+|baselines?\s+)*$",
    re.IGNORECASE,
)
_LINK_GAP = re.compile(
    r"^\s*[,)]?\s*(?:(?:and|with|while)\s+)?(?:an?\s+)?(?:[\w@./-]+\s+){0,3}?\b(?:on|in|at|for|across|of)\s+"
    r"(?:the\s+|our\s+|(?:newly\s+)?(?:introduced|proposed|curated|challenging|popular|widely[- ]used|standard|"
    r"held-out|official|full|public|new|recent|latest|competitive|difficult|hard)\s+)*$",
    re.IGNORECASE,
)
_DATASET_LIST_GAP = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)$")
_UNKNOWN_DATASET_AFTER = re.compile(
    r"^\s*(?:[\w@./-]+\s+){0,2}?(?:on|in|across)\s+(?:the\s+|our\s+|[a-z-]+\s+){0,2}[A-Z][\w-]*[A-Z0-9]"
)
_BEFORE_CUE = re.compile(r"\b(?:on|in|for|across|at)\s+(?:the\s+|our\s+)?$", re.IGNORECASE)
_RESULT_VERB = re.compile(
    r"\b(?:achiev\w*|scor\w*|attain\w*|reach\w*|obtain\w*|get|gets|record\w*|set\w*|deliver\w*|yield\w*|"
    r"establish\w*|hit\w*|report\w*|improv\w*|rais\w*|boost\w*|ris\w*|increas\w*|lift\w*|push\w*)\b",
    re.IGNORECASE,
)
_SETTING = re.compile(
    r"\b(zero-shot|few-shot|one-shot|\d+-shot|pass@\d+|with(?:out)? [\w-]+ (?:prompts?|tools?|CoT))\b", re.IGNORECASE
)
_CLAUSE_BREAK = re.compile(r"[;:]|\.\s|\bwhile\b|\bwhereas\b|\bbut\b")
_HARD_BREAK = re.compile(r"[;]|\.\s|\bwhile\b|\bwhereas\b|\bbut\b")
_NUMBER = re.compile(r"(?<![\w.@-])\d+(?:\.\d+)?")
_GAP_NUMBER = re.compile(r"(?<![\w.@/-])\d+(?:\.\d+)?(?![\w.])")


_FORM_PARTS = re.compile(r"[\s_-]+")
_SEPARATORS = " \t\n_-"


def find_form(sentence: str, parts: list[str]) -> list[tuple[int, int]]:
    """Where a name's words stand in the sentence with at most one separator between them
    ("Llama 2" = "Llama-2" = "Llama2"), as whole words. String search, not a regex per name:
    names differ from paper to paper and compiling a pattern for each costs more than the search."""
    found = []
    position = sentence.find(parts[0])
    while position >= 0:
        end = position + len(parts[0])
        for part in parts[1:]:
            if end < len(sentence) and sentence[end] in _SEPARATORS and sentence.startswith(part, end + 1):
                end += 1 + len(part)
            elif sentence.startswith(part, end):
                end += len(part)
            else:
                end = -1
                break
        before = sentence[position - 1] if position else " "
        if end >= 0 and not (before.isalnum() or before in "_-") and _ends_a_word(sentence, end):
            found.append((position, end))
        position = sentence.find(parts[0], position + 1)
    return found


def _ends_a_word(sentence: str, end: int) -> bool:
    """Nothing word-like follows, except a split after a hyphen ("RefCOCO-test")."""
    if end >= len(sentence):
        return True
    after = sentence[end]
    if after.isalnum() or after == "_":
        return False
    if after == "-" and end + 1 < len(sentence) and (sentence[end + 1].isalnum() or sentence[end + 1] == "_"):
        return bool(_SPLIT_AFTER.match(sentence, end + 1))
    return True


_SPLIT_AFTER = re.compile(r"(?:test|val|dev)\b")


def _spots(sentence: str, entities: Sequence[NamedEntity]) -> list[_Spot]:
    """Where each entity's forms occur in the sentence; the longer of two overlapping wins."""
    found: list[_Spot] = []
    for entity in entities:
        for form in sorted(set(entity.forms), key=len, reverse=True):
            if len(form) < 2:
                continue
            parts = [part for part in _FORM_PARTS.split(form) if part]
            for start, end in find_form(sentence, parts) if parts else ():
                found.append(_Spot(start, end, sentence[start:end], entity))
    found.sort(key=lambda s: (s.start, -(s.end - s.start)))
    kept: list[_Spot] = []
    for spot in found:
        if kept and spot.start < kept[-1].end:
            continue
        kept.append(spot)
    return kept


def _extend_split(sentence: str, spot: _Spot) -> str:
    """The dataset as written with the split or variant attached ("RefCOCOg-test", "ImageNet 256")."""
    tail = re.match(
        r"(?:[-_ ](?:test|val|dev|validation|valid|test-dev|test-std|testA|testB|hard|easy)\b"
        r"|\s\d{2,3}(?:[x×]\d{2,3})?\b(?!\s?%))",
        sentence[spot.end :],
    )
    if tail and not re.match(r"\s\d", tail.group(0)):
        return sentence[spot.start : spot.end + tail.end()]
    if tail and re.fullmatch(r"\s\d{3}(?:[x×]\d{3})?", tail.group(0)):  # "ImageNet 256", "ImageNet 512x512"
        return sentence[spot.start : spot.end + tail.end()]
    return spot.text


def attach_results(
    text: str,
    sentences: Sequence[tuple[int, int]],
    scores: Sequence[Score],
    entities: Sequence[NamedEntity],
    *,
    own_name: str | None,
    own_dataset: NamedEntity | None = None,
) -> list[FoundResult]:
    """The results of one abstract: each score tied to a dataset and a subject, or dropped.

    Args:
        text: the abstract.
        sentences: its sentence ranges.
        scores: ``find_scores(text)``.
        entities: the paper's models, datasets and methods (with every form they are written in).
        own_name: the name of the model or method the paper introduces ("our model" scores go to it);
            None when it introduces none ("(this paper)").
        own_dataset: the one benchmark the paper introduces: the dataset of a score that names
            none, in a sentence that gives a subject ("78.4% for Gemini-3.1-Pro").
    """
    datasets = [e for e in entities if e.type == "dataset"]
    subjects = [e for e in entities if e.type in ("model", "method")]
    results: list[FoundResult] = []
    for s_start, s_end in sentences:
        sentence = text[s_start:s_end]
        local = [s for s in scores if s_start <= s.start < s_end]
        if not local:
            continue
        data_spots = _spots(sentence, datasets)
        subject_spots = _spots(sentence, subjects)
        covered = data_spots + subject_spots
        local = [s for s in local if not any(spot.start <= s.start - s_start < spot.end for spot in covered)]
        groups: dict[int, list[Score]] = {}
        for score in local:
            groups.setdefault(score.group, []).append(score)
        claimed: set[int] = set()  # datasets a score before took with "on": not another's by "On D, ..."
        found: list[FoundResult] = []
        for group in groups.values():
            found += _group_results(
                sentence,
                s_start,
                group,
                data_spots,
                subject_spots,
                own_name=own_name,
                own_dataset=own_dataset,
                claimed=claimed,
                score_starts={x.start - s_start for x in local},
            )
        results += _respective(sentence, s_start, found, data_spots, subject_spots)
    return results


def _respective(
    sentence: str, offset: int, found: list[FoundResult], data_spots: list[_Spot], subject_spots: list[_Spot]
) -> list[FoundResult]:
    """ "Mistral-7B-v0.3 and Llama 3 8B on MMLU (63% & 66%)": the scores in the parenthesis after a
    dataset go, in order, to the names listed before it."""
    import dataclasses

    for spot in data_spots:
        paren = re.match(r"\s*\(([^()]*)\)", sentence[spot.end :])
        if not paren:
            continue
        inside = (spot.end + paren.start(1), spot.end + paren.end(1))
        scored = [r for r in found if inside[0] <= r.start - offset < inside[1]]
        if len(scored) < 2:
            continue
        on = re.search(r"\s+(?:on|in)\s+(?:the\s+)?$", sentence[: spot.start])
        if not on:
            continue
        chain: list[_Spot] = []
        end = on.start()
        for subject in reversed([s for s in subject_spots if s.end <= end]):
            if subject.end == end or (
                chain and re.fullmatch(r"\s*(?:,|and|&|,\s*and)\s*", sentence[subject.end : chain[-1].start])
            ):
                if not chain and subject.end != end:
                    break
                chain.append(subject)
                end = -1
            else:
                break
        chain.reverse()
        if len(chain) != len(scored):
            continue
        for result, subject in zip(scored, chain, strict=True):
            index = found.index(result)
            found[index] = dataclasses.replace(
                result, subject=subject.entity.name, subject_entity=subject.entity.name, own=subject.entity.introduced
            )
    return found


def _group_results(
    sentence: str,
    offset: int,
    group: list[Score],
    data_spots: list[_Spot],
    subject_spots: list[_Spot],
    *,
    own_name: str | None,
    own_dataset: NamedEntity | None,
    claimed: set[int],
    score_starts: set[int],
) -> list[FoundResult]:
    head = group[0]
    start = head.start - offset
    tail = head.tail - offset
    if head.link == "from":  # "from 8.4% to 17.2% on D": the pair's dataset follows the second number
        to_part = re.match(r"\s*(?:to|->|→)\s*\d[\d.]*\s?(?:%|percent\b)?", sentence[tail:])
        tail += to_part.end() if to_part else 0
    pairing = _datasets_after(sentence, tail, data_spots)
    if not pairing and _UNKNOWN_DATASET_AFTER.match(sentence[tail:]):
        return []  # on a dataset the paper's entities do not hold: not another dataset's score
    claimed.update(spot.start for spot in pairing)
    rule = "results.on_dataset"
    if not pairing:
        pairing = _dataset_before(sentence, start, data_spots, head, claimed, score_starts)
        rule = "results.dataset_before"
    if pairing and len(pairing) > 1 and len(pairing) != len(group):
        pairing = pairing[:1]
    if not pairing:
        if own_dataset is None or not (head.unit or head.metric) or data_spots:
            return []
        subject = _subject(sentence, start, head, subject_spots)
        if subject is None or subject[0] is None and not _RESULT_VERB.search(sentence[:start]):
            return []
        short = min((f for f in own_dataset.forms if len(f) >= 3), key=len, default=own_dataset.name)
        split = re.search(r"\bon (?:the )?(dev|test|validation) set\b", sentence)
        dataset_names: list[tuple[str, str]] = [(f"{short} {split.group(1)} set" if split else short, own_dataset.name)]
        rule = "results.own_benchmark"
    else:
        dataset_names = [(_extend_split(sentence, spot), spot.entity.name) for spot in pairing]
    subject = _subject(sentence, start, head, subject_spots)
    setting_match = _SETTING.search(sentence)
    setting = setting_match.group(1) if setting_match else None
    found = []
    for i, score in enumerate(group):
        surface, dataset_entity = dataset_names[i] if len(dataset_names) == len(group) else dataset_names[0]
        who = subject
        if score.link in ("to",) or score.link == "vs_first":
            who = (None, True)  # "improves X from 12.0% to 23.4%": the second is the paper's
        elif score.link == "vs_second":
            who = _nearest_entity(sentence, start, subject_spots) or subject
        if who is None:
            who = (None, True)
        entity, own = who
        if entity is None and not own:
            name, entity_name = "humans", None
        elif entity is None:
            name, entity_name = own_name or OWN_SUBJECT, own_name
        elif entity.type == "baseline":
            name, entity_name = entity.name, None
        else:
            name, entity_name = entity.name, entity.name
            own = entity.introduced or (own_name is not None and _variant_of(entity.name, own_name))
        found.append(
            FoundResult(
                subject=name,
                own=own,
                subject_entity=entity_name,
                dataset=surface,
                dataset_entity=dataset_entity,
                metric=score.metric,
                value=score.value,
                value_text=score.text,
                unit=score.unit,
                setting=setting,
                sentence=sentence,
                start=score.start,
                end=score.end,
                rule=rule,
                confidence=0.8 if rule == "results.on_dataset" else 0.6,
            )
        )
    return found


def _variant_of(name: str, own_name: str) -> bool:
    """ "Qwen2-72B-Instruct" of the paper's "Qwen2": the paper's own model in another size."""
    return name == own_name or re.match(rf"{re.escape(own_name)}(?:[\s-]|$)", name) is not None


def _datasets_after(sentence: str, tail: int, data_spots: list[_Spot]) -> list[_Spot]:
    """ "85.3 on AIME 2024", "40.3/48.9 ODS on Argoverse 2 and ScanNet": the datasets the score is on."""
    following = [spot for spot in data_spots if spot.start >= tail]
    if not following:
        return []
    first = following[0]
    gap = sentence[tail : first.start]
    if len(gap) > 45 or _NUMBER.search(gap) or not _LINK_GAP.match(gap):
        return []
    chain = [first]
    for spot in following[1:]:
        if _DATASET_LIST_GAP.match(sentence[chain[-1].end : spot.start]):
            chain.append(spot)
        else:
            break
    return chain


def _dataset_before(
    sentence: str, start: int, data_spots: list[_Spot], score: Score, claimed: set[int], score_starts: set[int]
) -> list[_Spot]:
    """ "On Omni3D, it reaches 34.2", "on MMLU (63% & 66%)": the nearest dataset named before."""
    preceding = [spot for spot in data_spots if spot.end <= start]
    if not preceding:
        return []
    spot = preceding[-1]
    gap = sentence[spot.end : start]
    if len(gap) > 120 or ";" in gap or spot.start in claimed:
        return []
    if not _BEFORE_CUE.search(sentence[max(0, spot.start - 20) : spot.start]) and not re.match(r"^\s*[(:]", gap):
        return []
    if not (score.unit or score.metric or score.link or _RESULT_VERB.search(gap)):
        return []
    variant_end = spot.start + len(_extend_split(sentence, spot))  # "ImageNet 256": its number is its name's
    for number in _GAP_NUMBER.finditer(gap):
        if spot.end + number.start() >= variant_end and spot.end + number.start() not in score_starts:
            return []  # a number between that is not a score ("up to 10.1% on MMLU, ... 6.1%")
    return [spot]


def _nearest_entity(sentence: str, start: int, subject_spots: list[_Spot]) -> tuple[NamedEntity, bool] | None:
    before = [spot for spot in subject_spots if spot.end <= start]
    return (before[-1].entity, False) if before else None


def _subject(sentence: str, start: int, score: Score, subject_spots: list[_Spot]) -> tuple[NamedEntity | None, bool] | None:
    """Who scored: (entity, own) for a named model or method, (None, True) for the paper's own
    ("our model", "it", "we"), (None, False) for humans; None when nothing says."""
    for_match = re.match(r"^\s*(?:%\s*)?(?:for|by|of)\s+", sentence[start + len(score.text) :])
    if for_match:
        position = start + len(score.text) + for_match.end()
        named = [spot for spot in subject_spots if spot.start == position]
        if named:
            return named[0].entity, False
    found = _subject_in(sentence, start, subject_spots, soft=True)
    return found if found is not None else _subject_in(sentence, start, subject_spots, soft=False)


def _subject_in(sentence: str, start: int, subject_spots: list[_Spot], *, soft: bool) -> tuple[NamedEntity | None, bool] | None:
    """The subject in the clause before ``start``; ``soft`` ends the clause at a colon too ("The
    flagship model, Qwen2-72B, showcases remarkable performance: 84.2 on MMLU" looks past it)."""
    window_start = 0
    for match in (_CLAUSE_BREAK if soft else _HARD_BREAK).finditer(sentence[:start]):
        window_start = match.end()
    window = sentence[window_start:start]
    candidates: list[tuple[int, tuple[NamedEntity | None, bool]]] = []
    for spot in subject_spots:
        if window_start <= spot.start and spot.end <= start:
            if _COMPARED_BEFORE.search(sentence[max(0, spot.start - 40) : spot.start]):
                continue
            candidates.append((spot.start, (spot.entity, False)))
    for match in _SELF.finditer(window):
        if _BASELINE.match(window[match.end() :]):
            continue
        candidates.append((window_start + match.start(), (None, True)))
    for match in _BASELINE_SUBJECT.finditer(window):
        candidates.append((window_start + match.start(), (NamedEntity(match.group(1), "baseline", (), False), False)))
    if any(own for _, (entity, own) in candidates if entity is None) or any(
        entity is not None and entity.introduced for _, (entity, _own) in candidates
    ):
        # "a large-scale RL system that achieves 50 points": a technique the paper uses is not
        # the subject when the sentence speaks of the paper's own system.
        candidates = [c for c in candidates if c[1][0] is None or c[1][0].introduced or c[1][0].type != "method"]
    for match in _HUMANS.finditer(window):
        candidates.append((window_start + match.start(), (None, False)))
    if not candidates:
        return None
    return max(candidates, key=lambda c: c[0])[1]
