"""Gold files: one reader for both evaluations; bad files and lines name file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyads.actors import load_gazetteer
from dyads.errors import DataError
from dyads.evaluate import load_gold
from dyads.evaluate.gold import actor_ids, find_document

from ..conftest import ROOT


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"doc": "a.txt", "relations": []}\n{oops\n', r"bad\.jsonl:2: invalid JSON"),
        ('["not", "an", "object"]\n', r"bad\.jsonl:1: a gold line must be a JSON object"),
        ('{"doc": "a.txt"}\n', r"bad\.jsonl:1: a gold line needs 'doc' and 'relations'"),
    ],
)
def test_bad_gold_lines_name_file_and_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(content)
    with pytest.raises(DataError, match=message):
        load_gold(path)


def test_missing_gold_file_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="cannot read gold file"):
        load_gold(tmp_path / "nope.jsonl")


def test_documents_are_found_by_path_and_record_id() -> None:
    doc = find_document("samples/wire.jsonl#uganda-ituri", ROOT)
    assert doc is not None and doc.id == "uganda-ituri"
    assert find_document("samples/wire.jsonl#no-such-record", ROOT) is None


def test_actor_references_by_id_name_or_unknown_name() -> None:
    gaz = load_gazetteer()
    assert actor_ids(gaz, "irgc") == ["irgc"]
    assert "irgc" in actor_ids(gaz, "Islamic Revolutionary Guard Corps")
    assert actor_ids(gaz, "Gulf Futures Forum") == ["gulf-futures-forum"]
