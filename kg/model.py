"""Typed records, natural keys and the graph schema shared by every stage.

Every node has a deterministic natural key whose prefix names its label (``paper:2407.21783``,
``model:qwen2.5-32b``, ``repo:github.com/o/r``), so every write is an idempotent upsert on that key
and an edge can be routed to the right labels from its two keys alone.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

SCHEMA_VERSION = 1

# ---------------------------------------------------------------------------------------------
# Normalisation and keys
# ---------------------------------------------------------------------------------------------

_ARXIV_NEW = re.compile(r"^(?:arxiv:)?(\d{4}\.\d{4,5})(?:v\d+)?$", re.IGNORECASE)
_ARXIV_OLD = re.compile(r"^(?:arxiv:)?([a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?$", re.IGNORECASE)
_SEPARATORS = re.compile(r"[\s_\-/]+")
_LETTER_DIGIT_GAP = re.compile(r"(?<=[a-z])-(?=\d)")


def normalize_title(title: str) -> str:
    """Lower-case letters and digits only: the identity of a title across sources and layouts.

    >>> normalize_title("Forward $χ^2$ Divergence")
    'forwardχ2divergence'
    """
    return _normalized_title(title)


@lru_cache(maxsize=1 << 16)  # a build asks for each paper's a few times
def _normalized_title(title: str) -> str:
    return "".join(filter(str.isalnum, unicodedata.normalize("NFKC", title).casefold()))


def parse_arxiv_id(value: str | None) -> str | None:
    """The arXiv id without version suffix, or None when ``value`` is not one.

    Accepts bare ids, ``arXiv:`` prefixes and abs/pdf URLs: ``https://arxiv.org/abs/2407.21783v2``
    gives ``2407.21783``.
    """
    if not value:
        return None
    text = value.strip()
    for marker in ("/abs/", "/pdf/", "/papers/"):
        if marker in text:
            text = text.split(marker, 1)[1]
    text = text.removesuffix(".pdf").strip("/")
    for pattern in (_ARXIV_NEW, _ARXIV_OLD):
        match = pattern.match(text)
        if match:
            return match.group(1)
    return None


_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
_OPENREVIEW_URL = re.compile(r"^https?://(?:www\.)?openreview\.net/(?:forum|pdf)\?id=([^&#\s]+)", re.IGNORECASE)


def source_id(value: str) -> str:
    """A source's own identifier of a paper as the graph keeps it: as written, less the URL or
    prefix around a DOI or an OpenReview id, so every spelling of one id names the same paper.

    >>> source_id("https://doi.org/10.18653/v1/N19-1423"), source_id("https://openreview.net/forum?id=r1xMH1BtvB")
    ('10.18653/v1/N19-1423', 'r1xMH1BtvB')
    """
    text = value.strip()
    match = _OPENREVIEW_URL.match(text)
    if match:
        return match.group(1)
    return _DOI_PREFIX.sub("", text)


def source_id_match(value: str) -> str:
    """How a typed identifier is compared with the ids papers keep: ``source_id``, lower-cased
    (DOIs are case-blind; the stores compare ``toLower`` of each kept id)."""
    return source_id(value).lower()


def own_ids(*values: str | None) -> tuple[str, ...]:
    """The identifiers among ``values`` a paper keeps as ``ids``: each through ``source_id``, in
    order, without repeats; empty values and arXiv ids (the paper's key says those) left out."""
    kept: list[str] = []
    for value in values:
        if value and value.strip() and not parse_arxiv_id(value):
            ident = source_id(value)
            if ident and ident not in kept:
                kept.append(ident)
    return tuple(kept)


# How the key of a paper known by its title alone begins (no arXiv id: a hash of the normalised title).
TITLE_KEY_PREFIX = "paper:t-"


def paper_key(*, arxiv_id: str | None, title: str) -> str:
    """``paper:<arXiv id>`` when known, else a key derived from the normalised title."""
    if arxiv_id:
        return f"paper:{arxiv_id}"
    import hashlib  # here, not at the top: loading OpenSSL is 2-7 ms of every command's start, and only builds hash

    digest = hashlib.sha1(normalize_title(title).encode("utf-8")).hexdigest()[:16]
    return f"{TITLE_KEY_PREFIX}{digest}"


@lru_cache(maxsize=200_000)
def normalize_name(name: str) -> str:
    """Canonical spelling of an entity name: LLaMA-2 = Llama 2 = Llama-2 -> ``llama2``.

    Lower-case, separators collapsed to one hyphen, and no hyphen between a letter and the digit
    after it (so GPT-4 = GPT4), while digit groups stay apart (Qwen2.5-32B -> ``qwen2.5-32b``).
    """
    text = unicodedata.normalize("NFKC", name).casefold().strip()
    text = _SEPARATORS.sub("-", text).strip("-")
    return _LETTER_DIGIT_GAP.sub("", text)


# A token of a name as written, for exact-spelling scans: letters of any script, digits, inner
# hyphens and dots, a trailing "+" ("GPT-4o", "ψ-RAG", "VBench++", "Qwen2.5").
NAME_TOKEN = re.compile(r"[^\W_]+(?:[-.][^\W_]+)*\+*")


@lru_cache(maxsize=200_000)
def match_key(name: str) -> str:
    """How a name typed by a user is compared with entity names and aliases: lower-case letters
    (Greek too) and digits, a plural "s" dropped ("LLaMA-2" = "llama 2"; "Transformers" =
    "transformer"). A "+" is kept: ImageNet++ and VBench++ are not ImageNet and VBench; so is a
    final capital S after a digit or a separator, or an s after a dash: ViT-S (vit-s) is not ViT."""
    return match_key_of_words([_match_letters(name)])


@lru_cache(maxsize=200_000)
def match_letters(word: str) -> str:
    """The letters, digits and "+" that ``match_key`` keeps of one word (before its plural rule)."""
    return _match_letters(word)


def match_key_of_words(letters: Iterable[str]) -> str:
    """``match_key`` of words written one after the other, from each word's ``match_letters``:
    ``match_key("Llama 3.1")`` is ``match_key_of_words([match_letters("Llama"), match_letters("3.1")])``
    (a space between words joins nothing in NFKC), so a scan of every run of words in a text
    normalises each word once instead of each run."""
    text = "".join(letters)
    if "S" in text:  # a word's capital S counts only at the name's end, "+" aside ("MS MARCO" = "ms marco")
        core = text.rstrip("+")
        text = core[:-1].lower() + core[-1:] + text[len(core) :]
    return text[:-1] if len(text) > 3 and text.endswith("s") else text


def _match_letters(text: str) -> str:
    letters = "".join(ch for ch in unicodedata.normalize("NFKC", text).casefold() if ch.isalnum() or ch == "+")
    if _TIER_S.search(text):
        # Kept apart from a plural's "s" (the plural rule drops only a lower-case one); a "+" after it stays.
        at = letters.rindex("s")
        return f"{letters[:at]}S{letters[at + 1:]}"
    return letters


# A name's last letter an upper-case S after a separator or a digit, or standing alone, or a
# lower-case s after a dash: a size or tier ("ViT-S", "BLT-S", "FireRedASR2S", "vit-s" as
# a user types it), never a plural ("ViTs", "LLMs", "GPT-4s", "GPT-4's"). After capitals it is left
# to the plural rule, as the capitals of a word ("ATLAS" = "Atlas") are.
_TIER_S = re.compile(r"(?:(?<![^\W\d_])S|(?<=-)s)\W*\Z")


def entity_key(entity_type: str, name: str) -> str:
    """``<type>:<normalised name>``, e.g. ``model:qwen2.5-32b``."""
    return f"{entity_type}:{normalize_name(name)}"


def repo_key(url: str) -> str:
    """``repo:`` + URL without scheme, ``www.``, trailing slash or ``.git``, lower-cased."""
    text = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url.strip(), flags=re.IGNORECASE)
    text = text.removeprefix("www.").rstrip("/")
    text = text.removesuffix(".git").rstrip("/")
    return f"repo:{text.lower()}"


