"""The one crossing from spaCy objects into the project's records."""

from __future__ import annotations

from spacy.tokens import Doc

from extractors.components import sentence_bounds, text_of
from extractors.gazetteer import default_gazetteer
from extractors.resolve import PaperText, resolve_paper
from kg.model import Entity, Evidence, Mention, PaperExtraction, Repo, RepoLink

LINK_RULE = "links.url_pattern"
LINK_CONFIDENCE = 0.99


def _sentence_at(doc: Doc, position: int) -> str:
    text = text_of(doc)
    for start, end in sentence_bounds(doc):
        if start <= position < end:
            return text[start:end]
    return text


def doc_to_extraction(paper_key: str, title_doc: Doc, abstract_doc: Doc) -> PaperExtraction:
    """Records for one paper from its processed title and abstract."""
    repo_links: list[RepoLink] = []
    seen: set[str] = set()
    for field, doc in (("title", title_doc), ("abstract", abstract_doc)):
        for link in doc._.links or ():
            repo = Repo(link.url, link.kind)
            if repo.key in seen:
                continue
            seen.add(repo.key)
            evidence = Evidence(_sentence_at(doc, link.start), field, link.start, link.end, LINK_RULE, LINK_CONFIDENCE)
            repo_links.append(RepoLink(repo, evidence))
    mentions = []
    if title_doc._.candidates is not None and abstract_doc._.candidates is not None:
        paper = PaperText(
            title=text_of(title_doc),
            abstract=text_of(abstract_doc),
            title_sentences=sentence_bounds(title_doc),
            abstract_sentences=sentence_bounds(abstract_doc),
            title_candidates=title_doc._.candidates,
            abstract_candidates=abstract_doc._.candidates,
        )
        for found in resolve_paper(paper, default_gazetteer()):
            entity = Entity(
                type=found.type,
                name=found.name,
                aliases=found.aliases,
                family=found.family,
                version=found.version,
                size=found.size,
                variant=found.variant,
            )
            evidence = Evidence(found.sentence, found.field, found.start, found.end, found.rule, found.confidence)
            mentions.append(Mention(entity, found.role, evidence))
    return PaperExtraction(paper_key, mentions=tuple(mentions), repo_links=tuple(repo_links))
