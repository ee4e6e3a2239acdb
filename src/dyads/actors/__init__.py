"""Actors: recognise actor mentions in parsed sentences and resolve each to one actor.

Public interface (used by the pipeline and later stages):

- ``load_gazetteer(extra_files=()) -> Gazetteer``: the shipped gazetteer plus user files.
- ``ActorResolver(gazetteer)``: ``.add_to_pipeline(nlp)`` adds the registered spaCy components
  (gazetteer entity ruler) to a pipeline; ``.resolve(doc_id, sents, locate)`` resolves the
  mentions of one document's parsed sentences, order-insensitively, to a ``DocumentActors``.
"""

from __future__ import annotations

from dyads.actors.gazetteer import Gazetteer, load_gazetteer, normalise, slug
from dyads.actors.resolve import ActorResolver, DocumentActors, Locate

__all__ = [
    "ActorResolver",
    "DocumentActors",
    "Gazetteer",
    "Locate",
    "load_gazetteer",
    "normalise",
    "slug",
]
