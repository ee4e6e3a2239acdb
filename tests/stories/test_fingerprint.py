"""Fingerprints: order-insensitive, robust to repairable damage, stable, int64."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from dyads.stories import fingerprint, normalise
from dyads.stories.fingerprint import MAX_VALUES

SENTENCES = [
    "The M23 rebels captured the town of Rubaya on Tuesday, local officials said.",
    "Rwanda denied sending troops.",
    "A United Nations group of experts reported that Rwanda had sent weapons to the M23.",
    "He said the army would retake the town within weeks.",
]


def test_sentence_order_does_not_matter() -> None:
    shuffled = list(SENTENCES)
    random.Random(0).shuffle(shuffled)
    assert fingerprint(shuffled) == fingerprint(SENTENCES)


def test_case_accents_and_punctuation_do_not_matter() -> None:
    assert normalise("Ōfficials SAID: “the café” closed.") == [
        "officials",
        "said",
        "the",
        "cafe",
        "closed",
    ]
    assert fingerprint(["Ōfficials said the café closed."]) == fingerprint(
        ["officials said the cafe closed"]
    )


def test_values_are_sorted_distinct_int64() -> None:
    fp = fingerprint(SENTENCES * 3)
    assert list(fp) == sorted(set(fp))
    assert all(-(2**63) <= v < 2**63 for v in fp)


def test_values_are_stable_across_runs_and_machines() -> None:
    # Stored fingerprints must match those computed by later versions: change only with a
    # migration that recomputes them.
    assert fingerprint(["Rwanda denied it.", "Rwanda denied sending troops."]) == (
        1519983620825027258,
        4937085721885563881,
    )


def test_one_word_sentences_are_ignored_and_long_documents_are_capped() -> None:
    assert fingerprint(["Advertisement", "", "..."]) == ()
    long = [f"word{i} word{i + 1} word{i + 2} word{i + 3} word{i + 4}." for i in range(5000)]
    assert len(fingerprint(long)) == MAX_VALUES


@settings(deadline=None)
@given(st.lists(st.text(max_size=60), max_size=20))
def test_any_sentences_give_a_valid_fingerprint(sentences: list[str]) -> None:
    fp = fingerprint(sentences)
    assert fp == fingerprint(list(reversed(sentences)))
    assert all(isinstance(v, int) and -(2**63) <= v < 2**63 for v in fp)
