"""Inferred citations: the guards, the bundled corpus, rebuilds, and the citation commands."""

from __future__ import annotations

import json
import shutil

import pytest

from paperkg.citations import Introduction, PaperText, infer_citations, name_index_rows, name_shape
from paperkg.model import Edge, Node, match_key, match_key_of_words, match_letters
from paperkg.store.embedded import EmbeddedStore
from tests.conftest import run_kg


@pytest.mark.parametrize(
    ("name", "shape"),
    [("RoBERTa", "coined"), ("Vid2Seq", "coined"), ("Mini-Gemini", "coined"), ("GLUE", "coined"),
     ("Visual Genome", "proper"),
     ("Vision-Language-Action", "proper"), ("Less is More", None), ("contrastive learning", None), ("All You Need", None),
     ("Transformer", None), ("", None), ("Real-Time", None), ("Strong Baseline", None), ("RL-based training", None),
     ("MLLMs", None), ("dLLM", None), ("World Action Models", None), ("ψ-RAG", "coined"), ("VBench++", "coined")],
)
def test_only_names_that_cannot_be_ordinary_phrases_link(name, shape):
    assert name_shape(name) == shape


def _links(intros, entities, papers):
    return {(e.source, e.target): e.props for e in infer_citations(intros, entities, papers)}


def test_symbols_versions_and_the_citing_papers_own_names():
    papers = [
        _paper("paper:plus", "VBench++: a suite", "We introduce VBench++.", "2024-01-01"),
        _paper("paper:psi", "ψ-RAG: retrieval", "We propose ψ-RAG.", "2024-01-01"),
        _paper("paper:exa", "EXAONE: a model", "We release EXAONE.", "2024-01-01"),
        _paper("paper:user", "User", "We test on VBench and use RAG. EXAONE 4.5 is strong. Unlike VBench++, ours is fast.",
               "2024-06-01"),
        _paper("paper:own", "Own", "We propose ψ-RAG, a new retriever. ψ-RAG beats baselines.", "2024-06-01"),
        _paper("paper:link", "Link", "Code at https://github.com/x/EXAONE and more.", "2024-06-01"),
    ]
    entities = {"dataset:vbench++": {"name": "VBench++"}, "method:ψ-rag": {"name": "ψ-RAG"}, "model:exaone": {"name": "EXAONE"}}
    intros = [Introduction(p, e, 0.5, "title_prefix+role.title_prefix")
              for p, e in (("paper:plus", "dataset:vbench++"), ("paper:psi", "method:ψ-rag"), ("paper:exa", "model:exaone"))]
    links = _links(intros, entities, papers)
    # "VBench" is not VBench++, "RAG" is not ψ-RAG, "EXAONE 4.5" is another release, a link is no mention,
    # and a paper that proposes its own ψ-RAG does not cite the other one.
    assert set(links) == {("paper:user", "paper:plus")}
    assert links[("paper:user", "paper:plus")]["evidence"] == "Unlike VBench++, ours is fast."


def test_a_name_two_papers_claim_goes_to_the_earliest_title_or_to_nobody():
    papers = [
        _paper("paper:first", "MobileGym: a simulator", "We present MobileGym.", "2024-01-01"),
        _paper("paper:later", "Agents on phones", "We propose MobileGym, an environment of our own.", "2024-05-01"),
        _paper("paper:user", "User", "We train agents in MobileGym.", "2024-09-01"),
    ]
    entities = {"method:mobilegym": {"name": "MobileGym"}}
    intros = [Introduction("paper:first", "method:mobilegym", 0.5, "title_prefix+role.title_prefix"),
              Introduction("paper:later", "method:mobilegym", 0.8, "pattern.introduced_name+role.pattern")]
    links = _links(intros, entities, papers)
    assert set(links) == {("paper:user", "paper:first")}  # the later claimant names its own, it cites nothing
    assert "earliest" in links[("paper:user", "paper:first")]["why"]
    same_day = [_paper(p.key, p.title, p.abstract, "2024-01-01" if p.key != "paper:user" else p.published) for p in papers]
    assert _links(intros, entities, same_day) == {}  # no way to tell: no link


