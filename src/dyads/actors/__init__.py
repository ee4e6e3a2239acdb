"""Actors: recognise actor mentions in parsed sentences and resolve each to one actor.

Public interface (used by the pipeline and later stages):

- ``load_gazetteer(extra_files=()) -> Gazetteer``: the shipped gazetteer plus user files.
- ``ActorResolver(gazetteer)``: ``.add_to_pipeline(nlp)`` adds the registered spaCy components
  (gazetteer entity ruler) to a pipeline; ``.resolve(doc_id, sents, locate)`` resolves the
  mentions of one document's parsed sentences, order-insensitively, to a ``DocumentActors``.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from dyads.actors.gazetteer import Gazetteer, load_gazetteer, normalise, slug

if TYPE_CHECKING:
    from dyads.actors.resolve import ActorResolver, DocumentActors, Locate

#: The resolver needs spaCy; it is imported on first use, so that readers of a store that only
#: need ``normalise`` (actor look-up by name) never import spaCy (PEP 562 ``__getattr__``).
_LAZY = {"ActorResolver", "DocumentActors", "Locate"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(import_module("dyads.actors.resolve"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'dyads.actors' has no attribute {name!r}")


__all__ = [
    "ActorResolver",
    "DocumentActors",
    "Gazetteer",
    "Locate",
    "load_gazetteer",
    "normalise",
    "slug",
]
