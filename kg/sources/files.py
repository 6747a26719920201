"""Reading input files as text, with one-line errors that name the file and what to do."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from paperkg.errors import InputError

BUNDLED_PREFIX = "kg:samples/"
_BINARY_SNIFF = 8192
DEFAULT_MAX_INPUT_MB = 256


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
    try:
        name = str(path.resolve())
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{path}: is not a regular file (a device, FIFO or socket); give a paper listing file")
        if info.st_size > limit:
            raise InputError(f"{path}: {info.st_size:,} bytes, more than the {limit:,} kg reads (KG_MAX_INPUT_MB); split it")
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)  # the file may grow while it is read
        if len(data) > limit:
            raise InputError(f"{path}: more than the {limit:,} bytes kg reads (KG_MAX_INPUT_MB); split the file")
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
    return TextFile(name, decode(data, str(path)))


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
