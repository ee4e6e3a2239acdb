"""Who supports an actor, and whom an actor supports: kinds, dates, independent stories, modality.

Only SUPPORTS claims that are affirmed and asserted, reported or believed count as support
(:data:`~dyads.analysis.queries.COUNTED_SQL`). Denials ("Iran denies arming the Houthis") and
hypothetical or questioned claims are returned beside them, counted apart, never as support.
Stories, not documents, are counted: copies of one story (same ``documents.story_id``) count once.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from typing import Any

from dyads.analysis.claims import claim_table, ids_sql
from dyads.analysis.queries import CLASS_SQL, actor_rows, claim_class, resolve_actor
from dyads.analysis.results import ActorRef, Citation, ModalityMix, Partner, Support, mark_copies
from dyads.analysis.rollup import Hierarchy, load_hierarchy
from dyads.analysis.timefilter import NO_FILTER, TimeFilter, date_bounds
from dyads.store import Store

#: Evidence sentences returned per supporter and class (affirmed, denied, unconfirmed).
EVIDENCE_PER_SUPPORTER = 3
#: Rows returned by default (the strongest first); ``n_partners`` says how many there were.
DEFAULT_LIMIT = 50
#: Partners are ranked in Python on the actor's claims up to this many, in SQL above (a hub:
#: Python ranks 5,000 claims of 3,600 partners in ~15 ms, where SQL takes ~8 ms; for a few
#: claims one query less is faster). Both rank alike (tested).
RANK_IN_SQL_ABOVE = 1_000


def supporters(
    store: Store,
    name: str,
    *,
    roll_up: bool = True,
    time: TimeFilter = NO_FILTER,
    kind: str | None = None,
    evidence: int = EVIDENCE_PER_SUPPORTER,
    limit: int | None = DEFAULT_LIMIT,
) -> Support:
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
    roll_up: bool = True,
    time: TimeFilter = NO_FILTER,
    kind: str | None = None,
    evidence: int = EVIDENCE_PER_SUPPORTER,
    limit: int | None = DEFAULT_LIMIT,
) -> Support:
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
) -> Support:
    actor_id = resolve_actor(store, name)
    hier: Hierarchy | None = load_hierarchy(store) if roll_up else None
    fam = hier.family(actor_id) if hier else [actor_id]
    here, other = ("target_id", "source_id") if incoming else ("source_id", "target_id")
    claims = claim_table(store, here[:-3])
    tsql, tparams = time.sql("r", "r.doc")
    kind_sql, kind_params = ("", [])
    if kind:
        kind_sql, kind_params = "AND list_contains(r.kinds, ?)", [kind]
    in_fam, in_params = claims.member(here, fam)
    other_in_fam, other_params = ids_sql(other, fam, alias="r")
    where = f"""r.relation = 'SUPPORTS' AND {in_fam} AND NOT ({other_in_fam})
          AND {claims.found} AND {tsql} {kind_sql}"""
    params = [*in_params, *other_params, *tparams, *kind_params]
    # The actor's claims (a few to tens of thousands for a hub) are counted up to
    # RANK_IN_SQL_ABOVE. Up to there all are read with what their evidence shows and partners
    # are ranked here; above, partners are ranked in SQL and only the claims of the partners
    # shown are read.
    pid, tops_join, tops_params = claims.partner(other, hier)
    src = f"{claims.sql} r {tops_join}"
    src_params = [*tops_params, *params]
    select = f"""SELECT {pid} AS partner, r.id, r.relation, r.source_id, r.target_id, r.kinds,
                        r.modality, r.polarity, r.attributed_to, r.date, r.role, r.confidence,
                        r.doc_id, r.doc.path, r.doc.url, r.doc.title, r.doc.date AS doc_date,
                        r.doc.outlet, r.doc.story_id, r.evidence, r.start, r."end"
                 FROM {src} WHERE {where}"""
    many = store.con.execute(
        f"SELECT count(*) FROM (SELECT 1 FROM {src} WHERE {where} LIMIT {RANK_IN_SQL_ABOVE + 1})",
        src_params,
    ).fetchall()[0][0]
    in_sql = many > RANK_IN_SQL_ABOVE
    if in_sql:
        order, n_partners = _rank_in_sql(store, src, where, pid, src_params, limit)
        rows = store.query(f"{select} AND {pid} = ANY(?::VARCHAR[])", [*src_params, order])
    else:
        rows = store.query(select, src_params)
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        groups.setdefault(r.pop("partner"), []).append(r)
    if not in_sql:
        order = sorted(groups, key=lambda partner: _rank_key(partner, groups[partner]))
        n_partners = len(order)
        if limit:
            order = order[:limit]
    ranked = []
    for partner in order:
        p = _Partner()
        for r in groups[partner]:
            p.add(
                r[other],
                r["id"],
                list(r["kinds"] or []),
                r["modality"],
                r["polarity"],
                r["confidence"] or 0.0,
                r["doc_id"],
                r["story_id"],
                r["date"] if r["date"] is not None else r["doc_date"],
            )
        ranked.append((partner, p, p.summary()))
    chosen = {rid for _, p, _ in ranked for rid in p.samples(evidence)} if evidence else set()
    by_id = {r["id"]: r for partner in order for r in groups[partner] if r["id"] in chosen}
    ids = [partner for partner, _, _ in ranked]
    refs = actor_rows(
        store,
        [
            actor_id,
            *ids,
            *(r[k] for r in by_id.values() for k in ("source_id", "target_id", "attributed_to")),
        ],
    )
    texts = {
        rid: Citation.from_row(r | {"attributed_name": refs.get(r["attributed_to"], (None,))[0]})
        for rid, r in by_id.items()
    }
    names = {i: n for i, (n, _) in refs.items()}
    types = {i: t for i, (_, t) in refs.items()}
    out = []
    for partner, p, row in ranked:
        items = (
            [
                replace(texts[rid], claim_class=cls)
                for cls, rid in p.sample_order(evidence)
                if rid in texts
            ]
            if evidence
            else []
        )
        out.append(
            Partner(
                id=partner,
                name=names.get(partner, partner),
                type=types.get(partner),
                **row,
                via=tuple(sorted(v for v in p.via if v != partner)),
                evidence=mark_copies(items),
            )
        )
    name_, type_ = refs.get(actor_id, (actor_id, None))
    return Support(
        actor=ActorRef(actor_id, name_, type_),
        direction="supporters" if incoming else "supported",
        roll_up=roll_up,
        kind=kind,
        time=time.describe() or None,
        n_partners=n_partners,
        rows=tuple(out),
    )


def _rank_key(partner: str, claims: list[dict[str, Any]]) -> tuple[Any, ...]:
    """Strongest first: stories, then asserted and reported stories, then fewest denials
    (as :func:`_rank_in_sql` ranks them)."""
    counted: set[Any] = set()
    asserted: set[Any] = set()
    reported: set[Any] = set()
    denied: set[Any] = set()
    for claim in claims:
        modality, story = claim["modality"], claim["story_id"]
        cls = claim_class(claim["polarity"], modality)
        if cls == "denied":
            denied.add(story)
        elif cls == "affirmed":
            counted.add(story)
            if modality == "asserted":
                asserted.add(story)
            elif modality == "reported":
                reported.add(story)
    return (-len(counted), -len(asserted), -len(reported), len(denied), partner)


def _rank_in_sql(
    store: Store,
    src: str,
    where: str,
    pid: str,
    params: list[Any],
    limit: int | None,
) -> tuple[list[str], int]:
    """(the strongest ``limit`` partners, how many there are), ranked as :func:`_rank_key` does.

    Per (partner, story) which classes of claim it holds, then per partner how many stories
    (GROUP BY makes one group of NULL stories, as a Python set holds one None)."""
    rows = store.con.execute(
        f"""WITH c AS (
                SELECT {pid} AS pid, r.doc.story_id AS story, {CLASS_SQL} AS class, r.modality
                FROM {src} WHERE {where}),
            s AS (
                SELECT pid, story, bool_or(class = 'affirmed') AS counted,
                       bool_or(class = 'affirmed' AND modality = 'asserted') AS asserted,
                       bool_or(class = 'affirmed' AND modality = 'reported') AS reported,
                       bool_or(class = 'denied') AS denied
                FROM c GROUP BY ALL)
            SELECT pid, count(*) OVER () AS n_partners FROM s GROUP BY pid
            ORDER BY count_if(counted) DESC, count_if(asserted) DESC, count_if(reported) DESC,
                     count_if(denied), pid
            {f"LIMIT {int(limit)}" if limit else ""}""",
        params,
    ).fetchall()
    return [p for p, _ in rows], (rows[0][1] if rows else 0)


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
        cls = claim_class(polarity, modality)
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
            "modality": ModalityMix(
                asserted=len(self.stories["asserted"]),
                reported=len(self.stories["reported"]),
                believed=len(self.stories["believed"]),
                denied=denied,
                unconfirmed=len(self.stories["unconfirmed"]),
            ),
            "status": _status(n, denied),
        }


def _status(counted: int, denied: int) -> str:
    """``supported``; ``contested`` when some stories affirm and others deny it; ``denied only``;
    ``unconfirmed only`` (hypothetical or asked, never affirmed)."""
    if counted:
        return "contested" if denied else "supported"
    return "denied only" if denied else "unconfirmed only"


__all__ = ["supporters", "supported_by"]
