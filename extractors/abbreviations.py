"""Acronym definitions: "Mixture-of-Experts (MoE)" links a long form and its short form.

The algorithm is Schwartz & Hearst (2003), as scispaCy's abbreviation detector uses it: for a
parenthesised short form, walk back from the parenthesis to find the shortest long form whose
words contain the short form's characters in order, the first one starting a word.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

from paperkg.extractors.patterns import not_after, run_before, space_before

_PAREN = re.compile(r"\(([^()]{1,20})\)")
_WORD = re.compile(r"\S+")


# Not frozen, as patterns.Span is not: built often, never assigned to.
@dataclass(slots=True)
class Abbreviation:
    long: str
    short: str
    long_start: int
    long_end: int
    short_start: int
    short_end: int


_EXAMPLE_MARK = re.compile(r"(?:i\.e|e\.g|cf|viz)\.", re.IGNORECASE)


def _is_short_form(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 2 or not 2 <= len(text) <= 15:
        return False
    if not any(ch.isupper() for ch in text) or not text[0].isalnum():
        return False
    if _EXAMPLE_MARK.match(text):
        return False  # "benchmarks (i.e., OSWorld)": an example of what comes before, not its short form
    return sum(ch.isalpha() for ch in text) >= 2


def _match_long_form(short: str, candidate: str) -> int | None:
    """Start index in ``candidate`` of the shortest long form for ``short``, or None."""
    letters = [ch.lower() for ch in short if ch.isalnum()]
    s_index = len(letters) - 1
    l_index = len(candidate) - 1
    while s_index >= 0:
        char = letters[s_index]
        # The first character of the short form must start a word of the long form.
        while l_index >= 0 and (
            candidate[l_index].lower() != char or (s_index == 0 and l_index > 0 and candidate[l_index - 1].isalnum())
        ):
            l_index -= 1
        if l_index < 0:
            return None
        l_index -= 1
        s_index -= 1
    return candidate.rfind(" ", 0, l_index + 1) + 1


# Anchors found by cheap patterns; the long form is then read word by word in Python.
# A short form: a capital starting a word ("(?<![\w-])[A-Z]", written to open with the class: see not_after).
_SHORT = not_after(r"[\w-]", "[A-Z]") + "[A-Za-z0-9-]{1,14}"
_REVERSE = re.compile(rf"({_SHORT}),\s+(?:an?|the)\s+")
# "We introduce CAFE: Counterfactual Attribute Factuality Evaluation, a novel benchmark": a short form, a
# colon and its long form in capitals
_COLON_LONG = re.compile(rf"({_SHORT}):\s+(?=[A-Z])")
_PAREN_LONG = re.compile(rf"({_SHORT})\s+\(([A-Z][\w-]*(?:,?\s+[\w-]+){{1,7}})\)")
_OR_FORM = re.compile(r",\s+or\s+([A-Z][A-Za-z0-9-]{1,14})(?=[\s,.;:)])")
_LONG_WORD = re.compile(r"[A-Za-z][\w-]*")
_REPEATED_INITIAL = re.compile(r"(?<![A-Za-z])([A-Z])([23])(?=[A-Z])")
_MAX_LONG_WORDS = 8
_WORD_BREAK = re.compile(r"[\s-]+")
# A word styled to spell part of an acronym: two capitals or more opening it ("IMplicit", "COMPositional") or
# capitals inside or at the end of its lower case ("rEwards", "searchER"); not a coined name in camel case
# ("DeltaNet", "RealEstate10K").
_SPELLING_WORD = re.compile(r"[A-Z]{2,}[a-z]{3,}|[a-z]+[A-Z]+[a-z]*")


def _initials_match(short: str, long_form: str) -> bool:
    """The short form's capitals are the initials of the long form's words, in order; words
    with a lower-case initial ("dense", "of") may be skipped, capitalised ones may not. Or the
    long form's capitals spell the short form where its words carry capitals inside to spell it
    ("Process Reinforcement through IMplicit rEwards" for PRIME)."""
    capitals, words = _capitals_and_words(short, long_form)
    if len(capitals) < 2 or not words:
        return False
    return _initials_spell(capitals, words) or _capitals_spell(capitals, words)


def _capitals_and_words(short: str, long_form: str) -> tuple[list[str], list[str]]:
    """The short form's capitals (lower-cased) and the long form's words (_words_of)."""
    return [ch.lower() for ch in short if ch.isupper()], _words_of(long_form)


def _words_of(long_form: str) -> list[str]:
    """A long form's words, split at spaces and dashes."""
    return [w for w in _WORD_BREAK.split(long_form) if w]


