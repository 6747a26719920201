"""Outputs written only when complete, never through links or into devices; stores that cannot be
written through planted links; temp files of killed runs cleaned; SIGTERM, a full disk and permission errors each end
in one line with the previous files as they were."""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from paperkg.safe_files import atomic_output, clean_stale_temps, write_text
from tests.battery import ROOT, assert_one_line_failure, check_run, fingerprint, invoke, kg_process
from tests.conftest import SAMPLES

RECORDS = [{"id": "2401.00001", "title": "A Study of BERT on GLUE", "abstract": "We fine-tune BERT on GLUE."},
           {"id": "2401.00002", "title": "RoBERTa Again", "abstract": "We train RoBERTa on MNLI."}]


@pytest.fixture
def small_store(tmp_path) -> Path:
    source = tmp_path / "good.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in RECORDS))
    invoke("build", "--db", str(tmp_path / "db"), "-q", str(source))
    return tmp_path / "db"


def _special(tmp_path: Path, kind: str) -> Path:
    if kind == "device":
        return Path("/dev/null")
    if kind == "fifo":
        os.mkfifo(tmp_path / "out.html")
    elif kind == "symlink":
        (tmp_path / "victim.txt").write_text("keep me")
        (tmp_path / "out.html").symlink_to(tmp_path / "victim.txt")
    elif kind == "folder":
        (tmp_path / "out.html").mkdir()
    return tmp_path / "out.html"


@pytest.mark.parametrize("kind", ["device", "fifo", "symlink", "folder"])
def test_outputs_never_replace_what_is_not_a_regular_file(small_store, tmp_path, kind):
    target = _special(tmp_path, kind)
    before = os.lstat(target)
    for args in (["viz", "-o", str(target)], ["extract", str(SAMPLES / "003_3784366c2b3939e3.txt"), "--jsonl", str(target)],
                 ["trends", "BERT", "--html", str(target)]):
        result = invoke(*args, "--db", str(small_store), expect=2) if args[0] != "extract" else invoke(*args, expect=2)
        assert_one_line_failure(result, "not a regular file", "is a directory")
        after = os.lstat(target)
        assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino)
    if kind == "symlink":
        assert (tmp_path / "victim.txt").read_text() == "keep me"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_planted_partial_link_is_not_followed(small_store, tmp_path):
    (tmp_path / "victim.txt").write_text("keep me")
    for planted in ("page.html.partial", ".page.html.partial"):
        (tmp_path / planted).symlink_to(tmp_path / "victim.txt")
    invoke("viz", "-o", str(tmp_path / "page.html"), "--db", str(small_store))
    assert (tmp_path / "victim.txt").read_text() == "keep me"
    assert (tmp_path / "page.html").read_text().startswith("<!DOCTYPE html>")


def test_a_failed_extract_leaves_the_previous_output(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("previous\n")
    invoke("extract", str(tmp_path / "missing.jsonl"), "--jsonl", str(out), expect=2)
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"title": ""}))
    assert_one_line_failure(invoke("extract", str(bad), "--jsonl", str(out), expect=2), "no usable record")
    assert out.read_text() == "previous\n"
    invoke("extract", str(SAMPLES / "003_3784366c2b3939e3.txt"), "--jsonl", str(out))
    assert out.read_text().startswith("{") and oct(out.stat().st_mode & 0o777) != "0o600"


def test_an_error_inside_an_atomic_write_keeps_the_old_file(tmp_path):
    path = tmp_path / "x.txt"
    write_text(path, "old")
    with pytest.raises(RuntimeError), atomic_output(path) as handle:
        handle.write("half")
        raise RuntimeError("boom")
    assert path.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["x.txt"]


def test_a_planted_link_beside_the_store_is_refused_and_its_target_kept(small_store, tmp_path):
    """SQLite would write its write-ahead log through a link planted in its place."""
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    (small_store / "graph.sqlite-wal").symlink_to(victim)
    before = fingerprint(small_store)
    result = invoke("build", "--db", str(small_store), "-q", str(SAMPLES / "003_3784366c2b3939e3.txt"), expect=3)
    assert_one_line_failure(result, "is a symbolic link, not a store file")
    assert victim.read_text() == "keep me" and fingerprint(small_store) == before


