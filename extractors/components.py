"""spaCy components: thin wrappers that put the pure functions' results on ``Doc._`` extensions."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extractors.links import find_links

if not Doc.has_extension("links"):
    Doc.set_extension("links", default=None)


class LinkFinder:
    """Finds repository and project links (``Doc._.links``: FoundLink, char offsets in the doc)."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.links = find_links(doc.text)
        return doc


@Language.factory("paperkg_links")
def make_link_finder(nlp: Language, name: str) -> LinkFinder:
    return LinkFinder()
