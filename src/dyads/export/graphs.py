"""The graph GraphML and GEXF share: aggregated dyads with scalar attributes, and their evidence."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from dyads.analysis.graph import build_graph
from dyads.export.records import Nester
from dyads.export.tables import ExportOptions, claims_sql
from dyads.store import Store

EdgeKey = tuple[str, str, str]

#: Strongest first, as the analysis commands rank evidence.
MODALITY_RANK = {"asserted": 0, "reported": 1, "believed": 2, "hypothetical": 3, "question": 4}


def claims_on_edges(
    store: Store, opts: ExportOptions, keep: Sequence[str] | None = None
) -> Iterator[tuple[EdgeKey, dict[str, Any]]]:
    """Each claim with the aggregated edge (source, relation, target) it is on, as flat rows of
    :func:`~dyads.export.tables.claims_sql` (only the columns ``keep``, if given) in its order:
    by document, then position; read as they are used. Rolled up as the graph is; a claim
    between two parts of one state (after roll-up) is on no edge."""
    sql, params = claims_sql(store, opts)
    side = ("source_rollup", "target_rollup") if opts.roll_up else ("source_id", "target_id")
    cur = store.con.cursor()  # its own result set: the caller may query the store meanwhile
    try:
        cur.execute(sql, params)
        cols = [d[0] for d in cur.description or []]
        at = {c: i for i, c in enumerate(cols)}
        kept = [(c, at[c]) for c in (keep or cols)]
        s_at, t_at, rel_at = at[side[0]], at[side[1]], at["relation"]
        while rows := cur.fetchmany(10_000):
            for row in rows:
                if row[s_at] != row[t_at]:
                    yield (row[s_at], row[rel_at], row[t_at]), {c: row[i] for c, i in kept}
    finally:
        cur.close()


def rank(claim: dict[str, Any]) -> tuple[Any, ...]:
    """How the claim an edge shows is chosen (the least): counted first, then the strongest
    modality, then the highest confidence (then the id, so the choice is stable)."""
    return (
        not claim["counted"],
        MODALITY_RANK.get(claim["modality"], 9),
        -(claim["confidence"] or 0),
        claim["id"],
    )


#: The claim fields a graph edge shows as its own attributes (the best claim's).
SHOWN = ("evidence_sentence", "evidence_doc", "evidence_start", "evidence_end")


@dataclass
class _EdgeEvidence:
    """An edge's claims as JSON, and the claim it shows, gathered while the claims stream by."""

    records: list[str] = field(default_factory=list)
    best: tuple[tuple[Any, ...], dict[str, Any]] | None = None

    def add(self, record: dict[str, Any], row: dict[str, Any]) -> None:
        self.records.append(json.dumps(record, ensure_ascii=False))
        key = rank(row)
        if self.best is None or key < self.best[0]:
            self.best = (key, {k: row[k] for k in SHOWN})


def _evidence(store: Store, opts: ExportOptions) -> dict[EdgeKey, _EdgeEvidence]:
    """Each edge's evidence, reading the claims once and keeping only their JSON (a store of a
    million claims would not fit in memory as rows)."""
    sql, params = claims_sql(store, opts)
    side = ("source_rollup", "target_rollup") if opts.roll_up else ("source_id", "target_id")
    cur = store.con.cursor()
    cur.execute(sql, params)
    cols = tuple(d[0] for d in cur.description or [])
    nest = Nester(cols)
    out: dict[EdgeKey, _EdgeEvidence] = {}
    while rows := cur.fetchmany(10_000):
        for values in rows:
            row = dict(zip(cols, values, strict=True))
            s, t = row[side[0]], row[side[1]]
            if s != t:
                out.setdefault((s, row["relation"], t), _EdgeEvidence()).add(nest(values), row)
    cur.close()
    return out


def export_graph(store: Store, opts: ExportOptions) -> nx.MultiDiGraph:
    """One node per actor, one edge per (source, relation, target), keyed by relation.

    Edge attributes: relation, weight (= counted independent stories), n_stories, n_documents,
    denied_stories, unconfirmed_stories, kinds and modalities (``;``-joined), first, last,
    status (affirmed, contested, denied only, unconfirmed only), n_claims, the best claim's
    evidence_sentence, evidence_doc, evidence_start and evidence_end, and ``evidence``: every
    claim of the edge as a JSON array of relation records (the JSONL export's). Hierarchy
    appears as PART_OF edges.
    """
    g = build_graph(store, time=opts.time, roll_up=opts.roll_up, hierarchy=True)
    evidence = _evidence(store, opts)
    generic = {
        r["id"]: bool(r["generic"])
        for r in store.query("SELECT id, generic FROM actors WHERE generic")
    }
    out = nx.MultiDiGraph()
    for node, data in g.nodes(data=True):
        out.add_node(
            node,
            **_scalars(
                {
                    "label": data.get("name") or node,
                    "type": data.get("type"),
                    "country": data.get("country"),
                    "parent": data.get("parent"),
                    "generic": generic.get(node, False),
                }
            ),
        )
    for s, t, key, d in g.edges(keys=True, data=True):
        if key == "PART_OF":
            out.add_edge(s, t, key=key, relation=key, weight=0, status="hierarchy")
            continue
        if d["n_stories"]:
            status = "contested" if d["denied_stories"] else "affirmed"
        else:
            status = "denied only" if d["denied_stories"] else "unconfirmed only"
        ev = evidence.pop((s, key, t), None) or _EdgeEvidence()
        out.add_edge(
            s,
            t,
            key=key,
            **_scalars(
                {
                    "relation": key,
                    "weight": d["n_stories"],
                    "n_stories": d["n_stories"],
                    "n_documents": d["n_documents"],
                    "denied_stories": d["denied_stories"],
                    "unconfirmed_stories": d["unconfirmed_stories"],
                    "kinds": ";".join(d["kinds"] or []),
                    "modalities": ";".join(d["modalities"] or []),
                    "first": d["first"],
                    "last": d["last"],
                    "status": status,
                    "n_claims": len(ev.records),
                    **(ev.best[1] if ev.best else {}),
                    "evidence": "[" + ", ".join(ev.records) + "]",
                }
            ),
        )
    return out


def _scalars(d: dict[str, Any]) -> dict[str, Any]:
    """Drop None values: GraphML and GEXF have no null."""
    return {k: v for k, v in d.items() if v is not None}
