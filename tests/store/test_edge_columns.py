"""Layout 10: the properties every extracted edge has live in typed columns of ``edges`` (and the
rules' names in ``rules``); whatever an edge holds, the store gives it back whole, in its order."""

from __future__ import annotations

import json
from pathlib import Path

from paperkg.catalog import run_query
from paperkg.model import SCHEMA, Edge, GraphBatch, Node
from paperkg.store.embedded import EmbeddedStore
from paperkg.store.sqlite_schema import EDGE_TYPE_SQL, EDGE_TYPES

ABSTRACT = "We train a model. Code is at github.com/o/r today. It uses GPT-4o and MMLU."
PAPER = Node("Paper", "paper:2401.00007", {"title": "Tools", "norm_title": "tools", "sources": ["a.txt:1"],
                                           "abstract": ABSTRACT})
REPO = Node("Repo", "repo:github.com/o/r", {"url": "https://github.com/o/r", "kind": "code"})
MODEL = Node("Model", "model:gpt-4o", {"name": "GPT-4o", "type": "model", "names_norm": ["gpt4o"]})
DATASET = Node("Dataset", "dataset:mmlu", {"name": "MMLU", "type": "dataset", "names_norm": ["mmlu"]})
SENTENCE = "It uses GPT-4o and MMLU."
# As kg.graph writes a mention: evidence, field, start, end, rule, confidence, sources.
USES = Edge("USES", PAPER.key, MODEL.key, {"evidence": SENTENCE, "field": "abstract", "start": 59, "end": 65,
                                           "rule": "gazetteer.curated+role.default", "confidence": 0.675,
                                           "sources": ["a.txt:1"]})
EVALUATES = Edge("EVALUATES_ON", PAPER.key, DATASET.key, {**USES.props, "start": 70, "end": 74})
# As kg.graph writes a link the source's metadata gave: another order, a property with no column.
LINKED = Edge("HAS_REPO", PAPER.key, REPO.key, {"source": "metadata", "field": "githubRepo",
                                                "evidence": "githubRepo: https://github.com/o/r", "confidence": 1.0,
                                                "sources": ["a.txt:1"]})


def _store(db: Path) -> EmbeddedStore:
    return EmbeddedStore(db, create=True)


def _raw(store: EmbeddedStore, rel_type: str) -> tuple:
    [row] = store.sql("SELECT e.props, e.field, e.span_start, e.span_end, e.evidence_start, e.evidence_end, r.name, "
                      "e.confidence_e4, e.sources_at FROM edges e LEFT JOIN rules r ON r.id = e.rule_id WHERE e.type = ?",
                      (rel_type,))
    return row


def test_an_extracted_edge_keeps_its_properties_in_columns_and_reads_back_whole_in_order(tmp_path):
    with _store(tmp_path / "kg") as store:
        store.upsert(GraphBatch((PAPER, REPO, MODEL, DATASET), (USES, EVALUATES, LINKED)))
        store.commit()
        at = ABSTRACT.index(SENTENCE)
        assert _raw(store, "USES") == ("{}", "abstract", 59, 65, at, at + len(SENTENCE), "gazetteer.curated+role.default",
                                       6750, 1)  # confidence in ten-thousandths (layout 12)
        edges = store.dump().edges
        for edge in (USES, EVALUATES, LINKED):
            found = edges[(edge.type, edge.source, edge.target)]
            assert list(found.items()) == list(edge.props.items()), edge.type
        # The metadata's link: its own property and its order stay in props; the rest in columns.
        props, field, *_, confidence, sources_at = _raw(store, "HAS_REPO")
        assert json.loads(props) == {"source": "metadata", "evidence": "githubRepo: https://github.com/o/r",
                                     "@order": list(LINKED.props)}
        assert (field, confidence, sources_at) == ("githubRepo", 10000, 1)
        assert store.sql("SELECT name FROM rules") == [("gazetteer.curated+role.default",)], "each rule's name once"
        [row] = run_query(store, "papers_by_entity", {"keys": [MODEL.key], "roles": [], "limit": 10})
        assert (row["evidence"], row["confidence"]) == (SENTENCE, 0.675)


def test_values_of_another_type_than_their_columns_stay_in_props(tmp_path):
    odd = Edge("USES", PAPER.key, MODEL.key, {"evidence": SENTENCE, "field": 3, "start": "59", "end": 2**70,
                                              "rule": "a\x00b", "confidence": 1, "sources": ["a.txt:1"]})
    with _store(tmp_path / "kg") as store:
        store.upsert(GraphBatch((PAPER, MODEL), (odd,)))
        store.commit()
        props, field, start, end, *_ = _raw(store, "USES")
        assert (field, start, end) == (None, None, None)
        assert {"field", "start", "end", "confidence"} <= set(json.loads(props))
        found = store.dump().edges[("USES", PAPER.key, MODEL.key)]
        assert found == {**odd.props, "rule": "ab"}, "as every props text: the NUL dropped"
        [(_, _, _, values)] = store.edges_of(["USES"], fields=("confidence", "rule", "start"))
        assert values == {"confidence": 1, "rule": "ab", "start": "59"}


def test_rule_ids_of_a_write_rolled_back_are_not_used_again(tmp_path):
    with _store(tmp_path / "kg") as store:
        store.upsert(GraphBatch((PAPER, MODEL), (USES,)))
        store.commit()
        store.upsert(GraphBatch((DATASET,), (Edge("USES", PAPER.key, DATASET.key, {**USES.props, "rule": "new.rule"}),)))
        store.conn.rollback()  # a build that failed: the rule's row is gone with it
        store.upsert(GraphBatch((DATASET,), (Edge("USES", PAPER.key, DATASET.key, {**USES.props, "rule": "other.rule"}),
                                             Edge("EVALUATES_ON", PAPER.key, DATASET.key,
                                                  {**USES.props, "rule": "new.rule"}))))
        store.commit()
        edges = store.dump().edges
        assert edges[("USES", PAPER.key, DATASET.key)]["rule"] == "other.rule"
        assert edges[("EVALUATES_ON", PAPER.key, DATASET.key)]["rule"] == "new.rule"
        assert store.sql("SELECT count(*) FROM edges e LEFT JOIN rules r ON r.id = e.rule_id WHERE r.id IS NULL") == [(0,)]


def test_every_relationship_type_has_a_code_that_names_it_back(tmp_path):
    """Layout 12 stores an edge's type as its position in EDGE_TYPES; the schema's types all have one."""
    assert set(SCHEMA.rel_types) <= set(EDGE_TYPES) and len(set(EDGE_TYPES)) == len(EDGE_TYPES)
    with _store(tmp_path / "kg") as store:
        named = store.sql("SELECT " + ", ".join(EDGE_TYPE_SQL.format(column=str(code)) for code in range(len(EDGE_TYPES))))
    assert named == [EDGE_TYPES]
