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
import string
from collections.abc import Sequence
from dataclasses import dataclass

from paperkg.extractors.patterns import first_letter_groups, lower_case_twin, not_after

# ---------------------------------------------------------------------------------------------
# Step 1: scores in the text
# ---------------------------------------------------------------------------------------------

_METRIC = (
    r"(?:top-?[15]\s+)?(?:zero-shot\s+|few-shot\s+|\d+-shot\s+)?"
    r"(?:accuracy|acc\.?|exact match|EM|F1(?:-score)?|BLEU(?:-\d)?|ROUGE(?:-[12L])?|METEOR|CIDEr|SPICE|"
    r"[rg]?FIDs?|FVD|KID|IS|PSNR|SSIM|LPIPS|mAP|AP(?:50|75|3D|@?\d*)?|mIoU|IoU|PPL|perplexity|WER|CER|"
    r"[Pp]ass@\d+|pass rate|NDCG@\d+|nDCG@\d+|MRR(?:@\d+)?|Recall@\d+(?:\.\d+)?|R@\d+(?:\.\d+)?|Precision@\d+|Hit@\d+|ANLS|"
    r"PickScore|HPSv2(?:\.1)?|ImageReward|"
    r"success rate|win[- ]rate|Elo|AUC-ROC|ROC-AUC|AUC-PR|AUC|AUROC|AUPRC|ODS|HOTA|MOTA|PQ|CLIP[- ]?score|EER|MAE|RMSE|BPC|"
    r"recall(?: rate)?|precision|score|scores|points|pts|ACC@[\d.]+|Acc@[\d.]+|ACC|Acc)"
)
_METRIC_AFTER = re.compile(
    r"^\s*(?:\\?%\s*)?(?:dB\s+)?(?:\(?\s*)?(?:[a-z]+-(?:level|wise|averaged)\s+|(?:macro|micro|weighted)[- ]?)?"
    rf"({_METRIC})(?![\w-])"
)
_METRIC_BEFORE = re.compile(rf"(?<![\w-])({_METRIC})\s*(?:of|=|:|is|was|reaches|reaching|)\s*(?:only\s+|about\s+|over\s+)?$")

