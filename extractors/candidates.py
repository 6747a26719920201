"""Per-text candidates: every span that may name a model, dataset or method, with the rule that
found it. A pure function of the text (and its sentence boundaries); the spaCy component
``paperkg_candidates`` stores the result on ``Doc._.candidates``.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import string
from collections.abc import Callable
from dataclasses import dataclass

from paperkg.extractors.abbreviations import Abbreviation, find_abbreviations, spelled_by_capitals
from paperkg.extractors.gazetteer import Entry, Gazetteer, GazetteerMatch
from paperkg.extractors.links import url_spans
from paperkg.extractors.patterns import (
    CONNECTORS,
    LIST_JOIN,
    NOT_BEFORE_A_CLASS,
    PATCH_SIZE,
    PLURAL_ACRONYM,
    PLUS_SUFFIX,
    SENTENCE_OPENERS,
    SIZE_CODE_END,
    IntroCues,
    Span,
    as_a_role_names,
    ascii_shape,
    capital_words,
    capitalised_phrases,
    compounds_typed_as_data,
    described_compounds,
    described_words,
    doctor_names,
    extend_dataset,
    extend_model,
    intro_cues,
    introduced_phrases,
    is_name_like,
    kind_then_name,
    listed_data_items,
    listed_method_items,
    listed_model_items,
    listed_names,
    modified_techniques,
    modifier_compound,
    name_like_tokens,
    named_challenges,
    not_after,
    run_before,
    siblings,
    size_suffixed_models,
    spaced_suites,
    suite_named_after,
    title_cased,
    trec_tracks,
    type_from_shape,
    versioned_words,
)
from paperkg.extractors.words import common_words


# Not frozen, as patterns.Span is not: built often, never assigned to.
@dataclass(slots=True)
class Candidate:
    """A span that may name an entity."""

    start: int
    end: int
    text: str
    rule: str
    confidence: float
    type: str | None = None
    entry: Entry | None = None  # the gazetteer entry it matched (its family, for extended names)
    introduced: bool = False


# Not frozen, as patterns.Span is not: built often, never assigned to.
@dataclass(slots=True)
class TextCandidates:
    """What one text (a title or an abstract) holds."""

    candidates: tuple[Candidate, ...]
    abbreviations: tuple[Abbreviation, ...]
    # The text's cues of presenting, as introduced_phrases found them: the resolver reads each sentence's
    # from them (roles.SentenceCues) rather than scanning the sentences again.
    intro_cues: IntroCues | None = None


def _inside_compound(text: str, start: int) -> bool:
    """True when ``start`` is the second half of a hyphenated word ("VideoLLM-MoD" at "MoD")."""
    return start >= 2 and text[start - 1] in "-/" and text[start - 2].isalnum()


# "(M3DocVQA/MMLongBench-Doc/...)": a name-shaped word the lists do not know, then a slash, then a known
# name in capitals: a list of names, as after a known one ("SST-2/MNLI"); not a path or an address
# ("github.com/X"), nor a hub id ("BAAI/bge-m3": its owner, then the model in lower case).
_NAME_BEFORE_SLASH = re.compile(r"(?:^|[\s(\[])[A-Z][A-Za-z0-9-]*[A-Z0-9][A-Za-z0-9-]*/$")


_THE_BEFORE = re.compile(r"(?<![\w-])[Tt]he\s+$")
_CAPITALISED_WORD_AFTER = re.compile(r"\s+[A-Z][a-z]")  # "the Stack Exchange network": another name
# Acronyms the lists give to a data set and to a technique, with what in the text means the technique:
# "GQA" is a visual question-answering benchmark, and grouped-query attention where the text names other
# attention variants, heads or the KV cache ("MHA, MQA, GQA, and MLA", "GQA-based", "the GQA group"; all
# 11 corpus papers that write "GQA"), not wherever it says "attention" (861 of 7,007 abstracts do).
_OTHER_SENSE = {
    "GQA": (
        re.compile(
            r"groupe?d?[- ]query|\bM[HQL]A\b|\bKV\b|key[- ]value|attention heads?|GQA-(?:based|aware)"
            r"|GQA\s+(?:group|path|baseline|checkpoint|kernel)",
            re.IGNORECASE,
        ),
        "grouped-query attention",
    )
}


def _article_missing(entry: Entry, text: str, start: int, end: int) -> bool:
    """The match is an entry's name that opens with "The" ("Stack" of The Stack: the gazetteer matches
    such names without it), no alias of the entry is that shorter form (The Pile's "Pile" is a name on
    its own), and the text has no "the" before it, or a capitalised word after it ("the Stack Exchange")."""
    matched = text[start:end]
    return (
        entry.name.startswith("The ") and matched == entry.name[4:] and matched not in entry.aliases
        and (_THE_BEFORE.search(text, max(0, start - 8), start) is None or _CAPITALISED_WORD_AFTER.match(text, end) is not None)
    )


_IN_BEFORE = re.compile(r"(?<![\w-])[Ii]n\s+$")
_NAME_PART_AFTER_DASH = re.compile(r"-[A-Z0-9]")


def _common_word_in_other_use(entry: Entry, text: str, start: int, end: int) -> bool:
    """The match is an alias that is a common word with its first capital ("Flux" of FLUX), and the text
    uses it otherwise: "in Flux", or as the first word of a longer name ("Flux Attention", "Flux-GS")."""
    matched = text[start:end]
    if matched not in entry.aliases or matched == entry.name + "s" or not matched.istitle():
        return False  # the entry's own name and its plural ("Transformers") stay
    if matched.lower() not in common_words():
        return False
    # "Flux-GS" is a name of its own; "Flux-style" and "Flux--" are not
    longer = _NAME_PART_AFTER_DASH.match(text, end) is not None or _CAPITALISED_WORD_AFTER.match(text, end) is not None
    return longer or _IN_BEFORE.search(text, max(0, start - 4), start) is not None


def _capitalised_name_in_lower_case(entry: Entry, matched: str) -> bool:
    """Words of a data set's name that the lists spell only with capitals ("Natural Questions", "Natural
    Instructions"), written in lower case: English words, not the name. (Models' names are written in lower
    case often enough: "stable diffusion", "deepseek-r1".)"""
    if entry.type != "dataset" or not matched.islower() or " " not in matched:
        return False
    return not any(form.islower() for form in (entry.name, *entry.aliases))


def _camel_word_split_in_title_case(name: str, matched: str) -> bool:
    """A one-word name in lower camel case ("fastText") matched as capitalised words ("Fast Text")."""
    return (
        name[:1].islower() and " " not in name and any(ch.isupper() for ch in name)
        and matched[:1].isupper() and " " in matched
    )


_PLUS_VARIANT = re.compile(PLUS_SUFFIX)


def gazetteer_candidates(text: str, gazetteer: Gazetteer, *, matches: list[GazetteerMatch] | None = None) -> list[Candidate]:
    """Candidates of the gazetteer's matches in ``text`` (``matches``: ``gazetteer.find(text)``, when the
    caller has them already)."""
    found: list[Candidate] = []
    previous_end = -1
    for match in gazetteer.find(text) if matches is None else matches:
        listed = text[match.start - 1 : match.start] == "/" and (
            previous_end == match.start - 1
            or (text[match.start].isupper() and _NAME_BEFORE_SLASH.search(text, max(0, match.start - 40), match.start))
        )
        previous_end = match.end
        if _inside_compound(text, match.start) and not listed:
            continue  # "VideoLLM-MoD" holds no MoD; "SST-2/MNLI" lists two known names
        entry = match.entry
        end = match.end
        if entry.name in _ARCHITECTURES and _compound_part(text, match.start, end):
            continue  # "Diffusion Transformers", "Transformer-based LLMs": no mention of the architecture itself
        if _article_missing(entry, text, match.start, end):
            continue  # "The Stack" is matched as "Stack" after "the"; "A Native World Model Stack" is a software stack
        if _common_word_in_other_use(entry, text, match.start, end):
            continue
        matched = text[match.start : end]  # the words as written, before any extension below
        if _capitalised_name_in_lower_case(entry, matched):
            continue  # "answering natural questions", "following natural instructions"
        if _camel_word_split_in_title_case(entry.name, matched):
            continue  # "Lightning Fast Text-Guided", "for Fast Text Retrieval": title-case words, not fastText
        other_sense = _OTHER_SENSE.get(matched)
        if other_sense is not None and other_sense[0].search(text):
            entry = gazetteer.lookup(other_sense[1]) or entry  # "MHA, MQA, GQA, and MLA": grouped-query attention
        suite_end = suite_named_after(text, end)
        if suite_end > 0:
            # "olmOCR-bench" names a suite of its own, not the model olmOCR.
            suite = text[match.start : suite_end]
            found.append(Candidate(match.start, suite_end, suite, "pattern.suite_of_known", 0.8, "dataset"))
            continue
        kind = entry.type
        if entry.source == "mined" and entry.type != "dataset" and _names_known_data(entry.name, gazetteer):
            kind = "dataset"  # mined "Recap-DataComp" is a recaptioned DataComp, a data set
        if kind == "model":
            end = extend_model(text, end)
            if (longer := _longer_known_release(text, match.start, end, gazetteer)) is not None:
                end, entry = longer  # "Gemini 2.0 flash thinking": the release's tier in lower case
            if SIZE_CODE_END.search(text, match.start, end) and (patch := PATCH_SIZE.match(text, end)):
                end = patch.end()  # "DiT-XL/2": the known checkpoint name with its patch size
        elif kind == "dataset":
            end = extend_dataset(text, end)
        elif (checkpoint := _CHECKPOINT_TAIL.match(text, end)) and not text[match.start : end].islower():
            # "ViT-L/14", "DiT-XL/2": an architecture in a size is a trained checkpoint (not a technique
            # before a class: "test-time scaling Large Language Models"); its patch size after a spaced
            # size code too ("a DiT XL/2 model"), which the model tail does not take.
            end, kind = max(extend_model(text, end), checkpoint.end()), "model"
        elif (version := _TECHNIQUE_VERSION.match(text, end)) is not None:
            end = version.end()  # "Mamba-3", "EAGLE-3", "Gated DeltaNet-2": a later version, a name of its own
        if text.startswith("}", end) and "_{" in text[match.start : end]:
            end += 1  # "π_{0.5}": the subscript's closing brace is part of the name
        if (plus := _PLUS_VARIANT.match(text, end)) is not None:
            # "PFGM++", "SlowFast+": a name of its own built on the known one, which it is not (the issue's
            # "ImageNet++ is not ImageNet"); its kind is the known one's
            found.append(Candidate(match.start, plus.end(), text[match.start : plus.end()], "pattern.plus_variant", 0.75, kind))
            continue
        surface = text[match.start : end]
        confidence = 0.9 if entry.source == "curated" else 0.8
        found.append(Candidate(match.start, end, surface, f"gazetteer.{entry.source}", confidence, kind, entry))
        previous_end = end  # "IMO 2025/USAMO 2026": the next name is listed after the year the first took on
        for name, start, sibling_end in siblings(text, match.start, end):
            found.append(Candidate(start, sibling_end, name, "pattern.enumeration", confidence - 0.05, kind, entry))
    return found


# A technique's version number glued by a dash ("Mamba-3", "EAGLE-3"): not a count or a range ("-2x", "-3.5B").
_TECHNIQUE_VERSION = re.compile(r"-\d(?:\.\d)?(?![\w.-]|\.\d)")
# Architectures readers list only where a text names them on their own: "Transformer" in "Diffusion
# Transformers" or "Transformer-based models" names something else (of the corpus-sample papers that write
# the word only so, 10 of 83 list the Transformer; of those that write it alone, 68 of 110).
_ARCHITECTURES = frozenset(["Transformer"])
_COMPOUND_HEAD_BEFORE = re.compile(
    r"(?i:diffusion|vision|video|image|audio|speech|swin|graph|decision|point|spatial|temporal|sparse|linear|looped|"
    r"multimodal|multi-modal)[\s-]$"
)
_MODIFIER_AFTER = re.compile(r"-(?:based|style|like|only)\b")


def _compound_part(text: str, start: int, end: int) -> bool:
    """The match at start:end is a compound's head ("Diffusion Transformers"), a modifier ("Transformer-based")
    or, in lower case, the class of model or a network's part ("transformer models", "transformer layers",
    "a 4D transformer architecture"): only "the (classical) transformer architecture" names the architecture."""
    if text[start:end].islower():  # not "transformER", a stylised word the entry stands for
        architecture = _ARCHITECTURE_AFTER.match(text, end)
        if architecture is None:
            # Of the read samples' papers that write "transformer" only in lower case, 6 list the Transformer
            # and 99 do not: "standard transformer blocks", "transformer models", "compared to transformers".
            return True
        before = text[max(0, start - 14) : start]
        # "the classical transformer architecture" is the Transformer itself; "a cascaded 4D transformer
        # architecture" another (not "the transformer architecture", "based on transformer architectures")
        return not _ARCHITECTURE_ITSELF_BEFORE.search(before) and not _NO_MODIFIER_BEFORE.search(before)
    return bool(_MODIFIER_AFTER.match(text, end) or _COMPOUND_HEAD_BEFORE.search(text, max(0, start - 12), start))


_ARCHITECTURE_ITSELF_BEFORE = re.compile(r"(?:classic(?:al)?|standard|vanilla|original|plain|conventional)\s+$")
_ARCHITECTURE_AFTER = re.compile(r"s?[\s-]+architectures?\b")
_NO_MODIFIER_BEFORE = re.compile(r"(?:^|[^\w\s-]\s*|\b(?:the|a|an|of|on|in|with|and|or|to|by|from|as|its|their|our))\s+$",
                                 re.IGNORECASE)


# A metric named after a model: "Inception Score", "CLIP-Score", "Fréchet Inception Distance", "CLIP score of 0.31"
# (not the verb: "Llama-Guard2 score reasonably well").
_METRIC_AFTER = re.compile(r"[ -](?:Score|Distance)\b|[ -]score(?=s?\s*(?:[()\[\],.;:<>=≥≤↑↓]|of\b|and\b|on\b|for\b))")


# A LaTeX macro the listing left unexpanded ("we develop \\ModelName, a model"): the name is not in the text.
_PLACEHOLDERS = frozenset(
    ["modelname", "methodname", "model", "method", "ours", "ourmodel", "ourmethod", "name", "sysname", "systemname",
     "toolname", "algname", "dataset", "datasetname", "benchname", "benchmark", "shortname", "fullname", "approach"]
)


# "\\OurBench", "\\ourMethod-7B", "\\ourshort": "our" (or "ours") before a capital, a digit, a dash or a
# placeholder's word; not a name that opens with those letters ("\\Ouroboros", "\\OuroBench").
_OUR_MACRO = re.compile(
    r"ours?(?:[A-Z\d_-]|(?:short|full|long|abbr|sys|system|tool|bench|data|algo|framework|"
    + "|".join(sorted(_PLACEHOLDERS)) + r")(?![a-z]))"
)


def _placeholder(text: str, candidate: Candidate) -> bool:
    """A LaTeX macro left in the text for the paper's name ("\\methodname", "\\benchmarkName", "\\OurBench"),
    not a name; a macro named as the name is ("\\omniedit", "\\OuroBench") stays."""
    if not text.startswith("\\", candidate.start - 1):
        return False
    word = candidate.text.lower()
    if word in _PLACEHOLDERS or word.endswith("name"):
        return True
    return _OUR_MACRO.match(candidate.text[:1].lower() + candidate.text[1:]) is not None


# A model id in an API's lower case: a known family's first word, then dash-joined versions, sizes
# and tiers, one of them a number ("claude-opus-4.6", "gpt-5.2-codex", "gemini-3-flash-preview").
# The first word's letters are taken possessively ("{3,}+"): a dash must follow them, so giving letters
# back never helps, and at each word start re no longer retries every shorter run of its letters.
_LOWER_CASE_ID = re.compile(r"(?<![\w./-])([a-z]{3,}+(?:-[a-z0-9][a-z0-9.]*[a-z0-9]|-[a-z0-9])+)(?![\w-]|\.\w)")
_ID_NUMBER = re.compile(r"-[vrae]?\d")  # how every numbered part of _ID_PART starts
_DASH_AFTER_LETTERS = re.compile(r"-(?<=[a-z]{3}-)")  # where _LOWER_CASE_ID's first word ends
_LOWER_CASE_LETTERS = frozenset(string.ascii_lowercase)
_ID_PART = re.compile(
    r"v?\d+(?:\.\d+)*[a-z]?|\d+(?:\.\d+)?[bmk]|[ae]\d+b|instruct|chat|it|base|coder|codex|vl|vision|omni|audio|"
    r"mini|nano|micro|small|medium|large|xl|pro|max|plus|ultra|lite|flash|turbo|opus|sonnet|haiku|thinking|"
    r"reasoner|preview|exp|latest|fast|air|distill|r\d|fp8|awq"
)


def _lower_case_ids(text: str, stems: frozenset[str]) -> list[re.Match[str]]:
    """_LOWER_CASE_ID's matches whose first word is one of ``stems``, found from the dashes after three
    lower-case letters (re skips in C to the few dashes; the pattern itself, opening with its look-behind,
    is tried at every position of the text: lower_case_model_ids 2.9x slower). Its matches open after no
    letter, digit or [./-] and hold only such characters, so none starts inside another: the
    matches at the starts of the letter runs before the dashes are those of finditer."""
    found = []
    longest = max(map(len, stems), default=0)
    for dash in _DASH_AFTER_LETTERS.finditer(text):
        end = dash.start()
        start = run_before(text, end, _LOWER_CASE_LETTERS, longest)
        if text[start:end] in stems and (match := _LOWER_CASE_ID.match(text, start)) is not None:
            found.append(match)
    return found


def lower_case_model_ids(text: str, gazetteer: Gazetteer) -> list[Span]:
    """Model ids written in an API's lower case whose first word starts a known family's numbered names."""
    if _ID_NUMBER.search(text) is None:
        return []  # every such id has a dash before its number; a scan for that is 3x faster than the full pattern
    found = []
    for match in _lower_case_ids(text, gazetteer.numbered_stems()):  # a numbered stem's ids only
        first, *rest = match.group(1).split("-")
        if not all(_ID_PART.fullmatch(part) for part in rest):
            continue
        numbered = [part for part in rest if any(ch.isdigit() for ch in part)]
        # A stem that is also a word ("claude", "step") needs a tier beside its number: "step-1" is a step.
        if numbered and (first not in common_words() or len(numbered) < len(rest)):
            found.append(Span(match.start(1), match.end(1), match.group(1), "pattern.model_id", "model", confidence=0.8))
    return found


# "Math-500" for MATH-500, "Flux.1-dev" for FLUX.1-dev: a capitalised word and a number (after a dash,
# or a dotted release with its tier), a known name in other capitals. No letter pair marks it as a coined
# name, so only the known ones are taken ("Top-100", "Step-500", "Fig.1" are not names).
_WORD_NUMBER = re.compile(
    not_after(r"[\w.-]", "[A-Z]") + r"[a-z]{2,}(?:-\d{2,4}|\.\d{1,2}(?:-[A-Za-z]+)?)(?![\w-]|\.\d)"
)
# "[a-z]-\d" or "[a-z].\d" (a lower-case letter, a dash or a dot, a digit) written to open with the dash or
# dot: re skips in C to the few of them, where a pattern opening with [a-z] stops at most letters of the text
# (13x slower over an abstract). One pattern for each: re skips to a single literal character several times
# faster than to a class of two (a search through an abstract: 1.2 against 4 µs).
_LETTER_THEN_DIGIT = (re.compile(r"-(?<=[a-z]-)\d"), re.compile(r"\.(?<=[a-z]\.)\d"))


def _known_word_numbers(text: str, gazetteer: Gazetteer) -> list[Candidate]:
    """Each _WORD_NUMBER the gazetteer knows in other capitals, as that entry's candidate."""
    found: list[Candidate] = []
    if all(pattern.search(text) is None for pattern in _LETTER_THEN_DIGIT):
        return found  # the cheap part of the pattern first: most texts have no "word-123"
    for match in _WORD_NUMBER.finditer(text):
        known = gazetteer.lookup_case_blind(match.group(0))
        if known is not None:
            found.append(_known_written_otherwise(text, match.start(), match.end(), known))
    return found


