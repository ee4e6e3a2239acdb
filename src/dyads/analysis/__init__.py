"""Analysis: questions answered from the store, each with its evidence.

Every function returns a frozen record of :mod:`dyads.analysis.results` (``to_dict()`` is its
JSON); :mod:`dyads.analysis.text` renders them as text for the CLI, :mod:`dyads.web` as HTML.

Modules: ``queries`` (actors, relations, dyad, leaders, documents), ``supporters``,
``leverage``, ``graph`` (paths, centrality and the network on aggregated dyads), ``ask``
(plain-English routing), ``claims`` (how every query reads claims: the sorted copies hidden),
``timefilter`` and ``rollup`` (options shared by all of them). The names below are the public API,
pinned by ``tests/analysis/test_results.py``.
"""

from __future__ import annotations

from dyads.analysis.ask import Answer, ask
from dyads.analysis.graph import (
    build_graph,
    edge_table,
    most_supported,
    network,
    shortest_paths,
    top_actors,
)
from dyads.analysis.leverage import leverage
from dyads.analysis.queries import (
    actor_profile,
    actor_timeline,
    document,
    dyad,
    leaders,
    list_actors,
    list_documents,
    list_relations,
    resolve_actor,
    search_actors,
)
from dyads.analysis.results import (
    ActorMatch,
    ActorProfile,
    Citation,
    DocumentText,
    Dyad,
    Leaders,
    Leverage,
    Network,
    Paths,
    Support,
)
from dyads.analysis.rollup import Hierarchy, load_hierarchy
from dyads.analysis.supporters import supported_by, supporters
from dyads.analysis.timefilter import TimeFilter
from dyads.store.clustered import ensure_indexes

__all__ = [
    "ActorMatch",
    "ActorProfile",
    "Answer",
    "Citation",
    "DocumentText",
    "Dyad",
    "Hierarchy",
    "Leaders",
    "Leverage",
    "Network",
    "Paths",
    "Support",
    "TimeFilter",
    "actor_profile",
    "actor_timeline",
    "ask",
    "build_graph",
    "document",
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
    "network",
    "resolve_actor",
    "search_actors",
    "shortest_paths",
    "supported_by",
    "supporters",
    "top_actors",
]
