"""Placeholder resolver (replaced by the Actors issue): named entities become actors."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from dyads.actors.gazetteer import Gazetteer, slug
from dyads.records import Actor, Mention

#: (sentence index, start, end) in the sentence's text -> (start, end) in the original document
Locate = Callable[[int, int, int], tuple[int, int]]

_TYPES = {"GPE": "state", "NORP": "ethnic_group", "ORG": "armed_group", "PERSON": "person"}


@dataclass
class DocumentActors:
    mentions: list[Mention] = field(default_factory=list)
    actors: dict[str, Actor] = field(default_factory=dict)

    def in_sentence(self, index: int) -> list[Mention]:
        return [m for m in self.mentions if m.sentence == index]


class ActorResolver:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def add_to_pipeline(self, nlp: Language) -> None:
        return None

    def resolve(self, doc_id: str, sents: Sequence[Doc], locate: Locate) -> DocumentActors:
        out = DocumentActors()
        for i, sent in enumerate(sents):
            for ent in sent.ents:
                if ent.label_ not in _TYPES:
                    continue
                aid = slug(ent.text)
                out.actors.setdefault(aid, Actor(aid, ent.text, _TYPES[ent.label_], origin="text"))
                start, end = locate(i, ent.start_char, ent.end_char)
                out.mentions.append(
                    Mention(doc_id, i, ent.start, ent.end, start, end, ent.text, aid, "entity")
                )
        return out
