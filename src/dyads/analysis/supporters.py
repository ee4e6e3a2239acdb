"""Who supports an actor, and whom an actor supports: kinds, dates, independent stories, modality.

Only SUPPORTS claims that are affirmed and asserted, reported or believed count as support
(:data:`~dyads.analysis.queries.COUNTED_SQL`). Denials ("Iran denies arming the Houthis") and
hypothetical or questioned claims are returned beside them, counted apart, never as support.
Stories, not documents, are counted: copies of one story (same ``documents.story_id``) count once.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from dyads.analysis.queries import _evidence, actor_rows, mark_copies, resolve_actor
from dyads.analysis.rollup import Hierarchy, load_hierarchy
from dyads.analysis.timefilter import NO_FILTER, TimeFilter, date_bounds
from dyads.store import Store
from dyads.store.clustered import ids_sql, is_clustered, member_sql, relations_table

#: Evidence sentences returned per supporter and class (affirmed, denied, unconfirmed).
EVIDENCE_PER_SUPPORTER = 3
#: Rows returned by default (the strongest first); ``n_partners`` says how many there were.
DEFAULT_LIMIT = 50


def supporters(
    store: Store,
    name: str,
    *,
    roll_up: bool = False,
    time: TimeFilter = NO_FILTER,
    kind: str | None = None,
    evidence: int = EVIDENCE_PER_SUPPORTER,
    limit: int | None = DEFAULT_LIMIT,
) -> dict[str, Any]:
    """Actors that support ``name`` (``dyads supporters X``), strongest first, at most ``limit``."""
    return _support(
        store,
        name,
        incoming=True,
        roll_up=roll_up,
        time=time,
        kind=kind,
        evidence=evidence,
        limit=limit,
    )


def supported_by(
    store: Store,
    name: str,
    *,
    roll_up: bool = False,
    time: TimeFilter = NO_FILTER,
    kind: str | None = None,
    evidence: int = EVIDENCE_PER_SUPPORTER,
    limit: int | None = DEFAULT_LIMIT,
) -> dict[str, Any]:
    """Actors that ``name`` supports (``dyads supported-by X``: the actors supported by X)."""
    return _support(
        store,
        name,
        incoming=False,
        roll_up=roll_up,
        time=time,
        kind=kind,
        evidence=evidence,
        limit=limit,
    )


def _support(
    store: Store,
    name: str,
    *,
    incoming: bool,
    roll_up: bool,
    time: TimeFilter,
    kind: str | None,
    evidence: int,
    limit: int | None,
) -> dict[str, Any]:
    actor_id = resolve_actor(store, name)
    hier: Hierarchy | None = load_hierarchy(store) if roll_up else None
    fam = hier.family(actor_id) if hier else [actor_id]
    here, other = ("target_id", "source_id") if incoming else ("source_id", "target_id")
    table = relations_table(store, here[:-3])
    # The documents' fields come from the copy's ``doc`` STRUCT when reading a clustered copy
    # (no documents scan at all), from a join to ``documents`` otherwise.
    d = "r.doc" if is_clustered(table) else "d"
    join = "" if is_clustered(table) else "JOIN documents d ON d.id = r.doc_id"
    found = "r.doc IS NOT NULL" if is_clustered(table) else "TRUE"
    tsql, tparams = time.sql("r", d)
    kind_sql, kind_params = ("", [])
    if kind:
        kind_sql, kind_params = "AND list_contains(r.kinds, ?)", [kind]
    in_fam, in_params = member_sql(store, table, here, fam, alias="r")
    other_in_fam, other_params = ids_sql(other, fam, alias="r")
    where = f"""r.relation = 'SUPPORTS' AND {in_fam} AND NOT ({other_in_fam})
          AND {found} AND {tsql} {kind_sql}"""
    params = [*in_params, *other_params, *tparams, *kind_params]
    # First the claims touching the actor (a few rows to tens of thousands for a hub) with only
    # what counting needs; partners are ranked on light per-claim work, and only the partners
    # shown are summarised. The evidence of the chosen claims is fetched afterwards.
    claims = store.rows(
        f"""SELECT r.{other}, r.id, r.kinds, r.modality, r.polarity, r.confidence, r.doc_id,
                   {d}.story_id, coalesce(r.date, {d}.date)
            FROM {table} r {join} WHERE {where}""",
        params,
    )
    groups: dict[str, list[tuple[Any, ...]]] = {}
    top = hier.top if hier else None
    for claim in claims:
        groups.setdefault(top(claim[0]) if top else claim[0], []).append(claim)
    order = sorted(groups, key=lambda pid: _rank_key(pid, groups[pid]))
    n_partners = len(order)
    if limit:
        order = order[:limit]
    ranked = []
    for pid in order:
        p = _Partner()
        for orig, rid, kinds, modality, polarity, conf, doc_id, story, eff in groups[pid]:
            p.add(orig, rid, list(kinds or []), modality, polarity, conf or 0.0, doc_id, story, eff)
        ranked.append((pid, p, p.summary()))
    chosen = sorted({rid for _, p, _ in ranked for rid in p.samples(evidence)}) if evidence else []
    by_id = _evidence_rows(store, table, join, d, where, params, chosen)
    ids = [pid for pid, _, _ in ranked]
    refs = actor_rows(
        store,
        [
            actor_id,
            *ids,
            *(r[k] for r in by_id.values() for k in ("source_id", "target_id", "attributed_to")),
        ],
    )
    texts = {
        rid: _evidence(r | {"attributed_name": refs.get(r["attributed_to"], (None,))[0]})
        for rid, r in by_id.items()
    }
    names = {i: n for i, (n, _) in refs.items()}
    types = {i: t for i, (_, t) in refs.items()}
    out = []
    for pid, p, row in ranked:
        items = (
            [texts[rid] | {"class": cls} for cls, rid in p.sample_order(evidence) if rid in texts]
            if evidence
            else []
        )
        out.append(
            {
                "id": pid,
                "name": names.get(pid, pid),
                "type": types.get(pid),
                **row,
                "via": sorted(v for v in p.via if v != pid),
                "evidence": mark_copies(items),
            }
        )
    name_, type_ = refs.get(actor_id, (actor_id, None))
    return {
        "actor": {"id": actor_id, "name": name_, "type": type_},
        "direction": "supporters" if incoming else "supported",
        "roll_up": roll_up,
        "kind": kind,
        "time": time.describe() or None,
        "n_partners": n_partners,
        "rows": out,
    }


def _evidence_rows(
    store: Store,
    table: str,
    join: str,
    d: str,
    where: str,
    params: list[Any],
    ids: list[str],
) -> dict[str, dict[str, Any]]:
    """The claims ``ids`` (among those ``where`` selects) with everything their evidence shows.

    The actor condition of ``where`` stays, so DuckDB reads only that actor's row groups."""
    if not ids:
        return {}
    rows = store.query(
        f"""SELECT r.id, r.relation, r.source_id, r.target_id, r.kinds, r.modality, r.polarity,
                   r.attributed_to, r.date, r.role, r.confidence, r.doc_id, {d}.path, {d}.url,
                   {d}.title, {d}.date AS doc_date, {d}.outlet, {d}.story_id, r.evidence,
                   r.start, r."end"
            FROM {table} r {join} WHERE {where} AND r.id = ANY(?::VARCHAR[])""",
        [*params, ids],
    )
    return {r["id"]: r for r in rows}


