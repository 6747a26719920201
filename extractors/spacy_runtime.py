"""spaCy as the extractors use it: imported without its command-line package.

spaCy 3.x's ``__init__`` runs ``from .cli.info import info``, and that imports the whole CLI package:
typer, weasel, requests, jinja2, the training and project commands. On the bench machine that is
0.15-0.3 s of the 0.6-0.8 s ``import spacy`` takes, for ``spacy.info``, a function paperkg never calls;
every ``kg build`` or ``kg extract`` pays it before the first paper. spaCy's own fix (``spacy.info``
loaded lazily, explosion/spaCy#12962) is not in the 3.x releases.

So while spaCy imports, ``spacy.cli.info`` is a stand-in whose ``info`` imports the real function on
its first call. The stand-in leaves ``sys.modules`` as soon as spaCy's import is over, so a later
``import spacy.cli`` gets the real package. If spaCy is imported already (by the caller's code), it is
used as it is.

The extractors import spaCy's names from here, never from spaCy itself (tests/test_architecture.py
checks it), so the first of them to load decides how spaCy is imported.
"""

from __future__ import annotations

import sys
import types
from typing import Any


def _info_on_first_call(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``: the real one, imported with spaCy's CLI when first called."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def _import_spacy_without_cli() -> types.ModuleType:
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    stand_in = types.ModuleType("spacy.cli.info", "Stand-in for spaCy's import; see paperkg.extractors.spacy_runtime.")
    stand_in.info = _info_on_first_call  # type: ignore[attr-defined]
    sys.modules["spacy.cli.info"] = stand_in
    try:
        import spacy
    finally:
        if sys.modules.get("spacy.cli.info") is stand_in:
            del sys.modules["spacy.cli.info"]
    return spacy


spacy = _import_spacy_without_cli()

from spacy.language import Language  # noqa: E402  (after spaCy's import above, by design)
from spacy.tokens import Doc  # noqa: E402
from spacy.util import minibatch, registry  # noqa: E402

__all__ = ["Doc", "Language", "minibatch", "registry", "spacy"]
