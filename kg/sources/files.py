"""Reading input files as text, with one-line errors that name the file and what to do."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from paperkg.errors import InputError

BUNDLED_PREFIX = "kg:samples/"
_BINARY_SNIFF = 8192


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


def read_text_file(path: Path) -> TextFile:
    """The UTF-8 text of ``path``, or an InputError that says what is wrong with it."""
    name = str(path.resolve())
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file; check the path") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory; give the files in it or the folder itself") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied; make the file readable") from None
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
