"""Bad input: every broken file gets one clear line naming it (and the line, for JSONL and CSV)
and the reason; every other document is stored; the exit code says whether anything failed."""

from __future__ import annotations

import copy
import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyads.cli import main
from dyads.errors import EmptyDocument, MalformedRecord, NotText, SourceError, UnreadableFile
from dyads.ingest import ingest
from dyads.pipeline import Pipeline
from dyads.records import Document
from dyads.sources import read_paths
from dyads.store import Store

GOOD = "Iran has supplied the Houthis with drones and missiles, officials said. Saudi Arabia bombed Houthi positions near Sanaa."
FRENCH = (
    "Le gouvernement malien a annoncé lundi la fin de l'accord de paix signé en 2015 avec les "
    "groupes armés du nord du pays, accusant l'Algérie d'ingérence dans ses affaires intérieures. "
    "Les rebelles touareg ont dénoncé une décision unilatérale et promis de défendre leurs positions."
)


def broken_corpus(folder: Path) -> dict[str, tuple[type[SourceError] | None, int | None, str]]:
    """Write the broken files (and two good ones); returns file name -> (error, line, reason)."""
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.md").write_bytes(b"  \n\n \t\n")
    (folder / "cp1252.txt").write_bytes(
        "Russia\x92s Wagner fighters backed the junta in Mali. ".encode("latin-1")
        + b"\x81\x90 Caf\xe9 owners fled."
    )
    (folder / "truncated.html").write_text(
        "<html><head><title>War</title></head><body><article><p>"
        + "Iran has supplied the Houthis with drones and missiles for years, officials said. " * 3
        + "</p><p>Saudi Arabia bomb",
        encoding="utf-8",
    )
    (folder / "wire.jsonl").write_text(
        '{"id": "w1", "text": "Qatar hosts the political bureau of Hamas in Doha."}\n'
        '{"id": "w2", "text": "Turkey attacked\n'  # a record cut in the middle of a line
        "[1, 2, 3]\n"
        '{"id": "w4", "title": "no text"}\n'
        '{"id": "w5", "text": "Rwanda has backed the M23 rebels in eastern Congo."}\n',
        encoding="utf-8",
    )
    (folder / "sheet.csv").write_text(
        'id,title,text\nc1,One,"Egypt armed Haftar\'s forces in eastern Libya."\nc2,Two\nc3,Three,ok,extra\n',
        encoding="utf-8",
    )
    (folder / "nocol.csv").write_text("id,title\n1,hello\n", encoding="utf-8")
    (folder / "french.txt").write_text(FRENCH, encoding="utf-8")
    return {
        "binary.txt": (NotText, None, "binary"),
        "empty.txt": (EmptyDocument, None, "empty"),
        "blank.md": (EmptyDocument, None, "empty"),
        "wire.jsonl:2": (MalformedRecord, 2, "invalid JSON"),
        "wire.jsonl:3": (MalformedRecord, 3, "not a JSON object"),
        "wire.jsonl:4": (MalformedRecord, 4, "no 'text'"),
        "sheet.csv:3": (MalformedRecord, 3, "2 cells, the header 3"),
        "sheet.csv:4": (MalformedRecord, 4, "more cells"),
        "nocol.csv": (MalformedRecord, 1, "no 'text' column"),
        "french.txt": (NotText, None, "English"),
    }


def test_each_broken_file_gets_one_error_naming_file_line_and_reason(tmp_path: Path) -> None:
    expected = broken_corpus(tmp_path / "in")
    warnings: list[tuple[str, str]] = []
    items = list(read_paths([tmp_path / "in"], lambda p, m: warnings.append((p, m))))
    errors = [i for i in items if isinstance(i, SourceError)]
    docs = [i for i in items if isinstance(i, Document)]
    got = {}
    for e in errors:
        key = Path(e.path or "").name + (
            f":{e.line}"
            if e.line and Path(e.path or "").suffix == ".jsonl" or (e.line and e.line > 1)
            else ""
        )
        got[key] = e
    assert set(got) == set(expected), [str(e) for e in errors]
    for key, (cls, line, reason) in expected.items():
        err = got[key]
        assert isinstance(err, cls) and err.line == line, str(err)
        assert reason in str(err) and key.split(":")[0] in str(err)
        assert "\n" not in str(err)
    assert sorted(d.id for d in docs if d.line) == ["c1", "w1", "w5"]
    assert len(docs) == 6  # good.txt, cp1252.txt, truncated.html and three records
    assert sorted((Path(p).name, m.split(" (")[0]) for p, m in warnings) == [
        ("cp1252.txt", "not valid UTF-8"),
        ("truncated.html", "HTML is cut short"),
    ]


