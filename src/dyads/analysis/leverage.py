"""How much leverage does A have over B? A transparent score built from the evidence.

Every claim between A's family and B's family (hierarchy always rolls up: evidence about the ISI
counts for Pakistan's military and for Pakistan) is sorted into a *component*; each component has
a weight (:data:`WEIGHTS`), each claim a modality factor (:data:`MODALITY_FACTOR`). Per component
and per independent story (``documents.story_id``) the strongest claim counts once; the strongest
:data:`MAX_STORIES` stories of a component are summed::

    points(component) = weight * sum(top MAX_STORIES story factors)
    raw   = sum(points of positive components) - sum(points of counter components)
    score = round(100 * (1 - exp(-max(raw, 0) / SCALE)))        # 0..100, saturating

Hypothetical claims and questions ("how much sway does Islamabad have?") never count; they are
listed under ``not_counted``. Denials count against (:data:`WEIGHTS` ``denial``), and so does
hostility between the two (attacks, opposition). ``docs/analysis.md`` documents every number.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import replace
from typing import Any

from dyads.analysis.claims import ClaimTable, claim_tables, ids_sql
from dyads.analysis.queries import (
    COUNTED_MODALITIES,
    COUNTED_SQL,
    actor_rows,
    claim_class,
    resolve_actor,
)
from dyads.analysis.results import (
    ActorRef,
    Citation,
    Leverage,
    LeverageClaim,
    LeverageComponent,
)
from dyads.analysis.rollup import load_hierarchy
from dyads.analysis.timefilter import NO_FILTER, TimeFilter
from dyads.store import Store
from dyads.store.clustered import in_list

#: Weight of one fully asserted, independent story in each component. Positive components raise
#: leverage; those in COUNTER lower it.
WEIGHTS: dict[str, float] = {
    "creation": 3.0,  # A CREATED B: a patron that founded a group keeps a hold on it
    "leadership": 3.0,  # A (a person or body) LEADS B, or B is a MEMBER_OF A
    "stated_leverage": 2.5,  # A INFLUENCES B: a source says A has sway, leverage or control
    "sanctuary": 2.0,  # A SUPPORTS B with safe haven or bases: B depends on A's territory
    "funding": 2.0,
    "weapons": 2.0,
    "troops": 2.0,
    "training": 1.5,
    "logistics": 1.0,
    "intelligence": 1.0,
    "support_other": 0.5,  # diplomatic, medical, documents, "other"
    "support_unspecified": 1.0,  # "A backs B" with no kind given
    "leadership_ties": 1.0,  # a leader of B is tied to A (cooperates with, member of, led by A)
    "cooperation": 0.5,  # A and B COOPERATE (either direction): ties, not control
    "denial": 1.0,  # a denied support/creation/influence claim of A over B
    "hostility": 1.5,  # A and B ATTACK each other (either direction)
    "opposition": 0.75,  # A and B OPPOSE each other (either direction)
}
#: Components that count against leverage.
COUNTER = frozenset({"denial", "hostility", "opposition"})
#: A denial by A itself (the self-serving "we never armed them") counts this share of ``denial``.
SELF_DENIAL_SHARE = 0.5
#: How much a claim counts by modality. Hypothetical claims and questions count 0 (not at all).
MODALITY_FACTOR: dict[str, float] = {"asserted": 1.0, "reported": 0.75, "believed": 0.6}
#: Stories counted per component (the strongest ones); more stories add nothing to that component.
MAX_STORIES = 3
#: Raw points at which the score reaches 63/100 (1 - 1/e).
SCALE = 6.0
#: Score bands, lowest first: (minimum score, label).
LEVELS = ((0, "no evidence"), (1, "weak"), (25, "moderate"), (50, "strong"), (75, "very strong"))

_KIND_COMPONENT = {
    "sanctuary": "sanctuary",
    "funding": "funding",
    "weapons": "weapons",
    "troops": "troops",
    "training": "training",
    "logistics": "logistics",
    "intelligence": "intelligence",
}
#: What each component says, in words (the CLI, ask and the web app print these).
LABELS: dict[str, str] = {
    "creation": "created it",
    "leadership": "leads it or counts it as a part",
    "stated_leverage": "said to have sway over it",
    "sanctuary": "gives it sanctuary",
    "funding": "funds it",
    "weapons": "arms it",
    "troops": "sends troops",
    "training": "trains it",
    "logistics": "gives logistics",
    "intelligence": "shares intelligence",
    "support_other": "other support",
    "support_unspecified": "backs it (kind unspecified)",
    "leadership_ties": "its leaders have ties to",
    "cooperation": "cooperates with it",
    "denial": "denials",
    "hostility": "hostilities between them",
    "opposition": "opposition between them",
}
_LEADER_TIES = ("COOPERATES", "MEMBER_OF", "LEADS", "SUPPORTS")


def leverage(
    store: Store, a: str, b: str, *, time: TimeFilter = NO_FILTER, top: int = 3
) -> Leverage:
    """The influence assessment of ``a`` over ``b``: score, components, strongest sentences."""
    ida, idb = resolve_actor(store, a), resolve_actor(store, b)
    hier = load_hierarchy(store)
    fam_a, fam_b = hier.family(ida), hier.family(idb)
    rows, tie_rows = _claims(store, fam_a, fam_b, time)
    set_a, set_b = set(fam_a), set(fam_b)
    refs = _name(store, [*rows, *tie_rows], [ida, idb])
    claims: list[tuple[str, float, dict[str, Any]]] = []  # (component, factor, row)
    not_counted: list[LeverageClaim] = []
    for r in rows:
        a_to_b = r["source_id"] in set_a and r["target_id"] in set_b
        comps = _components(r, a_to_b)
        if not comps:
            continue
        if r["class"] == "unconfirmed":
            not_counted.append(_item(r, comps[0][0], 0.0))
            continue
        for comp, share in comps:
            factor = MODALITY_FACTOR.get(r["modality"], 0.0) * share
            if factor > 0:
                claims.append((comp, factor, r))
    claims += [("leadership_ties", MODALITY_FACTOR[r["modality"]], r) for r in tie_rows]
    return _assess(refs[ida], refs[idb], fam_a, fam_b, claims, not_counted, time, top)


def _components(r: dict[str, Any], a_to_b: bool) -> list[tuple[str, float]]:
    """The components claim ``r`` belongs to, each with the share of the weight it carries."""
    rel, denied = r["relation"], r["polarity"] == "denied"
    if rel in ("ATTACKS", "OPPOSES"):
        return [] if denied else [("hostility" if rel == "ATTACKS" else "opposition", 1.0)]
    if rel == "COOPERATES":
        return [] if denied else [("cooperation", 1.0)]
    if rel == "MEMBER_OF" and not a_to_b:
        return [] if denied else [("leadership", 1.0)]
    if not a_to_b:
        return []  # B supports/creates/leads A: no leverage of A over B
    if denied:
        if rel not in ("SUPPORTS", "CREATED", "INFLUENCES", "LEADS"):
            return []
        return [("denial", SELF_DENIAL_SHARE if r["attributed_to"] == r["source_id"] else 1.0)]
    if rel == "CREATED":
        return [("creation", 1.0)]
    if rel == "LEADS":
        return [("leadership", 1.0)]
    if rel == "INFLUENCES":
        return [("stated_leverage", 1.0)]
    if rel == "SUPPORTS":
        kinds = list(r["kinds"] or [])
        if not kinds:
            return [("support_unspecified", 1.0)]
        return sorted({(_KIND_COMPONENT.get(k, "support_other"), 1.0) for k in kinds})
    return []


#: Leaders of B whose ties to A are looked up: the best attested ones.
MAX_LEADERS = 10


def _claims(
    store: Store, fam_a: list[str], fam_b: list[str], time: TimeFilter
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(claims between A's and B's families, claims tying a leader of B to A).

    The ties: B's best-attested leaders (:data:`MAX_LEADERS`; a hub in a big store may list
    hundreds of "leaders") that cooperate with, belong to, lead, support or are led by A. The
    leaders are found first, so that the claims query can name them literally (DuckDB applies a
    list taken from a subquery only after every column of the candidate row groups has been read).

    The claims query reads each sorted copy once: the copy sorted on sources for A's and B's
    claims (A to B, A to a leader, B to A: the row groups of A's and B's tops) and the copy
    sorted on targets for the leaders' claims about A. Document fields come from a copy's
    ``doc`` STRUCT (no scan of ``documents``); without fresh copies the same statement reads
    ``relations`` joined to its documents. Each row is then sorted into the pair, the ties or
    both, in :func:`_order`, so equally strong claims of one story (copies) are chosen the same
    way whichever plan DuckDB picks.
    """
    tables = claim_tables(store)
    tsql, tparams = time.sql("r", "r.doc")
    leaders = _leaders(tables["target"], fam_a, fam_b, tsql, tparams)

    (sa, psa), (sb, psb), (ta, pta), (tb, ptb) = (
        ids_sql("source_id", fam_a, alias="r"),
        ids_sql("source_id", fam_b, alias="r"),
        ids_sql("target_id", fam_a, alias="r"),
        ids_sql("target_id", fam_b, alias="r"),
    )
    tie_sql = f"r.relation IN {in_list(list(_LEADER_TIES))} AND {COUNTED_SQL}"
    src = tables["source"]
    own, p_own = src.member("source_id", [*fam_a, *fam_b])
    a_out = f"{tb}"
    p_a_out = [*ptb]
    if leaders:
        tl, ptl = ids_sql("target_id", leaders, alias="r")
        a_out, p_a_out = f"{tb} OR ({tl} AND {tie_sql})", [*ptb, *ptl, *_LEADER_TIES]
    arms = [f"{own} AND (({sa} AND ({a_out})) OR ({sb} AND {ta}))"]
    params = [*p_own, *psa, *p_a_out, *psb, *pta, *tparams]
    if leaders:
        tgt = tables["target"]
        about_a, p_about_a = tgt.member("target_id", fam_a)
        sl, psl = ids_sql("source_id", leaders, alias="r")
        arms.append(f"{about_a} AND {sl} AND NOT ({sb}) AND {tie_sql}")
        params += [*p_about_a, *psl, *psb, *_LEADER_TIES, *tparams]
    select = (
        "SELECT r.id, r.relation, r.source_id, r.target_id, r.kinds, r.modality, r.polarity, "
        'r.attributed_to, r.date, r.role, r.confidence, r.doc_id, r.doc, r.evidence, r.start, r."end" '
        "FROM "
    )
    found = f"r.doc IS NOT NULL AND {tsql}"  # (the time filter's SQL has braces: no .format)
    sql = " UNION ALL ".join(
        f"{select}{t.sql} r WHERE {arm} AND {found}"
        for t, arm in zip((src, tables["target"]), arms, strict=False)
    )
    cur = store.con.execute(sql, params)
    names = [c[0] for c in cur.description]
    rows = []
    for row in cur.fetchall():
        r = dict(zip(names, row, strict=True))
        doc = r.pop("doc")
        r.update({column: doc[field] for field, column in _DOC_COLUMNS})
        r["class"] = claim_class(r["polarity"], r["modality"])
        rows.append(r)
    rows.sort(key=_order)
    set_a, set_b, set_l = set(fam_a), set(fam_b), set(leaders)
    pair: list[dict[str, Any]] = []
    ties: list[dict[str, Any]] = []
    for r in rows:
        s, t = r["source_id"], r["target_id"]
        if (s in set_a and t in set_b) or (s in set_b and t in set_a):
            pair.append(r)
        if (
            ((s in set_l and t in set_a) or (s in set_a and t in set_l))
            and r["relation"] in _LEADER_TIES
            and r["polarity"] == "affirmed"
            and r["modality"] in COUNTED_MODALITIES
        ):
            ties.append(r)
    return pair, ties


