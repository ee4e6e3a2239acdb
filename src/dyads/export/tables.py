"""The rows every exporter shares: actors, claims (relation records with their evidence) and
documents."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from dyads.analysis.queries import COUNTED_SQL, resolve_actor
from dyads.analysis.rollup import (
    ROLLED_FROM,
    ROLLED_SOURCE,
    ROLLED_TARGET,
    load_hierarchy,
    rollup_cte,
)
from dyads.analysis.timefilter import NO_FILTER, TimeFilter
from dyads.errors import QueryError
from dyads.records import RELATION_TYPES
from dyads.store import Store


@dataclass(frozen=True)
class ExportOptions:
    roll_up: bool = True
    time: TimeFilter = field(default=NO_FILTER)


def actors_sql(
    store: Store, opts: ExportOptions, *, list_sep: str | None = None
) -> tuple[str, list[Any]]:
    """Actors with ``rollup`` (the actor they roll up to). ``list_sep`` joins aliases into a string."""
    ru, params = rollup_cte(load_hierarchy(store))
    aliases = f"array_to_string(a.aliases, '{list_sep}')" if list_sep else "a.aliases"
    return (
        f"""WITH {ru} SELECT a.id, a.name, a.type, a.country, a.parent, coalesce(ru.up, a.id) AS rollup,
                   {aliases} AS aliases, a.origin, coalesce(a.generic, false) AS generic
            FROM actors a LEFT JOIN ru ON ru.id = a.id ORDER BY a.id""",
        params,
    )


#: How each column of :data:`~dyads.export.records.EXPORT_COLUMNS` is read from ``relations r``,
#: ``documents d``, the actors ``s``, ``t`` and ``att`` and the roll-up ``rs``/``rt``.
#: ``confidence`` is rounded to 3 decimals as ``Relation.to_dict`` rounds it: printf rounds the
#: exact binary value half to even as Python's ``round`` does (DuckDB's ``round`` gives 0.563 for
#: 0.75 x 0.75, Python 0.562).
CLAIM_COLUMNS: dict[str, str] = {
    "id": "r.id",
    "relation": "r.relation",
    **{
        f"{side}_{col}": expr.format(a=alias, side=side)
        for side, alias in (("source", "s"), ("target", "t"))
        for col, expr in (
            ("id", "r.{side}_id"),
            ("name", "{a}.name"),
            ("type", "{a}.type"),
            ("country", "{a}.country"),
            ("mention", "r.{side}_mention"),
            ("generic", "coalesce({a}.generic, false)"),
        )
    },
    "kinds": "r.kinds",
    "role": "r.role",
    "date": "r.date",
    "modality": "r.modality",
    "polarity": "r.polarity",
    "attributed_to_id": "r.attributed_to",
    "attributed_to_name": "CASE WHEN r.attributed_to IS NOT NULL THEN att.name END",
    "plover_event": "r.event",
    "plover_mode": "CASE WHEN r.event IS NOT NULL THEN r.event_mode END",
    "evidence_doc": "r.doc_id",
    "evidence_sentence": "r.evidence",
    "evidence_start": "r.start",
    "evidence_end": 'r."end"',
    "confidence": "CAST(printf('%.3f', r.confidence) AS DOUBLE)",
    "source_rollup": ROLLED_SOURCE,
    "target_rollup": ROLLED_TARGET,
    "counted": COUNTED_SQL,
    "evidence_index": "r.sentence",
    "cue": "r.cue",
    "document_story_id": "d.story_id",
    "document_date": "d.date",
    "document_outlet": "d.outlet",
    "document_title": "d.title",
    "document_url": "d.url",
    "document_path": "d.path",
}

CLAIM_FROM = f"""{ROLLED_FROM}
            LEFT JOIN actors s ON s.id = r.source_id LEFT JOIN actors t ON t.id = r.target_id
            LEFT JOIN actors att ON att.id = r.attributed_to"""

#: The order of the exports: by document, then by position in it.
EXPORT_ORDER = "d.path, r.doc_id, r.start, r.id"


def claims_sql(
    store: Store,
    opts: ExportOptions,
    *,
    list_sep: str | None = None,
    where: Sequence[str] = (),
    params: Sequence[Any] = (),
    order: str = EXPORT_ORDER,
    limit: int | None = None,
) -> tuple[str, list[Any]]:
    """One row per claim, columns :data:`~dyads.export.records.EXPORT_COLUMNS`: the relation
    record flattened, then the exports' additions (``counted`` says if it counts as evidence).

    ``list_sep`` joins ``kinds`` into a string (CSV); ``where`` adds conditions on the aliases of
    :data:`CLAIM_COLUMNS` (with their ``params``) to the export's time filter.
    """
    ru, rparams = rollup_cte(load_hierarchy(store))
    tsql, tparams = opts.time.sql()
    cols = dict(CLAIM_COLUMNS)
    if list_sep:
        cols["kinds"] = f"array_to_string(r.kinds, '{list_sep}')"
    select = ",\n                   ".join(f'{expr} AS "{name}"' for name, expr in cols.items())
    conditions = " AND ".join([tsql, *where])
    sql = f"""WITH {ru}
            SELECT {select}
            {CLAIM_FROM}
            WHERE {conditions}
            ORDER BY {order}"""
    if limit:
        sql += f" LIMIT {int(limit)}"
    return sql, [*rparams, *tparams, *params]


#: The order of ``dyads relations``: by type, then source and target names.
LIST_ORDER = "r.relation, s.name, t.name, d.path, r.start, r.id"


def claim_rows(
    store: Store,
    relation: str | None = None,
    source: str | None = None,
    target: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """The claims of type ``relation`` from ``source`` to ``target`` (names, aliases or ids; each
    optional), as flat rows of :data:`~dyads.export.records.EXPORT_COLUMNS`; ``dyads relations``
    prints them (:func:`~dyads.export.records.nest` makes them relation records)."""
    where, params = [], []
    if relation:
        if relation.upper() not in RELATION_TYPES:
            raise QueryError(
                f"unknown relation type {relation!r}; use one of {', '.join(RELATION_TYPES)}"
            )
        where.append("r.relation = ?")
        params.append(relation.upper())
    for column, name in (("source_id", source), ("target_id", target)):
        if name:
            where.append(f"r.{column} = ?")
            params.append(resolve_actor(store, name))
    sql, all_params = claims_sql(
        store, ExportOptions(), where=where, params=params, order=LIST_ORDER, limit=limit
    )
    return store.query(sql, all_params)


DOCUMENTS_SQL = """SELECT id, path, url, title, date, outlet, story_id, n_sentences, n_chars
                   FROM documents ORDER BY path, id"""
