"""One name, one type: a name that papers type differently becomes one entity of the type its
mentions agree on.

Each paper types its names alone, from its own sentences; across a corpus the same name then
lands as two entities ("GPT-4o" a model in one paper, a method in another), and every question
about it is split in two. The type is decided from all the mentions of a name: a gazetteer match
outweighs any number of guesses from context, then the votes, weighted by each mention's
confidence; a type the graph already holds for the name counts like a gazetteer match, so an
incremental build does not flip a settled name. Each mention keeps its own evidence.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

from paperkg.model import ENTITY_TYPES, ROLE_PRIORITY, Entity, Mention, PaperExtraction, normalize_name

# A gazetteer type is a fact about the name; context only suggests one.
GAZETTEER_WEIGHT = 5.0


def vote_weight(mention: Mention) -> float:
    """How much one mention says about its name's type."""
    if mention.evidence.rule.startswith("gazetteer."):
        return GAZETTEER_WEIGHT
    return max(mention.evidence.confidence, 0.05)


def decide_types(
    extractions: Iterable[PaperExtraction], stored_votes: Mapping[str, Mapping[str, float]] | None = None
) -> dict[str, str]:
    """The winning type of every name (by normalised name) that is typed more than one way.

    Args:
        extractions: the batch's extraction records.
        stored_votes: for names the graph already holds, votes per type.
    """
    votes: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for extraction in extractions:
        for mention in extraction.mentions:
            votes[normalize_name(mention.entity.name)][mention.entity.type] += vote_weight(mention)
            family = mention.entity.family
            if family and normalize_name(family) != normalize_name(mention.entity.name):
                # "AceMath-7B" makes AceMath a model family (a VARIANT_OF node of its own).
                votes[normalize_name(family)]["model"] += vote_weight(mention)
    for name, by_type in (stored_votes or {}).items():
        if name in votes:
            for kind, weight in by_type.items():
                votes[name][kind] += weight
    order = {kind: i for i, kind in enumerate(ENTITY_TYPES)}
    return {
        name: max(by_type, key=lambda kind: (by_type[kind], -order[kind]))
        for name, by_type in votes.items()
        if len(by_type) > 1
    }


def retyped(entity: Entity, kind: str) -> Entity:
    """The entity as a ``kind``; a model's parsed name parts go when it stops being a model."""
    if kind == entity.type:
        return entity
    if kind == "model":
        return dataclasses.replace(entity, type=kind)
    return Entity(type=kind, name=entity.name, aliases=entity.aliases)


def unify_types(extractions: list[PaperExtraction], decided: Mapping[str, str]) -> list[PaperExtraction]:
    """The extractions with every mention of a decided name typed as decided, and every name
    spelled as most of its mentions spell it.

    A paper that now names one entity twice (it typed two spellings differently) keeps the
    mention with the strongest role.
    """
    spelling = usual_spellings(extractions)
    unified = []
    for extraction in extractions:
        mentions: list[Mention] = []
        for mention in extraction.mentions:
            key = normalize_name(mention.entity.name)
            kind = decided.get(key, mention.entity.type)
            if kind != mention.entity.type:
                mention = dataclasses.replace(mention, entity=retyped(mention.entity, kind))
            if spelling.get(key, mention.entity.name) != mention.entity.name:
                # One display spelling per entity, the one most papers write ("o1", not one paper's "O1").
                mention = dataclasses.replace(mention, entity=dataclasses.replace(mention.entity, name=spelling[key]))
            family = mention.entity.family
            if family and decided.get(normalize_name(family), "model") != "model":
                # "Mamba-2.8B" is a model, but Mamba is a method: no model family node beside it.
                mention = dataclasses.replace(mention, entity=dataclasses.replace(mention.entity, family=None))
            mentions.append(mention)
        unified.append(dataclasses.replace(extraction, mentions=tuple(_one_per_entity(mentions))))
    return unified


def usual_spellings(extractions: Iterable[PaperExtraction]) -> dict[str, str]:
    """For each normalised name, the spelling most mentions use (the first seen on a tie)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for extraction in extractions:
        for mention in extraction.mentions:
            counts[normalize_name(mention.entity.name)][mention.entity.name] += 1
    return {key: spellings.most_common(1)[0][0] for key, spellings in counts.items() if len(spellings) > 1}


def _one_per_entity(mentions: list[Mention]) -> list[Mention]:
    best: dict[str, Mention] = {}
    for mention in mentions:
        key = mention.entity.key
        if key not in best or ROLE_PRIORITY[mention.role] < ROLE_PRIORITY[best[key].role]:
            best[key] = mention
    return [m for m in mentions if best[m.entity.key] is m]


def names_of(extractions: Iterable[PaperExtraction]) -> set[str]:
    """The normalised names the extractions mention."""
    return {normalize_name(m.entity.name) for x in extractions for m in x.mentions}


def stored_votes(types_by_name: Mapping[str, Iterable[str]]) -> dict[str, dict[str, float]]:
    """Votes for the types the graph already holds each name under."""
    return {name: {kind: GAZETTEER_WEIGHT for kind in kinds} for name, kinds in types_by_name.items()}