def _known_written_otherwise(text: str, start: int, end: int, known: Entry) -> Candidate:
    """The candidate of a known name the text spells otherwise ("Math-500", "Contract-NLI"), as that entry's."""
    return Candidate(start, end, text[start:end], f"gazetteer.{known.source}", 0.8, known.type, known)


# "Contract-NLI" for ContractNLI, "Crows-Pairs" for CrowS-Pairs: two capitalised words that the lists know
# as one word, dashed, or spaced when the second has capitals inside and is no known name itself (not "Mental
# Health", "Text World": English words in a title's capitals). A look-ahead, so "Evaluating Search-QA"
# still tries "Search-QA" after "Evaluating Search".
# Written to open with the capital (see not_after): re skips in C to the capitals (3x faster over an abstract).
# Each run of letters is taken possessively: what must follow it (a dash, a space, a capital, no letter) is
# never a letter it could give back, so re keeps no state to retry shorter runs (the same matches, 12% faster).
_TWO_CAPITALISED_WORDS = re.compile(
    not_after(r"[\w.-]", "[A-Z]") + r"(?=([a-z]++)(?:-([A-Z][A-Za-z]++)| ([A-Z][a-z]*+[A-Z][A-Za-z]*+))(?![\w-]))"
)


# The two words' shape (patterns.ascii_shape) from the first capital: where _TWO_CAPITALISED_WORDS may match.
_TWO_WORDS_SHAPE = re.compile(rb"Aa+(?:-A| Aa*A)")


