"""paperkg: a knowledge graph of machine-learning papers, built and queried offline.

The package is the repository's kg/ folder; ``paperkg.extractors`` is extractors/ and
``paperkg.queries`` is queries/. The version is kept here and nowhere else.
"""

__version__ = "0.2.0"
