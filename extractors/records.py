"""The one crossing from spaCy objects into the project's records."""

from __future__ import annotations

from spacy.tokens import Doc

from kg.model import Evidence, PaperExtraction, Repo, RepoLink

LINK_RULE = "links.url_pattern"
LINK_CONFIDENCE = 0.99


def _sentence_at(doc: Doc, start: int, end: int) -> str:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return doc.text
    return span.sent.text if doc.has_annotation("SENT_START") else doc.text


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
            evidence = Evidence(
                sentence=_sentence_at(doc, link.start, link.end),
                field=field,
                start=link.start,
                end=link.end,
                rule=LINK_RULE,
                confidence=LINK_CONFIDENCE,
            )
            repo_links.append(RepoLink(repo, evidence))
    return PaperExtraction(paper_key, repo_links=tuple(repo_links))
