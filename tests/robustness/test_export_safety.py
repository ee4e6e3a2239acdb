"""Writing files: an export never overwrites the store, a DuckDB file, or (without --force) any
existing file; a path of the wrong kind and a negative count are one-line usage errors; CSV cells
that a spreadsheet would run as a formula are neutralised."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyads.cli import main
from dyads.errors import OutputError
from dyads.export import export
from dyads.ingest import IngestReport, ingest
from dyads.pipeline import Pipeline
from dyads.store import Store

from .conftest import table_rows


@pytest.fixture()
def store_copy(samples_db: tuple[Path, IngestReport], tmp_path: Path) -> Path:
    db = tmp_path / "store.duckdb"
    shutil.copy(samples_db[0], db)
    return db


def _one_error_line(result: object, code: str, *needles: str) -> str:
    output = result.output  # type: ignore[attr-defined]
    lines = [line for line in output.splitlines() if line.strip()]
    assert len(lines) == 1, output
    assert lines[0].startswith(f"dyads: [{code}]"), output
    assert "Traceback" not in output
    for needle in needles:
        assert needle in lines[0], output
    return lines[0]


@pytest.mark.parametrize("fmt", ["jsonl", "graphml", "plover"])
@pytest.mark.parametrize("force", [False, True])
def test_export_onto_the_store_itself_is_refused_and_the_store_kept(
    store_copy: Path, fmt: str, force: bool
) -> None:
    before = table_rows(store_copy)
    args = ["export", "--db", str(store_copy), "--format", fmt, "-o", str(store_copy)]
    result = CliRunner().invoke(main, args + (["--force"] if force else []))
    assert result.exit_code == 2
    _one_error_line(result, "E500", "store.duckdb", "the store")
    assert table_rows(store_copy) == before


def test_export_onto_another_duckdb_file_is_refused_even_with_force(
    store_copy: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.db"
    shutil.copy(store_copy, other)
    before = other.read_bytes()
    result = CliRunner().invoke(
        main, ["export", "--db", str(store_copy), "--format", "gexf", "-o", str(other), "--force"]
    )
    assert result.exit_code == 2
    _one_error_line(result, "E500", "other.db", "DuckDB")
    assert other.read_bytes() == before


def test_an_existing_file_is_overwritten_only_with_force(store_copy: Path, tmp_path: Path) -> None:
    notes = tmp_path / "notes.jsonl"
    notes.write_text("my notes\n")
    args = ["export", "--db", str(store_copy), "--format", "jsonl", "-o", str(notes)]
    refused = CliRunner().invoke(main, args)
    assert refused.exit_code == 2
    _one_error_line(refused, "E500", "notes.jsonl", "--force")
    assert notes.read_text() == "my notes\n"
    forced = CliRunner().invoke(main, [*args, "--force"])
    assert forced.exit_code == 0, forced.output
    assert json.loads(notes.read_text().splitlines()[0])["relation"]


def test_a_directory_format_refuses_a_non_empty_directory_without_force(
    store_copy: Path, tmp_path: Path
) -> None:
    out = tmp_path / "csv"
    args = ["export", "--db", str(store_copy), "--format", "csv", "-o", str(out)]
    assert CliRunner().invoke(main, args).exit_code == 0  # a new directory
    again = CliRunner().invoke(main, args)
    assert again.exit_code == 2
    _one_error_line(again, "E500", "csv", "--force")
    assert CliRunner().invoke(main, [*args, "--force"]).exit_code == 0
    empty = tmp_path / "empty"
    empty.mkdir()
    ok = CliRunner().invoke(main, [*args[:-1], str(empty)])
    assert ok.exit_code == 0 and (empty / "relations.csv").exists()


def test_a_path_of_the_wrong_kind_is_a_one_line_error(store_copy: Path, tmp_path: Path) -> None:
    folder = tmp_path / "adir"
    folder.mkdir()
    to_dir = CliRunner().invoke(
        main, ["export", "--db", str(store_copy), "--format", "jsonl", "-o", str(folder)]
    )
    assert to_dir.exit_code == 2
    _one_error_line(to_dir, "E500", "adir", "is a directory")
    a_file = tmp_path / "afile"
    a_file.write_text("x")
    to_file = CliRunner().invoke(
        main, ["export", "--db", str(store_copy), "--format", "csv", "-o", str(a_file), "--force"]
    )
    assert to_file.exit_code == 2
    _one_error_line(to_file, "E500", "afile", "not a directory")
    assert a_file.read_text() == "x"


def test_the_library_raises_output_error(store_copy: Path) -> None:
    with Store(store_copy, read_only=True) as store, pytest.raises(OutputError, match="the store"):
        export(store, "jsonl", store_copy)


@pytest.mark.parametrize(
    "args",
    [
        ["actors", "--limit", "-1"],
        ["relations", "--limit", "-5"],
        ["top", "-n", "-3"],
        ["supporters", "houthis", "--limit", "-2"],
        ["supported-by", "iran", "--limit", "-2"],
        ["path", "Iran", "Houthis", "-k", "-1"],
        ["path", "Iran", "Houthis", "--max-hops", "-1"],
        ["leverage", "Iran", "Houthis", "--top", "-1"],
        ["ask", "Who supports the Houthis?", "--evidence", "-1"],
    ],
    ids=lambda a: " ".join(a),
)
def test_a_negative_count_is_a_one_line_usage_error(
    samples_db: tuple[Path, IngestReport], args: list[str]
) -> None:
    result = CliRunner().invoke(main, [*args, "--db", str(samples_db[0])])
    assert result.exit_code == 2
    _one_error_line(result, "E001", args[-2], "0 or more")


@pytest.fixture()
def formula_db(tmp_path: Path, pipeline: Pipeline) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    rec = {
        "id": "=1+1",
        "title": '=HYPERLINK("http://example.com","click")',
        "source": "+cmd|' /C calc'!A0",
        "url": "@SUM(1,1)",
        "text": "Iran has supplied the Houthis with drones and missiles, officials said.",
    }
    (folder / "-w.jsonl").write_text(json.dumps(rec) + "\n", encoding="utf-8")
    db = tmp_path / "f.duckdb"
    assert ingest([folder], db, pipeline=pipeline).documents_written == 1
    return db


def test_csv_cells_that_would_run_as_formulas_get_a_leading_apostrophe(
    formula_db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "csv"
    result = CliRunner().invoke(
        main, ["export", "--db", str(formula_db), "--format", "csv", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    cells = {}
    for name in ("documents.csv", "relations.csv"):
        with (out / name).open(newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                cells.update({(name, k): v for k, v in row.items()})
    risky = [v for v in cells.values() if v[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert not risky, risky
    assert cells[("documents.csv", "title")] == '\'=HYPERLINK("http://example.com","click")'
    assert cells[("documents.csv", "outlet")] == "'+cmd|' /C calc'!A0"
    assert cells[("documents.csv", "url")] == "'@SUM(1,1)"
    assert cells[("documents.csv", "path")].startswith("/")  # not neutralised: does not start so
    assert float(cells[("relations.csv", "confidence")]) > 0  # numbers are left as numbers


def test_exports_doc_states_the_overwrite_and_formula_rules() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "exports.md").read_text("utf-8")
    assert "--force" in doc and "apostrophe" in doc