@pytest.mark.parametrize("added_first", [False, True], ids=["newest-quarter-added", "oldest-quarter-added"])
def test_incremental_refresh_gives_the_edges_of_a_full_one(tmp_path, runner, added_first):
    """A quarter of the papers added to a built graph: the incremental refresh (which looks up only
    the names whose cited introducer the new papers change) leaves what a full refresh would. The
    oldest quarter added last makes earlier claimants of names other papers already claimed."""
    from paperkg.citations import refresh_inferred_citations
    from tests.conftest import DATA

    records = json.loads((DATA / "citations_judged" / "records.json").read_text(encoding="utf-8"))
    records.sort(key=lambda r: (r["paper"]["publishedAt"], r["paper"]["id"]))  # hf daily records, oldest first
    cut = len(records) // 4 if added_first else 3 * len(records) // 4
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    kept, added = (records[cut:], records[:cut]) if added_first else (records[:cut], records[cut:])
    first.write_text(json.dumps(kept), encoding="utf-8")
    second.write_text(json.dumps(added), encoding="utf-8")
    run_kg(runner, "build", str(first), "--db", str(tmp_path / "inc"))
    shutil.copytree(tmp_path / "inc", tmp_path / "unindexed")
    with EmbeddedStore(tmp_path / "unindexed") as store:  # as a store upgraded from layout 3 has it: no index yet
        assert store.introduced_names_complete(), "the first build fills the index"
        store.conn.execute("DELETE FROM meta WHERE name = 'introduced_names'")
    run_kg(runner, "build", str(second), "--db", str(tmp_path / "inc"))  # a quarter of the papers new: incremental
    run_kg(runner, "build", str(second), "--db", str(tmp_path / "unindexed"))  # the same, reading every introduction
    incremental = EmbeddedStore(tmp_path / "inc")
    cites = {(s, t): d for _, s, t, d in incremental.edges_of(["CITES"])}
    with EmbeddedStore(tmp_path / "unindexed") as unindexed:
        assert {(s, t): d for _, s, t, d in unindexed.edges_of(["CITES"])} == cites
        assert unindexed.introduced_names_complete(), "filled by that build"
    # The index the builds kept holds every introduced entity's names, as a fill from scratch has them.
    indexed = set(incremental.sql("SELECT i.first, i.width, i.norm, n.key FROM introduced_names i "
                                  "JOIN nodes n ON n.id = i.entity"))
    introduced = {t for _, _, t, _ in incremental.edges_of(["INTRODUCES"], fields=("rule",))}
    entities = {k: v for label in ("Model", "Dataset", "Method") for k, v in incremental.nodes(label, introduced).items()}
    assert {(*row, key) for key, entity in entities.items() for row in name_index_rows(entity)} <= indexed
    refresh_inferred_citations(incremental)  # a full refresh over the same graph changes nothing
    assert {(s, t): d for _, s, t, d in incremental.edges_of(["CITES"])} == cites
    assert len(cites) > 50


def _paper(key, title, abstract, published=None):
    return PaperText(key, title, abstract, published)


ENTITIES = {
    "method:less-is-more": {"name": "Less is More"},
    "model:vid2seq": {"name": "Vid2Seq"},
    "method:vid2seq": {"name": "Vid2Seq"},
    "model:twinnet": {"name": "TwinNet"},
    "model:moa": {"name": "MoA", "aliases": ["Mixture of Attention"]},
}


def test_guards():
    papers = [
        _paper("paper:b", "Vid2Seq: Large-Scale Pretraining", "We introduce Vid2Seq.", "2023-02-01"),
        _paper("paper:slogan", "Less is More: Fewer Tokens", "We show that less is more.", "2023-01-01"),
        _paper("paper:a", "Dense captioning", "We beat Vid2Seq. As they say, less is more. Less is More holds.", "2023-06-01"),
        _paper("paper:early", "Older work", "Vid2Seq-like models are not Vid2Seq.", "2022-01-01"),
        _paper("paper:t1", "TwinNet: one", "We propose TwinNet.", None),
        _paper("paper:t2", "TwinNet: two", "We propose TwinNet.", None),
        _paper("paper:c", "Uses twins", "We use TwinNet and a Mixture of Attention layer.", None),
        _paper("paper:moa", "MoA: Mixture of Sparse Attention", "We propose MoA.", None),
    ]
    intros = [
        Introduction("paper:b", "model:vid2seq", 0.46, "title_prefix+role.title_prefix"),
        Introduction("paper:slogan", "method:less-is-more", 0.46, "title_prefix+role.title_prefix"),
        Introduction("paper:t1", "model:twinnet", 0.46, "title_prefix+role.title_prefix"),
        Introduction("paper:t2", "model:twinnet", 0.46, "title_prefix+role.title_prefix"),
        Introduction("paper:moa", "model:moa", 0.46, "title_prefix+role.title_prefix"),
        Introduction("paper:c", "method:vid2seq", 0.9, "gazetteer.curated+role.pattern"),
    ]
    edges = infer_citations(intros, ENTITIES, papers)
    assert [(e.source, e.target) for e in edges] == [("paper:a", "paper:b")]
    (edge,) = edges
    assert edge.props == {"inferred": True, "via": "model:vid2seq", "evidence": "We beat Vid2Seq.", "confidence": 0.46}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from click.testing import CliRunner

    db = tmp_path_factory.mktemp("citations") / "store"
    result = run_kg(CliRunner(), "build", "--db", str(db))
    assert "inferred citations: 21 (added 21, removed 0)" in result.output
    return db


