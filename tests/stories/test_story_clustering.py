"""Stories: a scraped copy joins its original's story; an unrelated article on the same topic
does not; story ids do not depend on how documents are batched or reloaded."""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path

import pytest

from dyads.repair import repair, split_sentences
from dyads.stories import StoryIndex, fingerprint

DATA = Path(__file__).parent.parent / "repair" / "data"


def fp_of(text: str) -> tuple[int, ...]:
    r = repair(text)
    return fingerprint([r.text[a:b] for a, b in split_sentences(r.text)])


def read(name: str) -> str:
    return (DATA / name).read_text("utf-8")


@pytest.fixture
def articles() -> dict[str, str]:
    original = read("kivu_original.txt")
    paragraphs = original.split("\n\n")
    sentences = [original[a:b] for a, b in split_sentences(original)]
    shuffled = list(sentences)
    random.Random(3).shuffle(shuffled)
    return {
        "original": original,
        "mangled": read("kivu_mangled.txt"),
        "shuffled": "\n\n".join(" ".join(shuffled[i : i + 3]) for i in range(0, len(shuffled), 3)),
        "partial": "\n\n".join(paragraphs[1:4]),
        "inserted": "\n\n".join(
            paragraphs[:2] + read("kivu_unrelated.txt").split("\n\n")[:1] + paragraphs[2:]
        ),
        "unrelated": read("kivu_unrelated.txt"),
    }


def test_copies_join_the_original_and_the_unrelated_article_does_not(
    articles: dict[str, str],
) -> None:
    index = StoryIndex(threshold=0.5)
    story = {name: index.assign(name, fp_of(text)) for name, text in articles.items()}
    assert story["original"] == "original"  # a new story is named after its first document
    for copy in ("mangled", "shuffled", "partial", "inserted"):
        assert story[copy] == "original", copy
    assert story["unrelated"] == "unrelated"


def test_a_copy_that_arrives_first_names_the_story(articles: dict[str, str]) -> None:
    index = StoryIndex()
    assert index.assign("mangled", fp_of(articles["mangled"])) == "mangled"
    assert index.assign("original", fp_of(articles["original"])) == "mangled"


def test_the_repaired_copy_shares_most_of_its_fingerprint_with_the_original(
    articles: dict[str, str],
) -> None:
    a, b = set(fp_of(articles["original"])), set(fp_of(articles["mangled"]))
    assert len(a & b) / len(a | b) >= 0.9
    unrelated = set(fp_of(articles["unrelated"]))
    assert len(a & unrelated) / len(a | unrelated) <= 0.05


def test_similarity_uses_containment_for_partial_copies(articles: dict[str, str]) -> None:
    index = StoryIndex()
    original, partial = fp_of(articles["original"]), fp_of(articles["partial"])
    jaccard = len(set(original) & set(partial)) / len(set(original) | set(partial))
    assert jaccard < 0.8
    assert index.similarity(original, partial) >= 0.85
    assert index.similarity(original, fp_of(articles["unrelated"])) < 0.1


def test_story_ids_do_not_depend_on_batches_or_reloading(articles: dict[str, str]) -> None:
    fps = {name: fp_of(text) for name, text in articles.items()}
    names = list(fps)
    one = StoryIndex()
    all_at_once = {n: one.assign(n, fps[n]) for n in names}
    # Ingest in two runs: the second run loads what the first stored, then goes on.
    first = StoryIndex()
    stored = {n: first.assign(n, fps[n]) for n in names[:2]}
    second = StoryIndex()
    for n, story in stored.items():
        second.add(n, story, fps[n])
    later = {n: second.assign(n, fps[n]) for n in names[2:]}
    assert {**stored, **later} == all_at_once
    assert second.assign("original", fps["original"]) == all_at_once["original"]  # idempotent


def test_empty_and_tiny_documents_start_their_own_story() -> None:
    index = StoryIndex()
    assert index.assign("a", ()) == "a"
    assert index.assign("b", ()) == "b"
    assert index.assign("c", fingerprint(["Rwanda denied it."])) == "c"
    assert index.assign("d", fingerprint(["Rwanda denied it."])) == "c"  # an exact copy


