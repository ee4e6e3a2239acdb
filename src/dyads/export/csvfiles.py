"""CSV: ``actors.csv``, ``relations.csv`` (one row per claim) and ``documents.csv``.

Lists (aliases, kinds) are joined with ``;``. Written by DuckDB's COPY (RFC 4180 quoting, header).
"""

from __future__ import annotations

from pathlib import Path

from dyads.export.tables import DOCUMENTS_SQL, ExportOptions, actors_sql, claims_sql
from dyads.store import Store


def copy(store: Store, sql: str, params: list[object], path: Path, fmt: str) -> Path:
    """Write the result of ``sql`` to ``path`` as ``fmt`` (csv with a header, or parquet), streamed
    by DuckDB without going through Python rows."""
    con = store.con.cursor()  # its own result set: the store's may hold an unfinished one
    rel = con.sql(sql, params=params) if params else con.sql(sql)
    if fmt == "csv":
        rel.write_csv(str(path), header=True)
    else:
        rel.write_parquet(str(path))
    con.close()
    return path


def write(store: Store, path: Path, opts: ExportOptions) -> list[Path]:
    a_sql, a_params = actors_sql(store, opts, list_sep=";")
    c_sql, c_params = claims_sql(store, opts, list_sep=";")
    fmt = "csv"
    return [
        copy(store, a_sql, a_params, path / "actors.csv", fmt),
        copy(store, c_sql, c_params, path / "relations.csv", fmt),
        copy(store, DOCUMENTS_SQL, [], path / "documents.csv", fmt),
    ]