def _two_capitalised_words(text: str) -> list[re.Match[str]]:
    """_TWO_CAPITALISED_WORDS.finditer(text), tried only where the ASCII text's shape has its two words. Its
    matches are one capital each (the rest is a look-ahead), and no position inside a shape's match can
    hold one (a lower-case letter, a capital after a letter or a dash, or one followed by another
    capital): tried at each shape's start, it finds finditer's matches."""
    if not text.isascii():
        return list(_TWO_CAPITALISED_WORDS.finditer(text))
    starts = _TWO_WORDS_SHAPE.finditer(ascii_shape(text))
    return [match for start in starts if (match := _TWO_CAPITALISED_WORDS.match(text, start.start())) is not None]


def _known_split_words(text: str, gazetteer: Gazetteer) -> list[Candidate]:
    """Each _TWO_CAPITALISED_WORDS whose joined spelling is a known model or data set, as that entry."""
    found: list[Candidate] = []
    for match in _two_capitalised_words(text):
        start, (_, dashed, spaced) = match.start(), match.groups()
        known = gazetteer.lookup(text[start : match.end(1)] + (dashed or spaced))
        if known is not None and known.type in ("model", "dataset"):
            found.append(_known_written_otherwise(text, start, match.end(2 if dashed else 3), known))
    return found


