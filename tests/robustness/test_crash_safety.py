"""Crash safety: a killed ingest, run again, ends with exactly the rows of an uninterrupted one;
Ctrl-C stops after the current batch; a store in use gives a clear StoreBusy, never damage.

The kill and the interrupt land at a random moment after the first commit: what the tests assert
holds wherever they land, so they do not depend on timing.
"""

from __future__ import annotations

import importlib
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from dyads.cli import main
from dyads.errors import StoreBusy
from dyads.pipeline import Pipeline
from dyads.store import Store
from dyads.store.clustered import CLUSTERED, relations_tables

from .conftest import child_env, dyads_cmd, run_dyads, table_rows, write_corpus

BATCH = "4"  # documents per transaction in the child runs: ten commits for 40 documents


def _uninterrupted(folder: Path, db: Path) -> dict[str, object]:
    """The reference run, by the same command as the interrupted one (not in-process: the test
    then compares one code path with itself)."""
    result = run_dyads(
        "ingest", str(folder), "--db", str(db), "-q", env=child_env(DYADS_BATCH=BATCH)
    )
    assert result.returncode == 0, result.stderr
    rows = table_rows(db)
    assert rows["documents"] == 40
    return rows


@pytest.fixture(scope="module")
def corpus_and_rows(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object]]:
    """The 40-document corpus and the rows of one uninterrupted ingest of it."""
    base = tmp_path_factory.mktemp("crash")
    folder = base / "corpus"
    write_corpus(folder, 40)
    return folder, _uninterrupted(folder, base / "whole.duckdb")


def _precreate(db: Path) -> Path:
    """An empty store, checkpointed: its write-ahead log appears with the first commit."""
    Store(db).close()
    return Path(str(db) + ".wal")


