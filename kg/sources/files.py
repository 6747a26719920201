"""Reading input files as text, with one-line errors that name the file and what to do.

A gzip-compressed file (told by its magic bytes, whatever its name) is read as the text it holds.
Big line-based files are read line by line (``iter_lines``), never whole.
"""

from __future__ import annotations

import gzip
import os
import stat
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import BinaryIO

from paperkg.errors import InputError

BUNDLED_PREFIX = "kg:samples/"
_BINARY_SNIFF = 8192
_GZIP_MAGIC = b"\x1f\x8b"
_BOM = b"\xef\xbb\xbf"
DEFAULT_MAX_INPUT_MB = 256
# Longest line a line-based file may have (a record of the arXiv snapshot is ~2 KB, an OpenAlex
# work tens of KB): a file without line breaks (/dev/zero behind a link) must not fill memory.
MAX_LINE_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class TextFile:
    """A source file's text and the name records cite it by."""

    name: str
    text: str


def bundled_sample_names() -> list[str]:
    """Names of the sample captures shipped inside the package, sorted."""
    folder = resources.files("paperkg.data").joinpath("samples")
    return sorted(item.name for item in folder.iterdir() if item.name.endswith(".txt"))


def read_bundled(name: str) -> TextFile:
    """One bundled sample, cited as ``kg:samples/<name>`` so the source does not depend on where
    the package is installed."""
    data = resources.files("paperkg.data").joinpath("samples", name).read_bytes()
    return TextFile(BUNDLED_PREFIX + name, decode(data, BUNDLED_PREFIX + name))


def max_file_bytes() -> int:
    """The largest input file read (KG_MAX_INPUT_MB, default 256 MB): a device like /dev/zero, or
    a link to one, must not grow in memory until the machine gives up."""
    try:
        return int(float(os.environ.get("KG_MAX_INPUT_MB", DEFAULT_MAX_INPUT_MB)) * 1024 * 1024)
    except ValueError:
        raise InputError("KG_MAX_INPUT_MB is not a number; set it to a size in MB, e.g. 512") from None


def read_text_file(path: Path) -> TextFile:
    """The UTF-8 text of ``path``, or an InputError that says what is wrong with it."""
    limit = max_file_bytes()
    handle = open_binary(path)
    with handle, _gzip_errors(path):
        data = handle.read(limit + 1)  # the file may grow while it is read; gzip may expand
    if len(data) > limit:
        raise InputError(f"{path}: more than the {limit:,} bytes kg reads whole (KG_MAX_INPUT_MB); split the file")
    return TextFile(_resolved(path), decode(data, str(path)))


def _resolved(path: Path) -> str:
    try:
        return str(path.resolve())
    except RuntimeError:  # Path.resolve on a loop of symbolic links
        raise InputError(f"{path}: symbolic links loop; give the file itself") from None


def open_binary(path: Path) -> BinaryIO:
    """The file's bytes, decompressed when it is gzip; errors say what is wrong with the file (a
    device, FIFO or socket is refused: it could be endless)."""
    try:
        _resolved(path)
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{path}: is not a regular file (a device, FIFO or socket); give a paper listing file")
        handle: BinaryIO = open(path, "rb")  # noqa: SIM115 - returned to the caller, who closes it
    except FileNotFoundError:
        raise InputError(f"{path}: no such file; check the path") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory; give the files in it or the folder itself") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied; make the file readable") from None
    except RuntimeError:  # Path.resolve on a loop of symbolic links
        raise InputError(f"{path}: symbolic links loop; give the file itself") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror}); check the file") from None
    if handle.read(2) == _GZIP_MAGIC:
        handle.seek(0)
        return gzip.GzipFile(fileobj=handle, mode="rb")  # type: ignore[return-value]
    handle.seek(0)
    return handle


class _gzip_errors:
    """Turns a broken or cut-short gzip stream into an InputError naming the file."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type | None, exc: BaseException | None, tb: object) -> None:
        if isinstance(exc, EOFError):
            raise InputError(f"{self.path}: the gzip file ends early (truncated download?); fetch it again") from None
        if isinstance(exc, (gzip.BadGzipFile, zlib.error)):
            raise InputError(f"{self.path}: is not a valid gzip file ({exc}); fetch it again or decompress it") from None
        if isinstance(exc, OSError) and not isinstance(exc, InputError):
            raise InputError(f"{self.path}: cannot be read ({exc.strerror or exc}); check the file") from None


def read_head(path: Path, size: int) -> bytes:
    """The first ``size`` bytes of the file's (decompressed) content."""
    with open_binary(path) as handle, _gzip_errors(path):
        return handle.read(size)


def head_text(data: bytes, shown_name: str, *, complete: bool) -> str:
    """The text of a file's first bytes (the whole file when ``complete``); a multi-byte character
    cut at the end of an incomplete head is dropped, any other bad byte is an InputError."""
    if not complete:
        for cut in range(4):
            try:
                return decode(data[: len(data) - cut], shown_name)
            except InputError:
                if cut == 3:
                    raise
    return decode(data, shown_name)


def file_size(path: Path) -> int:
    """Bytes on disk (compressed size for gzip), for progress."""
    try:
        return path.stat().st_size
    except OSError:
        return 0


@dataclass(slots=True)
class BytesRead:
    """How far reading has got in a file, in bytes on disk (for a progress bar)."""

    value: int = 0


def iter_lines(path: Path, progress: BytesRead | None = None) -> Iterator[tuple[int, str]]:
    """(line number, text) of each line, read lazily; a line that is not UTF-8 is an InputError."""
    with open_binary(path) as handle, _gzip_errors(path):
        raw = getattr(handle, "fileobj", None) or handle  # the file on disk under a gzip stream
        read = 0
        number = 0
        while True:
            data = handle.readline(MAX_LINE_BYTES + 1)
            if not data:
                break
            number += 1
            if len(data) > MAX_LINE_BYTES:
                raise InputError(
                    f"{path}:{number}: a line longer than {MAX_LINE_BYTES:,} bytes; is this a line-based file (JSON Lines)?"
                )
            if number == 1 and data.startswith(_BOM):
                data = data[len(_BOM) :]
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{path}:{number}: is not UTF-8 text (byte 0x{data[exc.start]:02x} at column {exc.start + 1}); "
                    "re-save the file as UTF-8"
                ) from None
            if progress is not None:
                read += len(data)
                if number % 256 == 0:
                    progress.value = raw.tell() if raw is not handle else read
            yield number, text
        if progress is not None:
            progress.value = raw.tell() if raw is not handle else read


def decode(data: bytes, shown_name: str) -> str:
    """Decode UTF-8 (a BOM is dropped); binary data and other encodings are InputErrors."""
    if b"\x00" in data[:_BINARY_SNIFF]:
        raise InputError(f"{shown_name}: is a binary file, not a paper listing; give a text, JSONL, JSON or Atom file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            f"{shown_name}:{line}: is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "re-save the file as UTF-8"
        ) from None
