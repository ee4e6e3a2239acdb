"""Fast pair queries on large stores: clustered copies of the relations table.

DuckDB prunes row groups by their min/max statistics, so a table sorted by ``source_id`` answers
``source_id IN (...)`` by reading a few row groups instead of scanning every one. ART indexes do
not help here: a lookup that matches rows scattered over the table still decompresses every row
group (measured slower than a scan on 1M relations). :func:`ensure_indexes` therefore writes two
sorted copies, ``relations_by_source`` and ``relations_by_target`` (about twice the relations
table on disk). Queries use a copy only while it holds as many rows as ``relations``; after a new
ingest they fall back to ``relations`` (correct, slower) until ``ensure_indexes`` runs again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dyads.store import Store

#: Clustered copy of ``relations`` by the column it is sorted on.
CLUSTERED: dict[str, str] = {"source": "relations_by_source", "target": "relations_by_target"}


def ensure_indexes(store: Store) -> None:
    """(Re)build the sorted copies if missing or stale (needs a writable store)."""
    for side, table in CLUSTERED.items():
        if relations_table(store, side) == table:
            continue
        other = "target" if side == "source" else "source"
        store.con.execute(
            f"CREATE OR REPLACE TABLE {table} AS SELECT * FROM relations ORDER BY {side}_id, {other}_id"
        )


def relations_table(store: Store, side: str) -> str:
    """The table to read relations filtered on ``side`` (source or target) from."""
    table = CLUSTERED[side]
    exists = store.con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE table_name = ? AND schema_name = 'main'",
        [table],
    ).fetchall()
    if not exists[0][0]:
        return "relations"
    same = store.con.execute(
        f"SELECT (SELECT count(*) FROM {table}) = (SELECT count(*) FROM relations)"
    ).fetchall()
    return table if same[0][0] else "relations"