# A number not glued to a word, sign or currency: "(?<![...])\d{1,4}", written to open with the
# digit so that re skips to digits (see patterns.not_after).
_GROUP = re.compile(
    "(" + not_after(r"[\w.@#/$€£+±−^\-]", r"\d") + r"\d{0,3}(?:\.\d+)?)"
    r"((?:\s?/\s?\d{1,4}(?:\.\d+)?)*)"
    r"(\s?(?:\\?%|percent\b|per cent\b))?"
)
# The same for an ASCII text, whose digits are all 0-9: re tests a range faster than the \d category (1.2x).
_ASCII_GROUP = re.compile(_GROUP.pattern.replace(r"\d", "[0-9]"))
_SIGN_BEFORE = re.compile(r"[+±−]\s*$|(?<![\w\d])-\s*$|\(\s*[+\-−]\s*$")
# Words right before a number that make it a change, a cost or a count, not a score.
_CHANGE_CUES = (
    r"by|up to|gains?|improvements?|increases?|decreases?|reductions?|boosts?|drops?|margins?|gaps?|speed-?ups?|"
    r"lead|leads|delta|saving|savings|only about|roughly|approximately|around|nearly|almost|over|than|"
    r"at least|at most|more than|less than|fewer than|top|step|steps|stage|version|v|rank|ranks|ranked|"
    r"first|layer|level|levels|table|figure|fig\.|section|chapter|phase|round|turn|epoch|epochs|batch|k|n|"
    r"d|length|size|budget|window|(?<!success )(?<!pass )(?<!win )(?<!resolve )(?<!error )(?<!hit )rate of|"
    r"ratio of|cost of|costs of|costing|uses|using|with|within|"
    r"reduc\w+|cut\w*|lower\w*|rais\w+|increas\w+|improv\w+|boost\w*|shrink\w*|compress\w*"
)
# The cues grouped by first letter and the look-behinds of "by" read after it (see
# patterns.first_letter_groups): the same matches, a third of the time.
_CHANGE_BEFORE = re.compile(
    rf"\b(?:{first_letter_groups(_CHANGE_CUES)})"
    r"(?:\s+(?:of|about|up to(?:\s+an?)?|around|nearly|approximately|only))*\s*$"
    r"|\bby\s+(?:up to\s+)?\d[\d.]*\s?(?:\\?%|points?|pts)?\s*(?:,|and|&|or)\s*$"
    r"|\bby\s+(?:(?:an?|the|up to|about|around|nearly|over|roughly|approximately|average|avg\.?|of|as much as)\s+)+\(?\s*$"
    r"|\bby(?<!evidenced by)(?<!shown by)(?<!demonstrated by)(?<!indicated by)(?<!reflected by)(?<!highlighted by)"
    r"\s+(?:an?\s+|the\s+)?(?:average\s+|avg\.?\s+|absolute\s+|relative\s+)?"
    r"(?:(?!(?:scores?|results?|performance|values?|impressive|strong|achieving|reaching)\b)[\w-]+\s+){1,2}of\s+$",
    re.IGNORECASE,
)
_LOWER_CASE_CHANGE_BEFORE = lower_case_twin(_CHANGE_BEFORE)
_SIZE_AFTER = re.compile(
    r"^(?:\s?[-‐]?\s?(?:[BMKkTG]\b|B-|M-|billion|million|thousand|trillion|[KMGT]B\b|GPUs?|TPUs?|hours?|hrs?\b|h\b|"
    r"days?|weeks?|months?|years?|min\b|mins?\b|minutes?|seconds?|sec\b|s\b|ms\b|tokens?|images?|samples?|examples?|"
    r"instances?|languages?|tasks?|benchmarks?|datasets?|layers?|steps?|epochs?|times|fold|parameters?|params?|"
    r"papers?|questions?|problems?|videos?|categories|classes|domains?|models?|subjects?|users?|participants?|"
    r"annotators?|pairs?|FPS|fps|frames?|shots?|demonstrations?|iterations?|queries|documents?|hop|hops|bits?|"
    r"TPS\b|QPS\b|tok/s|tokens/s|it/s|dimensions?|heads?|experts?|agents?|environments?|scenes?|objects?|cameras?|views?|people|human|humans|"
    r"[xX×]\b|[xX×](?=\s|$|[,.;)])|k\b|K\b|nd\b|st\b|rd\b|th\b|D\b|-shot|-bit|-way|-layer|-step|-turn|-hop|-stage|"
    r"-fold|-dimensional|-token|-class|-day|-hour|-second|-minute|-point|-level|-order|-[a-z]))"
)
_CHANGE_AFTER = re.compile(
    r"^\s*(?:(?:points?|pts|pp|percentage points?|percent(?:age)?)\s+)?"
    r"(?:(?:performance|accuracy|score|average|relative)\s+(?:improvements?|gains?|increase|decrease|reduction|drop|boost)\b|"
    r"absolute|relative|improvement|improvements|"
    r"gains?|increase|decrease|reduction|drop|boost|fewer|less|more|higher|lower|better|worse|faster|slower|"
    r"smaller|larger|bigger|speed|speedup|of the|of all|of its|of their|of our|of these|of those|of them|of which|"
    r"over(?!all)|above|below|behind|compared|margin|lead|percentage|pp\b|"
    r"points? (?:higher|lower|better|above|over|improvement|gain)|"
    r"of (?:the )?(?:parameters|compute|cost|time|memory|data|training|tokens|samples|examples)|"
    r"(?:of\s+)?(?:cases|instances|queries|questions|problems|users|participants|time|samples)\b|"
    r"\(relative\)|relatively|on average|average improvement|less|cheaper|faster|sparsity|compression|\\?(?:down|up)arrow|[↓↑]|"
    r"success(?!\s+rate)|of [a-z]+ (?:tokens|parameters|layers|data))",
    re.IGNORECASE,
)
# "significant improvements over previous SOTA methods: 11% on Game of 24, 20% on ...": a list of gains
_CHANGES_LISTED = re.compile(
    r"\b(?:improvements?|gains?|increases?|boosts?|reductions?|decreases?)\b[^.;:\d]{0,80}:\s*(?:[^.;:]*?,\s*(?:and\s+)?)?$",
    re.IGNORECASE,
)
# "none surpasses 21.1% recall or 6.1% precision", "lags 34.80% behind": a bound or a gap, and what is listed with it
_SURPASS_BOUND = re.compile(r"\b(?:surpass(?:es|ed|ing)?|lags?|lagging|trails?|trailing)\s+(?:by\s+)?$", re.IGNORECASE)
_SOLVED_BEFORE = re.compile(
    r"\b(?:solv|resolv|pass|answer|complet|succeed|prov|verif|fix|achiev|reach|scor|attain|obtain)\w*\s+"
    r"(?:only\s+|just\s+|about\s+|over\s+)?$",
    re.IGNORECASE,
)
_SOLVING_CLAUSE = re.compile(r"\b(?:solv|resolv|pass|answer|complet|prov)\w*\b[^.;:]*$", re.IGNORECASE)
_BOUND_BEFORE = re.compile(
    r"(?:[<>≤≥~≈]=?|\bNo\.|#|\btop|\branks?|\branked|\branking|\bbelow|\babove|\bunder|\bexceed(?:s|ing)?|\bbeyond"
    r"|\b(?:surpass|exceed|beat|cross|break)\w*\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}of)\s*$",
    re.IGNORECASE,
)
_LOWER_BETTER = re.compile(r"[rg]?FID|FVD|KID|PPL|perplexity|WER|CER|MAE|RMSE|LPIPS|EER|BPC", re.IGNORECASE)
_DECLINED_TO = re.compile(
    r"\b(?:decreas|drop|fall|fell|declin|degrad|collaps|plummet|plung|deteriorat)\w*\b[^;.]{0,60}\bto\s+(?:just\s+|only\s+)?$",
    re.IGNORECASE,
)
# "reduces reasoning tokens on MATH500 from 3790 to 2125": a length falling, not a score
_LENGTH_FROM = re.compile(
    r"\b(?:tokens?|length|lengths|steps|calls|turns)\b(?:\s+[\w.-]+){0,3}?\s+(?:from|decreas\w*\s+from|from\s+[\d.,]+\s*(?:to|->|→))\s+$",
    re.IGNORECASE,
)
# "codebook usage of 97%", "a sparsity of 90%": how much of a resource, not how well
_RESOURCE_MEASURE_BEFORE = re.compile(
    r"\b(?:usage|utili[sz]ation|sparsity|compression(?: ratio)?|overhead|footprint|consumption|occupancy)"
    r"\s+(?:of|=|:|is|was|at|reaches)?\s*$",
    re.IGNORECASE,
)
# "(2) Building on X", "2) Based on": a list marker
_MARKER_BEFORE = re.compile(r"(?:^|[.;:,!?]|\band|\bor)\s*\(?$")
# "(previously 47%)": an earlier system's figure, its name not given
_EARLIER_BEFORE = re.compile(r"\b(?:previously|formerly|originally|prior best|previous best)\s*:?\s*$", re.IGNORECASE)
# "79.81% PNED gain", "a 3.5% AO gain": a change in a measure named between
_NAMED_CHANGE_AFTER = re.compile(
    r"^\s*(?:(?!(?:and|or|on|in|at|for|with|of|to)\b)[\w@.-]+\s+){1,3}"
    r"(?:gains?|improvements?|increases?|boosts?|drops?|reductions?|decreases?)\b",
    re.IGNORECASE,
)
_EFFICIENCY_WORDS = ("TPF", "TPS", "QPS", "FLOPs", "latency", "throughput", "speed", "memory", "tokens per ")
_EFFICIENCY_BEFORE = re.compile(
    rf"\b(?:{'|'.join(_EFFICIENCY_WORDS[:-1])}|tokens per \w+)\b(?:\s+[\w.%-]+){{0,6}}?\s+"
    r"(?:of|from|to|is|was|reaches|reaching|achieves|at)?\s*$"
)
# "0.94 rFID and codebook usage of 97%": another measure, named before the number
_OTHER_MEASURE_BEFORE = re.compile(
    r"\b(?!(?:scores?|points|ratings?|values?|rates?|results?|performance)\b)[A-Za-z-]{3,}\s+(?:of|=|:)\s*$"
)
_BOUND_AFTER = re.compile(
    r"^(?:\s?\\?%)?\s*(?:\+|or (?:greater|more|higher|above|better|less|lower|below|fewer|worse)\b"
    r"|and (?:above|below|up|beyond)\b)"
)
# What may follow a bare number (no unit, no metric) that is a score: "85.3 on AIME", "46.6,", "64.5 and".
_BARE_FOLLOWER = re.compile(
    r"^(?:\s*$|\s*[,.;:)\]/&–—-]|\s*\(|\s+(?:on|in|at|for|and|or|with|across|vs\.?|versus|compared|respectively|while|"
    r"which|when|to|from|over|against|under|as|after|before|using|by|among|than|dB|average|avg\.?|mean|overall|"
    r"top-[15]|points?|pts)\b"
    r"|\s*\}"  # "\\emph{1.46}"
    r"|\s+(?:overall|average|avg\.?|total|mean)\s+scores?\b"  # "57.84 overall score on Qwen-Image-Bench"
    r"|\s+[A-Z][A-Z0-9@.-]*[A-Z0-9](?!\w)"  # an unlisted metric's acronym: "91.0 PDMS"
    rf"|\s+(?:[\w-]+\s+){{1,2}}(?!(?:scores?|points|pts)\b){_METRIC}(?!\w))",  # "75.03 execution accuracy", "74.9 JumpScore mAP"
)
_VERSION_BEFORE = re.compile(r"(?<![\w-])(?!(?:" + _METRIC + r")\s$)[A-Z][\w-]*[A-Za-z]\s$")
# The text between a relative change and a number listed with it: no new clause, no result verb.
_LIST_WORDS = (
    r"(?:(?!\b(?:(?:achiev|reach|scor|obtain|attain|record|deliver|yield)\w*|sets?|while|whereas|but|which|from|to)\b)[^;:\d])"
)
_LISTED_WITH = re.compile(
    rf"(?:\s?\\?%)?(?:\s?[)\]])?{_LIST_WORDS}{{0,80}}?(?:,|\band\b|&|\bor\b)\s*(?:\(\s*)?"
    r"|(?:\s?\\?%)?\s+for\s+[\w.-]+\s*(?:,\s*(?:and\s+)?|\band\s+|&\s*)",  # "gains of 18.43% for Llama3-8B and 3.42%"
    re.IGNORECASE,
)
_LISTED_BEFORE = re.compile(r"(?:\s?\\?%)?\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s*&\s*|\s+or\s+)", re.IGNORECASE)
_RESOLUTION_BEFORE = re.compile(r"\d\s?(?:[x×]|times)\s?$")
_RESOLUTION_AFTER = re.compile(r"^\s?(?:[x×]\s?\d|times\s?\d|px\b|p\b|-?pixels?\b|resolution(?!\s+rates?\b))")
_METRIC_WORD = re.compile(rf"(?<![\w-])({_METRIC})(?![\w-])")
_RANGE = re.compile(r"^\s?(?:--|[-–—])\s?\d")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_FROM_BEFORE = re.compile(r"(?:\bfrom|\()\s*$", re.IGNORECASE)
_TO_AFTER = re.compile(r"^(?:\s?\\?%)?\s*(?:to|->|→|\\?rightarrow)\s*(?:[a-z]+\s+){0,2}\d")  # "to an impressive 57.3%"
_TO_BEFORE = re.compile(
    r"(?:\bfrom\s+|\(\s*)\d[\d.]*(?:\s?/\s?\d[\d.]*)*\s?(?:\\?%|percent)?(?:\s*(?:,|and|&)\s*\d[\d.]*\s?(?:\\?%)?)*"
    r"\s*(?:to|->|→|\\?rightarrow)\s*(?:(?!and\b|or\b)[a-z]+\s+){0,2}$",
    re.IGNORECASE,
)
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


def _flat(text: str) -> str:
    """Line breaks and Markdown bold as spaces, offsets kept: abstracts wrap lines anywhere ("up\nto
    90.0%") and some mark numbers up ("from 78.33% to **85.67**%")."""
    # str.replace, not str.translate: replace copies in C (and not at all when the character is
    # absent), translate maps character by character (some 30x slower over an abstract).
    text = text.replace("\n", " ").replace("\r", " ").replace("\t", " ").replace("**", "  ")
    # Web captures hide every "word@word" behind "[email protected]" (e-mail obfuscation), metrics
    # such as "ACC@0.5" too: an opaque token of the same length keeps the offsets and reads as one
    return _OBFUSCATED.sub(lambda m: "X@k".ljust(len(m.group(0))), text)


_DIGIT = re.compile(r"\d")  # what _GROUP opens with


def _holds_ascii_digit(text: str) -> bool:
    """A digit 0-9 stands in ``text`` (what _GROUP opens with, in an ASCII text: str.isascii costs
    nothing, str keeps the flag): ten tests for one character, each run in C at memchr speed, the
    first digit found ending them; re's search for the class tests each character in turn up to the
    first digit, which in an abstract often stands late (17x slower over the bundled texts)."""
    return (
        "0" in text or "1" in text or "2" in text or "3" in text or "4" in text
        or "5" in text or "6" in text or "7" in text or "8" in text or "9" in text
    )


_OBFUSCATED = re.compile(r"\[email\sprotected\]")