def test_two_stores_in_one_folder_have_a_lock_each(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_LOCK_WAIT", "0.2")
    from paperkg.store.embedded import EmbeddedStore

    source = tmp_path / "good.jsonl"
    source.write_text(json.dumps(RECORDS[0]))
    holder = EmbeddedStore(tmp_path / "a.sqlite", create=True, lock=True)
    try:
        invoke("build", "--db", str(tmp_path / "b.sqlite"), "-q", str(source))
        refused = invoke("build", "--db", str(tmp_path / "a.sqlite"), "-q", str(source), expect=3)
        assert_one_line_failure(refused, "another kg build is writing")
    finally:
        holder.close()  # it never committed: its first build leaves no store behind
    assert (tmp_path / "b.sqlite").exists() and not (tmp_path / "a.sqlite").exists()


def test_clean_stale_temps_spares_young_files_when_asked(tmp_path):
    young = tmp_path / ".page.html.abc.tmp"
    young.write_text("x")
    assert clean_stale_temps(tmp_path / "page.html", older_than_s=3600) == 0 and young.exists()
    assert clean_stale_temps(tmp_path / "page.html") == 1 and not young.exists()


# ---------------------------------------------------------------------------------------------
# Signals, a full disk, permissions: as processes
# ---------------------------------------------------------------------------------------------


def test_sigterm_is_one_line_and_leaves_the_graph(small_store, tmp_path):
    before = fingerprint(small_store)
    # An input long enough that the build is still extracting when the signal comes, however fast
    # the machine: the bundled corpus alone can be built within the wait below on an idle machine.
    big = tmp_path / "many.jsonl"
    words = ["retrieval", "diffusion", "agents", "reasoning", "benchmark", "alignment", "video", "robots", "memory", "tokens"]
    with big.open("w", encoding="utf-8") as out:
        for i in range(20_000):
            title = f"Paper {i} on {words[i % 10]} and {words[(i * 7) % 10]}"
            abstract = f"We propose Method{i}, evaluated on MMLU and GSM8K with Llama-3-8B. " * 4
            out.write(json.dumps({"id": f"many-{i}", "title": title, "abstract": abstract}) + "\n")
    proc = subprocess.Popen([sys.executable, "-m", "paperkg", "build", "--db", str(small_store), "-q", str(big)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(3)  # past start-up, inside the build
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 143, (proc.returncode, out, err)
    assert err.strip() == "terminated: nothing more was written; the graph is as it was before"
    assert fingerprint(small_store) == before


def _file_size_limit(limit: int):
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_a_full_disk_is_one_line_and_keeps_every_previous_file(small_store, tmp_path):
    before = fingerprint(small_store)
    page = tmp_path / "page.html"
    page.write_text("old page")
    full = _file_size_limit(20_000)  # the graph of the bundled corpus and the page are far larger
    for args in (["build", "--db", str(small_store), "-q"], ["viz", "-o", str(page), "--db", str(small_store)]):
        result = kg_process(*args, preexec_fn=full)
        check_run(result_of(result), args, expect=2)
        assert "no space left to write it" in result.stderr
    assert fingerprint(small_store) == before and page.read_text() == "old page"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []


def result_of(completed: subprocess.CompletedProcess):
    from tests.battery import Run

    return Run(completed.returncode, completed.stdout, completed.stderr)


@pytest.mark.skipif(os.geteuid() == 0 and not Path("/usr/bin/setpriv").exists(), reason="root without setpriv")
def test_permission_errors_are_one_line(small_store, tmp_path):
    source = tmp_path / "locked.jsonl"
    source.write_text(json.dumps(RECORDS[0]))
    source.chmod(0)
    folder = tmp_path / "readonly"
    folder.mkdir()
    try:
        folder.chmod(0o555)
        unreadable = kg_process("build", "--db", str(small_store), "-q", str(source), drop_root=True)
        check_run(result_of(unreadable), ["build"], expect=2)
        assert "is not readable" in unreadable.stderr
        in_folder = kg_process("build", "--db", str(small_store), "-q", str(tmp_path), drop_root=True)
        check_run(result_of(in_folder), ["build"], expect=2)
        assert "locked.jsonl: permission denied; make the file readable" in in_folder.stderr
        source.chmod(0o644)
        store_denied = kg_process("build", "--db", str(folder / "db"), "-q", str(source), drop_root=True)
        check_run(result_of(store_denied), ["build"], expect=3)
        assert "permission denied" in store_denied.stderr
        graph = small_store / "graph.sqlite"
        graph.chmod(0)
        reading = kg_process("stats", "--db", str(small_store), drop_root=True)
        check_run(result_of(reading), ["stats"], expect=3)
        assert "permission denied" in reading.stderr
    finally:
        folder.chmod(0o755)
        (small_store / "graph.sqlite").chmod(0o644)


def test_a_held_lock_refuses_the_second_build_in_one_line(small_store, monkeypatch):
    monkeypatch.setenv("KG_LOCK_WAIT", "0.3")
    from paperkg.store.embedded import EmbeddedStore

    holder = EmbeddedStore(small_store, create=True, lock=True)  # a build's write transaction, held
    try:
        result = invoke("build", "--db", str(small_store), "-q", str(SAMPLES / "003_3784366c2b3939e3.txt"), expect=3)
        assert_one_line_failure(result, "(waited 0.3 s, KG_LOCK_WAIT)")
    finally:
        holder.close()
