"""Each repair step on sentences written for it, and the offsets back to the original text."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyads.repair import repair, split_sentences

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize(
    ("damaged", "repaired"),
    [
        ("Ōfficials said the rebels withdrew.", "Officials said the rebels withdrew."),
        ("īy 2019 the group controlled the border.", "By 2019 the group controlled the border."),
        (
            "Ĭuman Rights Watch said both sides had killed civilians.",
            "Human Rights Watch said both sides had killed civilians.",
        ),
        ("Οfficials said the town fell.", "Officials said the town fell."),  # Greek omicron
        (
            "The army left. Ōfficials said the town fell.",
            "The army left. Officials said the town fell.",
        ),
        ("fficials said the rebels withdrew.", "Officials said the rebels withdrew."),
        ("Ī said no.", "I said no."),
        # A rare word is restored from the document's own vocabulary.
        (
            "Īnterahamwe fighters crossed. The Interahamwe denied it.",
            "Interahamwe fighters crossed. The Interahamwe denied it.",
        ),
    ],
)
def test_dropcap_restores_the_capital(damaged: str, repaired: str) -> None:
    r = repair(damaged)
    assert r.text == repaired
    assert dict(r.steps)["dropcap"] >= 1
    assert r.to_original(0, len(r.text)) == (0, len(damaged))


@pytest.mark.parametrize(
    "text",
    [
        "Prime Minister Ōno met Zoë in Łódź.",  # real letters inside a sentence: left alone
        "The Māori party and the Łukasiewicz family met.",
        "The islands of Ōkinawa and Ōshima.",
        "The word xĪy is not a drop cap.",
    ],
)
def test_dropcap_leaves_letters_inside_sentences(text: str) -> None:
    r = repair(text)
    assert r.text == text
    assert r.steps == ()


@pytest.mark.parametrize(
    ("glued", "repaired"),
    [
        (
            "Fighting spread across the Region).The militia took the town.",
            "Fighting spread across the Region). The militia took the town.",
        ),
        (
            "Talks failed and the group.But the army stayed.",
            "Talks failed and the group. But the army stayed.",
        ),
        ("He said it was over.”The army disagreed.", "He said it was over.” The army disagreed."),
        ("The attack came in 2019.The group grew.", "The attack came in 2019. The group grew."),
    ],
)
def test_glued_sentences_get_their_space(glued: str, repaired: str) -> None:
    r = repair(glued)
    assert r.text == repaired
    assert len(split_sentences(r.text)) == 2


@pytest.mark.parametrize(
    "text",
    [
        "The U.S.Treasury acted.",
        "Prices rose 3.5 percent.",
        "See example.com for more.",
        "It is e.g.Not glued.",
    ],
)
def test_glue_leaves_abbreviations_and_numbers(text: str) -> None:
    assert "glue" not in dict(repair(text).steps)


@pytest.mark.parametrize(
    ("damaged", "repaired"),
    [
        ("Kigaliâ€™s government denied it.", "Kigali’s government denied it."),
        ("The cafÃ© in Goma reopened.", "The café in Goma reopened."),
        ("AT&amp;T was fined.", "AT&T was fined."),
        ("The â€œliberatedâ€\x9d zone", "The “liberated” zone"),
    ],
)
def test_mojibake_is_fixed(damaged: str, repaired: str) -> None:
    r = repair(damaged)
    assert r.text == repaired
    assert "encoding" in dict(r.steps)


def test_boilerplate_lines_are_dropped_and_content_kept() -> None:
    text = (
        "The rebels took Rubaya.\nShare on Facebook\nFacebook Twitter WhatsApp Email\n"
        "Read more: Why the war never ends\nAdvertisement\n"
        "Rwanda's share of the mineral trade rose.\n© 2024 Example News. All rights reserved."
    )
    r = repair(text)
    assert r.text == "The rebels took Rubaya.\nRwanda's share of the mineral trade rose.\n"
    a = r.text.index("Rwanda")
    start, end = r.to_original(a, a + len("Rwanda's share of the mineral trade rose."))
    assert text[start:end] == "Rwanda's share of the mineral trade rose."


def test_hard_wrapped_sentence_is_joined() -> None:
    text = "The Wazalendo militias said they had been\npromised weapons.\n\nthe next paragraph."
    r = repair(text)
    assert r.text.startswith("The Wazalendo militias said they had been promised weapons.")
    assert "\n\n" in r.text  # a blank line is a paragraph break: kept


def test_offsets_map_each_sentence_of_a_damaged_copy_to_its_original_text() -> None:
    original = (DATA / "kivu_mangled.txt").read_text("utf-8")
    r = repair(original)
    assert {"encoding", "boilerplate", "unwrap", "glue", "dropcap"} <= set(dict(r.steps))
    for a, b in split_sentences(r.text):
        start, end = r.to_original(a, b)
        source = original[start:end]
        # the original span holds the same words, give or take the repaired ones
        repaired_words = r.text[a:b].split()
        source_words = source.split()
        assert len(source_words) - len(repaired_words) in (-1, 0, 1), (r.text[a:b], source)
        assert repaired_words[-1] == source_words[-1] or "Kigali" in source


def test_repaired_copy_reads_like_the_original() -> None:
    original = (DATA / "kivu_original.txt").read_text("utf-8")
    copy = repair((DATA / "kivu_mangled.txt").read_text("utf-8"))
    ours = {copy.text[a:b] for a, b in split_sentences(copy.text)}
    theirs = {original[a:b] for a, b in split_sentences(original)}
    assert ours == theirs


def test_clean_text_is_left_alone() -> None:
    original = (DATA / "kivu_original.txt").read_text("utf-8")
    r = repair(original)
    assert r.text == original
    assert r.steps == ()
    assert r.to_original(10, 50) == (10, 50)


def test_a_long_single_line_keeps_a_small_map() -> None:
    text = "The militia attacked the town.The army fled. " * 20_000
    r = repair(text)
    assert dict(r.steps)["glue"] == 20_000
    (smap,) = r.maps
    assert len(smap) == 20_000  # one row per edit, not one per character
    assert r.to_original(len(r.text) - 9, len(r.text)) == (len(text) - 9, len(text))
