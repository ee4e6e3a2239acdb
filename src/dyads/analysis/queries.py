"""Basic store queries: actors, one actor, relations, a dyad, documents."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dyads.actors import normalise
from dyads.analysis.claims import CITATION_COLUMNS, claim_table, claim_tables
from dyads.analysis.results import (
    ActorMatch,
    ActorName,
    ActorProfile,
    ActorRef,
    ActorRow,
    Citation,
    DocumentRow,
    DocumentText,
    Dyad,
    DyadGroup,
    Highlight,
    Leader,
    Leaders,
    MentionRow,
    RelationCount,
    RelationRow,
    StoryCounts,
    TimelineClaim,
    mark_copies,
)
from dyads.analysis.rollup import family, load_hierarchy
from dyads.analysis.timefilter import NO_FILTER, TimeFilter
from dyads.errors import QueryError, UnknownActor, UnknownDocument
from dyads.records import MODALITIES, POLARITIES, RELATION_TYPES, SUPPORT_KINDS
from dyads.store import Store

#: Modalities that make a claim count as evidence; "hypothetical" and "question" never count.
COUNTED_MODALITIES = ("asserted", "reported", "believed")
#: SQL: the claim in row ``r`` counts (affirmed, and not hypothetical or a question).
COUNTED_SQL = "(r.polarity = 'affirmed' AND r.modality IN ('asserted', 'reported', 'believed'))"
#: SQL: how a claim is classed for display: support / denied / unconfirmed.
CLASS_SQL = (
    "CASE WHEN r.polarity = 'denied' THEN 'denied' "
    "WHEN r.modality IN ('hypothetical', 'question') THEN 'unconfirmed' ELSE 'affirmed' END"
)


def claim_class(polarity: str | None, modality: str | None) -> str:
    """What :data:`CLASS_SQL` computes, in Python."""
    if polarity == "denied":
        return "denied"
    return "unconfirmed" if modality in ("hypothetical", "question") else "affirmed"


#: SQL: strongest first (asserted, reported, believed, then the rest).
MODALITY_RANK_SQL = (
    "CASE r.modality WHEN 'asserted' THEN 0 WHEN 'reported' THEN 1 WHEN 'believed' THEN 2 "
    "WHEN 'hypothetical' THEN 3 ELSE 4 END"
)


def resolve_actor(store: Store, name: str) -> str:
    """The id of the stored actor called ``name`` (id, name or alias; case-insensitive).

    Exact ids are looked up first; otherwise names and aliases are compared in their normalised
    form, and mention counts are only computed to break a tie between exact matches.
    """
    name = name.strip()
    known = actor_rows(store, [name, name.lower()])
    for candidate in (name, name.lower()):
        if candidate in known:
            return candidate
    key = normalise(name)
    if not key:
        raise UnknownActor(f"no actor called {name!r} in the store; try 'dyads actors'")
    quick = store.query(
        "SELECT id, name, aliases FROM actors WHERE lower(name) = lower(?) OR id = ? "
        "OR list_contains(list_transform(aliases, lambda x: lower(x)), lower(?))",
        [name, key.replace(" ", "-"), name],
    )
    rows = quick if quick else store.query("SELECT id, name, aliases FROM actors")
    exact = [
        r
        for r in rows
        if normalise(r["name"] or "") == key
        or key in {normalise(x) for x in r["aliases"] or []}
        or r["id"] == key.replace(" ", "-")
    ]
    if len(exact) == 1:
        return str(exact[0]["id"])
    if exact:
        ids = [r["id"] for r in exact]
        counts = dict(
            store.con.execute(
                "SELECT actor_id, count(*) FROM mentions WHERE actor_id IN (SELECT unnest(?::VARCHAR[])) "
                "GROUP BY actor_id",
                [ids],
            ).fetchall()
        )
        exact.sort(key=lambda r: (-counts.get(r["id"], 0), r["id"]))
        return str(exact[0]["id"])
    if quick:
        rows = store.query("SELECT id, name, aliases FROM actors")
    partial = [r for r in rows if key and key in normalise(r["name"] or "")]
    if len(partial) == 1:
        return str(partial[0]["id"])
    names = sorted(r["name"] for r in partial)[:SUGGESTIONS] or closest_names(key, rows)
    hint = " or ".join(", ".join(names).rsplit(", ", 1)) if names else ""
    raise UnknownActor(
        f"no actor called {name!r} in the store"
        + (f"; did you mean {hint}?" if hint else "; try 'dyads actors'")
    )


#: How many names an unknown actor's error suggests, and how alike a name or alias must be to be
#: suggested: rapidfuzz's QRatio (edit similarity of the whole normalised names, 0-100; WRatio's
#: partial matching suggested "Islamic Republic of Iran" for "Islamic Jihadd" at 86). At 75:
#: "Hezbolah" -> Hezbollah 94, "Hamaz" -> Hamas 80, "Hizbullah" -> Hezbollah 78, "al shabab"
#: -> al-Shabaab 84; "Islamic State" for "Islamic Jihadd" (67) is left out.
SUGGESTIONS = 3
SUGGEST_MIN_SCORE = 75


def closest_names(key: str, rows: list[dict[str, Any]]) -> list[str]:
    """Up to :data:`SUGGESTIONS` actor names whose name or an alias is closest to the
    normalised ``key``, best first."""
    from rapidfuzz import fuzz, process  # only on the error path

    choices: dict[str, str] = {}
    for r in rows:
        for label in [r["name"] or "", *(r["aliases"] or [])]:
            choices.setdefault(normalise(label), r["name"] or r["id"])
    out: list[str] = []
    for label, _score, _ in process.extract(
        key,
        list(choices),
        scorer=fuzz.QRatio,
        limit=SUGGESTIONS * 4,
        score_cutoff=SUGGEST_MIN_SCORE,
    ):
        if choices[label] not in out:
            out.append(choices[label])
    return out[:SUGGESTIONS]


def actor_names(store: Store, ids: list[str]) -> dict[str, str]:
    """``{id: name}`` for the stored actors among ``ids``."""
    return {i: n for i, (n, _) in actor_rows(store, ids).items()} if ids else {}


def actor_rows(store: Store, ids: list[str]) -> dict[str, tuple[Any, Any]]:
    """``{id: (name, type)}`` for the stored actors among ``ids``, in one query.

    A read-only store remembers the ids it has looked up (found or not) while it is open
    (:meth:`~dyads.store.Store.memo`), so a long-lived reader such as the web app stops asking
    for the names of the hubs every answer mentions; a writable store always asks.
    """
    known: dict[str, tuple[Any, Any] | None] = store.memo("actor_rows", dict)
    want = sorted(set(ids) - {None})
    missing = [i for i in want if i not in known]
    if missing:
        rows = store.con.execute(
            "SELECT id, name, type FROM actors WHERE id IN (SELECT unnest(?::VARCHAR[]))",
            [missing],
        ).fetchall()
        known.update(dict.fromkeys(missing))
        known.update((i, (n, t)) for i, n, t in rows)
    return {i: row for i in want if (row := known[i]) is not None}


def actor_ref(store: Store, actor_id: str) -> ActorRef:
    name, type_ = actor_rows(store, [actor_id]).get(actor_id, (actor_id, None))
    return ActorRef(actor_id, name, type_)


def list_actors(store: Store, limit: int | None = None) -> list[ActorRow]:
    sql = """
        SELECT a.id, a.name, a.type, a.country,
               (SELECT count(*) FROM mentions m WHERE m.actor_id = a.id) AS mentions,
               (SELECT count(*) FROM relations r WHERE r.source_id = a.id OR r.target_id = a.id) AS relations
        FROM actors a ORDER BY relations DESC, mentions DESC, a.id
    """
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [ActorRow(**r) for r in store.query(sql)]


#: How alike (rapidfuzz QRatio, 0-100) a name or alias must be to ``q`` for a fuzzy search hit;
#: lower than the "did you mean" cut-off, since a search lists its hits ranked.
SEARCH_MIN_SCORE = 60
#: Match kinds, best first, as :func:`search_actors` ranks them.
MATCH_RANK = {"id": 0, "name": 1, "alias": 2, "prefix": 3, "partial": 4, "fuzzy": 5}


def search_actors(
    store: Store, q: str, *, limit: int = 20, generic: bool = True
) -> list[ActorMatch]:
    """Actors whose id, name or alias is ``q`` (case and accents aside), starts with it or holds
    it, then, when those are fewer than ``limit``, the closest names and aliases (rapidfuzz).

    Best matches first (:data:`MATCH_RANK`), then shorter names. ``generic=False`` leaves out
    actors without a name ("Islamist militants").
    """
    key = normalise(q.strip())
    if not key:
        return []
    rows = store.query(
        """SELECT id, name, type, country, coalesce(generic, false) AS generic, aliases
           FROM actors
           WHERE strpos(lower(name), lower(?)) > 0 OR strpos(id, lower(?)) > 0
              OR len(list_filter(aliases, lambda x: strpos(lower(x), lower(?)) > 0)) > 0""",
        [q.strip(), key.replace(" ", "-"), q.strip()],
    )
    found: dict[str, ActorMatch] = {}

    def add(r: dict[str, Any], how: str, label: str, score: float) -> None:
        if not generic and r["generic"]:
            return
        cur = found.get(r["id"])
        if cur is None or (MATCH_RANK[how], -score) < (MATCH_RANK[cur.match], -cur.score):
            found[r["id"]] = ActorMatch(
                r["id"], r["name"], r["type"], r["country"], bool(r["generic"]), how, label, score
            )

    for r in rows:
        labels = [("name", r["name"] or "")] + [("alias", a) for a in r["aliases"] or []]
        if r["id"] == key.replace(" ", "-") or r["id"] == q.strip().lower():
            add(r, "id", r["id"], 100.0)
        for how, label in labels:
            norm = normalise(label)
            if norm == key:
                add(r, how, label, 100.0)
            elif norm.startswith(key):
                add(r, "prefix", label, 90.0)
            elif key in norm:
                add(r, "partial", label, 80.0)
    if len(found) < limit:
        from rapidfuzz import fuzz, process

        everyone = store.query(
            "SELECT id, name, type, country, coalesce(generic, false) AS generic, aliases "
            "FROM actors"
        )
        choices: dict[str, tuple[dict[str, Any], str]] = {}
        for r in everyone:
            for label in [r["name"] or "", *(r["aliases"] or [])]:
                choices.setdefault(normalise(label), (r, label))
        for norm, score, _ in process.extract(
            key, list(choices), scorer=fuzz.QRatio, limit=limit * 2, score_cutoff=SEARCH_MIN_SCORE
        ):
            r, label = choices[norm]
            if r["id"] not in found:
                add(r, "fuzzy", label, round(float(score), 1))
    ranked = sorted(
        found.values(),
        key=lambda m: (MATCH_RANK[m.match], -m.score, len(m.name or m.id), m.name or "", m.id),
    )
    return ranked[:limit]


def actor_profile(store: Store, name: str) -> ActorProfile:
    actor_id = resolve_actor(store, name)
    row = store.query("SELECT * FROM actors WHERE id = ?", [actor_id])[0]
    parent = (
        store.query("SELECT id, name FROM actors WHERE id = ?", [row["parent"]])
        if row["parent"]
        else []
    )
    mentions = store.query(
        """SELECT m.doc_id, d.path, m.sentence, m.text, m.rule, m.start, m."end"
           FROM mentions m JOIN documents d ON d.id = m.doc_id
           WHERE m.actor_id = ? ORDER BY d.path, m.start""",
        [actor_id],
    )
    rels = store.query(
        """SELECT relation, count(*) AS n FROM relations WHERE source_id = ? OR target_id = ?
           GROUP BY relation ORDER BY n DESC""",
        [actor_id, actor_id],
    )
    return ActorProfile(
        id=row["id"],
        name=row["name"],
        type=row["type"],
        country=row["country"],
        parent=ActorName(parent[0]["id"], parent[0]["name"]) if parent else None,
        aliases=tuple(row["aliases"] or ()),
        origin=row["origin"],
        mentions=tuple(MentionRow(**m) for m in mentions),
        relations=tuple(RelationCount(**r) for r in rels),
    )


def _choices(
    what: str, values: str | Sequence[str] | None, allowed: Sequence[str], upper: bool = False
) -> list[str]:
    """``values`` (one or several) checked against ``allowed``; a bad one is a QueryError."""
    if not values:
        return []
    items = [values] if isinstance(values, str) else list(values)
    out = []
    for v in items:
        v = v.strip().upper() if upper else v.strip().lower()
        if v not in allowed:
            raise QueryError(f"unknown {what} {v!r}; use one of {', '.join(allowed)}")
        out.append(v)
    return out


def list_relations(
    store: Store,
    relation: str | Sequence[str] | None = None,
    source: str | None = None,
    target: str | None = None,
    limit: int | None = None,
    *,
    kinds: Sequence[str] = (),
    modality: Sequence[str] = (),
    polarity: str | None = None,
    time: TimeFilter = NO_FILTER,
    min_stories: int = 0,
    generic: bool = True,
    offset: int = 0,
) -> list[RelationRow]:
    """Stored claims, filtered: relation types, source and target actors, any of ``kinds``,
    ``modality`` (any of), ``polarity``, a time filter; ``min_stories`` keeps the claims of edges
    (source, relation, target) told by at least that many independent stories (counted claims);
    ``generic=False`` leaves out claims with an actor without a name ("Islamist militants")."""
    where: list[str] = []
    params: list[Any] = []
    types = _choices("relation type", relation, RELATION_TYPES, upper=True)
    if types:
        where.append("r.relation IN (SELECT unnest(?::VARCHAR[]))")
        params.append(types)
    if source:
        where.append("r.source_id = ?")
        params.append(resolve_actor(store, source))
    if target:
        where.append("r.target_id = ?")
        params.append(resolve_actor(store, target))
    if kinds:
        where.append("list_has_any(r.kinds, ?::VARCHAR[])")
        params.append(_choices("kind", kinds, SUPPORT_KINDS))
    if modality:
        where.append("r.modality IN (SELECT unnest(?::VARCHAR[]))")
        params.append(_choices("modality", modality, MODALITIES))
    if polarity:
        where.append("r.polarity = ?")
        params.append(_choices("polarity", polarity, POLARITIES)[0])
    if not generic:
        where.append("NOT coalesce(s.generic, false) AND NOT coalesce(t.generic, false)")
    tsql, tparams = time.sql()
    if time.active:
        where.append(tsql)
        params += tparams
    base = """
        FROM relations r
        JOIN actors s ON s.id = r.source_id JOIN actors t ON t.id = r.target_id
        JOIN documents d ON d.id = r.doc_id
    """
    cond = (" WHERE " + " AND ".join(where)) if where else ""
    sql = f"""
        SELECT r.id, r.relation, r.source_id, s.name AS source, r.target_id, t.name AS target,
               r.kinds, r.modality, r.polarity, r.attributed_to, r.date, r.role, r.confidence,
               r.doc_id, d.path, d.story_id, r.evidence, r.start, r."end"
        {base}{cond}
    """
    if min_stories > 0:
        sql = f"""
            WITH hits AS ({sql}),
            edges AS (
                SELECT h.source_id, h.relation, h.target_id FROM hits h
                JOIN relations r ON r.id = h.id
                WHERE {COUNTED_SQL}
                GROUP BY ALL HAVING count(DISTINCT h.story_id) >= ?)
            SELECT hits.* FROM hits JOIN edges USING (source_id, relation, target_id)
        """
        params.append(int(min_stories))
        sql += " ORDER BY hits.relation, hits.source, hits.target, hits.path, hits.start"
    else:
        sql += " ORDER BY r.relation, s.name, t.name, d.path, r.start"
    if limit:
        sql += f" LIMIT {int(limit)}"
    if offset:
        sql += f" OFFSET {int(offset)}"
    return [
        RelationRow(**{**r, "kinds": tuple(r["kinds"] or ())}) for r in store.query(sql, params)
    ]


def _citation(r: dict[str, Any], **extra: Any) -> Citation:
    return Citation.from_row(r, **extra)


def dyad(
    store: Store,
    a: str,
    b: str,
    *,
    roll_up: bool = True,
    time: TimeFilter = NO_FILTER,
) -> Dyad:
    """Every relation between ``a`` and ``b`` in both directions, grouped by type and direction.

    Each group holds its evidence split into ``affirmed`` claims, ``denied`` claims and
    ``unconfirmed`` ones (hypothetical or asked as a question), side by side, with counts of
    independent stories (``documents.story_id``) and of copies (documents beyond one per story).
    With ``roll_up``, evidence about a subordinate (an agency, the military, the government)
    counts for ``a`` or ``b``.
    """
    ida, idb = resolve_actor(store, a), resolve_actor(store, b)
    hier = load_hierarchy(store) if roll_up else None
    fam_a = hier.family(ida) if hier else [ida]
    fam_b = hier.family(idb) if hier else [idb]
    tsql, tparams = time.sql("r", "r.doc")
    claims = claim_table(store, "source")
    a_src, a_params = claims.member("source_id", fam_a)
    b_src, b_params = claims.member("source_id", fam_b)
    a_tgt, a_tparams = claims.member("target_id", fam_a)
    b_tgt, b_tparams = claims.member("target_id", fam_b)
    rows = store.query(
        f"""
        WITH pair AS (
            SELECT * FROM {claims.sql} r WHERE {a_src} AND {b_tgt}
            UNION ALL
            SELECT * FROM {claims.sql} r WHERE {b_src} AND {a_tgt} AND NOT ({a_src}))
        SELECT {CITATION_COLUMNS}, {CLASS_SQL} AS class
        FROM pair r LEFT JOIN actors att ON att.id = r.attributed_to
        WHERE {claims.found} AND {tsql}
        ORDER BY r.relation, {MODALITY_RANK_SQL}, r.doc.date NULLS LAST, r.doc.path, r.start
        """,
        [*a_params, *b_tparams, *b_params, *a_tparams, *a_params, *tparams],
    )
    side = {x: ida for x in fam_a} | {x: idb for x in fam_b}
    names = actor_names(store, [ida, idb])
    groups: dict[tuple[str, str, str], dict[str, Any]] = {}
    for r in rows:
        src, tgt = side[r["source_id"]], side[r["target_id"]]
        g = groups.setdefault(
            (src, r["relation"], tgt),
            {
                "relation": r["relation"],
                "source": ActorName(src, names.get(src, src)),
                "target": ActorName(tgt, names.get(tgt, tgt)),
                "kinds": set(),
                "affirmed": [],
                "denied": [],
                "unconfirmed": [],
                "stories": {"affirmed": set(), "denied": set(), "unconfirmed": set()},
                "all_stories": set(),
                "docs": set(),
            },
        )
        g["stories"][r["class"]].add(r["story_id"])
        g["all_stories"].add(r["story_id"])
        g["docs"].add(r["doc_id"])
        if r["class"] == "affirmed":
            g["kinds"] |= set(r["kinds"] or [])
        g[r["class"]].append(_citation(r))
    out = []
    for g in groups.values():
        stories = g["stories"]
        n_stories, n_docs = len(g["all_stories"]), len(g["docs"])
        out.append(
            DyadGroup(
                relation=g["relation"],
                source=g["source"],
                target=g["target"],
                kinds=tuple(sorted(g["kinds"])),
                affirmed=mark_copies(g["affirmed"]),
                denied=mark_copies(g["denied"]),
                unconfirmed=mark_copies(g["unconfirmed"]),
                n_stories=n_stories,
                n_documents=n_docs,
                n_copies=n_docs - n_stories,
                stories=StoryCounts(**{k: len(v) for k, v in stories.items()}),
                contested=bool(stories["affirmed"] and stories["denied"]),
            )
        )
    out.sort(key=lambda g: (-g.stories.affirmed, g.relation, g.source.id))
    return Dyad(
        a=ActorName(ida, names.get(ida)),
        b=ActorName(idb, names.get(idb)),
        roll_up=roll_up,
        time=time.describe() or None,
        groups=tuple(out),
    )


def leaders(
    store: Store, name: str, *, roll_up: bool = True, time: TimeFilter = NO_FILTER
) -> Leaders:
    """Who leads ``name`` (LEADS relations into it), with roles, dates and evidence."""
    target = resolve_actor(store, name)
    fam = family(store, target, roll_up)
    tsql, tparams = time.sql("r", "r.doc")
    claims = claim_table(store, "target")
    in_fam, fam_params = claims.member("target_id", fam)
    rows = store.query(
        f"""
        SELECT {CITATION_COLUMNS}, s.name AS source, {CLASS_SQL} AS class
        FROM {claims.sql} r LEFT JOIN actors s ON s.id = r.source_id
        LEFT JOIN actors att ON att.id = r.attributed_to
        WHERE r.relation = 'LEADS' AND {in_fam} AND {claims.found} AND {tsql}
        ORDER BY {MODALITY_RANK_SQL}, r.date DESC NULLS LAST, r.doc.path, r.start
        """,
        [*fam_params, *tparams],
    )
    people: dict[str, dict[str, Any]] = {}
    for r in rows:
        p = people.setdefault(
            r["source_id"],
            {"name": r["source"], "roles": [], "dates": [], "evidence": [], "stories": set()},
        )
        if r["role"] and r["role"] not in p["roles"]:
            p["roles"].append(r["role"])
        if r["date"] and r["date"] not in p["dates"]:
            p["dates"].append(r["date"])
        if r["class"] == "affirmed":
            p["stories"].add(r["story_id"])
        p["evidence"].append(_citation(r))
    out = [
        Leader(
            id=pid,
            name=p["name"],
            roles=tuple(p["roles"]),
            dates=tuple(p["dates"]),
            evidence=mark_copies(p["evidence"]),
            n_stories=len(p["stories"]),
        )
        for pid, p in people.items()
    ]
    out.sort(key=lambda p: (-p.n_stories, p.name or ""))
    return Leaders(actor=actor_ref(store, target), roll_up=roll_up, leaders=tuple(out))


def list_documents(store: Store, limit: int | None = None, offset: int = 0) -> list[DocumentRow]:
    sql = """SELECT d.id, coalesce(d.url, d.path) AS location, d.title, d.date, d.outlet,
                    d.story_id, round(d.scramble, 3) AS scramble, d.n_sentences,
                    (SELECT count(*) FROM relations r WHERE r.doc_id = d.id) AS relations
             FROM documents d ORDER BY d.path, d.id"""
    if limit:
        sql += f" LIMIT {int(limit)}"
    if offset:
        sql += f" OFFSET {int(offset)}"
    return [DocumentRow(**r) for r in store.query(sql)]


def document(store: Store, doc_id: str) -> DocumentText:
    """A stored document's text with every evidence sentence in it, by its offsets."""
    rows = store.query(
        "SELECT id, path, url, title, date, outlet, story_id, text FROM documents WHERE id = ?",
        [doc_id],
    )
    if not rows:
        raise UnknownDocument(f"no document {doc_id!r} in the store; try 'dyads docs'")
    spans = store.query(
        """SELECT r.start, r."end", r.id AS relation_id, r.relation, r.source_id, s.name AS source,
                  r.target_id, t.name AS target, r.modality, r.polarity
           FROM relations r LEFT JOIN actors s ON s.id = r.source_id
           LEFT JOIN actors t ON t.id = r.target_id
           WHERE r.doc_id = ? AND r.start IS NOT NULL AND r."end" IS NOT NULL
           ORDER BY r.start, r."end", r.id""",
        [doc_id],
    )
    d = rows[0]
    return DocumentText(
        **{**d, "text": d["text"] or ""}, highlights=tuple(Highlight(**h) for h in spans)
    )