# "Sonnet 4.6", "Opus-4.5": Claude's tiers with their release number (3 and later) and without the family's
# name. Not the bare word, which is also an audio codec ("WAV/MP3/AAC/Opus", "Opus 1.5") and a poem.
_CLAUDE_TIERS = ("Sonnet", "Opus", "Haiku")
_CLAUDE_TIER_RELEASE = re.compile(
    "(" + "|".join(not_after(r"[\w.-]", tier[0]) + tier[1:] for tier in _CLAUDE_TIERS) + ")"
    + r"[ -]([3-9](?:\.\d)?)(?![\w-]|\.\d)"  # each tier opening with its capital (see not_after); Claude's numbers
)


CLAUDE_TIER_RULE = "pattern.claude_tier"


def _claude_tier_releases(text: str, gazetteer: Gazetteer) -> list[Candidate]:
    """Each _CLAUDE_TIER_RELEASE as a model, of the family of the gazetteer's Claude release of that tier
    and number where the lists know it ("Sonnet 4.5": Claude Sonnet 4.5)."""
    found: list[Candidate] = []
    if not any(tier in text for tier in _CLAUDE_TIERS):
        return found  # every match holds a tier's word: str's search passes over a text faster than re stops at its capitals
    for match in _CLAUDE_TIER_RELEASE.finditer(text):
        tier, number = match.groups()
        found.append(Candidate(match.start(), match.end(), match.group(0), CLAUDE_TIER_RULE, 0.8, "model",
                               _claude_release(gazetteer, tier, number)))
        for name, start, end in siblings(text, match.start(), match.end()):  # "Opus 4.5, 4.6 and ..."
            sibling = text[start:end]
            if _CLAUDE_NUMBER.fullmatch(sibling):  # not "Opus 6, 12 and 24 kbps"
                found.append(Candidate(start, end, name, CLAUDE_TIER_RULE, 0.75, "model",
                                       _claude_release(gazetteer, tier, sibling)))
    return found


_CLAUDE_NUMBER = re.compile(r"[3-9](?:\.\d)?")


def _claude_release(gazetteer: Gazetteer, tier: str, number: str) -> Entry | None:
    """The gazetteer's Claude release of a tier and number, in either order of the two."""
    return gazetteer.lookup(f"Claude {tier} {number}") or gazetteer.lookup(f"Claude {number} {tier}")


def claude_release_name(tier_release: str) -> str:
    """The family's own spelling of a tier and number ("Opus-4.5" -> "Claude Opus 4.5"), an alias that
    joins it to the same paper's "Claude Opus 4.5" in either order."""
    return "Claude " + tier_release.replace("-", " ")


# "V* Bench", "V*Bench", "H* bench": a suite named after a search algorithm's star (V*, the guided visual
# search); the gazetteer's words hold no star. Not a bare "V*", an optimal value function as often.
_STARRED_SUITE = re.compile(r"(?<!\w)([A-Z])\*[ -]?(?:[Bb]ench(?:mark)?s?)(?![\w-])")


def _suite_word(written: str) -> str:
    """"Benchmark" where the text writes it, else "Bench": readers and the golds keep the text's word."""
    return "Benchmark" if "enchmark" in written else "Bench"


def _starred_suites(text: str) -> list[Candidate]:
    """Each _STARRED_SUITE as a data set, "V* Bench" ("V*Bench", "V* bench") or "V* Benchmark" as the text
    words it."""
    found: list[Candidate] = []
    if "*" not in text:
        return found
    for match in _STARRED_SUITE.finditer(text):
        name = f"{match.group(1)}* {_suite_word(match.group(0))}"
        found.append(Candidate(match.start(), match.end(), name, "pattern.starred_suite", 0.8, "dataset"))
    return found


# "Gemini-3-Pro with Google Search", "GPT-4o for Planning": a capitalised run that goes on past a
# known model or data set with a linking word describes how that one was used.
_LINKING_WORD = re.compile(r"\s+(?:" + "|".join(sorted(CONNECTORS)) + r")\s")


def _known_then_linking_word(text: str, inside: list[Candidate]) -> bool:
    return any(c.entry is not None and c.type in ("model", "dataset") and _LINKING_WORD.match(text, c.end)
               for c in inside)


def _known_track(text: str, track: Span, chosen: list[Candidate]) -> bool:
    """"the TREC Deep Learning Track": a name the gazetteer knows ("TREC Deep Learning", TREC DL) and the word
    "track", which stays that known name; not "TREC 2019 DL Track", a year's track the lists do not hold."""
    return any(c.entry is not None and c.start == track.start and text[c.end : track.end].strip().lower() in ("track", "tracks")
               for c in chosen)


def _holds_a_known_name(span: Span, chosen: list[Candidate]) -> bool:
    """"the ARC Challenge", "the ICCV 2025 Perception Test PhysicsIQ Challenge": a challenge named by what the
    gazetteer knows is that known name (or names), its data; not a challenge of its own."""
    return any(c.entry is not None and span.start <= c.start and c.end <= span.end for c in chosen)


_PARAMETER_COUNT_END = re.compile(r"\d[BM]$")  # not "JiT-700M/32", whose number after the slash is a patch size