def test_bundled_corpus_gets_the_citations_checked_by_hand(built):
    store = EmbeddedStore(built)
    cites = {(s, t): d for _, s, t, d in store.edges_of(["CITES"])}
    title = {k: props.get("title") for k, (_, props) in store.dump().nodes.items()}
    by_cited = {}
    for (_citing, target), data in cites.items():
        by_cited.setdefault(title[target].split(":")[0], []).append(data["via"])
        assert data["inferred"] is True and data["evidence"] and 0 < data["confidence"] <= 1
    assert len(by_cited["RoBERTa"]) == 9 and set(by_cited["Vid2Seq"]) == {"model:vid2seq"}
    assert {"Visual Genome", "Mini-Gemini", "DeepSeekMoE"} <= set(by_cited)
    # a data set named by its title, which the abstract never repeats, is cited by the paper that uses it
    assert by_cited["One Billion Word Benchmark for Measuring Progress in Statistical Language Modeling"] == [
        "dataset:one-billion-word"  # the list's name for it; "One Billion Word Benchmark" is its alias
    ]
    assert not any(t.startswith("NV-Embed") for t in by_cited), "a gazetteer name 'introduced' by mistake sends nothing"


def test_rebuild_keeps_citations_and_commands_mark_them(runner, built):
    again = run_kg(runner, "build", "--db", str(built))
    assert "inferred citations: 21 (added 0, removed 0)" in again.output
    rows = json.loads(run_kg(runner, "cited-by", "RoBERTa: A Robustly", "--db", str(built), "--json").output)
    assert len(rows) == 9 and {r["how"] for r in rows} == {"inferred via model:roberta"}
    assert all("RoBERTa" in r["evidence"] for r in rows)
    cites = json.loads(run_kg(runner, "cites", "DIBS", "--db", str(built), "--json").output)
    assert [r["title"][:7] for r in cites] == ["Vid2Seq"]
    top = json.loads(run_kg(runner, "top", "--type", "paper", "--limit", "3", "--db", str(built), "--json").output)
    assert top[0]["title"].startswith("RoBERTa") and top[0]["citations"] == 9 and top[0]["inferred_only"] == 9
    ranked = json.loads(run_kg(runner, "top", "--type", "paper", "--by", "pagerank", "--db", str(built), "--json").output)
    assert ranked[0]["title"].startswith("RoBERTa")
    hops = json.loads(run_kg(runner, "path", "--citations", "DIBS", "Vid2Seq", "--db", str(built), "--json").output)
    assert len(hops) == 1 and "inferred via model:vid2seq" in hops[0]["relationship"]
    back = run_kg(runner, "path", "--citations", "Vid2Seq", "DIBS", "--db", str(built), expect=4)
    assert "swap the two papers" in back.output
    related = json.loads(run_kg(runner, "related", "DIBS", "--db", str(built), "--json").output)
    assert related[0]["title"].startswith("Vid2Seq"), "a citation weighs in related papers"


@pytest.mark.neo4j
def test_neo4j_gets_the_same_citations(runner, built, neo4j_store, neo4j_uri):
    result = run_kg(runner, "build", "--neo4j", neo4j_uri)
    assert "inferred citations: 21 (added 21, removed 0)" in result.output
    embedded = {(s, t, k): d for (k, s, t), d in EmbeddedStore(built).dump().edges.items() if k == "CITES"}
    stored = {(s, t, k): d for (k, s, t), d in neo4j_store.dump().edges.items() if k == "CITES"}
    assert stored == embedded
    again = run_kg(runner, "build", "--neo4j", neo4j_uri)
    assert "inferred citations: 21 (added 0, removed 0)" in again.output


