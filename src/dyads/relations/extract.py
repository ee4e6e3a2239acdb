"""Extract typed, directed edges from dependency-parsed sentences.

The extractor is a table of named rules (:mod:`dyads.relations.rules`) over data: the cues in
``data/lexicon.yaml``, the word sets in ``data/relation_words.yaml`` and what each relation type
allows in ``data/ontology.yaml``. The modules split the work by job:

- :mod:`~dyads.relations.arguments`: the actors a phrase names, subjects, agents, kinds;
- :mod:`~dyads.relations.verbs`: verb cues ("Iran arms the Houthis");
- :mod:`~dyads.relations.nouns`: relational and event nouns ("a proxy of", "support for");
- :mod:`~dyads.relations.structural`: the shape of a phrase ("US forces in Iraq", "Iran-backed");
- :mod:`~dyads.relations.bodies`: which level of a state an argument stands for;
- :mod:`~dyads.relations.filters`: the ontology's constraints, modality, attribution, confidence.

Every sentence is handled on its own, so results never depend on sentence order. Each edge gets
its modality, polarity and attribution from :mod:`dyads.relations.modality`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from dyads.actors import DocumentActors
from dyads.records import Relation, Sentence
from dyads.relations.context import Context
from dyads.relations.edges import Edge, SentenceView
from dyads.relations.filters import to_relations
from dyads.relations.lexicon import Lexicon, load_lexicon
from dyads.relations.ontology import load_ontology
from dyads.relations.rules import RULES
from dyads.relations.words import load_words

__all__ = ["RelationExtractor"]


class RelationExtractor:
    """Turns parsed sentences plus resolved mentions into Relations."""

    def __init__(
        self,
        gazetteer: Any = None,
        lexicons: Iterable[Path] = (),
        disabled_rules: Iterable[str] = (),
    ) -> None:
        self.gazetteer = gazetteer
        self.lex: Lexicon = load_lexicon(tuple(Path(p) for p in lexicons))
        self.ctx = Context(
            self.lex, load_words(), load_ontology(), gazetteer, frozenset(disabled_rules)
        )
        self.symmetric = self.ctx.onto.symmetric
        self.rules = tuple(r for r in RULES if self.ctx.on(r.name))

    def extract(
        self, sents: Sequence[Doc], sentences: Sequence[Sentence], actors: DocumentActors
    ) -> list[Relation]:
        out: list[Relation] = []
        for i, (doc, sentence) in enumerate(zip(sents, sentences, strict=True)):
            mentions = actors.in_sentence(i)
            if len(mentions) < 2 and not any(m.rule == "pronoun" for m in mentions):
                continue  # too few mentions to relate (a lone titled name is skipped too)
            s = SentenceView(doc, mentions, actors)
            out.extend(to_relations(self.ctx, self.sentence_edges(s), s, sentence, actors))
        return out

    def sentence_edges(self, s: SentenceView) -> list[Edge]:
        """Every rule's candidate edges for one sentence, in token then rule order."""
        edges: list[Edge] = []
        ctx = self.ctx
        for tok in s.doc:
            for rule in self.rules:
                if rule.trigger(ctx, s, tok):
                    edges.extend(rule.apply(ctx, s, tok))
        return edges
