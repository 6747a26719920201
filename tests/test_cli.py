"""`kg build`, `kg stats`, `kg papers` through click's CliRunner on real files."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import SAMPLES, run_kg


def test_help_answers_without_heavy_imports():
    code = "import sys, paperkg.cli; print(sorted(m for m in ('spacy', 'neo4j', 'pyvis', 'networkx') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_every_command_has_help(runner):
    from paperkg.cli import main

    for name, command in main.commands.items():
        assert command.help, f"kg {name} has no help"
        run_kg(runner, name, "--help")


def test_build_bundled_corpus_then_again_adds_nothing(runner, db):
    first = run_kg(runner, "build", "--db", str(db), "-q")
    assert "read 703 records from 5 file(s): 670 distinct papers" in first.output
    assert "new 670, updated 0, unchanged 0, skipped 0" in first.output
    second = run_kg(runner, "build", "--db", str(db), "-q")
    assert "new 0, updated 0, unchanged 670, skipped 0" in second.output
    stats = json.loads(run_kg(runner, "stats", "--db", str(db), "--json").output)
    counts = {(r["what"], r["name"]): r["count"] for r in stats}
    assert counts[("papers", "")] == 670
    assert counts[("repos", "")] == 163
    assert counts[("relationships", "HAS_REPO")] == 163
    assert counts[("sources", "kg:samples/001_c563af4bc4f668b1.txt")] == 240


def test_same_files_given_as_paths_equal_the_bundled_build(runner, tmp_path):
    run_kg(runner, "build", "--db", str(tmp_path / "a"), "-q")
    run_kg(runner, "build", "--db", str(tmp_path / "b"), "-q", str(SAMPLES))
    stats_a = json.loads(run_kg(runner, "stats", "--db", str(tmp_path / "a"), "--json").output)
    stats_b = json.loads(run_kg(runner, "stats", "--db", str(tmp_path / "b"), "--json").output)
    assert [r for r in stats_a if r["what"] != "sources"] == [r for r in stats_b if r["what"] != "sources"]


def test_adding_a_file_adds_only_what_is_new(runner, db, tmp_path):
    run_kg(runner, "build", "--db", str(db), "-q", str(SAMPLES / "000_87e1f5f5e62356ea.txt"))
    result = run_kg(runner, "build", "--db", str(db), "-q", str(SAMPLES / "004_5da143efda97e8e8.txt"))
    papers = json.loads(run_kg(runner, "papers", "--db", str(db), "--json").output)
    overlap = 57 + 62 - len(papers)
    assert f"new {62 - overlap}, updated {overlap}" in result.output


def test_jsonl_record_with_arxiv_id_merges_with_the_same_paper_from_a_capture(runner, db, pointer_networks_jsonl):
    run_kg(runner, "build", "--db", str(db), "-q")
    extra = pointer_networks_jsonl
    result = run_kg(runner, "build", "--db", str(db), "-q", str(extra))
    assert "new 0, updated 1" in result.output
    rows = json.loads(run_kg(runner, "papers", "pointer", "networks", "--db", str(db), "--json").output)
    assert [r["key"] for r in rows] == ["paper:1506.03134"]
    assert len(rows[0]["sources"]) == 2
    stats = {(r["what"], r["name"]): r["count"] for r in json.loads(run_kg(runner, "stats", "--db", str(db), "--json").output)}
    assert stats[("papers", "")] == 670 and stats[("authors", "")] == 3


def test_papers_filters_by_title_words_and_shows_repos(runner, db):
    run_kg(runner, "build", "--db", str(db), "-q")
    rows = json.loads(run_kg(runner, "papers", "survey", "mixture", "--db", str(db), "--json").output)
    assert [r["title"] for r in rows] == ["A Survey on Mixture of Experts"]
    assert rows[0]["repos"] == ["https://github.com/withinmiaov/A-Survey-on-Mixture-of-Experts"]
    csv_out = run_kg(runner, "papers", "survey", "mixture", "--db", str(db), "--csv").output
    assert csv_out.splitlines()[0].startswith("key,title,arxiv_id")
    table = run_kg(runner, "papers", "survey", "mixture", "--db", str(db)).output
    assert "A Survey on Mixture of Experts" in table


def test_read_commands_without_a_graph_say_to_build(runner, db):
    result = run_kg(runner, "stats", "--db", str(db), expect=3)
    assert "run `kg build` first" in result.output


def test_env_var_chooses_the_store(runner, db):
    run_kg(runner, "build", "-q", env={"KG_DB": str(db)})
    assert (db / "graph.sqlite").exists()
