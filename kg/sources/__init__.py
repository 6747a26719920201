"""Readers: files and folders given on the command line -> Paper records (and skipped records).

The format is detected from the extension and the first lines; ``fmt`` forces one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from paperkg.errors import InputError
from paperkg.model import Paper, Skip
from paperkg.sources import arxiv_atom, hf_api, hf_text, jsonl
from paperkg.sources.checks import check_paper
from paperkg.sources.files import TextFile, bundled_sample_names, read_bundled, read_text_file

Reader = Callable[[str, str], Iterator[Paper | Skip]]


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    extensions: tuple[str, ...]
    sniff: Callable[[str], bool]
    read: Reader


# Sniffing tries these in order when the extension does not decide: the stricter JSON shapes
# (an HF API array or paper object) before JSON Lines, whose first line may be a JSON object too.
FORMATS: dict[str, Format] = {
    "hf-text": Format("hf-text", (".txt",), hf_text.sniff, hf_text.read_hf_text),
    "hf-api": Format("hf-api", (".json",), hf_api.sniff, hf_api.read_hf_api),
    "arxiv-atom": Format("arxiv-atom", (".atom", ".xml"), arxiv_atom.sniff, arxiv_atom.read_arxiv_atom),
    "jsonl": Format("jsonl", (".jsonl", ".ndjson"), jsonl.sniff, jsonl.read_jsonl),
}
READABLE_EXTENSIONS = tuple(ext for fmt in FORMATS.values() for ext in fmt.extensions)


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


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, folders replaced by the readable files under them (sorted)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in READABLE_EXTENSIONS)
            if not found:
                raise InputError(
                    f"{path}: folder holds no readable files ({', '.join(READABLE_EXTENSIONS)}); "
                    "give a folder with paper listings"
                )
            files.extend(found)
        else:
            files.append(path)
    return files


def detect_format(text_file: TextFile, forced: str | None = None) -> Format:
    """The reader for a file: ``forced`` if given, else by extension, else by sniffing."""
    if forced:
        try:
            return FORMATS[forced]
        except KeyError:
            raise InputError(f"unknown format {forced!r}; use one of {', '.join(FORMATS)}") from None
    if not text_file.text.strip():
        raise InputError(f"{text_file.name}: file is empty; give a file with paper records")
    suffix = Path(text_file.name).suffix.lower()
    for fmt in FORMATS.values():
        if suffix in fmt.extensions and fmt.sniff(text_file.text):
            return fmt
    for fmt in FORMATS.values():
        if fmt.sniff(text_file.text):
            return fmt
    raise InputError(
        f"{text_file.name}: cannot tell the format of this file; pass --format ({', '.join(FORMATS)}) if it is a paper listing"
    )


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
    return read_text_files([read_text_file(p) for p in expand_paths(paths)], fmt=fmt)


def read_bundled_samples() -> ReadResult:
    """The sample corpus shipped with the package."""
    return read_text_files([read_bundled(name) for name in bundled_sample_names()])
