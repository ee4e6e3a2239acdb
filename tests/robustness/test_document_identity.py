"""The edit rule: a document is identified by its source (the file, and a JSONL or CSV record's
id, or its line when it has none). Re-ingesting an unchanged source stores nothing; a source whose
text changed replaces its document, with the old one's sentences, mentions, relations and story
membership, in one transaction. Record ids are scoped to their file."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from dyads.ingest import ingest
from dyads.pipeline import Pipeline
from dyads.store import Store
from dyads.store.clustered import CLUSTERED, relations_tables

IRAN = "Iran has supplied the Houthis with drones and missiles, officials said."
RUSSIA = "Russia has armed the Wagner Group in Mali, officials said."
QATAR = "Qatar hosts the political bureau of Hamas in Doha, officials said."


def _q(db: Path, sql: str) -> list[tuple[object, ...]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _edges(db: Path) -> list[tuple[object, ...]]:
    return _q(db, "SELECT source_id, relation, target_id FROM relations ORDER BY ALL")


def _no_orphans(db: Path) -> None:
    for table, col in (("sentences", "doc_id"), ("mentions", "doc_id"), ("relations", "doc_id")):
        rows = _q(db, f"SELECT count(*) FROM {table} WHERE {col} NOT IN (SELECT id FROM documents)")
        assert rows == [(0,)], table
    used = _q(
        db,
        """SELECT count(*) FROM actors WHERE id NOT IN (SELECT actor_id FROM mentions)
           AND id NOT IN (SELECT source_id FROM relations)
           AND id NOT IN (SELECT target_id FROM relations)
           AND id NOT IN (SELECT attributed_to FROM relations WHERE attributed_to IS NOT NULL)""",
    )
    assert used == [(0,)]  # no actor only the old version referred to


def test_records_with_the_same_id_in_two_files_are_both_stored(
    tmp_path: Path, pipeline: Pipeline
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.csv").write_text(f'id,text\n1,"{IRAN}"\n2,"{QATAR}"\n3,Turkey attacked the YPG.\n')
    (folder / "b.csv").write_text(
        f'id,text\n1,"{RUSSIA}"\n2,Egypt armed Haftar.\n3,Rwanda backed M23.\n'
    )
    db = tmp_path / "s.duckdb"
    report = ingest([folder], db, pipeline=pipeline)
    assert (report.documents_written, report.documents_skipped, report.errors) == (6, 0, [])
    rows = _q(db, "SELECT path, id FROM documents ORDER BY path")
    assert [p.rsplit("/", 1)[1] for p, _ in rows] == [
        f"{f}.csv#{i}" for f in "ab" for i in (1, 2, 3)
    ]
    ids = [i for _, i in rows]
    assert ids[:3] == ["1", "2", "3"]  # the first file keeps its ids; the second's are scoped
    assert [i.split("~")[0] for i in ids[3:]] == ["1", "2", "3"] and len(set(ids)) == 6
    again = ingest([folder], db, pipeline=pipeline)
    assert (again.documents_written, again.documents_skipped) == (0, 6)
    assert [i for _, i in _q(db, "SELECT path, id FROM documents ORDER BY path")] == ids


def test_the_same_record_in_two_files_is_one_document_until_one_is_edited(
    tmp_path: Path, pipeline: Pipeline
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a", "b"):
        (folder / f"{name}.jsonl").write_text(json.dumps({"id": "w1", "text": IRAN}) + "\n")
    db = tmp_path / "s.duckdb"
    report = ingest([folder], db, pipeline=pipeline)
    assert (report.documents_written, report.documents_skipped) == (1, 1)
    assert _q(db, "SELECT id FROM documents") == [("w1",)]
    assert _q(db, "SELECT count(*) FROM sources WHERE doc_id = 'w1'") == [(2,)]
    (folder / "a.jsonl").write_text(json.dumps({"id": "w1", "text": RUSSIA}) + "\n")
    edited = ingest([folder], db, pipeline=pipeline)
    assert (edited.documents_written, edited.documents_replaced) == (1, 1)
    rows = _q(db, "SELECT id, text FROM documents ORDER BY id")
    assert rows[0] == ("w1", IRAN) and rows[1][0].startswith("w1~") and rows[1][1] == RUSSIA
    _no_orphans(db)


@pytest.mark.parametrize("kind", ["txt", "jsonl record", "csv record", "jsonl line without id"])
def test_an_edited_source_replaces_its_document_and_everything_drawn_from_it(
    tmp_path: Path, pipeline: Pipeline, kind: str
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "other.txt").write_text(QATAR)  # an unrelated document, kept as it is

    def write(text: str) -> None:
        if kind == "txt":
            (folder / "a.txt").write_text(text)
        elif kind == "jsonl record":
            (folder / "w.jsonl").write_text(json.dumps({"id": "r1", "text": text}) + "\n")
        elif kind == "csv record":
            (folder / "s.csv").write_text(f'id,text\nr1,"{text}"\n')
        else:
            (folder / "w.jsonl").write_text(json.dumps({"text": text}) + "\n")

    db = tmp_path / "s.duckdb"
    write(IRAN)
    first = ingest([folder], db, pipeline=pipeline)
    assert first.documents_written == 2
    (old_id,) = _q(db, "SELECT id FROM documents WHERE text LIKE 'Iran%'")[0]
    assert ("iran", "SUPPORTS", "houthis") in _edges(db)

    write(RUSSIA)
    edited = ingest([folder], db, pipeline=pipeline)
    assert (edited.documents_written, edited.documents_replaced) == (1, 1)
    assert edited.documents_skipped == 1  # other.txt
    texts = sorted(r[0] for r in _q(db, "SELECT text FROM documents"))
    assert texts == sorted([QATAR, RUSSIA])
    edges = _edges(db)
    assert ("iran", "SUPPORTS", "houthis") not in edges  # the old claims no longer count
    assert any(e[0] == "russia" for e in edges) and ("qatar", "SUPPORTS", "hamas") in edges
    sentences = [r[0] for r in _q(db, "SELECT text FROM sentences")]
    assert sentences and not [t for t in sentences if "Iran" in t]  # the old ones are gone
    assert _q(db, "SELECT count(*) FROM actors WHERE id = 'houthis'") == [(0,)]
    (new_id, story), *_ = _q(db, "SELECT id, story_id FROM documents WHERE text LIKE 'Russia%'")
    assert story == new_id  # a story of its own, not its old version's
    assert (new_id == old_id) == kind.endswith("record")  # a record keeps its id when edited
    if new_id != old_id:
        assert _q(db, f"SELECT count(*) FROM sentences WHERE doc_id = '{old_id}'") == [(0,)]
    _no_orphans(db)
    with Store(db, read_only=True) as store:  # the sorted copies were rebuilt, not left stale
        assert relations_tables(store) == CLUSTERED
        for table in CLUSTERED.values():
            assert store.query(f"SELECT id FROM {table} ORDER BY id") == store.query(
                "SELECT id FROM relations ORDER BY id"
            )

    again = ingest([folder], db, pipeline=pipeline)  # idempotent
    assert (again.documents_written, again.documents_replaced, again.documents_skipped) == (0, 0, 2)


def test_a_text_held_by_two_files_survives_the_edit_of_one(
    tmp_path: Path, pipeline: Pipeline
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(IRAN)
    (folder / "b.txt").write_text(IRAN)  # a copy: one document, two sources
    db = tmp_path / "s.duckdb"
    report = ingest([folder], db, pipeline=pipeline)
    assert (report.documents_written, report.documents_skipped) == (1, 1)
    assert _q(db, "SELECT count(*) FROM sources") == [(2,)]
    (folder / "a.txt").write_text(RUSSIA)
    ingest([folder], db, pipeline=pipeline)
    assert sorted(r[0] for r in _q(db, "SELECT text FROM documents")) == sorted([IRAN, RUSSIA])
    (folder / "b.txt").write_text(RUSSIA)  # now both hold the new text: the old one goes
    edited = ingest([folder], db, pipeline=pipeline)
    assert (edited.documents_written, edited.documents_replaced) == (0, 1)
    assert [r[0] for r in _q(db, "SELECT text FROM documents")] == [RUSSIA]
    _no_orphans(db)


def test_an_edit_back_to_the_first_text_restores_it(tmp_path: Path, pipeline: Pipeline) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    db = tmp_path / "s.duckdb"
    for text in (IRAN, RUSSIA, IRAN):
        (folder / "a.txt").write_text(text)
        ingest([folder], db, pipeline=pipeline)
        assert [r[0] for r in _q(db, "SELECT text FROM documents")] == [text]
        _no_orphans(db)
    assert ("iran", "SUPPORTS", "houthis") in _edges(db)


def test_the_same_folder_named_another_way_is_the_same_source(
    tmp_path: Path, pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(IRAN)
    db = tmp_path / "s.duckdb"
    ingest([folder], db, pipeline=pipeline)
    monkeypatch.chdir(tmp_path)
    (folder / "a.txt").write_text(RUSSIA)
    report = ingest(["./in"], db, pipeline=pipeline)
    assert (report.documents_written, report.documents_replaced) == (1, 1)
    assert [r[0] for r in _q(db, "SELECT text FROM documents")] == [RUSSIA]


def test_a_replacement_that_fails_midway_leaves_the_old_version_whole(
    tmp_path: Path, pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(IRAN)
    db = tmp_path / "s.duckdb"
    ingest([folder], db, pipeline=pipeline)
    before = {t: _q(db, f"SELECT * FROM {t} ORDER BY ALL") for t in ("documents", "relations")}
    store_module = importlib.import_module("dyads.store")
    real = store_module.Store._delete

    def fail_after_deleting(self: Store, ids: list[str]) -> None:
        real(self, ids)
        raise KeyboardInterrupt  # as a Ctrl-C landing inside the transaction would

    monkeypatch.setattr(store_module.Store, "_delete", fail_after_deleting)
    (folder / "a.txt").write_text(RUSSIA)
    with pytest.raises(KeyboardInterrupt):
        ingest([folder], db, pipeline=pipeline)
    assert {t: _q(db, f"SELECT * FROM {t} ORDER BY ALL") for t in before} == before
    monkeypatch.undo()
    ingest([folder], db, pipeline=pipeline)
    assert [r[0] for r in _q(db, "SELECT text FROM documents")] == [RUSSIA]


def test_the_cli_summary_says_what_was_replaced(
    tmp_path: Path, pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    import functools

    import dyads.ingest
    from dyads.cli import main

    monkeypatch.setattr(  # the command imports it when it runs
        dyads.ingest, "ingest", functools.partial(dyads.ingest.ingest, pipeline=pipeline)
    )
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(IRAN)
    db = tmp_path / "s.duckdb"
    args = ["ingest", str(folder), "--db", str(db), "-q"]
    assert CliRunner().invoke(main, args).exit_code == 0
    (folder / "a.txt").write_text(RUSSIA)
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0
    assert "ingested 1 new documents (1 replaced an edited version, 0 already stored" in (
        result.output
    )
    summary = json.loads(CliRunner().invoke(main, [*args, "--json"]).output)
    assert summary["documents_replaced"] == 0 and summary["documents_skipped"] == 1
