"""Inferred citations: paper A mentions a model, dataset or method that paper B introduces, so A
(very likely) cites B: ``(A)-[:CITES {inferred: true, via, evidence, confidence}]->(B)``.

Names are only linked when they cannot be ordinary phrases. Guards, each for a failure seen in
paper listings:
- the name must look coined: an inner capital (RoBERTa), an acronym (GLUE), a digit (Vid2Seq),
  a two-part capitalised compound (Mini-Gemini); or be a multi-word proper name (Visual Genome)
  that leads the introducer's title. All-lowercase names ("contrastive learning"), names of
  function words only ("Less is More"), longer compounds (Vision-Language-Action) and names of
  three characters or fewer (MoA) never link;
- A spells the name exactly, case included, as whole tokens: "less is more" is not "Less is More";
- the introducer B spells it too (or a spelling with the same normalised form): an alias another
  paper attached to the entity may mean something else;
- exactly one paper introduces the name (two claimants make the link a guess), with a trusted
  claim: a title prefix or a confident abstract claim, never a name the gazetteers already know;
- A is not published before B when both dates are known.

Names are compared across entity types (one paper's model Vid2Seq is another's method) and found
in A's title and abstract even where the extractors did not tag them.
"""

from __future__ import annotations

import re
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import chain
from typing import Any

from paperkg.extractors.candidates import split_sentences
from paperkg.extractors.patterns import PLURAL_ACRONYM
from paperkg.extractors.words import common_words
from paperkg.model import NAME_TOKEN, Edge, GraphBatch, match_key, match_key_of_words, match_letters
from paperkg.store.base import ENTITY_NODE_LABELS, INFERRED_CITATION_PROPS, GraphStore, IntroducedNameIndex
from paperkg.workers import Workers

CONFIDENCE_BY_SHAPE = {"coined": 1.0, "proper": 0.8}

# Function words (and words that make paper-title slogans); a name made of these alone is a phrase.
_FUNCTION_WORDS = frozenset(
    (
        "a", "about", "all", "an", "and", "any", "are", "as", "at", "bad", "be", "better", "beyond", "big",
        "by", "can", "do", "does", "for", "from", "get", "good", "how", "in", "into", "is", "it", "its",
        "just", "less", "let", "lets", "look", "made", "make", "makes", "more", "most", "need", "new", "no",
        "not", "of", "old", "on", "one", "only", "or", "our", "over", "see", "small", "so", "than", "that",
        "the", "their", "them", "there", "these", "think", "this", "to", "too", "towards", "under", "up",
        "us", "via", "we", "what", "when", "where", "which", "who", "why", "will", "with", "without", "you",
        "your",
    )
)
_WORD = re.compile(r"[^\W_]+")
# A name used as a modifier ("MLLM-based", "GPT-style") names no thing of its own.
_MODIFIER_SUFFIX = re.compile(r"-[a-z]+$")
_MODIFIER_INSIDE = re.compile(r"-(?:based|style|like|driven|aware|guided|free|level|wise|specific|centric|oriented|powered)\b")
# Short forms of model classes with a letter or two in front ("dLLM", "MLLMs", "VLMs").
_GENERIC_SHORT_FORM = re.compile(r"^[A-Za-z]{0,2}(?:LLM|LM|VLM|LMM|MLLM|LVLM|VLA)s?$")
_CLASS_HEAD = re.compile(r"\s(?:Models|Networks|Agents|Systems|Methods)$")


@cache
def name_shape(name: str) -> str | None:
    """"coined", "proper" or None (an ordinary phrase that must not link papers)."""
    words = _WORD.findall(name)
    if not words or len(name.strip()) < 3:
        return None
    if all(word.lower() in _FUNCTION_WORDS for word in words) or _MODIFIER_SUFFIX.search(name):
        return None
    if _MODIFIER_INSIDE.search(name):
        return None  # "RL-based training": a description built on a name
    if _GENERIC_SHORT_FORM.match(name) or _CLASS_HEAD.search(name):
        return None  # "dLLM", "MLLMs": a kind of model; "World Action Models": a class
    if any(any(c.isdigit() for c in w) for w in words):
        return "coined"
    for word in words:
        if any(c.isupper() for c in word[1:]):  # RoBERTa, DeepSeekMoE, GLUE
            return "coined"
    parts = [part for part in name.split("-") if part]
    if len(parts) == 2 and all(part[:1].isupper() for part in parts):
        if all(part.lower() in common_words() for part in parts):
            return None  # "Real-Time", "Self-Play": a capitalised compound of ordinary words
        return "coined"  # Mini-Gemini; three parts and more read as a description (Vision-Language-Action)
    content = [w for w in words if w.lower() not in _FUNCTION_WORDS]
    if len(content) >= 2 and all(w[:1].isupper() for w in content):
        if len(content) == 2 and all(w.lower() in common_words() for w in content) and not _in_gazetteer(name):
            return None  # "Strong Baseline": two ordinary words that no list knows as a name
        return "proper"  # Visual Genome, Segment Anything
    return None


# Tokens keep Greek letters and a trailing "+": ψ-RAG is not RAG, VBench++ is not VBench.
_TOKEN = NAME_TOKEN
# A version right after a family's name makes it another release ("EXAONE 4.5" is not the
# paper that introduced "EXAONE" 3.0).
_VERSION_TOKEN = re.compile(r"^(?:[vV]?\d+(?:\.\d+)*[a-z]?|[A-Z]{1,3}-?\d+(?:\.\d+)*)$")  # "4.5", "v2", "ER-1.5", "GR1"
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+\.(?:com|org|io|ai|net)/\S*")
# Text without any of these holds no _URL match: most abstracts, which need not be searched (the
# pattern tries every position).
_URL_SIGNS = ("://", "www.", ".com/", ".org/", ".io/", ".ai/", ".net/")
_URL_SIGN = re.compile("|".join(re.escape(sign) for sign in _URL_SIGNS))
# Claims too weak to send other papers' mentions to the claimant: a known name, or a capitalised
# phrase the paper only seems to present ("we present the first application of X").
_GUESSED_RULES = ("gazetteer", "pattern.capitalised_phrase")
MIN_NAME_CHARS = 4  # "MoA", "SAM": three-letter acronyms name too many different things
MIN_INTRO_CONFIDENCE = 0.45  # below: weak shapes such as "smaller SMoE models" read as a proposal


@dataclass(frozen=True, slots=True)
class Introduction:
    paper: str
    entity: str
    confidence: float
    rule: str = ""

    @property
    def trusted(self) -> bool:
        """A claim strong enough to send citations to the paper: the name leads the title ("Vid2Seq:
        ...") or the abstract claims it with some confidence, and it is not a name the field
        already knew (a gazetteer name "introduced" is usually an extraction slip, as in
        "the MTEB benchmark (also known as BEIR)")."""
        if self.rule.startswith(_GUESSED_RULES) or "role.own_design" in self.rule:
            return False
        return self.rule.startswith("title_prefix") or self.confidence >= MIN_INTRO_CONFIDENCE


@dataclass(frozen=True)
class PaperText:
    key: str
    title: str
    abstract: str
    published: str | None


def _linking_props(entity: Mapping[str, Any]) -> dict[str, Any]:
    """The entity's name and aliases: all the citation pass reads of an entity (what it keeps of
    each, and what it sends to its workers)."""
    return {"name": entity.get("name"), "aliases": entity.get("aliases")}


