"""The lexicon is data: users add cues in their own YAML file, and bad files name file and reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyads.errors import DataError
from dyads.pipeline import Pipeline
from dyads.records import Document
from dyads.relations.lexicon import load_lexicon
from dyads.settings import Settings

SENTENCE = "Iran has mentored the Houthis for a decade."


def _edges(pipe: Pipeline) -> set[tuple[str, str, str, tuple[str, ...]]]:
    p = pipe.process(Document(id="x", text=SENTENCE))
    return {(r.source.id, r.relation, r.target.id, r.kinds) for r in p.relations}


def test_a_user_lexicon_adds_a_cue(tmp_path: Path, pipeline: Pipeline) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text("verbs:\n  - {lemmas: [mentor], relation: SUPPORTS, kinds: [training]}\n")
    assert _edges(pipeline) == set()
    mine = Pipeline(Settings().with_(lexicons=(extra,)))
    assert _edges(mine) == {("iran", "SUPPORTS", "houthis", ("training",))}


def test_a_bad_lexicon_names_the_file_and_the_problem(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("verbs:\n  - {lemmas: [mentor], relation: MENTORS}\n")
    with pytest.raises(DataError, match="bad.yaml.*unknown relation 'MENTORS'"):
        load_lexicon((bad,))
    broken = tmp_path / "broken.yaml"
    broken.write_text("verbs: [\n")
    with pytest.raises(DataError, match="broken.yaml"):
        load_lexicon((broken,))
    typed = tmp_path / "typed.yaml"
    typed.write_text(
        "verbs:\n  - {lemmas: [mentor], relation: SUPPORTS, target_types: [listed:rebels]}\n"
    )
    with pytest.raises(DataError, match="typed.yaml.*unknown actor type 'listed:rebels'"):
        load_lexicon((typed,))
