"""Hostile input for every reader, `kg build`, `kg extract`, `kg import-citations` and the query
commands: random JSON shapes and types per field, random Unicode (controls, bidi, surrogates),
random URLs, files that never end. Every run gives the right exit code, at most one line on
stderr and no traceback, terminal output free of control characters, and a failed build leaves
the store as it was."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from paperkg.errors import InputError
from paperkg.model import Paper, Skip
from paperkg.safe_text import is_terminal_safe
from paperkg.sources import read_text_files
from paperkg.sources.files import TextFile
from tests.battery import assert_one_line_failure, fingerprint, invoke

FEW = settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
MANY = settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))

# Any character at all: controls, bidi overrides, zero-width, lone surrogates included.
ANY_CHAR = st.characters(codec=None, categories=None)
ANY_TEXT = st.text(ANY_CHAR, max_size=40)
HOSTILE_BITS = st.sampled_from(["\x1b]0;pwned\x07", "\x1b[2J", "\u202e", "\u200b", "\x9b31m", "\r", "\x00", "\ud800",
                                "\udfff", "[bold]x[/]", "\t", "\n", "é", "😀"])
HOSTILE_TEXT = st.lists(st.one_of(HOSTILE_BITS, ANY_TEXT), min_size=1, max_size=5).map("".join)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True) | HOSTILE_TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(ANY_TEXT, inner, max_size=3),
    max_leaves=6,
)
FIELDS = ["title", "abstract", "summary", "id", "arxiv_id", "authors", "published", "url", "ai_keywords", "githubRepo",
          "projectPage", "upvotes", "publishedAt", "paper"]
GOOD = {"id": "2401.00001", "title": "A Study of BERT on GLUE", "abstract": "We fine-tune BERT on GLUE and report results."}


def _records(good_fields: dict):
    """Records that are a good one with some fields replaced by random JSON values."""
    return st.dictionaries(st.sampled_from(FIELDS), JSON_VALUES, max_size=5).map(lambda bad: {**good_fields, **bad})


def _check_read(name: str, text: str) -> None:
    try:
        result = read_text_files([TextFile(name, text)])
    except InputError as exc:
        assert "\n" not in str(exc)
        return
    for paper in result.papers:
        assert isinstance(paper, Paper) and isinstance(paper.title, str) and paper.title
        values = [paper.title, paper.abstract, *paper.authors, *paper.keywords, paper.url or "", paper.published or ""]
        assert all(isinstance(v, str) and "\ud800" not in v for v in values)
        assert all(is_terminal_safe(url, keep_breaks=False) and " " not in url for _, url in paper.links)
        assert paper.url is None or is_terminal_safe(paper.url, keep_breaks=False)
    assert all(isinstance(skip, Skip) and skip.reason for skip in result.skipped)


@MANY
@given(record=_records(GOOD))
def test_jsonl_reader_takes_any_json_per_field(record):
    _check_read("x.jsonl", json.dumps(record) + "\n")


@MANY
@given(item=_records({"paper": {"id": "2401.00001", "title": "A Study", "summary": "We study BERT."}}))
def test_hf_api_reader_takes_any_json_per_field(item):
    _check_read("x.json", json.dumps([item]))
    if isinstance(item.get("paper"), dict):
        _check_read("y.json", json.dumps({**item["paper"], **{k: v for k, v in item.items() if k != "paper"}}))


@MANY
@given(document=JSON_VALUES)
def test_any_json_document_is_read_or_refused_in_one_line(document):
    for name in ("x.json", "x.jsonl", "x.txt"):
        _check_read(name, json.dumps(document))


@MANY
@given(title=HOSTILE_TEXT, abstract=HOSTILE_TEXT)
def test_text_readers_take_any_unicode(title, abstract):
    # A file decodes as strict UTF-8, so its text never holds a lone surrogate.
    title, abstract = (_no_surrogates(t) for t in (title, abstract))
    _check_read("x.txt", f"Subscribe{title}\n\n{abstract} " + "We study it. " * 30 + "\n")
    entry = f"<entry><id>http://arxiv.org/abs/2401.00001v1</id><title>{_xml(title)}</title><summary>{_xml(abstract)}</summary></entry>"
    _check_read("x.atom", f'<feed xmlns="http://www.w3.org/2005/Atom">{entry}</feed>')


def _no_surrogates(text: str) -> str:
    return "".join(c for c in text if not 0xD800 <= ord(c) <= 0xDFFF)


def _xml(text: str) -> str:
    from xml.sax.saxutils import escape

    return escape(text)


@MANY
@given(tail=st.text(st.characters(codec=None, categories=None), max_size=30),
       host=st.sampled_from(["github.com/a/b", "[::1", "[::1/", "x", "www.", "a.github.io", "[", "huggingface.co/"]))
def test_links_in_abstracts_never_crash_and_never_keep_controls(host, tail):
    from paperkg.extractors.links import find_links

    for scheme in ("http://", "https://", ""):
        for found in find_links(f"Code at {scheme}{host}{tail} and more."):
            assert is_terminal_safe(found.url, keep_breaks=False) and not any(c.isspace() for c in found.url)


# ---------------------------------------------------------------------------------------------
# Through the CLI: builds, queries and extraction
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def small_store(tmp_path_factory) -> Path:
    """A store built from two plain papers, shared by the tests that only read or fail to write."""
    folder = tmp_path_factory.mktemp("small")
    source = folder / "good.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in [GOOD, {**GOOD, "id": "2401.00002", "title": "RoBERTa Again"}]))
    invoke("build", "--db", str(folder / "db"), "-q", str(source))
    return folder / "db"


def _write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content)
    return path


HOSTILE_FILES = {
    "authors42.json": json.dumps([{"paper": {"id": "2401.00003", "title": "T", "summary": "We use BERT.", "authors": 42}}]),
    "keywords5.json": json.dumps([{"paper": {"id": "2401.00003", "title": "T", "summary": "S.", "ai_keywords": 5}}]),
    "title_list.jsonl": json.dumps({**GOOD, "title": ["a", "b"]}),
    "title_nan.jsonl": '{"title": NaN, "abstract": "We use BERT."}',
    "deep.jsonl": '{"title": "x", "abstract": ' + "[" * 100000 + "]" * 100000 + "}",
    "deep.json": "[" * 100000 + "]" * 100000,
    "bignum.jsonl": '{"id": ' + "9" * 5000 + ', "title": "T", "abstract": "We use BERT."}',
    "surrogate.jsonl": '{"title": "T \\ud800", "abstract": "We use BERT."}',
    "huge.jsonl": json.dumps({**GOOD, "abstract": "We use BERT. " * 800_000}),
    "huge_title.txt": "Subscribe" + "Long " * 400 + "\n\n" + "We study. " * 40 + "\n",
    "empty_title.jsonl": json.dumps({"title": "", "abstract": "x"}),
    "not_json.json": "[{broken",
    "feed.atom": '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>T',
}


@pytest.mark.parametrize("name", sorted(HOSTILE_FILES))
def test_a_hostile_file_fails_in_one_line_and_leaves_the_store(small_store, tmp_path, name):
    before = fingerprint(small_store)
    path = _write(tmp_path, name, HOSTILE_FILES[name])
    result = invoke("build", "--db", str(small_store), "-q", str(path), expect=2)
    assert_one_line_failure(result, name)
    assert fingerprint(small_store) == before
    extract = invoke("extract", str(path), expect=2)
    assert_one_line_failure(extract, name)


def test_a_lone_surrogate_or_odd_types_in_one_record_skip_it_and_keep_the_rest(tmp_path, db):
    path = _write(tmp_path, "mixed.jsonl", "\n".join([json.dumps(GOOD), HOSTILE_FILES["surrogate.jsonl"],
                                                      HOSTILE_FILES["title_list.jsonl"], '{"title": "A", "authors": 5}']))
    result = invoke("build", "--db", str(db), "-q", str(path))
    assert "new 1, updated 0, unchanged 0, skipped 3" in result.stdout
    assert "lone surrogate" in result.stdout and "title is a list, expected text" in result.stdout


def test_an_ipv6_fragment_in_an_abstract_does_not_stop_the_build(tmp_path, db):
    path = _write(tmp_path, "v6.jsonl", json.dumps({**GOOD, "abstract": "Code at http://[::1/ and http://[ and more."}))
    assert "new 1" in invoke("build", "--db", str(db), "-q", str(path)).stdout


@pytest.mark.parametrize("special", ["/dev/zero", "zero-link", "fifo"])
def test_devices_fifos_and_links_to_them_are_refused_not_read_forever(tmp_path, db, special):
    if special == "zero-link":
        path = tmp_path / "zero.jsonl"
        path.symlink_to("/dev/zero")
    elif special == "fifo":
        path = tmp_path / "pipe.jsonl"
        os.mkfifo(path)
    else:
        path = Path(special)
    result = invoke("build", "--db", str(db), "-q", str(path), expect=2)
    assert_one_line_failure(result, "is not a regular file")


def test_a_file_over_the_size_cap_is_refused(tmp_path, db, monkeypatch):
    """The cap is on files read whole (a JSON document); JSON Lines stream, whatever their size."""
    monkeypatch.setenv("KG_MAX_INPUT_MB", "0.001")
    item = {"paper": {"id": "2401.00001", "title": GOOD["title"], "summary": "x " * 1000}}
    path = _write(tmp_path, "big.json", json.dumps([item]))
    assert_one_line_failure(invoke("build", "--db", str(db), str(path), expect=2), "KG_MAX_INPUT_MB")
    streamed = _write(tmp_path, "big.jsonl", json.dumps({**GOOD, "abstract": "x " * 1000}))
    assert "new 1" in invoke("build", "--db", str(db), "-q", str(streamed), expect=0).stdout


@FEW
@given(title=HOSTILE_TEXT.filter(lambda t: t.strip() and "\ud800" not in t and not any(0xD800 <= ord(c) <= 0xDFFF for c in t)))
def test_hostile_titles_reach_tables_and_csv_escaped_and_json_exact(tmp_path_factory, title):
    folder = tmp_path_factory.mktemp("titles")
    abstract = "We release code at https://github.com/a/b\x1b[2J and evaluate BERT."
    record = {"id": "2401.00009", "title": title, "abstract": abstract, "authors": [f"{title} Smith"]}
    path = _write(folder, "t.jsonl", json.dumps(record))
    db = str(folder / "db")
    build = invoke("build", "--db", db, str(path), expect=None)
    if build.exit_code != 0:  # a title of spaces and controls only: skipped, said in one line
        assert_one_line_failure(build, "no usable record")
        return
    for fmt in ([], ["--csv"]):
        invoke("papers", "--db", db, *fmt)  # checks the output is terminal-safe
        invoke("papers", "--author", "Smith", "--db", db, *fmt)
    rows = json.loads(invoke("papers", "--db", db, "--json").stdout)
    # JSON keeps the title exact, but for NUL characters, which the SQLite store drops from text
    assert rows[0]["title"] == " ".join(title.split()).replace("\x00", ""), "JSON keeps the title exact"
    assert all(is_terminal_safe(r, keep_breaks=False) for row in rows for r in row["repos"] or [])
    invoke("search", "study", "--db", db)
    invoke("entity", title, "--db", db, expect=None)
    invoke("path", title, "BERT", "--db", db, expect=None)


@pytest.mark.parametrize("args,fragment", [
    (["papers", "--limit", "-1"], "-1 is not in the range x>=1"),
    (["papers", "--limit", "0"], "x>=1"),
    (["top", "--type", "model", "--limit", "-5"], "x>=1"),
    (["papers", "--model", ""], "is empty"),
    (["papers", "--author", "  "], "is empty"),
    (["papers", "--entity", ""], "is empty"),
    (["papers", "--dataset", ""], "is empty"),
    (["path", "", "BERT"], "is empty"),
    (["entity", ""], "is empty"),
    (["search", ""], "is empty"),
    (["stats", "--db", ""], "is empty"),
    (["build", ""], "is empty"),
])
def test_negative_limits_and_blank_values_are_usage_errors(small_store, args, fragment):
    result = invoke(*args, *([] if "--db" in args else ["--db", str(small_store)]), expect=2)
    assert fragment in result.stderr and "Traceback" not in result.stderr


def test_blank_reference_in_the_library_is_a_query_error(small_store):
    from paperkg.answers import node_reference
    from paperkg.errors import QueryError
    from paperkg.store.embedded import EmbeddedStore

    with pytest.raises(QueryError, match="empty name"):
        node_reference(EmbeddedStore(small_store), "   ")


def test_a_db_that_is_a_plain_file_is_refused(tmp_path):
    plain = tmp_path / "passwd"
    plain.write_text("root:x:0:0:root:/root:/bin/bash\n")
    for args in (["stats"], ["build", "-q"]):
        assert_one_line_failure(invoke(*args, "--db", str(plain), expect=3), "is not a paperkg store (not an SQLite file)")
    assert plain.read_text().startswith("root:x"), "the file is left as it was"
    assert_one_line_failure(invoke("stats", "--db", "/etc/passwd", expect=3), "is not a paperkg store (not an SQLite file)")


def test_a_non_bolt_neo4j_uri_says_which_schemes_work():
    result = invoke("stats", "--neo4j", "http://localhost:7474", expect=3)
    assert_one_line_failure(result, "use a Bolt URI (bolt://")


def test_an_input_with_no_usable_record_fails_with_the_skip_summary(tmp_path, db):
    path = _write(tmp_path, "bad.jsonl", "\n".join([json.dumps({"title": ""}), json.dumps({"title": "T"})]))
    result = invoke("build", "--db", str(db), "-q", str(path), expect=2)
    assert_one_line_failure(result, "no usable record: 2 skipped, first")
    assert not db.exists() or not (db / "graph.sqlite").exists()


def test_control_characters_in_error_messages_are_escaped(small_store):
    result = invoke("entity", "\x1b]0;pwned\x07 \x1b[2J", "--db", str(small_store), expect=4)
    assert "\\x1b]0;pwned\\x07" in result.stderr


# ---------------------------------------------------------------------------------------------
# import-citations: any shape of response
# ---------------------------------------------------------------------------------------------

CITATION_SHAPES = st.one_of(
    st.fixed_dictionaries({"data": JSON_VALUES}),
    st.fixed_dictionaries({"data": st.lists(st.fixed_dictionaries({"citedPaper": JSON_VALUES}), max_size=3)}),
    st.fixed_dictionaries({"paperId": JSON_VALUES, "references": JSON_VALUES, "externalIds": JSON_VALUES}),
    st.fixed_dictionaries({"id": JSON_VALUES, "referenced_works": JSON_VALUES, "ids": JSON_VALUES}),
    st.fixed_dictionaries({"results": st.lists(JSON_VALUES, max_size=3)}),
    JSON_VALUES,
)


@MANY
@given(document=CITATION_SHAPES)
def test_citation_responses_of_any_shape_are_read_or_refused(document):
    from paperkg.sources.citation_responses import PaperRef, read_citations

    try:
        items = list(read_citations(json.dumps(document), "r.json", subject=PaperRef(title="S", key="paper:t-s")))
    except InputError as exc:
        assert "\n" not in str(exc)
        return
    assert all(type(item).__name__ in ("CitationRecord", "Described", "Skip") for item in items)


@FEW
@given(document=CITATION_SHAPES)
def test_import_citations_never_crashes(small_store, tmp_path_factory, document):
    path = _write(tmp_path_factory.mktemp("cites"), "r.json", json.dumps(document))
    before = fingerprint(small_store)
    result = invoke("import-citations", str(path), "--paper", "2401.00001", "--db", str(small_store), expect=None)
    if result.exit_code != 0:
        assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1
        assert fingerprint(small_store) == before


@pytest.mark.parametrize("content", ["[1, 2]", '[{"title": 5}]', "[" * 100000, '{"a": 1}', "not json"])
def test_eval_refuses_a_bad_gold_file_in_one_line(tmp_path, content):
    gold = _write(tmp_path, "gold.json", content)
    assert_one_line_failure(invoke("eval", "--gold", str(gold), expect=2), "gold.json")


def test_eval_refuses_a_device_as_predictions(tmp_path):
    gold = _write(tmp_path, "gold.json", json.dumps([{"title": "T", "abstract": "We use BERT.", "model": []}]))
    assert_one_line_failure(invoke("eval", "--gold", str(gold), "--pred", "/dev/zero", expect=2), "not a regular file")


@pytest.mark.parametrize("value", ["-1", "0", "99999999999999999999999"])
def test_catalog_limits_out_of_range_are_query_errors(small_store, value):
    result = invoke("query", "top_entities", "--param", "type=model", "--param", f"limit={value}", "--db", str(small_store),
                    expect=4)
    assert_one_line_failure(result, "out of range")
