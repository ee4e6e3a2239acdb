"""The graph GraphML and GEXF share: aggregated dyads with scalar attributes, and their evidence."""

from __future__ import annotations

import json
from typing import Any

import networkx as nx

from dyads.analysis.graph import build_graph
from dyads.export.records import nest
from dyads.export.tables import ExportOptions, claims_sql
from dyads.store import Store

EdgeKey = tuple[str, str, str]

#: Strongest first, as the analysis commands rank evidence.
MODALITY_RANK = {"asserted": 0, "reported": 1, "believed": 2, "hypothetical": 3, "question": 4}


def claims_on_edges(store: Store, opts: ExportOptions) -> list[tuple[EdgeKey, dict[str, Any]]]:
    """Each claim with the aggregated edge (source, relation, target) it is on, as flat rows of
    :func:`~dyads.export.tables.claims_sql` in its order: by document, then position. Rolled up
    as the graph is; a claim between two parts of one state (after roll-up) is on no edge."""
    sql, params = claims_sql(store, opts)
    side = ("source_rollup", "target_rollup") if opts.roll_up else ("source_id", "target_id")
    out = []
    for row in store.query(sql, params):
        s, t = row[side[0]], row[side[1]]
        if s != t:
            out.append(((s, row["relation"], t), row))
    return out


def edge_claims(store: Store, opts: ExportOptions) -> dict[EdgeKey, list[dict[str, Any]]]:
    """The claims of each aggregated edge, in document order (see :func:`claims_on_edges`)."""
    out: dict[EdgeKey, list[dict[str, Any]]] = {}
    for key, row in claims_on_edges(store, opts):
        out.setdefault(key, []).append(row)
    return out


def best_claim(claims: list[dict[str, Any]]) -> dict[str, Any]:
    """The claim to show for an edge: counted first, then the strongest modality, then the
    highest confidence (then the id, so the choice is stable)."""
    return min(
        claims,
        key=lambda c: (
            not c["counted"],
            MODALITY_RANK.get(c["modality"], 9),
            -(c["confidence"] or 0),
            c["id"],
        ),
    )


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
    claims = edge_claims(store, opts)
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
        rows = claims.get((s, key, t), [])
        best = best_claim(rows) if rows else {}
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
                    "n_claims": len(rows),
                    "evidence_sentence": best.get("evidence_sentence"),
                    "evidence_doc": best.get("evidence_doc"),
                    "evidence_start": best.get("evidence_start"),
                    "evidence_end": best.get("evidence_end"),
                    "evidence": json.dumps([nest(r) for r in rows], ensure_ascii=False),
                }
            ),
        )
    return out


def _scalars(d: dict[str, Any]) -> dict[str, Any]:
    """Drop None values: GraphML and GEXF have no null."""
    return {k: v for k, v in d.items() if v is not None}