def result_key_of(paper: str, dataset: str, subject: str, metric: str | None, value: float, setting: str | None) -> str:
    """``result:<paper key>:<digest>``: one result per paper, dataset, subject, metric, value, setting."""
    import hashlib  # see paper_key

    ident = "|".join([dataset, normalize_name(subject), normalize_name(metric or ""), repr(float(value)), setting or ""])
    digest = hashlib.sha1(ident.encode("utf-8")).hexdigest()[:12]
    return f"result:{paper.removeprefix('paper:')}:{digest}"


def result_key(result: ReportedResult, paper: str) -> str:
    """The result's key within ``paper`` (see ``result_key_of``)."""
    return result_key_of(paper, normalize_name(result.dataset), result.subject, result.metric, result.value, result.setting)


def metric_key(metric: str) -> str:
    """How metric names compare: lower-case letters, digits and "@" ("Pass@1" = "pass@1", "ROUGE-1" = "rouge1")."""
    return "".join(ch for ch in metric.casefold() if ch.isalnum() or ch == "@")


_MONTH = re.compile(r"^(\d{4})-(\d{2})")
_ARXIV_MONTH = re.compile(r"^(\d{2})(\d{2})\.\d{4,5}$")


def publication_month(published: str | None, arxiv_id: str | None) -> str | None:
    """``YYYY-MM`` a paper came out: from its publication date, else from its arXiv id (2407.21783
    -> 2024-07); None when neither says (trending-page captures give no year)."""
    match = _MONTH.match(published or "")
    if match:
        return f"{match.group(1)}-{match.group(2)}"
    match = _ARXIV_MONTH.match(arxiv_id or "")
    if match and 1 <= int(match.group(2)) <= 12:
        return f"20{match.group(1)}-{match.group(2)}"
    return None