def _leaders(
    by_target: ClaimTable,
    fam_a: list[str],
    fam_b: list[str],
    tsql: str,
    tparams: list[Any],
) -> list[str]:
    """B's best-attested leaders (most independent stories), A's family left out."""
    b_in, b_params = by_target.member("target_id", fam_b)
    a_in, a_params = ids_sql("source_id", fam_a, alias="r")
    return [
        x
        for (x,) in by_target.store.con.execute(
            f"""SELECT r.source_id FROM {by_target.sql} r
                WHERE r.relation = 'LEADS' AND {b_in} AND NOT ({a_in}) AND r.doc IS NOT NULL
                  AND {COUNTED_SQL} AND {tsql}
                GROUP BY r.source_id
                ORDER BY count(DISTINCT r.doc.story_id) DESC, r.source_id LIMIT {MAX_LEADERS}""",
            [*b_params, *a_params, *tparams],
        ).fetchall()
    ]


def _name(store: Store, rows: list[dict[str, Any]], actors: list[str]) -> dict[str, ActorRef]:
    """Fill in the actor names of ``rows``; return ``{id: ActorRef}`` for ``actors``.

    One lookup for every actor the claims and the result name.
    """
    named = {r[k] for r in rows for k in ("source_id", "target_id", "attributed_to")}
    ids = sorted((named | set(actors)) - {None})
    known = actor_rows(store, ids)
    for r in rows:
        r["source"] = known[r["source_id"]][0] if r["source_id"] in known else None
        r["target"] = known[r["target_id"]][0] if r["target_id"] in known else None
        att = r["attributed_to"]
        r["attributed_name"] = known[att][0] if att in known else None
    return {a: ActorRef(a, *known[a]) if a in known else ActorRef(a, a, None) for a in actors}


