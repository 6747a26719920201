"""The project's errors: one root, a few kinds; the CLI turns them into one line and a non-zero exit."""


class KGError(Exception):
    """Root of every error the user can act on. The message is one line that says what to do."""

    exit_code = 1


class InputError(KGError):
    """A source file or a value on the command line cannot be used."""

    exit_code = 2


class StoreError(KGError):
    """The graph store cannot be opened, read or written."""

    exit_code = 3


class QueryError(KGError):
    """A query or a reference to a paper or entity cannot be answered."""

    exit_code = 4


class FetchError(KGError):
    """A remote API did not give a usable answer after retries."""

    exit_code = 5
