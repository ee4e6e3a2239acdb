"""Records as they come: dates in any common form, other column names, ';'-separated CSV."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyads.cli import main
from dyads.errors import MalformedRecord
from dyads.records import Document
from dyads.sources import RecordFields, read_paths

TEXT = "Iran has supplied the Houthis with drones, officials said."


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2024-02-15", "2024-02-15"),
        ("2024-02-15T10:00:00Z", "2024-02-15"),
        ("15 February 2024", "2024-02-15"),
        ("February 15, 2024", "2024-02-15"),
        ("Thu, 15 Feb 2024 10:00:00 GMT", "2024-02-15"),
        ("Thu, 15 Feb 2024 23:30:00 -0500", "2024-02-15"),  # the date where it was written
        ("02/15/2024", "2024-02-15"),
        ("15/02/2024", "2024-02-15"),  # day first when the first number cannot be a month
        ("February 2024", "2024-02"),
        ("2024", "2024"),
        ("yesterday", None),
        ("", None),
        ("Feb 30 2024", None),
    ],
)
def test_dates_in_records_are_read(tmp_path: Path, raw: str, iso: str | None) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "a", "text": TEXT, "date": raw}) + "\n", encoding="utf-8")
    (doc,) = read_paths([path])
    assert isinstance(doc, Document) and doc.date == iso


def test_csv_dates_too(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(f'id,date,text\na,"15 February 2024","{TEXT}"\n', encoding="utf-8")
    (doc,) = read_paths([path])
    assert isinstance(doc, Document) and doc.date == "2024-02-15"


def test_semicolon_separated_csv_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(
        f'id;title;date;text\na;Drones;2024-02-15;"{TEXT} Then, it said, more came."\n'
        'b;Other;2024-02-16;"Rwanda backs the M23, a report says; Kigali denies it."\n',
        encoding="utf-8",
    )
    a, b = read_paths([path])
    assert isinstance(a, Document) and isinstance(b, Document)
    assert (a.id, a.title, a.date) == ("a", "Drones", "2024-02-15")
    assert b.text.startswith("Rwanda backs the M23, a report says; Kigali")


def test_comma_csv_whose_text_has_semicolons_stays_comma(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(f'id,text\na,"{TEXT}; more; and more"\n', encoding="utf-8")
    (doc,) = read_paths([path])
    assert isinstance(doc, Document) and doc.text.endswith("; more; and more")


def test_a_body_or_content_column_is_the_text(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "x", "body": TEXT}) + "\n")
    (tmp_path / "b.csv").write_text(f'id,content\ny,"{TEXT}"\n')
    docs = list(read_paths([tmp_path]))
    assert [d.id for d in docs if isinstance(d, Document)] == ["x", "y"]


def test_field_options_name_the_columns(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    rec = {"uid": "n1", "headline": "Drones", "published": "15 February 2024", "article": TEXT}
    path.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    fields = RecordFields(text="article", id="uid", date="published", title="headline")
    (doc,) = read_paths([path], fields=fields)
    assert isinstance(doc, Document)
    assert (doc.id, doc.title, doc.date, doc.text) == ("n1", "Drones", "2024-02-15", TEXT)
    (err,) = read_paths([path], fields=RecordFields(text="missing"))
    assert isinstance(err, MalformedRecord) and "'missing'" in str(err)


def test_field_options_on_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(f'uid;story\nn1;"{TEXT}"\n', encoding="utf-8")
    res = CliRunner().invoke(
        main, ["extract", str(path), "--text-field", "story", "--id-field", "uid"]
    )
    assert res.exit_code == 0, res.output
    (rec,) = [json.loads(x) for x in res.stdout.splitlines()]
    assert rec["evidence"]["doc"] == "n1"