def test_many_documents_grow_the_tables() -> None:
    rng = random.Random(1)
    index = StoryIndex()
    words = [f"w{i}" for i in range(5000)]
    docs = [[" ".join(rng.choices(words, k=12)) + "." for _ in range(8)] for _ in range(1500)]
    stories = [index.assign(f"d{i}", fingerprint(d)) for i, d in enumerate(docs)]
    assert stories == [f"d{i}" for i in range(1500)]  # random texts: all different
    copies = [
        index.assign(f"c{i}", fingerprint(list(reversed(d)))) for i, d in enumerate(docs[:200])
    ]
    assert copies == [f"d{i}" for i in range(200)]
    assert len(index) == 1700


@pytest.mark.parametrize(("threshold", "num_perm"), [(0.0, 128), (1.5, 128), (0.5, 0)])
def test_bad_parameters_are_refused(threshold: float, num_perm: int) -> None:
    with pytest.raises(ValueError):
        StoryIndex(threshold, num_perm)


def test_fingerprints_loaded_on_demand_give_the_same_stories(articles: dict[str, str]) -> None:
    """With a ``load`` function only the latest fingerprints stay in memory (flat memory at
    ingest); a copy of an article whose fingerprint was dropped still joins its story."""
    stored: dict[str, tuple[int, ...]] = {}
    loaded: list[str] = []

    def load(ids: Sequence[str]) -> dict[str, tuple[int, ...]]:
        loaded.extend(ids)
        return {i: stored[i] for i in ids if i in stored}

    order = ["original", "unrelated", "partial", "mangled", "shuffled", "inserted"]
    full, windowed = StoryIndex(), StoryIndex(load=load, recent=1)
    for name in order:
        fp = fp_of(articles[name])
        assert windowed.assign(name, fp) == full.assign(name, fp), name
        stored[name] = fp
    assert "original" in loaded  # the original's fingerprint came from load, not from memory
    assert len(windowed._sets) == 1


def _random_docs(n: int, seed: int) -> list[list[str]]:
    rng = random.Random(seed)
    words = [f"w{i}" for i in range(5000)]
    return [[" ".join(rng.choices(words, k=12)) + "." for _ in range(8)] for _ in range(n)]


def test_copies_within_the_window_join_older_ones_start_their_own_story() -> None:
    docs = _random_docs(400, 2)
    index = StoryIndex(window=100)
    for i, d in enumerate(docs):
        index.assign(f"d{i}", fingerprint(d))
    # 400 documents seen; the window holds d300..d399
    assert index.assign("copy-new", fingerprint(list(reversed(docs[350])))) == "d350"
    assert index.assign("copy-old", fingerprint(list(reversed(docs[50])))) == "copy-old"
    assert index.assign("d399", ()) == "d399"  # still in the window: its story is remembered


def test_the_window_changes_nothing_while_it_holds_every_document() -> None:
    docs = _random_docs(300, 3)
    copies = [list(reversed(d)) for d in docs[::7]]
    small, large = StoryIndex(window=301), StoryIndex()
    for index in (small, large):
        for i, d in enumerate(docs):
            index.assign(f"d{i}", fingerprint(d))
    assert [small.assign(f"c{i}", fingerprint(c)) for i, c in enumerate(copies)] == [
        large.assign(f"c{i}", fingerprint(c)) for i, c in enumerate(copies)
    ]


def test_memory_stays_flat_beyond_the_window() -> None:
    index = StoryIndex(window=200)
    sizes = []
    for i, d in enumerate(_random_docs(2000, 4)):
        index.assign(f"d{i}", fingerprint(d))
        if i in (999, 1999):
            sizes.append((len(index._keys), len(index._next), len(index._ids), len(index._pos)))
    assert sizes[0] == sizes[1]  # nothing grew from 1,000 to 2,000 documents
    assert sizes[1][1:] == (200, 200, 200)
    assert len(index) == 2000
