"""The one crossing from spaCy objects into the project's records."""

from __future__ import annotations

from paperkg.extractors.components import extension_value, sentence_bounds, text_of
from paperkg.extractors.gazetteer import default_gazetteer
from paperkg.extractors.resolve import PaperText, ResolvedEntity, resolve_paper
from paperkg.extractors.results import LICENCE_NAME, NamedEntity, Score, attach_results, is_measure_name
from paperkg.extractors.spacy_runtime import Doc
from paperkg.model import Entity, Evidence, Mention, PaperExtraction, Repo, RepoLink, ReportedResult, match_key

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
        for link in extension_value(doc, "links") or ():
            repo = Repo(link.url, link.kind)
            if repo.key in seen:
                continue
            seen.add(repo.key)
            evidence = Evidence(_sentence_at(doc, link.start), field, link.start, link.end, LINK_RULE, LINK_CONFIDENCE)
            repo_links.append(RepoLink(repo, evidence))
    mentions = []
    resolved: list[ResolvedEntity] = []
    title_candidates, abstract_candidates = extension_value(title_doc, "candidates"), extension_value(abstract_doc, "candidates")
    if title_candidates is not None and abstract_candidates is not None:
        paper = PaperText(
            title=text_of(title_doc),
            abstract=text_of(abstract_doc),
            title_sentences=sentence_bounds(title_doc),
            abstract_sentences=sentence_bounds(abstract_doc),
            title_candidates=title_candidates,
            abstract_candidates=abstract_candidates,
        )
        resolved = resolve_paper(paper, default_gazetteer())
        for found in resolved:
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
    scores = extension_value(abstract_doc, "scores")
    results = _results(abstract_doc, scores, resolved) if scores else ()
    return PaperExtraction(paper_key, mentions=tuple(mentions), repo_links=tuple(repo_links), results=results)


def _own(resolved: list[ResolvedEntity], kinds: tuple[str, ...]) -> str | None:
    """The name of the entity of these kinds the paper introduces (its title's name first)."""
    introduced = [
        e
        for e in resolved
        if e.role == "introduces" and e.type in kinds and not LICENCE_NAME.match(e.name) and not is_measure_name(e.name)
    ]
    introduced.sort(key=lambda e: (e.field != "title", e.start))
    return introduced[0].name if introduced else None


def _forms(entity: ResolvedEntity, abstract: str) -> tuple[str, ...]:
    """An entity's name and aliases, and the abstract's own spelling of it where that differs from the
    name only in capitals or dashes, which aliases leave out ("Seed-TTS-Eval" for the lists' Seed-TTS-eval);
    not a part of a name ("2025" of "AIME 2024/2025")."""
    forms = (entity.name, *entity.aliases)
    written = abstract[entity.start : entity.end] if entity.field == "abstract" else ""
    if written and written not in forms and match_key(written) == match_key(entity.name):
        return (*forms, written)
    return forms


def _results(abstract_doc: Doc, scores: list[Score], resolved: list[ResolvedEntity]) -> tuple[ReportedResult, ...]:
    """The abstract's scores tied to the paper's datasets and subjects."""
    text = text_of(abstract_doc)
    entities = [NamedEntity(e.name, e.type, _forms(e, text), e.role == "introduces") for e in resolved]
    introduced_datasets = [e for e in entities if e.introduced and e.type == "dataset"]
    found = attach_results(
        text,
        sentence_bounds(abstract_doc),
        scores,
        entities,
        own_name=_own(resolved, ("model", "method")),
        own_dataset=introduced_datasets[0] if len(introduced_datasets) == 1 else None,
    )
    return tuple(
        ReportedResult(
            subject=r.subject,
            own=r.own,
            dataset=r.dataset,
            value=r.value,
            evidence=Evidence(r.sentence, "abstract", r.start, r.end, r.rule, r.confidence),
            dataset_entity=r.dataset_entity,
            subject_entity=r.subject_entity,
            metric=r.metric,
            unit=r.unit,
            setting=r.setting,
            value_text=r.value_text,
        )
        for r in found
    )
