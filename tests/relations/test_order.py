"""Results must not depend on sentence order: scraped copies shuffle it."""

from __future__ import annotations

import random

from dyads.pipeline import Pipeline
from dyads.records import Document
from dyads.repair import split_sentences

from ..conftest import SAMPLES


def _edges(pipeline: Pipeline, text: str) -> set[tuple[str, ...]]:
    p = pipeline.process(Document(id="x", text=text))
    return {
        (
            r.source.id,
            r.relation,
            r.target.id,
            r.modality,
            r.polarity,
            ",".join(sorted(r.kinds)),
            r.attributed_to.id if r.attributed_to else "",
            r.evidence.sentence,
        )
        for r in p.relations
    }


def test_shuffling_sentences_changes_no_edge(pipeline: Pipeline) -> None:
    for name in ("yemen_houthis.txt", "sudan_rsf_uae.txt", "pakistan_taliban.txt"):
        text = (SAMPLES / name).read_text("utf-8")
        sentences = [text[a:b].strip() for a, b in split_sentences(text)]
        shuffled = sentences[:]
        random.Random(7).shuffle(shuffled)
        assert shuffled != sentences
        original = _edges(pipeline, "\n".join(sentences))
        assert original, name
        assert _edges(pipeline, "\n".join(shuffled)) == original, name