def find_scores(text: str) -> list[Score]:
    """Numbers of ``text`` that may be reported scores, relative changes and sizes left out.

    >>> [s.value for s in find_scores("It scores 85.3 on AIME 2024, a +12.0% gain, with 7B parameters.")]
    [85.3]
    """
    if not (_holds_ascii_digit(text) if text.isascii() else _DIGIT.search(text)):
        return []  # every score opens with a digit (titles and some abstracts hold none)
    text = _flat(text)
    kept: list[list[Score]] = []  # per number group, its scores
    changes: list[tuple[int, int]] = []  # (start, end) of the groups left out as relative changes
    for group_index, match in enumerate((_ASCII_GROUP if text.isascii() else _GROUP).finditer(text)):
        verdict = _verdict(text, match)
        if verdict == "change":
            changes.append((match.start(), match.end()))
        if verdict != "score":
            continue
        scores = _group_scores(text, match, group_index, kept[-1][-1] if kept else None, kept[-2][-1] if len(kept) > 1 else None)
        if scores:
            kept.append(scores)
    return [score for group in _without_listed_changes(text, kept, changes) for score in group]


def _ends_in(text: str, characters: str) -> bool:
    """The last character of ``text`` that is not white space is one of ``characters``: what a
    pattern anchored at the end ("... to\\s+$") needs there, tested before the pattern is tried."""
    tail = text.rstrip()
    return bool(tail) and tail[-1] in characters


_WORD_CHARACTERS = string.ascii_letters + string.digits + "_"
# The last words of what _CHANGE_BEFORE can match at the end of a text (its cue words, the words
# it lets follow them, and the ends of its "by ..." forms), the stems of its open-ended words
# ("reduc\\w+") and the other characters it can end in ("fig.", "(").
_CHANGE_LAST_WORDS = frozenset(
    {
        "by", "to", "gain", "gains", "improvement", "improvements", "increase", "increases", "decrease", "decreases",
        "reduction", "reductions", "boost", "boosts", "drop", "drops", "margin", "margins", "gap", "gaps", "speedup",
        "speedups", "up", "ups", "lead", "leads", "delta", "saving", "savings", "about", "roughly", "approximately",
        "around", "nearly", "almost", "over", "than", "least", "most", "top", "step", "steps", "stage", "version", "v",
        "rank", "ranks", "ranked", "first", "layer", "level", "levels", "table", "figure", "fig", "section", "chapter",
        "phase", "round", "turn", "epoch", "epochs", "batch", "k", "n", "d", "length", "size", "budget", "window", "of",
        "costing", "uses", "using", "with", "within", "only", "a", "an", "the", "and", "or", "average", "avg", "as"
    }
)
_CHANGE_STEMS = ("reduc", "cut", "lower", "rais", "increas", "improv", "boost", "shrink", "compress")
_CHANGE_LAST_CHARACTERS = ",&(."
_BOUND_LAST_WORDS = frozenset(
    {"top", "rank", "ranks", "ranked", "ranking", "below", "above", "under", "exceed", "exceeds", "exceeding", "beyond", "of"}
)
_BOUND_LAST_CHARACTERS = "<>=~#."  # and "≤≥≈", not ASCII


def _may_end_with(text: str, words: frozenset[str], stems: tuple[str, ...], characters: str) -> bool:
    """False when ``text`` is ASCII and ends (before white space) in none of ``words`` (case-blind),
    no word opening with one of ``stems`` and none of ``characters``: then a case-blind pattern
    anchored at the end that can only end so does not match, and it is not tried at every position
    (other texts are always tried: re folds a few letters, such as the Kelvin sign, onto ASCII ones)."""
    if not text.isascii():
        return True
    tail = text.rstrip()
    word = tail[len(tail.rstrip(_WORD_CHARACTERS)) :].lower()
    if not word:
        return tail[-1:] in characters if tail else True
    return word in words or word.startswith(stems)


def _change_before(before: str) -> bool:
    """_CHANGE_BEFORE.search(before), with a cheap test of the last word first, and over an ASCII text
    lower-cased, without case-blindness (see patterns.lower_case_twin)."""
    if not _may_end_with(before, _CHANGE_LAST_WORDS, _CHANGE_STEMS, _CHANGE_LAST_CHARACTERS):
        return False
    if before.isascii():
        return _LOWER_CASE_CHANGE_BEFORE.search(before.lower()) is not None
    return _CHANGE_BEFORE.search(before) is not None


def _bound_before(before: str) -> bool:
    """_BOUND_BEFORE.search(before), with a cheap test of the last word first."""
    return _may_end_with(before, _BOUND_LAST_WORDS, (), _BOUND_LAST_CHARACTERS) and bool(_BOUND_BEFORE.search(before))


def _surpass_bound(before: str) -> bool:
    """_SURPASS_BOUND.search(before), with a cheap test of the last word first (most numbers follow none
    of its words: the case-blind pattern would be tried at every position before each number)."""
    return _may_end_with(before, _SURPASS_LAST_WORDS, _SURPASS_STEMS, "") and bool(_SURPASS_BOUND.search(before))


_SURPASS_LAST_WORDS = frozenset({"by"})
_SURPASS_STEMS = ("surpass", "lag", "trail")


_RESOURCE_LAST_WORDS = frozenset(
    {
        "usage", "utilisation", "utilization", "sparsity", "compression", "ratio", "overhead", "footprint",
        "consumption", "occupancy", "of", "is", "was", "at", "reaches",
    }
)
_EARLIER_LAST_WORDS = frozenset({"previously", "formerly", "originally", "best"})


def _resource_or_earlier_before(before: str) -> bool:
    """_RESOURCE_MEASURE_BEFORE or _EARLIER_BEFORE searched in ``before``, each after a test of the last word."""
    resource = _may_end_with(before, _RESOURCE_LAST_WORDS, (), "=:") and _RESOURCE_MEASURE_BEFORE.search(before)
    return bool(resource or (_may_end_with(before, _EARLIER_LAST_WORDS, (), ":") and _EARLIER_BEFORE.search(before)))


# _verdict's patterns, compiled once: re.match(pattern, ...) looks the compiled pattern up in re's cache at each
# call, and _verdict runs for every number of every text.
_RANGE_BEFORE = re.compile(r"\d\s?%?\s?(?:--|[-–—])\s?$")
_CONFIDENCE_AFTER = re.compile(r"\s?\\?%?\s*(?:CI|confidence)\b")
_SHARE_OF_NAME_AFTER = re.compile(r"\s*of\s+(?:the\s+)?[A-Z]")
_VERSION_NUMBER = re.compile(r"\d(?:\.\d)?")


def _verdict(text: str, match: re.Match[str]) -> str:
    """ "score", "change" (a relative change: what is listed with it is one too) or "other"."""
    first = match.group(1)
    numbers = [first, *(part.strip() for part in match.group(2).split("/") if part.strip())]
    unit_raw = match.group(3)
    before = text[max(0, match.start() - 40) : match.start()]
    after = text[match.end() : match.end() + 60]
    # Cheap tests first (a character the pattern needs, where it must be): a number's verdict tries
    # a dozen patterns over the text before it, most of which cannot match there.
    head = text[max(0, match.start() - 100) : match.start()]
    listed = (":" in head and _CHANGES_LISTED.search(head)) or _surpass_bound(before)
    if (_ends_in(before, "+±−-") and _SIGN_BEFORE.search(before)) or _change_before(before) or listed:
        return "change"
    if _bound_before(before):
        return "other"  # "<=34%", "No. 1": a bound or a rank
    head = text[max(0, match.start() - 90) : match.start()]
    declined = _DECLINED_TO.search(head) if _ends_in(head, "oOtTyY") else None  # "to", "just", "only"
    if declined and not _LOWER_BETTER.search(declined.group(0)):
        return "other"  # "sensitivity ... decreased from 4-5% in MMLU to just 2%": a measure falling, not a score
    head = text[max(0, match.start() - 80) : match.start()]
    efficiency = any(word in before for word in _EFFICIENCY_WORDS) and _EFFICIENCY_BEFORE.search(before)
    if efficiency or (_ends_in(head, "mMoO>→") and _LENGTH_FROM.search(head)):  # "from", "to", "->"
        return "other"  # "improves TPF on GSM8K from 2.04 to 5.47": a speed, not a score
    if _resource_or_earlier_before(before):
        return "other"
    if not unit_raw and not match.group(2) and "." not in first and after.startswith(")") and _MARKER_BEFORE.search(before):
        return "other"  # "(2) Building on ExOPD": a list marker
    if before.endswith("_{"):
        return "other"  # "π_{0.5}": part of a name
    if _BOUND_AFTER.match(after):
        return "other"  # "a perplexity of 10 or greater", "60%+": a bound
    if _RESOLUTION_BEFORE.search(before) or _RANGE.match(after) or _RANGE_BEFORE.search(before):
        return "other"  # "6.22%-7.66%": a range of gains
    if _CONFIDENCE_AFTER.match(after):
        return "other"  # "95% CI": a confidence level
    if _RESOLUTION_AFTER.match(after):
        return "other"  # "256x256", "512 times 512", "64px": an image size
    if not unit_raw and _SIZE_AFTER.match(after):
        return "other"
    if _CHANGE_AFTER.match(after) or (unit_raw and _NAMED_CHANGE_AFTER.match(after)):
        return "change"
    # The two solving patterns (case-blind, tried at every position before the number) only for a share of a name.
    if unit_raw and _SHARE_OF_NAME_AFTER.match(after) and not (
        _SOLVED_BEFORE.search(before) or _SOLVING_CLAUSE.search(text[max(0, match.start() - 100) : match.start()])
    ):
        return "other"  # "a full 45% of C4 is now restricted": a share of data; "solves 70.8% of ProverBench" stays
    if not unit_raw and all(_YEAR.match(number) for number in numbers):  # "AIME 2024/2025"
        return "other"
    if len(numbers) > 4:
        return "other"
    metric_after = _METRIC_AFTER.match(after)
    if metric_after and _CHANGE_AFTER.match(text[match.end() + metric_after.end() : match.end() + metric_after.end() + 40]):
        return "change"
    # The anchored follower first: _METRIC_BEFORE's long alternation is searched through the text before the number.
    if not unit_raw and not metric_after and not _BARE_FOLLOWER.match(after) and not _METRIC_BEFORE.search(before):
        return "other"  # "16 frozen environments": a bare number before a word counts things
    if not unit_raw and not metric_after and _VERSION_NUMBER.fullmatch(first) and _VERSION_BEFORE.search(before):
        return "other"  # "AlpacaEval 2", "Terminal-Bench 2.0": a name's version
    return "score"


