"""A scraped copy (shuffled, drop caps lost, glued, mojibake, boilerplate) yields the same edges
as the original through the whole pipeline, and lands in the same story."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from dyads.pipeline import Pipeline
from dyads.records import Document, ProcessedDocument
from dyads.repair import split_sentences
from dyads.stories import StoryIndex

DATA = Path(__file__).parent.parent / "repair" / "data"


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def edges(p: ProcessedDocument) -> set[tuple[object, ...]]:
    return {
        (r.source.id, r.relation, r.target.id, r.kinds, r.modality, r.polarity) for r in p.relations
    }


def test_scraped_copies_give_the_same_edges_and_story(pipeline: Pipeline) -> None:
    original = (DATA / "kivu_original.txt").read_text("utf-8")
    sentences = [original[a:b] for a, b in split_sentences(original)]
    random.Random(5).shuffle(sentences)
    texts = {
        "original": original,
        "mangled": (DATA / "kivu_mangled.txt").read_text("utf-8"),
        "shuffled": "\n\n".join(
            " ".join(sentences[i : i + 2]) for i in range(0, len(sentences), 2)
        ),
        "unrelated": (DATA / "kivu_unrelated.txt").read_text("utf-8"),
    }
    done = {name: pipeline.process(Document(name, text)) for name, text in texts.items()}
    assert edges(done["original"]), "the original article should yield edges"
    assert edges(done["mangled"]) == edges(done["original"])
    assert edges(done["shuffled"]) == edges(done["original"])
    assert done["mangled"].scramble > done["original"].scramble
    index = StoryIndex()
    story = {name: index.assign(name, p.fingerprint) for name, p in done.items()}
    assert story == {
        "original": "original",
        "mangled": "original",
        "shuffled": "original",
        "unrelated": "unrelated",
    }
    # Evidence offsets point into the copy as it was read, damage and all.
    copy = texts["mangled"]
    for r in done["mangled"].relations:
        span = copy[r.evidence.start : r.evidence.end]
        assert span.split()[-1] == r.evidence.sentence.split()[-1]
        assert len(span.split()) - len(r.evidence.sentence.split()) in (-1, 0, 1)


@pytest.mark.parametrize(("window", "joins"), [(None, True), (1, False)])
def test_ingest_story_window(
    tmp_path: Path, pipeline: Pipeline, window: int | None, joins: bool
) -> None:
    """Two documents apart, the copy joins its original; with a window of one it cannot."""
    import dyads
    from dyads.ingest import ingest
    from dyads.settings import Settings

    folder = tmp_path / "in"
    folder.mkdir()
    for name, src in (("a", "kivu_original"), ("b", "kivu_unrelated"), ("c", "kivu_mangled")):
        (folder / f"{name}.txt").write_text((DATA / f"{src}.txt").read_text("utf-8"), "utf-8")
    settings = Settings().with_(story_window=window)
    ingest([folder], tmp_path / "s.duckdb", settings, pipeline=pipeline)
    with dyads.open(tmp_path / "s.duckdb") as store:
        story = {
            Path(p).stem: s
            for p, s in store.con.execute("SELECT path, story_id FROM documents").fetchall()
        }
    assert story["b"] != story["a"]
    assert (story["c"] == story["a"]) is joins