def _order(r: dict[str, Any]) -> tuple[Any, ...]:
    """Claim order: oldest document first (the first copy of a story is its voice), then position;
    missing values last (as SQL's ``ORDER BY ... NULLS LAST``)."""
    return tuple((r[k] is None, r[k]) for k in ("doc_date", "path", "doc_id", "start", "id"))


#: (``doc`` field, column name) as :data:`~dyads.analysis.queries.EVIDENCE_COLUMNS` names them.
_DOC_COLUMNS = (
    ("path", "path"),
    ("url", "url"),
    ("title", "title"),
    ("date", "doc_date"),
    ("outlet", "outlet"),
    ("story_id", "story_id"),
)


def _item(r: dict[str, Any], component: str, points: float) -> LeverageClaim:
    return LeverageClaim(
        citation=Citation.from_row(r),
        relation=r["relation"],
        source=r["source"],
        target=r["target"],
        component=component,
        points=round(points, 3),
    )


def _assess(
    a_ref: ActorRef,
    b_ref: ActorRef,
    fam_a: list[str],
    fam_b: list[str],
    claims: list[tuple[str, float, dict[str, Any]]],
    not_counted: list[LeverageClaim],
    time: TimeFilter,
    top: int,
) -> Leverage:
    # best claim per (component, story)
    best: dict[str, dict[Any, tuple[float, dict[str, Any]]]] = defaultdict(dict)
    for comp, factor, r in claims:
        story = r["story_id"]
        cur = best[comp].get(story)
        if (
            cur is None
            or factor > cur[0]
            or (factor == cur[0] and (r["confidence"] or 0) > (cur[1]["confidence"] or 0))
        ):
            best[comp][story] = (factor, r)
    components: list[LeverageComponent] = []
    pos = neg = 0.0
    stories_all: set[Any] = set()
    for comp, by_story in best.items():
        ranked = sorted(by_story.values(), key=lambda x: (-x[0], -(x[1]["confidence"] or 0)))
        used = ranked[:MAX_STORIES]
        points = WEIGHTS[comp] * sum(f for f, _ in used)
        sign = -1 if comp in COUNTER else 1
        if sign > 0:
            pos += points
        else:
            neg += points
        stories_all.update(by_story)
        dates = sorted(
            {r["date"] or r["doc_date"] for _, r in ranked if r["date"] or r["doc_date"]}
        )
        components.append(
            LeverageComponent(
                component=comp,
                sign="+" if sign > 0 else "-",
                weight=WEIGHTS[comp],
                n_stories=len(by_story),
                points=round(sign * points, 3),
                first=dates[0] if dates else None,
                last=dates[-1] if dates else None,
                evidence=tuple(_item(r, comp, sign * WEIGHTS[comp] * f) for f, r in used),
            )
        )
    components.sort(key=lambda c: -abs(c.points))
    raw = pos - neg
    score = round(100 * (1 - math.exp(-max(raw, 0.0) / SCALE)))
    level = next(label for floor, label in reversed(LEVELS) if score >= floor)
    if not components:
        level = "no evidence"
    strongest = _merge([e for c in components if c.sign == "+" for e in c.evidence])[:top]
    counter = _merge([e for c in components if c.sign == "-" for e in c.evidence])[:top]
    return Leverage(
        a=a_ref,
        b=b_ref,
        family_a=tuple(fam_a),
        family_b=tuple(fam_b),
        score=score,
        level=level,
        raw=round(raw, 3),
        positive=round(pos, 3),
        negative=round(neg, 3),
        contested=bool(neg and neg >= 0.5 * pos),
        n_stories=len(stories_all),
        time=time.describe() or None,
        components=tuple(components),
        strongest=tuple(strongest),
        counter=tuple(counter),
        not_counted=tuple(not_counted),
    )


def _merge(items: list[LeverageClaim]) -> list[LeverageClaim]:
    """One item per sentence (claim id): a sentence that counts in several components (funding and
    weapons) is shown once with its points summed, strongest (largest absolute points) first."""
    merged: dict[Any, LeverageClaim] = {}
    for e in items:
        c = e.citation
        key = (c.doc_id, c.start, c.end, c.source_id, c.target_id)
        if key in merged:
            m = merged[key]
            assert m.components is not None
            merged[key] = replace(
                m, points=round(m.points + e.points, 3), components=(*m.components, e.component)
            )
        else:
            merged[key] = replace(e, components=(e.component,))
    return sorted(merged.values(), key=lambda e: -abs(e.points))


def explain(result: Leverage) -> tuple[str, ...]:
    """The score in a few lines of plain English (:func:`dyads.analysis.text.explain`)."""
    from dyads.analysis.text import explain as text_explain

    return text_explain(result)
