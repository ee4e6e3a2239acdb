"""The store layer stands alone: no spaCy on import, and a folder of Parquet tables is a store."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dyads.errors import StoreError
from dyads.store import Store, batch_tables
from dyads.store.schema import ARROW


def test_importing_the_store_does_not_import_spacy() -> None:
    code = "import sys, dyads.store; print(any(m.split('.')[0] == 'spacy' for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_batch_tables_have_the_store_schema() -> None:
    tables = batch_tables([])
    assert {name: t.schema for name, t in tables.items()} == {name: ARROW[name] for name in tables}


def test_a_parquet_folder_is_read_only(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="read-only"):
        Store(tmp_path)


def test_a_folder_without_tables_is_not_a_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="not a dyads store"):
        Store(tmp_path, read_only=True)
