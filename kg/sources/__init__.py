"""Readers: files and folders given on the command line -> Paper records (and skipped records).

The format is detected from the extension and the first lines; ``fmt`` forces one. A gzip file
is read as the text it holds (``papers.jsonl.gz``). ``open_sources`` checks every input before
any record is read (missing, binary, not UTF-8, unknown format); records are then read lazily,
line by line for the line-based formats, so a build never holds a whole big file in memory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from paperkg.errors import InputError
from paperkg.model import Paper, Skip
from paperkg.sources import arxiv_atom, arxiv_snapshot, hf_api, hf_text, jsonl, openalex
from paperkg.sources.checks import check_paper
from paperkg.sources.files import (
    BUNDLED_PREFIX,
    BytesRead,
    TextFile,
    bundled_sample_names,
    file_size,
    head_text,
    iter_lines,
    read_bundled,
    read_head,
    read_text_file,
)

Reader = Callable[[str, str], Iterator[Paper | Skip]]
LineReader = Callable[[Iterable[tuple[int, str]], str], Iterator[Paper | Skip]]

# Enough of a file to tell its format from its first records (an OpenAlex work can be long).
_HEAD_BYTES = 1 << 20


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    extensions: tuple[str, ...]
    sniff: Callable[[str], bool]
    read: Reader
    # Line-based formats also read from numbered lines, lazily; the others read a whole text.
    read_lines: LineReader | None = None


# Sniffing tries these in order: the record shapes of known dumps (arXiv snapshot, OpenAlex) and
# the stricter JSON shapes (an HF API array or paper object) before generic JSON Lines, whose
# first line may be a JSON object too. The extension alone never picks a format whose sniff fails.
_JSON_EXTENSIONS = (".json", ".jsonl", ".ndjson")
FORMATS: dict[str, Format] = {
    "hf-text": Format("hf-text", (".txt",), hf_text.sniff, hf_text.read_hf_text),
    "arxiv-snapshot": Format(
        "arxiv-snapshot",
        _JSON_EXTENSIONS,
        arxiv_snapshot.sniff,
        arxiv_snapshot.read_arxiv_snapshot,
        arxiv_snapshot.read_arxiv_snapshot_lines,
    ),
    "openalex": Format("openalex", _JSON_EXTENSIONS, openalex.sniff, openalex.read_openalex, openalex.read_openalex_lines),
    "hf-api": Format("hf-api", (".json",), hf_api.sniff, hf_api.read_hf_api),
    "arxiv-atom": Format("arxiv-atom", (".atom", ".xml"), arxiv_atom.sniff, arxiv_atom.read_arxiv_atom),
    "jsonl": Format("jsonl", (".jsonl", ".ndjson"), jsonl.sniff, jsonl.read_jsonl, jsonl.read_jsonl_lines),
}
READABLE_EXTENSIONS = tuple(dict.fromkeys(ext for fmt in FORMATS.values() for ext in fmt.extensions))
COMPRESSED_SUFFIX = ".gz"


@dataclass
class ReadResult:
    """What reading some sources gave: papers in input order, skipped records, files read."""

    papers: list[Paper] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    def require_papers(self) -> None:
        """Raise InputError, with the skip summary, when no record could be used."""
        if self.papers:
            return
        if not self.skipped:
            raise InputError(f"no paper records in {', '.join(self.files) or 'the input'}; give files with paper listings")
        more = f" (and {len(self.skipped) - 1} more)" if len(self.skipped) > 1 else ""
        raise InputError(
            f"no usable record: {len(self.skipped)} skipped, first {self.skipped[0]}{more} (nothing was written)"
        )


@dataclass(frozen=True, slots=True)
class Input:
    """One checked input file: the name records cite, its reader, where its bytes are."""

    name: str
    fmt: Format
    path: Path | None  # None: a bundled sample, read from the package
    size: int


@dataclass
class Sources:
    """Checked inputs whose records are read lazily, in input order (``records()``).

    ``bytes_read`` / ``bytes_total`` tell how far reading has got, for a progress bar; with
    ``categories`` only papers in one of them are returned (``filtered`` counts the others).
    """

    inputs: list[Input]
    categories: tuple[str, ...] = ()
    filtered: int = 0
    _done: int = 0
    _current: BytesRead = field(default_factory=BytesRead)

    @property
    def files(self) -> list[str]:
        return [item.name for item in self.inputs]

    @property
    def bytes_total(self) -> int:
        return sum(item.size for item in self.inputs)

    @property
    def bytes_read(self) -> int:
        return self._done + self._current.value

    def records(self) -> Iterator[Paper | Skip]:
        """Papers and skipped records of every input, in order; may be called again to re-read."""
        self.filtered = 0
        self._done = 0
        for item in self.inputs:
            self._current = BytesRead()
            for record in _read_input(item, self._current):
                if isinstance(record, Paper):
                    if self.categories and not category_matches(record.categories, self.categories):
                        self.filtered += 1
                        continue
                    record = check_paper(record)  # what no reader may let through (sizes, text)
                yield record
            self._done += item.size
            self._current = BytesRead()

    def read_all(self) -> ReadResult:
        """Every record at once (for small inputs and callers that need the whole list)."""
        result = ReadResult(files=self.files)
        for record in self.records():
            (result.skipped if isinstance(record, Skip) else result.papers).append(record)
        return result


def _read_input(item: Input, progress: BytesRead) -> Iterator[Paper | Skip]:
    if item.path is None:
        text_file = read_bundled(item.name.removeprefix(BUNDLED_PREFIX))
        yield from item.fmt.read(text_file.text, text_file.name)
    elif item.fmt.read_lines is not None:
        yield from item.fmt.read_lines(iter_lines(item.path, progress), item.name)
    else:
        text_file = read_text_file(item.path)
        yield from item.fmt.read(text_file.text, item.name)


def category_matches(categories: Iterable[str], wanted: Iterable[str]) -> bool:
    """True when one of the paper's categories is wanted: ``cs.LG`` exactly (any case), ``cs.*``
    or ``cs`` for every cs category.

    >>> category_matches(["stat.ML", "cs.LG"], ["cs.*"])
    True
    """
    have = [c.lower() for c in categories]
    for pattern in (w.lower().strip() for w in wanted):
        prefix = pattern.rstrip("*")
        if pattern in have or any(c.startswith(prefix if prefix.endswith(".") else prefix + ".") for c in have):
            return True
    return False


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, folders replaced by the readable files under them (sorted)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and _suffix(p) in READABLE_EXTENSIONS)
            if not found:
                raise InputError(
                    f"{path}: folder holds no readable files ({', '.join(READABLE_EXTENSIONS)}, also .gz); "
                    "give a folder with paper listings"
                )
            files.extend(found)
        else:
            files.append(path)
    return files


def _suffix(path: Path | str) -> str:
    """The extension that names the format: ``.jsonl`` for ``works.jsonl.gz``."""
    name = Path(path).name.lower().removesuffix(COMPRESSED_SUFFIX)
    return Path(name).suffix


def detect_format(text_file: TextFile, forced: str | None = None) -> Format:
    """The reader for a file: ``forced`` if given, else by extension, else by sniffing."""
    if forced:
        try:
            return FORMATS[forced]
        except KeyError:
            raise InputError(f"unknown format {forced!r}; use one of {', '.join(FORMATS)}") from None
    if not text_file.text.strip():
        raise InputError(f"{text_file.name}: file is empty; give a file with paper records")
    suffix = _suffix(text_file.name)
    for fmt in FORMATS.values():
        if suffix in fmt.extensions and fmt.sniff(text_file.text):
            return fmt
    for fmt in FORMATS.values():
        if fmt.sniff(text_file.text):
            return fmt
    raise InputError(
        f"{text_file.name}: cannot tell the format of this file; pass --format ({', '.join(FORMATS)}) if it is a paper listing"
    )


def open_input(path: Path, fmt: str | None = None) -> Input:
    """Check one file (readable, text, a known format) from its first bytes; nothing more is read.

    A whole-document format (a JSON array, an Atom feed, a capture) is decoded whole here, so a
    bad byte anywhere in it stops the build before anything is written; line-based files are
    checked line by line as they are read.
    """
    head = read_head(path, _HEAD_BYTES)
    complete = len(head) < _HEAD_BYTES
    text = head_text(head, str(path), complete=complete)
    chosen = detect_format(TextFile(str(path), text), fmt)
    if chosen.read_lines is None and not complete:
        read_text_file(path)
    return Input(str(path.resolve()), chosen, path, file_size(path))


def open_sources(paths: Iterable[Path], *, fmt: str | None = None, categories: Iterable[str] = ()) -> Sources:
    """Check files and folders; an unusable file raises InputError before any record is read."""
    if fmt:
        detect_format(TextFile("", ""), fmt)  # an unknown --format fails before any file is opened
    return Sources([open_input(p, fmt) for p in expand_paths(paths)], categories=tuple(categories))


def open_bundled_samples(*, categories: Iterable[str] = ()) -> Sources:
    """The sample corpus shipped with the package, as checked inputs."""
    inputs = []
    for name in bundled_sample_names():
        text_file = read_bundled(name)
        inputs.append(Input(text_file.name, detect_format(text_file), None, len(text_file.text.encode("utf-8"))))
    return Sources(inputs, categories=tuple(categories))


def read_text_files(files: Iterable[TextFile], *, fmt: str | None = None) -> ReadResult:
    """Read already loaded files. Every file is checked before any record is returned."""
    loaded = [(text_file, detect_format(text_file, fmt)) for text_file in files]
    result = ReadResult()
    for text_file, reader in loaded:
        result.files.append(text_file.name)
        for item in reader.read(text_file.text, text_file.name):
            checked = item if isinstance(item, Skip) else check_paper(item)
            if isinstance(checked, Skip):
                result.skipped.append(checked)
            else:
                result.papers.append(checked)
    return result


def read_sources(paths: Iterable[Path], *, fmt: str | None = None) -> ReadResult:
    """Read files and folders; an unreadable file raises InputError before anything is returned."""
    return open_sources(paths, fmt=fmt).read_all()


def read_bundled_samples() -> ReadResult:
    """The sample corpus shipped with the package."""
    return open_bundled_samples().read_all()