def _initials_spell(capitals: list[str], words: list[str]) -> bool:
    index = 0
    for word in words:
        if index < len(capitals) and word[0].lower() == capitals[index]:
            index += 1
        elif word[0].isupper():
            return False
    return index == len(capitals) and words[-1][0].lower() == capitals[-1]


def spelled_by_capitals(abbreviation: Abbreviation) -> bool:
    """A definition found only by the capitals its long form carries inside its words."""
    capitals, words = _capitals_and_words(abbreviation.short, abbreviation.long)
    return not _initials_spell(capitals, words) and _capitals_spell(capitals, words)


def _capitals_spell(capitals: list[str], words: list[str]) -> bool:
    """Every capital of the long form, in order, is the short form's, and some word carries one
    inside ("IMplicit", "rEwards"): capitals placed to spell the acronym."""
    stylised = any(_SPELLING_WORD.fullmatch(word) for word in words)
    return len(words) > 1 and stylised and [ch.lower() for word in words for ch in word if ch.isupper()] == capitals


def _initials_offset(short: str, candidate: str) -> int | None:
    """Start in ``candidate`` of the shortest tail whose word initials are the short form's capitals."""
    for word in reversed(list(_LONG_WORD.finditer(candidate))):
        if word.group()[0] == short[0] and _initials_match(short, candidate[word.start() :]):
            return word.start()
    return None


def _spelled_inside_words(short: str, long_form: str) -> bool:
    """The long form has fewer words than the short form has capitals: some were spelled by letters inside a word."""
    capitals = sum(ch.isupper() for ch in short)
    return capitals >= 3 and len(_words_of(long_form)) < capitals


_TRAILING_LOWER_WORDS = re.compile(r"(?:\s+[a-z][a-z-]*)+$")


def _capitals_offset(short: str, candidate: str) -> int | None:
    """Start in ``candidate`` of the shortest tail whose capitals, placed inside its words, spell the
    short form ("conTextualized equivariAnt Position Embedding" for TAPE, whose first word's initial is
    no letter of it); the tail's first word carries a capital."""
    capitals = [ch.lower() for ch in short if ch.isupper()]
    if len(capitals) < 3:
        return None
    for word in reversed(list(_LONG_WORD.finditer(candidate))):
        if any(ch.isupper() for ch in word.group()):
            tail = _words_of(candidate[word.start() :])
            if _capitals_spell(capitals, tail):
                return word.start()
    return None


_LONGEST_SHORT = 15  # characters of _SHORT at most
# What follows the short form in _REVERSE and _PAREN_LONG, each opening with a literal (re skips in
# C to it): ", a", and a parenthesis after white space with a capital inside.
_REVERSE_ANCHOR = re.compile(r",\s+(?:an?|the)\s")
_COLON_ANCHOR = re.compile(r":\s+[A-Z]")
_PAREN_LONG_ANCHOR = re.compile(r"\((?<=\s\()[A-Z]")


_SHORT_CHARACTERS = frozenset(string.ascii_letters + string.digits + "-")


