"""Fast pair queries on large stores: clustered copies of the relations table.

DuckDB prunes row groups by their min/max statistics, so a table sorted by ``source_id`` answers
``source_id IN (...)`` by reading a few row groups instead of scanning every one. ART indexes do
not help here: a lookup that matches rows scattered over the table still decompresses every row
group (measured slower than a scan on 1M relations). :func:`ensure_indexes` therefore writes two
sorted copies, ``relations_by_source`` and ``relations_by_target`` (about twice the relations
table on disk). Queries use a copy only while it holds as many rows as ``relations``; after a new
ingest they fall back to ``relations`` (correct, slower) until ``ensure_indexes`` runs again.

Each copy also carries the fields of its claim's document in a STRUCT column ``doc``
(:data:`DOC_FIELDS`; NULL when the document is missing). Joining ``documents`` costs a hub query
a scan of every document id and a hash join, three times the relations scan itself (measured on
1M relations, 100k documents); ``r.doc.story_id`` costs nothing more. Documents are only ever
inserted, with their relations, so the row count check covers these fields too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dyads.store import Store

#: Clustered copy of ``relations`` by the column it is sorted on.
CLUSTERED: dict[str, str] = {"source": "relations_by_source", "target": "relations_by_target"}
#: The ``documents`` columns copied into each clustered copy's ``doc`` STRUCT.
DOC_FIELDS = ("story_id", "date", "path", "url", "title", "outlet")


def ensure_indexes(store: Store) -> None:
    """(Re)build the sorted copies if missing or stale (needs a writable store)."""
    for side, table in CLUSTERED.items():
        if relations_table(store, side) == table:
            continue
        other = "target" if side == "source" else "source"
        store.con.execute(
            f"""CREATE OR REPLACE TABLE {table} AS
                SELECT r.*, CASE WHEN d.id IS NOT NULL THEN {doc_struct("d")} END AS doc
                FROM relations r LEFT JOIN documents d ON d.id = r.doc_id
                ORDER BY r.{side}_id, r.{other}_id"""
        )


def doc_struct(d: str) -> str:
    """SQL for the ``doc`` STRUCT of a clustered copy, from documents aliased ``d``."""
    return "struct_pack(" + ", ".join(f"{f} := {d}.{f}" for f in DOC_FIELDS) + ")"


def relations_table(store: Store, side: str) -> str:
    """The table to read relations filtered on ``side`` (source or target) from."""
    return relations_tables(store)[side]


def relations_tables(store: Store) -> dict[str, str]:
    """``{"source": table, "target": table}``: each side's fresh copy, or ``relations``.

    Two small queries for both sides (a query function that reads both sides asks once), once
    per open read-only store.
    """
    return store.memo("relations_tables", lambda: _fresh_tables(store))


def _fresh_tables(store: Store) -> dict[str, str]:
    fresh = [
        t
        for (t,) in store.con.execute(  # a copy written before ``doc`` existed is stale too
            "SELECT table_name FROM duckdb_columns() WHERE schema_name = 'main' "
            "AND column_name = 'doc' AND table_name IN (SELECT unnest(?::VARCHAR[]))",
            [list(CLUSTERED.values())],
        ).fetchall()
    ]
    if fresh:
        counts = ", ".join(f"(SELECT count(*) FROM {t})" for t in fresh)
        n, *copies = store.con.execute(
            f"SELECT (SELECT count(*) FROM relations), {counts}"
        ).fetchall()[0]  # fetchall: fetchone leaves DuckDB's result open on the connection
        fresh = [t for t, m in zip(fresh, copies, strict=True) if m == n]
    return {side: t if t in fresh else "relations" for side, t in CLUSTERED.items()}


def is_clustered(table: str) -> bool:
    """Whether ``table`` (from :func:`relations_table`) is a copy with the ``doc`` column."""
    return table in CLUSTERED.values()
