"""Parquet files are read as records, like JSONL (local ingest and the Spark job alike)."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from dyads.errors import MalformedRecord, NotText
from dyads.records import Document
from dyads.sources import read_file


def test_parquet_rows_are_records(tmp_path: Path) -> None:
    path = tmp_path / "feed.parquet"
    rows = [
        {"id": "a", "title": "One", "date": "2024-02-15", "text": "Iran armed the Houthis."},
        {"id": "b", "title": "Two", "date": None, "text": None},
    ]
    pq.write_table(pa.Table.from_pylist(rows), path)
    got = list(read_file(path))
    assert isinstance(got[0], Document)
    assert (got[0].id, got[0].title, got[0].date, got[0].line) == ("a", "One", "2024-02-15", 1)
    assert got[0].source == f"{path}#a"
    assert isinstance(got[1], MalformedRecord) and got[1].line == 2


def test_a_file_that_is_not_parquet_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "feed.parquet"
    path.write_bytes(b"not parquet at all")
    (err,) = list(read_file(path))
    assert isinstance(err, NotText)
