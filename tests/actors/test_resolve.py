"""Actor resolution, one rule at a time: each case lists the exact (span, actor, rule) expected."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest

from dyads.actors import DocumentActors

Resolve = Callable[[str], DocumentActors]


def found(actors: DocumentActors) -> set[tuple[str, str, str]]:
    return {(m.text, m.actor_id, m.rule) for m in actors.mentions}


CASES = [
    # 1. exact alias / name; acronyms case-sensitively; the longest match wins
    (
        "Hezbollah fired rockets at Israel.",
        [("Hezbollah", "hezbollah", "alias"), ("Israel", "israel", "alias")],
    ),
    (
        "The IRGC shipped drones to Yemen.",
        [("IRGC", "irgc", "acronym"), ("Yemen", "yemen", "alias")],
    ),
    # an alias "<country>'s X" keeps the possessor as its own mention of the state
    (
        "Iran's Revolutionary Guards trained the fighters.",
        [("Iran", "iran", "possessive"), ("Revolutionary Guards", "irgc", "alias")],
    ),
    ("Kigali condemned the sanctions.", [("Kigali", "rwanda.government", "metonym")]),
    # 2. acronyms defined in the text, before or after their use
    (
        "The NKLM retreated from the town. The North Kivu Liberation Movement (NKLM) had taken it in May.",
        [
            ("NKLM", "north-kivu-liberation-movement", "defined_acronym"),
            ("North Kivu Liberation Movement", "north-kivu-liberation-movement", "new_entity"),
        ],
    ),
    (
        "The Popular Front for Lake Chad, known as PFLC, signed the deal. PFLC fighters later left.",
        [("PFLC", "popular-front-for-lake-chad", "defined_acronym")],
    ),
    # 3. possessive and adjectival forms
    (
        "Iran's army moved to the border.",
        [("Iran", "iran", "possessive"), ("army", "iran.military", "possessive")],
    ),
    (
        "The government of Sudan rejected the plan.",
        [("government of Sudan", "sudan.government", "possessive")],
    ),
    (
        "The Pakistani army said the strike was legal.",
        [("Pakistani army", "pakistan.military", None)],
    ),
    (
        "Iranian-backed Houthis fired missiles.",
        [("Iranian", "iran", "adjectival"), ("Houthis", "houthis", "alias")],
    ),
    (
        "Sudanese military leaders met the envoy.",
        [("Sudanese military leaders", "sudan.military", "adjectival")],
    ),
    ("Rwandan soldiers crossed the border.", [("Rwandan soldiers", "rwanda.military", None)]),
    (
        "Uzbek officials denied the report.",
        [("Uzbek officials", "uzbekistan.government", "adjectival")],
    ),
    (
        "Iranian and Syrian forces attacked the town.",
        [("Iranian", "iran.military", "adjectival"), ("Syrian", "syria.military", "adjectival")],
    ),
    # 4. capitals and seats as metonyms in political contexts, else places
    (
        "Officials in Kinshasa accuse Kigali of arming the rebels.",
        [
            ("Officials in Kinshasa", "dr-congo.government", "metonym"),
            ("Kigali", "rwanda.government", "metonym"),
        ],
    ),
    (
        "The generals in Khartoum rejected the truce.",
        [("generals in Khartoum", "sudan.military", "metonym")],
    ),
    ("The Kremlin denied the report.", [("Kremlin", "russia.government", "metonym")]),
    ("The militia is backed by Moscow.", [("Moscow", "russia.government", "metonym")]),
    ("Fighting continued in Tehran on Sunday.", [("Tehran", "tehran", "location")]),
    # 5. definite descriptions -> the most salient actor of the type in the whole document
    (
        "The Islamic Revolutionary Guard Corps (IRGC) armed the Houthis. The corps denies it.",
        [("Islamic Revolutionary Guard Corps", "irgc", "alias"), ("corps", "irgc", "description")],
    ),
    (
        "Hezbollah fired rockets. The group said the attack was revenge.",
        [("group", "hezbollah", "description")],
    ),
    # 6. pronouns, same sentence only
    ("Iran says it supplies only political backing.", [("it", "iran", "pronoun")]),
    ("The Houthis and their allies fired missiles.", [("their", "houthis", "pronoun")]),
    # 7. unknown entities become actors; titles stripped; surnames resolve to the full name
    (
        "Mr. Samuel Okonjo spoke on Monday. Okonjo said the army would fight.",
        [("Samuel Okonjo", "samuel-okonjo", "new_entity"), ("Okonjo", "samuel-okonjo", "surname")],
    ),
    ("Paul Kagame met the envoy. Kagame denied it.", [("Kagame", "paul-kagame", "alias")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_rule(resolve: Resolve, text: str, expected: list[tuple[str, str, str | None]]) -> None:
    got = resolve(text)
    by_text = {(m.text, m.actor_id): m.rule for m in got.mentions}
    for span, actor, rule in expected:
        assert (span, actor) in by_text, f"{span!r} -> {actor} not in {sorted(found(got))}"
        if rule is not None:
            assert by_text[(span, actor)] == rule


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("A group of experts visited Yemen.", "group"),  # only "the" makes a description
        ("The group met in Geneva.", "group"),  # no armed group in the document
        ("The army entered the town.", "army"),  # no military in the document
        ("It is unclear whether Iran will respond.", "It"),  # pleonastic "it"
        ("Iran armed the rebels and trained them.", "them"),  # "the rebels" has no referent
        ("The Washington Post reported the clash.", "Washington"),  # a capital inside a name
    ],
)
def test_no_guess(resolve: Resolve, text: str, absent: str) -> None:
    assert absent not in {m.text for m in resolve(text).mentions}


def test_spans_map_to_original_offsets(resolve: Resolve) -> None:
    text = "Officials in Kinshasa accuse Kigali of arming the rebels. Tehran denies arming the Houthis."
    for m in resolve(text).mentions:
        assert text[m.start : m.end] == m.text


def test_at_and_in_sentence(resolve: Resolve) -> None:
    got = resolve("Iran's Revolutionary Guards armed Hezbollah. Hezbollah thanked Iran.")
    first = got.in_sentence(0)
    assert [m.actor_id for m in first] == ["iran", "irgc", "hezbollah"]
    guards = first[1]
    for i in range(guards.token_start, guards.token_end):
        assert got.at(0, i) is guards
    assert got.at(0, guards.token_end) is None  # "armed"
    assert got.at(1, 2) is not None and got.at(1, 2).actor_id == "iran"  # type: ignore[union-attr]
    assert got.actor("irgc") is not None and got.actor("irgc").type == "military"  # type: ignore[union-attr]
    assert got.actor("no-such-actor") is None


def test_new_entities_are_typed_and_listed(resolve: Resolve) -> None:
    got = resolve("The North Kivu Liberation Movement fought the Kivu Farmers Party near the lake.")
    assert got.actors["north-kivu-liberation-movement"].type == "armed_group"
    assert got.actors["north-kivu-liberation-movement"].origin == "text"
    assert got.actors["kivu-farmers-party"].type == "political_party"


DOCUMENT = """The Islamic Revolutionary Guard Corps (IRGC) has trained Houthi missile crews.
Tehran denies arming the rebels and says it gives them only political backing.
The corps reportedly also provides the movement with intelligence.
Saudi officials regard the Houthis as Iran's proxy.
The North Kivu Liberation Movement (NKLM) took the town, and the NKLM said it would hold it.
Officials in Kinshasa accuse Kigali of arming the M23.
The group denies it.
Mr. Samuel Okonjo spoke on Monday.
Okonjo said the army would fight."""


def test_shuffled_document_resolves_identically(resolve: Resolve) -> None:
    lines = DOCUMENT.split("\n")

    def signature(text: str) -> set[tuple[str, str, str]]:
        got = resolve(text)
        sentences = {i: s for i, s in enumerate(text.split("\n"))}
        return {(sentences[m.sentence], m.text, m.actor_id) for m in got.mentions}

    base = signature(DOCUMENT)
    assert (
        "The corps reportedly also provides the movement with intelligence.",
        "corps",
        "irgc",
    ) in base
    for seed in (1, 2, 3):
        shuffled = lines[:]
        random.Random(seed).shuffle(shuffled)
        assert signature("\n".join(shuffled)) == base


def test_docs_parsed_without_our_components(actor_nlp, resolver, resolve: Resolve) -> None:  # type: ignore[no-untyped-def]
    """resolve() computes the cues itself for Docs from a pipeline without our components."""
    text = "Officials in Kinshasa accuse Kigali of arming the M23."
    with actor_nlp.select_pipes(disable=["dyads_gazetteer", "dyads_actor_cues"]):
        doc = actor_nlp(text)
    got = resolver.resolve("d", [doc], lambda i, s, e: (s, e))
    assert found(got) == found(resolve(text))


def test_components_declare_what_they_need(actor_nlp) -> None:  # type: ignore[no-untyped-def]
    analysis = actor_nlp.analyze_pipes()
    assert not analysis["problems"]["dyads_gazetteer"]
    assert not analysis["problems"]["dyads_actor_cues"]
    assert actor_nlp.pipe_names[-2:] == ["dyads_gazetteer", "dyads_actor_cues"]


def test_gazetteer_overrides_entity_labels(actor_nlp) -> None:  # type: ignore[no-untyped-def]
    doc = actor_nlp("Kigali and Hezbollah condemned the attack.")
    labels = {e.text: (e.label_, e.kb_id_) for e in doc.ents}
    assert labels["Kigali"] == ("GPE", "rwanda")
    assert labels["Hezbollah"] == ("ORG", "hezbollah")
