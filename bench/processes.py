"""Watching a measured command's processes: their resident memory and CPU from /proc, sampled while
the command runs (its extraction workers are not waited for by it, so only samples see them)."""

from __future__ import annotations

import os
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path


def process_tree(root: int) -> dict[int, tuple[int, float, int]]:
    """(resident bytes, CPU seconds so far, parent) of a process and each of its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    stats: dict[int, tuple[int, float, int]] = {}
    ticks = os.sysconf("SC_CLK_TCK")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
            rss, cpu = int(fields[21]) * os.sysconf("SC_PAGE_SIZE"), (int(fields[11]) + int(fields[12])) / ticks
            stats[int(entry)] = (rss, cpu, int(fields[1]))
        except (OSError, IndexError, ValueError):
            continue
    found, stack = {}, [root]
    while stack:
        pid = stack.pop()
        if pid in stats:
            found[pid] = stats[pid]
        stack.extend(children.get(pid, ()))
    return found


def watched(
    args: list[str], sample: Callable[[int], None], *, interval: float, cwd: Path | None = None,
    on_line: Callable[[str], None] | None = None,
) -> tuple[int, str, str, float]:
    """Run ``args`` to its end, calling ``sample(pid)`` every ``interval`` seconds meanwhile; its exit
    code, stdout, stderr and wall time. With ``on_line``, each stderr line goes to it as it comes
    (a log to stamp while the command runs) and the stderr returned is empty."""
    start = time.perf_counter()
    process = subprocess.Popen(args, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    done = threading.Event()

    def loop() -> None:
        while not done.wait(interval):
            sample(process.pid)

    def read_lines() -> None:
        assert process.stderr is not None and on_line is not None
        for line in process.stderr:
            on_line(line.rstrip("\n"))

    threads = [threading.Thread(target=loop, daemon=True)]
    if on_line is not None:
        threads.append(threading.Thread(target=read_lines, daemon=True))
    for thread in threads:
        thread.start()
    if on_line is None:
        out, err = process.communicate()
    else:
        out, err = process.stdout.read() if process.stdout else "", ""
        process.wait()
    wall = time.perf_counter() - start
    done.set()
    for thread in threads:
        thread.join()
    return process.returncode, out, err, wall


def run_sampled(
    args: list[str], sample: Callable[[int], None], *, interval: float, cwd: Path | None = None
) -> tuple[str, str, float]:
    """``watched`` for a command that must succeed: its stdout, stderr and wall time. A failed command
    raises RuntimeError with the end of both outputs."""
    code, out, err, wall = watched(args, sample, interval=interval, cwd=cwd)
    if code != 0:
        raise RuntimeError(f"{' '.join(args)} failed ({code}):\n{out[-2000:]}\n{err[-2000:]}")
    return out, err, wall