#: Claims an actor's timeline shows at most (the latest).
TIMELINE_MAX = 300


def actor_timeline(
    store: Store, name: str, *, roll_up: bool = True, limit: int = TIMELINE_MAX
) -> list[TimelineClaim]:
    """The claims about ``name`` (as source or target; with ``roll_up``, about its family too)
    that can be placed in time, latest first: the sentence's date, else the document's."""
    actor_id = resolve_actor(store, name)
    fam = family(store, actor_id, roll_up)
    tables = claim_tables(store)
    parts, params = [], []
    for side in ("source", "target"):
        claims = tables[side]
        cond, p = claims.member(f"{side}_id", fam)
        parts.append(
            f"""SELECT r.id, coalesce(r.date, r.doc.date) AS date, r.relation, r.source_id,
                       r.target_id, {CLASS_SQL} AS claim_class, r.evidence, r.doc_id, r.start,
                       r."end"
                FROM {claims.sql} r WHERE {cond} AND {claims.found}
                  AND coalesce(r.date, r.doc.date) IS NOT NULL"""
        )
        params += p
    rows = store.query(
        f"""SELECT DISTINCT ON (u.id) u.*, s.name AS source, t.name AS target
            FROM ({" UNION ALL ".join(parts)}) u
            LEFT JOIN actors s ON s.id = u.source_id LEFT JOIN actors t ON t.id = u.target_id
            ORDER BY u.id""",
        params,
    )
    rows.sort(key=lambda r: (str(r["date"]), r["id"]), reverse=True)
    return [TimelineClaim(**{k: v for k, v in r.items() if k != "id"}) for r in rows[:limit]]
