"""The CLI's safety layer: values checked before a command runs, one line for every failure after.

Every command gets the same checks, in one place rather than in each command:
- ``--limit`` must be at least 1, other counts at least 0 (``--limit -1`` used to drop a row);
- a text or path value given on the command line must not be blank (``--author ""`` used to
  match every paper, ``--db ""`` to mean the current folder, ``kg path "" X`` to crash).

And every failure ends as one line on stderr and a non-zero exit, never a traceback: the
project's errors with their own codes, Ctrl-C and SIGTERM (the graph as it was: writes are
atomic), OS errors (permission denied, disk full), and, as a last resort, any other exception
(``-v`` shows its traceback). Messages are made terminal-safe: they quote untrusted input.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import re
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from typing import Any

import click
from click.core import ParameterSource

from paperkg.errors import KGError
from paperkg.safe_files import describe_os_error
from paperkg.safe_text import for_terminal

INTERRUPTED = "nothing more was written; the graph is as it was before"
LIMIT_NAMES = frozenset({"limit"})


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program is, so cleanup runs as for Ctrl-C."""


class NotBlank(click.ParamType):
    """Another type, refusing a blank value typed on the command line (defaults may be blank)."""

    def __init__(self, inner: click.ParamType) -> None:
        self.inner = inner
        self.name = inner.name
        self.envvar_list_splitter = getattr(inner, "envvar_list_splitter", None)

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str | None:
        return self.inner.get_metavar(param, ctx)

    def to_info_dict(self) -> dict[str, Any]:
        return self.inner.to_info_dict()

    def shell_complete(self, ctx: click.Context, param: click.Parameter, incomplete: str) -> list:
        return self.inner.shell_complete(ctx, param, incomplete)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        given = ctx is not None and param is not None and param.name and ctx.get_parameter_source(param.name) in (
            ParameterSource.COMMANDLINE, ParameterSource.ENVIRONMENT)
        if isinstance(value, str) and not value.strip() and given:
            self.fail("is empty; give a value (an empty one would match everything or name nothing)", param, ctx)
        return self.inner.convert(value, param, ctx)


def harden(command: click.Command) -> click.Command:
    """Give a command's parameters the shared checks (see the module docstring); returns it."""
    for param in command.params:
        kind = param.type
        if isinstance(kind, NotBlank | click.IntRange | click.Choice):
            continue
        if isinstance(kind, click.types.IntParamType):
            param.type = click.IntRange(min=1 if param.name in LIMIT_NAMES else 0)
        elif isinstance(kind, click.types.StringParamType | click.Path):
            param.type = NotBlank(kind)
    return command


@contextlib.contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """While the block runs, SIGTERM raises Terminated (a KeyboardInterrupt) like Ctrl-C does."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def terminate(signum: int, frame: Any) -> None:
        raise Terminated()

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _say(message: str) -> None:
    click.echo(for_terminal(message), err=True)


# A break and the tab click indents a listed choice with.
_CLICK_LIST_BREAK = re.compile(r"\n\t")


def _one_line(message: str) -> str:
    """Click's own message laid out on one line: it lists a missing option's choices one per line
    ("Choose from:\n\tmodel,\n\tdataset"), which the escaping of breaks would print as \\x0a\\x09."""
    return _CLICK_LIST_BREAK.sub(" ", message)


def run_guarded(ctx: click.Context, invoke: Callable[[], Any]) -> Any:
    """Run a command; turn every failure into one line on stderr and an exit code."""
    try:
        with sigterm_as_interrupt():
            return invoke()
    except click.UsageError as exc:
        command = exc.ctx.command_path if exc.ctx else ctx.command_path
        _say(f"error: {_one_line(exc.format_message())} (see `{command} --help`)")
        ctx.exit(exc.exit_code)
    except click.ClickException as exc:
        _say(f"error: {exc.format_message()}")
        ctx.exit(exc.exit_code)
    except (click.exceptions.Exit, click.exceptions.Abort):
        raise
    except KGError as exc:
        _say(f"error: {exc}")
        ctx.exit(exc.exit_code)
    except Terminated:
        _say(f"terminated: {INTERRUPTED}")
        ctx.exit(143)
    except KeyboardInterrupt:
        _say(f"interrupted: {INTERRUPTED}")
        ctx.exit(130)
    except BrokenPipeError:
        # The reader of a pipe went away (`kg papers | head`): stop quietly.
        with contextlib.suppress(OSError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        ctx.exit(1)
    except OSError as exc:
        where = exc.filename or "a file"
        _say(f"error: {describe_os_error(where, exc)}")
        ctx.exit(2 if exc.errno in (errno.EACCES, errno.EPERM, errno.ENOENT) else 1)
    except RecursionError:
        _say("error: input nested too deeply to read; simplify or remove that record")
        ctx.exit(2)
    except MemoryError:
        _say("error: out of memory; read fewer or smaller files at a time")
        ctx.exit(1)
    except Exception as exc:
        if logging.getLogger().isEnabledFor(logging.INFO):
            raise  # -v: show the traceback to whoever debugs it
        _say(f"error: unexpected {type(exc).__name__}: {str(exc)[:200]}; run again with -v for details and report it")
        ctx.exit(70)
