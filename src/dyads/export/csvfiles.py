"""CSV: ``actors.csv``, ``relations.csv`` (one row per claim) and ``documents.csv``.

Lists (aliases, kinds) are joined with ``;``. Written by DuckDB's COPY (RFC 4180 quoting, header).
A text cell that a spreadsheet would run as a formula (it starts with ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return) gets a leading apostrophe, the usual rule against CSV injection; the
neo4j files, read by neo4j-admin rather than by a spreadsheet, are written as they are.
"""

from __future__ import annotations

from pathlib import Path

from dyads.export.tables import DOCUMENTS_SQL, ExportOptions, actors_sql, claims_sql
from dyads.store import Store

#: First characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def copy(
    store: Store,
    sql: str,
    params: list[object],
    path: Path,
    fmt: str,
    *,
    spreadsheet_safe: bool = False,
) -> Path:
    """Write the result of ``sql`` to ``path`` as ``fmt`` (csv with a header, or parquet), streamed
    by DuckDB without going through Python rows. ``spreadsheet_safe``: text cells that start like
    a formula get a leading apostrophe."""
    con = store.con.cursor()  # its own result set: the store's may hold an unfinished one
    rel = con.sql(sql, params=params) if params else con.sql(sql)
    if spreadsheet_safe:
        cells = (_safe_cell(c, str(t)) for c, t in zip(rel.columns, rel.types, strict=True))
        rel = rel.project(", ".join(cells))
    if fmt == "csv":
        rel.write_csv(str(path), header=True)
    else:
        rel.write_parquet(str(path))
    con.close()
    return path


def _safe_cell(column: str, sql_type: str) -> str:
    """SQL for ``column`` with a leading apostrophe on text that starts like a formula."""
    name = '"' + column.replace('"', '""') + '"'
    if sql_type != "VARCHAR":
        return name
    starts = ", ".join(f"chr({ord(c)})" for c in FORMULA_STARTS)
    return (
        f"CASE WHEN left({name}, 1) IN ({starts}) THEN chr(39) || {name} ELSE {name} END AS {name}"
    )


def write(store: Store, path: Path, opts: ExportOptions) -> list[Path]:
    a_sql, a_params = actors_sql(store, opts, list_sep=";")
    c_sql, c_params = claims_sql(store, opts, list_sep=";")
    tables = [
        (a_sql, a_params, "actors.csv"),
        (c_sql, c_params, "relations.csv"),
        (DOCUMENTS_SQL, [], "documents.csv"),
    ]
    return [
        copy(store, sql, ps, path / name, "csv", spreadsheet_safe=True) for sql, ps, name in tables
    ]