def _wait_for_first_commit(proc: subprocess.Popen[str], wal: Path, limit: float = 120) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and proc.poll() is None:
        if wal.exists() and wal.stat().st_size > 0:
            return
        time.sleep(0.02)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_sigkill_at_a_random_point_then_rerun_gives_the_rows_of_an_uninterrupted_run(
    corpus_and_rows: tuple[Path, dict[str, object]], tmp_path: Path, workers: str
) -> None:
    small_corpus, expected = corpus_and_rows
    db = tmp_path / "killed.duckdb"
    wal = _precreate(db)
    env = child_env(DYADS_BATCH=BATCH)
    proc = subprocess.Popen(
        dyads_cmd("ingest", str(small_corpus), "--db", str(db), "-q", "-j", workers),
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    _wait_for_first_commit(proc, wal)
    time.sleep(random.uniform(0, 1.5))
    proc.kill()  # SIGKILL: no handler, no cleanup
    proc.communicate(timeout=60)
    partial = table_rows(db)  # a killed store opens and holds whole batches only
    assert int(partial["documents"]) % int(BATCH) == 0 or partial["documents"] == 40  # type: ignore[call-overload]
    rerun = run_dyads("ingest", str(small_corpus), "--db", str(db), "-q", "-j", workers, env=env)
    assert rerun.returncode == 0, rerun.stderr
    assert table_rows(db) == expected


def test_sigkill_while_edited_records_replace_their_documents_then_rerun(
    tmp_path: Path,
) -> None:
    """Every record of the corpus edited (same ids, new texts): a killed ingest leaves each
    record's old or new version, whole, never both and never neither, and a re-run ends with the
    rows of an uninterrupted one."""
    env = child_env(DYADS_BATCH=BATCH)
    first, edited = tmp_path / "first", tmp_path / "edited"
    write_corpus(first, 40)
    write_corpus(edited, 40, seed=3)  # the same ids d0000..d0039, other texts
    corpus = tmp_path / "corpus" / "corpus.jsonl"
    corpus.parent.mkdir()

    def run(db: Path) -> None:
        result = run_dyads("ingest", str(corpus.parent), "--db", str(db), "-q", env=env)
        assert result.returncode == 0, result.stderr

    clean = tmp_path / "clean.duckdb"
    corpus.write_bytes((first / "corpus.jsonl").read_bytes())
    run(clean)
    killed = tmp_path / "killed.duckdb"
    run(killed)
    corpus.write_bytes((edited / "corpus.jsonl").read_bytes())
    run(clean)
    expected = table_rows(clean)
    wal = Path(str(killed) + ".wal")
    proc = subprocess.Popen(
        dyads_cmd("ingest", str(corpus.parent), "--db", str(killed), "-q"),
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    _wait_for_first_commit(proc, wal)
    time.sleep(random.uniform(0, 1.5))
    proc.kill()
    proc.communicate(timeout=60)
    partial = table_rows(killed)
    assert partial["documents"] == partial["sources"] == 40  # one version of each record
    run(killed)
    assert table_rows(killed) == expected


def test_ctrl_c_stops_after_the_current_batch_and_a_rerun_finishes(
    corpus_and_rows: tuple[Path, dict[str, object]], tmp_path: Path
) -> None:
    small_corpus, expected = corpus_and_rows
    db = tmp_path / "interrupted.duckdb"
    wal = _precreate(db)
    env = child_env(DYADS_BATCH=BATCH)
    proc = subprocess.Popen(
        dyads_cmd("ingest", str(small_corpus), "--db", str(db), "-q"),
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    _wait_for_first_commit(proc, wal)
    time.sleep(random.uniform(0, 0.5))
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    assert "Traceback" not in err
    if proc.returncode == 130:  # interrupted (the run may have finished before the signal)
        assert "interrupted" in err and "run again" in err
    else:
        assert proc.returncode == 0, err
    partial = table_rows(db)
    assert int(partial["documents"]) % int(BATCH) == 0 or partial["documents"] == 40  # type: ignore[call-overload]
    rerun = run_dyads("ingest", str(small_corpus), "--db", str(db), "-q", env=env)
    assert rerun.returncode == 0, rerun.stderr
    assert table_rows(db) == expected


def _hold_store(db: Path) -> subprocess.Popen[str]:
    """A child process that keeps ``db`` open for writing (as an ingest does) until stdin closes."""
    code = (
        "import sys; from dyads.store import Store; s = Store(sys.argv[1]); "
        "print('open', flush=True); sys.stdin.read(); s.close()"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code, str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "open", proc.stderr
    return proc


def test_reading_a_store_while_an_ingest_writes_fails_with_a_clear_message(
    samples_db: tuple[Path, object], tmp_path: Path
) -> None:
    src, _ = samples_db
    db = tmp_path / "busy.duckdb"
    db.write_bytes(src.read_bytes())
    before = table_rows(db)
    writer = _hold_store(db)
    try:
        with pytest.raises(StoreBusy, match="busy.duckdb.*try again"):
            Store(db, read_only=True)
        with pytest.raises(StoreBusy):
            Store(db)  # a second ingest
        result = CliRunner().invoke(main, ["actors", "--db", str(db)])
        assert result.exit_code == 2
        lines = [line for line in result.output.splitlines() if line.strip()]
        assert len(lines) == 1 and "[E301]" in lines[0] and "busy.duckdb" in lines[0]
        assert "Traceback" not in result.output
    finally:
        assert writer.stdin is not None
        writer.stdin.close()
        writer.wait(timeout=60)
    assert table_rows(db) == before  # nothing damaged


def test_a_second_ingest_into_a_busy_store_exits_2_and_names_the_file(
    small_corpus: Path, tmp_path: Path
) -> None:
    db = tmp_path / "held.duckdb"
    writer = _hold_store(db)
    try:
        result = run_dyads("ingest", str(small_corpus), "--db", str(db), "-q")
    finally:
        assert writer.stdin is not None
        writer.stdin.close()
        writer.wait(timeout=60)
    assert result.returncode == 2
    assert "[E301]" in result.stderr and "held.duckdb" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_failed_build_of_the_sorted_copies_warns_and_the_next_ingest_builds_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pipeline: Pipeline
) -> None:
    folder, db = tmp_path / "corpus", tmp_path / "copies.duckdb"
    write_corpus(folder, 6)
    ingest_module = importlib.import_module("dyads.ingest")

    def out_of_memory(store: Store) -> None:
        raise duckdb.OutOfMemoryException("Out of Memory Error: failed to pin block\nhints")

    monkeypatch.setattr(ingest_module, "ensure_indexes", out_of_memory)
    report = ingest_module.ingest([folder], db, pipeline=pipeline)
    assert report.documents_written == 6
    assert [m for _, m in report.warnings if "copies not built (Out of Memory Error: fail" in m]
    with Store(db, read_only=True) as store:  # everything is stored, queries read relations
        assert relations_tables(store) == {"source": "relations", "target": "relations"}
    monkeypatch.undo()
    again = ingest_module.ingest([folder], db, pipeline=pipeline)
    assert (again.documents_written, again.warnings) == (0, [])
    with Store(db, read_only=True) as store:
        assert relations_tables(store) == CLUSTERED
