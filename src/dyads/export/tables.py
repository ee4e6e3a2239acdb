"""The rows every exporter shares: actors, claims (relations with their evidence) and documents."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dyads.analysis.queries import COUNTED_SQL
from dyads.analysis.rollup import (
    ROLLED_FROM,
    ROLLED_SOURCE,
    ROLLED_TARGET,
    load_hierarchy,
    rollup_cte,
)
from dyads.analysis.timefilter import NO_FILTER, TimeFilter
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
                   {aliases} AS aliases, a.origin, a.generic
            FROM actors a LEFT JOIN ru ON ru.id = a.id ORDER BY a.id""",
        params,
    )


def claims_sql(
    store: Store, opts: ExportOptions, *, list_sep: str | None = None
) -> tuple[str, list[Any]]:
    """One row per claim with its document's metadata; ``counted`` says if it counts as evidence."""
    ru, rparams = rollup_cte(load_hierarchy(store))
    tsql, tparams = opts.time.sql()
    kinds = f"array_to_string(r.kinds, '{list_sep}')" if list_sep else "r.kinds"
    return (
        f"""WITH {ru}
            SELECT r.id, r.relation, r.source_id, {ROLLED_SOURCE} AS source_rollup,
                   r.target_id, {ROLLED_TARGET} AS target_rollup, {kinds} AS kinds,
                   r.role, r.date, r.modality, r.polarity, {COUNTED_SQL} AS counted, r.attributed_to,
                   r.confidence, r.cue, r.event, r.event_mode, r.doc_id, d.story_id, d.date AS doc_date, d.outlet, d.title,
                   d.url, d.path, r.sentence, r.start, r."end", r.evidence
            {ROLLED_FROM}
            WHERE {tsql}
            ORDER BY d.path, r.doc_id, r.start, r.id""",
        [*rparams, *tparams],
    )


DOCUMENTS_SQL = """SELECT id, path, url, title, date, outlet, story_id, n_sentences, n_chars
                   FROM documents ORDER BY path, id"""