def _group_scores(
    text: str, match: re.Match[str], group_index: int, previous: Score | None, earlier: Score | None = None
) -> list[Score]:
    """The scores of one number group ("85.3", "22.6/24.8 AP3D"), with unit, metric and link
    (``previous`` and ``earlier``: the last two scores before it)."""
    first = match.group(1)
    numbers = [first, *(part.strip() for part in match.group(2).split("/") if part.strip())]
    unit_raw = match.group(3)
    before = text[max(0, match.start() - 40) : match.start()]
    after = text[match.end() : match.end() + 60]
    metric_after = _METRIC_AFTER.match(after)
    metric = metric_after.group(1) if metric_after else None
    tail = match.end() + (metric_after.end() if metric_after else 0)
    if metric is None:
        metric_before = _METRIC_BEFORE.search(before)
        metric = metric_before.group(1) if metric_before else None
    if metric and metric.lower() in ("score", "scores", "points", "pts"):
        metric = None
    if metric and metric.endswith("FIDs"):
        metric = metric[:-1]  # "record FIDs of 1.01"
    if metric is None and _OTHER_MEASURE_BEFORE.search(before):
        pass  # "0.94 rFID and codebook usage of 97%": a measure no metric list names
    elif metric is None and previous and earlier and earlier.metric and previous.metric and earlier.metric != previous.metric:
        pass  # "62.9 R@1 on A, 68.8 NDCG@10 on B, 69.9 on C": each names its own, the bare one none
    elif metric is None:  # "FID scores of 1.70", "the FID of SiT from 8.26 to 3.63": the clause's metric
        named = [m for m in _METRIC_WORD.finditer(text, max(0, match.start() - 70), match.start())]
        named = [m for m in named if m.group(1).lower() not in ("score", "scores", "points", "pts")]
        clause = text[named[-1].end() : match.start()] if named else ""
        if named and not re.search(r"[;.]\s|\d", clause):
            metric = named[-1].group(1)
        elif (
            previous
            and previous.metric
            and not re.search(r"[;.]\s", text[previous.end : match.start()])
            and not _OTHER_MEASURE_BEFORE.search(before)
        ):
            metric = previous.metric  # "FID ... from 8.26 to 3.63", "1.70 on A and 2.89 on B"
    link = None
    if _FROM_BEFORE.search(before) and _TO_AFTER.match(after):
        partner = re.match(r"(?:\s?\\?%)?\s*(?:to|->|→|\\?rightarrow)\s*(?:[a-z]+\s+){0,2}\d[\d.]*", after)
        if partner and _SIZE_AFTER.match(after[partner.end() :]):
            return []  # "from 741 to 225 tokens": a length, not a score
        link = "from"
    elif _TO_BEFORE.search(before):
        link = "to"
    elif previous is not None and previous.link == "to" and _LISTED_WITH.fullmatch(text[previous.tail : match.start()]):
        link = "to"  # "raises X from 6.2% to 52.0% via SFT, 55.0% with RL": the list goes on with the paper's
    elif _VS_AFTER.match(after):
        link = "vs_first"
    elif _VS_BEFORE.search(before):
        link = "vs_second"
    found = []
    position = match.start()
    for index, number in enumerate(numbers):
        start = text.index(number, position)
        position = start + len(number)
        unit = _unit(unit_raw)
        found.append(
            Score(start, start + len(number), number, float(number), unit, metric, tail, group_index, index, len(numbers), link)
        )
    return found


def _without_listed_changes(text: str, kept: list[list[Score]], changes: list[tuple[int, int]]) -> list[list[Score]]:
    """Drop what is listed with a relative change: "improves by 21.6 points on BBH and 14.9 points
    on ARC", "by 1.44% and 55.49%", "100%, 100%, and 92% faster": the other numbers are changes too."""
    if not changes:
        return kept
    ends = [end for _, end in changes]
    forward = []
    for group in kept:  # "by 21.6 points on BBH and 14.9 points": after a change, in the same list
        start = group[0].start
        if any(end <= start and _LISTED_WITH.fullmatch(text[end:start]) for end in ends):
            ends.append(group[-1].tail)
        else:
            forward.append(group)
    starts = [start for start, _ in changes]
    left = []
    for group in reversed(forward):  # "100%, 100%, and 92% faster": before a change, in the same list
        end = group[-1].tail
        if any(start >= end and _LISTED_BEFORE.fullmatch(text[end:start]) for start in starts):
            starts.append(group[0].start)
        else:
            left.append(group)
    return left[::-1]


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
_DERIVED_SUBJECT = re.compile(
    r"\b(?:the|our|an?)\s+[\w.]+[\w.-]*-(?:based|distilled|trained|tuned|initiali[sz]ed)\s+(?:models?|students?|variants?|LLMs?)\b",
    re.IGNORECASE,
)
_BASELINE = re.compile(r"\s*(?:(?:best[- ]performing|strongest|best|strong)\s+)?baselines?\b", re.IGNORECASE)
_BASELINE_SUBJECT = re.compile(
    r"\b(?:our|the)\s+((?:(?:best[- ]performing|strongest|best|strong)\s+)?baselines?)\b", re.IGNORECASE
)
_HUMANS = re.compile(
    r"\b(?:humans|human experts|human annotators|human performance|human[- ]level(?:\s+performance)?|human baselines?|"
    r"(?:an?|the)\s+(?:unassisted\s+|average\s+|expert\s+)?human)\b",
    re.IGNORECASE,
)
_COMPARED_BEFORE = re.compile(
    r"\b(?:than|to|over|against|outperform\w*|surpass\w*|beat\w*|exceed\w*|such as|like|including|compared|versus|vs\.?|"
    r"rival\w*|match\w*|trail\w*|behind|with|from|of|using|on|based on|upon|among|at|under)\s+(?:the\s+|strong\s+|proprietary\s+|"
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
        if end >= 0 and not (before.isalnum() or before in "_-*") and _ends_a_word(sentence, end):
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
        r"|\s\d{2,3}(?:(?:[x×]|times)\d{2,3}|px)?\b(?!\s?%))",
        sentence[spot.end :],
    )
    if tail and not re.match(r"\s\d", tail.group(0)):
        return sentence[spot.start : spot.end + tail.end()]
    # "ImageNet 256", "ImageNet 64x64", "ImageNet 256px"
    if tail and re.fullmatch(r"\s\d{3}(?:[x×]\d{3}|px)?|\s\d{2,3}(?:[x×]|times)\d{2,3}", tail.group(0)):
        return sentence[spot.start : spot.end + tail.end()]
    spaced = _SPACED_VARIANT.match(sentence, spot.end)
    if spaced:  # "ImageNet 512 x 512", "DeepResearch Bench II", "BraTS Pediatric dataset": the variant named
        return sentence[spot.start : spaced.end()]
    if sentence.count(spot.text) > 1:
        word = _TWICE_VARIANT.match(sentence, spot.end)
        if word:  # "69.9 on MTEB multilingual and 84.0 on MTEB Code": two variants of one benchmark
            return sentence[spot.start : word.end()]
    version = _VERSION_AFTER.match(sentence, spot.end) or _VARIANT_AFTER.match(sentence, spot.end)
    if version:  # "Argoverse 2", "AlpacaEval 2.0", "SWE-bench Verified", "LiveCodeBench v5": the release named
        return sentence[spot.start : version.end()]
    return spot.text


