"""spaCy components: thin wrappers that put the pure functions' results on ``Doc._`` extensions.

Components cooperate through the extensions only; the pure functions do the work on the text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from paperkg.extractors.abbreviations import find_abbreviations
from paperkg.extractors.candidates import find_candidates, split_sentences
from paperkg.extractors.gazetteer import Gazetteer, default_gazetteer
from paperkg.extractors.links import find_links
from paperkg.extractors.results import find_scores
from paperkg.extractors.spacy_runtime import Doc, Language, minibatch, registry

EXTENSIONS = ("links", "candidates", "sentence_bounds", "scores")
for _name in EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

# spaCy keeps a Doc extension's value in doc.user_data under this key; "doc._.name" builds an
# accessor object at each use to reach it (some twelve a paper, a sixtieth of the extraction time).
# The components write and read the entry directly: doc._.name gives the same values.
_EXTENSION_KEYS = {name: ("._.", name, None, None) for name in EXTENSIONS}


def set_extension_value(doc: Doc, name: str, value: object) -> None:
    """``doc._.name = value``, for the extensions above (they have no getter, setter or method)."""
    doc.user_data[_EXTENSION_KEYS[name]] = value


def extension_value(doc: Doc, name: str):
    """``doc._.name``, for the extensions above (None when unset, their default)."""
    return doc.user_data.get(_EXTENSION_KEYS[name])


TEXT_KEY = "paperkg_text"
TEXT_ONLY_TOKENIZER = "paperkg_text_only"  # its name in spaCy's registry of tokenizers


class TextOnlyTokenizer:
    """Makes a Doc that holds the input string (in ``doc.user_data``) and no tokens.

    The components read the text and its character offsets, never tokens: splitting every text
    into tokens cost an eighth of the extraction time, and interned every new word in the shared
    vocabulary, which grows with the corpus (some 24 new strings a paper, hundreds of MB for a
    million papers). ``text_of`` gives the components the string.
    """

    def __init__(self, vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        doc = Doc(self.vocab, words=[], spaces=[])
        doc.user_data[TEXT_KEY] = text
        return doc

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)


@registry.tokenizers(TEXT_ONLY_TOKENIZER)
def make_text_only_tokenizer():
    """TextOnlyTokenizer as a config's tokenizer: ``spacy.blank`` then never builds the English
    tokenizer (its special cases and affix patterns cost a quarter of a second at start-up)."""

    def create_tokenizer(nlp: Language) -> TextOnlyTokenizer:
        return TextOnlyTokenizer(nlp.vocab)

    return create_tokenizer


def text_of(doc: Doc) -> str:
    """The doc's text, as kept by TextOnlyTokenizer (rebuilt from the tokens of a doc made elsewhere)."""
    text = doc.user_data.get(TEXT_KEY)
    return text if text is not None else doc.text


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of the doc's sentences, as ``paperkg_sentences`` set them."""
    bounds = extension_value(doc, "sentence_bounds")
    if bounds is None:
        bounds = split_sentences(text_of(doc))
        set_extension_value(doc, "sentence_bounds", bounds)
    return bounds


class BatchedComponent:
    """A component that ``nlp.pipe`` runs over a batch of docs before the next component takes them.

    Without ``pipe``, spaCy passes each doc through every component in turn; the components' rules
    (hundreds of patterns, dozens of functions) then leave the processor's caches between one doc and
    the next. Run a batch at a time, each component's rules stay in cache over the whole batch
    (extraction 8% faster). Each doc's values are those ``__call__`` gives it: the rules are pure
    functions of one text.
    """

    def __call__(self, doc: Doc) -> Doc:  # each component's own
        raise NotImplementedError

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 256) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            for doc in batch:
                self(doc)
            yield from batch


class SentenceSplitter(BatchedComponent):
    """Sentence boundaries as character ranges: ``Doc._.sentence_bounds``.

    Abstracts are read as text by the other components; ranges from a regex over the text cost
    a fraction of walking spaCy's tokens for ``doc.sents``.
    """

    def __call__(self, doc: Doc) -> Doc:
        set_extension_value(doc, "sentence_bounds", split_sentences(text_of(doc)))
        return doc


class LinkFinder(BatchedComponent):
    """Repository and project links: ``Doc._.links`` (FoundLink, char offsets in the doc)."""

    def __call__(self, doc: Doc) -> Doc:
        set_extension_value(doc, "links", find_links(text_of(doc)))
        return doc


class CandidateFinder(BatchedComponent):
    """Spans that may name models, datasets or methods: ``Doc._.candidates`` (TextCandidates)."""

    def __init__(self, *, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def __call__(self, doc: Doc) -> Doc:
        set_extension_value(doc, "candidates", find_candidates(text_of(doc), self.gazetteer))
        return doc

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 256) -> Iterator[Doc]:
        """As BatchedComponent's, with two steps of find_candidates run over the whole batch first, each
        in turn: the gazetteer's look-ups (its large tables) and the abbreviations. Apart from the many
        rules that follow, each keeps its code and tables in the processor's caches (extraction 4% faster)."""
        for batch in minibatch(docs, size=batch_size):
            texts = [text_of(doc) for doc in batch]
            matches = [self.gazetteer.find(text) for text in texts]
            abbreviations = [find_abbreviations(text) for text in texts]
            for doc, text, found, defined in zip(batch, texts, matches, abbreviations, strict=True):
                candidates = find_candidates(text, self.gazetteer, matches=found, abbreviations=defined)
                set_extension_value(doc, "candidates", candidates)
            yield from batch


class ScoreFinder(BatchedComponent):
    """Numbers that may be reported scores, relative changes and sizes left out: ``Doc._.scores``
    (extractors.results.Score); tied to datasets and subjects once the entities are resolved."""

    def __call__(self, doc: Doc) -> Doc:
        set_extension_value(doc, "scores", find_scores(text_of(doc)))
        return doc


@Language.factory("paperkg_sentences")
def make_sentence_splitter(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter()


@Language.factory("paperkg_links")
def make_link_finder(nlp: Language, name: str) -> LinkFinder:
    return LinkFinder()


@Language.factory("paperkg_candidates")
def make_candidate_finder(nlp: Language, name: str) -> CandidateFinder:
    return CandidateFinder(gazetteer=default_gazetteer())


@Language.factory("paperkg_scores")
def make_score_finder(nlp: Language, name: str) -> ScoreFinder:
    return ScoreFinder()