def test_an_entity_renamed_by_a_new_paper_loses_its_citations_in_an_incremental_refresh(tmp_path):
    """A new paper writes an entity's name so that it no longer links ("LLaDA-2.1-mini": a modifier
    suffix): the citations through it go, as a full refresh would have them, though no new paper
    claims the name."""
    from paperkg.citations import refresh_inferred_citations
    from paperkg.model import Edge, GraphBatch, Node

    def paper(key, title, abstract, published):
        return Node("Paper", key, {"title": title, "abstract": abstract, "published": published, "norm_title": key})

    entity = Node("Model", "model:llada2.1-mini", {"name": "LLaDA2.1-Mini", "type": "model", "names_norm": ["llada21mini"]})
    introducer = paper("paper:2602.00001", "LLaDA2.1-Mini: a small diffusion model", "We release LLaDA2.1-Mini.", "2026-02-01")
    citer = paper("paper:2603.00002", "Decoding faster", "On LLaDA2.1-Mini, our decoder is twice as fast.", "2026-03-01")
    claim = Edge("INTRODUCES", introducer.key, entity.key, {"rule": "title_prefix", "confidence": 0.9})
    with EmbeddedStore(tmp_path / "kg", create=True) as store:
        store.upsert(GraphBatch((entity, introducer, citer), (claim,)))
        refresh_inferred_citations(store)
        assert [(s, t) for _, s, t, _ in store.edges_of(["CITES"])] == [(citer.key, introducer.key)]
        newcomer = paper("paper:2604.00003", "Another decoder", "We test LLaDA-2.1-mini.", "2026-04-01")
        renamed = Node("Model", entity.key, {"name": "LLaDA-2.1-mini"})
        store.upsert(GraphBatch((newcomer, renamed), (Edge("USES", newcomer.key, entity.key, {}),)))
        refresh_inferred_citations(store, [newcomer.key], new=[newcomer.key], renamed=[entity.key])
        assert store.edges_of(["CITES"]) == []
        refresh_inferred_citations(store)  # a full refresh agrees
        assert store.edges_of(["CITES"]) == []


def _paper_node(key, title, abstract, published):
    return Node("Paper", key, {"title": title, "abstract": abstract, "published": published, "norm_title": key})


def _model_node(name):
    return Node("Model", f"model:{name.lower()}", {"name": name, "type": "model", "names_norm": [match_key(name)]})


def _claim(introducer, entity, rule="title_prefix"):
    return Edge("INTRODUCES", introducer.key, entity.key, {"rule": rule, "confidence": 0.9})


def test_an_incremental_refresh_keeps_the_citations_of_papers_it_did_not_write(tmp_path):
    """Papers the build did not write are read again only against the names of the changed papers
    and of the claimants of touched names: what they cite through those names is recomputed (here
    a new, earlier claimant takes QuxFormer's citation), and every other citation of theirs stays
    (a later claim on ZorbNet leaves its citation to the first claimant; BazLM is untouched)."""
    from paperkg.citations import refresh_inferred_citations
    from paperkg.model import GraphBatch

    paper, model, claim = _paper_node, _model_node, _claim

    zorb, baz, qux = model("ZorbNet"), model("BazLM"), model("QuxFormer")
    first = paper("paper:2401.00001", "ZorbNet: a vision model", "We release ZorbNet.", "2024-01-01")
    other = paper("paper:2401.00002", "BazLM: a language model", "We release BazLM.", "2024-01-02")
    older = paper("paper:2403.00003", "QuxFormer: a video model", "We release QuxFormer.", "2024-03-01")
    citer = paper("paper:2406.00004", "A study", "We fine-tune ZorbNet and BazLM. QuxFormer is slower.", "2024-06-01")
    with EmbeddedStore(tmp_path / "kg", create=True) as store:
        store.upsert(GraphBatch((zorb, baz, qux, first, other, older, citer),
                                (claim(first, zorb), claim(other, baz), claim(older, qux))))
        refresh_inferred_citations(store)
        assert {(s, t) for _, s, t, _ in store.edges_of(["CITES"])} == {
            (citer.key, first.key), (citer.key, other.key), (citer.key, older.key)}
        later = paper("paper:2408.00005", "ZorbNet: our own take", "We propose ZorbNet.", "2024-08-01")
        earlier = paper("paper:2402.00006", "QuxFormer: the first one", "We present QuxFormer.", "2024-02-01")
        added = [later.key, earlier.key]
        store.upsert(GraphBatch((later, earlier), (claim(later, zorb), claim(earlier, qux))))
        refresh_inferred_citations(store, added, new=added)
        incremental = {(s, t): d for _, s, t, d in store.edges_of(["CITES"])}
        assert set(incremental) == {(citer.key, first.key), (citer.key, other.key), (citer.key, earlier.key)}
        refresh_inferred_citations(store)  # a full refresh agrees, properties and all
        assert {(s, t): d for _, s, t, d in store.edges_of(["CITES"])} == incremental


