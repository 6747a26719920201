"""paperkg: a knowledge graph of machine-learning papers, built and queried offline.

The package is the repository's kg/ folder; ``paperkg.extractors`` is extractors/ and
``paperkg.queries`` is queries/. The version is kept here and nowhere else.

The Python API is ``paperkg.KnowledgeGraph`` (kg/api.py): ``KnowledgeGraph(".kg").related("RoBERTa")``.
It is imported on first use, so ``import paperkg`` loads neither spaCy nor the Neo4j driver.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.2.0"
__all__ = ["GraphPage", "KnowledgeGraph", "PaperRows", "__version__"]

_API_NAMES = frozenset({"GraphPage", "KnowledgeGraph", "PaperRows"})


def __getattr__(name: str) -> Any:
    if name in _API_NAMES:
        from paperkg import api

        return getattr(api, name)
    raise AttributeError(f"module 'paperkg' has no attribute {name!r}")