_SPACED_VARIANT = re.compile(
    r"\s\d{2,3}\s?(?:[x×]|times)\s?\d{2,3}\b|\s(?:II|III|IV)\b|\s[A-Z][a-z]+(?=\s(?:dataset|benchmark|subset|split)\b)"
)
_TWICE_VARIANT = re.compile(
    r"\s(?!(?:and|or|on|in|for|with|at|respectively|benchmarks?|datasets?|tasks?)\b)([A-Za-z][\w-]*)(?=\s*(?:[,;)]|and\b|$))"
)
_VARIANT_AFTER = re.compile(
    r"(?:\s(?:Verified|Lite|Pro|Diamond|Hard|Easy|Full|Mini|Multi|Extended|Plus)|[\s-]?v\d+(?:\.\d+)?)(?![\w.%-])"
)
_VERSION_AFTER = re.compile(r"\s(?:\d(?:\.\d)?|(?:19|20)\d\d)(?![\w.%×x/-]|\.\d|\s?%|\s?[x×]\s?\d)")


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
    text = _flat(text)
    datasets = [e for e in entities if e.type == "dataset"]
    subjects = [e for e in entities if e.type in ("model", "method")]
    results: list[FoundResult] = []
    carried: tuple[str, str] | None = None  # the one dataset the sentence before scored on
    for s_start, s_end in sentences:
        sentence = text[s_start:s_end]
        local = [s for s in scores if s_start <= s.start < s_end]
        if not local:
            carried = None
            continue
        # "24.05 on PickScore": a measure the entity list holds as a dataset
        data_spots = [s for s in _spots(sentence, datasets) if not _METRIC_WORD.fullmatch(s.text)]
        subject_spots = _spots(sentence, subjects)
        covered = data_spots + subject_spots
        local = [s for s in local if not any(spot.start <= s.start - s_start < spot.end for spot in covered)]
        groups: dict[int, list[Score]] = {}
        for score in local:
            groups.setdefault(score.group, []).append(score)
        claimed: set[int] = set()  # datasets a score before took with "on": not another's by "On D, ..."
        found: list[FoundResult] = []
        plans = _plans(sentence, s_start, list(groups.values()), data_spots, subject_spots)
        for group in groups.values():
            plan = plans.get(group[0].group)
            if plan is not None and plan.drop:
                continue
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
                plan=plan,
            )
        if not data_spots and carried is not None:
            found += _carried_results(sentence, s_start, local, subject_spots, carried, own_name=own_name)
        results += _respective(sentence, s_start, found, data_spots, subject_spots)
        datasets_used = {(r.dataset, r.dataset_entity) for r in found}
        carried = datasets_used.pop() if len(datasets_used) == 1 and data_spots else None
    return results


def _carried_results(
    sentence: str,
    offset: int,
    local: list[Score],
    subject_spots: list[_Spot],
    carried: tuple[str, str],
    *,
    own_name: str | None,
) -> list[FoundResult]:
    """ "Experiments on ImageNet-1K ... reaching 0.37 rFID. Notably, our DiT ... achieving a gFID of
    3.47 at 80 epochs.": a named metric's score the paper's own work reaches, in a sentence that
    names no dataset and no other target, is on the one dataset the sentence before scored on."""
    if _TARGET_NAMED.search(sentence):
        return []  # "On the more challenging USA Computing Olympiad, ...": another target
    found = []
    for score in local:
        start = score.start - offset
        if not score.metric or score.link or score.size > 1 or _ELSEWHERE_AFTER.match(sentence[score.tail - offset :]):
            continue
        subject = _subject(sentence, start, score, subject_spots)
        if subject is None or not (subject[0] is None and subject[1] or subject[0] is not None and subject[0].introduced):
            continue
        if not _RESULT_VERB.search(sentence[:start]):
            continue
        found += _made(sentence, [score], [carried], subject, "results.previous_sentence", own_name, start=start)
    return found


_TARGET_NAMED = re.compile(r"\b(?:on|in|across|for)\s+(?:the\s+|our\s+)?(?:[a-z-]+\s+){0,2}[A-Z]", re.IGNORECASE)
_ELSEWHERE_AFTER = re.compile(r"^\s*(?:[\w-]+\s+){0,2}?(?:on|in|for|across|over|than|compared)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Plan:
    """What the sentence's shape already says about a number group: its datasets (a list of scores
    before a list of datasets, "73.1% and 58.7% on AlpacaEval and Arena-Hard"), its subject (a list
    of names before "respectively", a name before a parenthesis: "surpassing GPT-4o (34.5)"), or
    that it is nobody's result the paper's entities can name (``drop``)."""

    datasets: tuple[_Spot, ...] | None = None
    subject: tuple[NamedEntity | None, bool] | None = None
    rule: str | None = None
    drop: bool = False


_LIST_GAP = re.compile(r"\s*(?:\([^()\d]{1,20}\)\s*)?(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s*&\s*|\s+or\s+)")
_NAME_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s*&\s*|\s+or\s+)")
_RESPECTIVELY = re.compile(r"^[^;.]{0,60}?\brespectively\b")
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:with|using|on|in|from|than|over|against|to|by|of|for|outperform\w*|surpass\w*|beat\w*|exceed\w*)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "(34.5)", "(F1 = 0.7713, FPR = 19.43%)": a score in a parenthesis, after labelled ones
_PAREN_BEFORE = re.compile(r"\(\s*(?:[\w@.-]+\s*[:=]\s*[\d.]+\s?\\?%?\s*[,;]\s*)*(?:[\w@.-]+\s*[:=]\s*)?$")
_NAME_SHAPED = re.compile(r"(?:^|\s)([A-Z][\w.*+-]*|[\w.*+-]*\d[\w.*+-]*)\s*$")


def _plans(
    sentence: str, offset: int, groups: list[list[Score]], data_spots: list[_Spot], subject_spots: list[_Spot]
) -> dict[int, _Plan]:
    """Plans for number groups the sentence's shape ties (see ``_Plan``), by group index."""
    plans: dict[int, _Plan] = {}
    lists: list[list[list[Score]]] = []
    for group in groups:
        previous = lists[-1][-1] if lists else None
        if (
            previous is not None
            and group[0].link is None
            and previous[0].link is None
            and _LIST_GAP.fullmatch(sentence[previous[-1].tail - offset : group[0].start - offset])
        ):
            lists[-1].append(group)
        else:
            lists.append([group])
    for members in lists:
        if len(members) < 2 or any(len(m) > 1 for m in members):
            continue
        tail = members[-1][-1].tail - offset
        chain = _datasets_after(sentence, tail, data_spots)
        subjects = _listed_subjects(sentence, members[0][0].start - offset, len(members), subject_spots)
        end = chain[-1].end if chain else tail
        respectively = _RESPECTIVELY.match(sentence[end:])
        if len(chain) == len(members):  # "73.1% and 58.7% on AlpacaEval and Arena-Hard"
            for member, spot in zip(members, chain, strict=True):
                plans[member[0].group] = _Plan(datasets=(spot,), rule="results.respectively")
        elif len(chain) > 1:  # "29.06%, 18.54%, and 34.00% on Terminal Bench 1.0, 2.0, and Pro": unknown pairs
            for member in members:
                plans[member[0].group] = _Plan(drop=True)
        elif subjects and respectively:  # "A, B and C achieve 32.5%, 42.2%, and 45.8% accuracy respectively"
            for member, spot in zip(members, subjects, strict=True):
                plans[member[0].group] = _Plan(
                    datasets=tuple(chain) or None, subject=(spot.entity, False), rule="results.respectively"
                )
        elif respectively and chain:  # "36.48% and 33.61% on MiniF2F-Valid and Test datasets respectively": unknown pairs
            for member in members:
                plans[member[0].group] = _Plan(drop=True)
        elif chain:  # "achieves 45.2% accuracy and 60.1 F1 on D": all on D when each names its own metric
            metrics = [m[0].metric for m in members]
            if all(metrics) and len(set(metrics)) == len(metrics):
                for member in members:
                    plans[member[0].group] = _Plan(datasets=(chain[0],))
            else:
                for member in members[:-1]:
                    plans[member[0].group] = _Plan(drop=True)
    for group in groups:
        if group[0].group in plans:
            continue
        plan = _parenthesised(sentence, offset, group, data_spots, subject_spots)
        if plan is not None:
            plans[group[0].group] = plan
    return plans


def _listed_subjects(sentence: str, start: int, count: int, subject_spots: list[_Spot]) -> list[_Spot]:
    """ "GPT-4o, Claude3.7-Sonnet, and GPT-o4-mini achieve 32.5%, ...": ``count`` names listed in the
    clause before ``start``, or none."""
    clause_start = max((m.end() for m in _HARD_BREAK.finditer(sentence[:start])), default=0)
    before = [spot for spot in subject_spots if clause_start <= spot.start and spot.end <= start]
    if len(before) < count:
        return []
    run = before[-count:]  # the names right before the scores, as the clause's subject
    if _PREPOSITION_BEFORE.search(sentence[max(0, run[0].start - 30) : run[0].start]):
        return []  # "with Claude-3.5-Sonnet-v2, SD-Feedback achieves": not a list of subjects
    if all(_NAME_LIST_GAP.fullmatch(sentence[a.end : b.start]) for a, b in zip(run, run[1:], strict=False)):
        return run
    return []