def test_a_paper_written_again_that_loses_a_claim_frees_its_name_for_the_papers_in_scope(tmp_path):
    """P and Q claim FooNet on the same day: it links nobody. P is written again without that claim:
    FooNet is Q's now, and S (in scope through P's BarNet) cites Q, as a full refresh has it,
    though no edge went through FooNet to tell the refresh the name was touched."""
    from paperkg.citations import refresh_inferred_citations
    from paperkg.model import GraphBatch

    paper, model, claim = _paper_node, _model_node, _claim

    foo, bar = model("FooNet"), model("BarNet")
    q = paper("paper:2401.00001", "FooNet: a model", "We release FooNet.", "2024-01-01")
    p = paper("paper:2401.00002", "FooNet: ours", "We propose BarNet. FooNet too.", "2024-01-01")
    s = paper("paper:2406.00003", "A study", "We fine-tune FooNet and BarNet.", "2024-06-01")
    with EmbeddedStore(tmp_path / "kg", create=True) as store:
        store.upsert(GraphBatch((foo, bar, q, p, s), (claim(q, foo), claim(p, foo), claim(p, bar, "pattern.introduced_name"))))
        refresh_inferred_citations(store)
        assert {(a, b) for _, a, b, _ in store.edges_of(["CITES"])} == {(s.key, p.key)}
        store.clear_extracted([p.key])
        again = paper(p.key, "BarNet: ours", "We propose BarNet. FooNet too.", "2024-01-01")
        store.upsert(GraphBatch((again, bar), (claim(again, bar),)))
        refresh_inferred_citations(store, [p.key], new=[])
        incremental = {(a, b): d for _, a, b, d in store.edges_of(["CITES"])}
        assert (s.key, q.key) in incremental
        refresh_inferred_citations(store)
        assert {(a, b): d for _, a, b, d in store.edges_of(["CITES"])} == incremental


def test_a_build_tells_which_stored_entities_its_nodes_rename(tmp_path):
    from paperkg.build import renamed_entities
    from paperkg.model import GraphBatch, Node

    stored = Node("Model", "model:llada2.1-mini", {"name": "LLaDA2.1-Mini", "type": "model"})
    with EmbeddedStore(tmp_path / "kg", create=True) as store:
        store.upsert(GraphBatch((stored,), ()))
        again = Node("Model", stored.key, {"name": "LLaDA2.1-Mini", "type": "model"})
        respelled = Node("Model", stored.key, {"name": "LLaDA-2.1-mini"})
        aliased = Node("Model", stored.key, {"aliases": ["LLaDA21M"]})
        fresh = Node("Model", "model:other", {"name": "Other2"})
        assert renamed_entities(store, [again, fresh]) == set()
        assert renamed_entities(store, [respelled]) == {stored.key}
        assert renamed_entities(store, [aliased]) == {stored.key}


@pytest.mark.parametrize("words", [
    ["Llama", "3.1"], ["GPT-4o", "models"], ["Straße", "Models"], ["ΣΊΣΥΦΟΣ", "x"], ["ﬁne-tuning"], ["Ｑｗｅｎ", "2"],
    ["e\u0301", "GPTs"], ["ImageNet++"], ["VBench", "++"], ["ψ-RAG"], ["the", "LLMs"], ["a", "b", "c", "s"],
    ["ViT-S"], ["ViT", "S"], ["vit-s"], ["MS", "MARCO"], ["BLT-S", "MS"], ["Mamba-2S"], ["ViT-S+"],
])
def test_a_run_of_words_normalises_as_the_words_joined(words):
    """The scan for introduced names normalises each word once (match_letters) and joins them: the
    same key as match_key of the run written out, plural rule and all."""
    assert match_key_of_words([match_letters(w) for w in words]) == match_key(" ".join(words))


def test_a_size_tiers_capital_s_is_no_plural():
    """"ViT-S" is the small ViT, not ViTs: a final capital S after a separator or a digit stays, and so
    does an s after a dash ("vit-s" as typed); a plural's s goes, and so does the S of a word written
    in capitals ("ATLAS" = "Atlas")."""
    assert match_key("ViT-S") != match_key("ViT") and match_key("ViT-S") == match_key("ViT S") == match_key("vit-s")
    assert match_key("Mamba-2S") != match_key("Mamba-2") and match_key("BM25S") != match_key("BM25")
    assert match_key("ViTs") == match_key("ViT") == match_key("vit") and match_key("LLMs") == match_key("LLM")
    assert match_key("ATLAS") == match_key("Atlas") and match_key("MS MARCO") == match_key("ms marco")
    assert match_key("VBench-S+") == match_key("VBench S+") == "vbenchS+"  # its "+" stays, as VBench++'s does
