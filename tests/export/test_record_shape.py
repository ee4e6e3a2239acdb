"""One relation record shape everywhere: ``dyads extract``, ``dyads relations`` and the JSONL,
CSV and Parquet exports carry the fields of ``Relation.to_dict()`` (README, "The relation
record"); flat formats name nested fields with ``_``; the exports' additions are documented."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import duckdb
import pytest
from click.testing import CliRunner

import dyads
from dyads.cli import main
from dyads.export import export
from dyads.export.records import (
    ADDED_COLUMNS,
    EXPORT_COLUMNS,
    RECORD_COLUMNS,
    nest,
    strip_added,
)
from dyads.ingest import IngestReport
from dyads.pipeline import Pipeline
from dyads.records import ActorRef, Evidence, ProcessedDocument, Relation
from dyads.sources import read_paths

from ..conftest import ROOT, SAMPLES
from .handstore import make_store

#: A record with every nested object filled in (attribution, PLOVER event).
FULL = Relation(
    "SUPPORTS",
    ActorRef("iran", "Iran", "state", "IRN", "Tehran"),
    ActorRef("houthis", "Houthis", "armed_group", "YEM", "the rebels"),
    Evidence("d1", "Tehran arms the rebels.", 0, 23, 0),
    kinds=("weapons",),
    attributed_to=ActorRef("un", "United Nations", "igo"),
    event="AID",
    mode="military",
).to_dict()


def flatten(rec: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in rec.items():
        if isinstance(v, dict):
            out.update({f"{k}_{sub}": x for sub, x in v.items()})
        else:
            out[k] = v
    return out


def shape(rec: dict[str, Any]) -> dict[str, Any]:
    """The keys of ``rec``, nested objects as their own key lists (null objects as None)."""
    return {k: (list(v) if isinstance(v, dict) else None) for k, v in rec.items()}


def run(*args: str) -> str:
    res = CliRunner().invoke(main, list(args))
    assert res.exit_code == 0, res.output
    return res.output


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_store(tmp_path_factory.mktemp("shape") / "hand.duckdb")


def jsonl_records(db: Path, out: Path) -> list[dict[str, Any]]:
    with dyads.open(db) as store:
        (path,) = export(store, "jsonl", out / "x.jsonl")
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def test_the_flat_columns_are_the_record_flattened() -> None:
    from dyads.export.tables import CLAIM_COLUMNS

    assert tuple(flatten(FULL)) == RECORD_COLUMNS
    assert tuple(CLAIM_COLUMNS) == EXPORT_COLUMNS  # the SQL follows the record, in its order
    assert "source_mention" in RECORD_COLUMNS and "plover_event" in RECORD_COLUMNS
    assert nest(dict.fromkeys(EXPORT_COLUMNS), added=False).keys() == FULL.keys()


def test_jsonl_records_are_the_relation_record_plus_the_additions(db: Path, tmp_path: Path) -> None:
    recs = jsonl_records(db, tmp_path)
    assert len(recs) == 8
    for rec in recs:
        if rec["attributed_to"] and rec["plover"]:
            assert sorted(flatten(rec)) == sorted(EXPORT_COLUMNS)
        bare = strip_added(rec)
        assert list(bare) == list(FULL)
        for key, keys in shape(FULL).items():
            if bare[key] is not None:
                assert shape(bare)[key] == keys, key
    by_id = {r["id"]: r for r in recs}
    deny = by_id["c-deny"]
    assert deny["attributed_to"] == {"id": "iran.government", "name": "Government of Iran"}
    assert deny["source"]["mention"] == "Tehran" and deny["source"]["rollup"] == "iran"
    assert deny["plover"] == {"event": "AID", "mode": None} and deny["counted"] is False
    assert by_id["c-accuse"]["plover"] == {"event": "ACCUSE", "mode": "disapprove"}
    assert by_id["c-lead"]["plover"] is None and by_id["c-lead"]["attributed_to"] is None
    assert by_id["c-strike"]["source"]["generic"] is True
    assert by_id["c-bomb"]["source"]["generic"] is False
    # rounded as Relation.to_dict rounds (Python's round: 0.5625 -> 0.562, DuckDB's: 0.563)
    assert by_id["c-arms"]["confidence"] == round(0.75 * 0.75, 3) == 0.562
    assert by_id["c-arms"]["document"]["story_id"] == "s1"
    assert by_id["c-arms"]["evidence"] == {
        "doc": "d1",
        "sentence": "Iran arms and funds the Houthis.",
        "start": 0,
        "end": 32,
        "index": 0,
    }


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_flat_exports_have_the_documented_columns(db: Path, tmp_path: Path, fmt: str) -> None:
    with dyads.open(db) as store:
        export(store, fmt, tmp_path / fmt)
    table = tmp_path / fmt / f"relations.{fmt}"
    if fmt == "csv":
        with table.open(newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        assert tuple(rows[0]) == EXPORT_COLUMNS
        row = next(r for r in rows if r["id"] == "c-accuse")
        assert row["plover_event"] == "ACCUSE" and row["attributed_to_name"] == "Saudi Arabia"
        assert row["source_mention"] == "Riyadh" and row["source_generic"] == "false"
    else:
        rel = duckdb.connect().sql(f"SELECT * FROM '{table}'")
        assert tuple(rel.columns) == EXPORT_COLUMNS
        row = dict(zip(rel.columns, rel.filter("id = 'c-arms'").fetchall()[0], strict=True))
        assert row["kinds"] == ["weapons", "funding"] and row["confidence"] == 0.562


def test_relations_json_prints_the_records_of_the_jsonl_export(db: Path, tmp_path: Path) -> None:
    exported = {r["id"]: r for r in jsonl_records(db, tmp_path)}
    printed = json.loads(run("relations", "--db", str(db), "--json", "--limit", "0"))
    assert {r["id"]: r for r in printed} == exported
    rows = list(csv.DictReader(io.StringIO(run("relations", "--db", str(db), "--csv"))))
    assert tuple(rows[0]) == EXPORT_COLUMNS
    lines = [json.loads(x) for x in run("relations", "--db", str(db), "--nl").splitlines()]
    assert tuple(lines[0]) == EXPORT_COLUMNS and len(lines) == len(rows) == 8
    supports = json.loads(
        run("relations", "--db", str(db), "--json", "--type", "SUPPORTS", "--source", "Tehran")
    )
    assert [r["id"] for r in supports] == ["c-deny"]


def test_extract_and_the_store_give_the_same_records(
    pipeline: Pipeline, samples_db: tuple[Path, IngestReport], tmp_path: Path
) -> None:
    extracted = {
        rel.id: json.loads(json.dumps(rel.to_dict()))
        for doc in pipeline.run(read_paths([SAMPLES]))
        if isinstance(doc, ProcessedDocument)
        for rel in doc.relations
    }
    exported = {r["id"]: strip_added(r) for r in jsonl_records(samples_db[0], tmp_path)}
    assert len(exported) > 200
    assert exported == extracted
    printed = json.loads(run("relations", "--db", str(samples_db[0]), "--json", "--limit", "0"))
    assert {r["id"]: strip_added(r) for r in printed} == extracted


def test_the_columns_are_documented() -> None:
    doc = (ROOT / "docs" / "exports.md").read_text("utf-8")
    missing = [c for c in EXPORT_COLUMNS if f"`{c}`" not in doc]
    assert not missing, f"docs/exports.md does not name {missing}"
    assert all(f"`{c}`" in doc for c in ADDED_COLUMNS)


def test_golden_jsonl_csv_and_relations_json(db: Path, tmp_path: Path, golden: Any) -> None:
    with dyads.open(db) as store:
        (path,) = export(store, "jsonl", tmp_path / "x.jsonl")
        export(store, "csv", tmp_path / "csv")
    golden("relations.jsonl", path.read_text("utf-8"))
    golden("relations.csv", (tmp_path / "csv" / "relations.csv").read_text("utf-8"))
    golden("relations-json.json", run("relations", "--db", str(db), "--json", "--limit", "0"))
