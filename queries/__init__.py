"""The named Cypher query catalog: one ``.cypher`` file per query, read with importlib.resources."""
