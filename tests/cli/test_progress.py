"""Ingest progress: documents counted first (a total, an ETA), lines when stderr is no terminal."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from dyads.cli import main
from dyads.sources import count_documents

TEXT = "Iran has supplied the Houthis with drones, officials said. Number {}."


def _corpus(folder: Path, n: int) -> None:
    folder.mkdir()
    (folder / "a.jsonl").write_text(
        "".join(json.dumps({"id": f"j{i}", "text": TEXT.format(i)}) + "\n" for i in range(n))
        + "\n",  # a blank line is no document
        encoding="utf-8",
    )
    (folder / "b.csv").write_text(
        'id,text\nc1,"' + TEXT.format("c1") + '"\nc2,"two\nlines: ' + TEXT.format(2) + '"\n',
        encoding="utf-8",
    )
    (folder / "c.txt").write_text(TEXT.format("t"), encoding="utf-8")


def test_documents_are_counted_before_reading(tmp_path: Path) -> None:
    _corpus(tmp_path / "in", 5)
    assert count_documents([tmp_path / "in"]) == 5 + 2 + 1


def test_progress_lines_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    _corpus(tmp_path / "in", 5)
    res = CliRunner().invoke(
        main,
        [
            "ingest",
            str(tmp_path / "in"),
            "--db",
            str(tmp_path / "p.duckdb"),
            "--progress-every",
            "3",
            "--batch-docs",
            "1",
        ],
    )
    assert res.exit_code == 0, res.output
    lines = [x for x in res.stderr.splitlines() if x.startswith("dyads: ingest")]
    assert lines[0].startswith("dyads: ingesting 8 documents")
    assert any("3 of 8" in x for x in lines[1:]) and "8 of 8" in lines[-1]
    assert "left" in lines[1]
    quiet = CliRunner().invoke(
        main, ["ingest", str(tmp_path / "in"), "--db", str(tmp_path / "q.duckdb"), "-q"]
    )
    assert "dyads: ingest" not in quiet.stderr
