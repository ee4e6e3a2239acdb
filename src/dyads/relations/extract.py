"""Placeholder extractor."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from dyads.actors import DocumentActors
from dyads.records import Relation, Sentence


class RelationExtractor:
    def __init__(self, gazetteer: object = None, lexicons: object = ()) -> None:
        self.gazetteer = gazetteer

    def extract(
        self, sents: Sequence[Doc], sentences: Sequence[Sentence], actors: DocumentActors
    ) -> list[Relation]:
        return []
