"""Bad input: one line naming the file and what to do, a non-zero exit, the store untouched."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from paperkg.store.embedded import EmbeddedStore
from tests.conftest import SAMPLES, run_kg


def _graph(db):
    with EmbeddedStore(db) as store:
        return store.dump()


@pytest.fixture
def built(runner, db):
    """A store holding the bundled corpus, and its graph before the bad build."""
    run_kg(runner, "build", "--db", str(db), "-q")
    return _graph(db)


def _bad(tmp_path, name: str, content: bytes | None):
    path = tmp_path / name
    if content is None:
        path.mkdir()
    else:
        path.write_bytes(content)
    return path


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("missing.txt", "MISSING", "no such file; check the path"),
        ("empty_dir", None, "folder holds no readable files"),
        ("blob.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is a binary file, not a paper listing"),
        ("latin1.txt", "SubscribeCaf\u00e9 Title\nWe study.".encode("latin-1"), "is not UTF-8 text (byte 0xe9"),
        ("notes.csv", b"a,b,c\n1,2,3\n", "cannot tell the format of this file; pass --format"),
        ("empty.jsonl", b"", "file is empty"),
    ],
)
def test_unreadable_file_fails_with_one_line_and_leaves_the_store(runner, db, built, tmp_path, name, content, message):
    path = tmp_path / name if content == "MISSING" else _bad(tmp_path, name, content)
    result = run_kg(runner, "build", "--db", str(db), "-q", str(SAMPLES), str(path), expect=2)
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and name in lines[0] and message in lines[0]
    assert _graph(db) == built


def test_unknown_forced_format(runner, db):
    result = run_kg(runner, "build", "--db", str(db), "--format", "pdf", str(SAMPLES), expect=2)
    assert "unknown format 'pdf'" in result.output and not (db / "graph.sqlite").exists()


def test_a_missing_choice_option_names_its_choices_on_one_readable_line(runner):
    # click lists the choices one per line, tab-indented; printed escaped they read "\\x0a\\x09model".
    result = run_kg(runner, "top", expect=2)
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("error: Missing option '--type'. Choose from: model, dataset, method, paper (see `")


def _jsonl_with_bad_records(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        "\n".join(
            [
                json.dumps({"id": "2401.00001", "title": "Good One", "abstract": "Fine abstract."}),
                json.dumps({"id": "2401.00002", "title": "", "abstract": "No title."}),
                json.dumps({"id": "2401.00003", "title": "No Abstract"}),
                '{"id": "2401.00004", "title": "Cut off',
            ]
        )
    )
    return path


def test_malformed_records_are_skipped_and_listed(runner, db, tmp_path):
    path = _jsonl_with_bad_records(tmp_path)
    result = run_kg(runner, "build", "--db", str(db), "-q", str(path))
    assert "new 1, updated 0, unchanged 0, skipped 3" in result.output
    assert f"skipped {path.resolve()}:2: empty title" in result.output
    assert f"skipped {path.resolve()}:3: abstract missing" in result.output
    assert f"skipped {path.resolve()}:4: truncated last record" in result.output


def test_strict_turns_skips_into_a_failure_that_writes_nothing(runner, db, built, tmp_path):
    path = _jsonl_with_bad_records(tmp_path)
    result = run_kg(runner, "build", "--db", str(db), "--strict", str(path), expect=2)
    assert "--strict" in result.output and ":2: empty title" in result.output
    assert _graph(db) == built


def test_a_build_failing_midway_leaves_the_previous_graph(runner, db, built, tmp_path, monkeypatch):
    """Fails after the build has written its batch: the store rolls the whole build back."""
    from paperkg import build as build_module
    from paperkg.errors import InputError

    def failing_refresh(store, changed=None, **_):
        assert store.count_papers() == len([k for k in built.nodes if k.startswith("paper:")]) + 1, "the batch is written"
        raise InputError("simulated failure after the writes")

    path = tmp_path / "new.jsonl"
    path.write_text(json.dumps({"id": "2401.00001", "title": "A Fresh Paper", "abstract": "We introduce FreshNet."}) + "\n")
    monkeypatch.setattr(build_module, "refresh_inferred_citations", failing_refresh)
    result = run_kg(runner, "build", "--db", str(db), "-q", str(path), expect=2)
    assert "simulated failure" in result.output
    assert _graph(db) == built


def test_corrupt_store_is_reported_not_overwritten(runner, db, built):
    (db / "graph.sqlite").write_text("{broken")
    result = run_kg(runner, "build", "--db", str(db), "-q", expect=3)
    assert "not a paperkg store (not an SQLite file)" in result.output
    assert (db / "graph.sqlite").read_text() == "{broken"


@pytest.mark.parametrize("command", [("stats",), ("build", "-q"), ("search", "retrieval")])
@pytest.mark.parametrize(
    "where,message,code",
    [
        ("/etc/passwd", r"is not a paperkg store \(not an SQLite file\)", 3),
        ("", "'--db': is empty", 2),
        ("/etc/passwd/store", "cannot be written \\(Not a directory\\)|no graph at /etc/passwd/store", 3),
        ("DIR", "is a folder, not a store file", 3),
    ],
)
def test_db_that_is_no_store_gives_one_line(runner, tmp_path, command, where, message, code):
    if where == "DIR":
        where = str(tmp_path / "x.sqlite")
        (tmp_path / "x.sqlite").mkdir()
    before = Path("/etc/passwd").read_bytes()
    result = run_kg(runner, *command, "--db", where, expect=code)
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and re.search(message, lines[0]), result.output
    assert Path("/etc/passwd").read_bytes() == before
