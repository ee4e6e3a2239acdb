"""Scraped-text damage found wrong on a real scraped copy (issue 15): glued sentences, dashes that
stood for em dashes, drop-cap substitutes before names, a statement glued to a question, and a
sentence split at "U.S." whose halves were shuffled apart."""

from __future__ import annotations

import pytest

from dyads.pipeline import Pipeline
from dyads.records import Document
from dyads.repair import repair, split_sentences

try:
    from dyads.repair import rejoin_pairs
except ImportError:  # before the fix: the tests that need it fail, the others run
    rejoin_pairs = None  # type: ignore[assignment]


def _sentences(text: str) -> list[str]:
    r = repair(text)
    return [r.text[a:b] for a, b in split_sentences(r.text)]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            "Fighting spread to Idlib Province).The militants retreated.",
            ["Fighting spread to Idlib Province).", "The militants retreated."],
        ),
        (
            "The corps is run by the IRGC.The group denied it.",
            ["The corps is run by the IRGC.", "The group denied it."],
        ),
        (
            "Kurdish leaders demanded regional autonomy.Ābiy Ahmed rejected the demand.",
            ["Kurdish leaders demanded regional autonomy.", "Abiy Ahmed rejected the demand."],
        ),
        (
            "Kurdish leaders demanded regional autonomy.Āfter the talks the army withdrew.",
            ["Kurdish leaders demanded regional autonomy.", "After the talks the army withdrew."],
        ),
        ("The U.S.The move angered Tehran.", ["The U.S.The move angered Tehran."]),  # ambiguous
    ],
)
def test_sentences_glued_without_a_space_are_split(text: str, sentences: list[str]) -> None:
    assert _sentences(text) == sentences
    r = repair(text)
    assert r.to_original(0, len(r.text)) == (0, len(text))


@pytest.mark.parametrize(
    ("damaged", "repaired"),
    [
        (
            "The families of senior officers-and their guards fled to Kabul.",
            "The families of senior officers — and their guards fled to Kabul.",
        ),
        (
            "Leaders of the Taliban-consider the deal a betrayal, analysts say.",
            "Leaders of the Taliban — consider the deal a betrayal, analysts say.",
        ),
        (
            "The militia-which Iran arms-controls the port.",
            "The militia — which Iran arms-controls the port.",
        ),
    ],
)
def test_dashes_that_stood_for_em_dashes_are_restored(damaged: str, repaired: str) -> None:
    r = repair(damaged)
    assert r.text == repaired
    a = r.text.index(" — ")
    start, end = r.to_original(a, a + 3)  # the restored dash is the hyphen it replaced
    assert damaged[start:end] == "-"
    assert r.to_original(0, a) == (0, damaged.index("-"))


@pytest.mark.parametrize(
    "text",
    [
        "Iran-backed militias and Saudi-led forces clashed near the Houthi-held port.",
        "US-made drones, a Hamas-run ministry and a Kremlin-friendly outlet were cited.",
        "Far-right parties and a cross-border raid by al-Shabaab made the news.",
        "Anti-aircraft guns and a Sunni-majority town, an Arabic-language channel and NATO-member states.",
        "The Russia-Ukraine war and a well-known self-defence force of the so-called state.",
        "A two-thirds majority and a long-range missile hit a Soviet-era depot in Tehran-allied Iraq.",
    ],
)
def test_real_compounds_keep_their_hyphen(text: str) -> None:
    assert repair(text).text == text


@pytest.mark.parametrize(
    ("damaged", "repaired"),
    [
        ("Īdlib is held by Hayat Tahrir al-Sham.", "Idlib is held by Hayat Tahrir al-Sham."),
        ("The army withdrew. Ōmdurman fell in May.", "The army withdrew. Omdurman fell in May."),
    ],
)
def test_a_drop_cap_substitute_before_a_name_is_restored(damaged: str, repaired: str) -> None:
    assert repair(damaged).text == repaired


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            "Does Pakistan still control the Taliban? analysts in Islamabad doubt that it does.",
            [
                "Does Pakistan still control the Taliban?",
                "analysts in Islamabad doubt that it does.",
            ],
        ),
        (
            "Does Pakistan still control the Taliban?analysts in Islamabad doubt that it does.",
            [
                "Does Pakistan still control the Taliban?",
                "analysts in Islamabad doubt that it does.",
            ],
        ),
        ('"Who is next?" he asked.', ['"Who is next?" he asked.']),  # quoted speech stays whole
        ("Who is next? he asked.", ["Who is next? he asked."]),  # too short for a statement
    ],
)
def test_a_statement_glued_to_a_question_is_its_own_sentence(
    text: str, sentences: list[str]
) -> None:
    assert _sentences(text) == sentences


def test_the_statement_after_a_question_keeps_its_claim(pipeline: Pipeline) -> None:
    text = "Who arms the Houthis?officials in Washington say Iran has supplied the Houthis with missiles."
    rels = pipeline.process(Document(id="q", text=text)).relations
    assert [
        (r.source.id, r.relation, r.target.id, r.modality) for r in rels if r.source.id == "iran"
    ] == [("iran", "SUPPORTS", "houthis", "believed")]


SHUFFLED = (
    "Iran's support for the Houthis worries the U.S.\n\n"
    "Saudi Arabia bombed Houthi positions near Sanaa on Monday.\n\n"
    "military, which has struck Houthi radar sites since January."
)


def test_a_sentence_split_at_us_and_shuffled_apart_is_rejoined() -> None:
    spans = split_sentences(SHUFFLED)
    pieces = [SHUFFLED[a:b] for a, b in spans]
    assert pieces[0].endswith("the U.S.") and pieces[2].startswith("military")
    assert rejoin_pairs(SHUFFLED, spans) == [(0, 2)]
    # order-free: the tail may come first
    swapped = "\n\n".join([pieces[2], pieces[1], pieces[0]])
    assert rejoin_pairs(swapped, split_sentences(swapped)) == [(2, 0)]


@pytest.mark.parametrize(
    "text",
    [
        # two heads: which tail goes where is not known
        "Iran worries the U.S.\n\nRussia worries the U.K.\n\nmilitary, which struck Sanaa.",
        # two tails
        "Iran worries the U.S.\n\nmilitary, which struck Sanaa.\n\nofficials, who said so.",
        # no tail: a sentence may end with U.S.
        "Iran blamed the U.S.\n\nSaudi Arabia bombed Sanaa.",
    ],
)
def test_no_rejoin_unless_the_pairing_is_unique(text: str) -> None:
    assert rejoin_pairs(text, split_sentences(text)) == []


def test_the_rejoined_sentence_is_parsed_whole_and_maps_into_the_original(
    pipeline: Pipeline,
) -> None:
    doc = Document(id="s", text=SHUFFLED)
    prepared = pipeline._prepare(doc)
    texts = [s.text for s in prepared.sentences]
    assert (
        "Iran's support for the Houthis worries the U.S. military, which has struck Houthi radar "
        "sites since January." in texts
    )
    assert len(texts) == 2
    processed = pipeline.process(doc)
    # the name across the join is read whole: "U.S. military" is the US military
    assert ("U.S. military", "united-states.military") in {
        (m.text, m.actor_id) for m in processed.mentions
    }
    for m in processed.mentions:  # a mention's span is its text in the original, or, across
        original = SHUFFLED[m.start : m.end]  # the join, its first half ("U.S.")
        assert original == m.text or (original and m.text.startswith(original + " ")), m
