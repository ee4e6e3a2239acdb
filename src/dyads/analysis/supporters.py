"""Who supports an actor, and whom an actor supports: kinds, dates, independent stories, modality.

Only SUPPORTS claims that are affirmed and asserted, reported or believed count as support
(:data:`~dyads.analysis.queries.COUNTED_SQL`). Denials ("Iran denies arming the Houthis") and
hypothetical or questioned claims are returned beside them, counted apart, never as support.
Stories, not documents, are counted: copies of one story (same ``documents.story_id``) count once.
"""

from __future__ import annotations

from typing import Any

from dyads.analysis.queries import (
    CLASS_SQL,
    COUNTED_SQL,
    MODALITY_RANK_SQL,
    _evidence,
    actor_names,
    actor_ref,
    mark_copies,
    resolve_actor,
)
from dyads.analysis.indexes import relations_table
from dyads.analysis.rollup import Hierarchy, load_hierarchy, rollup_cte
from dyads.analysis.timefilter import NO_FILTER, TimeFilter, hi_sql, lo_sql
from dyads.store import Store

#: Evidence sentences returned per supporter and class (affirmed, denied, unconfirmed).
EVIDENCE_PER_SUPPORTER = 3


def supporters(
    store: Store,
    name: str,
    *,
    roll_up: bool = False,
    time: TimeFilter = NO_FILTER,
    kind: str | None = None,
    evidence: int = EVIDENCE_PER_SUPPORTER,
) -> dict[str, Any]:
    """Actors that support ``name`` (``dyads supporters X``)."""
    return _support(store, name, incoming=True, roll_up=roll_up, time=time, kind=kind, evidence=evidence)


def supported_by(
    store: Store,
    name: str,
    *,
    roll_up: bool = False,
    time: TimeFilter = NO_FILTER,
    kind: str | None = None,
    evidence: int = EVIDENCE_PER_SUPPORTER,
) -> dict[str, Any]:
    """Actors that ``name`` supports (``dyads supported-by X``: the actors supported by X)."""
    return _support(store, name, incoming=False, roll_up=roll_up, time=time, kind=kind, evidence=evidence)


