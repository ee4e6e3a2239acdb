"""The extractor's rules, as a table: each rule has a name, the tokens it looks at (its trigger)
and the function that turns such a token into candidate edges.

``RelationExtractor`` walks every token of a sentence and runs, in table order, each rule whose
trigger holds. Rules and the named steps inside them (``verbs.STEPS``, ``nouns.STEPS``,
``filters.STEPS``, ``structural.STEPS``) can be switched off by name (``Settings.disabled_rules``), which is how the
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
        lambda ctx, s, t: verbs.is_verb(t) and ctx.lemma(t) in ctx.lex.verbs,
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
        lambda ctx, s, t: (
            t.lemma_.lower() in ctx.lex.nouns
            and (
                t.pos_ in _NOUNS
                # "Pakistan's rival India": the small model tags the noun ADJ before a name
                or (
                    t.pos_ == "ADJ"
                    and t.dep_ == "amod"
                    and s.at(t.head) is not None
                    and ctx.on("parse.noun_as_adjective")
                )
            )
        ),
        nouns.relational_noun,
        "'X is a proxy of Y', 'Y's backers in Tehran', 'Hezbollah leader Naim Qassem'",
    ),
    Rule(
        "event_noun",
        # "the Alliance of Sahel States" is a name, not an alliance cue
        lambda ctx, s, t: (
            (t.pos_ in _NOUNS or _nominal_verb(ctx, t))
            and t.lemma_.lower() in ctx.lex.events
            and s.at(t) is None
        ),
        nouns.event_noun,
        "'Iran's support for the Houthis', 'influence over the Taliban', 'ties with Moscow'",
    ),
    Rule(
        "deployed",
        lambda ctx, s, t: (
            (t.lemma_.lower() in ctx.words.deployed_nouns and t.pos_ in _NOUNS)
            or (t.pos_ == "PROPN" and s.at(t) is not None)
            or (_named_phrase_head(s, t) and ctx.on("deployed.named_phrase"))
        ),
        st.deployed,
        "'US forces in Iraq', 'ISIL terrorists in Syria': an actor's people in a place",
    ),
    Rule(
        "scene",
        lambda ctx, s, t: (
            t.pos_ in ("VERB", "AUX")
            and any(
                c.dep_ == "prep"
                and c.lower_ in ("in", "inside", "near", "across", "throughout")
                and c.i < t.i
                for c in t.children
            )
        ),
        st.scene,
        "'In Tripoli, the government ...': a fronted place is where the clause's actors are",
    ),
    Rule(
        "event_location",
        lambda ctx, s, t: (
            t.pos_ in _NOUNS
            and t.lemma_.lower() in ctx.lex.events
            and any(c.dep_ == "prep" and c.lower_ in ("in", "inside", "across") for c in t.children)
        ),
        st.event_location,
        "'ISIL's campaign in Iraq': who carries out attacks in a place is there",
    ),
    Rule(
        "demonym_supplier",
        lambda ctx, s, t: t.pos_ == "NOUN" and t.dep_ in ("dobj", "obj"),
        st.demonym_supplier,
        "'buying Iranian drones': the maker's state supplied the buyer",
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
        lambda ctx, s, t: (
            t.lemma_.lower() in ctx.lex.adjectives
            and (
                t.pos_ == "ADJ"
                # "Kinshasa calls the M23 illegitimate": the small model tags it NOUN or VERB
                or (t.dep_ in ("oprd", "acomp", "amod") and ctx.on("parse.adjective_pos"))
            )
        ),
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


def _nominal_verb(ctx: Context, t: Token) -> bool:
    """A parser error: "precision U.S. airstrikes against al-Qaida": the small model tags a plural
    event noun VERB though it sits where a noun does (object, subject, under a preposition)."""
    return (
        t.pos_ == "VERB"
        and t.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass", "appos")
        and t.tag_ in ("NNS", "NN", "VBZ")
        and ctx.on("parse.nominal_verb")
    )


def _named_phrase_head(s: SentenceView, t: Token) -> bool:
    """The noun a named phrase ends in ("ISIL terrorists", "Islamist militants"), not inside a
    prepositional phrase."""
    m = s.at(t)
    return (
        t.pos_ == "NOUN"
        and m is not None
        and m.token_end - 1 == t.i
        and m.rule in ("generic", "alias", "acronym")
    )


def all_rule_names() -> dict[str, str]:
    """Every rule and named step that can be switched off, with what it does."""
    names = {r.name: r.doc for r in RULES}
    for steps in (verbs.STEPS, nouns.STEPS, filters.STEPS, st.STEPS):
        names.update(steps)
    names["body.part_of_state"] = "'Rwandan troops' are the Rwandan military"
    names["parse.series_verb"] = "'funded, armed and trained the rebels': 'armed' tagged ADJ"
    names["parse.gerund_object"] = "'Turkey bombing PKK positions': a gerund parsed as a noun"
    names["parse.adjective_pos"] = "'calls the M23 illegitimate': an adjective cue tagged NOUN/VERB"
    names["parse.noun_as_adjective"] = "'Pakistan's rival India': a relation noun tagged ADJ"
    names["parse.lemma_fix"] = "'waging' lemmatised 'wag': the lemma the word has"
    names["arg.partitive"] = "'one of the main backers of Hamas', 'among the backers of'"
    names["arg.coordinated_appositive"] = (
        "'the largest party and a close ally of X': the apposed name"
    )
    names["arg.examples"] = "'outside powers, including Russia and Turkey', 'such as', 'namely'"
    names["arg.copula_identity"] = "'the militias, armed by Iran, are A, B and C'"
    names["arg.appositive_one"] = (
        "'Cohen and Murad, director of X': a singular apposition is said of one name"
    )
    names["arg.relative_number"] = (
        "'units and the infrastructure that provides': a singular verb, the last conjunct"
    )
    names["parse.distant_target"] = (
        "'conducted strikes ... using aircraft against ISIL': far 'against'"
    )
    names["parse.nominal_verb"] = "'precision U.S. airstrikes against': an event noun tagged VERB"
    names["deployed.named_phrase"] = "'ISIL terrorists in Syria': a named phrase with a noun head"
    names["parse.object_preposition"] = (
        "'launched drones and missiles at Ukraine': the preposition on a conjunct"
    )
    names["parse.conjunct_clause"] = "'condemned X, and Y's president, Z, called': Y is no object"
    from dyads.actors.resolve import RULE_NAMES

    names.update(RULE_NAMES)
    return names
