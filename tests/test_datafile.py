"""One strict loader for every YAML data file: strings stay strings, bad keys name file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyads.datafile import Fields, load_yaml, parse_yaml
from dyads.errors import DataError
from dyads.relations.lexicon import load_lexicon


def test_yaml_1_1_booleans_stay_words() -> None:
    data = parse_yaml("preps: [on, off, no, yes, y, n, 'on']\nflag: true\nother: False\n", "x.yaml")
    assert data["preps"] == ["on", "off", "no", "yes", "y", "n", "on"]
    assert data["flag"] is True and data["other"] is False


def test_the_shipped_lexicon_keeps_on_and_no() -> None:
    lex = load_lexicon()
    assert "on" in lex.verbs["attack"][0].target_preps  # "attacks on Houthi targets"
    assert "no" in lex.cue_set("negation_words")
    assert all(
        isinstance(p, str) for cues in lex.verbs.values() for c in cues for p in c.target_preps
    )


def test_an_unknown_key_names_its_line() -> None:
    f = Fields(load_yaml("a: 1\n\nlemmass: [x]\n", "mine.yaml"), "mine.yaml")
    f.number("a", 0)
    with pytest.raises(DataError, match=r"mine.yaml:3: lemmass: unknown key"):
        f.done()


def test_a_number_in_a_word_list_names_its_line() -> None:
    f = Fields(load_yaml("words:\n  - one\n  - 2\n", "w.yaml"), "w.yaml")
    with pytest.raises(DataError, match=r"w.yaml:3: words: item 2 must be text"):
        f.words("words")


def test_a_user_lexicon_with_a_misspelt_key_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "mine.yaml"
    bad.write_text("verbs:\n  - {lemmas: [mentor], relation: SUPPORTS, kind: [training]}\n")
    with pytest.raises(DataError, match=r"mine.yaml:2: verbs\[0\].kind: unknown key"):
        load_lexicon((bad,))


def test_a_duplicate_key_is_refused() -> None:
    with pytest.raises(DataError, match="given twice"):
        parse_yaml("a: 1\na: 2\n", "d.yaml")
