"""The hostile corpus through ``dyads ingest``: for every case, the exit code, one line naming the
file, the good documents of the same batch stored, nothing already stored lost, and a second run
that stores nothing new. Cases that need their own set-up (a FIFO named on the command line, an
unreadable folder, the size limits) follow."""

from __future__ import annotations

import copy
import functools
import json
import os
import time
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner, Result

from dyads.cli import main
from dyads.errors import MalformedRecord, UnreadableFile
from dyads.ingest import ingest
from dyads.pipeline import Pipeline
from dyads.settings import Settings
from dyads.sources import read_paths
from dyads.store import Store

from .conftest import run_dyads
from .hostile import CASES, GOOD, OTHER

PRIOR = "Qatar hosts the political bureau of Hamas in Doha, the ministry said."

Ingest = Callable[..., Result]


@pytest.fixture()
def cli_ingest(pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch) -> Ingest:
    """``dyads ingest ARGS -q`` in-process, with the session's pipeline (no model load per run)."""
    import dyads.ingest

    monkeypatch.setattr(  # the command imports it when it runs
        dyads.ingest, "ingest", functools.partial(dyads.ingest.ingest, pipeline=pipeline)
    )

    def run(*args: object) -> Result:
        return CliRunner().invoke(main, ["ingest", *map(str, args), "-q"])

    return run


def _documents(db: Path) -> list[tuple[str, str, str]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT id, path, text FROM documents ORDER BY path, id").fetchall()
    finally:
        con.close()


def _message_lines(result: Result) -> list[str]:
    return [line for line in result.output.splitlines() if line.startswith("dyads:")]


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_file(name: str, tmp_path: Path, cli_ingest: Ingest) -> None:
    db = tmp_path / "store.duckdb"
    prior = tmp_path / "prior"
    prior.mkdir()
    (prior / "prior.txt").write_text(PRIOR, encoding="utf-8")
    assert cli_ingest(prior, "--db", db).exit_code == 0
    stored_before = _documents(db)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    case = CASES[name](folder)

    result = cli_ingest(folder, "--db", db)
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code == case.exit_code, result.output
    lines = _message_lines(result)
    if case.line is None:
        assert lines == [], result.output
    else:
        assert len(lines) == 1 and case.line in lines[0], result.output
        assert lines[0].startswith(f"dyads: [{case.code}]" if case.code else "dyads: warning:")
    after = _documents(db)
    assert set(stored_before) <= set(after)  # nothing already stored is lost
    ours = [d for d in after if d[1].startswith(str(folder))]
    assert len(ours) == case.stored, [d[1] for d in after]
    assert any(d[1].endswith("good.txt") for d in ours)
    if case.text and case.text.startswith("/"):
        assert any(d[1].endswith(case.text) for d in ours), [d[1] for d in ours]
    elif case.text:
        assert any(case.text in d[2] for d in ours)

    again = cli_ingest(folder, "--db", db)  # idempotent: the same lines, nothing new stored
    assert again.exit_code == case.exit_code
    assert "ingested 0 new documents" in again.output, again.output
    assert _message_lines(again) == lines
    assert _documents(db) == after


def test_a_fifo_named_on_the_command_line_is_an_error_not_a_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    t0 = time.monotonic()
    db = tmp_path / "f.duckdb"
    result = run_dyads("ingest", str(fifo), str(good), "--db", str(db), "-q", timeout=90)
    assert time.monotonic() - t0 < 120
    assert result.returncode == 1, result.stderr
    (line,) = [x for x in result.stderr.splitlines() if x.startswith("dyads:")]
    assert line.startswith("dyads: [E102]") and "pipe.txt: not a regular file" in line
    assert "ingested 1 new documents" in result.stdout


def test_an_unreadable_subfolder_is_reported_and_the_rest_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "locked" / "hidden.txt").write_text(OTHER, encoding="utf-8")
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    locked = folder / "locked"
    if os.geteuid() != 0:
        locked.chmod(0)
    else:  # root reads anything: simulate the error there
        real = os.scandir

        def deny(path: object = ".") -> object:
            if Path(os.fsdecode(path)) == locked:  # type: ignore[arg-type]
                raise PermissionError(13, "Permission denied", str(path))
            return real(path)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "scandir", deny)
    try:
        items = list(read_paths([folder]))
    finally:
        locked.chmod(0o755)
    errors = [i for i in items if isinstance(i, UnreadableFile)]
    assert len(errors) == 1 and "locked" in str(errors[0]) and "permission" in str(errors[0])
    assert [Path(i.path or "").name for i in items if not isinstance(i, UnreadableFile)] == [
        "good.txt"
    ]