def find_candidates(
    text: str,
    gazetteer: Gazetteer,
    *,
    matches: list[GazetteerMatch] | None = None,
    abbreviations: list[Abbreviation] | None = None,
) -> TextCandidates:
    """Gazetteer matches first; pattern matches where no gazetteer match overlaps them.

    Args:
        matches: ``gazetteer.find(text)``, when the caller has them already.
        abbreviations: ``find_abbreviations(text)``, when the caller has them already.
    """
    chosen = gazetteer_candidates(text, gazetteer, matches=matches)
    for span in size_suffixed_models(text):
        overlapping = [c for c in chosen if not (span.end <= c.start or span.start >= c.end)]
        if overlapping and all(c.start <= span.start and c.end >= span.end for c in overlapping):
            continue
        # A size-suffixed name beats a shorter gazetteer match inside it ("Mistral" in "Mistral-7B").
        entry = overlapping[0].entry if overlapping else None
        chosen = [c for c in chosen if c not in overlapping]
        # "WebVid-10M" on the gazetteer's WebVid: a data set of 10M clips, typed as its family is.
        # "Mamba-2-370M" on the method Mamba-2: a checkpoint of that architecture.
        kind = "model" if entry is not None and entry.type == "method" else entry.type if entry is not None else span.type
        if (entry is None or entry.source == "mined") and _names_known_data(span.text, gazetteer):
            kind = "dataset"  # "Recap-DataComp-1B": a version of the data set DataComp-1B
        chosen.append(Candidate(span.start, span.end, span.text, span.rule, span.confidence, kind, entry))
        # "Agent-World-8B and 14B": the sizes listed after a coined sized name are its siblings, as
        # they are after a known one ("Qwen3-8B and 14B")
        for name, start, end in siblings(text, span.start, span.end):
            if _PARAMETER_COUNT_END.search(name) and not any(start < c.end and c.start < end for c in chosen):
                chosen.append(Candidate(start, end, name, "pattern.enumeration", span.confidence - 0.05, kind, entry))
    for span in lower_case_model_ids(text, gazetteer):
        inside = [c for c in chosen if span.start <= c.start and c.end <= span.end]
        if any(not (span.end <= c.start or span.start >= c.end) for c in chosen if c not in inside) or any(
            (c.start, c.end) == (span.start, span.end) for c in inside
        ):
            continue
        # "gpt-5.2-codex" holds the known "gpt-5.2": the whole id is the release the text names.
        chosen = [c for c in chosen if c not in inside]
        chosen.append(Candidate(span.start, span.end, span.text, span.rule, span.confidence, "model"))
    chosen += [known for known in _known_word_numbers(text, gazetteer) if free_of(known, chosen)]
    chosen += [tier for tier in _claude_tier_releases(text, gazetteer) if free_of(tier, chosen)]
    chosen += [suite for suite in _starred_suites(text) if free_of(suite, chosen)]
    chosen += [known for known in _known_split_words(text, gazetteer) if free_of(known, chosen)]
    if abbreviations is None:
        abbreviations = find_abbreviations(text)
    if abbreviations:
        chosen = [c for c in chosen if not (c.type == "method" and _inside_a_definition(c, abbreviations))]
    defined = {form for a in abbreviations for form in (a.short, a.short.removesuffix("s"))}
    # A capitals word defined as an acronym here is the abbreviation's business, not a name of its own.
    caps = [span for span in capital_words(text) if span.text not in defined]
    typed = (
        spaced_suites(text)
        + [track for track in trec_tracks(text) if not _known_track(text, track, chosen)]
        + [challenge for challenge in named_challenges(text) if not _holds_a_known_name(challenge, chosen)]
        + as_a_role_names(text)
        + compounds_typed_as_data(text) + described_compounds(text) + described_words(text) + kind_then_name(text)
    )
    # A versioned name first: the introduced word it holds ("we release Bielik v3") marks it introduced.
    cues = intro_cues(text)
    # Seven steps below skip a title-cased text: the test is made once (it splits a title into words).
    titled = title_cased(text)
    spans = (
        versioned_words(text) + doctor_names(text) + introduced_phrases(text, cues) + name_like_tokens(text)
        + listed_names(text) + modified_techniques(text, titled=titled)
    )
    # Both lists below are most often empty: each span's test against them is made only when they are not.
    spelled = [(a.long_start, a.long_end) for a in abbreviations if spelled_by_capitals(a)]
    # The chosen candidates by a sequence number that keeps their order, and indexed by the stretches of text
    # they cover: each span is tested against the few candidates near it, not against all of them (a text
    # of thousands of names made these tests quadratic).
    placed = dict(enumerate(chosen))
    near = _NearIndex(placed)
    for span in spans + typed + capitalised_phrases(text, titled=titled) + caps:
        if spelled and any(start <= span.start and span.end <= end for start, end in spelled):
            continue  # "IMplicit" of "Process Reinforcement through IMplicit rEwards (PRIME)": a word of the long form
        if span.rule == "pattern.capitalised_phrase" and _inside_a_definition(span, abbreviations):
            continue  # "Reinforcement Learning" of "Reinforcement Learning from Internal Feedback (RLIF)"
        article_titled = span.rule == "pattern.introduced_article_title"
        around = near.around(span.start, span.end)
        if article_titled and any(placed[n].entry is not None and _all_but_a_word(span, placed[n]) for n in around):
            continue  # "we develop a Monte Carlo Tree Search for ...", "the Stanford Alpaca": a known name, not presented
        covered = [n for n in around if placed[n].start <= span.start and placed[n].end >= span.end]
        if covered:
            if span.introduced and not article_titled and not described_in_plain_words(span):
                # "we propose a new SSM layer, H3": a known name, presented here; but "our base model, Llama-3-8B,"
                # names a known one the paper uses (its kind and a comma say less than a verb of presenting), and
                # "a simple post-training quantization method, named MobileQuant" presents a method of that kind.
                for n in covered:
                    if span.rule != "pattern.kind_then_name" or not _an_entry_form(placed[n]):
                        placed[n] = dataclasses.replace(placed[n], introduced=True)
            if span.type:  # "two datasets: RealICU-Gold": the list says what a coined token is
                for n in covered:
                    c = placed[n]
                    if (c.start, c.end) == (span.start, span.end) and c.type is None:
                        placed[n] = dataclasses.replace(c, type=span.type)
            continue
        inside = [n for n in around if span.start <= placed[n].start and placed[n].end <= span.end]
        if span.rule == "pattern.capitalised_phrase" and _known_then_linking_word(text, [placed[n] for n in inside]):
            continue  # "Gemini-3-Pro with Google Search": a known model and what it was given, no new name
        if span.rule == "pattern.capitalised_phrase" and _defined_after_linking_word(text, span, abbreviations):
            continue  # "train the Allocator with Cost-Aware Policy Optimization (CAPO)": the definition says where it starts
        family = None
        if inside and not any(_overlap(span, placed[n]) for n in around if n not in inside):
            # "MoE-X" holds the gazetteer's "MoE": the longer coined name wins. "DINOv2-L" is
            # DINOv2 in size L: a checkpoint of that family, of its type.
            head = placed[inside[0]]
            if head.entry is not None and head.start == span.start and _SIZE_CODE.fullmatch(span.text, head.end - span.start):
                family = head.entry
            elif span.rule == "pattern.versioned_words" and not span.type and head.start == span.start and head.type == "dataset":
                # "Arena-Hard-Auto v0.1": a release of a data set (a versioned technique is a trained release:
                # its type is left to shape and context)
                span = dataclasses.replace(span, type="dataset")
            for n in inside:
                near.remove(n, placed.pop(n))
        if near.free(span, placed):
            coined = span.rule in ("pattern.name_shape", "pattern.versioned_words") or (
                span.rule == "pattern.caps_word" and len(span.text) >= 6  # "SUPERGPQA": SuperGPQA in capitals
            )
            known = gazetteer.lookup_case_blind(span.text) if coined else None
            if known is not None:  # "Deepseek-R1", "MMstar": a known name in other capitals is that name
                near.add(placed, _known_in_other_capitals(text, span, known))
                continue
            spaced = _spaced_known_release(text, span, gazetteer) if coined else None
            if spaced is not None and near.free(spaced[0], placed):  # "Deepseek R1": DeepSeek-R1 in other capitals
                whole, known = spaced
                near.add(placed, _known_in_other_capitals(text, dataclasses.replace(whole, introduced=span.introduced), known))
                continue
            family = family or (_versioned_known_name(span.text, gazetteer) if span.type is None else None)
            kind = family.type if family is not None else span.type
            candidate = Candidate(span.start, span.end, span.text, span.rule, span.confidence, kind, family, span.introduced)
            near.add(placed, candidate)
    chosen = list(placed.values())
    chosen = _possessed_releases(text, chosen)
    chosen += _list_members(text, chosen, titled)
    chosen += _bare_model_families(text, chosen, gazetteer, titled)
    chosen = _typed_beside_known_data(text, chosen, titled)
    chosen = _listed_as_data(text, chosen, titled)
    chosen = _listed_as_models(text, chosen, titled)
    chosen = _listed_as_methods(text, chosen, titled)
    # A name in a link's path ("github.com/InternLM/InternLM-XComposer") is the link's, not a mention;
    # a model naming a metric ("Inception Score", "Fréchet Inception Distance", "CLIP score") is the metric's.
    # (Most texts hold no link: each candidate's test against the links is then skipped.)
    if urls := url_spans(text):
        chosen = [c for c in chosen if not any(start <= c.start and c.end <= end for start, end in urls)]
    chosen = [c for c in chosen if not (c.type == "model" and _METRIC_AFTER.match(text, c.end)) and not _placeholder(text, c)]
    chosen.sort(key=lambda c: (c.start, -c.end))
    return TextCandidates(tuple(chosen), tuple(abbreviations), cues)


# A list's next or previous item: "GPT-4o, Oasis, and Genie", "Oasis and GPT-4o".
_NEXT_ITEM = re.compile(LIST_JOIN)
_ITEM = re.compile(r"[A-Z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*\+{0,2}(?=\s*[,;:)]|\.(?:\s|$)|\s+(?:and|or|&)(?!\w))")
_ITEM_BEFORE = re.compile(rf"(?<![\w-])([A-Z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*\+{{0,2}}){LIST_JOIN}$")


