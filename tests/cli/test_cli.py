"""The command line end to end on the sample corpus."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from dyads.cli import main
from dyads.ingest import IngestReport
from dyads.records import MODALITIES, POLARITIES, RELATION_TYPES, SUPPORT_KINDS

from ..conftest import SAMPLES


def run(*args: str) -> tuple[int, str, str]:
    res = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return res.exit_code, res.stdout, res.stderr


def _valid_record(rec: dict[str, object]) -> None:
    assert rec["relation"] in RELATION_TYPES
    assert rec["modality"] in MODALITIES and rec["polarity"] in POLARITIES
    assert all(k in SUPPORT_KINDS for k in rec["kinds"])  # type: ignore[attr-defined]
    if rec["relation"] != "SUPPORTS":
        assert rec["kinds"] == []
    for side in ("source", "target"):
        actor = rec[side]
        assert isinstance(actor, dict) and actor["id"] and actor["name"] and actor["type"]
    ev = rec["evidence"]
    assert isinstance(ev, dict) and set(ev) == {"doc", "sentence", "start", "end"}
    assert 0 <= ev["start"] < ev["end"]
    assert 0.0 < rec["confidence"] <= 1.0  # type: ignore[operator]


def test_extract_prints_valid_records_for_the_samples() -> None:
    code, out, _ = run("extract", str(SAMPLES))
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) > 100
    for rec in records:
        _valid_record(rec)
    assert {r["relation"] for r in records} == set(RELATION_TYPES)
    assert len({r["id"] for r in records}) == len(records)


def test_extract_reports_a_bad_file_and_goes_on(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Iran has supplied the Houthis with drones.")
    (tmp_path / "bad.jsonl").write_text("{oops\n")
    code, out, err = run("extract", str(tmp_path))
    assert code == 1
    assert "bad.jsonl:1" in err and "invalid JSON" in err
    (rec,) = [json.loads(x) for x in out.splitlines()]
    assert (rec["source"]["id"], rec["relation"], rec["target"]["id"]) == (
        "iran",
        "SUPPORTS",
        "houthis",
    )


def test_ingest_twice_leaves_the_same_counts(tmp_path: Path) -> None:
    db = tmp_path / "x.duckdb"
    code1, out1, _ = run("ingest", str(SAMPLES), "--db", str(db), "--json")
    code2, out2, _ = run("ingest", str(SAMPLES), "--db", str(db), "--json")
    assert code1 == code2 == 0
    first, second = json.loads(out1), json.loads(out2)
    assert first["store"] == second["store"]
    assert second["documents_written"] == 0 and first["documents_written"] >= 18


def test_query_commands_read_the_store(samples_db: tuple[Path, IngestReport]) -> None:
    db = str(samples_db[0])
    code, out, _ = run("actors", "--db", db, "--json")
    actors = json.loads(out)
    assert code == 0 and {"iran", "houthis", "rsf", "m23"} <= {a["id"] for a in actors} | {
        a["id"] for a in json.loads(run("actors", "--db", db, "--json", "--limit", "0")[1])
    }
    code, out, _ = run("actor", "IRGC", "--db", db, "--json")
    prof = json.loads(out)
    assert code == 0 and prof["id"] == "irgc" and prof["parent"]["id"].startswith("iran")
    assert prof["mentions"]
    code, out, _ = run(
        "relations", "--type", "SUPPORTS", "--target", "Houthis", "--db", db, "--json"
    )
    rels = json.loads(out)
    assert (
        code == 0
        and rels
        and all(r["relation"] == "SUPPORTS" and r["target"]["id"] == "houthis" for r in rels)
    )
    code, out, _ = run("dyad", "Iran", "Houthis", "--db", db, "--json")
    d = json.loads(out)
    assert code == 0 and d["groups"]
    assert all({g["source"]["id"], g["target"]["id"]} == {"iran", "houthis"} for g in d["groups"])
    assert all(g["evidence"] for g in d["groups"])


def test_dyad_text_shows_stories_and_evidence(samples_db: tuple[Path, IngestReport]) -> None:
    code, out, _ = run("dyad", "Rwanda", "M23", "--db", str(samples_db[0]))
    assert code == 0
    assert "SUPPORTS" in out and "stories (" in out


def test_unknown_actor_is_one_clear_line(samples_db: tuple[Path, IngestReport]) -> None:
    code, _, err = run("actor", "Atlantis Liberation Front", "--db", str(samples_db[0]))
    assert code == 2
    assert err.strip().count("\n") == 0 and "no actor called" in err


def test_docs_lists_every_document_with_story_and_scramble(
    samples_db: tuple[Path, IngestReport],
) -> None:
    code, out, _ = run("docs", "--db", str(samples_db[0]), "--json")
    docs = json.loads(out)
    assert code == 0 and len(docs) >= 19
    assert all({"location", "title", "date", "story_id", "scramble"} <= set(d) for d in docs)


def test_story_window_must_be_positive(tmp_path: Path) -> None:
    code, _, err = run(
        "ingest", str(SAMPLES), "--db", str(tmp_path / "x.duckdb"), "--story-window", "0"
    )
    assert code == 2 and "--story-window" in err
    assert not (tmp_path / "x.duckdb").exists()  # refused before anything was opened


def test_table_cells_for_long_lists_and_values_not_computed() -> None:
    from dyads.cli.analysis_cmds import _first, _or_dash

    ids = [f"a{i}" for i in range(11)]
    assert _first(ids) == "a0, a1, a2, a3, a4, a5, a6, a7 and 3 more"
    assert _first(ids[:8]) == "a0, a1, a2, a3, a4, a5, a6, a7"
    assert _or_dash(None) == "-" and _or_dash(0.0) == 0.0