def author_key(name: str) -> str:
    """``author:<normalised name>``; the same spelling of a name is one author."""
    return f"author:{normalize_name(name)}"


# ---------------------------------------------------------------------------------------------
# Source records
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where a record was read: a file (or bundled resource) and the 1-based line it starts on."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True, slots=True)
class Paper:
    """One paper as a source gives it; ``key`` is its natural key.

    ``ids`` are the sources' own identifiers of the paper other than its arXiv id (a JSON Lines
    ``id`` such as "acme-0001", a DOI, an OpenReview id, ``s2:<paperId>``), as ``source_id`` keeps
    them; records of one paper merged from several sources keep all of them, and each names the
    paper wherever a command takes one.
    """

    title: str
    abstract: str
    sources: tuple[SourceRef, ...]
    arxiv_id: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    url: str | None = None
    ids: tuple[str, ...] = ()
    upvotes: int | None = None
    keywords: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    stub: bool = False
    # Links the source gives as fields (field name, URL), e.g. ("githubRepo", "https://github.com/a/b").
    links: tuple[tuple[str, str], ...] = ()

    @property
    def key(self) -> str:
        return paper_key(arxiv_id=self.arxiv_id, title=self.title)

    @property
    def norm_title(self) -> str:
        return normalize_title(self.title)


@dataclass(frozen=True, slots=True)
class Skip:
    """A record that was not read, and why."""

    source: SourceRef
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


# ---------------------------------------------------------------------------------------------
# Extraction records
# ---------------------------------------------------------------------------------------------

ENTITY_TYPES = ("model", "dataset", "method")
ROLES = ("introduces", "uses", "evaluates_on", "compares", "mentions")
# Strongest first: when one paper links to one entity in several ways, the first role wins.
ROLE_PRIORITY = {role: rank for rank, role in enumerate(ROLES)}
REPO_KINDS = ("code", "hf_model", "hf_dataset", "hf_space", "project_page", "other")


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why an extracted fact holds: the sentence, where the name sits, which rule, how sure."""

    sentence: str
    field: str  # "title" or "abstract"
    start: int  # character offsets of the name within that field's text
    end: int
    rule: str
    confidence: float


@dataclass(frozen=True, slots=True)
class Entity:
    """A model, dataset or method, with its aliases and (for models) its parsed name."""

    type: str
    name: str
    aliases: tuple[str, ...] = ()
    family: str | None = None
    version: str | None = None
    size: str | None = None
    variant: str | None = None

    @property
    def key(self) -> str:
        return entity_key(self.type, self.name)


@dataclass(frozen=True, slots=True)
class Repo:
    """A code repository, Hugging Face page or project page."""

    url: str
    kind: str

    @property
    def key(self) -> str:
        return repo_key(self.url)


@dataclass(frozen=True, slots=True)
class Mention:
    """A paper's link to an entity in one role, with its evidence."""

    entity: Entity
    role: str
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class RepoLink:
    """A paper's link to a repo, with its evidence (or the metadata field it came from)."""

    repo: Repo
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class ReportedResult:
    """An absolute score a paper reports for a subject on a dataset (shared/eval/RESULTS.md).

    ``subject_entity`` and ``dataset_entity`` name entities among the same paper's mentions (the
    graph links the result to them); the subject may be none ("(this paper)", "humans").
    """

    subject: str
    own: bool
    dataset: str  # as written, with its split or variant ("ImageNet 256")
    value: float
    evidence: Evidence
    dataset_entity: str
    subject_entity: str | None = None
    metric: str | None = None
    unit: str | None = None
    setting: str | None = None
    value_text: str | None = None


@dataclass(frozen=True, slots=True)
class PaperExtraction:
    """Everything the extractors found in one paper."""

    paper_key: str
    mentions: tuple[Mention, ...] = ()
    repo_links: tuple[RepoLink, ...] = ()
    results: tuple[ReportedResult, ...] = ()


# ---------------------------------------------------------------------------------------------
# Graph records and schema
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Node:
    """A node to upsert: label, natural key and properties (None values are left out)."""

    label: str
    key: str
    props: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Edge:
    """A relationship to upsert; one edge per (type, source, target)."""

    type: str
    source: str
    target: str
    props: Mapping[str, Any] = field(default_factory=dict)

    @property
    def ident(self) -> tuple[str, str, str]:
        return (self.type, self.source, self.target)


@dataclass(frozen=True, slots=True)
class GraphBatch:
    """Nodes and edges written together by one build."""

    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]


