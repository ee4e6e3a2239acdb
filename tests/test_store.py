"""The store: round trip, idempotence, batches in transactions, read-only access."""

from __future__ import annotations

import importlib
from pathlib import Path

import duckdb
import pytest

from dyads.errors import StoreError
from dyads.ingest import IngestReport, ingest
from dyads.pipeline import Pipeline
from dyads.settings import Settings
from dyads.store import Store

from .conftest import SAMPLES


def test_round_trip_keeps_offsets_into_the_original_text(
    samples_db: tuple[Path, IngestReport],
) -> None:
    db, _ = samples_db
    with Store(db, read_only=True) as store:
        rows = store.query(
            'SELECT r.evidence, r.start, r."end", d.text FROM relations r JOIN documents d ON d.id = r.doc_id'
        )
        assert rows
        for r in rows:
            assert 0 <= r["start"] < r["end"] <= len(r["text"])
            original = set(r["text"][r["start"] : r["end"]].split())
            words = r["evidence"].split()
            # the evidence is the repaired sentence; its span in the original holds (nearly) its words
            assert sum(w in original for w in words) / len(words) > 0.7, r["evidence"]
        sentences = store.query(
            'SELECT s.text, s.start, s."end", d.text AS doc FROM sentences s JOIN documents d ON d.id = s.doc_id'
        )
        exact = sum(1 for s in sentences if s["doc"][s["start"] : s["end"]] == s["text"])
        assert exact / len(sentences) > 0.9  # only repaired sentences differ


def test_every_relation_points_at_stored_actors_and_documents(
    samples_db: tuple[Path, IngestReport],
) -> None:
    db, _ = samples_db
    with Store(db, read_only=True) as store:
        orphans = store.query(
            """SELECT count(*) AS n FROM relations r
               WHERE r.source_id NOT IN (SELECT id FROM actors) OR r.target_id NOT IN (SELECT id FROM actors)
                  OR r.doc_id NOT IN (SELECT id FROM documents)"""
        )
        assert orphans[0]["n"] == 0


def test_ingesting_twice_stores_nothing_twice(tmp_path: Path, pipeline: Pipeline) -> None:
    db = tmp_path / "twice.duckdb"
    first = ingest([SAMPLES], db, pipeline=pipeline)
    second = ingest([SAMPLES], db, pipeline=pipeline)
    assert first.documents_written > 12
    assert second.documents_written == 0
    assert second.documents_skipped == first.documents_written
    assert first.counts == second.counts


@pytest.mark.parametrize(("recent", "chunk"), [(10_000, 256), (1, 2)])
def test_a_document_repeated_in_one_run_is_stored_once(
    tmp_path: Path, pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch, recent: int, chunk: int
) -> None:
    """Repeats are skipped before they are parsed whether they are still in flight (the run's
    recent ids) or already stored (looked up in the store, chunk by chunk: memory does not grow
    with the run)."""
    module = importlib.import_module("dyads.ingest")  # (``dyads.ingest`` is also the function)
    monkeypatch.setattr(module, "RECENT_IDS", recent)
    monkeypatch.setattr(module, "LOOKUP_CHUNK", chunk)
    folder = tmp_path / "in"
    folder.mkdir()
    texts = {
        "a": "Iran armed the Houthis, officials said.",
        "b": "Rwanda backs the M23 rebels, a UN report found.",
        "c": "Iran armed the Houthis, officials said.",
        "d": "Pakistan's military shelters the Taliban, analysts say.",
        "e": "Iran armed the Houthis, officials said.",
    }
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    settings = Settings().with_(docs_per_batch=1, n_process=1)
    monkeypatch.setattr(pipeline, "settings", settings)  # one document in flight at a time
    report = ingest([folder], tmp_path / "r.duckdb", settings, pipeline=pipeline)
    assert (report.documents_read, report.documents_written, report.documents_skipped) == (5, 3, 2)
    assert report.timings.documents == 3  # the repeats were never parsed
    assert report.counts["documents"] == 3


def test_the_store_is_plain_duckdb_and_exports_to_parquet(
    samples_db: tuple[Path, IngestReport], tmp_path: Path
) -> None:
    db, _ = samples_db
    con = duckdb.connect(str(db), read_only=True)
    out = tmp_path / "relations.parquet"
    con.execute(f"COPY relations TO '{out}' (FORMAT parquet)")
    n = con.execute("SELECT count(*) FROM relations").fetchone()
    con.close()
    assert duckdb.sql(f"SELECT count(*) FROM '{out}'").fetchall()[0] == n


def test_opening_a_missing_store_read_only_says_how_to_make_one(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="dyads ingest"):
        Store(tmp_path / "nope.duckdb", read_only=True)


def test_fingerprints_of_the_last_documents_come_in_insertion_order(tmp_path: Path) -> None:
    with Store(tmp_path / "fp.duckdb") as store:
        for i in (3, 1, 2, 0):  # ids out of order: only insertion order counts
            store.con.execute(
                "INSERT INTO documents (id, story_id, fingerprint) VALUES (?, ?, ?)",
                [f"d{i}", f"s{i}", [i, i + 10]],
            )
        assert list(store.fingerprints(last=2)) == [("d2", "s2", [2, 12]), ("d0", "s0", [0, 10])]
        assert [d for d, _, _ in store.fingerprints()] == ["d3", "d1", "d2", "d0"]
        assert store.known_documents(["d0", "d2", "dx"]) == {"d0", "d2"}
