"""Untrusted text on the user's terminal: escape sequences in article text, titles, outlets and
file names are printed escaped by every command, and in error and warning lines; JSON output
escapes them too (C1 controls included)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyads.cli import main
from dyads.ingest import ingest
from dyads.pipeline import Pipeline

#: Retitle the window, clear the screen, move up and erase a line, an 8-bit CSI, a carriage return.
HOSTILE = "\x1b]0;PWNED\x07\x1b[2J\x1b[1A\x1b[K\x9b31m\r"
#: What must never reach the terminal: C0 controls but tab and line feed, DEL, C1 controls.
CONTROLS = {chr(c) for c in (*range(0, 9), *range(11, 32), *range(127, 160))}


def _raw_controls(text: str) -> set[str]:
    return {c for c in text if c in CONTROLS}


def _strings(data: object) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        data = list(data.values())
    return [s for item in data for s in _strings(item)] if isinstance(data, list) else []


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Path:
    folder = tmp_path_factory.mktemp("hostile") / "in"
    folder.mkdir()
    records = [
        {
            "id": "h1",
            "title": f"Drones for Yemen{HOSTILE}",
            "source": f"Harbour{HOSTILE} Wire",
            "date": "2024-02-15",
            "text": f"Iran has supplied the Houthis with drones {HOSTILE} and missiles, officials "
            "said. Iran has long denied arming the Houthis.",
        },
        {
            "id": "h2",
            "source": f"Gulf{HOSTILE}",
            "text": f"Rwanda has backed the M23 rebels in eastern Congo {HOSTILE}, a UN report "
            "found. Saudi Arabia bombed Houthi positions near Sanaa on Monday.",
        },
    ]
    (folder / "wire.jsonl").write_text(
        "\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8"
    )
    (folder / f"evil{HOSTILE}.txt").write_text(
        "Qatar hosts the political bureau of Hamas in Doha, officials said. Does Iran still "
        "control the Houthis?",
        encoding="utf-8",
    )
    db = folder.parent / "hostile.duckdb"
    report = ingest([folder], db, pipeline=pipeline)
    assert report.documents_written == 3 and not report.errors
    return db


@pytest.mark.parametrize(
    "args",
    [
        ["dyad", "Iran", "Houthis"],
        ["dyad", "Iran", "Houthis", "--copies"],
        ["supporters", "Houthis"],
        ["supported-by", "Iran"],
        ["ask", "Who supports the Houthis?"],
        ["leverage", "Iran", "Houthis"],
        ["docs"],
        ["relations"],
        ["actor", "Houthis"],
        ["path", "Iran", "Houthis"],
        ["top"],
    ],
    ids=lambda a: " ".join(a),
)
def test_text_commands_print_control_characters_escaped(hostile_db: Path, args: list[str]) -> None:
    result = CliRunner().invoke(main, [*args, "--db", str(hostile_db)])
    assert result.exit_code in (0, 1), result.output
    assert not _raw_controls(result.output), repr(result.output[:400])
    if args[0] in ("dyad", "supporters", "docs", "leverage"):  # relations: cells are folded
        assert "\\x1b" in result.output  # shown, escaped: the reader sees something was there


@pytest.mark.parametrize("args", [["docs"], ["dyad", "Iran", "Houthis"], ["relations"]])
def test_json_output_escapes_every_control_character(hostile_db: Path, args: list[str]) -> None:
    result = CliRunner().invoke(main, [*args, "--json", "--db", str(hostile_db)])
    assert result.exit_code == 0, result.output
    assert not _raw_controls(result.output)
    assert any("PWNED\x07" in s for s in _strings(json.loads(result.output)))  # carried exactly


def test_error_and_warning_lines_escape_file_names(tmp_path: Path, pipeline: Pipeline) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / f"empty{HOSTILE}.txt").write_bytes(b"")
    (folder / f"cp1252{HOSTILE}.txt").write_bytes(
        "Russia\x92s Wagner fighters backed the junta in Mali.".encode("latin-1")
    )
    result = CliRunner().invoke(
        main, ["ingest", str(folder), "--db", str(tmp_path / "e.duckdb"), "-q"]
    )
    assert result.exit_code == 1
    assert not _raw_controls(result.output), repr(result.output)
    lines = result.output.splitlines()
    assert any(line.startswith("dyads: [E103]") and "empty\\x1b]0;PWNED" in line for line in lines)
    assert any(line.startswith("dyads: warning:") and "cp1252\\x1b" in line for line in lines)
