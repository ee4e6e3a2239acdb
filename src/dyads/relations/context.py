"""What every rule of the extractor reads: the lexicon, the word sets, the ontology, the gazetteer,
and which rules are switched off."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Token

from dyads.records import Actor
from dyads.relations.lexicon import Lexicon
from dyads.relations.ontology import Ontology
from dyads.relations.words import Words

if TYPE_CHECKING:
    from dyads.actors import DocumentActors, Gazetteer

__all__ = ["Context"]


@dataclass
class Context:
    lex: Lexicon
    words: Words
    onto: Ontology
    gazetteer: Gazetteer | None = None
    #: names of rules and steps switched off (``Settings.disabled_rules``: ablation studies)
    disabled: frozenset[str] = frozenset()
    _capitals: dict[str, str] | None = field(default=None, repr=False)

    def lemma(self, tok: Token) -> str:
        """The token's lemma, with the small model's known mistakes fixed ("waging" -> "wage")."""
        if self.on("parse.lemma_fix"):
            fixed = self.words.lemma_fixes.get(tok.lower_)
            if fixed is not None:
                return fixed
        return str(tok.lemma_.lower())

    def on(self, name: str) -> bool:
        """Whether the rule or step ``name`` is switched on."""
        return name not in self.disabled

    def actor(self, actors: DocumentActors | None, actor_id: str) -> Actor | None:
        a = actors.actors.get(actor_id) if actors is not None else None
        if a is None and self.gazetteer is not None:
            a = self.gazetteer.get(actor_id)
        return a

    def capitals(self) -> dict[str, str]:
        """Capital name (lower case) -> its state's government id."""
        if self._capitals is None:
            cache: dict[str, str] = {}
            gaz = self.gazetteer
            if gaz is not None:
                for c in gaz.countries.values():
                    if c.capital and gaz.get(f"{c.id}.government") is not None:
                        cache.setdefault(c.capital.lower(), f"{c.id}.government")
            self._capitals = cache
        return self._capitals
