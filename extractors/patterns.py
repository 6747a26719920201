"""Patterns that find names no gazetteer lists: coined names, sizes, versions, enumerations.

Every function here is pure: text in, character spans (with the rule that fired) out.
"""

from __future__ import annotations

import bisect
import re
import string
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat

from paperkg.extractors.words import common_words


def not_after(behind: str, first: str) -> str:
    """``(?<!behind)first`` written ``first(?<!behind first)``: the same matches, but a pattern that
    opens with a character class lets re skip in C to where the class matches, where one that
    opens with a look-behind or ``\\b`` is tried at every position of the text (3-4x slower over
    an abstract). ``first`` is one character or class; ``\\bw`` is ``not_after(r"\\w", "w")``.
    """
    return rf"{first}(?<!{behind}{first})"


def ascii_twin(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` compiled with re.ASCII: over an ASCII text the same matches (its \\w and \\b are then
    ASCII's too), and re tests a \\b tried at every position a quarter faster. Not for a pattern with
    \\s, which in ASCII mode leaves out the separators \\x1c-\\x1f, nor one with a character outside
    ASCII, which case-blind matching folds otherwise."""
    if "\\s" in pattern.pattern or "\\S" in pattern.pattern or not pattern.pattern.isascii():
        raise ValueError(f"ascii_twin: {pattern.pattern[:40]!r} holds \\s or a character outside ASCII")
    return re.compile(pattern.pattern, (pattern.flags & ~re.UNICODE) | re.ASCII)


def lower_case_twin(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A case-blind ``pattern`` compiled case-sensitive, for an ASCII text in lower case: over
    ``text.lower()`` the same matches at the same offsets as ``pattern`` over an ASCII ``text`` (lower-casing
    ASCII keeps every offset), and re compares letters without folding them (_CHANGE_BEFORE 3x faster).
    Only for an ASCII pattern whose letters are all lower-case (outside escapes such as \\S; no letter
    written by its code) and that turns no case-blindness off inside: those are where the two would differ."""
    letters = re.sub(r"\\.", "", pattern.pattern)
    if (
        not pattern.flags & re.IGNORECASE or not pattern.pattern.isascii() or re.search(r"\(\?\w*-\w*i", pattern.pattern)
        or re.search(r"\\[xuUN0-7]", pattern.pattern) or any(ch.isupper() for ch in letters)
    ):
        raise ValueError(f"lower_case_twin: {pattern.pattern[:40]!r} is not case-blind in lower-case ASCII")
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


def first_letter_groups(alternatives: str) -> str:
    """``alternatives`` ("by|up to|gains?|boost\\w*", one level of a pattern) grouped by their first
    letter: "b(?:y|oost\\w*)|u(?:p to)|g(?:ains?)". The same matches in the same order: alternatives
    opening with different letters never match at one position, and each group keeps its order.
    re skips an alternative by its first character only in a pattern where case counts; a
    case-blind one tries every alternative at every position, and a group per letter costs a
    fraction. Look-behinds opening an alternative move after its first letter, which they then
    include ("(?<!pass )rate" is "r(?<!pass r)ate")."""
    groups: dict[str, list[str]] = {}
    for alternative in _top_level_alternatives(alternatives):
        behind = []
        while alternative.startswith(("(?<!", "(?<=")):
            close = alternative.index(")")
            behind.append(alternative[:close])
            alternative = alternative[close + 1 :]
        first, rest = alternative[:1], alternative[1:]
        if not first.isalpha() or rest[:1] in ("?", "*", "+", "{"):
            raise ValueError(f"first_letter_groups: {alternative!r} does not open with a plain letter; write it so")
        groups.setdefault(first, []).append("".join(f"{b}{first})" for b in behind) + rest)
    return "|".join(first + (f"(?:{'|'.join(rests)})" if rests != [""] else "") for first, rests in groups.items())


def words_by_first_letter(words: Iterable[str], before: str = r"(?<!\w)") -> str:
    r"""Alternatives matching any of ``words`` (each a pattern) where ``before`` (look-behinds) holds,
    grouped by first letter (first_letter_groups): "(?<!\w)our|(?<!\w)on" opens each with its letter,
    so re skips in C to those letters rather than trying the look-behinds at every position."""
    return first_letter_groups("|".join(before + word for word in words))


def _top_level_alternatives(pattern: str) -> list[str]:
    """``pattern`` split at the "|" outside groups and character classes."""
    parts, current, depth, in_class, escaped = [], [], 0, False, False
    for character in pattern:
        if escaped:
            escaped = False
        elif character == "\\":
            escaped = True
        elif in_class:
            in_class = character != "]"
        elif character == "[":
            in_class = True
        elif character == "(":
            depth += 1
        elif character == ")":
            depth -= 1
        elif character == "|" and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(character)
    parts.append("".join(current))
    return parts


def space_before(text: str, at: int) -> int:
    """Where the white space right before ``at`` begins (``at`` itself when none stands there)."""
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return at


def run_before(text: str, end: int, characters: frozenset[str], longest: int | None = None) -> int:
    """Where the run of ``characters`` that ends at ``end`` begins, read back at most ``longest`` + 1
    characters when given (a run longer than that is no name its caller looks for)."""
    start = end
    while start > 0 and text[start - 1] in characters and (longest is None or end - start <= longest):
        start -= 1
    return start


def finds(text: str, word: str, start: int = 0) -> Iterator[int]:
    """Every position of ``word`` in ``text`` from ``start`` on, overlapping ones too (str.find, C speed)."""
    at = text.find(word, start)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)


def search_start(text: str, words: Iterable[str], before: int = 0) -> int:
    """Where to search ``text`` for a pattern whose matches open at one of ``words``, or at most
    ``before`` characters and white space before one: the first occurrence of any of them, moved
    back so; -1 when none occurs (a search from there finds what one from the start would)."""
    position = -1
    for word in words:  # each search stops where an earlier word was found
        at = text.find(word, 0, position + len(word) - 1 if position >= 0 else len(text))
        if at >= 0:
            position = at
    if position < 0 or not before:
        return position
    return max(0, space_before(text, position) - before)


# ---------------------------------------------------------------------------------------------
# Shapes of names
# ---------------------------------------------------------------------------------------------

# One name-like token: letters/digits with inner hyphens, dots in numbers, "+" or "++" at the end.
# Words that open a sentence, for a text whose line breaks were lost ("like GPT-4.In this work, we").
SENTENCE_OPENERS = (
    "The|In|We|Our|This|These|Those|To|However|Moreover|Furthermore|Additionally|Specifically|Finally|"
    "Experiments|Extensive|Experimental|Results|Code|It|Its|On|For|With|By|Unlike|Despite|Although|While|As|"
    "Through|Compared|Besides|Notably|Overall|Here|Then|Thus|Therefore|Existing|Recent|Such|Each|A|An|Using|"
    "Building|Based|Further|Importantly|Empirically|Evaluations|Across|When|Given|Project|Data"
)
# A dot joins a name's parts ("dots.ocr", "Qwen2.5", "FLUX-1.Dev") but not two sentences glued together.
# A superscript written with a caret is part of a coined name when letters go on after it ("T^2PO",
# "Video-Ma^2mba", "MR^2Bench"; not "O(n^2)" or "R^2", which end at the digit).
NAME_TOKEN = (
    r"[A-Za-z0-9\u0370-\u03FF](?:[A-Za-z0-9\u0370-\u03FF]|\^\{?\d\}?(?=-?[A-Za-z])|(?:-|\.(?!(?:"
    + SENTENCE_OPENERS
    + r")\s))(?=[A-Za-z0-9\u0370-\u03FF]))*\+{0,2}"
)
_CAMEL = re.compile(r"[a-z0-9][A-Z]|[A-Z]{2,}[a-z]|[A-Z][a-z]*[0-9]|[0-9][A-Za-z]*[A-Z]")
# Quantities and units, not names: "337K", "3D", "1.3B", "4x", "8xH100", "2nd".
PLURAL_ACRONYM = re.compile(r"^[A-Z]{2,}s$")  # "VLAs", "GPUs": a class's acronym in the plural
_HARDWARE = re.compile(r"^(?:[AHVLPB]\d{3,4}[A-Za-z]?|RTX\d*|GTX\d*|M\d(?:Pro|Max|Ultra)?)$")
# "sub-10B": a range; "10times", "8timesA800": LaTeX's \times lost in the abstract's text.
# ("8x22B", "2x14B": a mixture of experts' size, a model's only beside its family's name: "Mixtral 8x7B")
_QUANTITY = re.compile(r"^(?:(?i:sub|over|under)-)?\d[\d.,]*(?:[A-Za-z]{1,3}|x[A-Z]?\d*|x\d+(?:\.\d+)?[BMKT]|times[\w.]*)?$")

SIZE_WORDS = "Small|Base|Large|XL|XXL|XXXL|Tiny|Mini|Medium|Huge|Giant|Nano|Micro|Pico|Ultra|Pro|Plus|Max|Lite|Flash"
VARIANT_WORDS = (
    "Instruct|Instruction|Chat|Base|Coder|Code|Math|Vision|VL|Preview|Omni|Turbo|Sonnet|Opus|Haiku|Distill|"
    "Thinking|Reasoner|RLHF|SFT|DPO|it|hf|HF|FP8|FP16|BF16|INT4|INT8|AWQ|GPTQ|GGUF|Embed|Reward|RM"
)
_VERSION = r"v?\d+(?:\.\d+)*[a-z]?"
# Lower-case words that name a release of a model line ("GPT-4o-audio", "o3-mini-high", "FLUX.2-klein").
RELEASE_WORDS = (
    "audio|image|realtime|search|latest|exp|high|low|speciale|edit|video|lightning|schnell|dev|kontext|air|"
    "reasoning|preview|fast|uncased|cased|beta|alpha|seg|pose|cls|klein|flex"
)
# Words glued to a name that make it a modifier, not a longer name ("GPT-4-Based", "BERT-Style").
MODIFIER_WORDS = "based|style|like|level|only|free|aware|wise|sized|scale|class|grade|type|driven|guided|powered|specific"
# "Nemotron 3 Super", "Llama 3 and", "Llama Guard 3 8B", "Step-Audio 2.": a release number after a
# space, when a name, a size, a list or the sentence goes on or ends (not "GPT-4 3 times").
SPACED_RELEASE_NUMBER = (
    # not after a digit: "GLM-4 1) rivals GPT-4" is an enumeration, no name ends in two numbers
    r"(?<!\d)\s\d{1,2}\b(?=\s+[A-Z]|\s\d+(?:\.\d+)?[BM]\b|-\d+(?:\.\d+)?[BM]\b|[,;:)]|\.(?:\s|$)|\s+\(|\s*$|\s+(?:and|or|family|series|models?|mini|nano|pro|max|lite|flash|"
    r"on|in|with|as|for|is|are|was|achieves|outperforms|shows|generates|to|vs|versus)\b)"
)
# A release's tier or variant written in lower case ("Gemini2.0-pro", "Claude3.7-sonnet").
# A benchmark's harder or smaller cut: "VisualSimpleQA-hard", "MATH-easy" (not a modifier: "-based").
DIFFICULTY_WORDS = "hard|easy|medium|extreme|challenge|verified|test|long|classic|std"
_TIER_WORD = re.compile(rf"^(?i:{SIZE_WORDS}|{VARIANT_WORDS}|{DIFFICULTY_WORDS})$")
_RELEASE_WORD = re.compile(rf"^(?:{RELEASE_WORDS}|{MODIFIER_WORDS})$")
_MODIFIER_WORD = re.compile(rf"^(?:{MODIFIER_WORDS})$")
_SIZE = r"\d+(?:\.\d+)?[BMKT]|\d+x\d+(?:\.\d+)?[BMK]|A\d+(?:\.\d+)?B|\d+k"
# What may follow a model family in its name: "-3.1", "-405B", "-Instruct", " 7B", "/32".
# Not a size word that opens a class of models: "test-time scaling Large Language Models".
NOT_BEFORE_A_CLASS = r"(?!\s+(?:[A-Z][\w-]*\s+){0,3}Models?\b)"
# One or two plus signs that end a name: "Command R+", "PFGM++" (not "C++17", "a+b").
PLUS_SUFFIX = r"\+{1,2}(?![\w+])"
MODEL_TAIL = re.compile(
    r"(?:"
    rf"-(?:{_SIZE}|\d+(?:\.\d+)*V\b|{_VERSION}|(?i:{VARIANT_WORDS}|{SIZE_WORDS}|{RELEASE_WORDS})\b|[A-Z][A-Za-z0-9]*\d[A-Za-z0-9]*"
    rf"|S/\d+|[BLH]/\d+)"
    rf"|-(?!(?i:{MODIFIER_WORDS})\b)[A-Z][a-z]{{2,}}\b(?!-[a-z])"
    rf"|\s(?:{_SIZE})\b"
    r"|\s(?:\d+x)?\d+(?:\.\d+)?b\b(?![-.]\w)"  # "Mixtral 8x22b", "Llama 3 70b": a size in lower case
    rf"|\s(?:{SIZE_WORDS})\b(?!-){NOT_BEFORE_A_CLASS}"
    rf"|\s(?i:{SIZE_WORDS})-v\d+(?:\.\d+)?\b"  # "Whisper large-v3"
    # "Using Whisper small on 1,500 utterances": a size in lower case, where the sentence goes on past
    # it (not "GPT-4 large improvements"); not "base", which after a checkpoint says what it was
    # before tuning ("the Qwen2.5-32B base model")
    r"|(?<![0-9][BMbm])\s(?:tiny|small|medium|large)(?=\s*[,;:)]|\.(?:\s|$)|\s+(?:on|for|in|and|or|with|as|model|achieves|is)\b)"
    r"|(?<=\d)\.\d+\b"  # "π0" + ".5"
    r"|(?<=\d[BM])-[A-Z]\b(?![-'’])"  # "Molmo 7B-D", "Molmo 7B-O": a letter naming a checkpoint of that size
    r"|\s[A-Z][a-z]{2,}(?=\s+models?\b)"  # "the Granite Guardian models", "Llama Guard model": a line of the family
    # "Kling O3 Pro", "MiniMax M2.5", "Gemma 4 E4B": a release written as a capital and a number (not
    # "A100", not a layer, head or quantisation: "L9 H4", "Q4"; not after a possessive: "DeepSeek's R1")
    r"|(?<!['’]s)\s(?![LHQ]\d)[A-Z]{1,2}\d{1,2}(?:\.\d+)?[A-Z]?\b(?![.']?\w|-[a-z\d])"  # "Kimi K3-Thinking": a variant may follow
    rf"|(?<=[A-Za-z0-9]){PLUS_SUFFIX}"  # "Command R+"
    # "CLIP ViT-L/14", "CLIP-RN50", "SAM-vit-h"
    r"|[-\s](?:(?i:vit)-(?:[SBLHGbglh]|bigG)(?:/\d+|-\d+)?|RN\d+(?:x\d+)?)\b(?!-[a-z])"
    # a release's tier, mode or channel after a space: "Gemini 3 Pro Preview", "Veo 3 Fast", "GPT-5 mini"
    rf"|\s(?:Instruct|Chat|Coder|Vision|Turbo|Sonnet|Opus|Haiku|Pro|Flash|Preview|Fast|Master|Image|Codex|Exp|Thinking|Omni|Realtime|mini|nano|Heavy|xHigh|xhigh|Deep\sThink)"
    r"\b(?!-)"
    r"|\sFlash-Lite\b"  # "Gemini 3.5 Flash-Lite": the tier's own lighter tier
    r"|\sAudio\b(?![\s-]+[A-Z])"  # "Qwen 2 Audio" (not "SAM-Optimized Audio Spectrogram Transformers")
    r"|(?<=[A-Za-z])\s\d{1,2}[no]\b(?![-.']?\w)"  # "Gemma 3n", "GPT 4o": a release's number and its letter
    rf"|\s[vV]\d+(?:\.\d+)*\b"  # "Sora v2", "Midjourney V7"
    rf"|[\s-]\[(?i:dev|pro|max|schnell|klein)\]"  # "FLUX.1 Kontext [dev]", "FLUX.1-[dev]", "FLUX1.1 [Pro] Ultra"
    r"|\s(?:schnell|klein)\b"  # "FLUX.2 klein 9B": the tier without its brackets
    rf"|\s\d{{1,2}}\.\d\b"  # "Llama 3.1", not a score after a name ("CLIP 33.76")
    rf"|{SPACED_RELEASE_NUMBER}"
    r")+"
)
DATASET_TAIL = re.compile(
    r"(?:[-\s](?:19|20)\d\d\b|-\d+[kK]?\b|\s\d+[kK]\b|[-\s][vV]\d+(?:\.\d+)?\b|\s\d\.\d\b|-(?:test|dev|val|classic|std)\b|-(?:en|zh|EN|ZH|CN)\b(?!-)|"
    # "AlpacaEval 2", "Argoverse 2", "Mind2Web 2": a second release's bare number (not "5 times", "2, 4 and 8")
    r"\s[2-9](?![\w.%-]|,\s?\d|\s*(?:times|x\b|billion|million|thousand|(?:and|or|to)\s+\d))|"
    r"[-\s](?i:Verified|Lite|Pro|Hard|Plus|Diamond|Extended|Multilingual|Live|Long)\b|\sTier\s\d\b|\sTask\s\d{1,2}\b|\sL[1-3]\b|\s(?:II|III|IV)\b(?![\w-])|\+\+|\+|-[ce]\b(?!-)|-[CP]\b(?![\w-]))+"
)
# "AIME24/25", "AIME24 & 25" (LaTeX's "\&" too); not a part of a longer name ("GPT-4o & 4-Turbo", "4.5-preview"):
# possessive, so that no shorter number is tried after the look-ahead fails
_SLASH_SIBLING = re.compile(r"(?:/|\s?\\?&\s?)(\d++(?:\.\d+)?+[A-Za-z]?+)(?![\w-]|\.\d)")
_TRAILING_NUMBER = re.compile(r"\d+(?:\.\d+)?[A-Za-z]?$")
# "DeepSeek-V2/V3", "DeepSeek-V3/R1": a release written as a capital and a number, then its siblings.
_LETTERED_RELEASE = re.compile(r"(?<=-)[A-Z]\d+(?:\.\d+)?$")
_SLASH_LETTERED_SIBLING = re.compile(r"/([A-Z]\d+(?:\.\d+)?)(?![\w-]|\.\d)")
# "Qwen 1.7B, 8B, and 14B", "Pythia-160M, 410M and 1.4B": parameter counts listed after a sized name.
_TRAILING_PARAMETERS = re.compile(r"[\s-](\d+(?:\.\d+)?[BM])$")
_SPLIT_WORDS = r"Verified|Lite|Multilingual|Multimodal|Diamond|Hard|Easy|Medium|Full"
# What joins the items of a list: "X, Y", "X, and Y", "X or Y", "X & Y".
LIST_JOIN = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|\\?&)\s+)"
_PARAMETER_SIBLINGS = re.compile(rf"{LIST_JOIN}(\d+(?:\.\d+)?[BM])(?![\w-]|\.\d)")
# "AIME 2024 and 2025", "LiveCodeBench v5 and v6": years and versions listed after a name.
_LISTED_AFTER = (
    # "T5 Base, Large, and XL", "Gemini 2.5 Pro/Flash", "Claude 3.5 Sonnet and Haiku": sizes and tiers
    (
        re.compile(rf"\s({SIZE_WORDS}|Sonnet|Opus|Haiku)$"),
        # a tier's own tier after a dash: "Gemini 2.5 Flash and Flash-Lite"
        re.compile(rf"(?:{LIST_JOIN}|\s*/\s*)((?:{SIZE_WORDS})(?:-(?:Lite|Mini)\b)?|Sonnet|Opus|Haiku)\b"),
    ),
    (_TRAILING_PARAMETERS, _PARAMETER_SIBLINGS),
    (re.compile(r"\s((?:19|20)\d\d)$"), re.compile(rf"{LIST_JOIN}((?:19|20)\d\d)(?![\w-]|\.\d)")),
    (re.compile(r"\s(v\d+(?:\.\d+)?)$"), re.compile(rf"{LIST_JOIN}(v\d+(?:\.\d+)?)(?![\w-]|\.\d)")),
    # "Llama 2 and 3", "Stable Diffusion 1.5 and 2.1": release numbers, not "Llama 2 and 3 other models"
    (
        re.compile(r"\s(\d{1,2}(?:\.\d)?)$"),
        re.compile(rf"{LIST_JOIN}(\d{{1,2}}(?:\.\d)?)(?=\s*[,.;:)](?!\d)|\s+(?:and|or|models?|series|families)\b)"),
    ),
    # "SWE-bench Verified and Multilingual", "MATH Hard and Easy": a data set's splits
    (re.compile(rf"\s({_SPLIT_WORDS})$"), re.compile(rf"{LIST_JOIN}({_SPLIT_WORDS})(?![\w-])")),
)


# Not frozen, though nothing assigns to one once built (dataclasses.replace makes a changed copy): a
# frozen dataclass's __init__ sets each field through object.__setattr__, 4x slower than a plain one's,
# and extraction builds some 25 such records a paper (Span, Candidate, GazetteerMatch, ...).
@dataclass(slots=True)
class Span:
    """A found name: offsets in the text, its text, the rule that fired, a type if the rule knows."""

    start: int
    end: int
    text: str
    rule: str
    type: str | None = None
    introduced: bool = False
    confidence: float = 0.6


_SUITE_WORDS = frozenset(["bench", "arena", "eval"])  # "olmOCR-bench": a suite's name, not a modifier


_NEGATING_PREFIXES = frozenset({"no", "non", "without", "w/o", "not"})


# Model lines whose own name is a plain title-case word, so a compound ending in one has no inner
# capital to give it away ("Tamil-Llama", "Zebra-Llama"). Not "Mamba": "Transformer-Mamba" is a design.
_TITLE_CASE_MODEL_LINES = frozenset({"Llama", "Vicuna", "Qwen", "Gemma", "Mistral"})
# Prefixes written as a word before a dash ("Non-Llama models", "Pre-Qwen"): no name's first part.
_PREFIX_WORDS = _NEGATING_PREFIXES | {"pre", "post", "anti", "multi", "cross", "sub", "super", "semi", "mini"}


# A pure function of one token, asked again for the names that recur from paper to paper (GPT-4o,
# LLaMA-2, ...); bounded, keyed on the token alone.
# "$\leq$3B" read as "leq3B": a LaTeX relation glued to a quantity.
_LATEX_RELATION = re.compile(r"(?:leq|geq|le|ge|approx|sim|times|cdot|pm)\d")
# A name that opens with its dimension ("4DiM", "4D-LRM", "3D-RoPE", "2DGS-Room"): a quantity's shape, but
# the letters after "3D" are a name's capitals, not a unit (nor "3DoF", degrees of freedom).
_DIMENSION_NAMED = re.compile(r"[2-4]D(?!oFs?$)(?:[A-Z]{2}|[a-z][A-Z]|-[A-Z](?=[A-Za-z]*[A-Z]))[\w.+-]*")


@lru_cache(maxsize=8192)
def is_name_like(token: str) -> bool:
    """A coined name's shape: inner capitals or digits ("SpecPrefill", "H3", "MoE-X", "GPT-4o").

    Plain words ("Language"), plain acronyms ("TTFT"), plural acronyms ("LLMs"), quantities
    ("337K") and compounds of plain words ("Vision-Language", "BERT-based") are not.
    """
    core = token.strip("+")
    if _DIMENSION_NAMED.fullmatch(core):
        return is_name_like(core[2:].lstrip("-"))  # "4DiM" as "iM", "3D-RoPE" as "RoPE"; not "3DOD", "4D-CT"
    if len(core) < 2 or not any(ch.isalpha() for ch in core) or _QUANTITY.match(core) or PLURAL_ACRONYM.match(core):
        return False
    if _HARDWARE.match(core) or _LATEX_RELATION.match(core):
        return False
    parts = [p for p in core.split("-") if p]
    if all(_QUANTITY.match(p) for p in parts) or (len(parts) > 1 and _QUANTITY.match(parts[0])):
        return False  # "4K-2M": a range of sizes; "4-DoF", "8B-SFT": a quantity of something
    if any(_HARDWARE.match(p) for p in parts):
        return False  # "A800-GPU"
    if len(parts) > 1 and (parts[0] in _NEGATING_PREFIXES or (parts[0].istitle() and parts[0].lower() in _NEGATING_PREFIXES)):
        return False  # "no-LoRA", "non-RAG", "Non-SFT": the absence of a named thing, not a name
    if len(parts) == 1:
        if core.isupper() and not any(ch.isdigit() for ch in core):
            return False  # a bare acronym: only a definition or an introduction makes it a name
        return bool(_CAMEL.search(core))
    if any(p.lower() in _SUITE_WORDS for p in parts[1:]):
        return True  # "ALE-bench", "Workspace-Bench-Lite": a suite's name, however plain its words
    if parts[-1].isalpha() and parts[-1].islower() and not _TIER_WORD.match(parts[-1]):
        return False  # "BERT-based", "GPT-style": a name used as a modifier, found on its own
    if parts[-1].istitle() and parts[-1].endswith("ed") and len(parts[-1]) >= 6 and parts[-1] != "Verified":
        return False  # "FP4-Quantized", "LLM-Guided" in a title-cased title: a modifier too
    if len(parts[0]) == 1 and parts[0].isupper() and parts[-1][:1].isupper():
        return True  # "Q-Former", "T-Few"
    if parts[-1] in _TITLE_CASE_MODEL_LINES and parts[0][:1].isupper() and parts[0].lower() not in _PREFIX_WORDS:
        return True  # "Tamil-Llama", "Divot-Vicuna": a model line adapted, named in title case (not "Non-Llama")
    return any(_CAMEL.search(p) or (p.isupper() and len(p) >= 2) or any(ch.isdigit() for ch in p) for p in parts)


def extend_model(text: str, end: int) -> int:
    """End of a model name that continues past a family match ("Llama" + "-3.1-405B-Instruct")."""
    match = MODEL_TAIL.match(text, end)
    return match.end() if match else end


def extend_dataset(text: str, end: int) -> int:
    """End of a dataset name with its year, version or split ("AIME" + " 2024", "CIFAR" + "-10")."""
    match = DATASET_TAIL.match(text, end)
    return match.end() if match else end


# "olmOCR-bench": a suite named after a known model or data set.
_SUITE_SUFFIX = re.compile(
    r"-?(?:Bench|bench|BENCH|Eval|EVAL|Arena)(?:[-\s]?(?:v?\d+(?:\.\d+)*|Pro|Lite|Verified|Hard))?(?![\w-])"
)


def suite_named_after(text: str, end: int) -> int:
    """End of a suite name built on a known name ("olmOCR" + "-bench"), or -1 when none follows."""
    match = _SUITE_SUFFIX.match(text, end)
    return match.end() if match else -1


# A list names a dozen siblings at most; garbled text that repeats "and Lite" thousands of times would
# otherwise make a candidate of each, and their resolution grows with the square of their number.
_MOST_SIBLINGS = 16


@lru_cache(maxsize=8192)  # a pure function of the name, asked of every known name found (the same ones recur)
def _sibling_heads(name: str) -> tuple[int | None, int | None, tuple[tuple[re.Pattern[str], int], ...]]:
    """Where the part of ``name`` that a sibling replaces begins: its lettered release ("V2" of "DeepSeek-V2"),
    its trailing number, and for each ending of _LISTED_AFTER that it has, the pattern of the siblings listed
    after it and where the ending begins (the eight searches of the name that siblings once made each time)."""
    lettered = _LETTERED_RELEASE.search(name)
    number = _TRAILING_NUMBER.search(name)
    listed_after = tuple((listed, last.start(1)) for trailing, listed in _LISTED_AFTER if (last := trailing.search(name)))
    return lettered.start() if lettered else None, number.start() if number else None, listed_after


def siblings(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """Names enumerated right after a name: "GPT-4/3.5" -> GPT-3.5; "T5 Base, Large, and XL" ->
    T5 Large, T5 XL; "CIFAR-10/100" -> CIFAR-100; "DeepSeek-V2/V3" -> DeepSeek-V3. Returns (name, start, end) of each sibling."""
    name = text[start:end]
    found: list[tuple[str, int, int]] = []
    lettered, number, listed_after = _sibling_heads(name)
    if number is not None or lettered is not None:
        position = end
        while True:
            # "DeepSeek-V2/V3" (a lettered release), "DeepSeek-V2/2.5", "GPT-4/3.5" (a number)
            if lettered is not None and (match := _SLASH_LETTERED_SIBLING.match(text, position)) is not None:
                found.append((name[:lettered] + match.group(1), match.start(1), match.end(1)))
            elif number is not None and (match := _SLASH_SIBLING.match(text, position)) is not None:
                found.append((name[:number] + match.group(1), match.start(1), match.end(1)))
            else:
                break
            position = match.end()
    for listed, head in listed_after:
        prefix = name[:head]
        position = end
        while len(found) < _MOST_SIBLINGS and (match := listed.match(text, position)) is not None:
            sibling = (prefix + match.group(1), match.start(1), match.end(1))
            if sibling not in found:  # "AIME 2024 & 2025": a year listed after "&" and after a number
                found.append(sibling)
            position = match.end()
    return found


# ---------------------------------------------------------------------------------------------
# Finders
# ---------------------------------------------------------------------------------------------

SIZE_SUFFIXED = re.compile(
    rf"(?<![\w-])(?!(?i:fig|figure|table|tab|sec|section|eq|appendix|sub|over|under|up|only)-)([A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*-(?:{_SIZE}|\d+(?:\.\d+)?b)(?:-[A-Za-z0-9]+(?:\.\d+)*)*)(?![\w-])"
)


_SIZE_HINT = re.compile(r"-(?:\d|A\d)")


def size_suffixed_models(text: str) -> list[Span]:
    """Names with a parameter count: Mistral-7B, Qwen3-235B-A22B, AM-Thinking-v1 is not one."""
    found = []
    for match in _size_suffixed_matches(text):
        start, end = trim_glued_words(text, match.start(1), match.end(1))
        name = text[start:end]
        # A count in millions ends data sets more often than checkpoints ("MedTrinity-25M",
        # "VidGen-1M" vs "Pythia-410M"): its type is left to the family and the context.
        kind = None if _MILLIONS_LAST.search(name) else "model"
        found.append(Span(start, end, name, "pattern.size_suffix", kind, confidence=0.85))
    return found


_MILLIONS_LAST = re.compile(r"-\d+(?:\.\d+)?M$")
_NAME_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-")


def _size_suffixed_matches(text: str) -> list[re.Match[str]]:
    """``SIZE_SUFFIXED.finditer(text)``, with the pattern run only over the words that hold a size.

    The full pattern backtracks at every word, and most words name no size. A match is made of
    name characters ([A-Za-z0-9.-]) and holds a size hint ("-7", "-A3"), so it lies inside one run
    of name characters around a hint; its look-arounds read at most the character on either side
    of the run, which the window keeps in sight. Runs hold no match across them, so the matches
    run by run are the matches over the whole text.
    """
    matches: list[re.Match[str]] = []
    run_end = -1
    for hint in _SIZE_HINT.finditer(text):
        if hint.start() < run_end:
            continue  # a run already searched
        run_start, run_end = hint.start(), hint.end()
        while run_start > 0 and text[run_start - 1] in _NAME_CHARS:
            run_start -= 1
        while run_end < len(text) and text[run_end] in _NAME_CHARS:
            run_end += 1
        matches.extend(SIZE_SUFFIXED.finditer(text, run_start, run_end + 1))
    return matches


_SIZED_END = re.compile(r"\d(?:\.\d+)?[BMK]$")
_GLUED_HEAD = re.compile(r"([a-z]{3,})-(?=[A-Z])")
_GLUED_TAIL = re.compile(r"-([a-z]{3,})$")


def trim_glued_words(text: str, start: int, end: int) -> tuple[int, int]:
    """A name without the English words a dash glued to it: "variants-Llama-3.1-8B-Instruct" and
    "Qwen-2.5-7B-Instruct-along" (an em dash typed as "-") are Llama-3.1-8B-Instruct and
    Qwen-2.5-7B-Instruct. Release words that are English ("-chat", "-base") stay."""
    head = _GLUED_HEAD.match(text, start, end)
    if head and head.group(1) in common_words():
        start = head.end()
    tail = _GLUED_TAIL.search(text, start, end)
    word = tail.group(1) if tail else ""
    suite = word.lower() in _SUITE_WORDS  # "olmOCR-bench" is a suite's whole name
    if word in common_words() and not _TIER_WORD.match(word) and not _RELEASE_WORD.match(word) and not suite:
        end = tail.start()
    elif tail and _MODIFIER_WORD.match(word) and _SIZED_END.search(text, start, tail.start()):
        end = tail.start()  # "Qwen2.5-Coder-32B-based agents": a checkpoint, then a modifier ("CLIP-based" stays whole)
    return start, end



# Letter pairs that give a coined name away: a Greek letter, two capitals before a lower-case letter
# (not a plural "LLMs"), a capital after a lower-case letter or digit, a letter next to a digit,
# capitals around a dash. The alternatives are grouped by their first character (same matches,
# same order): re tries each branch at every position of the text, so fewer branches cost less.
_NAME_HINT = re.compile(r"[\u0370-\u03FF]|[A-Z](?:[A-Z](?!s\b)[a-z]|[0-9]|-[A-Z])|[a-z][A-Z0-9]|[0-9][A-Za-z]")
# Hints at a dash, looked for only where a dash is (a pattern tried at every position costs more):
# "VITA-1.5" (capitals, dash, number), "ALE-bench" (a suite word), "Humanoid-GPT" (a model class).
_DASH_HINT = re.compile(
    r"-(?:\d|(?:[Bb]ench|Arena|Eval)\b|(?:GPT|LLM|VLM|MLLM|BERT|CLIP|GRPO|PPO|DPO|RAG|VLA?|RL|SFT|CoT|KD|"
    + "|".join(sorted(_TITLE_CASE_MODEL_LINES))  # "Tamil-Llama"
    + r")\b)"
)


# The same hints found from the character every hint holds first, or second after a lower-case
# letter: a capital, a digit or a Greek letter. A pattern opening with that class lets re skip in C
# to the few such characters (_NAME_HINT opens with lower-case letters too and is tried nearly
# everywhere); the letter before is read by look-behind, and the empty group marks that case.
_HINT_CHARACTER = re.compile(
    r"[A-Z0-9\u0370-\u03FF](?:(?<=[a-z][A-Z0-9])()|(?<=[\u0370-\u03FF])|(?<=[A-Z])(?:[A-Z](?!s\b)[a-z]|[0-9]|-[A-Z])"
    r"|(?<=[0-9])[A-Za-z])"
)


def _letter_pair_hints(text: str) -> list[int]:
    """The starts of _NAME_HINT.finditer(text)'s matches, from _HINT_CHARACTER's."""
    starts = []
    cursor = 0
    while match := _HINT_CHARACTER.search(text, cursor):
        start = match.start()
        if match.group(1) is None:
            starts.append(start)
            cursor = match.end()
        elif start > cursor:  # a lower-case letter, then this character: the hint starts at the letter
            starts.append(start - 1)
            cursor = match.end()
        else:  # that letter ended the previous hint: this character is tried on its own
            alone = _NAME_HINT.match(text, start)
            if alone:
                starts.append(start)
            cursor = alone.end() if alone else start + 1
    return starts


_DECIMAL_VERSION = re.compile(r"\d{1,2}\.\d{1,2}(?![\d.%])")


_SUPERSCRIPT_HINT = re.compile(r"[A-Za-z\u0370-\u03FF]\^\{?\d\}?-[A-Za-z]")


def _hint_starts(text: str) -> list[int]:
    """Where name hints start, in order: the letter-pair hints, the superscript hints and the dash hints."""
    starts = _letter_pair_hints(text)
    if "^" in text:  # "R^3-SQL", "A^3-Bench", "DR^{3}-Eval": a number raised in a name, which no letter pair shows
        starts = sorted(set(starts).union(m.start() for m in _SUPERSCRIPT_HINT.finditer(text)))
    if "-" not in text:
        return starts
    extra = []
    for m in _DASH_HINT.finditer(text):
        at = m.start()
        if at < 1 or not text[at - 1].isalnum():
            continue
        after = text[at + 1]
        if after.isdigit():
            if at >= 2 and text[at - 1].isupper() and text[at - 2].isupper():
                extra.append(at - 1)
            elif _DECIMAL_VERSION.match(text, at + 1) and text[max(text.rfind(" ", 0, at), text.rfind("(", 0, at)) + 1].isupper():
                extra.append(at - 1)  # "Seed-1.5-VL", "Gemini-2.5-CUA": a capitalised name with a release number
        elif after in "BbAE" or text[at - 1].islower():
            extra.append(at - 1)
    return sorted(set(starts).union(extra)) if extra else starts
_TOKEN = re.compile(rf"({NAME_TOKEN})(?![\w@]|-\w|\.\w)")
# "RoboBrain 2.5", not a score after a name ("OmniGen 5.06", "GenEval 0.86"); "GuardReasoner 8B",
# "Gemma1.1 2B": a checkpoint's size after a space, not a count said of the name ("X 7B parameters",
# "Training Tokens: UniWeTok 33B vs. REPA 262B").
_SPACED_VERSION = re.compile(
    rf"\s\d{{1,2}}\.\d\b(?!\.?\d|\s*%)|{SPACED_RELEASE_NUMBER}|\s[vV]\d+(?:\.\d+)*\b(?![-.]?\w)"  # "RTLLM v1.1"
    r"|\s\d{1,3}(?:\.\d)?[BM]\b(?![-.]?\w|\s+(?i:parameters?|params|tokens|samples|images|examples|words|pairs|vs)\b)"
)


# A transformer's size code and its patch size after a coined name ("SiT-XL/2", "JiT-B/16"), as ViT-L/14 has.
SIZE_CODE_END = re.compile(r"-(?:Ti|S|B|L|H|G|XL|XXL)$")
PATCH_SIZE = re.compile(r"/\d{1,2}(?![\w/-]|\.\w)")


@lru_cache(maxsize=8192)  # a pure function of the token, asked of each coined-looking token found
def _stylised_word(token: str) -> bool:
    """An English word with capitals scattered to spell an acronym ("training-FRee ANd r1-liKe"):
    the acronym is the name, not the word."""
    return any(_stylised_part(part) for part in token.split("-"))


_NAME_PART = re.compile(r"[A-Z]{2,}|[A-Za-z]*\d[\w.]*")


def _stylised_part(word: str) -> bool:
    if not word.isalpha() or word[1:].islower() or word.isupper():
        return False
    return word.lower() in common_words() and not re.fullmatch(r"(?:[A-Z][a-z]+){2,}", word)


# A capitalised word, or an opening parenthesis, right before a word; a capitalised word right after one.
_CAPITALISED_BEFORE = re.compile(r"(?:\b[A-Z][\w-]*\s+|\(\s*)$")
_CAPITALISED_AFTER = re.compile(r"\s+[A-Z]")
_CAPITALS_THEN_WORD = re.compile(r"[A-Z]{2,}[a-z]+")  # "ECONomist": initials, then the rest of the word
_CAPITALISED_TOKEN = re.compile(r"\b\w*[A-Z]\w*[A-Z]\w*")  # two capitals or more: "MotionCLR", "ReLiK"
_CAPITALISED_WORD = re.compile(r"\b[A-Z]\w+")


def _stylised_name_alone(text: str, span: Span) -> bool:
    """A stylised word that names something by itself ("SCoRe", "HypE", "BlenD"): four letters or more with two
    capitals or more (not a unit or a common short form: "dB", "mAP", "IoT", "iPhone"), outside parentheses and
    with no capitalised word beside it, where it would be one word of a long form ("Multi-Aspect Reward BaLancE",
    "Segment Me In TimE")."""
    word = span.text
    capitals = "".join(ch for ch in word if ch.isupper())
    if len(word) < 4 or len(capitals) < 2 or not word.isalpha() or not word[0].isupper():
        return False
    if _CAPITALS_THEN_WORD.fullmatch(word):
        return False  # "Reasoning like an ECONomist" (Recon), "Memory under INTerference" (LongMINT): initials
    if f"({word})" in text:
        return False  # "Multi-Turn Decomposition (MinD)": a short form the abbreviation rules read with its long form
    if text.endswith("-", 0, span.start):
        return False  # "post-RoPE queries": a part of a compound (the known name is read where it stands alone)
    if title_cased(text):
        return False  # "ReGuLaR: Variational Latent Reasoning ...": a title's words are capitalised throughout
    before = text[max(0, span.start - 40) : span.start]
    if _CAPITALISED_BEFORE.search(before) is not None or _CAPITALISED_AFTER.match(text, span.end) is not None:
        return False
    # "MotionCLR, with CLeaR modeling", "ReLiK: Retrieve and LinK", "Wolf, a WOrLd summarization Framework": its
    # capitals spell a name the text gives
    tokens = _CAPITALISED_TOKEN.findall(text)
    if any(_in_order(capitals, "".join(ch for ch in token if ch.isupper())) for token in tokens if token != word):
        return False
    initials = capitals.lower()
    return len(initials) < 3 or not any(w.lower().startswith(initials) for w in _CAPITALISED_WORD.findall(text) if w != word)


def _in_order(letters: str, within: str) -> bool:
    remaining = iter(within)
    return all(letter in remaining for letter in letters)


_LATEX_TEXT_COMMAND = re.compile(r"\\(?:text[a-z]*|emph)$")


def name_like_tokens(text: str) -> list[Span]:
    """Coined-looking tokens ("SpecPrefill", "OffCEM", "TextHawk2"), type left to context.

    Found from the letter pairs that give a name away (a capital after a lower-case letter, a
    letter next to a digit), each widened to its whole token: plain words cost nothing.
    """
    found: list[Span] = []
    last_end = -1
    for hint_start in _hint_starts(text):
        if hint_start < last_end:
            continue
        # A token starts after a space, a parenthesis, a line break or a LaTeX text command's brace
        # ("\\texttt{LIVEditor}"; not math such as "\\mathrm{ddt}D").
        start = max(text.rfind(" ", 0, hint_start), text.rfind("(", 0, hint_start), text.rfind("\n", 0, hint_start))
        brace = text.rfind("{", start + 1, hint_start)
        if brace > 0 and _LATEX_TEXT_COMMAND.search(text, max(0, brace - 8), brace):
            start = brace
        start += 1
        while start < hint_start and not text[start].isalnum():
            start += 1
        if start and (text[start - 1].isalnum() or text[start - 1] in "-./@"):
            continue
        token = _TOKEN.match(text, start)
        if token is None:
            continue
        last_end = token.end(1)
        start, end = trim_glued_words(text, token.start(1), token.end(1))
        if _MANY_OF_A_CLASS.fullmatch(text, start, end):
            continue
        if is_name_like(text[start:end]):  # "CamemBERTv2-designed" is CamemBERTv2
            release = _SPACED_VERSION.match(text, end)
            kind = None
            if release:  # "RoboBrain 2.5", "Nemotron 3 Super"
                end = release.end()
            elif _DATASET_SHAPE.search(token.group(1)):
                end = extend_dataset(text, end)  # "SWE-Bench Verified", "VBench 2.0"
            elif SIZE_CODE_END.search(text, start, end) and (patch := PATCH_SIZE.match(text, end)):
                end, kind = patch.end(), "model"  # "JiT-B/16", "PixelREPA-H/16": a size and patch size, a checkpoint
            found.append(Span(start, end, text[start:end], "pattern.name_shape", kind, confidence=0.5))
    stylised = [span for span in found if _stylised_word(span.text)]
    if len(stylised) < 2:
        # One such word beside a part that is a name ("NExT-GPT") is a name.
        stylised = [span for span in stylised if not any(_NAME_PART.fullmatch(p) for p in span.text.split("-"))]
    # So is one standing alone, outside any run of capitalised words a long form would make ("an RL approach,
    # SCoRe, that", "and HypE."), however often it recurs.
    if stylised:
        stylised = [span for span in stylised if not _stylised_name_alone(text, span)]
    # "a training-FRee ANd r1-liKe MLLM": capitals scattered over words spell an acronym. (Dropped by identity:
    # a dataclass comparison with each of them cost a long text of such words most of its time.)
    if not stylised:
        return found
    dropped = {id(span) for span in stylised}
    return [span for span in found if id(span) not in dropped]


# A word or two with a capital before a version said apart ("Bielik v3", "OWSM v4", "Common Pile v0.1",
# "Comma v0.1-1T"): the version makes plain words a release's name, where name_like_tokens sees
# nothing coined to start from. Not documents, licences or hardware ("Technical Report v1.5", "GNU
# AGPL v3", "TPU v5"), nor a word that opens the sentence.
_VERSIONED_WORDS = re.compile(
    not_after(r"[\w.-]", "[A-Z]") + r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*(?:\s[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)?"
    r"\s[vV]\d+(?:\.\d+)*(?:-\d+(?:\.\d+)?[BMKT])?(?![\w-]|\.\w)"
)
# One such word before a parameter count said apart: "Ultron 7B", "FUSION 3B" (not a count said of
# it: "X 7B parameters", "REPA 262B" tokens).
_SIZED_WORD = re.compile(
    # a release after the count is part of it: "Bielik 7B v0.1"
    not_after(r"[\w.-]", "[A-Z]") + r"[A-Za-z][A-Za-z0-9]+\s\d{1,3}(?:\.\d)?B(?:\s[vV]\d+(?:\.\d+)*)?\b(?![-.]?\w)"
    r"(?!\s+(?i:parameters?|params|tokens|samples|images|examples|words|pairs|vs|models?|dense|MoE|teachers?|"
    r"students?|variants?|scale|versions?)\b|\s+[A-Za-z]*(?:LLM|LMM|LM|VLM)s?\b)"  # "SOTA 7B models", "1B LLM"
)
_NOT_RELEASED_WORDS = frozenset(
    [
        "Report", "Paper", "Version", "Release", "Update", "Section", "Appendix", "Table", "Figure", "Step", "Stage",
        "Phase", "Round", "Level", "Part", "Chapter", "License", "Licence", "GPL", "AGPL", "LGPL", "MIT", "Apache", "BSD",
        "TPU", "GPU", "CPU", "Protocol", "IPv", "RFC", "Lemma", "Theorem", "Corollary", "Proposition", "Definition",
        "Fig", "Eq", "Equation", "USD", "EUR", "GBP", "CNY", "RMB", "JPY", "Python", "CUDA", "Ubuntu", "Linux", "Windows",
        "Android", "iOS", "macOS", "Java", "Node", "HTTP", "TLS", "USB", "PCIe", "Bluetooth",
    ]
)


_SENTENCE_OPENER = re.compile(SENTENCE_OPENERS)


def _opens_sentence(word: str) -> bool:
    """A capitalised word that opens sentences or clauses ("The", "Moreover"), not a name."""
    return word in _OPENERS or _SENTENCE_OPENER.fullmatch(word) is not None


def versioned_words(text: str) -> list[Span]:
    """Plain words made a release's name by a version or a parameter count said after them.

    Both patterns are tried only at the one or two words before a version or a count: with them
    and listed_data_items searched through every text, the rules added with them made extracting
    the bundled corpus 12% slower; tried at their hints, 5%."""
    found: list[Span] = []
    hints = _RELEASE_HINT.findall(text)  # one pass for both kinds of hint: most texts hold neither
    if not hints:
        return found
    taken = -1
    for hint in _VERSION_HINT.finditer(text) if any(h[0] in "vV" for h in hints) else ():
        for start in _words_before(text, hint.start(), 2):
            match = _VERSIONED_WORDS.match(text, start)
            if match is None or match.end() < hint.end() or start < taken:
                continue
            taken = match.end()
            *words, _version = match.group(0).split()
            if _opens_sentence(words[0]):
                start += len(words[0]) + 1
                words = words[1:]
            if not words or len(words[0]) < 2 or any(word in _NOT_RELEASED_WORDS for word in words):
                break
            name = text[start : match.end()]
            # "Comma v0.1-1T": a size makes it a checkpoint; a count in millions may end a data set's name.
            kind = "model" if re.search(r"-\d+(?:\.\d+)?[BKT]$", name) else None
            found.append(Span(start, match.end(), name, "pattern.versioned_words", kind, confidence=0.5))
            break
    for hint in _COUNT_HINT.finditer(text) if any(h[0] not in "vV" for h in hints) else ():
        for start in _words_before(text, hint.start(), 1):
            match = _SIZED_WORD.match(text, start)
            if match is None:
                continue
            word = match.group(0).split()[0]
            plain = word.lower() in common_words() and not (word.isupper() and len(word) >= 3)
            if _opens_sentence(word) or word in _NOT_RELEASED_WORDS or plain:
                continue  # "The 7B model", "Model 7B": no name; "FUSION 3B": an acronym, whatever word it spells
            end = extend_model(text, match.end())  # "Meltemi 7B Instruct": the checkpoint's variant after its size
            found.append(Span(match.start(), end, text[match.start() : end], "pattern.versioned_words", "model", confidence=0.5))
    found.sort(key=lambda span: span.start)
    return found


# "\s(?:[vV]\d|\d{1,3}(?:\.\d)?B\b)" without its white space, which a look-behind reads after the
# first character: a pattern opening with a class lets re skip in C to the v's and digits (2x faster)
_RELEASE_HINT = re.compile(r"[vV0-9](?<=\s[vV0-9])(?:(?<=[vV])\d|(?<=\d)\d{0,2}(?:\.\d)?B\b)")
_VERSION_HINT = re.compile(r"\s[vV]\d")
_COUNT_HINT = re.compile(r"\s\d{1,3}(?:\.\d)?B\b")
_WORD_BEFORE = re.compile(r"[A-Za-z0-9-]+\s$")


def _words_before(text: str, end: int, most: int) -> list[int]:
    """Where the ``most`` words before ``end`` (a space) start, the farthest first."""
    starts = []
    position = end + 1
    for _ in range(most):
        word = _WORD_BEFORE.search(text, max(0, position - 60), position)
        if word is None:
            break
        position = word.start()
        starts.append(position)
    return starts[::-1]


# A list of names that the sentence says are data: "the HRS and DrawBench benchmarks", "the COCO and
# LINZ datasets" (39 of 41 such phrases in 7,009 corpus papers list data sets; "both English and
# Chinese benchmarks" lists languages), or that opens a sentence whose subject is then scored on
# them: "Across PrivacyLens+, ConFaide+, and AgentHarm, LiSA consistently outperforms ...", "On ARCTIC,
# HOT3D, and HOI4D, ViDiHand ..." (not "On Qwen3-8B and Qwen3-14B, we ...": a subject that is a name).
_DATA_ITEM = r"[A-Z0-9][\w+^-]*(?:\.\d+)?(?:\s[A-Z0-9][\w+-]*)?"
_DATA_LIST = rf"{_DATA_ITEM}(?:\s*,\s*{_DATA_ITEM})*\s*,?\s+(?:and|or)\s+{_DATA_ITEM}"
_LIST_THEN_KIND = re.compile(rf"(?P<list>{_DATA_LIST})\s+(?:benchmarks|datasets|data\s+sets)\b")
_LEAD_LIST = re.compile(
    rf"(?P<lead>{_DATA_LIST})\s*,\s+(?=(?!We\b|Our\b)[A-Z](?=[\w-]*[A-Z0-9])[\w-]*\s+(?:\w+ly\s+)?[a-z]+(?:s|es)\b)"
)
# How far a list is read (a list of a dozen names fits): a text of thousands of "the" before capitals
# would otherwise be read again from each of them.
_LIST_REACH = 600
# Where each pattern's list may start: after "the", "both", "on" or "across" before a capital (a dashed
# modifier between: "on real-world APT36K and AiM datasets"); after a sentence's first words "Across",
# "On", "Experiments on" ... (_LIST_OPENERS; tried there only).
# "\b(?:the|both|on|across)\s+(?:[a-z]+-[a-z]+\s+)?(?=[A-Z0-9])" as one pattern per word, each opening with
# its whole word ("the(?<!\wthe)"): re then scans for that literal in C, stopping only where the word stands,
# rather than at every "t" and "b" (2.9x faster over the bundled texts). Merged in order, less a match inside
# another's modifier ("across on-the COCO"), they are the alternation's matches.
_LIST_AFTER_ARTICLES = tuple(
    re.compile(rf"{word}(?<!\w{word})\s+(?:[a-z]+-[a-z]+\s+)?(?=[A-Z0-9])") for word in ("the", "both", "on", "across")
)


def _list_articles(text: str) -> list[re.Match[str]]:
    found, end = [], 0
    for match in sorted((m for pattern in _LIST_AFTER_ARTICLES for m in pattern.finditer(text)), key=re.Match.start):
        if match.start() >= end:  # not one inside another's modifier ("across on-the COCO")
            found.append(match)
            end = match.end()
    return found
_LIST_OPENERS = (
    "Across ", "On ", "Experiments on ", "Results on ", "Evaluation on ", "Evaluations on ", "Experimental results on ",
    "Extensive experiments on ",
)
# "Experimental results on DFEW, RAVDESS and EMER demonstrate ...": the list closes the sentence's
# subject, the experiments on it, which its verb then reports (after "Across"/"On" it names a setting).
_RESULTS_LIST = re.compile(
    rf"(?P<lead>{_DATA_LIST})\s+(?:demonstrate|show|confirm|validate|reveal|indicate|verify|highlight)s?\b"
)
_RESULTS_OPENERS = frozenset(_LIST_OPENERS) - {"Across ", "On "}
_SENTENCE_BEFORE = re.compile(r"(?:^|[.!?]\s+)$")
_ITEM_SPLIT = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")


def _data_results_list(text: str, start: int) -> list[tuple[int, int]]:
    """The span of the list at ``start`` that experiments are reported on, unless it lists checkpoints
    ("Extensive experiments on SD-v1.5, SD-v2.1, and SD-XL demonstrate ...")."""
    match = _RESULTS_LIST.match(text, start, start + _LIST_REACH)
    if match is None or any(type_from_shape(item) == "model" for item in _ITEM_SPLIT.split(match.group("lead"))):
        return []
    return [match.span("lead")]


# A list that a class of models leads: "state-of-the-art models (e.g., RzenEmbed and GME)", "baseline
# models (QWen2.5-VL, InternVL2.5, Embodied-R)", "open LLMs such as Yi, Jais and Aya".
# "\b(?:[Mm]odels|LLMs|...)" with each word opening with its letter (words_by_first_letter): re then skips
# in C to the M, m, L, V and b of the text, where "\b" first was tried at every position (2.7x faster).
_MODEL_LIST_LEAD = re.compile(
    "(?:" + words_by_first_letter(("Models", "models", "LLMs", "MLLMs", "VLMs", "LVLMs", "LMMs", "backbones")) + ")"
    r"\s*(?:\(\s*(?:e\.g\.,?|i\.e\.,?|including|such as)?\s*"
    r"|,?\s+(?:such as|including|like|e\.g\.,?)\s+)"
)
_MODEL_LIST = re.compile(rf"{_DATA_ITEM}(?:\s*,\s*{_DATA_ITEM})*(?:\s*,?\s+(?:and|or)\s+{_DATA_ITEM})?(?=\s*[),.;:]|\s+[a-z])")


# A list that a class of techniques leads: "merging methods such as TIES and DARE", "unlearning methods
# (GradDiff, NPO, SimNPO, RMU)", "optimizers, such as Adam and SGD". (Not "baselines": they may be models.)
_METHOD_LIST_WORDS = ("methods", "techniques", "algorithms", "approaches", "optimizers")
_METHOD_LIST_LEAD = re.compile(
    "(?:" + words_by_first_letter(_METHOD_LIST_WORDS) + ")"
    r"\s*(?:\(\s*(?:e\.g\.,?|i\.e\.,?|including|such as)?\s*"
    r"|,?\s+(?:such as|including|like|e\.g\.,?)\s+)"
)


def listed_model_items(text: str) -> list[list[tuple[int, int]]]:
    """Each list that a class of models leads (_MODEL_LIST_LEAD), as the (start, end) of its items."""
    return _listed_items(text, _MODEL_LIST_LEAD)


def listed_method_items(text: str) -> list[list[tuple[int, int]]]:
    """Each list that a class of techniques leads (_METHOD_LIST_LEAD), as the (start, end) of its items."""
    # Searched from the first of its words only (most abstracts hold none): re's scan to each m, t, a and o
    # of the text, each tried, made it 27 us an abstract; from its first word, 13 us (1.3% of the extraction time saved).
    return _listed_items(text, _METHOD_LIST_LEAD, search_start(text, _METHOD_LIST_WORDS))


def _listed_items(text: str, leads: re.Pattern[str], start: int = 0) -> list[list[tuple[int, int]]]:
    lists = []
    for lead in leads.finditer(text, start) if start >= 0 else ():
        found = _MODEL_LIST.match(text, lead.end(), lead.end() + _LIST_REACH)
        if found is None or (lead.group(0).endswith("(") and _ITEM_SPLIT.search(found.group(0)) is None):
            continue  # "Residual Diffusion models (DRDD)": one name in parentheses is a short form, no list
        items, position = [], found.start()
        for gap in _ITEM_SPLIT.finditer(text, found.start(), found.end()):
            items.append((position, gap.start()))
            position = gap.end()
        items.append((position, found.end()))
        lists.append(items)
    return lists


def listed_data_items(text: str) -> list[tuple[int, int]]:
    """(start, end) of each item of a list the sentence says holds data sets (see _LIST_THEN_KIND)."""
    lists = []
    if "benchmarks" in text or "datasets" in text or "data sets" in text:
        for article in _list_articles(text):
            if (match := _LIST_THEN_KIND.match(text, article.end(), article.end() + _LIST_REACH)) is not None:
                lists.append(match.span("list"))
    for opener in _LIST_OPENERS:  # found by str.find (C speed): a regex search through every text costs more
        at = text.find(opener)
        while at >= 0:
            start = at + len(opener)
            opens = _SENTENCE_BEFORE.search(text, max(0, at - 4), at) is not None
            if opens and (match := _LEAD_LIST.match(text, start, start + _LIST_REACH)) is not None:
                lists.append(match.span("lead"))
            elif opens and opener in _RESULTS_OPENERS:
                lists.extend(_data_results_list(text, start))
            at = text.find(opener, at + 1)
    items = []
    for start, end in sorted(set(lists)):
        position = start
        for gap in _ITEM_SPLIT.finditer(text, start, end):
            items.append((position, gap.start()))
            position = gap.end()
        items.append((position, end))
    return items


# Head nouns of long forms that name techniques, models or data ("Dynamic Gradient Alignment",
# "Inter-chunk Feature Aggregator", "Chinese Stock Policy Retrieval Dataset").
# Head nouns of named techniques and artefacts (besides "-er"/"-or" agent nouns), grouped by first
# letter in the pattern (see first_letter_groups: a case-blind alternation is tried word by word).
_NAMED_THING_HEADS = (
    r"Network|Networks|Model|Models|Learning|Training|Tuning|Fine-?[Tt]uning|Attention|"
    r"Transformer|Retrieval|Search|Sampling|Optimi[sz]ation|Alignment|Distillation|Embeddings?|Generation|Prompting|"
    r"Decoding|Pruning|Quantization|Regularization|Augmentation|Adaptation|Estimation|Algorithm|Method|Framework|"
    r"Architecture|Module|Mechanism|Policy|Dataset|Benchmark|Corpus|Index|Memory|Cache|Layer|Machine|Process|"
    r"Pre-?training|Pretraining|Encoding|Modeling|Modelling|Upcycling|Merging|Routing|Masking|Selection|Filtering|"
    r"Reasoning|Prediction|Representation|Representations|Graph|Loss|Objective|Gradient|Descent|Tokenization|"
    r"Inference|Matching|Scaling|Expansion|Indexing|Aggregation|Fusion|Pooling|Convolution|Kernel|Bench|Suite|Set|Bias|Coefficient|Reward|Guidance|Paradigm|Engine|Flywheel|Probes?|Iteration|Foresight|"
    r"Annealing|Calibration|Strategy|Decomposition|Verification|Reflection|Rollout|Exploration|Curriculum|Codebook|"
    r"Gate|Gating|Head|Block|Unit|Tree|Chain|Planning|Correction|Refinement|Compression|Caching|Scheduling|Editing|"
    r"Steering|Tokenizer|Transfer|Injection|Consistency|Contrast|Constraint|Prior|Field|Splatting|Diffusion|Flow|"
    # more technique heads: "Adaptive Magnitude Modulation", "Universal Async Chunking", "Causal Forcing"
    r"Enhancement|Minimization|Maximization|Normalization|Modulation|Propagation|Parallelism|Regression|"
    r"Rectification|Initialization|Conditioning|Chunking|Eviction|Forcing|Transform|Leaderboard|Gym|Fields|Mixing|"
    r"Binding|Annotation|Evolution|Token"
)
NAMED_THING_HEAD = re.compile(rf"(?:[A-Za-z]{{3,}}(?:er|or)s?|{first_letter_groups(_NAMED_THING_HEADS)})$", re.IGNORECASE)
# Heads that make a capitalised phrase a class of models or a task rather than a named technique.
CLASS_OR_TASK_HEAD = re.compile(
    r"\b(?:Models?|Networks?|LLMs?|Reasoning|Retrieval|Prediction|Generation|Understanding|Detection|Segmentation|"
    r"Recognition|Following|Solving|Answering|Classification|Translation|Summarization|Navigation|Manipulation)$"
)
# Possessive (*+, ++): a shorter run of letters or dashes leaves a letter or a dash next, which neither
# the white space before the next word nor the final (?![\w-]) accepts, so re's retries there could
# only fail; it skips them (only the {1,5} words give back, as they must). 1.47x for _CAPITALISED_RUN.
# Letters of any script after the capital ("Schrödinger Bridge Matching", now that readers write TeX's
# accents as letters: "Schr" was the run's end).
_CAP_WORD_TAIL = r"[^\W_]*+(?:-[^\W_]++)*+"
_CAP_WORD = "[A-Z]" + _CAP_WORD_TAIL
# A capital that starts a word: no letter, digit or dash before it ("(?<![\w-])[A-Z]", see not_after).
_WORD_CAPITAL = not_after(r"[\w-]", "[A-Z]")
_CAPITALISED_RUN = re.compile(
    rf"({_WORD_CAPITAL}{_CAP_WORD_TAIL}(?:\s++(?:(?:of|for|with|via|in|to)\s++)?+{_CAP_WORD}){{1,5}})(?![\w-])"
)
# Capitalised words that open sentences or clauses rather than names.
_OPENERS = frozenset(
    [
        "The", "A", "An", "Our", "This", "These", "Those", "That", "We", "In", "On", "To", "For", "However", "Moreover",
        "Specifically", "Finally", "First", "Second", "Third", "Additionally", "Furthermore", "Unlike", "With", "By",
        "From", "Through", "Using", "Extensive", "Experiments", "Existing", "Recent", "Current", "Further", "Then", "Here",
        "It", "Its", "Such", "Both", "Each", "Notably", "Overall", "Besides", "Meanwhile", "Thus", "Hence", "Instead",
        "When", "While",
    ]
)


_FOUR_LETTERS_OR_MORE = re.compile(r"[A-Za-z][\w-]{3,}")


@lru_cache(maxsize=64)  # asked by several rules of one text; a pure function of it (the last few texts kept)
def title_cased(text: str) -> bool:
    """A title's text: short, and most of its words capitalised (only a title is title-cased throughout)."""
    if len(text) >= 300:
        return False
    words = _FOUR_LETTERS_OR_MORE.findall(text)
    return bool(words) and sum(w[0].isupper() for w in words) > 0.6 * len(words)


# Words after a dash that say how something is done or what it is built on ("Region-wise", "Diffusion Transformer-based").
_DESCRIBING_SUFFIXES = "wise|level|aware|based|driven|guided"
_PLAIN_CAPITALISED_WORD = re.compile(rf"[A-Z][a-z]+(?:-(?:[A-Z][a-z]+|{_DESCRIBING_SUFFIXES}))*")
# "we introduce a Style Enhancement Attention Control technique": the word after says what the phrase names.
_KIND_OF_TECHNIQUE_AFTER = re.compile(
    r" (?:technique|method|module|mechanism|strategy|framework|approach|algorithm|scheme|paradigm|pipeline|"
    r"architecture|block|objective|loss)s?\b"
)
# A last word that describes the kind by another name ("a Diffusion Transformer-based framework").
_DESCRIBING_END = re.compile(rf"-(?:{_DESCRIBING_SUFFIXES})$")
# A capitalised word and a comma before the phrase: it ends a longer name ("a Thinking Once, Answering Twice paradigm").
_NAME_PART_BEFORE = re.compile(r"[A-Z][\w-]*,\s$")
# "introduces two key mechanisms: (1) Context Folding, ...", "three phases: Experience Anchoring, ...":
# a paper listing its own parts names them, whatever their last word.
_COMPONENT_LISTED = re.compile(
    r"(?:\b(?:mechanisms|modules|components|phases|stages|innovations|techniques|strategies)"
    r"\s*(?::|,|including|namely)\s*(?:\(\d\)\s*)?(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*\s*,\s*(?:and\s+)?)*$)"
)


def technique_shaped(phrase: str) -> bool:
    """Capitalised words ending in a technique's or an artefact's head noun, not a class or a task
    ("Set-Based Prompting", "Entropy-Based Block Pruning"; not "Vision Language Models")."""
    words = phrase.split()
    if words[0].lower().endswith("ing") or words[-1].lower() in _NOT_AGENT_NOUNS:
        return False  # "Recovering Policy-Induced Errors": a verb phrase; "Geometry Matters": a slogan
    if any(word.lower() in _SLOGAN_WORDS for word in words):
        return False  # "Autoregressive Model Beats Diffusion", "Attend Before Attention"
    return bool(NAMED_THING_HEAD.search(words[-1])) and not CLASS_OR_TASK_HEAD.search(words[-1])


_SLOGAN_WORDS = frozenset(["beats", "meets", "before", "after", "beyond", "ahead", "vs", "versus", "makes", "helps", "is", "are"])
# Words ending in -er/-or that name no technique or artefact (the head pattern takes -er/-or words
# for agent nouns: "Minimizer", "Reasoner").
_NOT_AGENT_NOUNS = frozenset(
    [
        "matter", "matters", "error", "errors", "humor", "color", "colors", "order", "paper", "power", "better",
        "faster", "harder", "smarter", "fewer", "together", "rather", "other", "never", "ever", "under", "over", "after",
    ]
)


# What stands before a clause's first word: the text's start, a stop or colon, or a list number "(1) ".
_CLAUSE_START = re.compile(r"(?:^|[.:;!?]\s+|\(\d\)\s*)$")
# Verbs that open a clause about a name ("Solving NaturalBench requires ...", "Leveraging TokenFlow, we ...");
# not words that also name a technique's kind ("Streaming Perception Module", "Scaling Laws").
_VERB_OPENERS = frozenset(
    ["Solving", "Leveraging", "Utilizing", "Utilising", "Applying", "Employing", "Incorporating", "Integrating",
     "Exploiting", "Adopting", "Evaluating", "Comparing", "Optimizing", "Optimising"]
)
# Words that open a sentence before a name without being part of it ("Despite Flow Matching and ...",
# "Modern Parameter-Efficient Fine-Tuning (PEFT) methods ..."): only at a clause's start, as a name may
# hold them elsewhere ("Modern Hopfield Networks").
_CLAUSE_OPENERS = _VERB_OPENERS | frozenset(
    ["Despite", "Although", "Though", "Whereas", "Since", "Because", "Given", "Without", "After", "Before", "Among",
     "Beyond", "Compared", "Modern", "Traditional", "Conventional", "Many", "Most", "Some", "Several", "Various",
     "Prior", "Previous", "Typical", "Popular", "Alongside", "Along", "Across", "Within", "Toward", "Towards",
     "Against", "Via", "Upon", "Once", "Whether", "Following"]
)


_WORD_AND_SPACE = re.compile(r"\S+\s+")
# What follows a participle that opens a clause before a name ("Trained with", "Grounded in").
_PARTICIPLE_LINKS = frozenset(["with", "in", "on", "by", "from", "via", "using"])
# The lower-case words a capitalised run may hold ("Chain of Thought", "Learning to Rank").
CONNECTORS = frozenset(["of", "for", "with", "via", "in", "to"])
_PARAMETER_COUNT_END = re.compile(r"-\d+(?:\.\d+)?[BM]$")


def capitalised_phrases(text: str, *, titled: bool | None = None) -> list[Span]:
    """Capitalised multi-word names of techniques the text does not abbreviate ("Task-aware
    Positional Bias", "Reasoning Evolution Reward"): two to six capitalised words ending in a
    head noun of a technique or artefact. Titles are title-cased throughout and are skipped
    (``titled``: title_cased(text), when the caller has it)."""
    if title_cased(text) if titled is None else titled:
        return []
    found: list[Span] = []
    for match in _CAPITALISED_RUN.finditer(text):
        start, phrase = match.start(1), match.group(1)
        first, second = (phrase.split() + [""])[:2]
        # "Initialized with Stable Video Diffusion, ...": a participle and its preposition open the clause
        # (not "Seed in Context Learning" or "Speed of ...": a noun that ends so)
        participle = len(first) >= 5 and first.endswith("ed") and not first.endswith("eed") and second in _PARTICIPLE_LINKS
        opener = first in _CLAUSE_OPENERS or participle
        if first in _OPENERS or (opener and _CLAUSE_START.search(text, max(0, start - 6), start)):
            # "Moreover, ...", "Compositionality: Solving NaturalBench requires ...": a clause's first word
            start += len(first) + 1
            while text[start].isspace():
                start += 1
            if text.startswith(("to ", "with "), start) or participle:
                start = _WORD_AND_SPACE.match(text, start).end()  # "Compared to Direct Preference Optimization"
            phrase = text[start : match.end(1)]
        parts = phrase.split()
        if len(parts) > 2 and parts[1] in CONNECTORS and _PARAMETER_COUNT_END.search(parts[0]):
            # "train Todo-14B via Impedance-Guided Preference Optimization": a sized checkpoint and how it
            # was made, two names; the phrase is what follows the linking word
            start = text.index(parts[2], start + len(parts[0]))
            phrase = text[start : match.end(1)]
            parts = parts[2:]
        # Both head patterns end at the phrase's end and hold no space: reading its last word is
        # reading the phrase (the long case-blind alternation is tried at fewer positions).
        if len(parts) < 2 or parts[-2] in CONNECTORS:
            continue
        if not NAMED_THING_HEAD.search(parts[-1]):
            listed = _COMPONENT_LISTED.search(text, max(0, start - 60), start) or (
                _KIND_OF_TECHNIQUE_AFTER.match(text, match.end(1))
                and not _DESCRIBING_END.search(parts[-1])
                and not _NAME_PART_BEFORE.search(text, max(0, start - 30), start)
            )
            if not listed or text.startswith(":", start + len(" ".join(parts))):
                continue  # "(3) Data Diversity: We maintain ...": a heading, no name
            if any(not _PLAIN_CAPITALISED_WORD.fullmatch(word) for word in parts):
                continue  # "Rollout DPO", "Visual Quality-semantic": a known name inside, or a phrase cut short
        if CLASS_OR_TASK_HEAD.search(parts[-1]):
            continue  # "Vision Language Models", "Spatial Reasoning": a class or a task, not a technique
        found.append(Span(start, match.end(1), phrase, "pattern.capitalised_phrase", confidence=0.6))
    return found


# "benchmarks such as GAIA, BrowseComp and X", "datasets Fit3D and NBA", "models like X and Y".
_LIST_INTRO = re.compile(
    r"\b(?:(models|LLMs|MLLMs|VLMs|LMMs|baselines)|(benchmarks|datasets|data sets|suites|corpora))"
    r"(?:\s*,|\s*:|\s*\()?\s+(?:such as|like|including|namely|e\.g\.,?|i\.e\.,?)?\s*"
)
_LIST_HEAD_WORDS = ("models", "LMs", "baselines", "benchmarks", "datasets", "data sets", "suites", "corpora")
# A number after the name is its version ("Gemma 3"), not a resolution's first half ("ImageNet 64x64").
_LIST_ITEM = re.compile(
    r"(?:the\s+)?([A-Z0-9][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*(?:\+{1,2})?(?:\s(?:\d++(?:\.\d++)?+|v\d++)(?![A-Za-z0-9]|\.\d))?)"
)
_LIST_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|\\?&)\s+|\s*/\s*")
_CLOSING_SEPARATOR = re.compile(r"\b(?:and|or)\b|&")  # what puts the last item of a list after it


_LIST_HEAD_STARTS = (
    "models", "LLMs", "MLLMs", "VLMs", "LMMs", "baselines", "benchmarks", "datasets", "data sets", "suites", "corpora",
)


def _list_heads(text: str) -> list[re.Match]:
    """_LIST_INTRO's matches, tried only where a head word starts: a scan with the pattern's
    alternation at every position of the text costs more than the rest of the function."""
    starts = set()
    for word in _LIST_HEAD_STARTS:
        position = text.find(word)
        while position >= 0:
            if position == 0 or not (text[position - 1].isalnum() or text[position - 1] == "_"):
                starts.add(position)
            position = text.find(word, position + 1)
    heads, end = [], -1
    for start in sorted(starts):
        if start < end:
            continue
        head = _LIST_INTRO.match(text, start)
        if head:
            heads.append(head)
            end = head.end()
    return heads


# A word in capitals alone ("YODAS", "RADIO", "CLAM"): no letter pair gives it away as a coined
# name, and most such words are acronyms of ordinary things (GPU, API, SOTA). It is a candidate
# only; the resolver keeps it when the text says plainly what it is.
_CAPS_WORD = re.compile(not_after(r"[\w\-./(]", "[A-Z]") + r"[A-Z]{2,9}(?![\w\-)])")


# Each character of an ASCII text by its kind, one byte: "A" a capital, "a" a lower-case letter, a space and a
# dash as they are, "." anything else (see ascii_shape).
_SHAPE = bytes(
    ord("A") if chr(byte).isascii() and chr(byte).isupper() else ord("a") if chr(byte).isascii() and chr(byte).islower()
    else byte if byte in b" -" else ord(".")
    for byte in range(256)
)
_CAPITALS_RUN_SHAPE = re.compile(rb"AAA+")  # three capitals or more (opening with a literal: re skips to it in C)


def ascii_shape(text: str) -> bytes:
    """The kinds of an ASCII ``text``'s characters, one byte each at the same offsets (_SHAPE): re stepping
    through the text to each capital costs twice what finding a run of kinds in its shape costs, where the
    run opens with a literal (re then skips to it as bytes.find does)."""
    return text.encode("ascii").translate(_SHAPE)


def capital_words(text: str) -> list[Span]:
    """Words written in capitals that may name a data set or model, typed later by context."""
    return [Span(m.start(), m.end(), m.group(0), "pattern.caps_word", confidence=0.45) for m in _caps_words(text)]


def _caps_words(text: str) -> list[re.Match[str]]:
    """_CAPS_WORD.finditer(text), tried only at the first capital of each run of three or more (found in
    the ASCII text's shape). A match opens only there (a capital after a capital is refused by its
    look-behind) and ends inside the run, so the runs taken left to right give finditer's matches."""
    if not text.isascii():
        return list(_CAPS_WORD.finditer(text))
    runs = _CAPITALS_RUN_SHAPE.finditer(ascii_shape(text))
    return [match for run in runs if (match := _CAPS_WORD.match(text, run.start())) is not None]


# "the new Domain-Spreadsheet benchmark dataset": a compound of plain capitalised words is a name
# when a data-set word follows it at once.
# It is "({_WORD_CAPITAL}[a-z]+(?:-[A-Z][A-Za-z]+)+)(?=\s+(?:benchmark|dataset|corpus)s?\b)", found back from
# each data-set word (see _data_words): the compound is then the run of letters and dashes ending at
# the white space before the word, which this pattern must take whole (a match ending earlier would be
# followed by a letter or dash, not by that white space), opening after no letter, digit or dash.
_TYPED_COMPOUND = re.compile(r"[A-Z][a-z]+(?:-[A-Z][A-Za-z]+)+")
_COMPOUND_CHARACTERS = frozenset(string.ascii_letters + "-")
# "the Foobar and Zorblat benchmarks", "the Quux, Blarg and Wibble datasets": single capitalised words
# listed right before a plural data-set word ("\s(?:benchmarks|datasets)\b", see _data_words).
_NAMES_BEFORE_PLURAL = re.compile(
    r"(?<![\w-])[A-Z][\w-]*(?:\s*,\s*[A-Z][\w-]*)*,?\s+(?:and|&)\s+[A-Z][\w-]*$"
)
_LISTED_NAME = re.compile(r"[A-Z][\w-]*")
# "the Call Playbook dataset", "the Zorblat dataset": capitalised words between "the" and a data-set
# word are its name.
# "the synthetic Waterbirds dataset": one or two lower-case modifiers may stand before a one-word name,
# but not a superlative or a "new" ("the largest high-quality Olympiad dataset": a kind of data).
_NAMED_BY_THE = re.compile(
    r"\b(?:the|our)\s+(?:([A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|\d+[A-Z][\w-]*)){0,4})"
    r"|(?:(?![a-z]+est\b|first\b|new\b|novel\b|only\b)[a-z][a-z-]+\s+){1,2}([A-Z][a-z]{3,}|[A-Z][a-z]+-[A-Z][A-Za-z]+(?:\s+[A-Z][a-z]+){1,2}))$"
)
_DATA_WORD_NAMES = ("benchmark", "dataset", "corpus")


def _word_end(text: str, at: int) -> bool:
    """``\\b`` after a word character at ``at``: no letter, digit or "_" there."""
    return at == len(text) or not (text[at].isalnum() or text[at] == "_")


def _data_words(text: str) -> tuple[list[int], list[int], list[int]]:
    """Where the white space before each data-set word is: before a plural "benchmarks"/"datasets"
    ("\\s(?:benchmarks|datasets)\\b"), before a singular one ("\\s(?:benchmark|dataset|corpus)\\b"), and
    where the white space before either begins (what _TYPED_COMPOUND's compounds end at), each in
    order. Found with str.find (C speed): three regex scans through the text cost 3x more."""
    plural, singular, compound_ends = [], [], []
    for word in _DATA_WORD_NAMES:
        for at in finds(text, word, 1):
            if not text[at - 1].isspace():
                continue
            end = at + len(word)
            if _word_end(text, end):
                singular.append(at - 1)
            elif text.startswith("s", end) and _word_end(text, end + 1):
                if word != "corpus":
                    plural.append(at - 1)
            else:
                continue
            compound_ends.append(space_before(text, at - 1))
    return sorted(plural), sorted(singular), sorted(compound_ends)


def _typed_compound(text: str, end: int) -> re.Match[str] | None:
    """_TYPED_COMPOUND's compound ending at ``end``, if one does."""
    start = run_before(text, end, _COMPOUND_CHARACTERS)
    if start == end or (start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_")):
        return None  # a letter, digit or "_" before the run of letters and dashes (a dash ends the run there)
    return _TYPED_COMPOUND.fullmatch(text, start, end)


def compounds_typed_as_data(text: str) -> list[Span]:
    """Capitalised word compounds a data-set word types ("Domain-Spreadsheet benchmark")."""
    if "benchmark" not in text and "dataset" not in text and "corpus" not in text:
        return []
    plural, singular, compound_ends = _data_words(text)
    found = [
        Span(m.start(), m.end(), m.group(0), "pattern.typed_compound", "dataset", confidence=0.6)
        for m in map(_typed_compound, repeat(text), compound_ends)
        if m is not None and m.group(0).rsplit("-", 1)[1].lower() not in _MODIFIER_TAILS
    ]
    for head in plural:
        names = _NAMES_BEFORE_PLURAL.search(text, max(0, head - 120), head)
        if names:
            for m in _LISTED_NAME.finditer(names.group(0)):
                if m.group(0).lower() not in common_words() and not modifier_compound(m.group(0)):
                    at = names.start() + m.start()
                    found.append(Span(at, at + len(m.group(0)), m.group(0), "pattern.typed_compound", "dataset", confidence=0.6))
    # Looked for backwards from each data-set word: a search from every "the" costs more.
    for word in singular:
        m = _NAMED_BY_THE.search(text, max(0, word - 80), word)
        if m is None:
            continue
        group = m.lastindex  # the one alternative that matched: capitalised words, or a word after modifiers
        name = m.group(group)
        if " " not in name and (name.lower() in common_words() or modifier_compound(name)):
            continue  # "the English dataset", "the Vision-Language benchmark"
        if re.split(r"[\s-]", name)[-1].lower() not in _MODIFIER_TAILS:
            found.append(Span(m.start(group), m.end(group), name, "pattern.typed_compound", "dataset", confidence=0.6))
    return found


# "OCR Arena", "PhoneHarness Bench", "OpenVLM Leaderboard": an acronym or a coined word, a space, and a suite's
# head word name a benchmark as a whole (not "OCR" and a word after it).
_SPACED_SUITE = re.compile(
    r"(?<![\w-])((?:[A-Z]{2,}[a-z]?|[A-Z][a-z]*[A-Z][A-Za-z0-9]*|[A-Z][a-z]+\d[A-Za-z0-9]*)(?:[-.][A-Za-z0-9]+)*\s(?:Bench|Arena|Leaderboard))\b(?![-\w])"
)


def spaced_suites(text: str) -> list[Span]:
    """Benchmarks written as a name and a spaced "Bench", "Arena" or "Leaderboard" ("OCR Arena", "DreamGen Bench").
    Not "Benchmark": "LLM Benchmark", "VQA Benchmark" are classes of benchmarks, no names."""
    if " Bench" not in text and " Arena" not in text and " Leaderboard" not in text:
        return []
    return [Span(m.start(1), m.end(1), m.group(1), "pattern.spaced_suite", "dataset", confidence=0.6)
            for m in _SPACED_SUITE.finditer(text) if not _leaderboard_name_goes_on(text, m)]


# "TREC 2019 DL Track", "the TREC 2023 Deep Learning track": a track of the TREC evaluation
# campaign is a benchmark, named by the campaign, its year and the track's name.
# Not "the TREC-COVID track": a name the gazetteer knows, and the word "track" after it.
_TREC_TRACK = re.compile(r"\bTREC (?:(?:19|20)\d\d )?(?:[A-Z][\w-]* ){1,3}[Tt]racks?\b(?![-\w])")


def trec_tracks(text: str) -> list[Span]:
    """Tracks of the TREC campaign, named whole ("TREC 2019 DL Track"), where the gazetteer knows only "TREC" or a
    short form."""
    if "TREC" not in text:
        return []
    return [Span(m.start(), m.end(), m.group(0), "pattern.trec_track", "dataset", confidence=0.7)
            for m in _TREC_TRACK.finditer(text)]


# "BOP Challenge 2024", "the 4th Anti-UAV Challenge", "NTIRE 2026 Challenge on Video Saliency Prediction":
# a named challenge (a shared task with its data and leaderboard) is a benchmark. Its words before
# "Challenge" hold a mark of a name (an acronym, a number, a capital inside a word), which plain
# title words ("Scaling Challenges", "Latency Challenge") do not; "on" and its capitalised topic
# belong to the name only where the name ends there ("... on Model-Based and Model-Free" is a title's).
_NAMED_CHALLENGE = re.compile(
    r"(?<![\w-])((?:\d+(?:st|nd|rd|th) )?(?:(?:[A-Z][\w&+-]*|(?:19|20)\d\d) ){1,5}(?:Grand )?Challenges?"
    r"(?: (?:19|20)\d\d)?(?: on(?: [A-Z][\w-]*){1,4}(?=\s*[:;,.)]|\s*$))?)(?![-\w])"
)
_ARTICLE_OR_OWNER = frozenset({"The", "A", "An", "Our", "This", "Its", "Their", "In", "On", "At", "For", "From", "With"})
_MARK_OF_A_NAME = re.compile(r"\d|[A-Za-z][a-z]*[A-Z]|^[A-Z]{2}")


def named_challenges(text: str) -> list[Span]:
    """Challenges named with an acronym, a year or an ordinal ("BOP Challenge 2024", "4th Anti-UAV Challenge")."""
    if "Challenge" not in text:
        return []
    found = []
    for m in _NAMED_CHALLENGE.finditer(text):
        start, words = m.start(1), m.group(1).split(" ")
        while words and words[0] in _ARTICLE_OR_OWNER:
            start += len(words.pop(0)) + 1
        head = words[: next(i for i, w in enumerate(words) if w.startswith("Challenge"))]
        # not a question whose verb is "challenge" ("Could Your Multimodal LLM Challenge High-Resolution ...")
        asks = any(w.lower() in _QUESTION_WORDS or w in ("Your", "You", "We") for w in head)
        if head and head[-1] != "Grand" and any(_MARK_OF_A_NAME.search(w) for w in head) and not asks:
            found.append(Span(start, m.end(1), text[start : m.end(1)], "pattern.named_challenge", "dataset", confidence=0.7))
    return found


# "Agent-as-a-Judge", "MLLM-as-a-Judge", "VLM-as-a-judge", "Representation-as-a-Judge": what LLM-as-a-judge
# (a known name) does, done by another kind of system; each a technique's name of its own. Its first part is
# a capitalised word or an acronym, dash-joined ("LLMs as judges" said in words is no name).
_AS_A_ROLE = re.compile(
    r"(?<![\w-])([A-Z][A-Za-z]*-as-(?:an?-)?(?:[Jj]udge|[Jj]ury|[Aa]nnotator|[Cc]ritic|[Ee]valuator|[Vv]erifier)s?)(?![\w-])"
)


def as_a_role_names(text: str) -> list[Span]:
    """Techniques named "X-as-a-Judge" (or a jury, annotator, critic, evaluator, verifier)."""
    if "-as-" not in text:
        return []
    return [
        Span(m.start(1), m.end(1), m.group(1), "pattern.as_a_role", "method", confidence=0.7) for m in _AS_A_ROLE.finditer(text)
    ]


def _leaderboard_name_goes_on(text: str, match: re.Match[str]) -> bool:
    """"the Open ASR Leaderboard": a leaderboard's name that starts before the acronym is not "ASR Leaderboard"."""
    return match.group(1).endswith("Leaderboard") and bool(
        _CAPITALISED_WORD_BEFORE.search(text, max(0, match.start(1) - 20), match.start(1))
    )


# "(1) Fjell-Prompt, a prompt-based conditioning interface": a compound of plain capitalised words is
# a name when an appositive right after it says what kind of thing it is.
_DESCRIBED_COMPOUND = re.compile(r"(?<![\w-])([A-Z][a-z]+(?:-[A-Z][A-Za-z]+){1,3})$")


# A plain capitalised word that no dictionary holds ("Nymeria", "Vriptor"), after a lower-case word
# or a sentence's punctuation: not the last word of a longer name ("Visual Riddles", "Gemini Embedding").
_DESCRIBED_WORD = re.compile(r"(?:^|(?<=[\w,;:(] )|(?<=[.!?] ))([A-Z][a-z]{3,})$")
_CAPITALISED_WORD_BEFORE = re.compile(r"(?<![\w-])[A-Z][\w-]*\s$")  # a sentence's first word ends in ".": not it


def _described_compound_matches(text: str, pattern: re.Pattern[str] = _DESCRIBED_COMPOUND) -> list[re.Match[str]]:
    """Compounds (or ``pattern``) right before ", a " or ", an ", found from each such comma
    backwards (cheaper than trying the compound's pattern at every position of the text)."""
    found = []
    position = text.find(", a")
    while position >= 0:
        if text.startswith((", a ", ", an "), position):
            match = pattern.search(text, max(0, position - 60), position)
            if match:
                found.append(match)
        position = text.find(", a", position + 3)
    return found


def described_words(text: str) -> list[Span]:
    """Plain capitalised words that an appositive calls a model or a data set ("on Nymeria, a
    large-scale dataset of egocentric video", "results in Vriptor, a video captioning model").
    Only a word no dictionary holds, and only for those two kinds: "Crucially, a" or "Teaming,
    a recent approach" name nothing."""
    found = []
    for m in _described_compound_matches(text, _DESCRIBED_WORD):
        word = m.group(1)
        if word.lower() in common_words() or word.endswith("ly") or _ARTEFACT_HEAD.match(word):
            continue
        if _CAPITALISED_WORD_BEFORE.search(text, max(0, m.start(1) - 40), m.start(1)):
            continue  # the last word of a longer name: "Conduction Aphasia", "DeMix Corpora"
        kind = type_from_appositive(text, m.end(1))
        if kind in ("dataset", "model"):
            found.append(Span(m.start(1), m.end(1), word, "pattern.described_word", kind, confidence=0.6))
    return found


_NUMBERED_BEFORE = re.compile(r"(?:\(\d\)|\(?[ivx]{1,3}\)|\d\.)\s*$")
_ARTEFACT_HEAD = re.compile(
    r"(?:interface|simulator|pipeline|workspace|toolkit|tool|system|platform|environment|engine|generator|library|"
    r"paradigm|protocol|scheme|recipe|module|mechanism|framework|method|algorithm|strategy|approach|technique|model|"
    r"dataset|benchmark|corpus|suite|encoder|decoder|network|agent)s?$",
    re.IGNORECASE,
)


_APPOSITIVE_HEAD_END = re.compile(r"\s+(?:that|which|for|to|with|of|in|on|designed|unifying|built)\s")


def described_compounds(text: str) -> list[Span]:
    """Capitalised word compounds an appositive describes ("Terminal-Corpus, a large-scale dataset")."""
    found = []
    for m in _described_compound_matches(text):
        if m.group(1).rsplit("-", 1)[1].lower() in _MODIFIER_TAILS:
            continue  # "Vision-Language, a": a modifier, not a name
        kind = type_from_appositive(text, m.end(1))
        head = _APPOSITIVE.match(text, m.end(1))
        words = _APPOSITIVE_HEAD_END.split(head.group(1))[0].split() if head else []
        if kind is None and not (words and _ARTEFACT_HEAD.match(words[-1].strip(",;:"))):
            continue
        introduced = bool(_NUMBERED_BEFORE.search(text, max(0, m.start() - 6), m.start()))
        kind = kind if kind in ("dataset", "model") else None  # a method is what an untyped name becomes anyway
        found.append(Span(m.start(1), m.end(1), m.group(1), "pattern.described_compound", kind, introduced, confidence=0.6))
    return found


def modifier_compound(word: str) -> bool:
    """"Olympiad-level", "AIME-style", "Vision-Language": a compound that modifies a noun, no name."""
    tail = word.rsplit("-", 1)[-1]
    participle = tail.islower() and tail.endswith("ed")  # "GPT-annotated", "PDS-selected"
    return "-" in word and (bool(_MODIFIER_WORD.match(tail.lower())) or tail.lower() in _MODIFIER_TAILS or participle)


# "a Multi-LLM summarization framework", "Cross-LLM transfer", "Non-LLM baselines": a prefix of number or
# relation before a class of models or machines modifies what follows; it names no one thing.
_MANY_OF_A_CLASS = re.compile(r"(?i:multi|cross|non|inter|intra)-(?:LLM|VLM|MLLM|LMM|LM|GPU|UAV|VLA)s?")


# Last words that make a compound a modifier ("a Vision-Language benchmark", "a Large-Scale dataset").
_MODIFIER_TAILS = frozenset(
    [
        "language", "visual", "scale", "world", "context", "modal", "lingual", "shot", "turn", "step", "grained",
        "level", "text", "image", "video", "domain", "time", "source", "task", "agent", "based", "aware", "free",
        "specific", "oriented", "centric",
    ]
)


def listed_names(text: str) -> list[Span]:
    """Capitalised names listed right after a plural head that types them ("benchmarks,
    including GAIA, BrowseComp, and XBenchDeepSearch"); plain acronyms count here, as the head
    says what they are."""
    found: list[Span] = []
    if not any(word in text for word in _LIST_HEAD_WORDS):
        return found  # substring tests run in C; the pattern's alternation is costly at every position
    for head in _list_heads(text):
        kind = "model" if head.group(1) else "dataset"
        position = head.end()
        said_such_as = bool(head.group(0).strip().split()[1:])
        listed: list[Span] = []
        closing = False
        while (item := _LIST_ITEM.match(text, position)) is not None:
            name = item.group(1)
            if len(name) < 2 or name.isdigit() or _QUANTITY.match(name):
                break
            # "benchmarks like Daily-Omni": plain words a dash joins into a name are one too
            plain_name = kind == "dataset" and said_such_as and name.replace("-", "").isalpha() and (
                name.lower() not in common_words() and not modifier_compound(name)
            )
            if not (is_name_like(name) or name.isupper() or " " in name or plain_name):
                # "models. First, ...": a capitalised word, not a listed name; but "models such as
                # FLUX and Janus" lists a plain word no dictionary knows, a name.
                break
            listed.append(Span(item.start(1), item.end(1), name, "pattern.list", kind, confidence=0.7))
            separator = _LIST_SEPARATOR.match(text, item.end())
            if separator is None or (closing and "," in separator.group(0)):
                # "including ERQA, LIBERO, and RoboCasa, PhysBrain achieves ...": the item after "and" was
                # the last; a comma after it ends the list (its clause's subject follows)
                break
            closing = _CLOSING_SEPARATOR.search(separator.group(0)) is not None
            position = separator.end()
        if said_such_as or len(listed) > 1 or "(" in head.group(0) or ":" in head.group(0):
            found.extend(listed)  # "Across editing benchmarks, VINO shows": a clause, not a list of one
    return found


# "We propose X", "we introduce X, a ...", "called X", "our method, X,".
_INTRO_VERBS = (
    "propose", "proposes", "proposed", "introduce", "introduces", "introduced", "present", "presents", "presented",
    "develop", "develops", "developed", "design", "designs", "designed", "release", "releases", "released", "build",
    "builds", "built", "construct", "constructs", "constructed", "create", "creates", "created", "curate", "curates",
    "curated", "contribute", "contributes", "devise", "devises", "offer", "offers", "open-source", "open-sources",
    "unveil", "unveils", "establish", "establishes", "launch", "launches", "launched", "established", "devised",
    "contributed", "unveiled", "compile", "compiles", "compiled", "assemble", "assembles", "assembled",
    "collect", "collects", "collected",
    # and "by introducing X":
    "proposing", "introducing", "presenting", "developing", "designing", "releasing",
    "constructing", "creating", "curating", "devising",
)
# "open-source" is the verb right after its subject, a modal or an adverb ("we will also open-source X"),
# not the adjective ("using the popular open-source vLLM", "25 proprietary and open-source VLMs"). The
# look-behinds read after the "o" ("o(?<=we o)pen-source"), so that every verb opens with its letter.
_AFTER_SUBJECT = "(?:" + "|".join(f"(?<={word} o)" for word in ("we", "We", "will", "also", "further", "publicly",
                                                                  "fully", "to")) + ")"
_AS_VERB = {"open-source": _AFTER_SUBJECT, "open-sources": _AFTER_SUBJECT}
# Grouped by first letter (first_letter_groups): at each word after a subject re tries the one group of
# that letter, not each of the sixty verbs in turn.
INTRO_VERB = "(?:" + first_letter_groups(
    "|".join(verb[0] + _AS_VERB[verb] + verb[1:] if verb in _AS_VERB else verb for verb in _INTRO_VERBS)
) + ")"
_WORK = r"(?:paper|work|study|article|report)"
# "\bwe|\bWe|\bthis paper|...|\bhere", each alternative opening with its letter (see not_after).
_SUBJECTS = ("we", "We", f"this {_WORK}", f"This {_WORK}", "here")
_SUBJECT = "(?:" + "|".join(not_after(r"\w", subject[0]) + subject[1:] for subject in _SUBJECTS) + ")"
# Not others' work: "the recently proposed X", "X was proposed", "has been introduced"; not a noun ("we structure
# the design space along two axes", "our design choices").
_NOT_OURS = (
    r"(?:(?<!the )(?<!our )|(?=[a-z]+ed\b))"
    r"(?<!recently )(?<!previously )(?<!originally )(?<!been )(?<!was )(?<!were )(?<!widely )(?<!commonly )"
)
# The tests at each of up to 60 positions after a subject, cheapest first: a word start and one of
# the verbs' first letters, then the look-behinds and the verbs (the same conditions in another order).
_VERB_FIRST_LETTERS = "".join(sorted({verb[0] for verb in _INTRO_VERBS}))
INTRO_CUE = re.compile(rf"{_SUBJECT}\b[^.;]{{0,60}}?\b(?=[{_VERB_FIRST_LETTERS}])(?<!-){_NOT_OURS}{INTRO_VERB}\b")
_ASCII_INTRO_CUE = ascii_twin(INTRO_CUE)  # for the texts in ASCII (nearly all): the same matches, faster
# "we assembled 106 medical datasets to create Med-MAT": the verb of a presenting verb's purpose, before a
# name ("to create structured task descriptors" presents no name).
_PURPOSE_VERB = re.compile(
    r"(?:create|build|construct|develop|design|curate|introduce|propose|present|release)(?=\s+(?:(?:a|an|the)\s+)?[A-Z])"
)
# "We propose HP-Edit, a post-training framework for ..., and introduce RealPref-50K": a second verb of
# the same subject, however long the first object.
_COORDINATED_VERB = re.compile(rf"(?:also\s+|further\s+|then\s+)?{INTRO_VERB}\b")


# "this paper extends ... by introducing two benchmarks, X and Y", "We examine existing benchmarks ..., and
# introduce X": a gerund after "by", or a verb joined by "and", in a sentence whose subject is "we" or this
# paper, however far that subject stands (not "existing approaches improve ... by introducing"; not "-ed"
# forms: "a large and curated corpus" is an adjective). After "by" only the verbs that present a whole
# thing: "by constructing high-density questions", "by creating pairs" say how.
_BY_GERUND = re.compile(r"by (?:introducing|proposing|presenting|releasing)\b")
_AND_PRESENT_VERB = re.compile(r"and (?:also |further |then )?(?:propose|introduce|present|develop|design|release|"
                               r"build|construct|create|curate|contribute|devise|unveil|establish|launch)s?\b")
_WE = re.compile(r"\b(?:[Ww]e|[Tt]his (?:paper|work|study))\b")
# "we" heads a clause of its own ("As we discuss, existing systems ... by introducing X"), or another clause
# with its own subject opens between "we" and the cue ("We show that prior methods ... improve recall by
# introducing X", "We find that models ... can plan and create X"): the cue's subject is not "we".
_SUBORDINATE_WE = re.compile(r"\b(?:as|if|when|while|although|though|because|since|whereas|unless|where|how|what)\s+$", re.I)
_ANOTHER_CLAUSE = re.compile(r"\b(?:that|which|who|whom|whose|where|whereas|while|how|because|since|although|than)\b")


def _far_intro_cues(text: str, near: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of the cues above that no cue in ``near`` (the subject-led ones) already holds. Each
    " by " and " and " is looked at with one anchored match (str.find, C speed): a search through the text
    for either pattern tries it at every word."""
    found: list[tuple[int, int]] = []
    # near's starts sorted, made at the first cue: most markers are no cue (most texts hold none)
    starts: list[int] | None = None
    ends: dict[int, int] = {}
    for marker, pattern in ((" by ", _BY_GERUND), (" and ", _AND_PRESENT_VERB)):
        position = text.find(marker)
        while position >= 0:
            cue = pattern.match(text, position + 1)
            position = text.find(marker, position + 1)
            if cue is None:
                continue
            if starts is None:
                starts = sorted(start for start, _ in near)
                ends = {start: end for start, end in near}
            # the cues in ``near`` do not overlap much: the last ones starting at or before the cue are the ones to ask
            index = bisect.bisect_right(starts, cue.start())
            if index and any(cue.start() < ends[start] for start in starts[max(0, index - 3) : index]):
                continue
            window = max(0, cue.start() - 300)
            subjects = list(_WE.finditer(text, window, cue.start()))
            subject = subjects[-1] if subjects else None  # the nearest "we" before the cue is its subject,
            # in the same sentence: no "." or ";" between (one there is between the cue and any earlier "we" too)
            if subject is None or any(mark in text[subject.end() : cue.start()] for mark in ".;"):
                continue
            if _SUBORDINATE_WE.search(text, max(0, subject.start() - 12), subject.start()):
                continue
            if _ANOTHER_CLAUSE.search(text, subject.end(), cue.start()):
                continue
            found.append((cue.start(), cue.end()))
    return found


@dataclass(frozen=True, slots=True)
class IntroCues:
    """A text's cues of presenting found before the verbs coordinated with them: the subject-led ones
    ("we propose"), in text order, and the far ones ("... by introducing")."""

    subject_led: list[tuple[int, int]]
    far: list[tuple[int, int]]


_NO_INTRO_CUES = IntroCues([], [])


def intro_cues(text: str) -> IntroCues:
    """The cues intro_cue_spans finds in ``text`` before it adds the coordinated verbs."""
    # Every cue needs its subject ("we", "We", "this paper", "This work", "here"; _WE's are among them), so
    # a text holding none of these strings holds no cue: four substring tests (C speed) spare the two
    # scans of a title and of nearly half the sentences of an abstract.
    if "we" not in text and "We" not in text and "his " not in text and "here" not in text:
        return _NO_INTRO_CUES
    spans = [(m.start(), m.end()) for m in (_ASCII_INTRO_CUE if text.isascii() else INTRO_CUE).finditer(text)]
    return IntroCues(spans, _far_intro_cues(text, spans))


def intro_cue_spans(text: str, cues: IntroCues | None = None) -> list[tuple[int, int]]:
    """(start, end) of each "we propose"-like cue, and of each verb coordinated with one in its sentence.

    Args:
        cues: ``intro_cues(text)`` when the caller has them already.
    """
    if cues is None:
        cues = intro_cues(text)
    spans = cues.subject_led + cues.far
    if not spans:
        return spans
    spans.sort()
    # A verb the far cues took already ("and introduce X" in a "we" sentence) is not taken twice.
    taken = {end for _, end in cues.far}
    coordinated = _verbs_after_cues(text, spans, " and ", _COORDINATED_VERB, ".;", taken)
    # "we assembled 106 medical datasets to create Med-MAT": the verb of its purpose presents too
    coordinated += _verbs_after_cues(text, spans, " to ", _PURPOSE_VERB, ".;,", set())
    return sorted(spans + coordinated) if coordinated else spans


def _verbs_after_cues(
    text: str, spans: list[tuple[int, int]], marker: str, verb_pattern: re.Pattern, breaks: str, taken: set[int]
) -> list[tuple[int, int]]:
    """(start, end) of each verb of ``verb_pattern`` right after ``marker`` (" and ", " to ") that follows a
    cue of ``spans`` (sorted) with none of ``breaks`` between, and whose end is not in ``taken``. Each marker
    is looked at with one anchored match (a search through the text costs more)."""
    found = []
    position = text.find(marker, spans[0][1])
    while position >= 0:
        verb = verb_pattern.match(text, position + len(marker))
        if verb and verb.end() not in taken:
            cue_end = max(end for start, end in spans if start < position)
            between = text[cue_end:position]
            if not any(mark in between for mark in breaks):
                found.append((position, verb.end()))
        position = text.find(marker, position + len(marker))
    return found


def sentence_intro_cues(text: str, cues: IntroCues, start: int, end: int) -> IntroCues | None:
    """``intro_cues(text[start:end])`` for a sentence of ``text`` (split_sentences' bounds), read from the
    whole text's ``cues`` (no second scan); None where they may differ: a text with "!" or "?".

    Every sentence ends at a full stop there, and no cue runs over one (INTRO_CUE's words between subject
    and verb hold no "."; a far cue's subject stands in its sentence, with no "." between), nor do the
    patterns' look-behinds reach before a sentence (at most white space or a stop stands there, as
    before the text). So the text's cues inside the sentence are the sentence's, and a sentence's own
    far cues are checked against the same subject-led cues. "!" and "?" also end sentences, and the
    cues' words may run over them.
    """
    if "!" in text or "?" in text:
        return None
    if not cues.subject_led and not cues.far:
        return _NO_INTRO_CUES
    return IntroCues(_within(cues.subject_led, start, end), _within(cues.far, start, end))


def _within(spans: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The spans inside start:end, moved to offsets from ``start``."""
    return [(s - start, e - start) for s, e in spans if start <= s and e <= end]


_DETERMINER = re.compile(
    r"^(?:in|on|for|with|to|by|from|at|as|of|it|we|they|them|what|how|why|when|where|which|who|whether|if|another|"
    # a verb or a clause's opening word: "is unnecessarily symmetric", "can achieve", "using neural ...", "before any"
    r"is|are|was|were|can|could|will|would|using|through|before|after|via|"
    r"a|an|the|two|three|four|several|multiple|various|few|many|new|novel|simple|this|these|that|those|such|"
    r"our|its|their|some|any|each|both|more|most|one|first|general|generic|unified|efficient|effective|"
    r"comprehensive|systematic|large|small|lightweight|scalable|principled|method|approach|framework|model|"
    r"technique|strategy|algorithm|way|set|family|suite|series|variety|number|analysis|study|method)\b"
    # a plural kind first, in lower case and a word of its own: "we construct benchmarks across three visual
    # domains" names no one thing; "Benchmarks-in-the-Wild", "Tasks Zorb" and "methods-zorb" are names
    r"|^(?-i:benchmarks|datasets|models|methods|tasks|baselines|techniques)(?![\w-])"
    r"|^(?:five|six|seven|eight|nine|ten)\s",  # "five contributions", not "Six-Gym"
    re.IGNORECASE,
)
_PHRASE_AFTER_VERB = re.compile(
    r"\s+((?:[A-Za-z][A-Za-z0-9\-]*\s+){0,4}?[A-Za-z][A-Za-z0-9\-]*)\s*(?:,\s*(?:an?|the|or)\s|\s\(|\s+--|:\s)"
)
# "build directly on top of LGM, a pretrained ...", "build upon X": what the paper starts from, not what it names.
BUILT_UPON = re.compile(r"(?:\w+ly\s+)?(?:on top of|upon|on|onto|from)\s", re.IGNORECASE)
# "curate and release X", "build and open-source X": the phrase starts after both verbs
_SECOND_VERB = re.compile(r"(?:and|or)\s+[a-z]+(?:-[a-z]+)?(?=\s)")
# "$": the phrase may end at the article ("AudioTrust-the first"); "-+": "Group Think--a single LLM".
_DASH_BEFORE_ARTICLE = re.compile(r"-+(?:a|an|the)(?:\s|$)")
# "We present empirical results on six benchmarks (...)", "We release all code (https://...)": what a
# paper reports or hands out, not a name it introduces.
_REPORTED_NOT_NAMED = re.compile(
    r"^(?:all|both|each|every|some|several|many|extensive|empirical|additional|further)\b"
    r"|\b(?:results?|experiments?|findings|analys[ie]s|code|weights)\b",
    re.IGNORECASE,
)
# "we introduce UNO, which ...": a bare acronym right after the verb, set off as a name.
_DEFINED_ACRONYM = re.compile(r"[A-Z]{3,}(?=,\s|\s\(|:\s)")
_NAME_AFTER_VERB = re.compile(rf"\s+(?:the\s+)?({NAME_TOKEN})(?=[\s,.;:)(]|$)")
_TITLE_CASE_NAMES = re.compile(
    r"\s+((?:[A-Z][\w-]*\s+(?:(?:with|of|for|via|in|to)\s+(?=[A-Z]))?){0,5}[A-Z][\w-]*)((?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)(?:[A-Z][\w-]*\s+){0,4}[A-Z][\w-]*)*"
)
# "We introduce the Chinese Academy of Sciences", "we develop a Python Library": institutions and plain tools.
_NOT_A_PRESENTED_HEAD = re.compile(
    r"\b(?:Academy|University|Institute|Census|Department|Library|Toolkit|Package|Company|Foundation|Association|"
    r"Society|Council|Committee|Government|Ministry|Agency|Bureau|Office|Center|Centre|School|College|Laboratory|Lab)\b"
)
# "we introduce a Critique-Based Reward Model, which": capitalised words after an intro verb and an article
# (not "the Visual Document Retrieval Benchmark ViDoRe": a kind's long name before the name itself).
_ARTICLE_TITLE_CASE = re.compile(
    r"\s+(?:a|an|the)\s+(?:novel\s+|new\s+)?((?>(?:[A-Z][\w-]*\s+(?:(?:of|for|with|via|in|on|to)\s+(?=[A-Z]))?){1,5}"
    r"(?<!Benchmark )(?<!Dataset )(?<!Suite )(?<!Corpus )(?<!Model )(?![A-Z][A-Z0-9]+\b)[A-Z][\w-]*))"
    # the whole run of capitalised words or nothing: not "Layerwise Recurrent Router" of "... Router for
    # Mixture-of-Experts (RMoE)", which the abbreviation gives whole
    r"(?=\s*,|\s+(?:to|that|which|for)\b|\.(?:\s|$)|$)"
)
_NAMED_AFTER_NP = re.compile(rf"\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,5}}?[\w-]+,\s+({NAME_TOKEN}),")
_MODIFIER_BEFORE_HEAD = re.compile(
    r"\s+(?:an?|the)\s+((?:[\w-]+\s+){0,4}?[\w-]+)\s+"
    r"(?:strategy|method|technique|algorithm|objective|loss|mechanism|module|procedure|scheme|regularizer|operator)\b"
)
# Plain modifiers: words that describe a technique without naming it ("a simple yet effective ...").
_PLAIN_MODIFIER_WORDS = (
    r"simple|novel|new|effective|efficient|general|unified|lightweight|principled|scalable|robust|flexible|"
    r"yet|and|highly|fast|better|generic|plug-and-play|training-free|model-agnostic|task-agnostic|data-driven|"
    r"two-stage|multi-stage|three-stage|end-to-end|self-supervised|semi-supervised|fine-grained|coarse-to-fine|"
    r"learning-based|easy-to-use|state-of-the-art|cost-effective|parameter-efficient|well-designed|two-step|"
    r"one-step|multi-step|single-stage"
)
# One plain modifier word, stripped from the front of a named technique ("novel soft-to-hard clustering").
_PLAIN_WORD = re.compile(
    rf"(?:{_PLAIN_MODIFIER_WORDS}|specialized|dedicated|tailored|carefully|designed|further|also)\s+", re.IGNORECASE
)
# Lower-case words before a capitalised name of two words or a dashed one: "inference-time Sway Sampling",
# "parameter-free Dynamic Exit" (a single capitalised acronym stays with its words: "adaptive GRPO").
# One such word only: two describe the paper's own version of a known name ("block-wise approximate KV
# Cache", "mobile-tailored real-time Gaussian Splatting"), and a word glued to a capital is the name's
# ("alpha-Balanced Static Partitioning").
_CAPITALISED_AFTER_LOWER = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*\s+([A-Z]\w*(?:-\w+)+|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)+)$")
_PLAIN_MODIFIERS = re.compile(rf"^(?:(?:{_PLAIN_MODIFIER_WORDS})\s*)+$", re.IGNORECASE)
_DEFINED_AFTER = re.compile(r"\s*\([A-Z][A-Za-z0-9-]{1,14}\)")
_CONJUNCTION = re.compile(r"\s*,\s*and\s+|\s+and\s+|\s*,\s*")


# "a new foundation model SDXL-SG", "a novel benchmark X-Bench": a new thing of a kind, named.
_NEW_WORDS = ("new", "novel")
# "\ban?|\bour" written to open with their letters (see not_after): re skips in C to them.
_NEW_KIND_NAMED = re.compile(
    "(?:" + not_after(r"\w", "a") + "n?|" + not_after(r"\w", "o") + "ur)"
    rf"\s+(?:{'|'.join(_NEW_WORDS)})\s+(?:[\w-]+\s+){{0,3}}?(?:model|dataset|benchmark|method|framework|architecture|"
    rf"algorithm|approach|system|suite|corpus|agent|family|series)\s+(?:called\s+|named\s+)?({NAME_TOKEN})(?=[\s,.;:)]|$)"
)


# "three new benchmarks: HumanEval Pro, MBPP Pro, and BigCodeBench-Lite Pro", "new specialized datasets
# (FineMath, Stack-Edu, and SmolTalk)": a list headed by new things of a kind names each of them, known
# names too (a gazetteer lists a benchmark because some paper presented it: this one).
_HEADED_NAME = r"[A-Z][\w.+^-]*(?:\s+[A-Z0-9][\w.+^-]*){0,3}"
# The words between "new" and the kind describe the things ("new specialized", "new multilingual"):
# no function word, plural or "state-of-the-art" ("new state-of-the-art results on benchmarks: MMLU,
# ...", "new methods for existing benchmarks: ..." name others' benchmarks).
_DESCRIBING_WORD = (
    r"(?!(?:on|in|for|of|to|with|across|over|than|and|or|the|a|an|existing|standard|results|state-of-the-art|sota)\b)"
    r"[a-z][\w-]*(?<!s)\s+"
)
_NEW_KINDS_HEADING_LIST = re.compile(
    rf"(?:new|novel)\s+(?:{_DESCRIBING_WORD}){{0,3}}?"
    r"(?P<kind>(?:models?\s+)?(?:models|datasets|benchmarks|corpora|suites|checkpoints))"
    rf"(?::\s+|\s+\(\s*)(?P<items>{_HEADED_NAME}(?:,\s+(?:and\s+)?{_HEADED_NAME}|\s+and\s+{_HEADED_NAME})+)"
    r"(?=\s*[).;,]|\s+(?:to|for|that|which|specifically|designed|as)\b)"
)
_HEADED_ITEM = re.compile(rf"(?:^|,\s+(?:and\s+)?|\s+and\s+)({_HEADED_NAME})")


_PLAIN_TITLE_WORD = re.compile(r"[A-Z][a-z]+")


_OTHERS_NEW = re.compile(r"(?:[Rr]ecent|[Ll]atest|[Ee]merging|[Ee]xisting)\s+$")  # "recent new models (GPT-4o, ...)"


def _new_kinds_headings(text: str) -> Iterator[re.Match[str]]:
    """_NEW_KINDS_HEADING_LIST tried only at each "new" and "novel" that opens a word (str.find): a
    search through the text tries it at every position after the first (27 µs a paper, 2.5% of all)."""
    for word in _NEW_WORDS:
        for at in finds(text, word):
            if at and (text[at - 1].isalnum() or _OTHERS_NEW.search(text, max(0, at - 10), at)):
                continue
            if match := _NEW_KINDS_HEADING_LIST.match(text, at):
                yield match


def _heading_kind(kind: str) -> str:
    """The type a heading's kind (_NEW_KINDS_HEADING_LIST's closed set) gives its items: models,
    checkpoints and "model suites" hold models; datasets, benchmarks, corpora and suites hold data."""
    return "model" if kind.lower().startswith(("model", "checkpoint")) else "dataset"


def _new_kinds_named(text: str) -> list[re.Match[str]]:
    """_NEW_KIND_NAMED.finditer(text), tried only at "a", "an" and "our" before white space and each
    "new" or "novel" (str.find, C speed): the pattern's matches open only there, and taking them left
    to right, each from where the last ended, is what finditer does. Searched through the text, it
    stops at every "a" and "o" after the first "new" (1.6x slower over the bundled texts)."""
    return _leftmost_matches(_NEW_KIND_NAMED, text, _articles_before(text, _NEW_WORDS, ("a", "an", "our")))


def _new_kinds_listed(text: str) -> list[re.Match[str]]:
    """_NEW_KINDS_LISTED.finditer(text), tried only at each "two", "three", "four" or "several" and at
    "our"/"Our" before white space and one (str.find): where its matches open (see _leftmost_matches).
    Searched from the first count word, it stops at every "t", "f", "s" and "o" after it."""
    starts = _articles_before(text, _COUNT_WORDS, ("our", "Our"))
    for word in _COUNT_WORDS:
        starts.update(finds(text, word))
    return _leftmost_matches(_NEW_KINDS_LISTED, text, starts)


def _articles_before(text: str, words: tuple[str, ...], articles: tuple[str, ...]) -> set[int]:
    """Where each of ``articles`` ends right before white space and one of ``words`` (found with str.find)."""
    starts = set()
    for word in words:
        for at in finds(text, word, 1):
            space = space_before(text, at)
            if space < at:
                starts.update(space - len(article) for article in articles if text.endswith(article, 0, space))
    return starts


def _leftmost_matches(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> list[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose matches (never empty) open only at ``starts``:
    tried there left to right, each from where the last match ended, as finditer does."""
    found, end = [], 0
    for start in sorted(starts):
        if start >= end and (match := pattern.match(text, start)) is not None:
            found.append(match)
            end = match.end()
    return found


# "The resulting model, RationalRewards, ...", "the resulting VLA model, OmniJARVIS", "The resulting model,
# Momentum DeltaNet (MDN)": what the paper's own steps result in is its own (9 of 18 "the resulting"
# phrases in 7,009 corpus papers name it so; "The resulting dataset spans STEM" names nothing).
_RESULTING_KIND_NAMED = re.compile(
    r"\b[Tt]he\s+resulting\s+(?:[\w-]+\s+){0,2}?(?P<kind>model|method|framework|dataset|benchmark|algorithm|approach|"
    r"system|agent|policy|architecture|family|suite|corpus|checkpoint)s?,?\s+(?:(?:dubbed|named|called|termed)\s+)?"
    rf"(?P<name>(?:[A-Z][\w-]*\s+){{0,3}}[A-Z][\w.+-]*[\w+]|{NAME_TOKEN})(?=[\s,.;:)(]|$)"
)
_RESULTING_KIND_TYPES = {
    "model": "model", "checkpoint": "model", "dataset": "dataset", "benchmark": "dataset", "corpus": "dataset",
}
# "we train Nemotron-Terminal, a family of models initialized from ...": what a paper trains and
# describes as a family of its own is presented (not "we train Llama-3-8B on ...").
_TRAINED_FAMILY = re.compile(
    rf"{_SUBJECT}\s+(?:then\s+|further\s+|also\s+)?(?:train|trained|pre-?train|post-?train)\s+(?:"
    rf"({NAME_TOKEN}),\s+(?:a|an)\s+(?:new\s+|open\s+)?(?:family|suite|series)\s+of\b"
    # "we trained a 2-billion-parameter VLM, Aquila-VL-2B,"
    # "we train an automatic commentary generation model, named MatchVoice": the naming word is not the name
    rf"|(?:a|an)\s+(?:[\w-]+\s+){{0,3}}?(?:model|LLM|VLM|MLLM|LMM|policy|checkpoint),\s+(?:(?:named|called|dubbed|termed)\s+)?"
    rf"({NAME_TOKEN})(?=[\s,.;:]))"
)
_LONGEST_WORK = max(_WORK.removeprefix("(?:").removesuffix(")").split("|"), key=len)
_LONGEST_SUBJECT = max(len(subject.replace(_WORK, _LONGEST_WORK)) for subject in _SUBJECTS)


def _trained_family_start(text: str) -> int:
    """A position at or before every match of _TRAINED_FAMILY, read back from the first "train" its
    verbs can end with (white space after "train" or "trained": not "training", "trainable"): what may
    stand before it ("post-"), white space, an adverb ("further"), white space and a subject ("this
    article"); -1 when the text holds no such "train". The pattern opens with a subject, which re
    tries at every "t", "h" and "w" before (a later verb's start, read back so, is no earlier)."""
    position = text.find("train")
    while position >= 0 and not (
        text[position + 5 : position + 6].isspace()
        or (text.startswith("ed", position + 5) and text[position + 7 : position + 8].isspace())
    ):
        position = text.find("train", position + 1)
    if position < 0:
        return -1
    for longest in (len("post-"), len("further"), _LONGEST_SUBJECT):
        position = space_before(text, max(0, position - longest))
    return position


# A release number after a name the paper introduces ("EXAONE 3.0"), not a score or a decimal list.
_INTRODUCED_VERSION = re.compile(r"\s\d{1,2}\.\d{1,2}\b(?![.,]?\d|\s*%)")
_KIND_COMMA_WORDS = ("model", "LLM", "VLM", "checkpoint", "dataset", "benchmark", "corpus")
# One of those words, a comma, a space and a capital, found from the comma: a pattern opening with
# a literal lets re skip in C to it (opening with the words, it is tried at each of their first letters).
_KIND_COMMA = re.compile(",(?:" + "|".join(f"(?<={word},)" for word in _KIND_COMMA_WORDS) + r")\s[A-Z]")
# "our foundational image-centric model, Insight-V, into ...": a name right after its kind and a comma.
_KIND_THEN_NAME = re.compile(
    r"\b(?:our|the|a|an)\s+(?:[\w-]+\s+){0,3}?(?:(model|LLM|VLM|MLLM|checkpoint)|(dataset|benchmark|corpus)),\s+"
    r"([A-Z][\w.+-]*[\w+])(?=\s*[,;:)]|\.(?:\s|$)|\s+(?:into|and|which|that|is|was)\b)"
)


# "our adversarial post-trained model, Seaweed-APT,": the paper's own ("a new model, X," is read with its
# sentence by another rule: others release new models too).
_OWN_KIND = re.compile(r"[Oo]ur\s")
# "our base model, Qwen2.5-7B,": what the paper starts from is another's.
_STARTING_POINT = re.compile(r"\b(?:base|backbone|baseline|teacher|reference|starting|initial|underlying|pre-?trained|seed)\b")


def kind_then_name(text: str) -> list[Span]:
    """Names given right after their kind and a comma ("a new model, Insight-V,")."""
    if not _KIND_COMMA.search(text):
        return []  # one cheap scan rules out most texts
    found = []
    for m in _KIND_THEN_NAME.finditer(text):
        name = m.group(3)
        if len(name) < 3 or name.lower() in common_words():
            continue
        kind = "model" if m.group(1) else "dataset"
        own = _OWN_KIND.match(m.group(0)) is not None and not _STARTING_POINT.search(m.group(0))
        found.append(Span(m.start(3), m.end(3), name, "pattern.kind_then_name", kind, introduced=own, confidence=0.65))
    return found


# "two novel algorithms, ST-GRPO and J-GRPO": new things counted, then named.
# What its matches open with, or hold after "our" and white space ("our two"): a count.
_COUNT_WORDS = ("two", "three", "four", "several")
_NEW_KINDS_LISTED = re.compile(
    rf"\b(?:(?:two|three|four|several)\s+(?:new|novel)|[Oo]ur\s+(?:two|three|four))\s+(?:[\w-]+\s+){{0,3}}?"
    rf"(?:models|datasets|benchmarks|methods|variants|checkpoints|"
    rf"algorithms|techniques|strategies|modules|components|mechanisms|objectives|losses)\s*[,:]?\s+({NAME_TOKEN})"
    rf"(?:\s*,\s*(?:and\s+)?|\s+and\s+)({NAME_TOKEN})(?=[\s,.;:)]|$)"
)


# "an approach, termed Cloud-Adapter,", "the technique is named Omegance", "a method called Smoothed
# Energy Guidance": the name a paper gives what it presents, whatever its shape.
# With "as" too ("termed as SN-Caption-test-align", "dubbed as DotaMath", "our model, coined as MobileVD"): 10
# hf_daily papers write it so. Each after its plain word, which re tries first and gives back when "as" follows.
_PLAIN_NAMING_WORDS = ("called", "named", "termed", "dubbed", "coined", "referred to as", "denoted as")
_NAMING_WORDS = (*_PLAIN_NAMING_WORDS, "called as", "named as", "termed as", "dubbed as", "coined as")
# "(?<!so-)\bcalled|..." grouped by first letter, each opening with it (first_letter_groups): re
# skips in C to those letters rather than trying the look-behinds at every position.
# A given name's word opens with a capital, or with a number and letters before a dash and a capital
# ("named 3D-Alpaca", "called 3D-Aware Gaussian Splatting"; not a size or a count: "7B-Instruct", "2-Stage").
_WORD_OPENING = r"(?:[A-Z]|\d+(?![BMKbmk]-)[A-Za-z]+-[A-Z])"
_GIVEN_NAME = re.compile(
    "(?:" + words_by_first_letter(_NAMING_WORDS, r"(?<!so-)(?<!\w)") + r")\s+"
    rf"((?:{_WORD_OPENING}[\w+-]*\s+(?:(?:of|for|with|via|in|on|to|and)\s+(?=[A-Z]))?){{0,5}}{_WORD_OPENING}[\w-]*\+{{0,2}}"
    r"|[a-z]+[A-Z][\w-]*)"
    r"(?=[\s,.;:)(]|$)"
)


# A linking word inside a given name before one coined word: "named GarmentsNet and DressingNet" gives
# two names, "called Garment-Specific Feature Extractor in GarmentsNet" one and where it sits (not
# "Learning to Act and Cooperate" or "Mixture of Experts": plain words after the link). Not "of", which
# joins a name's head to what it is made of ("Mixture of LoRAs", "Chain of LoRA"), and not after one
# plain word, no name without what follows it ("Prompting with ChatGPT", "Diffusion on SO3").
_LINK_BEFORE_LAST_WORD = re.compile(r"\s+(and|for|with|via|in|on|to)\s+(\S+)$")


def _given_names(match: re.Match[str]) -> list[tuple[int, int]]:
    start, end = match.span(1)
    link = _LINK_BEFORE_LAST_WORD.search(match.group(1))
    if link is not None and link.group(1) == "and" and _ACRONYM.fullmatch(link.group(2)) and (
        _ACRONYM.fullmatch(match.group(1)[: link.start()])
    ):
        # "called OCTAV and OMCAT respectively": two acronyms, each a name
        return [(start, start + link.start()), (start + link.start(2), end)]
    if link is None or not is_name_like(link.group(2)) or not _has_inner_capital(link.group(2)):
        return [(start, end)]
    before = match.group(1)[: link.start()]
    if " " not in before and "-" not in before and not is_name_like(before):
        return [(start, end)]
    first_end = start + link.start()
    if link.group(1) == "and" and " " not in before:
        return [(start, first_end), (start + link.start(2), end)]  # two single coined names, coordinated
    return [(start, first_end)]


_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{2,}")


def _has_inner_capital(word: str) -> bool:
    return any(ch.isupper() for ch in word[1:])


_METRIC_AFTER = re.compile(r"\s+(?:score|metric|measure)s?\b")
# "a novel model bge-en-icl": a coined name in lower case, given right after its kind.
_LOWER_COINED = re.compile(r"[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)+")


# "Dr. MAS", "Dr. GRPO", "Dr.Kernel-14B": a name styled as a doctor's, whose period ends no sentence.
_DOCTOR_NAME = re.compile(r"(?<![\w.])Dr\.\s?[A-Z][\w-]*(?:\.\d+)?")


def doctor_names(text: str) -> list[Span]:
    """Names that open with "Dr." (the name-shape rules stop at its period: "we propose Dr")."""
    if "Dr." not in text:
        return []
    return [Span(m.start(), m.end(), m.group(0), "pattern.doctor_name", confidence=0.7) for m in _DOCTOR_NAME.finditer(text)]


# A technique's acronym after capitalised words that name its variant: "Cascade RL", "Rollout DPO",
# "Identity RoPE", "Training-Free GRPO", "Pangu Pro MoE", "JumpReLU SAEs". Found from the acronym, then the
# words before it are read in a short window. The pattern opens with literals, no look-behind, so that re
# skips in C to their first letters; the caller reads the character before.
_TECHNIQUE_ACRONYM = re.compile(r"(?:R(?:L(?:HF|VR)?|oPE|AG)|DPO|GRPO|PPO|LoRA|Mo[EA]|SAEs?|SFT|CoT)(?![\w-])")
_VARIANT_WORDS_BEFORE = re.compile(r"(?<![\w-])((?:[A-Z][A-Za-z0-9]*+(?:-[A-Za-z0-9]++)*+\s+){1,2})$")
# Words before the acronym that make no variant of it: a class or another technique ("LLM RL", "CoT SFT",
# "MoE LoRA"), a judgement or a place in time ("Effective RL", "Prior RAG"), a number word, a function word
# that opens a sentence ("Can RL teach ...?", "Their RAG pipeline ...", "Like RLHF, ...").
_NO_VARIANT_WORDS = frozenset(
    [
        "LLM", "LLMs", "VLM", "VLMs", "MLLM", "MLLMs", "LMM", "LMMs", "LM", "RL", "DPO", "GRPO", "PPO", "RoPE", "LoRA",
        "MoE", "MoA", "SAE", "SAEs", "CoT", "RAG", "SFT", "RLHF", "RLVR", "FP8", "FP4", "Prior", "Effective",
        "Comprehensive", "Detailed", "Great", "Good", "Better", "Best", "Simple", "Naive", "Standard", "Vanilla",
        "Traditional", "Classic", "Classical", "Conventional", "Typical", "Existing", "Recent", "Current", "Modern",
        "Popular", "Common", "General", "Generic", "One", "Two", "Three", "Legal", "Medical", "Financial", "Clinical",
        "Scientific", "Under", "As", "Why", "How", "Does", "Do", "Make", "Mixture-of-Experts", "Can", "Could",
        "Should", "Would", "Will", "Is", "Are", "Was", "What", "Which", "Where", "Who", "If", "Like", "Their",
        "Other", "All", "Any", "No", "And", "Or", "But", "Pure", "Plain", "Efficient",
    ]
)


# Words that modify the acronym without naming a variant: another name's acronym used as a modifier
# ("GRPO-based", "LLM-driven", "MoE-style"), a property ("Docker-free", "TopK-routed", "SVD-structured",
# "KL-regularized"), a stage of training ("Stage-2 RL").
_MODIFIER_NOT_A_NAME = re.compile(
    r"[A-Z][A-Z0-9]+[a-z]?-(?:based|style|driven|like|guided|free|aware|centric)$"
    r"|.+-(?:free|based|structured|routed|regularized|regularised)$|(?:Stage|Step|Phase|Round)-?\d+$"
)


def modified_techniques(text: str, *, titled: bool) -> list[Span]:
    """A technique's acronym with the capitalised words of its variant before it ("Cascade RL"); not in a
    title-cased text ("Does RL Help?"), whose every word is capitalised."""
    found: list[Span] = []
    if titled:
        return found
    for acronym in _TECHNIQUE_ACRONYM.finditer(text):
        if acronym.start() and (text[acronym.start() - 1].isalnum() or text[acronym.start() - 1] in "_-"):
            continue  # inside a word ("xRL", "Mini-GRPO")
        window = max(0, acronym.start() - 80)
        match = _VARIANT_WORDS_BEFORE.search(text, window, acronym.start())
        if match is None:
            continue
        start = match.start(1)
        words = match.group(1).split()
        while words and (words[0] in _OPENERS or words[0] in _CLAUSE_OPENERS):
            start = text.index(words[1], start + len(words[0])) if len(words) > 1 else acronym.start()
            words = words[1:]
        if not words or any(
            word in _NO_VARIANT_WORDS or word.endswith("ing") or _MODIFIER_NOT_A_NAME.match(word) for word in words
        ):
            continue  # "Applying RLVR", "GRPO-based RL", "NTK-based RoPE", "Stage-2 RL"
        found.append(Span(start, acronym.end(), text[start : acronym.end()], "pattern.modified_technique", confidence=0.6))
    return found


def introduced_phrases(text: str, cues: IntroCues | None = None) -> list[Span]:
    """Names the paper presents as its own: "we propose FlashConv", "we introduce prompt flatness,
    a new metric", "We propose a new SSM layer, H3,", "we also introduce Self-Rubrics and
    Contrastive Filtering", "We also propose a query-side fine-tuning strategy".

    Args:
        cues: ``intro_cues(text)`` when the caller has them already.
    """
    found: list[Span] = []

    def add(start: int, end: int, rule: str, confidence: float, kind: str | None = None) -> None:
        if dash := _DASH_BEFORE_ARTICLE.search(text, start, end):
            end = dash.start()  # "MetaChain-a Fully-Automated ... framework": a dash for a comma
        elif version := _INTRODUCED_VERSION.match(text, end):
            end = version.end()  # "We introduce EXAONE 3.0 instruction-tuned language model": the release's number
        phrase = text[start:end]
        if _METRIC_AFTER.match(text, end):
            return  # "we propose the CoT score": a metric, which is no entity
        if " " not in phrase and phrase.rsplit("-", 1)[-1].islower() and modifier_compound(phrase):
            return  # "we build LLaMA-based agents": a name used as a modifier, found on its own
        if phrase.islower() and phrase.isalpha() and phrase in common_words():
            return  # "we construct positive (correct) and negative pairs": an ordinary word, no name
        if len(phrase) >= 2 and not _DETERMINER.match(phrase):
            found.append(Span(start, end, phrase, rule, kind, introduced=True, confidence=confidence))

    for _, end in intro_cue_spans(text, cues):
        named = _NAME_AFTER_VERB.match(text, end)
        lower_coined = named and _LOWER_COINED.fullmatch(named.group(1)) and _APPOSITIVE.match(text, named.end(1))
        if named and (is_name_like(named.group(1)) or _DEFINED_ACRONYM.match(text, named.start(1)) or lower_coined):
            # "We present dots.tts, a 2B-parameter ... model": a lower-case coined name the paper describes
            add(named.start(1), named.end(1), "pattern.introduced_name", 0.8)
            continue
        titled = _TITLE_CASE_NAMES.match(text, end)
        if titled and not _DETERMINER.match(titled.group(1)) and _DEFINED_AFTER.match(text, titled.end()):
            # "Learning to Act and Cooperate (LACMAS)": one name, defined by what follows it.
            add(titled.start(1), titled.end(), "pattern.introduced_title_case", 0.75)
            continue
        if titled and not _DETERMINER.match(titled.group(1)):
            position = titled.start(1)
            for part in _CONJUNCTION.split(titled.group(0).strip()):
                start = text.index(part, position)
                add(start, start + len(part), "pattern.introduced_title_case", 0.75)
                position = start + len(part)
            continue
        article_titled = _ARTICLE_TITLE_CASE.match(text, end)
        if article_titled:
            # "we introduce a Critique-Based Reward Model, which ...", "we propose the Agent-to-Lightroom
            # Protocol to ...": capitalised words after the article are the name of what is presented
            if not _NOT_A_PRESENTED_HEAD.search(article_titled.group(1)):
                kind = type_from_words(_before_preposition(article_titled.group(1)))  # "the X Benchmark for Y": data
                add(article_titled.start(1), article_titled.end(1), "pattern.introduced_article_title", 0.7,
                    kind if kind == "dataset" else None)
            continue
        after_np = _NAMED_AFTER_NP.match(text, end)
        if after_np and (is_name_like(after_np.group(1)) or after_np.group(1)[:1].isupper()):
            add(after_np.start(1), after_np.end(1), "pattern.introduced_appositive", 0.8)
            continue
        modifier = _MODIFIER_BEFORE_HEAD.match(text, end)
        if modifier and not _PLAIN_MODIFIERS.match(modifier.group(1)):
            # "a novel soft-to-hard clustering algorithm" names "soft-to-hard clustering"; "a simple yet
            # effective fine-tuning strategy" names nothing (one plain technique word is left).
            start = modifier.start(1)
            while plain := _PLAIN_WORD.match(text, start, modifier.end(1) + 1):
                start = plain.end()
            if capitalised := _CAPITALISED_AFTER_LOWER.match(text, start, modifier.end(1)):
                # "an adaptive Dressing-Attention mechanism": the capitalised words are the name
                add(capitalised.start(1), modifier.end(1), "pattern.introduced_modifier", 0.6)
                continue
            named = text[start : modifier.end(1)]
            if "-" in named and (start == modifier.start(1) or " " in named):
                add(start, modifier.end(1), "pattern.introduced_modifier", 0.6)
            continue
        phrase = _PHRASE_AFTER_VERB.match(text, end)
        second_verb = _SECOND_VERB.match(text, phrase.start(1)) if phrase else None
        if second_verb:
            phrase = _PHRASE_AFTER_VERB.match(text, second_verb.end())  # "we curate and release GEM-4M, a ..."
        if phrase and phrase.group(1).startswith(("and ", "or ")):
            continue  # "through appropriate design and fine-tuning, the ...": a verb's noun, then a conjunction
        if phrase and not _REPORTED_NOT_NAMED.search(phrase.group(1)) and not BUILT_UPON.match(phrase.group(1)):
            add(phrase.start(1), phrase.end(1), "pattern.introduced_phrase", 0.65)
    # Substring tests first (C speed): the patterns below need these words, and most texts lack them.
    # Each pattern below is searched from where its first word can first stand (a search from the
    # start tries it at every position before); -1 when the text lacks every such word.
    given = search_start(text, _PLAIN_NAMING_WORDS)  # each "as" form opens with its plain word: found with it
    for match in _GIVEN_NAME.finditer(text, given) if given >= 0 else ():
        for start, end in _given_names(match):
            add(start, end, "pattern.given_name", 0.75)
    trained = _trained_family_start(text)
    for match in _TRAINED_FAMILY.finditer(text, trained) if trained >= 0 else ():
        group = 1 if match.group(1) else 2
        add(match.start(group), match.end(group), "pattern.new_kind_named", 0.75)
    counted = "two " in text or "three " in text or "four " in text or "several " in text
    for match in _new_kinds_listed(text) if counted else ():
        for group in (1, 2):
            if is_name_like(match.group(group)):
                add(match.start(group), match.end(group), "pattern.new_kind_named", 0.75)
    resulting = text.find("resulting ")
    for match in _RESULTING_KIND_NAMED.finditer(text, max(0, resulting - 4)) if resulting >= 0 else ():
        name = match["name"]
        if _opens_sentence(name) or name.lower() in common_words():
            continue  # "The resulting model, However, ...": a word of the sentence, no name
        if is_name_like(name) or name[:1].isupper():
            kind = _RESULTING_KIND_TYPES.get(match["kind"])
            add(match.start("name"), match.end("name"), "pattern.new_kind_named", 0.75, kind)
    for match in _new_kinds_named(text):
        if is_name_like(match.group(1)) or _LOWER_COINED.fullmatch(match.group(1)):
            add(match.start(1), match.end(1), "pattern.new_kind_named", 0.75)
    for match in _new_kinds_headings(text):
        kind = _heading_kind(match["kind"])
        for item in _HEADED_ITEM.finditer(match["items"]):
            named = item.group(1)
            if all(word.lower() in common_words() for word in named.split()) or _PLAIN_TITLE_WORD.fullmatch(named):
                # "three new benchmarks (English, Chinese, and Japanese)", "new checkpoints (Base, Instruct,
                # and Chat)": words of the sentence, no names
                continue
            start = match.start("items") + item.start(1)
            add(start, start + len(named), "pattern.new_kinds_heading", 0.75, kind)
    return found


TYPE_HEADS = {
    "dataset": re.compile(
        # ("an instruction-tuned model suite", "a model collection": what they hold is models)
        r"\b(?<!-)(?:dataset|datasets|data set|benchmark|benchmarks|corpus|corpora|testbed|test suite|"
        r"(?<!model )(?<!models )(?:suite|collection)|"
        r"leaderboard|arena|challenge|evaluation set|question bank|training (?:data|set|split)|test set|datastore|"
        r"(?:supervision|validation|held-out|preference|calibration) set)\b(?!-)"
        # "a large-scale ... knowledge graph designed as ...": data, when it is the head (not "a knowledge
        # graph embedding model", "a knowledge graph enhanced adapter")
        r"|\bknowledge (?:graph|base)s?(?=\s*(?:[,.;:)]|$)|\s+(?:of|for|that|which|built|designed|constructed|"
        r"covering|spanning|containing|with|from|in|on|to)\b)",
        re.IGNORECASE,
    ),
    "model": re.compile(
        r"\b(?:(?i:models?|language models?|foundation models?|checkpoints?|retrievers?|generalists?|assistants?|"
        r"chatbots?|encoders?|networks?|embedders?|reasoners?|generators?|tokenizers?)|LLMs?|LMs?|VLMs?|LVLMs?|MLLMs?|LMMs?|PRMs?|ORMs?|VLAs?|LRMs?|SLMs?|LALMs?"
        r"|[A-Za-z]+(?:LLM|VLM|MLLM|LMM))\b(?!-)"  # "a proactive VideoLLM" (one, not "dLLMs with ...")
        # "A Unified Multimodal Model Codebase", "an LLM serving engine": the word after is the head
        r"(?!\s+(?i:codebase|toolkit|toolbox|library|framework|platform|infrastructure|engine|serving|zoo)\b)",
    ),
}
# "MOVA (MOSS Video and Audio), an open-source model": a parenthesis may stand between;
# "Our novel resource, INCLUDE, is a comprehensive benchmark": so may a comma before "is".
_APPOSITIVE = re.compile(
    # "TOMATO, Temporal Reasoning Multimodal Evaluation, a novel benchmark": an expansion in capitals may stand between
    r"(?:\s*\([^()]{1,80}\))?(?:\s*,\s*(?:[A-Z][\w'-]*\s+){1,6}[A-Z][\w'-]*(?=\s*,))?(?:\s*,\s*|\s*\(\s*|\s*:\s*|\s+--\s*|\s+—\s*|\s*,?\s+is\s+|\s+as\s+)"
    r"(?:an?|the|our)\s+((?:[^.;]|\.(?=\d)){0,80})"  # a full stop ends it, a decimal point does not ("a 3.8B-parameter model")
)


# Name shapes that say what a coined name is: suites and data sets end in Bench/Arena/Eval/QA/Data or
# a sample count ("PAP-12K", "Ruler-128K"); checkpoints carry a parameter count or a release tag.
_DATASET_SHAPE = re.compile(
    r"(?:Bench|bench|BENCH|Arena|ARENA|Eval|EVAL|QA|Corpus|Dataset|DATASET|(?<=[a-z0-9-])Data)(?:[-\s]?(?:\+\+|\+|v?\d+(?:\.\d+)*|Pro|Lite|Verified|Hard|Mini))*$"
    r"|[-_]\d+(?:\.\d+)?[KkM]$|(?<=[a-z])\d+[Kk]$"  # "PAP-12K", "HQ-Poster100K", "VidGen-1M": a count of samples
    r"|(?<=[a-z])Set$|-Set$"  # "JamSet", "Xwin-Set"
    r"|-[A-Za-z0-9]+-(?:Train|Test)$"  # "GUI-Critic-Train": a split of data (not "Tensor-Train")
    r"|[\s-](?:Suite|Benchmark|Leaderboard|Testbed)$"  # "Generative Fluid Intelligence Evaluation Suite", "CUA-Suite"
)
# An environment agents are tested in ("MobileGym", "SimplerEnv"): a benchmark unless the text
# calls it something else ("EvoEnv, a single-policy generator, solver method").
_ENVIRONMENT_SHAPE = re.compile(r"(?:Gym|GYM|Env)$")


def environment_shaped(name: str) -> bool:
    return _ENVIRONMENT_SHAPE.search(name) is not None


# "Qwen3-8B", "Pythia-410M-deduped", "MobileLLM 125M": a parameter count in a name.
_PARAMETER_COUNT = re.compile(r"[-_\s]\d+(?:\.\d+)?B(?:[-_\s]|$)|[-_\s]\d+(?:\.\d+)?M[-_\s]|\s\d+(?:\.\d+)?M$")
_RELEASE_TAG = re.compile(
    r"[-_](?:R1|VL|Instruct|Chat|Coder|Base|Thinking|Reasoner|instruct|chat)(?:[-_\s]|$)"
    r"|(?:[-_\s]v|-)\d+\.\d+$|[-_]v\d+$"  # a released version: "Mirothinker-v1.0", "HyVLA-0.5", "Glyph-SDXL-v2"
    r"|(?:[A-Za-z]\d+(?:\.\d+)*|[a-z](?:LLM|VLM|LM|GPT))-(?:Mini|Pro|Flash|Max|Plus|Turbo|Nano|Lite|Air|Ultra)$"
    # a tier of a release or of a model line: "LLaDA2.1-Mini", "MobileLLM-Pro"
)


@lru_cache(maxsize=8192)  # a pure function of the name, asked again of each candidate and cluster
def type_from_shape(name: str) -> str | None:
    """dataset or model when the name's own shape says so ("SWE-Bench Verified", "PAP-12K",
    "Qwen3-8B", "X-VL"); None for shapes that could be anything."""
    if _PARAMETER_COUNT.search(name):
        return "model"  # "Yi-6B-200K": a checkpoint with its context length
    if _DATASET_SHAPE.search(name) or _DIFFICULTY_CUT.search(name):
        return "dataset"
    if _RELEASE_TAG.search(name):
        return "model"
    return None


_DIFFICULTY_CUT = re.compile(r"\w-(?:hard|easy|medium|extreme)$")  # "VisualSimpleQA-hard": a cut of a benchmark
# Items of data, counted or described: "30K high-quality, long-form texts", "annotated video clips";
# things that are data only when counted: "1,200 competition problems" (not "a family of problems", a task).
_DATA_ITEMS = re.compile(
    r"(?:[\d,.]+\s?[KMB]?\+?\s+)?(?:[\w-]+,?\s+){0,3}(?:texts|images|videos|clips|samples|examples|pairs|documents|"
    r"conversations|dialogues|trajectories|recordings|annotations|utterances|articles|sentences|demonstrations)(?![\w-])"
    r"|[\d,.]+\s?[KMB]?\+?\s+(?:[\w-]+,?\s+){0,3}(?:problems|questions|prompts|queries|instances|scenes|episodes|tasks)(?![\w-])",
    re.IGNORECASE,
)
# Trained parts named as the head noun only ("a ViT-style backbone", "a neural audio codec"), not as a
# modifier ("a backbone adapter", "Codec Primitives", "Segmenter Prompting").
# ("a codec based on ...", "a ViT-style backbone built around ...": a participle may follow)
_PART_HEAD = re.compile(r"\b(?:backbones?|codecs?|vocoders?|segmenters?)(?:$|\s+(?:\w+ed|built)\b)", re.IGNORECASE)
# "a concatenation of deduplicated Portuguese text corpora": a whole made of what it holds
_COLLECTIVE_OF = re.compile(
    r"\b(?:suite|family|series|collection|set|range|zoo|concatenation|compilation|aggregation)\s+of\s+(.*)$", re.IGNORECASE
)


def type_from_words(words: str) -> str | None:
    """dataset or model when a head noun says so ("a new benchmark", "a 32B dense language model");
    in "a suite of clinical LLMs" what the suite holds says it."""
    held = _COLLECTIVE_OF.search(words)
    if held and (TYPE_HEADS["model"].search(held.group(1)) or _PART_HEAD.search(held.group(1).split(" that ")[0].rstrip())):
        return "model"
    if held and _DATA_ITEMS.match(held.group(1)):
        return "dataset"  # "a large set of 30K high-quality, long-form texts": what the set holds is data
    for kind in ("dataset", "model"):
        if TYPE_HEADS[kind].search(words):
            return kind
    if _PART_HEAD.search(words.rstrip(" ,.;:")):
        return "model"
    return None


_COLLECTIVE = re.compile(r"\b(?:family|series|suite|collection|set|concatenation|compilation|aggregation)$")


_TRAINED_THING = re.compile(
    r"\b(?:system|network|head|encoder|detector|classifier|predictor|policy|agent)s?\s+(?:pre-?)?trained\b"
    # "a twin pairwise ranker trained over ...", not "a framework that steers pretrained models"
    r"|(?<!that )(?<!which )\b\w+(?:er|or)s?\s+(?:pre-?)?trained\s+(?:on|over|with|from|using)\b"
)
_PARAMETER_COUNT_WORDS = re.compile(r"(?:[\w-]+\s+){0,2}?\d+(?:\.\d+)?\s?[BMK]-?(?:parameter|param)s?\b", re.IGNORECASE)
# Head nouns that make an appositive say "method", whatever modifies them.
_BENCHMARK_FRAMEWORK = re.compile(r"\b(?:benchmark|benchmarking)\s+(?:framework|protocol|pipeline|toolkit)$", re.I)
# "an evaluation framework", not "a unified training and evaluation framework" (a technique that also evaluates)
_EVALUATION_FRAMEWORK = re.compile(r"(?<!and )\bevaluation\s+(?:framework|platform|environment|harness)$", re.I)
_METHOD_HEAD = re.compile(
    r"\b(?:method|framework|approach|technique|algorithm|strategy|paradigm|protocol|pipeline|mechanism|"
    r"procedure|recipe|scheme|objective|regularizer|module|toolkit|library)s?$",
    re.IGNORECASE,
)


def past_latex_brace(text: str, end: int) -> int:
    """Where the words after a name start when a LaTeX text command closes on it ("\\textsc{X}, a")."""
    return end + 1 if text.startswith("}", end) else end


def _first_words(words: list[str], count: int) -> list[str]:
    """The first ``count`` words, not counting those a comma ends inside a run of modifiers."""
    counted, listed = 0, False
    for index, word in enumerate(words):
        # "trainable, efficient, and massively scalable": a modifier a comma ends, and the list's "and",
        # do not count (a head noun does: "a video editing model, and X, a benchmark")
        listed = (
            word.endswith(",")
            and index + 1 < len(words)
            and words[index + 1][:1].islower()
            and type_from_words(word[:-1]) is None
            and not _METHOD_HEAD.search(word[:-1])
        ) or (word in ("and", "or") and listed)
        if not listed:
            counted += 1
        if counted == count:
            return words[: index + 1]
    return words


# "X and Y, two high-quality benchmarks for ...": an appositive that counts the names listed before it
# types each of them. The names are single capitalised words (coined ones), 1-4 before the last.
_COUNTED_APPOSITIVE = re.compile(
    r"((?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)[A-Z][\w.+'-]*){0,4})\s*,\s*(?:two|three|four|five|both)\s+((?:[^.;]|\.(?=\d)){0,80})"
)
# The last name of such a list has one before it ("X and Y, two ..."); a name alone before a count is
# no list ("For ZorbNet, two datasets are used": the count is the sentence's subject).
_LISTED_NAME_BEFORE = re.compile(r"[A-Z][\w.+'-]*(?:\s*,\s*(?:and\s+)?|\s+and\s+)[A-Z][\w.+'-]*$")


def type_from_appositive(text: str, end: int) -> str | None:
    """The type an appositive right after a name gives: "X, a large-scale benchmark ..." -> dataset."""
    match = _APPOSITIVE.match(text, past_latex_brace(text, end))
    if match is not None:
        description = match.group(1)
    else:
        counted = _COUNTED_APPOSITIVE.match(text, end)
        if counted is None or not (counted.group(1) or _LISTED_NAME_BEFORE.search(text, max(0, end - 200), end)):
            return None
        description = counted.group(2)
    words = re.sub(r"\([^)]*\)", " ", description)
    # Only the first few words: "X, a framework that improves language models" is a method; words of a
    # list of modifiers do not count ("the first fully automated, large-scale, spatially-aware multimodal
    # dataset"). A space after the last word, so that a stop word there is cut too ("... removal method that").
    head = " ".join(_first_words(words.split(), 6)) + " "
    if _COLLECTIVE_OF.search(head):  # "a new and improved family of encoder-free VLMs": read what it holds
        head = " ".join(words.split()[:10]) + " "
    # "a controlled benchmark over four abstract strategy games": what follows a preposition or participle
    # describes the thing, and its nouns do not type it
    for stop in (" that ", " which ", " for ", " to ", " with ", " of ", " in ", " on ", " designed ", " over ", " across ",
                 " covering ", " spanning ", " derived "):
        if stop == " of " and _COLLECTIVE.search(head.split(stop)[0]):
            continue  # "a new family of encoder-free VLMs": what the family holds types it
        head = head.split(stop)[0] + " "  # the space kept, so that a later stop word at the end is cut too
    head = head.rstrip()
    if _TRAINED_THING.search(" ".join(words.split()[:12])):
        return "model"  # "a multimodal system trained on 87,547 runway images": what is trained is a model
    if _PARAMETER_COUNT_WORDS.match(words.strip()):
        return "model"  # "a 9B-parameter hybrid architecture": what has a parameter count is a trained model
    if _BENCHMARK_FRAMEWORK.search(head) or _EVALUATION_FRAMEWORK.search(head) or _EVALUATING_FRAMEWORK.match(words.strip()):
        # "a comprehensive benchmark framework for evaluating T2I models", "a dynamic evaluation framework",
        # "a framework that evaluates memory capabilities": what evaluates others is a benchmark (readers of
        # the read sets: 46 so, 17 a method)
        return "dataset"
    if " and " in head and type_from_words(head.split(" and ")[0]) == "dataset":
        return "dataset"  # "DexJoCo, a benchmark and toolkit for ...": a benchmark first, which its tools serve
    if _METHOD_HEAD.search(head):
        return "method"  # "a model-agnostic and simple method", "a benchmark-driven framework"
    if _TRANSFORMER_HEAD.search(head):
        return "model"  # "Zebra, a novel generative auto-regressive transformer": a network the paper trains
    return type_from_words(head)


# A transformer named as what a coined name is; not a class word of other names ("a Transformer"
# alone is the architecture) and not in the title, where "Transformer" heads techniques as often.
# The head may keep the participle its clause starts with ("... transformer designed to solve PDEs").
_TRANSFORMER_HEAD = re.compile(r"\w[\w-]*\s+[Tt]ransformers?(?:\s+(?:built|tailored|trained|developed))?$")


# ---------------------------------------------------------------------------------------------
# Titles
# ---------------------------------------------------------------------------------------------

_GENRE_PREFIXES = frozenset(["position", "perspective", "opinion", "commentary", "editorial", "viewpoint", "erratum"])
# ("GenCtrl -- A Formal Controllability Toolkit ...": a spaced dash for the colon)
_TITLE_SPLIT = re.compile(r"^(.{2,60}?)(?:\s*:\s*|\s+(?:--|\u2014|\u2013)\s+)(.+)$")
_SURVEY = re.compile(r"\b(?:survey|review|overview|tutorial|recent advances|position paper|perspective|primer)\b", re.I)
_TITLE_STOPWORDS = {
    "a",
    "an",
    "the",
    "of",
    "is",
    "are",
    "to",
    "and",
    "or",
    "in",
    "on",
    "for",
    "with",
    "all",
    "more",
    "less",
    "what",
    "why",
    "how",
    "when",
    "do",
    "does",
    "not",
    "you",
    "your",
    "we",
    "it",
    "be",
    "can",
    "let",
    "my",
    "from",
    "at",
    "by",
    "as",
    "than",
    "this",
    "that",
    "need",
    "better",
    "beyond",
    "towards",
    "toward",
}


_QUESTION_WORDS = frozenset(
    ["how", "what", "why", "when", "which", "who", "where", "can", "do", "does", "is", "are", "should", "will", "could"]
)


# A title's prefix of two to five plain words opening with a capitalised one that is no question,
# function or gerund word ("Walking in the Implicit", "Draw an Audio"; not "How Far Are We", "Towards
# Better X", "Scaling Laws for X").
_NOT_NAMING_FIRST_WORDS = sorted(_QUESTION_WORDS) + [
    "towards", "toward", "beyond", "the", "a", "an", "on", "in", "for", "from", "to", "let", "less", "more", "all",
    "not", "if", "one", "no", "learning", "scaling", "rethinking", "revisiting", "understanding", "improving",
    "evaluating", "benchmarking", "training", "exploring", "unlocking", "unleashing", "boosting", "enhancing",
    "making", "teaching",
]  # fmt: skip
_NAMING_PHRASE = re.compile(rf"(?!(?i:{'|'.join(_NOT_NAMING_FIRST_WORDS)})\b)[A-Z][\w'-]*(?:\s+[\w'-]+){{1,4}}")


@dataclass(frozen=True, slots=True)
class TitleName:
    """The name a title's prefix gives ("SpecPrefill: ..."), and the type its description suggests."""

    name: str
    start: int
    end: int
    type: str | None
    multiword: bool
    whole: bool = False  # the whole title, no prefix: kept only when the abstract writes it again
    # The description's head is a trained model's class ("X: A ... World Foundation Model", "X: A Proactive
    # VideoLLM"), not a word many techniques are also called ("Diffusion Model", "Flow Model").
    firm_model: bool = False
    # "X: Benchmarking ...": the description benchmarks something, so X is typed a benchmark.
    benchmarking: bool = False
    # A phrase with words in lower case ("Walking in the Implicit: ..."): a name only where the abstract
    # writes it again as the title does ("We propose Walking in the Implicit, a ...").
    phrase: bool = False
    # The opening of a long title ("Patch-Level Training for ..."), which a known technique's name is not.
    leading: bool = False


_PREPOSITION = re.compile(r"\s(?:for|with|of|in|on|via|by|from|to|through|towards?|using|at|under)\s", re.IGNORECASE)


# "950,000 Hours of Speech Data", "1M Images of ...", "15 Trillion Tokens of ...": a description that
# opens with a count of units of something.
_COUNT_OF_DATA = re.compile(
    r"(?:over\s+|more\s+than\s+)?\d[\d,.]*\s*(?:[KMBT]\+?|k\+?|\s(?i:thousand|million|billion|trillion))?\s+"
    r"(?i:hours|images|videos|tokens|samples|examples|pairs|documents|clips|questions|tasks|problems|instructions|"
    r"conversations|dialogues|trajectories|utterances|sentences|words|frames|scenes)\s+of\b"
)


def _before_preposition(description: str) -> str:
    return _PREPOSITION.split(_TITLE_VERB.split(description, maxsplit=1)[0], maxsplit=1)[0]


# A title-cased verb after a description's subject ("Process Reward Learning Improves LLMs' Reasoning",
# "Autoregressive Model Beats Diffusion"): the description is a sentence, whose subject says what the
# name is, not the nouns after its verb.
_TITLE_VERB = re.compile(
    r"\s(?:Improves|Enables|Makes|Boosts|Unlocks|Unleashes|Drives|Helps|Outperforms|Beats|Yields|Leads|"
    r"Reveals|Achieves|Bridges|Brings|Turns|Teaches|Powers|Enhances|Accelerates|Reduces|Breaks|Solves|Matches|"
    r"Surpasses|Rivals|Scales|Learns|Allows|Lets|Gives|Creates|Transforms|Elicits|Empowers|Broadens)\s"
)


# "Kimi K2 Technical Report", "dots.tts Technical Report", "GPT-4o System Card": the report presents the
# named system.
_REPORT_TITLE = re.compile(
    r"^(\S.{0,58}?)\s+(?:(?:Technical|Tech\.?|System)\s+Report|(?P<card>(?:System|Model)\s+Card))(?:\s*:\s*(?P<description>.+))?$",
    re.IGNORECASE,
)


# What a report's title may open with that names no system: "Towards a Model Card", "A Technical Report".
_NO_SYSTEM_BEFORE_REPORT = re.compile(r"^(?:towards?|on|an?|the|our|my|this|writing|auditing)\b|\b(?:an?|the|our)$", re.I)


def _names_a_system(report: re.Match[str]) -> bool:
    """The words before "Technical Report" or "System Card" name a system: not an article or a lead-in,
    not one ordinary word ("Interactive Model Card"); before a card, a name's shape ("GPT-4o", "OpenAI o1",
    "Claude 3"), as "model card" is as often a kind of document."""
    name = report.group(1)
    if _NO_SYSTEM_BEFORE_REPORT.search(name) or (" " not in name and name.lower() in common_words()):
        return False
    return report.group("card") is None or re.search(r"\d|[a-z][A-Z]|-", name) is not None


# "One Billion Word Benchmark for Measuring Progress ...", "Neural Code Search Evaluation Dataset": a
# title that opens with a data set's capitalised name.
_DATA_SET_TITLE = re.compile(r"^((?:[A-Z0-9][\w-]*\s+){1,5}(?:Benchmark|Dataset|Corpus))(?=\s+for\b|\s*$)")


def _whole_title_name(title: str) -> TitleName | None:
    """"Antidistillation Sampling", "Dynamic Linear Attention": a short title of capitalised words
    built like a technique's name is the name of what the paper presents (the resolver keeps it
    only when the abstract writes it again)."""
    words = title.split()
    if not 2 <= len(words) <= 5 or any(w.lower() in _TITLE_STOPWORDS for w in words):
        return None
    if not all(w[:1].isupper() or w[:1].isdigit() for w in words) or _SURVEY.search(title):
        return None
    if not technique_shaped(title) or TYPE_HEADS["model"].search(words[-1]) or TYPE_HEADS["dataset"].search(words[-1]):
        return None
    return TitleName(title, 0, len(title), None, True, whole=True)


# "We introduce hyperagents, ...", "We introduce the problem of diverse dictionary learning", "we propose
# quantitative LLM judges": a verb of presenting, said by the authors, then within its clause the words
# of a short title with no colon ("Hyperagents", "Diverse Dictionary Learning", "Quantitative LLM Judges").
_PRESENTED_BEFORE = re.compile(
    r"\b(?:[Ww]e|[Oo]ur\s+\w+|[Tt]his\s+(?:paper|work|study))\s+(?:\w+\s+){0,2}?(?:propos|introduc|present|formali[sz]|formulat|call|term|dub)\w*\b[^.;:!?()]{0,70}$"
)


# A title that opens with a technique's capitalised name and says what it is for or how it works.
_LEADING_TECHNIQUE = re.compile(r"((?:[A-Z][\w-]*\s){1,4}[A-Z][\w-]*)\s(?:for|via|with|in|through|from|under|towards?)\s")
# First words of a long title's opening that make it a topic or a description rather than a name.
_TOPIC_OPENERS = frozenset([
    "a", "an", "the", "efficient", "effective", "scalable", "robust", "simple", "fast", "better", "improved", "towards", "toward",
])
_NAME_GOES_ON_TO_SHORT_FORM = re.compile(r"\s+(?:for|from|of|with|and)\s+[^.,;()]{0,40}\(")


def _in_a_longer_name(text: str, start: int, end: int) -> bool:
    """The words at start..end are part of a longer name: a capitalised word stands before them ("the Textual
    Temporal reasoning Transfer (T3)"), or the name goes on to its short form ("Multi-Task Reinforcement Learning
    for MLLM-as-a-Judge (MT-RL-Judge)")."""
    return (
        _CAPITALISED_WORD_BEFORE.search(text, max(0, start - 30), start) is not None
        or _NAME_GOES_ON_TO_SHORT_FORM.match(text, end) is not None
    )


def presented_title(title: str, abstract: str, abstract_lower: str | None = None) -> TitleName | None:
    """A short title without a colon that the abstract presents in its own words (see _PRESENTED_BEFORE):
    the name of what the paper presents, which title_name finds only for titles built like a technique's.

    Args:
        abstract_lower: ``abstract.lower()`` when the caller has it already (the resolver does)."""
    if any(ch in title for ch in ":?!") or _SURVEY.search(title) or _REPORT_TITLE.match(title):
        return None
    words = title.split()
    leading = len(words) > 5
    if leading:
        # "Patch-Level Training for Large Language Models": the technique a long title opens with, when it is
        # of three words or more ("Data Selection via ...", two words, is a topic as often as a name)
        opening = _LEADING_TECHNIQUE.match(title)
        if opening is None or not technique_shaped(opening.group(1)) or len(re.split(r"[\s-]+", opening.group(1))) < 3:
            return None
        if opening.group(1).split()[0].lower() in _TOPIC_OPENERS:
            return None  # "Efficient Agent Training for ...", "A Multi-Dimensional Constraint Framework for ...": a topic
        title = opening.group(1)
        words = title.split()
    stem = title.removesuffix("s")  # "Hyperagents" also as "hyperagent"; not "Loss" as "Lo"
    if stem.lower() not in (abstract.lower() if abstract_lower is None else abstract_lower):
        return None  # most titles: the abstract does not write them again (no pattern made for them)
    # not the start of a longer name ("We introduce Generative Recursive reAsoning Models (GRAM)" for the
    # title "Generative Recursive Reasoning"), nor what a study explores ("the first exploration into X")
    phrase = re.compile(r"(?<![\w-])" + re.escape(stem) + r"s?(?![\w-])(?!\s+(?-i:[A-Z]))", re.IGNORECASE)
    for found in phrase.finditer(abstract):
        if abstract[max(0, found.start() - 5) : found.start()] == "into ":
            continue
        if leading and _in_a_longer_name(abstract, found.start(), found.end()):
            continue
        if _PRESENTED_BEFORE.search(abstract, max(0, found.start() - 120), found.start()):
            return TitleName(title, 0, len(title), None, len(words) > 1, whole=True, leading=leading)
    return None


# "X: Benchmarking LLM Judges for ...", not "X: Benchmarking and Learning ...", which does two things.
_BENCHMARKING_ALONE = re.compile(r"Benchmarking\s+(?![\s,&]|and\b)", re.IGNORECASE)


# A release written in lower case in a title's name: "v2", "v0.1", "k1.5" ("Kimi k1.5"); not any letter and number
# ("Zorb p50: Latency Matters" names a percentile).
_VERSION_WORD = re.compile(r"[vk]\d+(?:\.\d+)*")


def title_name(title: str) -> TitleName | None:
    """The proposed system's name when the title has the form "Name: description" or "Name Technical Report",
    or opens with a data set's name."""
    report = _REPORT_TITLE.match(title.strip())
    if report and ":" not in report.group(1) and len(report.group(1).split()) <= 4 and _names_a_system(report):
        # Nearly every technical report presents a trained model ("Qwen2.5-VL", "Hermes 3", "RLDX-1"): a
        # model, unless the abstract's appositive says what else it is ("StreamingClaw, a unified agent
        # framework") or a description after the report does ("AgentDS Technical Report: Benchmarking ...",
        # "SageAttention2 Technical Report: Accurate 4-Bit Attention ...").
        name, description = report.group(1), report.group("description") or ""
        described = _description_kind(description)[0] if description else None
        if described is None and description and technique_shaped(_before_preposition(description).strip()):
            described = "method"
        kind = described if described in ("dataset", "method") else "model"
        firm = kind == "model" and _TRAINED_MODEL_CLASS.search(_before_preposition(description).rstrip()) is not None
        return TitleName(name, 0, len(name), kind, len(name.split()) > 1, firm_model=firm)
    data_set = _DATA_SET_TITLE.match(title.strip())
    if data_set and ":" not in title and not data_set.group(1).startswith(("A ", "The ", "An ")):
        name = data_set.group(1)
        return TitleName(name, 0, len(name), "dataset", True)
    match = _TITLE_SPLIT.match(title)
    if match is None:
        return _whole_title_name(title)
    name, description = match.group(1).strip(), match.group(2)
    if _SURVEY.search(description) or _SURVEY.search(name) or name.lower() in _GENRE_PREFIXES:
        return None  # "Position: Interactive Generative Video as ...": the kind of paper, no name
    words = name.split()
    phrase = False
    if len(words) == 1:
        if not (is_name_like(name) or name.isupper() or name[:1].isupper()) or len(name) < 2:
            return None
    elif len(words) > 4 or any(w.lower() in _TITLE_STOPWORDS for w in words) or "," in name or not all(
        w[:1].isupper() or w[:1].isdigit() or _VERSION_WORD.fullmatch(w) for w in words  # "Kimi k1.5", "OWSM v4"
    ):
        # A phrase ("Imagine yourself: ...", "Draw an Audio: ..."), kept only where the abstract writes it
        # again; not two names joined ("X and Y: ...")
        if not _NAMING_PHRASE.fullmatch(name) or any(w.lower() in ("and", "or", "&", "vs", "vs.") for w in words):
            return None
        if any(w[:1].islower() and not w.isalpha() for w in words):
            return None  # "Zorb p50: Latency Matters": a lower-case word with a number is a measure, no word of a name
        phrase = True
    kind, benchmarking = _description_kind(description)
    firm = kind == "model" and _TRAINED_MODEL_CLASS.search(_before_preposition(description).rstrip()) is not None
    return TitleName(name, match.start(1), match.start(1) + len(name), kind, len(words) > 1, firm_model=firm,
                     benchmarking=benchmarking, phrase=phrase)


# A framework, platform, environment or simulator for evaluating: what evaluates others is a benchmark
# (read sets: 11 titles so, 2 typed otherwise by their readers), in a title's description or an appositive.
_EVALUATING_FRAMEWORK = re.compile(
    r"(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,4}?(?:framework|platform|environments?|simulator|testbed|infrastructure)\s+"
    r"(?:for\s+(?:evaluating|benchmarking|assessing|testing|measuring|auditing)|that\s+(?:evaluates|assesses|benchmarks))\b",
    re.IGNORECASE,
)


# A description headed by "... Evaluation" ("Fine-grained Multimodal Evaluation for ..."): what X is, a benchmark.
_EVALUATION_HEAD = re.compile(r"\b[A-Z][\w-]*\s+Evaluation\s*$")


def _description_kind(description: str) -> tuple[str | None, bool]:
    """The type a title's description after "Name:" gives the name, and whether it is "Benchmarking ...".
    "X: A Large Vision-Language Model ..." says what X is; "X: Aligning Language Models ..." says what X
    does to something else, so a verb-led description gives no type."""
    first = description.split()[0].lower() if description.split() else ""
    if first in _QUESTION_WORDS:
        return None, False  # "X: How Large Language Models Behave ..." asks about models; X is none
    if first == "benchmarking" and _BENCHMARKING_ALONE.match(description) is not None:
        return "dataset", True  # "AudioTrust: Benchmarking the ... of Audio LLMs": what benchmarks is a benchmark
    if first.endswith("ing"):
        return None, False
    if _COUNT_OF_DATA.match(description):
        return "dataset", False  # "MOSEL: 950,000 Hours of Speech Data for ...": a quantity of something is data
    if _EVALUATING_FRAMEWORK.match(description):
        return "dataset", False  # "Cybench: A Framework for Evaluating ...", "DialSim: A Real-Time Simulator for Evaluating ..."
    if _EVALUATION_HEAD.search(_before_preposition(description)):
        return "dataset", False  # "FORGE: Fine-grained Multimodal Evaluation for Manufacturing Scenarios": a benchmark
    sentence = _TITLE_VERB.split(description, maxsplit=1)
    if len(sentence) > 1 and " " not in sentence[0].strip():
        return None, False  # "Thinkless: LLM Learns When to Think": a class of models as a sentence's subject
    held = _COLLECTIVE_OF.search(description)
    if held and held.start() < 30:  # "X: A Suite of Clinical LLMs": what the suite holds says what X is
        return type_from_words(description), False
    return type_from_words(_before_preposition(description)), False


# The classes of trained models that no technique is called by, one of them as the head of the title's
# description: a foundation model, a language model of some kind ("A Proactive VideoLLM"), a
# vision-language-action model (a VLA). Not plural: "X: Softmax-Only LLMs for ...", "X: Hash-based Generative
# Language Models" describe models of a kind, often a technique's.
_TRAINED_MODEL_CLASS = re.compile(
    r"\b(?:(?i:foundation\s+model|language\s+model|language-action\s+model|generation\s+model|generative\s+model)"
    r"|[A-Za-z]*(?:LLM|VLM|LMM)|VLA(?:\s+model)?)$"
)
