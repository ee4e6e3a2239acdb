"""Fast pair queries on large stores: clustered copies of the relations table.

DuckDB prunes row groups by their min/max statistics, so a table sorted by ``source_id`` answers
``source_id IN (...)`` by reading a few row groups instead of scanning every one. ART indexes do
not help here: a lookup that matches rows scattered over the table still decompresses every row
group (measured slower than a scan on 1M relations). :func:`ensure_indexes` therefore writes two
sorted copies, ``relations_by_source`` and ``relations_by_target`` (about twice the relations
table on disk).

Each copy is sorted first on the actor's *top* in the hierarchy (:mod:`dyads.store.hierarchy`;
columns ``source_top`` and ``target_top``, the actor itself when it does not roll up), then on
the actor: a state's whole family (its government, military, agencies: 134 actors for a big
state of the query bench) sits in a few neighbouring row groups, so a rolled-up query that names
its tops (:func:`member_sql`) reads those instead of every row group of the table.

Each copy also carries the fields of its claim's document in a STRUCT column ``doc``
(:data:`DOC_FIELDS`; NULL when the document is missing). Joining ``documents`` costs a hub query
a scan of every document id and a hash join, three times the relations scan itself (measured on
1M relations, 100k documents); ``r.doc.story_id`` costs nothing more.

A copy is used only while it is fresh: it holds as many rows as ``relations`` (documents are
inserted with their relations, so the count covers the ``doc`` fields too; a write that deletes
documents, an edited source replaced, drops the copies in its transaction) and its table comment
names the hierarchy it was sorted by (:func:`_stamp`). Otherwise queries read
``relations`` (correct, slower) until ``ensure_indexes`` runs again (at the end of every ingest).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dyads.store.hierarchy import Hierarchy, load_hierarchy, read_hierarchy, rollup_cte

if TYPE_CHECKING:
    from dyads.store import Store

#: Clustered copy of ``relations`` by the column it is sorted on.
CLUSTERED: dict[str, str] = {"source": "relations_by_source", "target": "relations_by_target"}
#: The ``documents`` columns copied into each clustered copy's ``doc`` STRUCT.
DOC_FIELDS = ("story_id", "date", "path", "url", "title", "outlet")


#: Scratch table of :func:`ensure_indexes`: the relations joined to their documents.
STAGING = "relations_staging"
#: A copy is sorted this many rows at a time (whole tops: a bigger top is sorted alone).
SORT_CHUNK_ROWS = 200_000


def ensure_indexes(store: Store) -> None:
    """(Re)build the sorted copies if missing or stale (needs a writable store).

    Built in steps that each fit the write cache's cap (``WRITE_MEMORY_LIMIT``), spilling to
    disk as they need: the relations are joined to their documents into a scratch table, then
    each copy is appended in sorted chunks of about :data:`SORT_CHUNK_ROWS` rows, each a range of
    tops. In one statement (join and sort) DuckDB ran out of memory at 200,000 documents (500,000
    relations), and one sort of the joined rows at 400,000 documents.
    """
    hier = read_hierarchy(store)  # as the store holds it now, never a remembered one
    fresh = _fresh_tables(store, hier)
    stale = [(side, table) for side, table in CLUSTERED.items() if fresh[side] != table]
    if not stale:
        return
    store.con.execute(
        f"""CREATE OR REPLACE TABLE {STAGING} AS
            SELECT r.*, CASE WHEN d.id IS NOT NULL THEN {doc_struct("d")} END AS doc
            FROM relations r LEFT JOIN documents d ON d.id = r.doc_id"""
    )
    try:
        for side, table in stale:
            _sorted_copy(store, table, side, hier)
            store.con.execute(f"COMMENT ON TABLE {table} IS '{_stamp(hier)}'")
    finally:
        store.con.execute(f"DROP TABLE IF EXISTS {STAGING}")


def _sorted_copy(store: Store, table: str, side: str, hier: Hierarchy) -> None:
    """Write ``table``: the scratch table with each actor's top, sorted on ``side``'s top, then
    ``side``'s id, then the other's id; sorted and appended one chunk of tops at a time."""
    other = "target" if side == "source" else "source"
    tops, params = rollup_cte(hier, "tops")
    rows = f"""(WITH {tops}
                SELECT r.*, coalesce(ts.up, r.source_id) AS source_top,
                       coalesce(tt.up, r.target_id) AS target_top
                FROM {STAGING} r LEFT JOIN tops ts ON ts.id = r.source_id
                LEFT JOIN tops tt ON tt.id = r.target_id)"""
    order = f"ORDER BY {side}_top, {side}_id, {other}_id"
    store.con.execute(f"CREATE OR REPLACE TABLE {table} AS SELECT * FROM {rows} LIMIT 0", params)
    counts = store.con.execute(
        f"SELECT {side}_top, count(*) FROM {rows} WHERE {side}_top IS NOT NULL "
        f"GROUP BY {side}_top ORDER BY {side}_top",
        params,
    ).fetchall()
    for lo, hi in _chunks(counts, SORT_CHUNK_ROWS):
        store.con.execute(
            f"INSERT INTO {table} SELECT * FROM {rows} WHERE {side}_top BETWEEN ? AND ? {order}",
            [*params, lo, hi],
        )
    store.con.execute(
        f"INSERT INTO {table} SELECT * FROM {rows} WHERE {side}_top IS NULL {order}", params
    )


def _chunks(counts: list[tuple[str, int]], size: int) -> list[tuple[str, str]]:
    """(first, last) top of consecutive runs of ``counts`` (sorted tops and their rows) holding
    about ``size`` rows each; a top with more rows is a run of its own."""
    runs: list[list[str]] = []
    n = 0
    for top, k in counts:
        if not runs or n + k > size:
            runs.append([top])
            n = 0
        runs[-1].append(top)
        n += k
    return [(run[0], run[-1]) for run in runs]


def stamp(hier: Hierarchy) -> str:
    """The stamp of sorted copies built by ``hier`` (a Parquet store keeps it in ``meta``)."""
    return _stamp(hier)


def _stamp(hier: Hierarchy) -> str:
    """The comment of a sorted copy: how it was built and the hierarchy it is sorted by."""
    return f"dyads sorted copy 2; hierarchy {hier.signature()}"


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
    return store.memo("relations_tables", lambda: _fresh_tables(store, load_hierarchy(store)))


def _fresh_tables(store: Store, hier: Hierarchy) -> dict[str, str]:
    fresh = [
        t
        for (t,) in store.con.execute(
            "SELECT name FROM (SELECT table_name AS name, comment, schema_name FROM "
            "duckdb_tables() UNION ALL SELECT view_name, comment, schema_name FROM duckdb_views()) "
            "WHERE schema_name = 'main' AND comment = ? AND name IN (SELECT unnest(?::VARCHAR[]))",
            [_stamp(hier), list(CLUSTERED.values())],
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


#: Up to this many ids are matched with a literal ``IN (?, ...)`` list, which lets DuckDB skip row
#: groups by their min/max statistics; a larger set is matched with ``= ANY(array)``, which DuckDB
#: evaluates faster on the row groups it reads (measured 13 ms against 80 ms for ten leaders and
#: 134 subordinates on 1M relations, without the tops).
MAX_LITERAL_IDS = 3


def member_sql(
    store: Store, table: str, column: str, ids: list[str], *, alias: str = ""
) -> tuple[str, list[Any]]:
    """SQL (and params) for ``<alias>.<column>`` (``source_id`` or ``target_id``) being one of
    ``ids``.

    On a sorted copy the condition also names the ids' tops in the hierarchy, when they are at
    most :data:`MAX_LITERAL_IDS` (one for a family): DuckDB then reads only the row groups of
    those tops. The tops come from the hierarchy the copy was sorted by (a fresh copy's).
    """
    sql, params = ids_sql(column, ids, alias=alias)
    if is_clustered(table) and ids:
        hier = load_hierarchy(store)
        tops = sorted({hier.top(i) for i in ids})
        if len(tops) <= MAX_LITERAL_IDS:
            col = f"{alias}.{column}" if alias else column
            top_col = col.removesuffix("_id") + "_top"
            sql, params = f"{top_col} IN {in_list(tops)} AND {sql}", [*tops, *params]
    return sql, params


def ids_sql(column: str, ids: list[str], *, alias: str = "") -> tuple[str, list[Any]]:
    """SQL (and params) for ``<alias>.<column>`` being one of ``ids``, on any relations table
    (no tops: :func:`member_sql` adds them on a sorted copy)."""
    col = f"{alias}.{column}" if alias else column
    if len(ids) <= MAX_LITERAL_IDS:
        return f"{col} IN {in_list(ids)}", list(ids)
    return f"{col} = ANY(?::VARCHAR[])", [list(ids)]


def in_list(values: list[Any]) -> str:
    """``(?, ?, ...)`` for ``values``: a literal IN list lets DuckDB prune row groups by their
    min/max statistics, which ``IN (SELECT unnest(?))`` does not (measured 2 ms against 8 ms)."""
    return "(" + ", ".join("?" for _ in values) + ")" if values else "(NULL)"
