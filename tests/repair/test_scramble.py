"""The scrambled-text detector: a shuffled article scores higher than the article as written."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from dyads.repair import repair, scramble_score, split_sentences

DATA = Path(__file__).parent / "data"


def sentences_of(name: str) -> list[str]:
    r = repair((DATA / name).read_text("utf-8"))
    return [r.text[a:b] for a, b in split_sentences(r.text)]


@pytest.mark.parametrize("name", ["kivu_original.txt", "kivu_unrelated.txt"])
def test_shuffled_article_scores_higher_than_the_original(name: str) -> None:
    written = sentences_of(name)
    base = scramble_score(written)
    shuffled = []
    for seed in range(10):
        copy = list(written)
        random.Random(seed).shuffle(copy)
        shuffled.append(scramble_score(copy))
    assert base <= 0.2
    assert sum(s > base for s in shuffled) >= 6
    assert sum(shuffled) / len(shuffled) >= base + 0.3


def test_the_scraped_copy_scores_higher_than_the_original() -> None:
    assert (
        scramble_score(sentences_of("kivu_mangled.txt"))
        > scramble_score(sentences_of("kivu_original.txt")) + 0.3
    )


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        ([], 0.0),
        (["One sentence."], 0.0),
        # opening with a connective and a pronoun that refer to nothing before them
        (
            ["However, he denied it.", "The army of Rwanda attacked Goma.", "Kigali said nothing."],
            0.35,
        ),
        # fragments: lower-case starts and no end punctuation
        (["the army attacked", "and then it left", "Kigali said nothing."], 0.5),
    ],
)
def test_signs_on_short_texts(sentences: list[str], expected: float) -> None:
    assert scramble_score(sentences) == pytest.approx(expected, abs=0.01)
