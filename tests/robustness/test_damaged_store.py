"""Damaged and foreign stores: a truncated store or one with random bytes mid-file gives one line
E300 naming the file, never a traceback, and an ingest into it never reports success; an ingest
into another application's DuckDB file is refused before anything is added to it."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from dyads.cli import main
from dyads.errors import StoreError
from dyads.ingest import IngestReport, ingest
from dyads.pipeline import Pipeline
from dyads.store import SCHEMA_VERSION, Store

GOOD = "Iran has supplied the Houthis with drones and missiles, officials said."


def _damage(src: Path, dst: Path, how: str) -> Path:
    data = src.read_bytes()
    n = len(data)
    rng = random.Random(7)
    if how == "truncated":
        data = data[: n // 2]
    elif how == "random-bytes":  # every block after the first fifth: whichever a command reads
        lo, hi = n // 5, n * 9 // 10
        data = data[:lo] + rng.randbytes(hi - lo) + data[hi:]
    elif how == "random-block":  # one 64 kB run in the middle of the file
        mid = n // 2
        data = data[:mid] + rng.randbytes(65536) + data[mid + 65536 :]
    dst.write_bytes(data)
    return dst


def _one_line(output: str, *needles: str) -> None:
    lines = [line for line in output.splitlines() if line.strip()]
    assert len(lines) == 1, output
    assert "Traceback" not in output
    for needle in needles:
        assert needle in lines[0], output


COMMANDS = [
    ["docs"],
    ["actors"],
    ["dyad", "Rwanda", "M23"],
    ["supporters", "Houthis"],
    ["leverage", "Pakistan", "Taliban"],
    ["ask", "Who supports the Houthis?"],
    ["relations"],
    ["export", "--format", "jsonl", "-o", "{tmp}/out.jsonl"],
]


@pytest.mark.parametrize("how", ["truncated", "random-bytes"])
@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: a[0] + (f" {a[1]}" if a[1:] else ""))
def test_a_damaged_store_is_one_line_e300_naming_the_file(
    samples_db: tuple[Path, IngestReport], tmp_path: Path, how: str, args: list[str]
) -> None:
    db = _damage(samples_db[0], tmp_path / "damaged.duckdb", how)
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    result = CliRunner().invoke(main, [*args, "--db", str(db)])
    assert result.exit_code == 2, result.output
    _one_line(result.output, "[E300]", "damaged.duckdb", "damaged")


@pytest.mark.parametrize("how", ["truncated", "random-bytes", "random-block"])
def test_an_ingest_into_a_damaged_store_never_reports_success(
    samples_db: tuple[Path, IngestReport], tmp_path: Path, how: str, pipeline: Pipeline
) -> None:
    db = _damage(samples_db[0], tmp_path / "damaged.duckdb", how)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    with pytest.raises(StoreError, match=r"damaged\.duckdb.*damaged"):
        ingest([folder], db, pipeline=pipeline)
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(db), "-q"])
    assert result.exit_code == 2
    _one_line(result.output, "[E300]", "damaged.duckdb")
    assert "ingested" not in result.output


def test_a_store_error_while_building_the_sorted_copies_is_not_a_warning(
    tmp_path: Path, pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only running out of memory is a warning there (the copies are an optimisation); a store
    that fails DuckDB's checksums must not end an ingest that says it succeeded."""
    import importlib

    ingest_module = importlib.import_module("dyads.ingest")

    def corrupt(store: Store) -> None:
        raise duckdb.Error("Corrupt database file: computed checksum 1 does not match stored 2")

    monkeypatch.setattr(ingest_module, "ensure_indexes", corrupt)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    with pytest.raises(StoreError, match="Corrupt database file"):
        ingest_module.ingest([folder], tmp_path / "s.duckdb", pipeline=pipeline)


def _foreign(path: Path) -> Path:
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE invoices (id INTEGER, amount DOUBLE)")
    con.execute("INSERT INTO invoices VALUES (1, 9.5), (2, 12.0)")
    con.execute("CREATE TABLE meta (key VARCHAR, value VARCHAR)")  # a table name we use too
    con.close()
    return path


def _tables(path: Path) -> list[tuple[str, int]]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        names = [r[0] for r in con.execute("SHOW TABLES").fetchall()]
        return [(n, con.execute(f"SELECT count(*) FROM {n}").fetchall()[0][0]) for n in names]
    finally:
        con.close()


def test_an_ingest_into_another_applications_duckdb_file_is_refused(
    tmp_path: Path, pipeline: Pipeline
) -> None:
    db = _foreign(tmp_path / "accounts.duckdb")
    before = _tables(db)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    with pytest.raises(StoreError, match="not a dyads store"):
        ingest([folder], db, pipeline=pipeline)
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(db), "-q"])
    assert result.exit_code == 2
    _one_line(result.output, "[E300]", "accounts.duckdb", "not a dyads store", "invoices")
    assert _tables(db) == before
    for args in (["docs"], ["dyad", "Iran", "Houthis"]):
        read = CliRunner().invoke(main, [*args, "--db", str(db)])
        assert read.exit_code == 2
        _one_line(read.output, "[E300]", "accounts.duckdb", "not a dyads store")


def test_an_empty_duckdb_file_becomes_a_store(tmp_path: Path, pipeline: Pipeline) -> None:
    db = tmp_path / "empty.duckdb"
    duckdb.connect(str(db)).close()
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    assert ingest([folder], db, pipeline=pipeline).documents_written == 1


def test_a_store_of_another_schema_version_is_refused_untouched(
    samples_db: tuple[Path, IngestReport], tmp_path: Path
) -> None:
    db = tmp_path / "old.duckdb"
    shutil.copy(samples_db[0], db)
    con = duckdb.connect(str(db))
    con.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    con.close()
    before = _tables(db)
    for read_only in (True, False):
        with pytest.raises(
            StoreError, match=f"schema version 2, this dyads needs {SCHEMA_VERSION}"
        ):
            Store(db, read_only=read_only)
    assert _tables(db) == before


def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text(GOOD)
    result = CliRunner().invoke(main, ["ingest", str(notes), "--db", str(notes), "-q"])
    assert result.exit_code == 2
    _one_line(result.output, "[E300]", "notes.txt")
    assert notes.read_text() == GOOD
