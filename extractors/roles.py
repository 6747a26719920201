"""The role a mention plays in its sentence: introduces, uses, evaluates_on, compares, mentions.

Cues are read in the words just before the mention within its clause, and in the sentence for
evaluation context. Each decision names the cue that made it, for the evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from paperkg.extractors.patterns import (
    IntroCues,
    ascii_twin,
    first_letter_groups,
    intro_cue_spans,
    not_after,
    words_by_first_letter,
)

_WINDOW = 90  # characters before the mention that its cue must sit in


def _words(pattern: str) -> re.Pattern:
    """Cue words, matched in the lower-cased sentence (case-blind patterns are slow in re); grouped
    by first letter, which re tries once for a group rather than once for each of its words."""
    return re.compile(rf"\b(?:{first_letter_groups(pattern)})\b")


def _words_from_letters(words: str) -> re.Pattern:
    """_words for a plain list of words ("our|the proposed"), each opening with its letter (see
    not_after): re then skips in C to those letters. Only for lists whose first letters are few;
    for long lists of many first letters the leading \\b fails faster (measured with callgrind)."""
    return re.compile("(?:" + words_by_first_letter(words.split("|")) + r")\b")


# Cue words, and how many words may stand between a cue and the mention it governs.
_CALLED = re.compile(
    r"\b(?:called|named|dubbed|termed|coined|denoted(?: as| by)?|referred to as|known as|we call (?:it|this|them)|"
    r"which we (?:call|name|term|dub)|we (?:call|name|term|dub) (?:it|this|our \w+|this \w+)(?: an?| the)?|"
    # "a novel method we call RLVR", "a technique we term \"Continuous Maximization\""
    r"(?:method|technique|approach|framework|strategy|algorithm|procedure|mechanism|module|paradigm|objective|model|"
    r"dataset|benchmark) (?:that )?we (?:call|term|dub|name)\s*[\"'“]?)\s*$"
)
_CALLED_WORDS = ("call", "name", "dub", "term", "coined", "denoted", "referred", "known")
_OUR = _words_from_letters("our|the proposed|our proposed|this new")
_COMPARE = _words(
    r"outperform\w*|surpass\w*|beat\w*|exceed\w*|compared (?:with|to|against)|comparison (?:with|to|against)|"
    r"compare[sd]? (?:with|to|against)|against|"
    r"comparable to|competitive with|on par with|rival\w*|versus|vs|than|over|relative to|baselines?|"
    r"improv\w* (?:up)?on|advantage over|better than|superior to|matches|matching"
)
# The verbs of comparing whose object may be a long list ("outperforming proprietary models such as A, B and C");
# not "over" or "than", which also open phrases of no comparison ("Over the course", "Rather than regressing").
_COMPARE_VERB = _words(
    r"outperform\w*|surpass\w*|beat\w*|exceed\w*|rival\w*|compared (?:with|to|against)|comparable to|"
    r"competitive with|on par with|better than|superior to"
)
_USE = _words(
    r"using|use|uses|used|utiliz\w+|utilis\w+|leverag\w+|employ\w*|adopt\w*|based on|built (?:on|upon|from)|"
    r"build(?:s|ing)? (?:on|upon)|on top of|fine-?tun\w*|finetun\w*|initiali[sz]ed (?:from|with)|appl(?:y|ies|ied|ying)|"
    r"train\w* (?:on|with)|pre-?train\w* (?:on|with)|distill\w* (?:from|into)|plug\w* into|integrat\w* (?:with|into)|"
    r"combin\w* with|extend\w*|inspired by|following|via|through|backbone|powered by|with"
)
_EVALUATE_PREP = _words_from_letters("on|across|over|using|in|from")
_EVALUATION = _words(
    r"evaluat\w*|experiment\w*|benchmark\w*|achiev\w*|result\w*|score\w*|accuracy|perform\w*|"
    r"outperform\w*|state-of-the-art|sota|test\w*|gains?|improv\w*|validat\w*|demonstrat\w*"
)
# ";", ":", "while", "whereas", "but": every alternative opens with a literal (see not_after), so re
# skips to those few characters (the cue-word patterns above stay as they are: their first letters
# are most letters, and a leading \b fails faster inside words).
_CLAUSE_BREAK = re.compile(
    "|".join([";", ":", *(not_after(r"\w", word[0]) + word[1:] + r"\b" for word in ("while", "whereas", "but"))])
)
# "the X baseline", "strong X baselines": the name is what the paper's work is compared with.
_BASELINE_AFTER = re.compile(r"\s+baselines?\b")
_INTRO_BLOCKERS = re.compile(r"\b(?:on|using|with|than|from|for|of)\b")
# "we present TAPTRv3, which is built upon TAPTRv2": what it builds upon is another's, unless called new
# right before it ("a unified model built upon a novel Group Autoregressive Transformer")
_UPON = re.compile(r"\bupon\b")
_NEW_BEFORE = re.compile(r"\b(?:an?|our)\s+(?:new|novel)\s+(?:[\w-]+\s+){0,2}$")
# Between a verb of presenting and a known name it presents: at most "the" and "new" ("we design a
# Copilot model" makes one of a known kind, no known thing).
_DIRECT_OBJECT = re.compile(r"\s+(?:the\s+)?(?:(?:new|novel)\s+)?")
# Between a verb of presenting and the name it presents, the thing's kind ("we introduce a new
# vision-centric benchmark, CV-Bench", "a novel ... benchmark (VSI-Bench)", "the first comprehensive
# high-resolution video understanding benchmark HRVideoBench"): an article, a few modifiers, a kind word
# last, then a comma, a parenthesis, a colon or nothing. Not a preposition among the words (_INTRO_BLOCKERS).
_KIND_BEFORE_NAME = re.compile(
    r"\s+(?:an?|the|our)\s+(?:(?!(?:an?|and|or|to|as|like|similar|than|in|into|at|by)\s)[\w'-]+\s+){0,8}?"
    r"(?:benchmark|dataset|data set|corpus|suite|testbed|leaderboard|model|framework|method|approach|algorithm|"
    r"system|agent|architecture|pipeline|toolkit|platform|environment)s?\s*(?:,|\(|:)?\s*"
)
# A colon list of the things presented, after their count and kind: "we present two datasets for Sen-SSum:
# Mega-SSum and CSJ-SSum", "we construct two new benchmarks: (1) X ...; (2) Y ..."
_PRESENTED_KINDS_THEN_COLON = re.compile(
    r"\s+(?:(?:two|three|four|five|six|several|\d)\s+)?(?:(?:new|novel|complementary|key|large-scale)\s+)*"
    r"(?:benchmarks|datasets|models|methods|modules|components|techniques|strategies|variants|versions|resources)\b"
    r"[^:;.]{0,60}:"
)
# Or the work's own parts, counted: "The method follows three phases: A, B, and C", "MARS relies on three
# pillars: (1) ...", "At its core are two innovative models: X ...; and Y".
_OWN_PARTS_THEN_COLON = re.compile(
    r"(?:follows|consists of|comprises|includes|relies on|is built (?:on|upon)|is composed of|are|has|contains|features)\s+"
    r"(?:two|three|four|five|six|the following)\s+(?:[\w-]+\s+)?"
    r"(?:phases|stages|components|modules|pillars|steps|parts|innovations|models)\s*:"
)
# Where an item of such a list starts: after the colon, a comma, a semicolon, "and" or "(1)".
_LIST_ITEM_START = re.compile(r"(?:[:;,]\s*(?:and\s+)?|\s+and\s+)(?:\(\w{1,3}\)\s*|\w\)\s*)?(?:(?:the|a|an)\s+)?$")
# A capitalised word or a number after a known name goes on with it: "LoRA Silver Bullet" (a name it opens),
# and after a preposition too where the text calls the longer one ("Reinforcement Learning with ...").
_NAME_GOES_ON = re.compile(r"[\s-]+[A-Z0-9]")
_LONGER_NAME_GOES_ON = re.compile(r"[\s-]+(?:(?:with|of|for|from|via|in|on|to)\s+)?[A-Z0-9]")
_CAPITALISED_WORD = re.compile(r"[A-Z][A-Za-z]*")
_WORD = re.compile(r"\w+")
# What follows a name the paper presents: what it is ("X, a ...", "X: ..."), its short name, or its kind;
# not a kind word that modifies what comes next ("the MMLU benchmark results", "the Transformer model to
# time series": what is presented is the results, or the known thing applied elsewhere).
_PRESENTED_AFTER = re.compile(
    r"\s*(?:\([^()]{1,40}\)\s*)?(?:,\s*(?:an?|the|our)\s|:\s|\s*(?:series|family|models?|benchmark|dataset|suite)\b"
    r"(?!\s+(?:results?|scores?|performances?|accuracy|numbers|evaluations?|leaderboards?|rankings?|into|to)\b))"
)


# Where a text names a part of the paper's own system: "At its core is MoTok", "Central to this framework
# is X", "The core of this framework lies in X", "The main component, X,", "In the first component X (WKD)";
# the system by its name too: "Central to GazeGen is X", "At the core of the simulation platform is X".
_OWN_PART = re.compile(
    r"\b(?:at (?:its|the) (?:core|heart)(?: of (?:(?:this|our|the) )?[\w-]+(?: [\w-]+)?)?,?(?: (?:is|are|lies|lie))?|"
    r"central to (?:(?:this|our|the) )?[\w-]+ (?:is|are)|the core of (?:this|our|the) [\w-]+ (?:lies in|is|are)|"
    r"(?:the|its|our) (?:main|key|core|central|first|second|third) (?:component|module|innovation|stage)s?,?(?: is| are)?|"
    r"in the (?:first|second|third) (?:component|module|stage),?)"
)
_CUE_PATTERNS = {
    "our": _OUR, "compare": _COMPARE, "compare_verb": _COMPARE_VERB, "use": _USE, "evaluate_prep": _EVALUATE_PREP,
    "own_part": _OWN_PART,
}


# The cue patterns for the sentences in ASCII (nearly all), read with the ones above otherwise.
_ASCII_CUE_PATTERNS = {kind: ascii_twin(pattern) for kind, pattern in _CUE_PATTERNS.items()}
_ASCII_EVALUATION = ascii_twin(_EVALUATION)


@dataclass(frozen=True, slots=True)
class RoleDecision:
    role: str
    cue: str
    confidence: float


# The decisions are a few immutable values: each is built once and shared (building one costs
# more than looking it up).
role_decision = lru_cache(maxsize=None)(RoleDecision)


class SentenceCues:
    """Where each kind of cue sits in one sentence, found once for all its mentions (and only
    for the kinds a decision asks about).

    Args:
        intro: ``patterns.intro_cues`` of the sentence, when read from its text's (see
            ``patterns.sentence_intro_cues``); found in the sentence when None.
    """

    def __init__(self, sentence: str, *, intro: IntroCues | None = None) -> None:
        self.sentence = sentence
        self._intro_cues = intro
        self.lower = sentence.lower()
        self._breaks: list[int] | None = None
        self._found: dict[str, list[tuple[int, int]]] = {}
        self._evaluation: bool | None = None
        # _CALLED needs one of these words: a sentence without them skips its search at each mention
        self.may_call = any(word in self.lower for word in _CALLED_WORDS)

    def spans(self, kind: str) -> list[tuple[int, int]]:
        if kind not in self._found:
            if kind == "intro":
                self._found[kind] = intro_cue_spans(self.sentence, self._intro_cues)
            else:
                pattern = (_ASCII_CUE_PATTERNS if self.lower.isascii() else _CUE_PATTERNS)[kind]
                self._found[kind] = [(m.start(), m.end()) for m in pattern.finditer(self.lower)]
        return self._found[kind]

    @property
    def intro(self) -> list[int]:
        return [end for _, end in self.spans("intro")]

    def intro_before(self, position: int) -> int | None:
        """Where the nearest cue of presenting at or before ``position`` ends (None: no such cue)."""
        # read from the spans, not the ``intro`` list, which would be built anew at each mention
        return max((end for _, end in self.spans("intro") if end <= position), default=None)

    @property
    def evaluation(self) -> bool:
        if self._evaluation is None:
            self._evaluation = (_ASCII_EVALUATION if self.lower.isascii() else _EVALUATION).search(self.lower) is not None
        return self._evaluation

    @property
    def breaks(self) -> list[int]:
        """Where clauses end (found on first use: many sentences hold no mention to decide)."""
        if self._breaks is None:
            self._breaks = [m.end() for m in _CLAUSE_BREAK.finditer(self.lower)]
        return self._breaks

    def clause_start(self, position: int) -> int:
        start = max(0, position - _WINDOW)
        for end in self.breaks:
            if start < end <= position:
                start = end
        return start

    def gain_on(self, position: int) -> bool:
        """The last cue of comparing before ``position`` is an improvement on something ("improvement on")."""
        last = max((span for span in self.spans("compare") if span[1] <= position), key=lambda span: span[1], default=None)
        return last is not None and self.lower.startswith("improv", last[0]) and self.lower.endswith(" on", *last)

    def between(self, kind: str, other: str, position: int) -> bool:
        """A cue of ``other`` stands between the last cue of ``kind`` before ``position`` and it."""
        last = max((end for _, end in self.spans(kind) if end <= position), default=None)
        return last is not None and any(last <= start and end <= position for start, end in self.spans(other))

    def near(self, kind: str, position: int, max_words: int) -> bool:
        """A cue ends before ``position``, in its clause, at most ``max_words`` words before it."""
        for start, end in reversed(self.spans(kind)):
            if end > position:
                continue
            if start < self.clause_start(position):  # read only when a cue stands before
                return False
            return len(self.sentence[end:position].split()) <= max_words
        return False


def decide_role(
    sentence: str | SentenceCues,
    position: int,
    *,
    entity_type: str,
    known: bool,
    introduced_by_rule: bool = False,
    end: int | None = None,
) -> RoleDecision:
    """The role of a mention starting at ``position`` in ``sentence``.

    Args:
        sentence: the sentence, or its SentenceCues when several mentions share it.
        entity_type: model, dataset or method.
        known: the name is in a gazetteer (a known name is rarely the paper's own contribution).
        introduced_by_rule: a pattern already found the paper presenting this name.
        end: where the mention ends in ``sentence``, when known.
    """
    cues = sentence if isinstance(sentence, SentenceCues) else SentenceCues(sentence)
    text = cues.sentence
    if introduced_by_rule:
        return role_decision("introduces", "pattern", 0.85)
    called = cues.may_call and _CALLED.search(cues.lower, max(0, position - 40), position)
    if called and known and end is not None and _LONGER_NAME_GOES_ON.match(text, end):
        called = None  # "a method we call Reinforcement Learning with Verifiable Rewards": the known name opens it
    if called and not (known and called.group(0).startswith(("known as", "referred to as"))):
        # "a paradigm known as MLLM-as-a-Judge", "the MTEB benchmark (also known as BEIR)": a known name by its
        # usual name, no new one (the cue cannot tell "xGen-MM (also known as BLIP-3)", the paper's own)
        return role_decision("introduces", "called", 0.85)
    intro = cues.intro_before(position)
    if known:
        # "We introduce the Describe Anything Model (DAM), ...": a known name as the verb's direct object is
        # the paper presenting it (the lists know names once they are famous); not "we introduce LoRA into X"
        if (
            intro is not None
            and end is not None
            and not text[position].islower()  # a name, not a phrase ("an instruction tuning dataset")
            and _DIRECT_OBJECT.fullmatch(text, intro, position)
            and _PRESENTED_AFTER.match(text, end)
        ):
            return role_decision("introduces", "we_propose_known", 0.7)
        if _presented_with_its_kind(text, intro, position) and end is not None and not _NAME_GOES_ON.match(text, end):
            # (not "We propose a method, LoRA Silver Bullet": a known name opening the paper's longer one)
            return role_decision("introduces", "we_propose_kind", 0.7)
    else:
        if intro is not None and position - intro <= 60 and not _INTRO_BLOCKERS.search(text, intro, position) and (
            not _UPON.search(text, intro, position) or _NEW_BEFORE.search(text, max(0, position - 40), position)
        ):
            return role_decision("introduces", "we_propose", 0.75)
        if _presented_with_its_kind(text, intro, position):
            return role_decision("introduces", "we_propose_kind", 0.7)
        if cues.near("our", position, 2) and not cues.between("our", "compare", position):
            # (not "Our method outperforms FooNet": the words between compare it with the paper's own)
            return role_decision("introduces", "our_x", 0.7)
        if not text[position].islower() and _in_list_of_own_parts(text, intro, position):
            return role_decision("introduces", "own_list", 0.65)
        if cues.near("own_part", position, 1) and not text[position].islower():
            return role_decision("introduces", "own_part", 0.65)
    if cues.near("compare", position, 5):
        if entity_type == "dataset" and (cues.between("compare", "evaluate_prep", position) or cues.gain_on(position)):
            # "outperforms X by 5% on GSM8K", "a 38% gain over baselines on FashionIQ, CIRR and CIRCO",
            # "a 19% improvement on MMLU": the data set is where the comparison was run, not what is compared
            return role_decision("evaluates_on", "compared_on", 0.65)
        return role_decision("compares", "compare_cue", 0.7)
    if entity_type == "dataset" and cues.evaluation and cues.near("evaluate_prep", position, 8):
        return role_decision("evaluates_on", "evaluation_context", 0.7)
    if cues.near("use", position, 4):
        return role_decision("uses", "use_cue", 0.65)
    if entity_type == "dataset" and cues.evaluation:
        return role_decision("evaluates_on", "evaluation_sentence", 0.55)
    if entity_type != "dataset" and end is not None and _BASELINE_AFTER.match(text, end):
        return role_decision("compares", "named_baseline", 0.6)  # "a leap for the Qwen-Image baseline on Mind-Bench"
    if entity_type != "dataset" and cues.near("compare_verb", position, 40) and (
        not cues.between("compare_verb", "evaluate_prep", position)
    ):
        # further along a comparison's list: "outperforming proprietary models such as Claude Opus 4.5 and
        # Gemini 3 Pro" (not "by 2.6 points on Qwen3-8B-Base", where the model is the setting)
        return role_decision("compares", "compared_list", 0.6)
    return role_decision("mentions", "default", 0.5)


def _presented_with_its_kind(text: str, intro: int | None, position: int) -> bool:
    """The verb of presenting ending at ``intro`` has the name at ``position`` as its object, its kind
    said before it ("introduce a new vision-centric benchmark, CV-Bench")."""
    return (
        intro is not None
        and position - intro <= 150
        and not text[position].islower()
        and _KIND_BEFORE_NAME.fullmatch(text, intro, position) is not None
        and not _INTRO_BLOCKERS.search(text, intro, position)
        and not _spells_the_words_before(text, intro, position)
    )


def _spells_the_words_before(text: str, intro: int, position: int) -> bool:
    """"the first process reward model (PRM)": the short form of the kind just said, no name of its own."""
    short = _CAPITALISED_WORD.match(text, position, position + 12)
    if short is None or not text[intro:position].rstrip().endswith("("):
        return False
    capitals = "".join(c for c in short.group(0) if c.isupper())
    words = _WORD.findall(text, intro, position)[-len(capitals) :]
    return "".join(word[0] for word in words).upper() == capitals


def _in_list_of_own_parts(text: str, intro: int | None, position: int) -> bool:
    """The name at ``position`` is in a colon list of what the sentence presents (see the two patterns)."""
    colon = text.rfind(":", 0, position)
    if colon < 0 or position - colon > 200 or text.find(".", colon, position) >= 0:
        return False
    if not _LIST_ITEM_START.search(text, max(0, position - 20), position):
        return False  # "(1) a tokenizer based on Lempel-Ziv-Welch ...": a name inside an item, not the item
    if intro is not None and intro <= colon:
        head = _PRESENTED_KINDS_THEN_COLON.match(text, intro)
        if head is not None and head.end() == colon + 1:
            return True
    return _OWN_PARTS_THEN_COLON.search(text, max(0, colon - 80), colon + 1) is not None