def _parenthesised(
    sentence: str, offset: int, group: list[Score], data_spots: list[_Spot], subject_spots: list[_Spot]
) -> _Plan | None:
    """A score in parentheses belongs to the name right before them: "surpassing GPT-4o (34.5)" is
    GPT-4o's, "LIBERO (98.9%)" is on LIBERO; after a name the paper's entities do not hold
    ("MME-RealWorld-lite (67.0%)") it is no result of theirs."""
    start = group[0].start - offset
    opening = _PAREN_BEFORE.search(sentence[:start])
    if opening is None or group[0].link is not None:
        return None  # "(50.5% vs. 47.3%)": the pair's rules tie it
    # the parenthesis may hold several numbers: "BAGEL-7B (0.82 & 0.55)"
    head = opening.start()
    for spot in data_spots:
        if spot.end <= head and not sentence[spot.end : head].strip():
            return None  # a dataset's score: the usual rules tie it
    named = [spot for spot in subject_spots if spot.end <= head and not sentence[spot.end : head].strip()]
    if named:
        inside = sentence[head:].split(")", 1)[0]
        count = len(_GAP_NUMBER.findall(inside))
        index = len(_GAP_NUMBER.findall(sentence[head:start]))
        earlier = [spot for spot in data_spots if spot.end <= named[0].start]
        if count > 1:
            if len(earlier) != count:
                return _Plan(drop=True)
            return _Plan(datasets=(earlier[index],), subject=(named[0].entity, named[0].entity.introduced))
        return _Plan(subject=(named[0].entity, named[0].entity.introduced))
    word = _NAME_SHAPED.search(sentence[:head])
    if word and not _METRIC_WORD.fullmatch(word.group(1)) and not _SELF.fullmatch(word.group(1)):
        return _Plan(drop=True)
    return None


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
    plan: _Plan | None = None,
) -> list[FoundResult]:
    head = group[0]
    start = head.start - offset
    tail = head.tail - offset
    if len(group) > 1 and len(plan.datasets if plan is not None and plan.datasets else data_spots) >= 1:
        group = _unlisted(sentence, group, plan.datasets if plan is not None and plan.datasets else None, tail, data_spots)
    if plan is not None and plan.datasets:
        claimed.update(spot.start for spot in plan.datasets)
        dataset_names = [(_extend_split(sentence, spot), spot.entity.name) for spot in plan.datasets]
        subject = plan.subject or _subject(sentence, start, head, subject_spots)
        return _made(sentence, group, dataset_names, subject, plan.rule or "results.on_dataset", own_name, start=start)
    if head.link == "from":  # "from 8.4% to 17.2% on D": the pair's dataset follows the second number
        to_part = re.match(r"\s*(?:to|->|→|\\?rightarrow)\s*(?:[a-z]+\s+){0,2}\d[\d.]*\s?(?:\\?%|percent\b)?", sentence[tail:])
        tail += to_part.end() if to_part else 0
    pairing = _datasets_after(sentence, tail, data_spots)
    if not pairing and _UNKNOWN_DATASET_AFTER.match(sentence[tail:]):
        return []  # on a dataset the paper's entities do not hold: not another dataset's score
    claimed.update(spot.start for spot in pairing)
    rule = "results.on_dataset"
    if not pairing:
        pairing = _dataset_before(sentence, start, data_spots, head, claimed, score_starts, subject_spots)
        rule = "results.dataset_before"
    if pairing and len(pairing) > 1 and len(pairing) != len(group):
        pairing = pairing[:1]
    if not pairing:
        if own_dataset is None or not (head.unit or head.metric) or data_spots or _NOT_A_BENCHMARK.search(sentence):
            return []
        if not re.match(r"[A-Z0-9]|[a-z][\w-]*[A-Z0-9]", own_dataset.name):
            return []  # "and release safe-eval": no benchmark's name
        subject = _subject(sentence, start, head, subject_spots)
        if subject is None or subject[0] is None and not _RESULT_VERB.search(sentence[:start]):
            return []
        short = min((f for f in own_dataset.forms if len(f) >= 3), key=len, default=own_dataset.name)
        split = re.search(r"\bon (?:the )?(dev|test|validation) set\b", sentence)
        dataset_names: list[tuple[str, str]] = [(f"{short} {split.group(1)} set" if split else short, own_dataset.name)]
        rule = "results.own_benchmark"
    else:
        dataset_names = [(_extend_split(sentence, spot), spot.entity.name) for spot in pairing]
    subject = plan.subject if plan is not None and plan.subject else _subject(sentence, start, head, subject_spots)
    return _made(sentence, group, dataset_names, subject, rule, own_name, start=start, subject_spots=subject_spots)


# Scores of no benchmark: real-world trials, a judge's agreement with people
_NOT_A_BENCHMARK = re.compile(
    r"\breal[- ]world\b|\breal robots?\b|\b(?:agreement|correlation|consistency) with (?:human|expert|people|annotator)",
    re.IGNORECASE,
)


def _unlisted(
    sentence: str, group: list[Score], planned: Sequence[_Spot] | None, tail: int, data_spots: list[_Spot]
) -> list[Score]:
    """ "On AIME 2024/2025 ..., it scores 51.7/37.5": a slash group over a dataset written as a slash
    list of variants; only the first number is known to be on the dataset the name gives."""
    spots = list(planned) if planned else (_datasets_after(sentence, tail, data_spots) or data_spots)
    if len(spots) == 1 and re.match(r"/[\w.-]", sentence[spots[0].start + len(_extend_split(sentence, spots[0])) :]):
        return group[:1]
    return group


def _made(
    sentence: str,
    group: list[Score],
    dataset_names: list[tuple[str, str]],
    subject: tuple[NamedEntity | None, bool] | None,
    rule: str,
    own_name: str | None,
    *,
    start: int,
    subject_spots: Sequence[_Spot] = (),
) -> list[FoundResult]:
    """The group's results (``start``: where its first number stands in the sentence), once its
    datasets and subject are known."""
    setting_match = _SETTING.search(sentence)
    setting = setting_match.group(1) if setting_match else None
    found = []
    offset = group[0].start - start
    for i, score in enumerate(group):
        surface, dataset_entity = dataset_names[i] if len(dataset_names) == len(group) else dataset_names[0]
        size = _SIZE_AFTER_SCORE.match(sentence, score.tail - offset)
        if size and not re.search(r"\d", surface[len(dataset_entity) :] if surface.startswith(dataset_entity) else surface):
            surface = f"{surface} {size.group(1)}"  # "ImageNet ... FIDs of 1.01 for 64x64": ImageNet 64x64
        who = subject
        if (
            score.link in ("from", "to")
            and _DECLINE_BEFORE.search(sentence[max(0, start - 60) : start])
            and not (score.metric and _LOWER_BETTER.fullmatch(score.metric))
        ):
            continue  # "success rates drop sharply from 60.6% to 30.9%": one subject under two conditions
        if score.link == "from" and (
            who is None
            or who[0] is None
            or who[0].introduced
            or (who[1] and who[0].type != "applied")
            or score.size > 1
            or (own_name is not None and _variant_of(who[0].name, own_name))
        ):
            # "it raises accuracy from 72.9% to 81.1%": the first is an unnamed baseline's; so is
            # "Nemotron-Terminal-14B improves from 4.0%" (the paper's model before its training) and
            # each of "from 55.5/52.7/53.7" (one name, several sizes)
            continue
        if score.link in ("to",) or score.link == "vs_first":
            who = (None, True)  # "improves X from 12.0% to 23.4%": the second is the paper's
        elif score.link == "vs_second":
            who = _nearest_entity(sentence, start, subject_spots) or subject
        if who is None:
            who = (None, True)
        entity, own = who
        if entity is not None and entity.type == "others":
            continue  # "the best evaluated system achieves 45.1%": no subject a leaderboard can name
        if entity is None and not own:
            name, entity_name = "humans", None
        elif entity is None:
            name, entity_name = own_name or OWN_SUBJECT, own_name
        elif entity.type == "baseline":
            name, entity_name = entity.name, None
        elif entity.type == "derived":  # the paper's model built from a named one: the paper's, unnamed
            name, entity_name = OWN_SUBJECT, None
        elif entity.type == "applied" and score.link == "from":  # "adapts X from 17.4%": X's own score
            name, entity_name, own = entity.name, entity.name, False
        elif entity.type == "applied":  # the paper's work on X: the paper's result
            name, entity_name = own_name or OWN_SUBJECT, own_name
        else:
            name, entity_name = entity.name, entity.name
            own = own or entity.introduced or (own_name is not None and _variant_of(entity.name, own_name))
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


_SIZE_AFTER_SCORE = re.compile(r"\s*(?:for|at|on)\s+(\d{2,3}\s?(?:[x×]|times)\s?\d{2,3})\b")


def _variant_of(name: str, own_name: str) -> bool:
    """ "Qwen2-72B-Instruct" of the paper's "Qwen2": the paper's own model in another size."""
    return name == own_name or re.match(rf"{re.escape(own_name)}(?:[\s-]|$)", name) is not None


_PARENTHESISED_CHANGE = re.compile(r"^\s*\(\s*[+±−-]\s*[\d.]+\s?(?:\\?%|points?|pts|pp)?\s*\)")