# What may not stand before a list's first item for it to be a name of its own: a sentence start
# ("Lumina and X": any first word is capitalised), a capitalised word or a possessive ("Bloom's Taxonomy").
_WORD_OF_A_NAME_BEFORE = re.compile(r"(?:^|[.!?]\s+|[A-Z][\w-]*\s+|['’]s\s+)$")


# "DeepSeek's R1", "Moonshot's K2": a release code after a known model's possessive.
_POSSESSIVE_GAP = re.compile(r"['’]s\s+")
_RELEASE_CODE = re.compile(r"[A-Z]{1,2}\d{1,3}(?:\.\d)?[A-Z]?")
# the code ends its phrase ("DeepSeek's R1, excel", "DeepSeek's R1 and"), not a noun's modifier ("ResNet's C5 features")
_LIST_END_AFTER = re.compile(r"\s*(?:[,;:.)]|$)|\s+(?:and|or)\b")


def _possessed_releases(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """A short release code right after a known model's possessive is that maker's model (alone, "R1"
    is as likely a room, a rule or a reference; after "DeepSeek's" it is the model)."""
    models_end = {c.end for c in chosen if c.entry is not None and c.type == "model"}
    if not models_end:
        return chosen
    result = []
    for c in chosen:
        if c.type is None and c.entry is None and _RELEASE_CODE.fullmatch(c.text):
            gap = _POSSESSIVE_GAP.search(text, max(0, c.start - 6), c.start)
            if gap is not None and gap.end() == c.start and gap.start() in models_end and _LIST_END_AFTER.match(text, c.end):
                c = dataclasses.replace(c, type="model")
        result.append(c)
    return result


def _an_entry_form(candidate: Candidate) -> bool:
    """The candidate is its entry's own name or alias ("Llama-3-8B"), or a checkpoint the gazetteer's family
    rules read whole ("our reward model, Skywork-Reward-Gemma-2-27B,", "our student model, Qwen2.5-1.5B,"), not
    a name a pattern built on it ("InternVL2-8B-MPO")."""
    entry = candidate.entry
    if entry is None:
        return False
    return candidate.text == entry.name or candidate.text in entry.aliases or candidate.rule.startswith("gazetteer.")


def _all_but_a_word(span: Span, known: Candidate) -> bool:
    """The known candidate is the span, or all of it but one word ("Stanford Alpaca"; not "Long CoT Collection",
    "Multi-Task Correction MoE": new names holding a known one)."""
    if not (span.start <= known.start and known.end <= span.end):
        return False
    rest = span.text[: known.start - span.start] + " " + span.text[known.end - span.start :]
    return len(rest.split()) <= 1


def _list_members(text: str, chosen: list[Candidate], titled: bool) -> list[Candidate]:
    """Unknown single-word names listed beside a known data set are data sets too ("on MMLU, Zorblat
    and GSM8K"): a list holds things of one kind. (Lists of models mix in techniques and agents,
    "GPT-4o, ReAct and Reflexion", so a model's list says less.)"""
    known = [c for c in chosen if c.entry is not None and c.type == "dataset"]
    if not known or titled:
        return []  # in a title every word is capitalised, names or not
    taken = [(c.start, c.end) for c in chosen]
    found: list[Candidate] = []

    def add(start: int, end: int, kind: str) -> bool:
        name = text[start:end]
        if len(name) < 3 or name.lower() in common_words() or modifier_compound(name):
            return False
        if any(s < end and start < e for s, e in taken):
            return False
        found.append(Candidate(start, end, name, "pattern.list_member", 0.6, kind))
        taken.append((start, end))
        return True

    for candidate in known:
        position = candidate.end
        while (gap := _NEXT_ITEM.match(text, position)) and (item := _ITEM.match(text, gap.end())):
            if not add(item.start(), item.end(), candidate.type) and not any(
                c.start == item.start() for c in chosen
            ):
                break
            position = item.end()
        before = _ITEM_BEFORE.search(text, max(0, candidate.start - 40), candidate.start)
        if before and not _WORD_OF_A_NAME_BEFORE.search(text, max(0, before.start(1) - 30), before.start(1)):
            add(before.start(1), before.end(1), candidate.type)
    return found


_FAMILY_WORD_AFTER = re.compile(r"\s+(?:family|families|series|models?|checkpoints)\b")


def _bare_model_families(text: str, chosen: list[Candidate], gazetteer: Gazetteer, titled: bool) -> list[Candidate]:
    """A model family the lists know only by its numbered releases, named bare where the words say it is
    a model: "the Phi family", "Llama, Mistral and Phi models", "such as LLaMA, Mistral, and Phi," (listed
    beside a known model). Elsewhere the bare word may be anything ("auxiliary modules (Phi)")."""
    families = gazetteer.numbered_families()
    if families is None or titled:
        return []
    pattern, release_of = families
    models = [(c.start, c.end) for c in chosen if c.type == "model" and c.entry is not None]
    found: list[Candidate] = []
    for match in pattern.finditer(text):
        start, end = match.span()
        if any(c.start < end and start < c.end for c in chosen):
            continue
        listed = any(_joined_in_list(text, e, start, end) or _joined_in_list(text, end, s, e) for s, e in models)
        if listed or _FAMILY_WORD_AFTER.match(text, end):
            # With a release of the family as its entry: a known model's name, its own entity ("Phi", not "Phi-2")
            found.append(Candidate(start, end, match.group(0), "pattern.model_family", 0.7, "model", release_of[match.group(0)]))
    return found


def described_in_plain_words(span: Candidate | Span) -> bool:
    """A part the text describes in plain lower-case words after a verb of presenting ("we develop a
    coverage-aware sampling technique"): no name of its own (the resolver keeps it only where the title names
    the work so), and no presenting of a known name it covers ("a simple post-training quantization method")."""
    return span.rule == "pattern.introduced_modifier" and span.text.islower()


def _inside_a_definition(span: Candidate | Span, abbreviations: list[Abbreviation]) -> bool:
    """Only part of a name the paper defines: "Reinforcement Learning" of "Reinforcement Learning from
    Hindsight Simulation (RLHS)", which names RLHS. Not inside a description in lower case ("E-GRPO, an
    entropy aware Group Relative Policy Optimization": a variant of GRPO, which readers name too).
    (Callers ask it of techniques: a known model or data set inside one, "GPT-4 based Evaluation", is
    still that model.)"""
    return any(
        a.long[:1].isupper() and a.long_start <= span.start and span.end <= a.long_end
        and (span.start, span.end) != (a.long_start, a.long_end)
        for a in abbreviations
    )


def _defined_after_linking_word(text: str, span: Span, abbreviations: list[Abbreviation]) -> bool:
    """A capitalised run whose last words are an acronym's long form, after a linking word ("Allocator with
    Cost-Aware Policy Optimization (CAPO)"): the run is two things, what is linked and the defined name."""
    return any(
        span.start < a.long_start and a.long_end == span.end
        and text[span.start : a.long_start].rstrip().rsplit(" ", 1)[-1] in CONNECTORS
        for a in abbreviations
    )


def _joined_in_list(text: str, first_end: int, second_start: int, second_end: int) -> bool:
    """The item ending at first_end and the one at second_start..second_end stand in one list."""
    return bool(_LAST_ITEM_GAP.fullmatch(text, first_end, second_start)
                or (_COMMA_GAP.fullmatch(text, first_end, second_start) and _LIST_GOES_ON.match(text, second_end)))


# Between two items of one list: "and" / "or" (after a comma or not), or a comma when the list goes
# on after the second item (a comma alone also ends a phrase: "covering OCR and VQA, X reduces").
_LAST_ITEM_GAP = re.compile(r"\s*,?\s+(?:and|or)\s+")
_COMMA_GAP = re.compile(r"\s*,\s*")
_LIST_GOES_ON = re.compile(r"\s*,|\s+(?:and|or)\s")


def _typed_beside_known_data(text: str, chosen: list[Candidate], titled: bool) -> list[Candidate]:
    """An untyped release listed right beside a known data set is a data set ("on VerilogEval v2 and
    RTLLM v1.1"): its version alone would make it a checkpoint."""
    known = [(c.start, c.end) for c in chosen
             if (c.entry is not None and c.type == "dataset") or (c.type is None and type_from_shape(c.text) == "dataset")]
    if not known or titled:
        return chosen

    def beside(c: Candidate) -> bool:
        return any(_joined_in_list(text, end, c.start, c.end) or _joined_in_list(text, c.end, start, end) for start, end in known)

    return [dataclasses.replace(c, type="dataset") if c.rule == "pattern.versioned_words" and c.type is None and beside(c)
            else c for c in chosen]


def _listed_as_data(text: str, chosen: list[Candidate], titled: bool) -> list[Candidate]:
    """The items of a list the sentence says holds data sets ("the HRS and DrawBench benchmarks";
    patterns.listed_data_items): an untyped candidate there is a data set, and an item no rule found
    is one when it is shaped like a name or a plain acronym ("HRS", "ARCTIC")."""
    if titled or not (items := listed_data_items(text)):
        return chosen  # (the cheap test first: a title's list is read by neither)
    typed = []
    for c in chosen:
        if c.entry is None and c.type in (None, "dataset") and any(start <= c.start and c.end <= end for start, end in items):
            # a word in capitals is a name when the list says so ("HRS"): no longer found by its case alone
            rule = "pattern.list_member" if c.rule == "pattern.caps_word" else c.rule
            c = dataclasses.replace(c, type="dataset", rule=rule)
        typed.append(c)
    for start, end in items:
        name = text[start:end].rstrip("+")
        one_token = not any(ch.isspace() for ch in name)
        if not ((one_token and (is_name_like(name) or _listed_acronym(name))) or _capitalised_non_word_name(name)):
            continue  # "B300 GPUs", "Landscape": the list's words are not all names
        if not free_of(Span(start, end, name, ""), typed):
            continue
        typed.append(Candidate(start, end, text[start:end], "pattern.list_member", 0.6, "dataset"))
    return typed


def _capitalised_non_word_name(name: str) -> bool:
    """A data list's item of one or two capitalised words, one of them no English word and none a lower-case
    one ("Truebones Zoo", "Ford Multi-AV", "Truebones"; not "Landscape", "Adult Income", nor "B300 GPUs", a
    plural of capitals)."""
    words = name.split()
    if len(words) > 1 and any(PLURAL_ACRONYM.match(word) for word in words):
        return False
    return all(word[0].isupper() for word in words) and any(
        is_name_like(word) or (word.isalpha() and len(word) >= 4 and word.lower() not in common_words()) for word in words
    )


# Class words and their acronyms, which a list of models may hold beside names ("models such as LLMs").
_CLASS_ITEM = re.compile(r"[A-Z0-9]*(?:LLM|VLM|LMM|LM|SLM|LRM)")


def _listed_as_models(text: str, chosen: list[Candidate], titled: bool) -> list[Candidate]:
    """The items of a list that a class of models leads ("state-of-the-art models (e.g., RzenEmbed and
    GME)"; patterns.listed_model_items): an untyped coined candidate that is a whole item is a model,
    and an item no rule found is one when it is shaped like a name or an acronym, or is a capitalised
    non-word beside a known model ("Yi, Jais and Aya"). Not in a list that holds a known technique
    ("models (e.g., SVM, RF, KNN and XGB)", "diffusion models (DDIM, A-DPM)"): items the rules typed
    keep their type, and the unknown ones may be techniques too."""
    if titled or not (lists := listed_model_items(text)):
        return chosen
    known = {(c.start, c.end): c.type for c in chosen if c.entry is not None}
    typed = list(chosen)
    for items in lists:
        kinds = {known.get(item) for item in items}
        if "method" in kinds:
            continue
        _type_whole_items(typed, items, "model", lambda c: " " not in c.text)  # "Diffusion Transformers": a class
        _add_unfound_items(text, typed, items, "model", functools.partial(_listed_model_name, beside_known="model" in kinds))
    return typed


def _listed_model_name(name: str, beside_known: bool) -> bool:
    """A list of models' item that is a name: shaped like one, a word in capitals ("GME"), or a capitalised
    non-word beside a known model ("Jais" beside Yi); never an English word."""
    word = beside_known and name.isalpha() and len(name) >= 3 and name[1:].islower()
    return (is_name_like(name) or _listed_acronym(name) or word) and name.lower() not in common_words()


def _type_whole_items(
    typed: list[Candidate], items: list[tuple[int, int]], kind: str, takes: Callable[[Candidate], bool]
) -> None:
    """Give ``kind`` to each untyped candidate no entry names that is a whole item of a list (not a piece of one:
    "IIE" of "DeepGaze IIE") and that ``takes`` accepts. A word in capitals is a name when the list says so
    ("GME", "TIES"): no longer found by its case alone."""
    for index, c in enumerate(typed):
        if c.entry is None and c.type is None and (c.start, c.end) in items and takes(c):
            rule = "pattern.list_member" if c.rule == "pattern.caps_word" else c.rule
            typed[index] = dataclasses.replace(c, type=kind, rule=rule)


def _add_unfound_items(
    text: str, typed: list[Candidate], items: list[tuple[int, int]], kind: str, is_name: Callable[[str], bool]
) -> None:
    """Add as ``kind`` each item of a list that no candidate covers, when it is one token, no class word
    ("LLMs") and ``is_name`` accepts it."""
    for start, end in items:
        name = text[start:end]
        if " " in name or _CLASS_ITEM.fullmatch(name) or not is_name(name) or not free_of(Span(start, end, name, ""), typed):
            continue
        typed.append(Candidate(start, end, name, "pattern.list_member", 0.6, kind))


def _listed_acronym(name: str) -> bool:
    """A word in capitals of three letters or more, which a list's lead makes a name ("GME", "TIES")."""
    return name.isalpha() and name.isupper() and len(name) >= 3


def _listed_as_methods(text: str, chosen: list[Candidate], titled: bool) -> list[Candidate]:
    """The items of a list that a class of techniques leads ("merging methods such as TIES and DARE";
    patterns.listed_method_items): an untyped candidate that is a whole item is a technique, and so is an
    item no rule found when it is a word in capitals ("TIES", "RMU") or shaped like a name. Items the
    rules typed keep their types."""
    if titled or not (lists := listed_method_items(text)):
        return chosen
    typed = list(chosen)
    for items in lists:
        _type_whole_items(typed, items, "method", lambda c: type_from_shape(c.text) is None)  # not "GUI-R1", a checkpoint
        _add_unfound_items(text, typed, items, "method", lambda name: is_name_like(name) or _listed_acronym(name))  # "TIES"
    return typed


# A size after an architecture's name: "ViT-L/14", "DiT-XL/2", "ViT-B-16", "U-Net 1.3B".
# A lower-case word after a name, which may be its tier ("flash", "sonnet", "pro", "mini").
_LOWER_WORD_AFTER = re.compile(r"[ -][a-z]+\b(?!-)")


def _longer_known_release(text: str, start: int, end: int, gazetteer: Gazetteer) -> tuple[int, Entry] | None:
    """(end, entry) of a known model whose name goes on, in lower case, past the known name that ends
    at ``end`` ("Gemini 2.0 flash thinking", "Claude 3.5 sonnet", "Gemini 1.5 pro"): at most three words,
    the longest the gazetteer knows in other capitals (a name with a digit); None when there is none."""
    ends = []
    while len(ends) < 3 and (word := _LOWER_WORD_AFTER.match(text, ends[-1] if ends else end)) is not None:
        ends.append(word.end())
    for longer in reversed(ends):
        entry = gazetteer.lookup_case_blind(text[start:longer])
        if entry is not None and entry.type == "model":
            return longer, entry
    return None


_CHECKPOINT_TAIL = re.compile(r"[-\s](?:[SBLHGT]|XL|XXL|Tiny|Small|Base|Large|Huge|Giant|\d+(?:\.\d+)?[BM])(?:[/-]\d+)?\b"
                              + NOT_BEFORE_A_CLASS)  # not "Red-Teaming Large Language Models"
# A size code after a family name: "-L", "-H/14", "-XL", "-S".
_SIZE_CODE = re.compile(r"[-_](?:[SBLHGT]|XL|XXL|[SBLH]/\d+)")
_GLUED_VERSION = re.compile(r"(?<=[a-z])(?:[vV]\d+(?:\.\d+)*|\+\+)$")


def _names_known_data(name: str, gazetteer: Gazetteer) -> bool:
    """True when a dash-separated tail of ``name`` is a known data set ("Recap-DataComp-1B")."""
    position = name.find("-")
    while position > 0:
        entry = gazetteer.lookup(name[position + 1 :])
        if entry is not None and entry.type == "dataset":
            return True
        position = name.find("-", position + 1)
    return False


# The capitalised word before a release token, a space between: "Deepseek" of "Deepseek R1".
_WORD_BEFORE = re.compile(r"(?<![\w-])([A-Z][A-Za-z]{2,}) $")


def _known_in_other_capitals(text: str, span: Span, known: Entry) -> Candidate:
    """The candidate of a known name written in other capitals, with a model's size or tier after it
    as the gazetteer's own matches have ("LLama 2 7B", as "Llama 2 7B")."""
    end = extend_model(text, span.end) if known.type == "model" else span.end
    rule = f"gazetteer.{known.source}"
    return Candidate(span.start, end, text[span.start : end], rule, 0.8, known.type, known, span.introduced)


def _spaced_known_release(text: str, span: Span, gazetteer: Gazetteer) -> tuple[Span, Entry] | None:
    """A release token ("R1", "V2") and the word before it that together spell a known name with
    a digit in other capitals and spacing ("Deepseek R1" for DeepSeek-R1, "Qwen 14B" ...): the
    whole name, and its entry."""
    before = _WORD_BEFORE.search(text, max(0, span.start - 40), span.start)
    if before is None:
        return None
    known = gazetteer.lookup_case_blind(before.group(1) + span.text)
    if known is None:
        return None
    return dataclasses.replace(span, start=before.start(1), text=text[before.start(1) : span.end]), known


def _versioned_known_name(token: str, gazetteer: Gazetteer) -> Entry | None:
    """The known name a token versions by a glued suffix ("ScanNetV2" on ScanNet, "VBench++"'s
    kin "SQuADv2"): the new version is of its family's type, and a name of its own."""
    match = _GLUED_VERSION.search(token)
    return gazetteer.lookup(token[: match.start()]) if match else None


def _overlap(span: Span, candidate: Candidate) -> bool:
    return not (span.end <= candidate.start or span.start >= candidate.end)


class _NearIndex:
    """The numbers of placed candidates by the 64-character stretches of text each covers: the ones near a span
    are read from its stretches, in the candidates' order (their numbers rise as they are placed)."""

    def __init__(self, placed: dict[int, Candidate]) -> None:
        self._by_stretch: dict[int, list[int]] = {}
        self._next = len(placed)
        for number, candidate in placed.items():
            self._enter(number, candidate)

    @staticmethod
    def _stretches(start: int, end: int) -> range:
        return range(start >> 6, (max(end, start + 1) - 1 >> 6) + 1)

    def _enter(self, number: int, candidate: Candidate) -> None:
        for stretch in self._stretches(candidate.start, candidate.end):
            self._by_stretch.setdefault(stretch, []).append(number)

    def add(self, placed: dict[int, Candidate], candidate: Candidate) -> None:
        placed[self._next] = candidate
        self._enter(self._next, candidate)
        self._next += 1

    def remove(self, number: int, candidate: Candidate) -> None:
        for stretch in self._stretches(candidate.start, candidate.end):
            self._by_stretch[stretch].remove(number)

    def around(self, start: int, end: int) -> list[int]:
        """The numbers of the candidates that share a stretch with start:end (all that may overlap it), in order."""
        found = {number for stretch in self._stretches(start, end) for number in self._by_stretch.get(stretch, ())}
        return sorted(found)

    def free(self, span: Span, placed: dict[int, Candidate]) -> bool:
        """No placed candidate overlaps the span."""
        return not any(_overlap(span, placed[number]) for number in self.around(span.start, span.end))


def free_of(span: Span, chosen: list[Candidate]) -> bool:
    """True when no chosen candidate overlaps the span."""
    return not any(_overlap(span, c) for c in chosen)


# The break (group 1) after a full stop, "!" or "?": the pattern opens with the stop itself rather
# than a look-behind, so re skips to stops instead of trying every position (same breaks: the stop
# is never part of the break before it).
# ... or glued to the next sentence by a lost line break ("like GPT-4.In this work, we"): an empty
# group (2) there, so the next sentence starts right after the stop. Only before a word that opens
# sentences: "FLUX-1.Dev and Wan 2.1" is one name.
_AFTER_STOP = rf"(?:([\"')\]]*\s+)(?=[A-Z0-9\"'(\[])|(?<=[A-Za-z0-9)][A-Za-z0-9)]\.)()(?=(?:{SENTENCE_OPENERS})\s))"
_SENTENCE_END = re.compile(rf"[.!?]{_AFTER_STOP}")
# The same for a full stop alone, and for "!" and "?" (in few texts): re skips to one literal character
# several times faster than to a class of three. No match holds a second stop (the break is quotes,
# brackets and white space), so the two patterns' matches in order are _SENTENCE_END's.
_FULL_STOP_END = re.compile(rf"\.{_AFTER_STOP}")
_MARK_END = re.compile(rf"[!?]{_AFTER_STOP}")
# Words after which a full stop does not end a sentence.
_NO_BREAK_BEFORE = re.compile(
    r"(?:\b(?:e\.g|i\.e|et al|etc|vs|cf|Fig|Figs|Eq|Eqs|Sec|Tab|No|approx|resp|Dr|Mr|Ms|Prof|St|Inc|Ltd|Jr|al)\.|"
    r"\b[A-Z]\.)[\"')\]]*$"
)


def sentence_ends(text: str) -> list[re.Match[str]]:
    """``_SENTENCE_END.finditer(text)``, from a full stop's pattern and, where the text has one, the marks'."""
    ends = list(_FULL_STOP_END.finditer(text))
    if "!" in text or "?" in text:
        ends = sorted([*ends, *_MARK_END.finditer(text)], key=re.Match.start)
    return ends


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence boundaries (character ranges): a full stop, "!" or "?" followed by space and a
    capital or digit, unless it closes an abbreviation ("e.g.", "et al.", an initial)."""
    bounds, start = [], 0
    for match in sentence_ends(text):
        gap = 1 if match.group(1) is not None else 2  # white space, or none after a glued stop
        if _NO_BREAK_BEFORE.search(text, max(0, match.start(gap) - 8), match.start(gap)):
            continue
        bounds.append((start, match.start(gap)))
        start = match.end(gap)
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds
