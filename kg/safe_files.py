"""Files written only when complete, never through a planted link, and locks that cannot be hijacked.

Every output of paperkg (the store's graph file, `kg viz -o`, `kg extract --jsonl`, `kg trends
--html`, the fetch cache) is written the same way: into a fresh temp file made with O_EXCL in
the destination's folder (so no other file, link or device is ever opened for writing), flushed
to disk, then renamed over the destination. A run that fails or is killed leaves the previous
file as it was. The destination must be absent or a regular file: a device, FIFO, symlink or
folder at that path is refused with one line instead of being replaced.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from paperkg.errors import KGError

TEMP_SUFFIX = ".tmp"


class UnsafeOutputError(KGError):
    """The output path holds something that must not be replaced, or cannot be written."""

    exit_code = 2


def _temp_prefix(path: Path) -> str:
    return f".{path.name}."


def check_destination(path: Path) -> None:
    """Refuse a destination that is not a regular file (or absent), without following links."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise UnsafeOutputError(f"{path}: cannot be checked ({exc.strerror}); choose another output path") from None
    if stat.S_ISLNK(info.st_mode):
        kind = "a symbolic link"
    elif stat.S_ISDIR(info.st_mode):
        kind = "a folder"
    elif not stat.S_ISREG(info.st_mode):
        kind = "a device, FIFO or socket"
    else:
        return
    raise UnsafeOutputError(f"{path} is {kind}, not a regular file: it is left alone; choose another output path")


def describe_os_error(path: Path | str, exc: OSError) -> str:
    """One line for an OSError on ``path`` that says what to do."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return f"{path}: no space left to write it ({exc.strerror}); free some space and run again (nothing was replaced)"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"{path}: permission denied ({exc.strerror}); choose a folder you can write to"
    return f"{path}: cannot be written ({exc.strerror or exc}); check the path"


@contextlib.contextmanager
def atomic_output(path: Path, *, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO]:
    """A handle whose contents replace ``path`` only when the block ends without an error.

    Example:
        >>> with atomic_output(Path("page.html")) as handle:  # doctest: +SKIP
        ...     handle.write(html)
    """
    path = Path(path)
    check_destination(path)
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # mkstemp opens with O_CREAT | O_EXCL under a fresh random name: no planted file or link
        # can be written through. (tempfile is imported here: it is 2-3 ms of every command's start,
        # and only commands that write files need it.)
        import tempfile

        fd, temp_name = tempfile.mkstemp(prefix=_temp_prefix(path), suffix=TEMP_SUFFIX, dir=folder)
    except OSError as exc:
        raise UnsafeOutputError(describe_os_error(path, exc)) from None
    temp = Path(temp_name)
    try:
        # mkstemp makes the file private (0600); outputs get the usual mode instead.
        os.fchmod(fd, 0o666 & ~current_umask())
        with os.fdopen(fd, mode, encoding=encoding if "b" not in mode else None) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        check_destination(path)  # something planted while we wrote is still refused
        os.replace(temp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(exc, OSError) and not isinstance(exc, KGError):
            raise UnsafeOutputError(describe_os_error(path, exc)) from None
        raise
    _sync_folder(folder)


def write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically (see ``atomic_output``)."""
    with atomic_output(path) as handle:
        handle.write(text)


def write_bytes(path: Path, data: bytes) -> None:
    with atomic_output(path, mode="wb", encoding=None) as handle:
        handle.write(data)


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def open_lock_file(path: Path) -> int:
    """A lock file's descriptor, opened without following a link and without truncating anything."""
    flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags, 0o644)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UnsafeOutputError(f"{path} is a symbolic link, not a lock file: remove it and run again") from None
        raise
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise UnsafeOutputError(f"{path} is not a regular file: remove it and run again")
    return fd


def clean_stale_temps(path: Path, *, older_than_s: float = 0.0, suffixes: tuple[str, ...] = (TEMP_SUFFIX,)) -> int:
    """Remove temp files a killed run left beside ``path``; returns how many.

    Call it only while holding the lock that writers of ``path`` take (then every such file is
    stale), or with ``older_than_s`` large enough that no live run can own them.
    """
    removed = 0
    now = time.time()
    prefix = _temp_prefix(path)
    try:
        names = os.listdir(path.parent)
    except OSError:
        return 0
    for name in names:
        if not (name.startswith(prefix) and name.endswith(suffixes)):
            continue
        candidate = path.parent / name
        try:
            info = candidate.lstat()
            if stat.S_ISREG(info.st_mode) and now - info.st_mtime >= older_than_s:
                candidate.unlink()
                removed += 1
        except OSError:
            continue
    return removed