def _rank_key(pid: str, claims: list[tuple[Any, ...]]) -> tuple[Any, ...]:
    """Strongest first: stories, then asserted and reported stories, then fewest denials.

    Computed on the raw claim rows: a hub has thousands of partners, of which only the first
    ``limit`` are summarised (:class:`_Partner`)."""
    counted: set[Any] = set()
    asserted: set[Any] = set()
    reported: set[Any] = set()
    denied: set[Any] = set()
    for claim in claims:
        modality, polarity, story = claim[3], claim[4], claim[7]
        if polarity == "denied":
            denied.add(story)
        elif modality not in ("hypothetical", "question"):
            counted.add(story)
            if modality == "asserted":
                asserted.add(story)
            elif modality == "reported":
                reported.add(story)
    return (-len(counted), -len(asserted), -len(reported), len(denied), pid)


_MODALITY_RANK = {"asserted": 0, "reported": 1, "believed": 2, "hypothetical": 3, "question": 4}


class _Partner:
    """The claims of one supporter (or supported actor), counted by story."""

    def __init__(self) -> None:
        # counted, asserted, reported, believed, denied, unconfirmed -> stories (made on demand:
        # a hub has thousands of partners)
        self.stories: defaultdict[str, set[Any]] = defaultdict(set)
        self.docs: set[Any] = set()
        self.kinds: dict[str, set[Any]] = {}
        self.dates: list[tuple[str, str, str]] = []  # (lo, hi, text)
        self.via: set[str] = set()
        # best claim per (class, story): (sort key, relation id)
        self.best: dict[tuple[str, Any], tuple[tuple[Any, ...], str]] = {}

    def add(
        self,
        orig: str,
        rid: str,
        kinds: list[str],
        modality: str,
        polarity: str,
        conf: float,
        doc_id: str,
        story: Any,
        eff: str | None,
    ) -> None:
        self.via.add(orig)
        if polarity == "denied":
            cls = "denied"
        elif modality in ("hypothetical", "question"):
            cls = "unconfirmed"
        else:
            cls = "affirmed"
        if cls == "affirmed":
            for bucket in ("counted", modality):
                self.stories[bucket].add(story)
            self.docs.add(doc_id)
            for k in kinds or ["unspecified"]:
                self.kinds.setdefault(k, set()).add(story)
            if eff:
                lo, hi = date_bounds(eff)
                self.dates.append((lo, hi, eff))
        else:
            self.stories[cls].add(story)
        rank = (not kinds, _MODALITY_RANK.get(modality, 5), -conf, rid)
        cur = self.best.get((cls, story))
        if cur is None or rank < cur[0]:
            self.best[(cls, story)] = (rank, rid)

    def sample_order(self, per: int) -> list[tuple[str, str]]:
        """(class, relation id) of the strongest ``per`` claims of each class, one per story."""
        out = []
        for cls in ("affirmed", "denied", "unconfirmed"):
            ranked = sorted(v for (c, _), v in self.best.items() if c == cls)
            out += [(cls, rid) for _, rid in ranked[:per]]
        return out

    def samples(self, per: int) -> list[str]:
        return [rid for _, rid in self.sample_order(per)]

    def summary(self) -> dict[str, Any]:
        n = len(self.stories["counted"])
        kinds = sorted(self.kinds.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        denied = len(self.stories["denied"])
        return {
            "kinds": {k: len(v) for k, v in kinds},
            "first": min(self.dates)[2] if self.dates else None,
            "last": max(self.dates, key=lambda d: (d[1], d[0]))[2] if self.dates else None,
            "n_stories": n,
            "n_documents": len(self.docs),
            "n_copies": len(self.docs) - n,
            "modality": {
                "asserted": len(self.stories["asserted"]),
                "reported": len(self.stories["reported"]),
                "believed": len(self.stories["believed"]),
                "denied": denied,
                "unconfirmed": len(self.stories["unconfirmed"]),
            },
            "status": "supported" if n else ("denied only" if denied else "unconfirmed only"),
        }


__all__ = ["supporters", "supported_by"]
