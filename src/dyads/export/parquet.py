"""Parquet: ``actors.parquet``, ``relations.parquet`` (one row per claim), ``documents.parquet``.

Lists stay lists (``kinds``, ``aliases``); read them back with DuckDB, pandas or pyarrow.
"""

from __future__ import annotations

from pathlib import Path

from dyads.export.csvfiles import copy
from dyads.export.tables import DOCUMENTS_SQL, ExportOptions, actors_sql, claims_sql
from dyads.store import Store


def write(store: Store, path: Path, opts: ExportOptions) -> list[Path]:
    a_sql, a_params = actors_sql(store, opts)
    c_sql, c_params = claims_sql(store, opts)
    fmt = "parquet"
    return [
        copy(store, a_sql, a_params, path / "actors.parquet", fmt),
        copy(store, c_sql, c_params, path / "relations.parquet", fmt),
        copy(store, DOCUMENTS_SQL, [], path / "documents.parquet", fmt),
    ]