def _support(
    store: Store,
    name: str,
    *,
    incoming: bool,
    roll_up: bool,
    time: TimeFilter,
    kind: str | None,
    evidence: int,
) -> dict[str, Any]:
    actor_id = resolve_actor(store, name)
    hier: Hierarchy | None = load_hierarchy(store) if roll_up else None
    fam = hier.family(actor_id) if hier else [actor_id]
    here, other = ("target_id", "source_id") if incoming else ("source_id", "target_id")
    ru_sql, ru_params = rollup_cte(hier)
    tsql, tparams = time.sql()
    kind_sql, kind_params = ("", [])
    if kind:
        kind_sql, kind_params = "AND list_contains(r.kinds, ?)", [kind]
    eff = "coalesce(r.date, d.date)"
    base = f"""
        WITH {ru_sql},
        ev AS (
            SELECT coalesce(ru.up, r.{other}) AS partner, r.*, d.story_id, d.date AS doc_date,
                   {COUNTED_SQL} AS counted, {CLASS_SQL} AS class,
                   {lo_sql(eff)} AS lo, {hi_sql(eff)} AS hi, {eff} AS eff
            FROM {relations_table(store, here[:-3])} r JOIN documents d ON d.id = r.doc_id
            LEFT JOIN ru ON ru.id = r.{other}
            WHERE r.relation = 'SUPPORTS' AND r.{here} IN (SELECT unnest(?::VARCHAR[]))
              AND r.{other} NOT IN (SELECT unnest(?::VARCHAR[])) AND {tsql} {kind_sql}
        )
    """
    params = [*ru_params, fam, fam, *tparams, *kind_params]
    rows = store.query(
        base
        + """
        SELECT partner,
               count(DISTINCT story_id) FILTER (WHERE counted) AS n_stories,
               count(DISTINCT doc_id) FILTER (WHERE counted) AS n_documents,
               count(DISTINCT story_id) FILTER (WHERE counted AND modality = 'asserted') AS asserted,
               count(DISTINCT story_id) FILTER (WHERE counted AND modality = 'reported') AS reported,
               count(DISTINCT story_id) FILTER (WHERE counted AND modality = 'believed') AS believed,
               count(DISTINCT story_id) FILTER (WHERE class = 'denied') AS denied,
               count(DISTINCT story_id) FILTER (WHERE class = 'unconfirmed') AS unconfirmed,
               arg_min(eff, lo) FILTER (WHERE counted AND eff IS NOT NULL) AS first,
               arg_max(eff, hi) FILTER (WHERE counted AND eff IS NOT NULL) AS last,
               list(DISTINCT r_src) AS via
        FROM (SELECT *, """ + other + """ AS r_src FROM ev)
        GROUP BY partner
        ORDER BY n_stories DESC, asserted DESC, reported DESC, denied, partner
        """,
        params,
    )
    kinds = store.query(
        base
        + """
        SELECT partner, k AS kind, count(DISTINCT story_id) AS n_stories
        FROM (SELECT partner, story_id, unnest(CASE WHEN len(kinds) = 0 THEN ['unspecified'] ELSE kinds END) AS k
              FROM ev WHERE counted)
        GROUP BY partner, k ORDER BY partner, n_stories DESC, k
        """,
        params,
    )
    by_partner: dict[str, dict[str, int]] = {}
    for k in kinds:
        by_partner.setdefault(k["partner"], {})[k["kind"]] = k["n_stories"]
    samples = _samples(store, base, params, evidence) if evidence else {}
    names = actor_names(store, [r["partner"] for r in rows])
    types = dict(
        store.con.execute(
            "SELECT id, type FROM actors WHERE id IN (SELECT unnest(?::VARCHAR[]))", [[r["partner"] for r in rows]]
        ).fetchall()
    ) if rows else {}
    out = []
    for r in rows:
        pid = r["partner"]
        out.append(
            {
                "id": pid,
                "name": names.get(pid, pid),
                "type": types.get(pid),
                "kinds": by_partner.get(pid, {}),
                "first": r["first"],
                "last": r["last"],
                "n_stories": r["n_stories"],
                "n_documents": r["n_documents"],
                "n_copies": r["n_documents"] - r["n_stories"],
                "modality": {
                    "asserted": r["asserted"],
                    "reported": r["reported"],
                    "believed": r["believed"],
                    "denied": r["denied"],
                    "unconfirmed": r["unconfirmed"],
                },
                "status": "supported" if r["n_stories"] else ("denied only" if r["denied"] else "unconfirmed only"),
                "via": sorted(v for v in r["via"] if v != pid),
                "evidence": samples.get(pid, []),
            }
        )
    return {
        "actor": actor_ref(store, actor_id),
        "direction": "supporters" if incoming else "supported",
        "roll_up": roll_up,
        "kind": kind,
        "time": time.describe() or None,
        "rows": out,
    }


def _samples(store: Store, base: str, params: list[Any], per: int) -> dict[str, list[dict[str, Any]]]:
    """The strongest ``per`` sentences of each class for each partner, one per story."""
    rows = store.query(
        base
        + f"""
        , best AS (
            SELECT ev.*, {MODALITY_RANK_SQL.replace('r.', 'ev.')} AS mrank, len(ev.kinds) = 0 AS nokind,
                   row_number() OVER (PARTITION BY ev.partner, ev.class, ev.story_id
                                      ORDER BY len(ev.kinds) = 0, {MODALITY_RANK_SQL.replace('r.', 'ev.')},
                                               ev.confidence DESC, ev.doc_id) AS in_story
            FROM ev
        ), ranked AS (
            SELECT *, row_number() OVER (PARTITION BY partner, class ORDER BY nokind, mrank, confidence DESC, id) AS n
            FROM best WHERE in_story = 1
        )
        SELECT r.partner, r.class, r.id, r.relation, r.source_id, s.name AS source, r.target_id,
               t.name AS target, r.kinds, r.modality, r.polarity, r.attributed_to,
               att.name AS attributed_name, r.date, r.role, r.confidence, r.doc_id, d.path, d.url,
               d.title, d.date AS doc_date, d.outlet, d.story_id, r.evidence, r.start, r."end"
        FROM ranked r
        JOIN documents d ON d.id = r.doc_id
        LEFT JOIN actors s ON s.id = r.source_id
        LEFT JOIN actors t ON t.id = r.target_id
        LEFT JOIN actors att ON att.id = r.attributed_to
        WHERE r.n <= {int(per)}
        ORDER BY r.partner, CASE r.class WHEN 'affirmed' THEN 0 WHEN 'denied' THEN 1 ELSE 2 END,
                 r.nokind, r.mrank, r.confidence DESC
        """,
        params,
    )
    out: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        e = _evidence(r)
        e["class"] = r["class"]
        out.setdefault(r["partner"], []).append(e)
    for items in out.values():
        mark_copies(items)
    return out


__all__ = ["supporters", "supported_by"]