def linkable_names(entity: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(name, shape) of the entity's name and aliases that may link papers."""
    return [(name, shape) for name, shape, _ in _linkable(entity.get("name") or "", tuple(entity.get("aliases") or ()))]


def linkable_norms(entity: Mapping[str, Any]) -> frozenset[str]:
    """The normalised forms (``match_key``) of the entity's ``linkable_names``."""
    return _linkable_norms(entity.get("name") or "", tuple(entity.get("aliases") or ()))


# A refresh asks for the names of every introduced entity, several times each: cached by the
# entity's spellings (bounded, so that a long-lived process does not keep every name it saw).
@lru_cache(maxsize=1 << 18)
def _linkable(name: str, aliases: tuple[str, ...]) -> tuple[tuple[str, str, str], ...]:
    found: list[tuple[str, str, str]] = []
    for form in (name, *aliases):
        shape = name_shape(form)
        if shape and len(form) >= MIN_NAME_CHARS and all(form != n for n, _, _ in found):
            found.append((form, shape, match_key(form)))
    return tuple(found)


@lru_cache(maxsize=1 << 18)
def _linkable_norms(name: str, aliases: tuple[str, ...]) -> frozenset[str]:
    return frozenset(norm for _, _, norm in _linkable(name, aliases))


def tokenized_sentences(paper: PaperText) -> list[tuple[str, list[str]]]:
    """(sentence, tokens) of the title and of each abstract sentence (the extractors' splitter)."""
    abstract = " ".join(paper.abstract.split())
    if any(sign in abstract for sign in _URL_SIGNS):
        abstract = _without_links(abstract)  # a name inside a link is no mention
    sentences = [paper.title, *(abstract[start:end] for start, end in split_sentences(abstract))]
    return [(sentence, _TOKEN.findall(sentence)) for sentence in sentences if sentence]


def _without_links(text: str) -> str:
    """``_URL.sub(" ", text)`` for a text whose only white space is single spaces. A link never
    spans a space, so only the words holding a sign are searched: the pattern tries every
    position of the text it is given, which cost half the tokenizing of an abstract with a sign."""
    parts = []
    done = 0
    for sign in _URL_SIGN.finditer(text):
        if sign.start() < done:
            continue  # another sign of a word already searched
        start = text.rfind(" ", 0, sign.start()) + 1
        end = text.find(" ", sign.end())
        end = len(text) if end < 0 else end
        parts += [text[done:start], _URL.sub(" ", text[start:end])]
        done = end
    parts.append(text[done:])
    return "".join(parts)


def names_written_in(introductions: Iterable[Introduction], entities: Mapping[str, Mapping[str, Any]],
                     sentences: Iterable[list[str]]) -> set[str]:
    """Normalised introduced names that a run of these tokens (sentences' ``_TOKEN`` lists) spells:
    the only names whose citations those papers can give or take. A run is tried where its first
    word is the name's first word and as long as the name (how ``_spellings`` finds its forms)."""
    rows = (row for intro in introductions for row in name_index_rows(entities.get(intro.entity, {})))
    return _spelled(rows, sentences)


def name_index_rows(entity: Mapping[str, Any]) -> list[tuple[str, int, str]]:
    """(first word's key, words, normalised name) of each of the entity's ``linkable_names``: how
    ``names_written_in`` looks a name up, and the entity's rows in a store's index of introduced names."""
    rows = []
    for name, _ in linkable_names(entity):
        words = _TOKEN.findall(name)
        rows.append((_token_key(words[0]) if words else "", len(words), match_key(name)))
    return rows


def _spelled(names: Iterable[tuple[str, int, str]], sentences: Iterable[list[str]]) -> set[str]:
    """The norms of these (first word's key, words, norm) that a run of the sentences' tokens spells."""
    wanted: dict[tuple[str, int], set[str]] = {}  # (first word's key, words) -> norms
    for first, width, norm in names:
        if width:
            wanted.setdefault((first, width), set()).add(norm)
    widths: dict[str, list[int]] = {}
    for first, width in wanted:
        widths.setdefault(first, []).append(width)
    found: set[str] = set()
    firsts = widths.keys()
    for tokens in sentences:
        keys = list(map(_token_key, tokens))
        if firsts.isdisjoint(keys):  # most sentences begin no name: one set test (C speed) each
            continue
        letters: list[str] | None = None  # each token's match_letters, made when a run is first tried
        for i, key in enumerate(keys):
            for width in widths.get(key, ()):
                if i + width > len(tokens):
                    continue
                if letters is None:
                    letters = [match_letters(t) for t in tokens]
                if (norm := match_key_of_words(letters[i : i + width])) in wanted[(key, width)]:
                    found.add(norm)
    return found


def claimants_of(introductions: Iterable[Introduction], entities: Mapping[str, Mapping[str, Any]],
                 norms: set[str]) -> set[str]:
    """The papers with a trusted claim on any of these normalised names: the introducers whose text
    an inference over papers writing these names reads (``infer_citations`` skips every other claim)."""
    return {i.paper for i in introductions if i.trusted and not linkable_norms(entities.get(i.entity, {})).isdisjoint(norms)}


def words_of(papers: Iterable[PaperText]) -> Iterator[list[str]]:
    """The token list of each sentence of these papers."""
    return (tokens for paper in papers for _, tokens in tokenized_sentences(paper))


def _spellings(norm: str, width: int, sentences: list[tuple[str, list[str]]]) -> set[tuple[str, ...]]:
    """The token runs of ``width`` tokens in these sentences whose normalised form is ``norm``."""
    found = set()
    for _, tokens in sentences:
        # A cheap test first: the run's first token must begin the name.
        starts = [i for i, key in enumerate(map(_token_key, tokens)) if norm.startswith(key) and i + width <= len(tokens)]
        if not starts:
            continue
        letters = [match_letters(t) for t in tokens]
        for i in starts:
            window = tuple(tokens[i : i + width])
            # The written form must itself look like a name: "token" is not TOKEN, "Generation" not GENERATION.
            if match_key_of_words(letters[i : i + width]) == norm and name_shape(" ".join(window)):
                found.add(window)
    return found


@cache
def _token_key(token: str) -> str:
    return "".join(ch for ch in token.lower() if ch.isalnum() or ch == "+")


def _known(entity: Mapping[str, Any]) -> bool:
    """The entity's name, in any of its spellings and cases, is in the gazetteers (a name the
    field already had). Case-blind, so that the answer does not depend on which paper's
    spelling the entity happens to show."""
    forms = [entity.get("name") or "", *(entity.get("aliases") or ())]
    return any(_in_gazetteer(name) for name in forms if name)


def _in_gazetteer(name: str) -> bool:
    """The name, in any case, is in the gazetteers."""
    return _case_blind_key(name) in _gazetteer_keys()


def _case_blind_key(name: str) -> str:
    from paperkg.extractors.gazetteer import WORD

    return "".join(WORD.findall(name)).lower()


@cache
def _gazetteer_keys() -> frozenset[str]:
    from paperkg.extractors.gazetteer import default_gazetteer

    gazetteer = default_gazetteer()
    return frozenset(key.lower() for key in (*gazetteer.exact, *gazetteer.fold))


_LEADS_A_LONGER_NAME = re.compile(r"^[A-Z][\w-]*$")


def _inside_longer_name(sentence: str, tokens: list[str], index: int) -> bool:
    """A capitalised word stands right before the name, not opening the sentence and not a
    function word, with only a space between: the two make one longer name."""
    if index == 0 or (index == 1 and sentence.startswith(tokens[0])):
        return False
    previous = tokens[index - 1]
    if not _LEADS_A_LONGER_NAME.match(previous) or previous.lower() in _FUNCTION_WORDS:
        return False
    if previous in ("On", "In", "With", "Using", "Unlike", "Compared", "Like"):
        return False
    return f"{previous} {tokens[index]}" in sentence


def _borrowed(name: str, entity: Mapping[str, Any]) -> bool:
    """A form that other papers use for something else: an alias the field already knows for
    another thing ("BM25" on the entity BM25S), the base name a longer form extends, a plural
    acronym of a class, or an acronym spelled like an English word (SELECT, WARP) that no
    gazetteer vouches for. Judged against all the entity's forms, not its display spelling."""
    from paperkg.extractors.gazetteer import default_gazetteer

    gazetteer = default_gazetteer()
    forms = [f for f in [entity.get("name") or "", *(entity.get("aliases") or ())] if f]
    entry = gazetteer.lookup(name)
    if entry is not None and any(gazetteer.lookup(form) not in (None, entry) for form in forms):
        return True  # the form names one known thing, another form of the entity another
    if any(form.startswith(name) and 0 < len(form) - len(name) <= 2 and form[len(name)].isalnum() for form in forms):
        return True  # "BM25" on BM25S: the base the paper extends, glued to a letter, not what it made
    if PLURAL_ACRONYM.match(name):
        return True  # "WAMs", "VLAs": a class of models
    return name.isalpha() and name.isupper() and name.lower() in common_words() and entry is None


_GOVERNED_ELSEWHERE = re.compile(r"\b(?:on|upon|with|from|using|for|to|of|than|over|by|in|via|based|like|such)\b")
# The citing paper making a thing of its own under the name.
_OWN_CUE = re.compile(
    r"\b[Ww]e\b[^.;]{0,40}?\b(?:propose|introduce|present|develop|design|build|construct|create|curate|derive|"
    r"establish|release|name|call|term|dub|conduct|collect|devise|formulate)[sd]?\b"
)
_OWN_APPOSITIVE = re.compile(r"\b(?:an?|our)\s+(?:[\w-]+\s+){0,3}[\w-]+,\s*$")
_INDEFINITE_BEFORE = re.compile(r"\b(?:[Aa]n?|[Aa] novel|[Aa] new)\s+$")
_PART_AFTER = re.compile(
    r"[\w+.-]*\s+(?:module|component|mechanism|block|layer|head|strategy|framework|pipeline|system|agent|unit|stage|step)s?\b"
)
_COMPONENT_OF = re.compile(r"\b(?:consists? of|compris(?:es|ing)|is composed of|made up of)\s+(?:[\w-]+\s+){0,3}$")
_OWN_ING = re.compile(r"\b(?:introducing|proposing|presenting|developing|building|constructing|creating|designing)\b")
_DEFINED_AFTER = re.compile(r"^[\w+.-]*\s*(?:,|\(|:)\s*(?:an?|our)\s")
_OUR = re.compile(r"\bour\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)


def _presents_its_own(
    paper: PaperText,
    sentence: str,
    name_tokens: tuple[str, ...],
    entity: Mapping[str, Any],
    definitions: dict[str, dict[str, str]],
) -> bool:
    """The citing paper presents a thing of its own under the name: it proposes it in the
    sentence, calls it "our X", or spells the acronym out as something else."""
    from paperkg.extractors.abbreviations import find_abbreviations
    from paperkg.extractors.patterns import INTRO_CUE

    position = sentence.find(name_tokens[0])
    before = sentence[max(0, position - 90) : max(0, position)]
    cues = list(INTRO_CUE.finditer(before)) + list(_OWN_CUE.finditer(before))
    if cues and _OWN_APPOSITIVE.search(before):
        return True  # "we conduct an experiment, RePrompt,"
    cues.sort(key=lambda m: m.end())
    if cues:
        gap = before[cues[-1].end() :]
        # "we propose X", "we introduce a new benchmark, X": the verb governs the name; not in
        # "we propose to fine-tune X" or "we build on X".
        if len(gap.split()) <= 6 and not _GOVERNED_ELSEWHERE.search(gap):
            return True
    if _OUR.search(before) or _COMPONENT_OF.search(before):
        return True  # "our X", "MobileForge consists of MobileGym"
    if _INDEFINITE_BEFORE.search(before) and _PART_AFTER.match(sentence, max(0, position) + len(name_tokens[0])):
        return True  # "a DeepVerifier module": a part of this paper's system, not the paper's DeepVerifier
    after = sentence[max(0, position) + len(name_tokens[0]) :]
    if (cues or _OWN_ING.search(sentence[: max(0, position)])) and _DEFINED_AFTER.match(after):
        return True  # "by introducing V-RAGBench, ..., and CARVE, a simple method"
    if paper.key not in definitions:
        text = f"{paper.title}. {paper.abstract}"
        definitions[paper.key] = {a.short: a.long for a in find_abbreviations(text)}
    long_form = definitions[paper.key].get(" ".join(name_tokens))
    if long_form is None:
        return False
    forms = {match_key(f) for f in [entity.get("name") or "", *(entity.get("aliases") or ())]}
    return match_key(long_form) not in forms


# Citing papers from which the pass is split over worker processes (with ``jobs`` > 1): below,
# starting the workers and sending them the texts costs more than it saves.
PARALLEL_PAPERS = 3_000
# Papers per task sent to a worker: large enough that sending is a small share of the work,
# small enough that the workers finish together.
TASK_PAPERS = 500
# A full refresh reads every paper's text this many papers at a time, and weighs this many
# introductions at a time (with their entities and their papers' text): its memory then holds
# about a page, not the graph's text (1.1 GB of titles and abstracts at 670,000 papers).
PAGE_PAPERS = 20_000
PAGE_INTRODUCTIONS = 20_000
# Tasks a full refresh keeps sent to its workers beyond their own: a page's worth. This process reads
# a whole page (the papers' text, or the introductions with their entities and introducers' text)
# before it makes the page's tasks; with only a few tasks ahead the workers sat idle while it read.
PAGE_TASKS = max(PAGE_PAPERS, PAGE_INTRODUCTIONS) // TASK_PAPERS
# Changed citations written per upsert (each reads the text of its edges' citing papers).
UPSERT_EDGES = 5_000


def infer_citations(
    introductions: Iterable[Introduction],
    entities: Mapping[str, Mapping[str, Any]],
    papers: Iterable[PaperText],
    *,
    citing: set[str] | None = None,
    written: set[str] | None = None,
    jobs: int = 1,
    parallel_from: int = PARALLEL_PAPERS,
    known_forms: ClaimForms | None = None,
) -> list[Edge]:
    """One CITES edge per (citing, cited) pair, through the most confident shared name.

    Names are compared by their normalised form across types (one paper's model "Vid2Seq" is
    another's method), and found in other papers' titles and abstracts by exact spelling, so a
    mention the extractors did not type still counts. ``papers`` must hold every introducer's
    text; ``citing`` limits the papers read for mentions (default: all of ``papers``); ``written``,
    when the caller has it, is ``names_written_in`` over the citing papers. With ``jobs`` > 1 and
    at least ``parallel_from`` citing papers, the introducers' and the citing papers' text is read
    in ``jobs`` processes; the edges are the same. ``known_forms``: the forms of claims the caller
    has already read (``names_cited_anew``), not read again.
    """
    introductions, papers = list(introductions), list(papers)
    reading = [p for p in papers if citing is None or p.key in citing]
    processes = _processes(jobs, len(reading), parallel_from)
    # Started first, so that the workers get ready while this process weighs the claims.
    workers = _citation_workers(processes) if processes > 1 else None
    try:
        return _inferred(introductions, entities, papers, reading, citing, written, workers, known_forms or {})
    finally:
        if workers is not None:
            workers.close()


def _inferred(introductions: list[Introduction], entities: Mapping[str, Mapping[str, Any]], papers: list[PaperText],
              reading: list[PaperText], citing: set[str] | None, written: set[str] | None, workers: Workers | None,
              known_forms: ClaimForms) -> list[Edge]:
    """``infer_citations`` over ``reading`` (the citing papers), with these workers or in this process."""
    published = {p.key: p.published for p in papers}
    by_key = {p.key: p for p in papers}
    # Each paper split and tokenized when needed, and kept only while it is: a refresh over every
    # paper of a large graph would otherwise hold all their sentences at once (gigabytes at 1M papers).
    sentences_of: dict[str, list[tuple[str, list[str]]]] = {}

    def sentences(key: str) -> list[tuple[str, list[str]]] | None:
        if key not in sentences_of and key in by_key:
            sentences_of[key] = tokenized_sentences(by_key[key])
        return sentences_of.get(key)

    def read_once(key: str) -> list[tuple[str, list[str]]]:
        """A citing paper's sentences, not kept: the loop over citing papers reads each once."""
        found = sentences_of.pop(key, None)
        return found if found is not None else tokenized_sentences(by_key[key])

    def introducer_sentences(paper: PaperText) -> list[tuple[str, list[str]]]:
        found = sentences_of.get(paper.key)
        return found if found is not None else tokenized_sentences(paper)

    # Words the papers to read for mentions hold: an introducer whose names none of them writes
    # need not be read at all (an incremental refresh reads a few papers, not every introducer).
    relevant_norms = written
    if citing is not None and relevant_norms is None:
        relevant_norms = names_written_in(
            introductions, entities, (tokens for key in citing for _, tokens in (sentences(key) or ())))
    forms = _forms_in_workers(workers) if workers is not None else _forms_in_process(introducer_sentences)
    forms = _remembered(forms, known_forms)
    named = _collect_claims([(introductions, entities)], lambda _: by_key, forms, relevant_norms)
    names = _CitableNames.of(named, _choose_introducers(named, named.published))
    best: dict[tuple[str, str], tuple[float, str, str, str]] = {}
    if workers is not None:
        tasks = [[(p.key, p.title, p.abstract, published.get(p.key)) for p in reading[i : i + TASK_PAPERS]]
                 for i in range(0, len(reading), TASK_PAPERS)]
        for found in workers.map(_citations_in_texts, tasks, shared=names):
            best.update(found)
    else:
        for paper in reading:
            best.update(_citations_in(paper, published.get(paper.key), read_once(paper.key), names))
    return [_citation_edge(pair, found) for pair, found in sorted(best.items())]


def _citation_edge(pair: tuple[str, str], found: tuple[float, str, str, str]) -> Edge:
    """The CITES edge of a (citing, cited) pair from what ``_citations_in`` found: (confidence, via, evidence, why)."""
    confidence, via, sentence, why = found
    props = {"inferred": True, "via": via, "evidence": sentence, "confidence": confidence}
    if why:
        props["why"] = why  # how the introducer was chosen among several claimants
    return Edge("CITES", pair[0], pair[1], props)


@dataclass(frozen=True)
class _CitableNames:
    """What a citing paper's sentences are read against: the names some paper is cited through
    (sent once to each worker of a parallel pass)."""

    surfaces: dict[tuple[str, ...], tuple[str, str, float, int]]  # tokens -> (norm, via entity, factor, rank)
    # first token -> the numbers of tokens of the names it begins: a token looks up these few
    # lengths, not every name it begins (thousands for a common first word at a million papers)
    widths: dict[str, tuple[int, ...]]
    chosen: dict[str, tuple[str, str]]  # norm -> (cited paper, why)
    claims: dict[str, str | set[str]]  # norm -> every paper that claims it (of the chosen norms), as in _Claims
    best_intro: dict[tuple[str, str], float]  # (norm, cited paper) -> its most confident claim
    published: dict[str, str | None]  # of the cited papers
    entities: dict[str, dict[str, Any]]  # the via entities' name and aliases

    @classmethod
    def of(cls, named: _Claims, chosen: dict[str, tuple[str, str]]) -> _CitableNames:
        # A name no paper is cited through gives no edge: it is left out. The rank keeps the
        # claims' order, in which names found at the same word were tried.
        surfaces = {tokens: (norm, via, factor, rank) for rank, (tokens, (norm, via, factor)) in enumerate(named.surfaces.items())
                    if norm in chosen}
        widths: dict[str, list[int]] = {}
        for tokens in surfaces:
            found = widths.setdefault(tokens[0], [])
            if len(tokens) not in found:
                found.append(len(tokens))
        vias = {via for _, via, _, _ in surfaces.values()}
        return cls(
            surfaces=surfaces,
            widths={first: tuple(lengths) for first, lengths in widths.items()},
            chosen=chosen,
            claims={norm: named.claims[norm] for norm in chosen if norm in named.claims},
            best_intro={(norm, target): named.best_intro[(norm, target)] for norm, (target, _) in chosen.items()},
            published={target: named.published.get(target) for target, _ in chosen.values()},
            entities={via: named.vias[via] for via in vias},
        )


def _citations_in(paper: PaperText, date: str | None, sentences: list[tuple[str, list[str]]],
                  names: _CitableNames) -> list[tuple[tuple[str, str], tuple[float, str, str, str]]]:
    """The citations of one paper (its ``sentences``, published on ``date``), ((citing, cited),
    (confidence, via, evidence, why)), each through its most confident name (the first sentence
    writing it is the evidence)."""
    found: list[tuple[str, str, float, str, str, str]] = []  # (cited, norm, confidence, via, sentence, why)
    own_names: set[str] = set()  # names under which the paper presents a thing of its own
    definitions: dict[str, dict[str, str]] = {}  # the paper's acronym definitions, read when needed
    key, widths, surfaces = paper.key, names.widths, names.surfaces
    for sentence, tokens in sentences:
        if widths.keys().isdisjoint(tokens):
            continue
        for index, token in enumerate(tokens):
            lengths = widths.get(token)
            if lengths is None:
                continue
            hits = [run for n in lengths if index + n <= len(tokens) and (run := tuple(tokens[index : index + n])) in surfaces]
            if len(hits) > 1:
                hits.sort(key=lambda run: surfaces[run][3])
            for name_tokens in hits:
                end = index + len(name_tokens)
                if end < len(tokens) and _VERSION_TOKEN.match(tokens[end]):
                    continue  # "EXAONE 4.5": another release of the family
                if _inside_longer_name(sentence, tokens, index):
                    continue  # "Multi-Source Inner-Guidance": part of a longer name
                norm, via, factor, _ = surfaces[name_tokens]
                if _claimed_by(names.claims.get(norm), key):
                    continue  # the paper names its own (a component it defines)
                target, why = names.chosen[norm]
                if _presents_its_own(paper, sentence, name_tokens, names.entities[via], definitions):
                    own_names.add(norm)  # "we propose X", "our X": its own X, in every sentence
                    continue
                cited_date = names.published.get(target)
                if date and cited_date and date[:10] < cited_date[:10]:
                    continue
                confidence = round(names.best_intro[(norm, target)] * factor, 4)
                found.append((target, norm, confidence, via, sentence, why))
    best: dict[tuple[str, str], tuple[float, str, str, str]] = {}
    for target, norm, confidence, via, sentence, why in found:
        if norm in own_names:
            continue
        pair = (key, target)
        if pair not in best or (-confidence, via) < (-best[pair][0], best[pair][1]):
            best[pair] = (confidence, via, sentence, why)
    return list(best.items())


def _citations_in_texts(papers: list[tuple[str, str, str, str | None]],
                        names: _CitableNames) -> list[tuple[tuple[str, str], tuple[float, str, str, str]]]:
    """``_citations_in`` over these papers (key, title, abstract, published): a worker's task."""
    found = []
    for key, title, abstract, date in papers:
        paper = PaperText(key, title, abstract, date)
        found += _citations_in(paper, date, tokenized_sentences(paper), names)
    return found


# How an introducer writes one of its entity's names: (norm, shape, the token runs it writes).
_Written = tuple[str, str, set[tuple[str, ...]]]


def _forms_written(entity: Mapping[str, Any], own_sentences: list[tuple[str, list[str]]], title: bool) -> list[_Written]:
    """The entity's linkable names as the introducer itself writes them (``title``: its claim is
    its title's prefix), leaving out forms other papers use for something else."""
    found = []
    for name, shape in linkable_names(entity):
        norm = match_key(name)
        if shape == "proper" and not title:
            continue  # capitalised common words only count as a name when they lead the title
        # Only as the introducer itself writes the name (DeepSeekMoE or DeepSeek-MoE, with its
        # capitals): an alias or spelling another paper attached to the entity may mean
        # something else, and the entity's display spelling depends on which paper came first.
        spellings = _spellings(norm, len(_TOKEN.findall(name)), own_sentences)
        written = {w for w in spellings if not _borrowed(" ".join(w), entity)}
        if written:
            found.append((norm, shape, written))
    return found


_Wanted = list[tuple[Introduction, Mapping[str, Any], bool]]  # (introduction, its entity, a title claim)
# Introductions (in edge order) and their entities' name and aliases: the whole of them, or a page.
_IntroductionPage = tuple[list[Introduction], Mapping[str, Mapping[str, Any]]]
# The claims of a page whose forms are read, and the text of their papers.
_WantedPage = tuple[_Wanted, Mapping[str, PaperText]]
# How the forms are read: (claims, ``_forms_written`` of each) for each page, in order.
_Forms = Callable[[Iterable[_WantedPage]], Iterator[tuple[_Wanted, list[list[_Written]]]]]
# Forms already read, by claim (paper, entity, a title claim): within one refresh a claim's forms
# do not change (its paper's text and its entity's names are read once).
ClaimForms = dict[tuple[str, str, bool], list[_Written]]


def _remembered(forms: _Forms, known: ClaimForms) -> _Forms:
    """``forms``, reading only the claims ``known`` does not hold, and adding what it reads to it."""

    def remembered(pages: Iterable[_WantedPage]) -> Iterator[tuple[_Wanted, list[list[_Written]]]]:
        asked: deque[_Wanted] = deque()  # the pages' claims, in order: a page is answered once all are known

        def unknown(pages: Iterable[_WantedPage]) -> Iterator[_WantedPage]:
            for wanted, by_key in pages:
                asked.append(wanted)
                yield [claim for claim in wanted if _claim_key(claim) not in known], by_key

        def answered() -> Iterator[tuple[_Wanted, list[list[_Written]]]]:
            # ``forms`` answers in the order asked, in parts of its own (one per page, or per task)
            while asked and all(_claim_key(claim) in known for claim in asked[0]):
                wanted = asked.popleft()
                yield wanted, [known[_claim_key(claim)] for claim in wanted]

        for read, found in forms(unknown(pages)):
            known.update(zip(map(_claim_key, read), found, strict=True))
            yield from answered()
        yield from answered()

    return remembered


def _claim_key(claim: tuple[Introduction, Mapping[str, Any], bool]) -> tuple[str, str, bool]:
    intro, _, title = claim
    return intro.paper, intro.entity, title


def _forms_in_process(sentences_of: Callable[[PaperText], list[tuple[str, list[str]]]] = tokenized_sentences) -> _Forms:
    """``_forms_written`` for each wanted claim, in this process (``sentences_of``: a paper's sentences)."""

    def forms(pages: Iterable[_WantedPage]) -> Iterator[tuple[_Wanted, list[list[_Written]]]]:
        for wanted, by_key in pages:
            found = []
            last: tuple[str, list[tuple[str, list[str]]]] = ("", [])  # a paper's claims come together
            for intro, entity, title in wanted:
                if last[0] != intro.paper:
                    last = (intro.paper, sentences_of(by_key[intro.paper]))
                found.append(_forms_written(entity, last[1], title))
            yield wanted, found

    return forms


def _forms_of_introducers(task: list[tuple[tuple[str, str, str, str | None], list[tuple[dict[str, Any], bool]]]],
                          _: object) -> list[list[_Written]]:
    """``_forms_written`` for each (introducer's text, [(entity, title claim), ...]): a worker's task."""
    found = []
    for text, claims in task:
        own_sentences = tokenized_sentences(PaperText(*text))
        found += [_forms_written(entity, own_sentences, title) for entity, title in claims]
    return found


def _forms_in_workers(workers: Workers) -> _Forms:
    """``_forms_written`` for each wanted claim, in the workers; a paper's claims in a row are sent
    with its text once (a worker reads it once for them all), ``TASK_PAPERS`` papers a task."""

    def tasks(pages: Iterable[_WantedPage]) -> Iterator[tuple[list[Any], _Wanted]]:
        for wanted, by_key in pages:
            groups: list[tuple[tuple[str, str, str, str | None], list[tuple[dict[str, Any], bool]], _Wanted]] = []
            for intro, entity, title in wanted:
                if not groups or groups[-1][0][0] != intro.paper:
                    paper = by_key[intro.paper]
                    groups.append(((paper.key, paper.title, paper.abstract, paper.published), [], []))
                groups[-1][1].append((_linking_props(entity), title))
                groups[-1][2].append((intro, entity, title))
            for start in range(0, len(groups), TASK_PAPERS):
                part = groups[start : start + TASK_PAPERS]
                yield [(text, claims) for text, claims, _ in part], [claim for _, _, claims in part for claim in claims]

    def forms(pages: Iterable[_WantedPage]) -> Iterator[tuple[_Wanted, list[list[_Written]]]]:
        return workers.imap(_forms_of_introducers, tasks(pages), ahead=PAGE_TASKS + 2 * workers.jobs)

    return forms


def _processes(jobs: int, citing: int, parallel_from: int) -> int:
    """The processes that read the text of ``citing`` papers: ``jobs``, or this one alone below
    ``parallel_from`` papers."""
    return jobs if jobs > 1 and citing >= parallel_from else 1


def _citation_workers(jobs: int) -> Workers:
    return Workers(jobs, preload=["paperkg.citations"], initializer=_warm_worker)


def _warm_worker() -> None:
    """Load the word lists a worker's tasks read, while the caller still reads the claims."""
    from paperkg.extractors.gazetteer import default_gazetteer

    default_gazetteer()
    _gazetteer_keys()
    common_words()


@dataclass
class _Claims:
    """The introducers' claims on names, as ``infer_citations`` weighs them."""

    by_norm: dict[str, set[str]]  # normalised name -> the papers that introduce it (trusted, spelled by themselves)
    surfaces: dict[tuple[str, ...], tuple[str, str, float]]  # tokens -> (norm, via entity, factor)
    best_intro: dict[tuple[str, str], float]  # (norm, paper) -> the paper's most confident claim
    # normalised name -> every paper that claims it, trusted or not: one paper (most names), or a set
    claims: dict[str, str | set[str]]
    title_claims: set[tuple[str, str]]  # (norm, paper) claimed by the paper's title prefix
    published: dict[str, str | None]  # of the papers with a claim whose forms were read
    vias: dict[str, dict[str, Any]]  # name and aliases of the entities in ``surfaces``


def _collect_claims(
    pages: Iterable[_IntroductionPage],
    texts: Callable[[set[str]], Mapping[str, PaperText]],
    forms: _Forms,
    relevant_norms: set[str] | None,
) -> _Claims:
    """Every claim on a name (limited to ``relevant_norms`` when given), read from the introducers'
    own text: ``pages`` of introductions in edge order with their entities; ``texts`` gives the
    text of the papers asked for that have one; ``forms`` gives ``_forms_written`` for each
    (introduction, entity, title claim). A page's texts are read when its claims are weighed."""
    found = _Claims({}, {}, {}, {}, set(), {}, {})

    def wanted_pages() -> Iterator[_WantedPage]:
        for introductions, entities in pages:
            trusted: list[tuple[Introduction, Mapping[str, Any]]] = []
            for intro in introductions:
                entity = entities.get(intro.entity, {})
                norms = linkable_norms(entity)
                if relevant_norms is not None:
                    norms = norms & relevant_norms  # only these names can stand in the papers read
                for norm in norms:
                    claimants = found.claims.setdefault(norm, intro.paper)
                    if isinstance(claimants, set):
                        claimants.add(intro.paper)
                    elif claimants != intro.paper:
                        found.claims[norm] = {claimants, intro.paper}
                if norms and intro.trusted:
                    trusted.append((intro, entity))
            by_key = texts({intro.paper for intro, _ in trusted})
            wanted: _Wanted = []
            for intro, entity in trusted:
                if intro.paper not in by_key:
                    continue  # no text to spell its names: its claim changes nothing
                title = intro.rule.startswith("title_prefix")
                if not title and _known(entity):
                    continue  # the field knew the name before this paper: it applies it, it did not coin it
                wanted.append((intro, entity, title))
                found.published[intro.paper] = by_key[intro.paper].published
            yield wanted, by_key

    for wanted, written_forms in forms(wanted_pages()):
        for (intro, entity, title), forms_of_claim in zip(wanted, written_forms, strict=True):
            for norm, shape, written in forms_of_claim:
                found.by_norm.setdefault(norm, set()).add(intro.paper)
                for tokens in written:
                    if tokens not in found.surfaces:
                        found.surfaces[tokens] = (norm, intro.entity, CONFIDENCE_BY_SHAPE[shape])
                        found.vias.setdefault(intro.entity, _linking_props(entity))
                pair = (norm, intro.paper)
                found.best_intro[pair] = max(found.best_intro.get(pair, 0.0), intro.confidence)
                if title:
                    found.title_claims.add(pair)
    return found


def _claimed_by(claimants: str | set[str] | None, paper: str) -> bool:
    """The paper is among these claimants (a ``_Claims.claims`` value: one paper, a set, or none)."""
    return paper in claimants if isinstance(claimants, set) else paper == claimants


def _choose_introducers(named: _Claims, published: Mapping[str, str | None],
                        leaving_out: set[str] = frozenset()) -> dict[str, tuple[str, str]]:
    """The paper each name cites (norm -> (paper, why)), the papers ``leaving_out`` not claiming.

    A name two or more papers claim: the earliest is its introducer when it leads its own title
    with it and is strictly older than every other claimant (the later ones named a component of
    their own the same; they never cite it); otherwise the name links nobody.
    """
    chosen: dict[str, tuple[str, str]] = {}
    for norm, everyone in named.by_norm.items():
        claimants = everyone - leaving_out if leaving_out else everyone
        if len(claimants) == 1:
            chosen[norm] = (next(iter(claimants)), "")
            continue
        if not claimants:
            continue
        dated = sorted((published.get(c) or "9999", c) for c in claimants)
        (first_date, first), (second_date, _) = dated[0], dated[1]
        if first_date < "9999" and first_date[:10] < second_date[:10] and (norm, first) in named.title_claims:
            chosen[norm] = (first, f"{len(claimants)} papers claim the name; the earliest, whose title leads with it, is cited")
    return chosen


def names_cited_anew(introductions: Iterable[Introduction], entities: Mapping[str, Mapping[str, Any]],
                     claimants: Iterable[PaperText], norms: set[str], new: set[str],
                     known_forms: ClaimForms | None = None, *, jobs: int = 1,
                     parallel_from: int = PARALLEL_PAPERS) -> set[str]:
    """Of these normalised names, those whose cited introducer is another paper once the ``new``
    papers' claims count (``claimants`` must hold the text of every paper claiming them).

    Only through these names can a paper that the new papers do not touch gain a citation: a name
    whose introducer stays the same links the same papers as before, and one that links nobody
    now only loses the citations it gave (found through the edges into its claimants).
    ``known_forms`` gets the forms of the claims read (``infer_citations`` need not read them again).
    With ``jobs`` > 1 and at least ``parallel_from`` claimants, their text is read in ``jobs`` processes.
    """
    by_key = {p.key: p for p in claimants}
    processes = _processes(jobs, len(by_key), parallel_from)
    workers = _citation_workers(processes) if processes > 1 else None
    try:
        # A paper's claims come together: each claimant is split into sentences once.
        forms = _forms_in_workers(workers) if workers is not None else _forms_in_process()
        named = _collect_claims([(list(introductions), entities)], lambda _: by_key,
                                _remembered(forms, {} if known_forms is None else known_forms), norms)
    finally:
        if workers is not None:
            workers.close()
    after = _choose_introducers(named, named.published)
    before = _choose_introducers(named, named.published, leaving_out=new)
    return {norm for norm, (paper, _) in after.items() if before.get(norm, (None,))[0] != paper}


def _props_of(props: Mapping[str, Any]) -> set[str]:
    return {k for k in INFERRED_CITATION_PROPS if k in props}


@dataclass(frozen=True)
class CitationRefresh:
    added: int
    removed: int
    total: int
    jobs: int = 1  # processes that read the papers' text


class _Introductions:
    """The introductions (in edge order: the order a full refresh reads them in, which decides
    ties) and introduced entities a refresh has read: every one, or, with a store's index of
    introduced names, the changed papers' and those of the names asked for (``read_names``), so
    that every claim on a name the refresh weighs is at hand, as in a full read."""

    def __init__(self, store: GraphStore, index: IntroducedNameIndex | None) -> None:
        self.store, self.index = store, index
        self.by_edge: dict[int, Introduction] = {}
        self.entities: dict[str, dict[str, Any]] = {}
        self._entities_read: set[str] = set()
        self._names_read: set[str] = set()

    @classmethod
    def every_one(cls, store: GraphStore) -> _Introductions:
        known = cls(store, None)
        rows = store.edges_of(["INTRODUCES"], fields=("confidence", "rule"))  # in edge order
        known._add((n, source, target, props.get("confidence"), props.get("rule"))
                   for n, (_, source, target, props) in enumerate(rows))
        known.read_entities(known.entity_keys())
        return known

    @classmethod
    def of_papers(cls, store: GraphStore, index: IntroducedNameIndex, changed: set[str], renamed: set[str]) -> _Introductions:
        """The changed papers' introductions; the index rows of their entities (and of renamed ones) made anew."""
        known = cls(store, index)
        known._add(index.introductions_of(papers=changed))
        reindexed = known.entity_keys() | renamed
        known._add(index.introductions_of(entities=renamed))  # their claimants are checked whatever their names now
        known.read_entities(reindexed)
        index.index_introduced_names({key: name_index_rows(known.entities.get(key, {})) for key in reindexed})
        return known

    def _add(self, rows: Iterable[tuple[int, str, str, Any, Any]]) -> None:
        # Keys and rules interned: a paper's and an entity's key recur in many rows, rules in most.
        intern = sys.intern
        for edge, paper, entity, confidence, rule in rows:
            self.by_edge[edge] = Introduction(intern(paper), intern(entity), float(confidence or 0.0), intern(str(rule or "")))

    def introductions(self) -> list[Introduction]:
        return [self.by_edge[edge] for edge in sorted(self.by_edge)]

    def entity_keys(self) -> set[str]:
        return {i.entity for i in self.by_edge.values()}

    def read_entities(self, keys: Iterable[str]) -> None:
        """Each entity's name and aliases, all a citation reads of it: a full refresh of a large graph
        holds every introduced entity (at 670,000 papers, 443,000 of them)."""
        wanted = sorted(set(keys) - self._entities_read)
        if wanted:
            for label in ENTITY_NODE_LABELS:
                for key, props in self.store.nodes(label, wanted).items():
                    self.entities[sys.intern(key)] = _linking_props(props)
        self._entities_read.update(wanted)

    def read_names(self, norms: Iterable[str]) -> None:
        """Every introduction of an entity with one of these normalised names (a full read has them all)."""
        if self.index is None:
            return
        wanted = set(norms) - self._names_read
        self._names_read |= wanted
        if not wanted:
            return
        entities = self.index.entities_named(wanted)
        self._add(self.index.introductions_of(entities=entities))
        self.read_entities(entities)

    def read_introductions_of(self, papers: set[str]) -> None:
        """Every introduction out of these papers, and its entity (a full read has them all)."""
        if self.index is not None and papers:
            self._add(self.index.introductions_of(papers=papers))
            self.read_entities(self.entity_keys())

    def name_rows_of(self, papers: set[str]) -> list[tuple[str, int, str]]:
        """``name_index_rows`` of every entity these papers introduce."""
        entities = {i.entity for i in self.by_edge.values() if i.paper in papers}
        return [row for key in entities for row in name_index_rows(self.entities.get(key, {}))]

    def names_written_in(self, sentences: list[list[str]]) -> set[str]:
        """``names_written_in`` over every introduced name: through the index, only the names whose
        first word the sentences hold are read."""
        if self.index is None:
            return names_written_in(self.introductions(), self.entities, sentences)
        firsts = {_token_key(token) for tokens in sentences for token in tokens}
        return _spelled(self.index.introduced_names_starting(firsts), sentences)


def refresh_inferred_citations(store: GraphStore, changed: Iterable[str] | None = None, *,
                               new: Iterable[str] = (), renamed: Iterable[str] = (), jobs: int = 1,
                               parallel_from: int = PARALLEL_PAPERS, page_papers: int = PAGE_PAPERS,
                               page_introductions: int = PAGE_INTRODUCTIONS) -> CitationRefresh:
    """Recompute the inferred citations and write the difference.

    With ``changed`` (the papers a build wrote), only what they can touch is read again: those
    papers against every introduced name, and the papers that mention a name they claim (or that
    cited them) against all names, found through the store's word index. Of the names that only
    ``new`` papers (among ``changed``: not in the graph before the build) claim, only those whose
    cited introducer changes are looked up: any other links the papers it linked before. Without
    ``changed``, every paper is read (a new paper can be cited by old ones and cite them).
    ``renamed``: entities whose linkable names the build changed (a paper wrote another spelling
    of their name): their names are looked up and the citations into their introducers checked.
    Unchanged edges are not rewritten either way. ``jobs`` and ``parallel_from``: as in
    ``infer_citations`` (the store is read and written in this process only). A refresh of every
    paper reads their text ``page_papers`` at a time, and the introductions (with the store's
    index of introduced names) ``page_introductions`` at a time: its memory does not grow with
    the number of papers, only with the names that can link them.
    """
    index = store if isinstance(store, IntroducedNameIndex) else None
    if changed is None:
        return _refresh_every_paper(store, index, jobs=jobs, parallel_from=parallel_from, page_papers=page_papers,
                                    page_introductions=page_introductions)
    if index is None or not index.introduced_names_complete():
        known = _Introductions.every_one(store)
        if index is not None:  # filled whole: the next incremental refresh reads only what it needs
            index.index_introduced_names({key: name_index_rows(known.entities.get(key, {})) for key in known.entity_keys()},
                                         complete=True)
    else:
        known = _Introductions.of_papers(store, index, set(changed), set(renamed))
    entities = known.entities
    changed = set(changed)
    # Names the batch claims, or through which its papers were cited: their citations may
    # change anywhere (a second claimant makes a name ambiguous, a lost claim frees it).
    into_changed = [row for row in store.edges_of(["CITES"], targets=changed) if row[3].get("inferred")]
    new = set(new) & changed
    # Only claims that can send citations (trusted, not of a name the field already had).
    claims_by = {
        (i.entity, i.paper in new)
        for i in known.introductions()
        if i.paper in changed and i.trusted and (i.rule.startswith("title_prefix") or not _known(entities.get(i.entity, {})))
    }
    claiming = {entity for entity, _ in claims_by}
    # A paper that was in the graph may have lost a claim or a citation (its old claims are gone):
    # every name it touches is looked up, as is every name through which it was cited.
    renamed = set(renamed)
    settled = ({entity for entity, is_new in claims_by if not is_new} | {str(row[3].get("via")) for row in into_changed}
               | renamed)
    touched = claiming | settled
    known.read_entities(touched)
    names = [name for key in touched for name, _ in linkable_names(entities.get(key, {}))]
    touched_norms = {match_key(name) for name in names}
    known.read_names(touched_norms)
    introductions = known.introductions()
    claimants_of_touched = {
        i.paper
        for i in introductions
        if i.entity in renamed or not linkable_norms(entities.get(i.entity, {})).isdisjoint(touched_norms)
    }
    cited_before = {
        (s, t): props
        for _, s, t, props in store.edges_of(["CITES"], targets=changed | claimants_of_touched)
        if props.get("inferred")
    }
    texts: dict[str, PaperText] = {}
    known_forms: ClaimForms = {}
    new_only = touched_norms.difference(*(linkable_norms(entities.get(key, {})) for key in settled))
    if new_only:
        texts.update((row[0], PaperText(*row)) for row in store.paper_texts(claimants_of_touched))
        anew = names_cited_anew(introductions, entities, texts.values(), new_only, new, known_forms, jobs=jobs,
                                parallel_from=parallel_from)
        names = [name for name in names if match_key(name) not in new_only or match_key(name) in anew]
    scope = changed | {s for s, _ in cited_before} | store.papers_with_names(names)
    # Only the claimants whose names the scope's papers could write are read, not every introducer.
    if introductions or index is not None:
        texts.update((row[0], PaperText(*row)) for row in store.paper_texts(scope - texts.keys()))
    in_scope = [texts[key] for key in sorted(scope) if key in texts]
    # When the build only added papers, no claim was lost, so every name whose cited introducer may
    # change is touched, and a paper the build did not write (its text unchanged) can change its
    # citations only into the changed papers and the claimants of touched names (``cited_again``). It
    # is read against those papers' names alone (every name of theirs: a citation goes through the most
    # confident of them), and its other citations stay as they are: at a million papers, two thirds of
    # a refresh's papers were read only as the introducers of other names. A paper written again may
    # have lost a claim whose name links nobody, which nothing here sees: then every paper in scope is
    # read against every name, as a full refresh would.
    cited_again = changed | claimants_of_touched if changed <= new else None
    if cited_again is None:
        written = known.names_written_in(list(words_of(in_scope)))
    else:
        known.read_introductions_of(claimants_of_touched)
        written = known.names_written_in(list(words_of(p for p in in_scope if p.key in changed)))
        written |= {norm for _, _, norm in known.name_rows_of(cited_again)}
    known.read_names(written)
    introductions = known.introductions()
    others = claimants_of(introductions, entities, written) - scope
    texts.update((row[0], PaperText(*row)) for row in store.paper_texts(others - texts.keys()))
    papers = sorted(in_scope + [texts[key] for key in others if key in texts], key=lambda p: p.key)
    existing = dict(cited_before)
    existing.update({(s, t): props for _, s, t, props in store.inferred_citations_from(scope)
                     if cited_again is None or s in changed or t in cited_again})
    inferred = infer_citations(introductions, entities, papers, citing=scope, written=written,
                               jobs=jobs, parallel_from=parallel_from, known_forms=known_forms)
    wanted = {(e.source, e.target): e for e in inferred
              if cited_again is None or e.source in changed or e.target in cited_again}
    stale, changed_edges, rewritten = _difference(existing, wanted)
    store.remove_inferred_citations(stale + rewritten)
    if changed_edges:
        store.upsert(GraphBatch((), tuple(changed_edges)))
    citing = sum(1 for p in papers if p.key in scope)
    return CitationRefresh(added=len([p for p in wanted if p not in existing]), removed=len(stale),
                           total=store.count_inferred_citations(), jobs=_processes(jobs, citing, parallel_from))


def _difference(existing: Mapping[tuple[str, str], Mapping[str, Any]], wanted: Mapping[tuple[str, str], Edge]
                ) -> tuple[list[tuple[str, str]], list[Edge], list[tuple[str, str]]]:
    """What turns the ``existing`` inferred citations (by (citing, cited)) into the ``wanted`` ones:
    the stale pairs, the edges to write (new or changed), and the pairs to remove before they are
    written again (an edge that loses a property, "why": upserts only add properties)."""
    stale = [pair for pair in existing if pair not in wanted]
    changed = [e for pair, e in wanted.items()
               if any(existing.get(pair, {}).get(k) != e.props.get(k) for k in INFERRED_CITATION_PROPS)]
    rewritten = [pair for pair, e in wanted.items() if pair in existing and _props_of(existing[pair]) - set(e.props)]
    return stale, changed, rewritten


def _refresh_every_paper(store: GraphStore, index: IntroducedNameIndex | None, *, jobs: int, parallel_from: int,
                         page_papers: int, page_introductions: int) -> CitationRefresh:
    """``refresh_inferred_citations`` of every paper: the claims weighed a page of introductions at
    a time, then the papers read a page at a time and each part's citations compared with those
    the store holds as they come. Stale ones are removed as found; new and changed ones are
    written at the end, in (citing, cited) order, as a refresh holding everything writes them."""
    introductions = _introduction_pages(store, index, page_introductions)
    first = next(introductions, None)
    pages = _paper_pages(store, page_papers)
    head: list[list[PaperText]] = []  # enough papers to tell whether workers are worth starting
    if first is not None:  # without introductions no text is read for the claims or the workers
        for page in pages:
            head.append(page)
            if sum(map(len, head)) >= parallel_from:
                break
    processes = _processes(jobs, sum(map(len, head)), parallel_from)
    # Started first, so that the workers get ready while this process reads the introductions.
    workers = _citation_workers(processes) if processes > 1 else None
    try:
        names = _names_of_every_claim(store, chain([first], introductions) if first is not None else [], workers)
        return _write_citations(store, _citations_by_part(chain(head, pages), names, workers), processes)
    finally:
        if workers is not None:
            workers.close()


def _introduction_pages(store: GraphStore, index: IntroducedNameIndex | None, size: int) -> Iterator[_IntroductionPage]:
    """Every introduction, in edge order, with its entity's name and aliases, ``size`` at a time;
    the store's index of introduced names (when it keeps one) is filled anew with their entities
    as the pages are read. A store without the index gives them all in one page."""
    if index is None:
        known = _Introductions.every_one(store)
        yield known.introductions(), known.entities
        return
    index.index_introduced_names({}, complete=True)  # emptied; complete once every page has added its entities
    # An entity introduced in several pages (a third of a million-paper store's entity-page pairs) is
    # indexed in the first: its names are the same in the next (the refresh changes no entity).
    indexed: set[str] = set()
    after = 0
    while rows := index.introductions_after(after, size):
        after = rows[-1][0]
        page = _Introductions(store, index)
        page._add(rows)
        keys = page.entity_keys()
        page.read_entities(keys)
        fresh = keys - indexed
        index.index_introduced_names({key: name_index_rows(page.entities.get(key, {})) for key in fresh}, unindexed=True)
        indexed |= fresh
        yield page.introductions(), page.entities


def _paper_pages(store: GraphStore, size: int) -> Iterator[list[PaperText]]:
    """Every read paper's text, in key order, ``size`` papers at a time."""
    after = None
    while rows := store.paper_texts_after(after, size):
        after = rows[-1][0]
        yield [PaperText(*row) for row in rows]


def _names_of_every_claim(store: GraphStore, introductions: Iterable[_IntroductionPage],
                          workers: Workers | None) -> _CitableNames:
    """The names papers are cited through, weighed over every claim (``introductions``, a page at a
    time: only a page's introducers' text is read at once)."""

    def texts(keys: set[str]) -> dict[str, PaperText]:
        return {row[0]: PaperText(*row) for row in store.paper_texts(keys)}

    forms = _forms_in_workers(workers) if workers is not None else _forms_in_process()
    named = _collect_claims(introductions, texts, forms, None)
    return _CitableNames.of(named, _choose_introducers(named, named.published))


# The citations found in a part of the papers: (its papers' keys, ((citing, cited), (confidence, via, evidence, why)) each).
_PartCitations = tuple[list[str], list[tuple[tuple[str, str], tuple[float, str, str, str]]]]


def _citations_by_part(pages: Iterable[list[PaperText]], names: _CitableNames,
                       workers: Workers | None) -> Iterator[_PartCitations]:
    """The citations of these papers, ``TASK_PAPERS`` papers (a worker's task) at a time, in order."""

    def tasks() -> Iterator[tuple[list[tuple[str, str, str, str | None]], list[str]]]:
        for page in pages:
            for start in range(0, len(page), TASK_PAPERS):
                part = page[start : start + TASK_PAPERS]
                yield [(p.key, p.title, p.abstract, p.published) for p in part], [p.key for p in part]

    if workers is None:
        return ((keys, _citations_in_texts(task, names)) for task, keys in tasks())
    return workers.imap(_citations_in_texts, tasks(), shared=names, ahead=PAGE_TASKS + 2 * workers.jobs)


def _write_citations(store: GraphStore, parts: Iterable[_PartCitations], jobs: int) -> CitationRefresh:
    """Make the store's inferred citations those found, part by part (``parts`` cover every paper
    with text; those from any other node are stale)."""
    added = removed = total = 0
    changed: list[Edge] = []
    for keys, found in parts:
        existing = {(s, t): props for _, s, t, props in store.inferred_citations_from(keys)}
        wanted = {pair: _citation_edge(pair, value) for pair, value in sorted(found)}
        stale, changed_here, rewritten = _difference(existing, wanted)
        store.remove_inferred_citations(stale + rewritten)
        changed += changed_here
        added += sum(1 for pair in wanted if pair not in existing)
        removed += len(stale)
        total += len(wanted)
    unread = [(s, t) for _, s, t, _ in store.inferred_citations_without_text()]
    store.remove_inferred_citations(unread)
    changed.sort(key=lambda e: (e.source, e.target))
    for start in range(0, len(changed), UPSERT_EDGES):
        store.upsert(GraphBatch((), tuple(changed[start : start + UPSERT_EDGES])))
    return CitationRefresh(added=added, removed=removed + len(unread), total=total, jobs=jobs)
