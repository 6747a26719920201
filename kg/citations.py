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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from extractors.candidates import split_sentences
from kg.model import Edge, GraphBatch, match_key
from kg.store.base import ENTITY_NODE_LABELS, GraphStore

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


def name_shape(name: str) -> str | None:
    """"coined", "proper" or None (an ordinary phrase that must not link papers)."""
    words = _WORD.findall(name)
    if not words or len(name.strip()) < 3:
        return None
    if all(word.lower() in _FUNCTION_WORDS for word in words) or _MODIFIER_SUFFIX.search(name):
        return None
    if any(any(c.isdigit() for c in w) for w in words):
        return "coined"
    for word in words:
        if any(c.isupper() for c in word[1:]):  # RoBERTa, DeepSeekMoE, GLUE
            return "coined"
    parts = [part for part in name.split("-") if part]
    if len(parts) == 2 and all(part[:1].isupper() for part in parts):
        return "coined"  # Mini-Gemini; three parts and more read as a description (Vision-Language-Action)
    content = [w for w in words if w.lower() not in _FUNCTION_WORDS]
    if len(content) >= 2 and all(w[:1].isupper() for w in content):
        return "proper"  # Visual Genome, Segment Anything
    return None


# Tokens keep Greek letters and a trailing "+": ψ-RAG is not RAG, VBench++ is not VBench.
_TOKEN = re.compile(r"[^\W_]+(?:[-.][^\W_]+)*\+*")
# A version right after a family's name makes it another release ("EXAONE 4.5" is not the
# paper that introduced "EXAONE" 3.0).
_VERSION_TOKEN = re.compile(r"^v?\d+(?:\.\d+)*[a-z]?$")
# Claims too weak to send other papers' mentions to the claimant: a known name, or a capitalised
# phrase the paper only seems to present ("we present the first application of X").
_GUESSED_RULES = ("gazetteer", "pattern.capitalised_phrase")
MIN_NAME_CHARS = 4  # "MoA", "SAM": three-letter acronyms name too many different things
MIN_INTRO_CONFIDENCE = 0.45  # below: weak shapes such as "smaller SMoE models" read as a proposal


@dataclass(frozen=True)
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


