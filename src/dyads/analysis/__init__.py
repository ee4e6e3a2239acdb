"""Analysis: questions answered from the store, each with its evidence.

Modules: ``queries`` (actors, relations, dyad, leaders), ``supporters``, ``leverage``,
``graph`` (paths and centrality on aggregated dyads), ``ask`` (plain-English routing),
``timefilter`` and ``rollup`` (options shared by all of them).
"""

from __future__ import annotations

from dyads.analysis.ask import Answer, ask
from dyads.analysis.graph import build_graph, edge_table, most_supported, shortest_paths, top_actors
from dyads.analysis.leverage import leverage
from dyads.analysis.queries import (
    actor_profile,
    dyad,
    leaders,
    list_actors,
    list_documents,
    list_relations,
    resolve_actor,
)
from dyads.analysis.rollup import Hierarchy, load_hierarchy
from dyads.analysis.supporters import supported_by, supporters
from dyads.analysis.timefilter import TimeFilter
from dyads.store.clustered import ensure_indexes

__all__ = [
    "Answer",
    "Hierarchy",
    "TimeFilter",
    "actor_profile",
    "ask",
    "build_graph",
    "dyad",
    "edge_table",
    "ensure_indexes",
    "leaders",
    "leverage",
    "list_actors",
    "list_documents",
    "list_relations",
    "load_hierarchy",
    "most_supported",
    "resolve_actor",
    "shortest_paths",
    "supported_by",
    "supporters",
    "top_actors",
]
