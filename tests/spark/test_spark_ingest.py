"""The Spark ingest equals the local ingest, table for table, row for row, id for id."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from dyads.cli import main
from dyads.store import SORTED_STAMP, Store
from dyads.store.clustered import CLUSTERED, relations_tables
from dyads.store.schema import TABLES

from .conftest import BAD_FILES, Runs


@pytest.mark.parametrize("table", [*TABLES, *CLUSTERED.values()])
def test_spark_table_equals_local_ingest(runs: Runs, table: str) -> None:
    query = f"SELECT * FROM {table} ORDER BY ALL"
    with Store(runs.local_db, read_only=True) as local, Store(runs.output, read_only=True) as spark:
        want, got = local.con.execute(query).fetchall(), spark.con.execute(query).fetchall()
        if table == "meta":  # a Parquet store keeps its sorted copies' stamp in meta
            got = [row for row in got if row[0] != SORTED_STAMP]
        assert got == want
        assert len(got) > 0
        columns = f"SELECT column_name, column_type FROM (DESCRIBE {table})"  # no keys: views
        assert spark.con.execute(columns).fetchall() == local.con.execute(columns).fetchall()


def test_spark_stories_join_copies_as_local_ingest(runs: Runs) -> None:
    with Store(runs.output, read_only=True) as spark:
        (joined,) = spark.con.execute(
            "SELECT count(*) FROM documents WHERE story_id <> id"
        ).fetchall()[0:1]
    assert joined[0] >= 1  # the scraped copy of the Congo article joins its story


def test_bad_files_land_in_errors_and_the_rest_is_stored(runs: Runs) -> None:
    want = [str(err) for err in runs.local.errors]
    assert len(want) == len(BAD_FILES) + 1  # and the line that is not JSON
    with Store(runs.output, read_only=True) as spark:
        errors = spark.query(f"SELECT * FROM read_parquet('{runs.output}/errors/*.parquet')")
        (n,) = spark.con.execute("SELECT count(*) FROM documents").fetchall()[0]
    assert sorted(e["message"] for e in errors) == sorted(want)
    assert {e["code"] for e in errors} == {err.code for err in runs.local.errors}
    assert runs.report.errors == len(want)  # type: ignore[attr-defined]
    assert n == runs.local.counts["documents"]


def test_sorted_copies_of_a_spark_output_are_used(runs: Runs) -> None:
    with Store(runs.output, read_only=True) as spark:
        assert relations_tables(spark) == CLUSTERED


@pytest.mark.parametrize(
    "args",
    [
        ["dyad", "Rwanda", "M23", "--json"],
        ["top", "--json"],
        ["supporters", "Houthis", "--json"],
        ["leverage", "Iran", "Houthis", "--json"],
    ],
    ids=lambda a: a[0],
)
def test_read_commands_answer_the_same_on_the_parquet_folder(runs: Runs, args: list[str]) -> None:
    runner = CliRunner()
    local = runner.invoke(main, [*args, "--db", str(runs.local_db)])
    spark = runner.invoke(main, [*args, "--db", str(runs.output)])
    assert local.exit_code == 0, local.output
    assert spark.exit_code == 0, spark.output
    drop = {str(runs.local_db): "DB", str(runs.output): "DB"}
    texts = [local.output, spark.output]
    for old, new in drop.items():
        texts = [t.replace(old, new) for t in texts]
    assert json.loads(texts[1]) == json.loads(texts[0])


def test_spark_ingest_command(runs: Runs, tmp_path) -> None:  # type: ignore[no-untyped-def]
    runner = CliRunner()
    out = tmp_path / "cli-out"
    result = runner.invoke(
        main,
        ["spark", "ingest", str(runs.corpus / "bad"), str(out), "--master", "local[2]", "--json"],
    )
    assert result.exit_code == 1  # bad input: reported, the rest stored
    summary = json.loads(result.stdout)
    assert summary["errors"] == len(BAD_FILES) + 1
    assert summary["tables"]["documents"] == 2
    assert "[E103]" in result.stderr
