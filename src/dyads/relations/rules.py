"""The extractor's rules, as a table: each rule has a name, the tokens it looks at (its trigger)
and the function that turns such a token into candidate edges.

``RelationExtractor`` walks every token of a sentence and runs, in table order, each rule whose
trigger holds. Rules and the named steps inside them (``verbs.STEPS``, ``nouns.STEPS``,
``filters.STEPS``) can be switched off by name (``Settings.disabled_rules``), which is how the
ablation check (``bench/rule_ablation.py``) shows that every one of them is tested.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from dyads.relations import filters, nouns, verbs
from dyads.relations import structural as st
from dyads.relations.context import Context
from dyads.relations.edges import Edge, SentenceView

__all__ = ["RULES", "Rule", "all_rule_names"]

Trigger = Callable[[Context, SentenceView, Token], bool]
Apply = Callable[[Context, SentenceView, Token], list[Edge]]

_NOUNS = ("NOUN", "PROPN")


@dataclass(frozen=True)
class Rule:
    name: str
    trigger: Trigger
    apply: Apply
    doc: str


RULES: tuple[Rule, ...] = (
    Rule(
        "verb",
        lambda ctx, s, t: verbs.is_verb(t) and t.lemma_.lower() in ctx.lex.verbs,
        verbs.verb,
        "a verb of the lexicon: 'Iran arms the Houthis', 'were armed by Kigali'",
    ),
    Rule(
        "participle",
        lambda ctx, s, t: verbs.is_participle(t),
        verbs.participle,
        "a participle the small model tagged ADJ: 'the rebels were armed by Rwanda'",
    ),
    Rule(
        "relational_noun",
        lambda ctx, s, t: t.pos_ in _NOUNS and t.lemma_.lower() in ctx.lex.nouns,
        nouns.relational_noun,
        "'X is a proxy of Y', 'Y's backers in Tehran', 'Hezbollah leader Naim Qassem'",
    ),
    Rule(
        "event_noun",
        # "the Alliance of Sahel States" is a name, not an alliance cue
        lambda ctx, s, t: (
            t.pos_ in _NOUNS and t.lemma_.lower() in ctx.lex.events and s.at(t) is None
        ),
        nouns.event_noun,
        "'Iran's support for the Houthis', 'influence over the Taliban', 'ties with Moscow'",
    ),
    Rule(
        "deployed",
        lambda ctx, s, t: (
            (t.lemma_.lower() in ctx.words.deployed_nouns and t.pos_ in _NOUNS)
            or (t.pos_ == "PROPN" and s.at(t) is not None and t.dep_ != "pobj")
        ),
        st.deployed,
        "'US forces in Iraq': an actor's people in a place",
    ),
    Rule(
        "under",
        lambda ctx, s, t: t.lower_ in ("under", "at") and t.dep_ == "prep",
        st.under,
        "'under the command of X', 'at the head of the Quds Force'",
    ),
    Rule(
        "ruler_of",
        lambda ctx, s, t: t.lemma_.lower() in ctx.words.ruled_nouns and t.pos_ == "NOUN",
        st.ruler_of,
        "'Bashar al-Assad's government': the possessor leads it",
    ),
    Rule(
        "title",
        lambda ctx, s, t: t.pos_ == "PROPN" and s.at(t) is not None,
        st.title,
        "'President Touadera': a title the gazetteer knows says whom the person leads",
    ),
    Rule(
        "possessed_unit",
        lambda ctx, s, t: t.pos_ == "PROPN" and s.at(t) is not None,
        st.possessed_unit,
        "'the corps' Quds Force': a unit named with its parent belongs to it",
    ),
    Rule(
        "adjective",
        lambda ctx, s, t: t.pos_ == "ADJ" and t.lemma_.lower() in ctx.lex.adjectives,
        st.adjective,
        "'X is hostile to Y', 'the militia, loyal to Kigali'",
    ),
    Rule(
        "compound",
        st.is_compound,
        st.compound,
        "'Iran-backed Houthis': a hyphenated participle after an actor",
    ),
)


def all_rule_names() -> dict[str, str]:
    """Every rule and named step that can be switched off, with what it does."""
    names = {r.name: r.doc for r in RULES}
    for steps in (verbs.STEPS, nouns.STEPS, filters.STEPS):
        names.update(steps)
    names["body.part_of_state"] = "'Rwandan troops' are the Rwandan military"
    names["parse.object_preposition"] = (
        "'launched drones and missiles at Ukraine': the preposition on a conjunct"
    )
    names["parse.conjunct_clause"] = "'condemned X, and Y's president, Z, called': Y is no object"
    from dyads.actors.resolve import RULE_NAMES

    names.update(RULE_NAMES)
    return names
