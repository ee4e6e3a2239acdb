"""The network as a networkx graph of aggregated dyads: shortest evidence paths and centralities.

The graph has one edge per (source, relation, target), never one per evidence row, so it stays
small on a store with millions of relations. Edge attributes count independent stories:
``n_stories`` (affirmed claims that count), ``denied_stories`` and ``unconfirmed_stories``
(hypothetical or questioned). Only edges with ``n_stories > 0`` carry paths and centrality.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from dyads.analysis.claims import CITATION_COLUMNS, ClaimTable
from dyads.analysis.queries import (
    CLASS_SQL,
    COUNTED_SQL,
    MODALITY_RANK_SQL,
    actor_ref,
    actor_rows,
    resolve_actor,
)
from dyads.analysis.results import (
    ActorRef,
    Central,
    Citation,
    Hop,
    Network,
    NetworkEdge,
    NetworkNode,
    Path,
    PathRelation,
    Paths,
    Supported,
)
from dyads.analysis.rollup import (
    ROLLED_FROM,
    ROLLED_SOURCE,
    ROLLED_TARGET,
    Hierarchy,
    load_hierarchy,
    rollup_cte,
)
from dyads.analysis.timefilter import NO_FILTER, TimeFilter, hi_sql, lo_sql
from dyads.errors import QueryError
from dyads.records import RELATION_TYPES
from dyads.store import Store

#: Relation types that do not make a path or a centrality (sharing a city is not a tie).
NON_TIES = frozenset({"LOCATED_IN"})
#: Actor types left out of paths and centralities.
NON_ACTORS = frozenset({"location"})
#: The relation name of hierarchy edges taken from ``actors.parent``.
PART_OF = "PART_OF"
#: Target types counted as "groups" by :func:`most_supported`.
GROUP_TYPES = ("armed_group", "political_party")
#: Above this many nodes, betweenness is estimated from this many sampled sources (seeded).
BETWEENNESS_SAMPLE = 500
#: ``top`` computes betweenness unasked only up to this many ties (it costs sources x ties).
BETWEENNESS_MAX_EDGES = 50_000


def edge_table(
    store: Store, *, time: TimeFilter = NO_FILTER, roll_up: bool = True
) -> list[dict[str, Any]]:
    """One row per (source, relation, target) with story counts, kinds, dates and best claim id."""
    hier = load_hierarchy(store) if roll_up else None
    ru_sql, ru_params = rollup_cte(hier)
    tsql, tparams = time.sql()
    eff = "coalesce(r.date, d.date)"
    return store.query(
        f"""
        WITH {ru_sql},
        ev AS (
            SELECT {ROLLED_SOURCE} AS source, r.relation,
                   {ROLLED_TARGET} AS target, r.id, r.kinds, r.modality, r.doc_id,
                   r.confidence, d.story_id, {COUNTED_SQL} AS counted, {CLASS_SQL} AS class,
                   {MODALITY_RANK_SQL} AS mrank, {eff} AS eff, {lo_sql(eff)} AS lo, {hi_sql(eff)} AS hi
            {ROLLED_FROM}
            WHERE {tsql}
        )
        SELECT source, relation, target,
               count(DISTINCT story_id) FILTER (WHERE counted) AS n_stories,
               count(DISTINCT doc_id) FILTER (WHERE counted) AS n_documents,
               count(DISTINCT story_id) FILTER (WHERE class = 'denied') AS denied_stories,
               count(DISTINCT story_id) FILTER (WHERE class = 'unconfirmed') AS unconfirmed_stories,
               coalesce(list_sort(list_distinct(flatten(list(kinds) FILTER (WHERE counted)))), []) AS kinds,
               coalesce(list_sort(list_distinct(list(modality) FILTER (WHERE counted))), []) AS modalities,
               arg_min(eff, lo) FILTER (WHERE counted AND eff IS NOT NULL) AS first,
               arg_max(eff, hi) FILTER (WHERE counted AND eff IS NOT NULL) AS last,
               arg_min(id, mrank * 10 - coalesce(confidence, 0)) AS best_id
        FROM ev WHERE source <> target
        GROUP BY source, relation, target
        ORDER BY source, relation, target
        """,
        [*ru_params, *tparams],
    )


def actor_table(store: Store) -> dict[str, dict[str, Any]]:
    rows = store.query("SELECT id, name, type, country, parent FROM actors")
    return {r["id"]: r for r in rows}


def build_graph(
    store: Store,
    *,
    time: TimeFilter = NO_FILTER,
    roll_up: bool = True,
    counted_only: bool = False,
    hierarchy: bool = False,
) -> nx.MultiDiGraph:
    """A MultiDiGraph of actors; one edge per (source, relation, target), keyed by relation.

    ``counted_only`` drops edges with no counted story (denied-only, unconfirmed-only);
    ``hierarchy`` adds ``PART_OF`` edges from ``actors.parent``.
    """
    actors = actor_table(store)
    g = nx.MultiDiGraph()
    for e in edge_table(store, time=time, roll_up=roll_up):
        if counted_only and not e["n_stories"]:
            continue
        for node in (e["source"], e["target"]):
            if node not in g:
                g.add_node(node, **_node_attrs(actors, node))
        g.add_edge(e["source"], e["target"], key=e["relation"], **e)
    if hierarchy:
        hier = load_hierarchy(store) if roll_up else None
        for a in actors.values():
            child, parent = a["id"], a["parent"]
            if not parent or parent not in actors or (hier and hier.top(child) != child):
                continue
            for node in (child, parent):
                if node not in g:
                    g.add_node(node, **_node_attrs(actors, node))
            g.add_edge(
                child,
                parent,
                key=PART_OF,
                source=child,
                relation=PART_OF,
                target=parent,
                n_stories=0,
                hierarchy=True,
            )
    return g


def _node_attrs(actors: dict[str, dict[str, Any]], node: str) -> dict[str, Any]:
    a = actors.get(node) or {"name": node, "type": None, "country": None, "parent": None}
    return {"name": a["name"], "type": a["type"], "country": a["country"], "parent": a["parent"]}


def _tie_graph(g: nx.MultiDiGraph) -> nx.Graph:
    """Undirected ties: counted edges (and hierarchy) between actors that are not places."""
    u = nx.Graph()
    for s, t, key, data in g.edges(keys=True, data=True):
        if key in NON_TIES or (key != PART_OF and not data.get("n_stories")):
            continue
        if g.nodes[s].get("type") in NON_ACTORS or g.nodes[t].get("type") in NON_ACTORS:
            continue
        stories = u.edges[s, t]["stories"] if u.has_edge(s, t) else 0
        stories += data.get("n_stories") or 0
        u.add_edge(s, t, stories=stories, w=1.0 + 1.0 / (1.0 + stories))
    return u


def shortest_paths(
    store: Store,
    a: str,
    b: str,
    *,
    k: int = 3,
    max_hops: int = 4,
    roll_up: bool = True,
    hierarchy: bool = True,
    time: TimeFilter = NO_FILTER,
) -> Paths:
    """Up to ``k`` shortest evidence paths from ``a`` to ``b`` (ties, either direction).

    Fewest hops first; among paths of equal length, the better-evidenced first (each hop costs
    ``1 + 1/(1 + stories)``). Each hop lists its relations and the strongest sentence of each.
    """
    ida, idb = resolve_actor(store, a), resolve_actor(store, b)
    if roll_up:
        hier: Hierarchy = load_hierarchy(store)
        if hier.top(ida) != hier.top(idb):
            ida, idb = hier.top(ida), hier.top(idb)
        else:  # two parts of one state ("Russia", "Africa Corps"): the path is its hierarchy
            roll_up = False
    if ida == idb:
        raise QueryError(
            f"{a!r} and {b!r} are the same actor" + (" after roll-up" if roll_up else "")
        )
    g = build_graph(store, time=time, roll_up=roll_up, hierarchy=hierarchy)
    u = _tie_graph(g)
    paths: list[list[str]] = []
    if ida in u and idb in u:
        try:
            for p in nx.shortest_simple_paths(u, ida, idb, weight="w"):
                if len(p) - 1 > max_hops or len(paths) >= k:
                    break
                paths.append(p)
        except nx.NetworkXNoPath:
            pass
    best_ids = {
        d["best_id"]
        for p in paths
        for x, y in zip(p, p[1:], strict=False)
        for s, t in ((x, y), (y, x))
        if g.has_edge(s, t)
        for d in g.get_edge_data(s, t).values()
        if d.get("best_id")
    }
    ev = _evidence_by_id(store, sorted(best_ids))
    out = []
    for p in paths:
        hops = []
        for x, y in zip(p, p[1:], strict=False):
            rels = []
            for s, t in ((x, y), (y, x)):
                if not g.has_edge(s, t):
                    continue
                for key, d in g.get_edge_data(s, t).items():
                    if key in NON_TIES or (key != PART_OF and not d.get("n_stories")):
                        continue
                    rels.append(
                        PathRelation(
                            source=s,
                            source_name=str(_name(g, s).name),
                            relation=key,
                            target=t,
                            target_name=str(_name(g, t).name),
                            n_stories=d.get("n_stories", 0),
                            denied_stories=d.get("denied_stories", 0),
                            kinds=tuple(d.get("kinds", ())),
                            evidence=ev.get(d.get("best_id")) if key != PART_OF else None,
                        )
                    )
            rels.sort(key=lambda r: -r.n_stories)
            hops.append(Hop(_name(g, x), _name(g, y), tuple(rels)))
        out.append(Path(tuple(_name(g, n) for n in p), tuple(hops), len(p) - 1))
    return Paths(
        a=actor_ref(store, ida),
        b=actor_ref(store, idb),
        roll_up=roll_up,
        paths=tuple(out),
    )


def _name(g: nx.MultiDiGraph, node: str) -> ActorRef:
    return ActorRef(node, g.nodes[node].get("name") or node, g.nodes[node].get("type"))


def _evidence_by_id(store: Store, ids: list[str]) -> dict[str, Citation]:
    if not ids:
        return {}
    claims = ClaimTable(store, "source", "relations")  # by id: no side to sort on
    rows = store.query(
        f"""SELECT {CITATION_COLUMNS} FROM {claims.sql} r
            LEFT JOIN actors att ON att.id = r.attributed_to
            WHERE r.id IN (SELECT unnest(?::VARCHAR[]))""",
        [ids],
    )
    return {r["id"]: Citation.from_row(r) for r in rows}


def top_actors(
    store: Store,
    *,
    n: int = 10,
    roll_up: bool = True,
    time: TimeFilter = NO_FILTER,
    by: str = "degree",
) -> list[Central]:
    """The most central actors of the tie graph: degree, weighted PageRank and betweenness.

    The ties come straight from one aggregate query (counted stories per directed pair), not from
    :func:`build_graph`: a store of a million relations has hundreds of thousands of dyads, and a
    MultiDiGraph with every edge's attributes took minutes and gigabytes. Betweenness (a shortest
    path search from each of up to :data:`BETWEENNESS_SAMPLE` sources) is computed when ranking by
    it or when the graph has at most :data:`BETWEENNESS_MAX_EDGES` ties; otherwise it is None.
    """
    if by not in ("pagerank", "degree", "betweenness"):
        raise QueryError(f"cannot rank by {by!r}; use pagerank, degree or betweenness")
    hier = load_hierarchy(store) if roll_up else None
    ru_sql, ru_params = rollup_cte(hier)
    tsql, tparams = time.sql()
    rows = store.con.execute(
        f"""
        WITH {ru_sql},
        ev AS (
            SELECT {ROLLED_SOURCE} AS s, {ROLLED_TARGET} AS t,
                   r.relation, d.story_id
            {ROLLED_FROM}
            WHERE {COUNTED_SQL} AND r.relation NOT IN (SELECT unnest(?::VARCHAR[])) AND {tsql}
        ),
        e AS (
            SELECT s, t, relation, count(DISTINCT story_id) AS n FROM ev WHERE s <> t
            GROUP BY s, t, relation
        )
        SELECT e.s, e.t, sum(e.n) AS w
        FROM e LEFT JOIN actors a ON a.id = e.s LEFT JOIN actors b ON b.id = e.t
        WHERE coalesce(a.type, '') NOT IN (SELECT unnest(?::VARCHAR[]))
          AND coalesce(b.type, '') NOT IN (SELECT unnest(?::VARCHAR[]))
        GROUP BY e.s, e.t ORDER BY e.s, e.t
        """,
        [*ru_params, sorted(NON_TIES), *tparams, sorted(NON_ACTORS), sorted(NON_ACTORS)],
    ).fetchall()
    if not rows:
        return []
    d = nx.DiGraph()
    d.add_weighted_edges_from((s, t, float(w)) for s, t, w in rows)
    u = nx.Graph()
    for s, t, w in rows:
        stories = (u.edges[s, t]["stories"] if u.has_edge(s, t) else 0) + int(w)
        u.add_edge(s, t, stories=stories)
    pagerank = nx.pagerank(d, weight="weight")
    betweenness: dict[str, float] | None = None
    if by == "betweenness" or u.number_of_edges() <= BETWEENNESS_MAX_EDGES:
        sample = BETWEENNESS_SAMPLE if u.number_of_nodes() > BETWEENNESS_SAMPLE else None
        betweenness = nx.betweenness_centrality(u, k=sample, seed=0 if sample else None)
    names = actor_rows(store, list(u.nodes))
    out = []
    for node in u.nodes:
        name, type_ = names.get(node, (None, None))
        out.append(
            Central(
                id=node,
                name=name or node,
                type=type_,
                degree=u.degree(node),
                stories=sum(u.edges[node, nb]["stories"] for nb in u.neighbors(node)),
                pagerank=round(pagerank.get(node, 0.0), 4),
                betweenness=round(betweenness.get(node, 0.0), 4) if betweenness else None,
            )
        )
    out.sort(key=lambda r: (-(getattr(r, by) or 0), -r.stories, r.id))
    return out[:n]


def most_supported(
    store: Store,
    *,
    n: int = 10,
    roll_up: bool = True,
    time: TimeFilter = NO_FILTER,
    types: tuple[str, ...] | None = GROUP_TYPES,
) -> list[Supported]:
    """Targets of the most independent support stories, with their number of distinct supporters
    (``supporters``: their ids, ``supporter_names``: their names)."""
    hier = load_hierarchy(store) if roll_up else None
    ru_sql, ru_params = rollup_cte(hier)
    tsql, tparams = time.sql()
    type_sql, type_params = ("", [])
    if types:
        type_sql, type_params = "AND a.type IN (SELECT unnest(?::VARCHAR[]))", [list(types)]
    rows = store.query(
        f"""
        WITH {ru_sql},
        ev AS (
            SELECT {ROLLED_SOURCE} AS supporter, {ROLLED_TARGET} AS target,
                   d.story_id, r.kinds
            {ROLLED_FROM}
            WHERE r.relation = 'SUPPORTS' AND {COUNTED_SQL} AND {tsql}
        )
        SELECT ev.target AS id, a.name, a.type,
               count(DISTINCT ev.story_id) AS n_stories,
               count(DISTINCT ev.supporter) AS n_supporters,
               list_sort(list_distinct(list(ev.supporter))) AS supporters,
               list_sort(list_distinct(list(coalesce(sa.name, ev.supporter)))) AS supporter_names,
               coalesce(list_sort(list_distinct(flatten(list(ev.kinds)))), []) AS kinds
        FROM ev JOIN actors a ON a.id = ev.target LEFT JOIN actors sa ON sa.id = ev.supporter
        WHERE ev.supporter <> ev.target {type_sql}
        GROUP BY ev.target, a.name, a.type
        ORDER BY n_stories DESC, n_supporters DESC, id
        LIMIT {int(n)}
        """,
        [*ru_params, *tparams, *type_params],
    )
    return [
        Supported(
            **{
                **r,
                "supporters": tuple(r["supporters"]),
                "supporter_names": tuple(r["supporter_names"]),
                "kinds": tuple(r["kinds"]),
            }
        )
        for r in rows
    ]


#: Relation types the network shows unless asked: every tie (not LOCATED_IN).
NETWORK_RELATIONS = tuple(r for r in RELATION_TYPES if r not in NON_TIES)
#: Actors the network draws at most (the best-evidenced), so a big store is no hairball.
NETWORK_MAX_NODES = 50
#: Edges read from the store at most for one network, strongest first.
NETWORK_MAX_EDGES = 2_000


def network(
    store: Store,
    *,
    relations: tuple[str, ...] | list[str] | None = None,
    min_stories: int = 1,
    generic: bool = False,
    roll_up: bool = True,
    time: TimeFilter = NO_FILTER,
    max_nodes: int = NETWORK_MAX_NODES,
) -> Network:
    """The network to draw: actors and their (source, relation, target) edges with at least
    ``min_stories`` independent stories (affirmed, or denied: a denied edge is drawn as such),
    places and LOCATED_IN left out, actors without a name left out unless ``generic``.

    The ``max_nodes`` actors with the most stories are kept with the edges between them;
    communities (Louvain, seeded) are found on them, and a force layout that pulls each
    community together gives every actor a position, the same on every call. A read-only store
    remembers each network it has drawn.
    """
    types = tuple(sorted({r.upper() for r in relations})) if relations else NETWORK_RELATIONS
    unknown = [r for r in types if r not in RELATION_TYPES]
    if unknown:
        raise QueryError(
            f"unknown relation type {unknown[0]!r}; use one of {', '.join(RELATION_TYPES)}"
        )
    if min_stories < 1:
        raise QueryError(f"min_stories must be 1 or more, not {min_stories}")
    key = ("network", types, min_stories, generic, roll_up, time, max_nodes)
    return store.memo(
        repr(key),
        lambda: _network(store, types, min_stories, generic, roll_up, time, max_nodes),
    )


def _network(
    store: Store,
    types: tuple[str, ...],
    min_stories: int,
    generic: bool,
    roll_up: bool,
    time: TimeFilter,
    max_nodes: int,
) -> Network:
    hier = load_hierarchy(store) if roll_up else None
    ru_sql, ru_params = rollup_cte(hier)
    tsql, tparams = time.sql()
    eff = "coalesce(r.date, d.date)"
    gen_sql = (
        "" if generic else "AND NOT coalesce(a.generic, false) AND NOT coalesce(b.generic, false)"
    )
    rows = store.query(
        f"""
        WITH {ru_sql},
        ev AS (
            SELECT {ROLLED_SOURCE} AS source, r.relation, {ROLLED_TARGET} AS target, r.kinds,
                   d.story_id, {COUNTED_SQL} AS counted, {CLASS_SQL} AS class,
                   {eff} AS eff, {lo_sql(eff)} AS lo, {hi_sql(eff)} AS hi
            {ROLLED_FROM}
            WHERE r.relation IN (SELECT unnest(?::VARCHAR[])) AND {tsql}
        ),
        e AS (
            SELECT source, relation, target,
                   count(DISTINCT story_id) FILTER (WHERE counted) AS n_stories,
                   count(DISTINCT story_id) FILTER (WHERE class = 'denied') AS denied_stories,
                   count(DISTINCT story_id) FILTER (WHERE class = 'unconfirmed') AS unconfirmed_stories,
                   coalesce(list_sort(list_distinct(flatten(list(kinds) FILTER (WHERE counted)))), []) AS kinds,
                   arg_min(eff, lo) FILTER (WHERE counted AND eff IS NOT NULL) AS first,
                   arg_max(eff, hi) FILTER (WHERE counted AND eff IS NOT NULL) AS last
            FROM ev WHERE source <> target GROUP BY source, relation, target
        )
        SELECT e.*, a.name AS source_name, a.type AS source_type, a.country AS source_country,
               coalesce(a.generic, false) AS source_generic, b.name AS target_name,
               b.type AS target_type, b.country AS target_country,
               coalesce(b.generic, false) AS target_generic
        FROM e JOIN actors a ON a.id = e.source JOIN actors b ON b.id = e.target
        WHERE (e.n_stories >= ? OR e.denied_stories >= ?)
          AND coalesce(a.type, '') NOT IN (SELECT unnest(?::VARCHAR[]))
          AND coalesce(b.type, '') NOT IN (SELECT unnest(?::VARCHAR[])) {gen_sql}
        ORDER BY e.n_stories + e.denied_stories DESC, e.source, e.relation, e.target
        LIMIT {NETWORK_MAX_EDGES}
        """,
        [
            *ru_params,
            list(types),
            *tparams,
            min_stories,
            min_stories,
            sorted(NON_ACTORS),
            sorted(NON_ACTORS),
        ],
    )
    n_edges_all = len(rows)
    weight: dict[str, int] = {}
    info: dict[str, tuple[Any, ...]] = {}
    for r in rows:
        for end in ("source", "target"):
            node = r[end]
            weight[node] = weight.get(node, 0) + r["n_stories"] + r["denied_stories"]
            info[node] = (
                r[f"{end}_name"],
                r[f"{end}_type"],
                r[f"{end}_country"],
                bool(r[f"{end}_generic"]),
            )
    keep = set(sorted(weight, key=lambda n: (-weight[n], n))[:max_nodes])
    edges = [r for r in rows if r["source"] in keep and r["target"] in keep]
    u = nx.Graph()
    u.add_nodes_from(sorted(keep))
    for r in edges:
        w = r["n_stories"] + r["denied_stories"]
        old = u.edges[r["source"], r["target"]]["w"] if u.has_edge(r["source"], r["target"]) else 0
        u.add_edge(r["source"], r["target"], w=old + w)
    communities = (
        nx.community.louvain_communities(u, weight="w", seed=1) if u.number_of_edges() else []
    )
    community = {
        n: i for i, c in enumerate(sorted(communities, key=lambda c: (-len(c), min(c)))) for n in c
    }
    pos = _layout(u, community)
    nodes = tuple(
        NetworkNode(
            id=n,
            name=info[n][0] or n,
            type=info[n][1],
            country=info[n][2],
            generic=info[n][3],
            degree=u.degree(n),
            stories=weight[n],
            community=community.get(n, 0),
            x=pos[n][0],
            y=pos[n][1],
        )
        for n in sorted(keep, key=lambda n: (-weight[n], n))
    )
    return Network(
        nodes=nodes,
        edges=tuple(
            NetworkEdge(
                source=r["source"],
                relation=r["relation"],
                target=r["target"],
                n_stories=r["n_stories"],
                denied_stories=r["denied_stories"],
                unconfirmed_stories=r["unconfirmed_stories"],
                kinds=tuple(r["kinds"]),
                first=r["first"],
                last=r["last"],
                status=(
                    "contested"
                    if r["n_stories"] and r["denied_stories"]
                    else ("affirmed" if r["n_stories"] else "denied")
                ),
            )
            for r in edges
        ),
        n_nodes=len(weight),
        n_edges=n_edges_all,
        relations=types,
        min_stories=min_stories,
        generic=generic,
        roll_up=roll_up,
        time=time.describe() or None,
    )


#: Layout: pixels between neighbouring actors of a community (a community of n actors is drawn
#: in a disc of radius about NODE_SPACING * sqrt(n)), and between two communities' discs.
NODE_SPACING = 75.0
COMMUNITY_GAP = 60.0


def _layout(u: nx.Graph, community: dict[str, int]) -> dict[str, tuple[float, float]]:
    """Positions in pixels: each community laid out on its own (a seeded spring layout) in a disc
    sized by its actors, and the discs packed in rows, largest first, so communities sit apart
    and a small one is not squeezed by a large one; the same on every call."""
    groups: dict[int, list[str]] = {}
    for n in sorted(u.nodes):
        groups.setdefault(community.get(n, -1), []).append(n)
    blocks = []
    for c in sorted(groups, key=lambda c: (-len(groups[c]), c)):
        sub = u.subgraph(groups[c])
        if len(sub) == 1:
            pos = {groups[c][0]: (0.0, 0.0)}
        else:
            raw = nx.spring_layout(sub, weight="w", seed=7, k=1.6 / len(sub) ** 0.5, iterations=300)
            pos = {n: (float(x), float(y)) for n, (x, y) in raw.items()}
            span = max(max(abs(x), abs(y)) for x, y in pos.values()) or 1.0
            pos = {n: (x / span, y / span) for n, (x, y) in pos.items()}
        blocks.append((pos, NODE_SPACING * max(len(sub), 1) ** 0.5))
    total = sum((2 * r + COMMUNITY_GAP) ** 2 for _, r in blocks)
    row_width = max(1.6 * total**0.5, max(2 * r + COMMUNITY_GAP for _, r in blocks))
    out: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for pos, radius in blocks:
        size = 2 * radius + COMMUNITY_GAP
        if x and x + size > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        cx, cy = x + size / 2, y + size / 2
        for n, (px, py) in pos.items():
            out[n] = (round(cx + px * radius), round(cy + py * radius))
        x += size
        row_height = max(row_height, size)
    return out