def test_follow_links_reads_what_symlinks_point_to_once(tmp_path: Path, cli_ingest: Ingest) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(OTHER, encoding="utf-8")
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "file-link.txt").symlink_to(outside / "secret.txt")
    (folder / "dir-link").symlink_to(outside)
    (outside / "loop").symlink_to(folder)  # a cycle: walked once
    db = tmp_path / "s.duckdb"
    result = cli_ingest(folder, "--db", db, "--follow-links")
    assert result.exit_code == 0 and not _message_lines(result), result.output
    texts = sorted(d[2] for d in _documents(db))
    assert texts == sorted([GOOD, OTHER])


def test_a_64_mb_text_is_read_up_to_the_size_limit_and_stored_as_parsed(
    tmp_path: Path, pipeline: Pipeline
) -> None:
    """Stored whole, a 64 MB text ran DuckDB out of memory after minutes. A file is read up to
    max_file_bytes (64 MiB) and a document's text cut to max_chars (lowered here to keep the test
    fast): the stored text is the parsed text."""
    folder = tmp_path / "in"
    folder.mkdir()
    sentence = "Iran has supplied the Houthis with drones and missiles, officials said in Sanaa. "
    with (folder / "huge.txt").open("w", encoding="utf-8") as f:
        chunk = sentence * 10_000
        while f.tell() < 65 * 2**20:
            f.write(chunk)
    record = {"id": "big", "text": sentence * 300_000}  # a 24 MB JSONL record
    (folder / "w.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    small = copy.copy(pipeline)
    small.settings = pipeline.settings.with_(max_chars=20_000)
    warnings: list[tuple[str, str]] = []
    t0 = time.perf_counter()
    report = ingest(
        [folder],
        tmp_path / "h.duckdb",
        small.settings,
        pipeline=small,
        on_warning=lambda p, m: warnings.append((p, m)),
    )
    assert time.perf_counter() - t0 < 120
    assert not report.errors and report.documents_written == 3
    by_file: dict[str, list[str]] = {}
    for path, message in warnings:
        by_file.setdefault(Path(path).name.split("#")[0], []).append(message)
    huge_read, huge_cut = by_file["huge.txt"]
    assert "only the first 67,108,864 bytes are read (setting max_file_bytes)" in huge_read
    assert "the first 20,000 are parsed and stored (setting max_chars)" in huge_cut
    (record_cut,) = by_file["w.jsonl"]
    assert "the first 20,000 are parsed and stored (setting max_chars)" in record_cut
    with Store(tmp_path / "h.duckdb", read_only=True) as store:
        rows = store.query("SELECT path, n_chars, length(text) AS n FROM documents ORDER BY path")
    assert [r["n"] for r in rows if "huge" in r["path"] or "#big" in r["path"]] == [20_000, 20_000]


def test_a_record_over_the_size_limit_is_one_error_and_the_others_are_read(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    big = "x" * 5_000
    (folder / "w.jsonl").write_text(
        json.dumps({"id": "a", "text": OTHER})
        + "\n"
        + json.dumps({"id": "b", "text": big})
        + "\n"
        + json.dumps({"id": "c", "text": GOOD})
        + "\n",
        encoding="utf-8",
    )
    (folder / "s.csv").write_text(
        f'id,text\na,"{OTHER}"\nb,"{big}"\nc,"{GOOD}"\n', encoding="utf-8"
    )
    limits = Settings().with_(max_file_bytes=4_096)
    items = list(read_paths([folder], max_file_bytes=limits.max_file_bytes))
    errors = [i for i in items if isinstance(i, MalformedRecord)]
    assert [(Path(e.path or "").name, e.line) for e in errors] == [("s.csv", 3), ("w.jsonl", 2)]
    assert all("over the size limit" in str(e) and "max_file_bytes" in str(e) for e in errors)
    assert len(items) - len(errors) == 4
