"""Basic store queries: actors, one actor, relations, a dyad, documents."""

from __future__ import annotations

from typing import Any

from dyads.actors import normalise
from dyads.errors import UnknownActor
from dyads.store import Store


def resolve_actor(store: Store, name: str) -> str:
    """The id of the stored actor called ``name`` (id, name or alias; case-insensitive)."""
    rows = store.query("SELECT id FROM actors WHERE id = ?", [name])
    if rows:
        return str(rows[0]["id"])
    key = normalise(name)
    rows = store.query(
        "SELECT id, name, aliases, (SELECT count(*) FROM mentions m WHERE m.actor_id = a.id) AS n "
        "FROM actors a"
    )
    exact = [r for r in rows if normalise(r["name"]) == key or key in {normalise(x) for x in r["aliases"] or []}]
    if exact:
        exact.sort(key=lambda r: (-r["n"], r["id"]))
        return str(exact[0]["id"])
    partial = [r for r in rows if key and key in normalise(r["name"])]
    if len(partial) == 1:
        return str(partial[0]["id"])
    hint = ", ".join(sorted(r["name"] for r in partial)[:5])
    raise UnknownActor(
        f"no actor called {name!r} in the store" + (f"; did you mean: {hint}?" if hint else "; try 'dyads actors'")
    )


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
    parent = store.query("SELECT id, name FROM actors WHERE id = ?", [row["parent"]]) if row["parent"] else []
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


def dyad(store: Store, a: str, b: str) -> dict[str, Any]:
    """Every relation between ``a`` and ``b`` in both directions, grouped by type."""
    ida, idb = resolve_actor(store, a), resolve_actor(store, b)
    rows = store.query(
        """
        SELECT r.relation, r.source_id, s.name AS source, r.target_id, t.name AS target, r.kinds,
               r.modality, r.polarity, r.attributed_to, att.name AS attributed_name, r.date, r.role,
               r.confidence, r.doc_id, d.path, d.title, d.date AS doc_date, d.outlet, d.story_id,
               r.evidence, r.start, r."end"
        FROM relations r
        JOIN actors s ON s.id = r.source_id JOIN actors t ON t.id = r.target_id
        JOIN documents d ON d.id = r.doc_id
        LEFT JOIN actors att ON att.id = r.attributed_to
        WHERE (r.source_id = ? AND r.target_id = ?) OR (r.source_id = ? AND r.target_id = ?)
        ORDER BY r.relation, r.source_id, r.polarity, d.path, r.start
        """,
        [ida, idb, idb, ida],
    )
    groups: dict[str, dict[str, Any]] = {}
    for r in rows:
        key = f"{r['source']} {r['relation']} {r['target']}"
        g = groups.setdefault(
            key,
            {
                "relation": r["relation"],
                "source": {"id": r["source_id"], "name": r["source"]},
                "target": {"id": r["target_id"], "name": r["target"]},
                "stories": set(),
                "documents": set(),
                "evidence": [],
            },
        )
        g["stories"].add(r["story_id"])
        g["documents"].add(r["doc_id"])
        g["evidence"].append(
            {
                k: r[k]
                for k in (
                    "evidence", "path", "title", "doc_date", "outlet", "modality", "polarity",
                    "attributed_to", "attributed_name", "kinds", "date", "role", "confidence",
                    "doc_id", "start", "end",
                )
            }
        )
    out = []
    for g in groups.values():
        g["n_stories"] = len(g.pop("stories"))
        g["n_documents"] = len(g.pop("documents"))
        out.append(g)
    names = store.query("SELECT id, name FROM actors WHERE id IN (?, ?)", [ida, idb])
    by_id = {r["id"]: r["name"] for r in names}
    return {"a": {"id": ida, "name": by_id.get(ida)}, "b": {"id": idb, "name": by_id.get(idb)}, "groups": out}


def list_documents(store: Store) -> list[dict[str, Any]]:
    return store.query(
        """SELECT d.id, coalesce(d.url, d.path) AS location, d.title, d.date, d.outlet, d.story_id,
                  round(d.scramble, 3) AS scramble, d.n_sentences,
                  (SELECT count(*) FROM relations r WHERE r.doc_id = d.id) AS relations
           FROM documents d ORDER BY d.path, d.id"""
    )
