"""Basic store queries: actors, one actor, relations, a dyad, documents."""

from __future__ import annotations

from typing import Any

from dyads.actors import normalise
from dyads.analysis.rollup import family, load_hierarchy
from dyads.analysis.timefilter import NO_FILTER, TimeFilter
from dyads.errors import QueryError, UnknownActor
from dyads.records import RELATION_TYPES
from dyads.store import Store
from dyads.store.clustered import member_sql, relations_table

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
#: The columns of one piece of evidence, from relations r, documents d, actors s, t, att.
EVIDENCE_COLUMNS = """
    r.id, r.relation, r.source_id, s.name AS source, r.target_id, t.name AS target, r.kinds,
    r.modality, r.polarity, r.attributed_to, att.name AS attributed_name, r.date, r.role,
    r.confidence, r.doc_id, d.path, d.url, d.title, d.date AS doc_date, d.outlet, d.story_id,
    r.evidence, r.start, r."end"
"""
EVIDENCE_JOINS = """
    FROM {relations} r
    JOIN documents d ON d.id = r.doc_id
    LEFT JOIN actors s ON s.id = r.source_id
    LEFT JOIN actors t ON t.id = r.target_id
    LEFT JOIN actors att ON att.id = r.attributed_to
"""


def evidence_from(relations: str = "relations") -> str:
    """``FROM <relations> r`` joined to its document and actors, for :data:`EVIDENCE_COLUMNS`."""
    return EVIDENCE_JOINS.format(relations=relations)


def pair_relations(store: Store, fam_a: list[str], fam_b: list[str]) -> tuple[str, list[Any]]:
    """A subquery of the relations between the actor sets, both directions, and its params."""
    tbl = relations_table(store, "source")
    a_src, a_params = member_sql(store, tbl, "source_id", fam_a)
    b_src, b_params = member_sql(store, tbl, "source_id", fam_b)
    a_tgt, a_tparams = member_sql(store, tbl, "target_id", fam_a)
    b_tgt, b_tparams = member_sql(store, tbl, "target_id", fam_b)
    sql = (
        f"(SELECT * FROM {tbl} WHERE {a_src} AND {b_tgt} "
        f"UNION ALL SELECT * FROM {tbl} WHERE {b_src} AND {a_tgt} AND NOT ({a_src}))"
    )
    return sql, [*a_params, *b_tparams, *b_params, *a_tparams, *a_params]


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


def actor_ref(store: Store, actor_id: str) -> dict[str, Any]:
    name, type_ = actor_rows(store, [actor_id]).get(actor_id, (actor_id, None))
    return {"id": actor_id, "name": name, "type": type_}


def list_actors(store: Store, limit: int | None = None) -> list[dict[str, Any]]:
    sql = """
        SELECT a.id, a.name, a.type, a.country,
               (SELECT count(*) FROM mentions m WHERE m.actor_id = a.id) AS mentions,
               (SELECT count(*) FROM relations r WHERE r.source_id = a.id OR r.target_id = a.id) AS relations
        FROM actors a ORDER BY relations DESC, mentions DESC, a.id
    """
    if limit:
        sql += f" LIMIT {int(limit)}"
    return store.query(sql)


def actor_profile(store: Store, name: str) -> dict[str, Any]:
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
    return {
        "id": row["id"],
        "name": row["name"],
        "type": row["type"],
        "country": row["country"],
        "parent": parent[0] if parent else None,
        "aliases": list(row["aliases"] or []),
        "origin": row["origin"],
        "mentions": mentions,
        "relations": rels,
    }