def linkable_names(entity: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(name, shape) of the entity's name and aliases that may link papers."""
    found = []
    for name in [entity.get("name") or "", *(entity.get("aliases") or ())]:
        shape = name_shape(name)
        if shape and len(name) >= MIN_NAME_CHARS and all(name != n for n, _ in found):
            found.append((name, shape))
    return found


def tokenized_sentences(paper: PaperText) -> list[tuple[str, list[str]]]:
    """(sentence, tokens) of the title and of each abstract sentence (the extractors' splitter)."""
    abstract = " ".join(paper.abstract.split())
    sentences = [paper.title, *(abstract[start:end] for start, end in split_sentences(abstract))]
    return [(sentence, _TOKEN.findall(sentence)) for sentence in sentences if sentence]


def _spells(name: tuple[str, ...], tokens: list[str]) -> bool:
    """True when the name's tokens stand together, in order and case, among the tokens."""
    width = len(name)
    return any(tuple(tokens[i : i + width]) == name for i, token in enumerate(tokens) if token == name[0])


def _known(entity: Mapping[str, Any]) -> bool:
    """The entity's name is in the gazetteers (a name the field already had)."""
    from extractors.gazetteer import default_gazetteer

    name = entity.get("name") or ""
    return bool(name) and default_gazetteer().lookup(name) is not None


def infer_citations(
    introductions: Iterable[Introduction],
    entities: Mapping[str, Mapping[str, Any]],
    papers: Iterable[PaperText],
) -> list[Edge]:
    """One CITES edge per (citing, cited) pair, through the most confident shared name.

    Names are compared by their normalised form across types (one paper's model "Vid2Seq" is
    another's method), and found in other papers' titles and abstracts by exact spelling, so a
    mention the extractors did not type still counts.
    """
    papers = list(papers)
    published = {p.key: p.published for p in papers}
    sentences_of = {p.key: tokenized_sentences(p) for p in papers}  # each paper split and tokenized once
    by_norm: dict[str, set[str]] = {}  # normalised name -> introducing papers
    surfaces: dict[tuple[str, ...], tuple[str, str, float]] = {}  # tokens -> (norm, via entity, factor)
    best_intro: dict[tuple[str, str], float] = {}
    claims: dict[str, set[str]] = {}  # normalised name -> every paper that claims it, trusted or not
    for intro in introductions:
        for name, _ in linkable_names(entities.get(intro.entity, {})):
            claims.setdefault(match_key(name), set()).add(intro.paper)
        own_sentences = sentences_of.get(intro.paper)
        if not intro.trusted or own_sentences is None:
            continue
        if not intro.rule.startswith("title_prefix") and _known(entities.get(intro.entity, {})):
            continue  # the field knew the name before this paper: it applies it, it did not coin it
        names = [(name, shape, tuple(_TOKEN.findall(name))) for name, shape in linkable_names(entities.get(intro.entity, {}))]
        # Only names the introducer itself writes (or spellings of them: DeepSeekMoE, DeepSeek-MoE);
        # an alias some other paper attached to the entity may mean something else.
        own_norms = {
            match_key(name) for name, _, tokens in names if tokens and any(_spells(tokens, t) for _, t in own_sentences)
        }
        for name, shape, tokens in names:
            norm = match_key(name)
            if not tokens or norm not in own_norms:
                continue
            if shape == "proper" and not intro.rule.startswith("title_prefix"):
                continue  # capitalised common words only count as a name when they lead the title
            by_norm.setdefault(norm, set()).add(intro.paper)
            if tokens not in surfaces:
                surfaces[tokens] = (norm, intro.entity, CONFIDENCE_BY_SHAPE[shape])
            pair = (norm, intro.paper)
            best_intro[pair] = max(best_intro.get(pair, 0.0), intro.confidence)
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for tokens in surfaces:
        by_first.setdefault(tokens[0], []).append(tokens)
    best: dict[tuple[str, str], tuple[float, str, str]] = {}
    first_tokens = set(by_first)
    for paper in papers:
        for sentence, tokens in sentences_of[paper.key]:
            if first_tokens.isdisjoint(tokens):
                continue
            for index, token in enumerate(tokens):
                for name_tokens in by_first.get(token, ()):
                    end = index + len(name_tokens)
                    if tuple(tokens[index:end]) != name_tokens:
                        continue  # the whole name, not only its first word
                    if end < len(tokens) and _VERSION_TOKEN.match(tokens[end]):
                        continue  # "EXAONE 4.5": another release of the family
                    norm, via, factor = surfaces[name_tokens]
                    cited = by_norm[norm]
                    if len(cited) != 1 or paper.key in claims.get(norm, ()):
                        continue  # two papers claim the name, or the paper names its own (a component it defines)
                    (target,) = cited
                    citing_date, cited_date = published.get(paper.key), published.get(target)
                    if citing_date and cited_date and citing_date[:10] < cited_date[:10]:
                        continue
                    confidence = round(best_intro[(norm, target)] * factor, 4)
                    candidate = (confidence, via, sentence)
                    pair = (paper.key, target)
                    if pair not in best or (-confidence, via) < (-best[pair][0], best[pair][1]):
                        best[pair] = candidate
    return [
        Edge("CITES", citing, cited, {"inferred": True, "via": via, "evidence": sentence, "confidence": confidence})
        for (citing, cited), (confidence, via, sentence) in sorted(best.items())
    ]


@dataclass(frozen=True)
class CitationRefresh:
    added: int
    removed: int
    total: int


def refresh_inferred_citations(store: GraphStore) -> CitationRefresh:
    """Recompute every inferred citation from the graph's current papers and write the difference.

    The whole graph is considered (a new paper can be cited by old ones and cite them); unchanged
    edges are not rewritten.
    """
    introductions = [
        Introduction(source, target, float(props.get("confidence") or 0.0), str(props.get("rule") or ""))
        for _, source, target, props in store.edges_of(["INTRODUCES"])
    ]
    entities: dict[str, dict[str, Any]] = {}
    introduced = sorted({i.entity for i in introductions})
    for label in ENTITY_NODE_LABELS:
        entities.update(store.nodes(label, introduced))
    papers = [PaperText(*row) for row in store.paper_texts()] if introductions else []
    wanted = {(e.source, e.target): e for e in infer_citations(introductions, entities, papers)}
    existing = {(s, t): props for _, s, t, props in store.edges_of(["CITES"]) if props.get("inferred")}
    stale = [pair for pair in existing if pair not in wanted]
    changed = [e for pair, e in wanted.items() if any(existing.get(pair, {}).get(k) != v for k, v in e.props.items())]
    store.remove_inferred_citations(stale)
    if changed:
        store.upsert(GraphBatch((), tuple(changed)))
    return CitationRefresh(added=len([p for p in wanted if p not in existing]), removed=len(stale), total=len(wanted))