def _anchored_matches(text: str, anchor: re.Pattern, pattern: re.Pattern) -> list[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern that opens with a short form, then white space (or
    none) and ``anchor``, read back from each anchor (re skips in C to its literal) rather than tried
    at every capital. The short form is the run of its characters ending there, taken whole: a
    shorter one would open after one of them, which _SHORT's look-behind rules out. So each anchor
    has at most one match, which no other match holds (they end with the anchor's white space or
    parenthesis, outside any run): finditer's matches, in order."""
    found = []
    for at in anchor.finditer(text):
        end = space_before(text, at.start())
        start = run_before(text, end, _SHORT_CHARACTERS, _LONGEST_SHORT)
        if start < end and (match := pattern.match(text, start)) is not None:
            found.append(match)
    return found


def _ends_capitalised(long_form: str) -> bool:
    """The long form's last word, or the last part of a dashed one ("Sparse auto-Encoder"), is capitalised."""
    last = long_form.split()[-1]
    return last[:1].isupper() or last.rsplit("-", 1)[-1][:1].isupper()


# A long form's last word naming its kind, which an acronym may leave out.
_UNSPELLED_HEAD = re.compile(r"\s+(?:Learning|Model|Network|Framework|Method|Training|Optimization)$")


def find_reverse_definitions(text: str) -> list[Abbreviation]:
    """Definitions written the other way round: "UMR, an Unsupervised Multilingual dense
    Retriever", "LASE (Language-Adversarial Speaker Encoder)" and "Expert-Specialized Fine-Tuning, or ESFT"."""
    found = []
    after_comma = _anchored_matches(text, _REVERSE_ANCHOR, _REVERSE)
    # Not a title's "AdaGaR: Adaptive Gabor Representation for ...", read by the title rules, nor a numbered
    # item ("RQ1: Research Question One asks ...")
    after_colon = [
        match for match in (_anchored_matches(text, _COLON_ANCHOR, _COLON_LONG) if ":" in text else ())
        if match.start() > 0 and not match.group(1)[-1].isdigit()
    ]
    for match in after_comma + after_colon:
        short = match.group(1)
        words = []
        for word in _LONG_WORD.finditer(text, match.end()):
            if len(words) == _MAX_LONG_WORDS or (words and text[words[-1].end() : word.start()] != " "):
                break
            words.append(word)
        definition = _reverse_long_form(text, short, words, colon=match.re is _COLON_LONG)
        if definition is not None:
            found.append(Abbreviation(text[definition[0] : definition[1]], short, *definition, match.start(1), match.end(1)))
    # "LASE (Language-Adversarial Speaker Encoder)"
    for match in _anchored_matches(text, _PAREN_LONG_ANCHOR, _PAREN_LONG):
        short, long_form = match.group(1), match.group(2)
        head = _UNSPELLED_HEAD.search(long_form)
        # "SDAR (Self-Distilled Agentic Reinforcement Learning)": the acronym may leave out the kind word
        # (three capitals at least: "GA (Generative Adversarial Network)" spells no "GAN")
        spelled_but_head = head is not None and sum(ch.isupper() for ch in short) >= 3
        if (
            _initials_match(short, long_form)
            or (spelled_but_head and _initials_match(short, long_form[: head.start()]))
            or _spelled_through_capitalised_words(short, long_form)
            or _initials_with_words_between(short, long_form)
        ):
            found.append(Abbreviation(long_form, short, match.start(2), match.end(2), match.start(1), match.end(1)))
    for match in _OR_FORM.finditer(text):
        short = match.group(1)
        head = text[max(0, match.start() - 120) : match.start()]
        words = list(_LONG_WORD.finditer(head))[-_MAX_LONG_WORDS:]
        offset = match.start() - len(head)
        for n in range(1, len(words) + 1):
            first = words[-n]
            long_form = head[first.start() :]
            if _initials_match(short, long_form):
                found.append(Abbreviation(long_form, short, offset + first.start(), match.start(), match.start(1), match.end(1)))
                break
    return found


def _reverse_long_form(text: str, short: str, words: list[re.Match[str]], *, colon: bool) -> tuple[int, int] | None:
    """Where the long form after "SHORT, a ..." or "SHORT: ..." lies, longest first: from the first word, or
    from a later capitalised word with the short form's initial ("SLIM, a framework of dynamic Skill LIfecycle
    Management"), never from a lower-case word inside the description ("AlphaGRPO, a novel framework that
    applies Group Relative Policy Optimization", "E-GRPO, an entropy aware GRPO": no word there opens the name)."""
    for first, opening in enumerate(words):
        initial = opening.group()[0]
        if initial.lower() != short[0].lower() or (first > 0 and not initial.isupper()):
            continue
        for n in range(len(words), first + 1, -1):
            long_form = text[opening.start() : words[n - 1].end()]
            if (colon or first > 0) and not _ends_capitalised(long_form):
                # "CAFE: Counterfactual Attribute Factuality Evaluation for faithful editing": no comma ends the
                # long form, which ends at its last capitalised word, not at a lower-case word that merely
                # starts with the last initial (the colon's look-ahead has the first word capitalised; so
                # has a long form that opens later, inside a description)
                continue
            if long_form.islower() and not short.isupper():
                # "SongCreator, a song-generation system designed to tackle this challenge": a coined name
                # and a description in lower case whose words merely start with its capitals
                continue
            if _initials_match(short, long_form):
                return opening.start(), words[n - 1].end()
    return None


def _spelled_through_capitalised_words(short: str, long_form: str) -> bool:
    """"OREO (Offline Reasoning Optimization)", "TRACER (Trace-based Adaptive Cost-Efficient Routing)",
    "Sol-RL (Speed-of-light RL)": a name in parentheses after its short form, its words capitalised, whose
    letters spell the short form in order, each capitalised word's initial among them, the others taken
    from inside its words (the short form is written right before: no other reading stands between)."""
    letters = [ch.lower() for ch in short if ch.isalpha()]
    words = _words_of(long_form)
    if len(letters) < 3 or len(words) < 2 or not words[0][:1].isupper() or words[0][0].lower() != letters[0]:
        return False
    if any(w[:1].islower() and w not in _LINKING_FIRST_WORDS for w in long_form.split()):
        return False  # "FIT (Fit-Inclusive Try-on)" is spelled; "X (Multi-task learning with ...)" describes
    if len(letters) < 4 and sum(w[0].isupper() for w in words) < 3:
        return False  # "PPO (Puffer Pong)": a known acronym beside the environment it ran on
    # characters of the long form, each with whether the short form must take it (a capitalised word's initial)
    characters = [(ch.lower(), k == 0 and ch.isupper()) for w in words for k, ch in enumerate(w) if ch.isalpha()]
    # taken[i]: the short form's first i letters spell the characters read so far, every must-take one taken
    taken = [True] + [False] * len(letters)
    for character, must in characters:
        # the character spells the next letter, or (when it may) is skipped
        taken = [
            (i > 0 and taken[i - 1] and letters[i - 1] == character) or (taken[i] and not must)
            for i in range(len(letters) + 1)
        ]
    return taken[len(letters)]


def _initials_with_words_between(short: str, long_form: str) -> bool:
    """"KnowRL (Knowledge-Guided Reinforcement Learning)", "DRIFT (Decoupled Rollouts and Importance-Weighted
    Fine-Tuning)": a capitalised name in parentheses right after its short form, whose first and last
    initials are the short form's, its other capitals initials in order, with a word or two between that
    the short form leaves out (not "GA (Generative Adversarial Network)": its last word is not spelled)."""
    capitals, words = _capitals_and_words(short, long_form)
    if len(capitals) < 2 or any(w[:1].islower() and w not in _LINKING_FIRST_WORDS for w in words):
        return False
    initials = [w[0].lower() for w in words if w[:1].isupper()]
    if len(initials) - len(capitals) not in (1, 2) or initials[0] != capitals[0] or initials[-1] != capitals[-1]:
        return False
    position = 0
    for initial in initials:
        if position < len(capitals) and initial == capitals[position]:
            position += 1
    return position == len(capitals)


def _start_of_last_words(text: str, end: int, count: int) -> int | None:
    """Where the last ``count`` words of ``text[:end]`` start (all of them when fewer), None when
    it has none: ``list(_WORD.finditer(text[:end]))[-count:][0].start()``, read backwards. The words
    of the text reversed are its words reversed, last first, so re stops after ``count`` of them
    (a scan forward through a tail of the text made a match of each word there: 2.4x slower)."""
    start = None
    for number, word in enumerate(_WORD.finditer(text[:end][::-1]), 1):
        start = end - word.end()
        if number == count:
            break
    return start


_CAPITALISED_WORD_AFTER = re.compile(r" [A-Z][a-z]")  # compiled once: find_abbreviations tries it at each parenthesis


# A long form's first word that cannot open a name ("and Reasoning Corpus (ARC)"), or one in lower case
# that took the short form's initial from the capitalised word before it ("Competitive consensus
# Chain-of-Thought (CCoT)", "Proximal policy optimization (PPO)").
_LINKING_FIRST_WORDS = frozenset(("and", "or", "of", "for", "via", "as", "the", "with", "to", "in", "on", "by"))
_CAPITALISED_WORD_END = re.compile(r"([A-Z][\w-]*)\s+$")


def _capitalised_word_before(short: str, candidate: str, offset: int) -> int:
    """The long form's start, moved back over one capitalised word with the short form's initial when
    the shortest long form opens with a linking word, or with a lower-case word that has the initial the
    short form repeats: the shortest reading took the initial from the wrong word ("Abstraction and
    Reasoning Corpus", "Proximal policy optimization")."""
    words = candidate[offset:].split()
    if not words or not words[0][:1].islower():
        return offset
    before = _CAPITALISED_WORD_END.search(candidate, 0, offset)
    if before is None or before.group(1)[0].lower() != short[0].lower():
        return offset
    if words[0] in _LINKING_FIRST_WORDS:
        return before.start(1)
    # "Proximal policy optimization (PPO)": the short form's first two letters are one initial twice,
    # and the shortest reading gave both to the lower-case word
    repeated = len(short) > 1 and short[1].lower() == short[0].lower() == words[0][0]
    return before.start(1) if repeated else offset


def find_abbreviations(text: str) -> list[Abbreviation]:
    """Every "long form (SHORT)" definition in ``text`` (and the reverse forms), with offsets."""
    found = find_reverse_definitions(text)
    for match in _PAREN.finditer(text):
        short = match.group(1).strip()
        if not _is_short_form(short):
            continue
        if _CAPITALISED_WORD_AFTER.match(text, match.end()):
            continue  # "Key-Value (KV) Cache": the long form goes on after the parenthesis
        end = space_before(text, match.start())  # the text before the parenthesis, without the spaces before it
        if end > 1 and text[end - 1] in "'’" and text[end - 2] == "s":
            end -= 1  # "to evaluate Large Reasoning Models' (LRMs) performance": the possessive is not the name's
        # Candidate long form: at most min(|A| + 5, |A| * 2) words before the parenthesis,
        # not crossing a sentence or clause boundary.
        limit = min(len(short) + 5, len(short) * 2)
        start = _start_of_last_words(text, end, limit)
        if start is None:
            continue
        for boundary in (". ", "; ", ": ", ", ", "("):
            cut = text.rfind(boundary, start, end)
            if cut >= 0:
                start = cut + len(boundary)
        candidate = text[start:end]
        offset = _match_long_form(short, candidate)
        if offset is None and _REPEATED_INITIAL.search(short):
            # "Agentic Automatic Evaluation (A2Eval)": "A2" stands for two words with initial A.
            offset = _initials_offset(_REPEATED_INITIAL.sub(lambda m: m.group(1) * int(m.group(2)), short), candidate)
        if offset is not None and _spelled_inside_words(short, candidate[offset:]):
            # "Area Under the Rank Accuracy Curve (AURAC)": the shortest reading spelled the short form
            # from letters inside words ("Accuracy Curve"); the words' initials spell it from further back
            initials = _initials_offset(short, candidate)
            if initials is not None and initials < offset and ")" not in candidate[initials:offset]:
                offset = initials
        by_capitals = offset is None
        if by_capitals:
            offset = _capitals_offset(short, candidate)
        if offset is None:
            continue
        offset = _capitalised_word_before(short, candidate, offset)
        long_form = candidate[offset:].strip(" -")
        if by_capitals:
            # "conTextualized equivariAnt Position Embedding method (TAPE)": a lower-case word after the
            # last capital spells nothing; it is the kind of thing named
            long_form = _TRAILING_LOWER_WORDS.sub("", long_form)
        if not long_form or long_form.lower() == short.lower() or len(long_form) <= len(short):
            continue
        long_start = start + offset
        found.append(
            Abbreviation(
                long=long_form,
                short=short,
                long_start=long_start,
                long_end=long_start + len(long_form),
                short_start=match.start(1) + (len(match.group(1)) - len(match.group(1).lstrip())),
                short_end=match.start(1) + len(match.group(1).rstrip()),
            )
        )
    return found