def test_a_file_that_vanishes_during_ingest_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_text(f"{GOOD} Story {name}.", encoding="utf-8")
    items = read_paths([folder])
    first = next(items)
    (folder / "b.txt").unlink()  # listed, then gone before it is read
    rest = list(items)
    assert isinstance(first, Document)
    (err,) = [i for i in rest if isinstance(i, SourceError)]
    assert isinstance(err, UnreadableFile) and "b.txt" in str(err)
    assert sum(isinstance(i, Document) for i in rest) == 1


def test_an_unreadable_file_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(GOOD, encoding="utf-8")
    if os.geteuid() != 0:  # root reads anything: simulate the error there
        path.chmod(0)
    else:
        real = Path.open

        def deny(self: Path, *args: object, **kwargs: object) -> object:
            if self.name == "secret.txt":
                raise PermissionError(13, "Permission denied", str(self))
            return real(self, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(Path, "open", deny)
    try:
        (err,) = list(read_paths([path]))
    finally:
        path.chmod(0o644)
    assert isinstance(err, UnreadableFile)
    assert "secret.txt" in str(err) and "permission" in str(err)


def test_cli_ingest_stores_the_good_documents_and_exits_1(tmp_path: Path) -> None:
    expected = broken_corpus(tmp_path / "in")
    db = tmp_path / "bad.duckdb"
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "in"), "--db", str(db), "-q"])
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    errors = [line for line in lines if line.startswith("dyads: [E")]
    assert len(errors) == len(expected)
    warned = [line for line in lines if line.startswith("dyads: warning:")]
    assert len(warned) == 2 and "cp1252.txt" in warned[0] and "truncated.html" in warned[1]
    assert "Traceback" not in result.output
    with Store(db, read_only=True) as store:
        assert store.counts()["documents"] == 6


def test_a_50_mb_single_line_is_truncated_with_a_warning_in_bounded_time(
    tmp_path: Path, pipeline: Pipeline
) -> None:
    """The reader holds the file in memory once (50 MB, under the 64 MiB size limit); the
    pipeline parses only max_chars of it, and what is parsed is what is stored. The default
    max_chars (2,000,000 characters, about a minute of parsing) is lowered here to keep the test
    fast; what is checked is the same."""
    folder = tmp_path / "in"
    folder.mkdir()
    sentence = "Iran has supplied the Houthis with drones and missiles, officials said in Sanaa. "
    with (folder / "huge.txt").open("w", encoding="utf-8") as f:
        chunk = sentence * 10_000
        while f.tell() < 50 * 2**20:
            f.write(chunk)
    (folder / "small.txt").write_text(GOOD, encoding="utf-8")
    small = copy.copy(pipeline)  # same model, smaller max_chars
    small.settings = pipeline.settings.with_(max_chars=20_000)
    warnings: list[tuple[str, str]] = []
    t0 = time.perf_counter()
    report = ingest(
        [folder],
        tmp_path / "huge.duckdb",
        small.settings,
        pipeline=small,
        on_warning=lambda p, m: warnings.append((p, m)),
    )
    assert time.perf_counter() - t0 < 120  # generous: a hang, not speed, is what this catches
    assert not report.failed and report.documents_written == 2
    ((path, message),) = warnings
    assert (
        path.endswith("huge.txt") and "only the first 20,000" in message and "max_chars" in message
    )
    with Store(tmp_path / "huge.duckdb", read_only=True) as store:
        (row,) = store.query(
            "SELECT n_chars, n_sentences FROM documents WHERE path LIKE '%huge.txt'"
        )
        assert row["n_chars"] == 20_000 and row["n_sentences"] <= 20_000 // len(sentence) + 2
