"""What the extractor's rules see and return: one parsed sentence with its mentions, and edges."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dyads.actors import DocumentActors
from dyads.records import Mention

__all__ = ["Edge", "SentenceView"]


@dataclass(frozen=True)
class Edge:
    """A candidate relation found by a rule, before filters, modality and attribution.

    ``cue`` is the token that names the relation (its frame is read from there, or from
    ``light``, a verb governing a relation noun); ``rule`` names the rule that found it.
    ``modality_hint`` is "presupposed" for background descriptions ("the Houthis' backers in
    Tehran"), whose frame keeps the speaker but not the negation, or "denied".
    """

    relation: str
    source: Mention
    target: Mention
    kinds: tuple[str, ...]
    cue: Token
    weight: float
    light: Token | None = None
    role: str | None = None
    modality_hint: str | None = None
    rule: str = ""
    event: str | None = None  # PLOVER event type the cue names ("ACCUSE"), if any
    mode: str | None = None  # its PLOVER mode ("disapprove")


class SentenceView:
    """One parsed sentence with its resolved mentions indexed by token."""

    def __init__(
        self, doc: Doc, mentions: Sequence[Mention], actors: DocumentActors | None = None
    ) -> None:
        self.doc = doc
        self.actors = actors
        self.mentions = tuple(mentions)
        self.by_token: dict[int, Mention] = {}
        spans: dict[tuple[int, int], list[Mention]] = {}
        for m in mentions:
            for i in range(m.token_start, m.token_end):
                self.by_token.setdefault(i, m)
            if m.rule == "pair":
                spans.setdefault((m.token_start, m.token_end), []).append(m)
        #: "the two rivals", "both juntas": the second actor of a pair, by the first's span
        self.pair_rest = {k: v[1:] for k, v in spans.items() if len(v) > 1}

    def at(self, tok: Token) -> Mention | None:
        return self.by_token.get(tok.i)

    def with_pair(self, m: Mention) -> list[Mention]:
        """The mention, and the other actor when it is one of a pair ("both juntas")."""
        return [m, *self.pair_rest.get((m.token_start, m.token_end), ())]
