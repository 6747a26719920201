"""spaCy components: thin wrappers that put the pure functions' results on ``Doc._`` extensions.

Components cooperate through the extensions only; the pure functions do the work on the text.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extractors.candidates import find_candidates
from extractors.gazetteer import Gazetteer, default_gazetteer
from extractors.links import find_links

for _name in ("links", "candidates", "sentence_bounds"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of the doc's sentences (the whole text when no sentencizer ran)."""
    if doc._.sentence_bounds is None:
        if doc.has_annotation("SENT_START"):
            doc._.sentence_bounds = [(s.start_char, s.end_char) for s in doc.sents]
        else:
            doc._.sentence_bounds = [(0, len(doc.text))] if doc.text else []
    return doc._.sentence_bounds


class LinkFinder:
    """Repository and project links: ``Doc._.links`` (FoundLink, char offsets in the doc)."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.links = find_links(doc.text)
        return doc


class CandidateFinder:
    """Spans that may name models, datasets or methods: ``Doc._.candidates`` (TextCandidates)."""

    def __init__(self, *, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def __call__(self, doc: Doc) -> Doc:
        doc._.candidates = find_candidates(doc.text, sentence_bounds(doc), self.gazetteer)
        return doc


@Language.factory("paperkg_links")
def make_link_finder(nlp: Language, name: str) -> LinkFinder:
    return LinkFinder()


@Language.factory("paperkg_candidates")
def make_candidate_finder(nlp: Language, name: str) -> CandidateFinder:
    return CandidateFinder(gazetteer=default_gazetteer())