def _datasets_after(sentence: str, tail: int, data_spots: list[_Spot]) -> list[_Spot]:
    """ "85.3 on AIME 2024", "40.3/48.9 ODS on Argoverse 2 and ScanNet": the datasets the score is on."""
    following = [spot for spot in data_spots if spot.start >= tail]
    if not following:
        return []
    first = following[0]
    gap = _PARENTHESISED_CHANGE.sub("", sentence[tail : first.start])  # "56.7% (+40.0%) on AIME 2024"
    if len(gap) > 45 or _NUMBER.search(gap) or not _LINK_GAP.match(gap):
        return []
    if re.match(r"\s*(?:,\s*)?and\s", gap) and (_METRIC_WORD.search(gap) or _MEASURE_WORD.search(gap)):
        return []  # "from 7.27 to 8.31 and length-controlled win-rates in AlpacaEval-2": another measure's
    chain = [first]
    for spot in following[1:]:
        if _DATASET_LIST_GAP.match(sentence[chain[-1].start + len(_extend_split(sentence, chain[-1])) : spot.start]):
            chain.append(spot)
        else:
            break
    return chain


_TRAINS_AFTER = re.compile(r"\s+(?:dataset\s+|data\s+)?(?:improves|boosts|raises|lifts|enables|helps)\b")
_MEASURE_WORD = re.compile(r"\b(?:rates?|scores?|accurac(?:y|ies)|win-rates?|ratings?|average|highest|best)\b", re.IGNORECASE)
_LABEL_BEFORE = re.compile(
    r"([A-Za-z][\w.*-]*)\s*(?:\(|:|=)\s*(?:[\d.]+\s?\\?%?\s*(?:to|->|→|vs\.?)\s*)?$"
)


def _dataset_before(
    sentence: str,
    start: int,
    data_spots: list[_Spot],
    score: Score,
    claimed: set[int],
    score_starts: set[int],
    subject_spots: Sequence[_Spot] = (),
) -> list[_Spot]:
    """ "On Omni3D, it reaches 34.2", "on MMLU (63% & 66%)": the nearest dataset named before."""
    # "On LiveCodeBench, rStar-Coder improves Qwen2.5-7B from 17.4%": a data set that improves a
    # model is what it was trained on, not where it scored.
    preceding = [spot for spot in data_spots if spot.end <= start and not _TRAINS_AFTER.match(sentence, spot.end)]
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
    label = _LABEL_BEFORE.search(gap)
    if (
        label
        and label.start(1) > 0
        and not _METRIC_WORD.fullmatch(label.group(1))
        and not any(s.end == spot.end + label.end(1) for s in subject_spots)  # "surpassing GPT-4o (34.5)": who, not where
    ):
        return []  # "StereoSet (...) and Contract-NLI (67% to 83%)", "(MATH500: 73.6%, average: 35.9%)": another name's
    variant_end = spot.start + len(_extend_split(sentence, spot))  # "ImageNet 256": its number is its name's
    for number in _GAP_NUMBER.finditer(re.sub(r"\([^()]*\)", lambda m: " " * len(m.group(0)), gap)):
        if spot.end + number.start() >= variant_end and spot.end + number.start() not in score_starts:
            return []  # a number between that is not a score ("up to 10.1% on MMLU, ... 6.1%")
    return [spot]


def _nearest_entity(sentence: str, start: int, subject_spots: Sequence[_Spot]) -> tuple[NamedEntity, bool] | None:
    """The name "a vs b"'s second number belongs to: the nearest one before, when the sentence
    compares with it ("outperforming Gemini 2.0 Flash on GSM8K: 96% vs. 61%"); otherwise the second
    is an unnamed system's ("surpasses the standard CLIP-based encoder (gFID: 1.89 vs 2.54)")."""
    before = [spot for spot in subject_spots if spot.end <= start and not _METRIC_WORD.fullmatch(spot.text)]
    if not before:
        return None
    spot = before[-1]
    if not _COMPARED_NEAR.search(sentence[max(0, spot.start - 60) : spot.start]):
        return NamedEntity("compared", "others", (), False), False
    return spot.entity, False


_COMPARED_NEAR = re.compile(
    r"\b(?:than|over|against|outperform\w*|surpass\w*|beat\w*|exceed\w*|compared|comparabl\w*|versus|vs\.?|rival\w*|"
    r"match\w*|trail\w*|with|to)\b(?:\s+[\w.-]+){0,4}\s+$",
    re.IGNORECASE,
)


_HUMANS_AFTER = re.compile(
    r"\s*(?:\\?%\s*)?(?:[\w-]+\s+){0,2}(?:of|by|for)\s+(?:an?\s+|the\s+)?(?:unassisted\s+|average\s+|expert\s+)?"
    r"(?:humans?|human experts|people|annotators)\b",
    re.IGNORECASE,
)


def _subject(sentence: str, start: int, score: Score, subject_spots: list[_Spot]) -> tuple[NamedEntity | None, bool] | None:
    """Who scored: (entity, own) for a named model or method, (None, True) for the paper's own
    ("our model", "it", "we"), (None, False) for humans; None when nothing says."""
    compared = _COMPARED_SCORE_BEFORE.search(sentence[:start])
    if compared:  # "outperforming π_{0.5} at 39.2%": the compared system's, named or not
        span = compared.span(1) if compared.group(1) else compared.span(3)
        named = [spot for spot in subject_spots if span[0] <= spot.start < span[1]]
        return (named[-1].entity, False) if named else (NamedEntity(compared.group(0), "others", (), False), False)
    unknown = _UNKNOWN_SCORER.search(sentence[:start])
    if unknown and not any(spot.end == unknown.end(1) for spot in subject_spots) and not _SELF.fullmatch(unknown.group(1)):
        # "(e.g. Operator scores 13.27": a name the paper's entities lack
        return NamedEntity(unknown.group(1), "others", (), False), False
    if _CHANCE_BEFORE.search(sentence[:start]):
        return NamedEntity("chance", "others", (), False), False  # "a random-guess baseline (15.2%)"
    for_match = re.match(r"^\s*(?:%\s*)?(?:for|by|of)\s+", sentence[start + len(score.text) :])
    if for_match:
        position = start + len(score.text) + for_match.end()
        named = [spot for spot in subject_spots if spot.start == position]
        if named:
            return named[0].entity, False
    if _HUMANS_AFTER.match(sentence, start + len(score.text)):
        return None, False  # "compared to 74.5% performance of an unassisted human"
    found = _subject_in(sentence, start, subject_spots, soft=True)
    return found if found is not None else _subject_in(sentence, start, subject_spots, soft=False)


_COMPARED_SCORE_BEFORE = re.compile(
    r"\b(?:outperform\w*|surpass\w*|beat\w*|exceed\w*|than|versus|vs\.?|compared (?:to|with))\s+(?:the\s+)?"
    r"([^\s,;]+(?:\s[^\s,;]+)?)\s+(?:at|with)\s+(?:only\s+|just\s+)?$"
    r"|(?<=[\d%])\s*(?:vs\.?|versus)\s+()([A-Z][^\s,;:()]*)\s+$",  # "UniWeTok 1.38 vs. REPA 1.42": REPA's
    re.IGNORECASE,
)
_UNKNOWN_SCORER = re.compile(
    r"(?:\(\s*(?:e\.g\.,?|i\.e\.,?)\s*|,\s*(?:and|while|whereas)\s+|;\s*)(?:the\s+)?([A-Z][\w.*+-]*(?:\s[A-Z0-9][\w.*+-]*)?)\s+"
    r"(?:scores|achieves|reaches|attains|obtains|gets)\s+(?:only\s+|just\s+)?$"
)
_CHANCE_BEFORE = re.compile(
    r"\b(?:random(?:[- ](?:guess(?:ing)?|chance))?|chance|majority(?:[- ]class)?)[- ]?"
    r"(?:baseline|level|guess(?:ing)?|performance)"
    r"\s*(?:\(|of|at|:|=|is)?\s*$",
    re.IGNORECASE,
)
# " -- for example, DeepSeek-R1 that achieves 82.4% -- ": an aside; its names do not score outside it
def is_measure_name(name: str) -> bool:
    """ "Dice Similarity Coefficient", "FID": a measure's name, never who scored (nor the paper's own model)."""
    return bool(_METRIC_WORD.fullmatch(name) or _MEASURE_NAME_END.search(name))


