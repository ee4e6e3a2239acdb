"""Analysis: questions answered from the store, each with its evidence."""

from __future__ import annotations

from dyads.analysis.queries import (
    actor_profile,
    dyad,
    list_actors,
    list_documents,
    list_relations,
    resolve_actor,
)

__all__ = [
    "actor_profile",
    "dyad",
    "list_actors",
    "list_documents",
    "list_relations",
    "resolve_actor",
]
