"""Hierarchy roll-up: evidence about an intelligence agency counts for its military and its state.

Who rolls up to whom (:class:`Hierarchy`, :data:`ROLLUP_TYPES`) is read from the store by
:mod:`dyads.store.hierarchy`; this module turns it into roll-up queries.
"""

from __future__ import annotations

from dyads.store import Store
from dyads.store.hierarchy import ROLLUP_TYPES, Hierarchy, load_hierarchy, rollup_cte

__all__ = [
    "ROLLUP_TYPES",
    "Hierarchy",
    "load_hierarchy",
    "family",
    "rollup_cte",
    "ROLLED_FROM",
    "ROLLED_SOURCE",
    "ROLLED_TARGET",
]


def family(store: Store, actor_id: str, roll_up: bool) -> list[str]:
    """The ids whose evidence counts for ``actor_id``: itself, and its subordinates if ``roll_up``."""
    return load_hierarchy(store).family(actor_id) if roll_up else [actor_id]


#: The claims of ``relations r`` with their document ``d`` and, as ``rs.up`` / ``rt.up``, the
#: actors their source and target roll up to (NULL when they do not), after :func:`rollup_cte`.
ROLLED_FROM = """FROM relations r JOIN documents d ON d.id = r.doc_id
            LEFT JOIN ru rs ON rs.id = r.source_id LEFT JOIN ru rt ON rt.id = r.target_id"""
#: The rolled-up source and target of a claim in :data:`ROLLED_FROM`.
ROLLED_SOURCE = "coalesce(rs.up, r.source_id)"
ROLLED_TARGET = "coalesce(rt.up, r.target_id)"