@dataclass(frozen=True)
class Schema:
    """The labels, relationship types and allowed (label, type, label) triples of the graph."""

    version: int
    key_prefixes: Mapping[str, str]  # key prefix -> label
    rel_types: tuple[str, ...]
    triples: frozenset[tuple[str, str, str]]
    # List properties that accumulate across writes (set union) instead of being replaced.
    union_props: frozenset[str]
    # Relationship types that carry no properties (the pair of nodes says it all): both stores
    # refuse properties on them, so the embedded store may keep them as bare pairs of node ids.
    plain_rel_types: frozenset[str] = frozenset()

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(self.key_prefixes.values())

    def label_of(self, key: str) -> str:
        """The label a natural key belongs to, from its prefix."""
        prefix = key.split(":", 1)[0]
        try:
            return self.key_prefixes[prefix]
        except KeyError:
            raise ValueError(f"key {key!r} has no known label prefix") from None

    def check_edge(self, edge: Edge) -> None:
        """Raise ValueError when the edge's (label, type, label) is not allowed, or it gives properties to a plain type."""
        triple = (self.label_of(edge.source), edge.type, self.label_of(edge.target))
        if triple not in self.triples:
            raise ValueError(f"relationship {triple} is not in the schema")
        if edge.props and edge.type in self.plain_rel_types:
            raise ValueError(f"relationship {triple} carries no properties, got {sorted(edge.props)}")

    def check_node(self, node: Node) -> None:
        """Raise ValueError when the node's key prefix does not match its label."""
        if self.label_of(node.key) != node.label:
            raise ValueError(f"node {node.key!r} has label {node.label}, key says otherwise")

    def check_batch(self, nodes: Iterable[Node], edges: Iterable[Edge]) -> None:
        """``check_node`` and ``check_edge`` for a whole batch: each distinct kind of node and edge
        (key prefixes, type, whether it has properties) is checked once, not each of a chunk's ~100,000."""
        checked: set[tuple[str, ...]] = set()
        for node in nodes:
            kind = (node.key.partition(":")[0], node.label)
            if kind not in checked:
                self.check_node(node)
                checked.add(kind)
        for edge in edges:
            kind = (edge.source.partition(":")[0], edge.type, edge.target.partition(":")[0], "props" if edge.props else "")
            if kind not in checked:
                self.check_edge(edge)
                checked.add(kind)


ROLE_REL_TYPES = {role: role.upper() for role in ROLES}
ENTITY_LABELS = {"model": "Model", "dataset": "Dataset", "method": "Method"}


def _build_schema() -> Schema:
    triples = {("Paper", rel, label) for rel in ROLE_REL_TYPES.values() for label in ENTITY_LABELS.values()}
    triples |= {
        ("Paper", "HAS_REPO", "Repo"),
        ("Paper", "CITES", "Paper"),
        ("Author", "WROTE", "Paper"),
        ("Model", "VARIANT_OF", "Model"),
        ("Paper", "REPORTS", "Result"),
        ("Result", "MEASURED_ON", "Dataset"),
        ("Result", "SCORED_BY", "Model"),
        ("Result", "SCORED_BY", "Method"),
    }
    rel_types = tuple(ROLE_REL_TYPES.values()) + ("HAS_REPO", "CITES", "WROTE", "VARIANT_OF")
    rel_types += ("REPORTS", "MEASURED_ON", "SCORED_BY")
    return Schema(
        version=SCHEMA_VERSION,
        key_prefixes={
            "paper": "Paper",
            "model": "Model",
            "dataset": "Dataset",
            "method": "Method",
            "repo": "Repo",
            "author": "Author",
            "result": "Result",
        },
        rel_types=rel_types,
        triples=frozenset(triples),
        union_props=frozenset({"sources", "aliases", "names_norm", "ids"}),
        plain_rel_types=frozenset({"WROTE"}),
    )


SCHEMA = _build_schema()


def merge_props(old: Mapping[str, Any], new: Mapping[str, Any], *, union: Iterable[str] = SCHEMA.union_props) -> dict[str, Any]:
    """Properties after an upsert: new values win, list properties in ``union`` accumulate.

    The Neo4j store does the same in Cypher; both stores must agree on this rule.
    """
    if not old:  # a node or edge written for the first time (most of a build's): nothing to accumulate
        return {name: list(value) if isinstance(value, (list, tuple)) else value
                for name, value in new.items() if value is not None}
    merged = dict(old)
    union_set = union if isinstance(union, (set, frozenset)) else set(union)
    for name, value in new.items():
        if value is None:
            continue
        if name in union_set and name in merged:
            merged[name] = list(merged[name]) + [v for v in value if v not in merged[name]]
        else:
            merged[name] = list(value) if isinstance(value, (list, tuple)) else value
    return merged
