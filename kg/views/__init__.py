"""Subgraphs worth drawing, built through the query catalog so both stores give the same view.

- ``overview_view``: the landscape of the most used entities, linked by co-use (the default page);
- ``related_view``: a paper among its most related papers (Connected Papers style);
- ``entity_view``: an entity's papers grouped by role, its co-used entities and its family;
- ``paper_neighbourhood_view``, ``entity_neighbourhood_view``, ``query_view``, ``whole_graph_view``:
  the stored graph around a node, what a catalog query names, the best linked nodes.
"""

from paperkg.views.base import CO_USED, DEFAULT_NODE_CAP, IN_ROLE, RELATED, GraphView, ViewEdge, ViewNode
from paperkg.views.entity import entity_view
from paperkg.views.graph_views import (
    NODE_TYPES,
    entity_neighbourhood_view,
    neighbourhood_view,
    paper_neighbourhood_view,
    query_view,
    whole_graph_view,
)
from paperkg.views.overview import overview_view
from paperkg.views.related import related_view

__all__ = [
    "CO_USED", "DEFAULT_NODE_CAP", "IN_ROLE", "NODE_TYPES", "RELATED", "GraphView", "ViewEdge", "ViewNode",
    "entity_neighbourhood_view", "entity_view", "neighbourhood_view", "overview_view", "paper_neighbourhood_view",
    "query_view", "related_view", "whole_graph_view",
]
