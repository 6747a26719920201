"""The role a mention plays in its sentence: introduces, uses, evaluates_on, compares, mentions.

Cues are read in the words just before the mention within its clause, and in the sentence for
evaluation context. Each decision names the cue that made it, for the evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.patterns import CALLED_CUE, INTRO_CUE

_WINDOW = 90  # characters before the mention that its cue must sit in

_COMPARE = re.compile(
    r"(?:outperform\w*|surpass\w*|beat\w*|exceed\w*|compared (?:with|to|against)|comparison (?:with|to|against)|"
    r"comparable to|competitive with|on par with|rival\w*|versus|vs\.?|than|over|relative to|baselines?\b|"
    r"improv\w* (?:up)?on|advantage over|better than|superior to|matches|matching)"
    r"(?:\W+\w+){0,5}?\W*$",
    re.IGNORECASE,
)
_USE = re.compile(
    r"(?:using|use|uses|used|utiliz\w+|utilis\w+|leverag\w+|employ\w*|adopt\w*|based on|built (?:on|upon|from)|"
    r"build(?:s|ing)? (?:on|upon)|on top of|fine-?tun\w*|finetun\w*|initiali[sz]ed (?:from|with)|appl(?:y|ies|ied|ying)|"
    r"train\w* (?:on|with)|pre-?train\w* (?:on|with)|distill\w* (?:from|into)|plug\w* into|integrat\w* (?:with|into)|"
    r"combin\w* with|extend\w*|inspired by|following|via|through|backbone|powered by|with)"
    r"(?:\W+\w+){0,4}?\W*$",
    re.IGNORECASE,
)
_EVALUATE_PREP = re.compile(r"\b(?:on|across|over|using|in|from)\b(?:\W+\w+){0,8}?\W*$", re.IGNORECASE)
_EVALUATION = re.compile(
    r"\b(?:evaluat\w*|experiment\w*|benchmark\w*|achiev\w*|result\w*|score\w*|accuracy|perform\w*|"
    r"outperform\w*|state-of-the-art|SOTA|test\w*|gains?|improv\w*|validat\w*|demonstrat\w*)\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[;:]|\bwhile\b|\bwhereas\b|\bbut\b")
_OUR = re.compile(r"\b(?:our|the proposed|our proposed|this new)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class RoleDecision:
    role: str
    cue: str
    confidence: float


def _clause_before(sentence: str, position: int) -> str:
    """The text before ``position`` in its sentence, cut at the last clause break."""
    before = sentence[max(0, position - _WINDOW) : position]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    return before[breaks[-1].end() :] if breaks else before


def decide_role(
    sentence: str,
    position: int,
    *,
    entity_type: str,
    known: bool,
    introduced_by_rule: bool = False,
) -> RoleDecision:
    """The role of a mention starting at ``position`` in ``sentence``.

    Args:
        entity_type: model, dataset or method.
        known: the name is in a gazetteer (a known name is rarely the paper's own contribution).
        introduced_by_rule: a pattern already found the paper presenting this name.
    """
    before = _clause_before(sentence, position)
    if introduced_by_rule:
        return RoleDecision("introduces", "pattern", 0.85)
    if CALLED_CUE.search(before):
        return RoleDecision("introduces", "called", 0.85)
    if not known:
        cues = list(INTRO_CUE.finditer(sentence[:position]))
        intro = cues[-1] if cues else None
        if intro is not None and position - intro.end() <= 60:
            between = sentence[intro.end() : position]
            if not re.search(r"\b(?:on|using|with|than|from|for|of)\b", between):
                return RoleDecision("introduces", "we_propose", 0.75)
        if _OUR.search(before):
            return RoleDecision("introduces", "our_x", 0.7)
    if _COMPARE.search(before):
        return RoleDecision("compares", "compare_cue", 0.7)
    if entity_type == "dataset" and _EVALUATE_PREP.search(before) and _EVALUATION.search(sentence):
        return RoleDecision("evaluates_on", "evaluation_context", 0.7)
    if _USE.search(before):
        return RoleDecision("uses", "use_cue", 0.65)
    if entity_type == "dataset" and _EVALUATION.search(sentence):
        return RoleDecision("evaluates_on", "evaluation_sentence", 0.55)
    return RoleDecision("mentions", "default", 0.5)