_MEASURE_NAME_END = re.compile(r"\b(?:Coefficient|Score|Distance|Similarity|Index|Metric|Error|Divergence)$")
# "CC-BY-4.0": how a work is licensed, never who scored (nor the paper's own model)
LICENCE_NAME = re.compile(r"(?:CC[- ]BY|CC0|Apache[- ]2|MIT License|GPL|BSD-\d|OpenRAIL)", re.IGNORECASE)
_APPLIED_TO_BEFORE = re.compile(
    r"\b(?:adapts?|adapting|accelerat\w+|trains?|fine-tunes?|enhanc\w+|improves?|improving|boosts?|boosting|equips?|"
    r"augments?|raises?|lifts?|pushes|upgrades?)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)


def _owned_before(sentence: str, window_start: int, end: int, subject_spots: Sequence[_Spot]) -> bool:
    """The clause names the paper's own work (its introduced name, "we", "our") before ``end``."""
    if any(s.entity.introduced and window_start <= s.start and s.end <= end for s in subject_spots):
        return True
    return re.search(r"\b(?:we|our)\b", sentence[window_start:end], re.IGNORECASE) is not None


_ASIDE = re.compile(r"\s(?:--|—|–)\s.*?\s(?:--|—|–)\s")
# "51.6% on GSM8K (Delta3.4%)": a note on the score before; "Image Reward of 1.20": a measure's name
_NOTE_BEFORE = re.compile(r"\d\s?\\?%?\s*\(\s*$")
_MEASURE_GAP = re.compile(r"\s+(?:\([^()]{1,15}\)\s*)?(?:of|=)\s*$")  # "Image Reward of", "Dice Similarity Coefficient (DSC) of"
_EXAMPLE_CUE = re.compile(r"\b(?:such as|like|including|e\.g\.,?)\s", re.IGNORECASE)
_EXAMPLE_SUBJECT = re.compile(r"\b(?:such as|like|including|e\.g\.,?)\s+(?:the\s+)?$", re.IGNORECASE)
_COMPARING = re.compile(
    r"\b(?:outperform\w*|surpass\w*|beat\w*|exceed\w*|than|compared|over|against|versus|vs\.?|beyond|among|rival\w*|to)\b",
    re.IGNORECASE,
)
# Subjects no name identifies, not the paper's: "the best general-purpose model", "most LLMs"
_OTHERS = re.compile(
    r"\b(?:(?:the\s+)?(?:best|strongest|top|leading|most\s+(?:advanced|powerful|capable)|state-of-the-art|existing|current|"
    r"frontier|other|open-source|proprietary|closed-source|evaluated|popular|many|most|all)\b"
    r"(?:[\s-]+(?!(?:to|than|over|with|on|in|of|for|by|and|or|among|compared|as)\b)[\w-]+){0,3}?[\s-]+"
    r"(?:models?|LLMs?|MLLMs?|VLMs?|LVLMs?|LMMs?|systems?|agents?|methods?|approaches|judges?|reasoners?)"
    r"|(?:all|none|each|most|many) of (?:which|them|these|those))\b",  # "20 LMMs ..., all of which score 0.0%"
    re.IGNORECASE,
)
# "our best models", "a state-of-the-art RL system": the paper's own, not others
_NOT_OTHERS_BEFORE = re.compile(r"\b(?:our\s+(?:[\w-]+\s+)?|an?\s+)$", re.IGNORECASE)
_DECLINE_BEFORE = re.compile(
    r"\b(?:drop|fall|fell|declin|degrad|collaps|plummet|plung|deteriorat|decay|decreas)\w*\b[^;.]*\bfrom\s+(?:[\d.]+\s?\\?%?\s+to\s+)?$",
    re.IGNORECASE,
)
# "Frechet Inception Distance", "Natural Language Inference (NLI) metric": a measure, not who scored
_METRIC_NAME_AFTER = re.compile(
    r"[\s-]+(?:Distance|Score|score|Similarity)\b|[\s)]*(?:\([^()]{1,15}\)\s*)?(?:metric|measure)s?\b"
)
_OURS_BEFORE = re.compile(
    r"\bour\s+((?:(?:[A-Z][\w-]*|[\w]+-[\w-]+|best|trained|final|proposed|fine-tuned|tuned|own|largest|smallest|flagship|"
    r"model|models|encoder|agent|system|method|variant|version)\s+){0,3})$",
    re.IGNORECASE,
)
_APPOSITION = re.compile(r"\b(?:model|models|encoder|agent|system|method|variant|version)\s+$", re.IGNORECASE)
# Between two names compared with: "surpasses o3-mini-high and o1", "A, B, and C" (a bare comma only
# when the list goes on: "with Claude-3.5, SD-Feedback achieves" names a new subject).
_COMPARED_LIST_GAP = re.compile(r"\s*(?:,\s*)?(?:and|or|&)\s+|\s*,\s*(?=[^,]{1,40},\s*(?:and|or)\s)")


def _subject_in(sentence: str, start: int, subject_spots: list[_Spot], *, soft: bool) -> tuple[NamedEntity | None, bool] | None:
    """The subject in the clause before ``start``; ``soft`` ends the clause at a colon too ("The
    flagship model, Qwen2-72B, showcases remarkable performance: 84.2 on MMLU" looks past it)."""
    window_start = 0
    for match in (_CLAUSE_BREAK if soft else _HARD_BREAK).finditer(sentence[:start]):
        window_start = match.end()
    window = sentence[window_start:start]
    candidates: list[tuple[int, tuple[NamedEntity | None, bool]]] = []
    compared_end = -1  # where the last name the sentence compares with ends
    asides = [m.span() for m in _ASIDE.finditer(sentence) if not m.start() <= start < m.end()]
    # "We evaluate VLAA-GUI across backbones, including Gemini 3.1 Pro, ... achieving 61.0%": the
    # examples after the paper's own named system are what it runs on, not who scored
    own_first = min((s.end for s in subject_spots if s.entity.introduced and window_start <= s.start < start), default=None)
    cue = next((m for m in _EXAMPLE_CUE.finditer(sentence, own_first or 0, start)), None) if own_first is not None else None
    for spot in subject_spots:
        if window_start <= spot.start and spot.end <= start:
            before = sentence[max(0, spot.start - 40) : spot.start]
            if any(a <= spot.start < b for a, b in asides) or _NOTE_BEFORE.search(before):
                continue
            if sentence.startswith("%", spot.end) or sentence.startswith("\\%", spot.end):
                continue  # "(Delta3.4%)": a change noted after a score, not a name
            if LICENCE_NAME.match(spot.text) or is_measure_name(spot.entity.name):
                continue  # "CC-BY-4.0", "Dice Similarity Coefficient": a licence or a measure, not who scored
            if _MEASURE_GAP.fullmatch(sentence[spot.end : start]):
                continue
            if cue is not None and spot.start >= cue.end() and not spot.entity.introduced:
                continue
            if (
                _EXAMPLE_SUBJECT.search(before)
                and _RESULT_VERB.search(sentence[spot.end : start])
                and not _COMPARING.search(sentence[window_start : spot.start])
            ):
                # "the most advanced models, such as GPT-4o, achieve 55.7%": the example scored
                candidates.append((spot.start, (spot.entity, False)))
                continue
            if _COMPARED_BEFORE.search(before) or (
                compared_end >= 0 and _COMPARED_LIST_GAP.fullmatch(sentence[compared_end : spot.start])
            ):
                compared_end = spot.end  # "surpasses o3-mini-high and o1": both are compared with
                continue
            if _METRIC_WORD.fullmatch(spot.text):
                continue  # "gFID: 1.89 vs 2.54": a metric the entity list holds as a name
            if spot.entity.type == "method" and spot.entity.name.islower() and not spot.entity.introduced:
                continue  # "mixture of experts", "linear probing": a technique, not who scored
            if _METRIC_NAME_AFTER.match(sentence, spot.end):
                continue  # "Frechet Inception Distance", "CLIP score": a metric, not who scored
            applied = _APPLIED_TO_BEFORE.search(before) and _owned_before(sentence, window_start, spot.start, subject_spots)
            if applied and not spot.entity.introduced:
                # "MobileForge adapts Qwen3-VL-8B to 67.2%", "we have enhanced ... Gemini Pro": the paper's
                # work on a named model (whose own score a "from" value still is)
                candidates.append((spot.start, (NamedEntity(spot.entity.name, "applied", spot.entity.forms, False), True)))
                continue
            ours = _OURS_BEFORE.search(before)
            if ours and ours.group(1) and not _APPOSITION.search(ours.group(1)):
                candidates.append((spot.start, (None, True)))  # "our Flow Matching-based DiT": the paper's own
                continue
            if ours:  # "our AIMV2-3B encoder", "Our best model MAmmoTH-VL2": the paper's own, by name
                candidates.append((spot.start, (spot.entity, True)))
                continue
            candidates.append((spot.start, (spot.entity, False)))
    for match in _SELF.finditer(window):
        if _BASELINE.match(window[match.end() :]):
            continue
        candidates.append((window_start + match.start(), (None, True)))
    for match in _DERIVED_SUBJECT.finditer(window):  # "The AM-based model": built from AM's data, not AM itself
        candidates.append((window_start + match.start(), (NamedEntity(OWN_SUBJECT, "derived", (), False), True)))
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
    for match in _OTHERS.finditer(window):
        before = window[max(0, match.start() - 30) : match.start()]
        if not _NOT_OTHERS_BEFORE.search(before) and not _COMPARING.search(before):
            candidates.append((window_start + match.start(), (NamedEntity(match.group(0), "others", (), False), False)))
    if not candidates:
        return None
    return max(candidates, key=lambda c: c[0])[1]
