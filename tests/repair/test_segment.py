"""Sentence splitting: each case with the exact sentences expected."""

from __future__ import annotations

import pytest

from dyads.repair import repair, split_sentences


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The U.S. Treasury sanctioned two commanders. The move angered Kigali.",
            ["The U.S. Treasury sanctioned two commanders.", "The move angered Kigali."],
        ),
        (
            "The U.N. mission left in Jan. 2024. It had stayed for years.",
            ["The U.N. mission left in Jan. 2024.", "It had stayed for years."],
        ),
        (
            "Gen. Makenga and Lt. Col. Ngaruye led the attack. Dr. Mukwege treated the wounded.",
            [
                "Gen. Makenga and Lt. Col. Ngaruye led the attack.",
                "Dr. Mukwege treated the wounded.",
            ],
        ),
        (
            "Mr. Kagame spoke at 9 a.m. on Friday. Officials listened.",
            ["Mr. Kagame spoke at 9 a.m. on Friday.", "Officials listened."],
        ),
        (
            "The talks ended at 5 p.m. The rebels left.",
            ["The talks ended at 5 p.m.", "The rebels left."],
        ),
        (
            "Resolution No. 2 passed. A. Q. Khan sold the designs to Libya.",
            ["Resolution No. 2 passed.", "A. Q. Khan sold the designs to Libya."],
        ),
        (
            "Output fell 3.5 percent in 2023. Prices rose.",
            ["Output fell 3.5 percent in 2023.", "Prices rose."],
        ),
        (
            '"We will not withdraw." The minister said so (in public.) Then he left.',
            ['"We will not withdraw."', "The minister said so (in public.)", "Then he left."],
        ),
        (
            "Did Rwanda send troops? Kigali denies it! The report says so.",
            ["Did Rwanda send troops?", "Kigali denies it!", "The report says so."],
        ),
        (
            "He met officials in Washington, D.C. on Monday.",
            ["He met officials in Washington, D.C. on Monday."],
        ),
        (
            "A first paragraph without a full stop\nA second paragraph.",
            ["A first paragraph without a full stop", "A second paragraph."],
        ),
        (
            "The group grew in the Region).The militia took the town.But the army stayed.",
            [
                "The group grew in the Region).",
                "The militia took the town.",
                "But the army stayed.",
            ],
        ),
        (
            "The rebels took St. Paul’s mission. The army fled to Mt. Nyiragongo.",
            ["The rebels took St. Paul’s mission.", "The army fled to Mt. Nyiragongo."],
        ),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_a_piece_without_words_is_joined_to_the_sentence_before() -> None:
    assert sentences("The rebels left. ... The army stayed. -- ! Then it rained.") == [
        "The rebels left. ...",
        "The army stayed. -- !",
        "Then it rained.",
    ]


def test_a_lower_case_word_never_starts_a_sentence() -> None:
    assert sentences("Weapons, e.g. rifles, were sent. and then the army left.") == [
        "Weapons, e.g. rifles, were sent. and then the army left."
    ]


def test_a_hard_wrapped_sentence_is_one_sentence_after_repair() -> None:
    r = repair("The militias said they had been\npromised weapons. They got none.")
    assert sentences(r.text) == [
        "The militias said they had been promised weapons.",
        "They got none.",
    ]


def test_spans_are_trimmed_and_in_order() -> None:
    text = "  First one.   Second one.  \n\n  Third one.  "
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == ["First one.", "Second one.", "Third one."]
    assert all(b1 <= a2 for (_, b1), (a2, _) in zip(spans, spans[1:], strict=False))