def list_relations(
    store: Store,
    relation: str | None = None,
    source: str | None = None,
    target: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    where, params = [], []
    if relation:
        if relation.upper() not in RELATION_TYPES:
            raise QueryError(
                f"unknown relation type {relation!r}; use one of {', '.join(RELATION_TYPES)}"
            )
        where.append("r.relation = ?")
        params.append(relation.upper())
    if source:
        where.append("r.source_id = ?")
        params.append(resolve_actor(store, source))
    if target:
        where.append("r.target_id = ?")
        params.append(resolve_actor(store, target))
    sql = """
        SELECT r.id, r.relation, r.source_id, s.name AS source, r.target_id, t.name AS target,
               r.kinds, r.modality, r.polarity, r.attributed_to, r.date, r.role, r.confidence,
               r.doc_id, d.path, d.story_id, r.evidence, r.start, r."end"
        FROM relations r
        JOIN actors s ON s.id = r.source_id JOIN actors t ON t.id = r.target_id
        JOIN documents d ON d.id = r.doc_id
    """
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY r.relation, s.name, t.name, d.path, r.start"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return store.query(sql, params)


def dyad(
    store: Store,
    a: str,
    b: str,
    *,
    roll_up: bool = True,
    time: TimeFilter = NO_FILTER,
) -> dict[str, Any]:
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
    tsql, tparams = time.sql()
    pair, pparams = pair_relations(store, fam_a, fam_b)
    rows = store.query(
        f"""
        SELECT {EVIDENCE_COLUMNS}, {CLASS_SQL} AS class
        {evidence_from(pair)}
        WHERE {tsql}
        ORDER BY r.relation, {MODALITY_RANK_SQL}, d.date NULLS LAST, d.path, r.start
        """,
        [*pparams, *tparams],
    )
    side = {x: ida for x in fam_a} | {x: idb for x in fam_b}
    names = actor_names(store, [ida, idb])
    groups: dict[tuple[str, str, str], dict[str, Any]] = {}
    for r in rows:
        src, tgt = side[r["source_id"]], side[r["target_id"]]
        key = (src, r["relation"], tgt)
        g = groups.setdefault(
            key,
            {
                "relation": r["relation"],
                "source": {"id": src, "name": names.get(src, src)},
                "target": {"id": tgt, "name": names.get(tgt, tgt)},
                "kinds": [],
                "affirmed": [],
                "denied": [],
                "unconfirmed": [],
                "_stories": {"affirmed": set(), "denied": set(), "unconfirmed": set()},
                "_all_stories": set(),
                "_docs": set(),
            },
        )
        g["_stories"][r["class"]].add(r["story_id"])
        g["_all_stories"].add(r["story_id"])
        g["_docs"].add(r["doc_id"])
        if r["class"] == "affirmed":
            g["kinds"] = sorted(set(g["kinds"]) | set(r["kinds"] or []))
        g[r["class"]].append(_evidence(r))
    out = []
    for g in groups.values():
        stories = g.pop("_stories")
        g["n_stories"] = len(g.pop("_all_stories"))
        g["n_documents"] = len(g.pop("_docs"))
        g["n_copies"] = g["n_documents"] - g["n_stories"]
        g["stories"] = {k: len(v) for k, v in stories.items()}
        g["contested"] = bool(stories["affirmed"] and stories["denied"])
        for k in ("affirmed", "denied", "unconfirmed"):
            mark_copies(g[k])
        g["evidence"] = g["affirmed"] + g["denied"] + g["unconfirmed"]
        out.append(g)
    out.sort(key=lambda g: (-g["stories"]["affirmed"], g["relation"], g["source"]["id"]))
    return {
        "a": {"id": ida, "name": names.get(ida)},
        "b": {"id": idb, "name": names.get(idb)},
        "roll_up": roll_up,
        "time": time.describe() or None,
        "groups": out,
    }


def _evidence(r: dict[str, Any]) -> dict[str, Any]:
    """One piece of evidence for output; ``copy`` marks a further document of the same story."""
    return {
        k: r.get(k)
        for k in (
            "evidence",
            "source_id",
            "target_id",
            "path",
            "url",
            "title",
            "doc_date",
            "outlet",
            "story_id",
            "modality",
            "polarity",
            "attributed_to",
            "attributed_name",
            "kinds",
            "date",
            "role",
            "confidence",
            "doc_id",
            "start",
            "end",
        )
    }


def mark_copies(evidence: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Set ``copy`` on items from a further document of a story already seen in ``evidence``.

    The first document of each story (in the given order) is the story's voice; later documents
    of the same ``story_id`` are near-duplicate copies and do not add independent evidence.
    """
    first_doc: dict[Any, Any] = {}
    for e in evidence:
        story = e.get("story_id")
        first_doc.setdefault(story, e.get("doc_id"))
        e["copy"] = first_doc[story] != e.get("doc_id")
    return evidence


def leaders(
    store: Store, name: str, *, roll_up: bool = True, time: TimeFilter = NO_FILTER
) -> dict[str, Any]:
    """Who leads ``name`` (LEADS relations into it), with roles, dates and evidence."""
    target = resolve_actor(store, name)
    fam = family(store, target, roll_up)
    tsql, tparams = time.sql()
    table = relations_table(store, "target")
    in_fam, fam_params = member_sql(store, table, "target_id", fam, alias="r")
    rows = store.query(
        f"""
        SELECT {EVIDENCE_COLUMNS}, {CLASS_SQL} AS class
        {evidence_from(table)}
        WHERE r.relation = 'LEADS' AND {in_fam} AND {tsql}
        ORDER BY {MODALITY_RANK_SQL}, r.date DESC NULLS LAST, d.path, r.start
        """,
        [*fam_params, *tparams],
    )
    people: dict[str, dict[str, Any]] = {}
    for r in rows:
        p = people.setdefault(
            r["source_id"],
            {
                "id": r["source_id"],
                "name": r["source"],
                "roles": [],
                "dates": [],
                "evidence": [],
                "_stories": set(),
            },
        )
        if r["role"] and r["role"] not in p["roles"]:
            p["roles"].append(r["role"])
        if r["date"] and r["date"] not in p["dates"]:
            p["dates"].append(r["date"])
        if r["class"] == "affirmed":
            p["_stories"].add(r["story_id"])
        p["evidence"].append(_evidence(r))
    out = []
    for p in people.values():
        p["n_stories"] = len(p.pop("_stories"))
        mark_copies(p["evidence"])
        out.append(p)
    out.sort(key=lambda p: (-p["n_stories"], p["name"] or ""))
    return {"actor": actor_ref(store, target), "roll_up": roll_up, "leaders": out}


def list_documents(store: Store) -> list[dict[str, Any]]:
    return store.query(
        """SELECT d.id, coalesce(d.url, d.path) AS location, d.title, d.date, d.outlet, d.story_id,
                  round(d.scramble, 3) AS scramble, d.n_sentences,
                  (SELECT count(*) FROM relations r WHERE r.doc_id = d.id) AS relations
           FROM documents d ORDER BY d.path, d.id"""
    )
