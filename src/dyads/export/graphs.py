"""The graph GraphML and GEXF share: aggregated dyads with scalar attributes only."""

from __future__ import annotations

from typing import Any

import networkx as nx

from dyads.analysis.graph import build_graph
from dyads.export.tables import ExportOptions
from dyads.store import Store


def export_graph(store: Store, opts: ExportOptions) -> nx.MultiDiGraph:
    """One node per actor, one edge per (source, relation, target), keyed by relation.

    Edge attributes: relation, weight (= counted independent stories), n_stories, n_documents,
    denied_stories, unconfirmed_stories, kinds and modalities (``;``-joined), first, last and
    status (affirmed, denied only, unconfirmed only). Hierarchy appears as PART_OF edges.
    """
    g = build_graph(store, time=opts.time, roll_up=opts.roll_up, hierarchy=True)
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
                }
            ),
        )
    return out


def _scalars(d: dict[str, Any]) -> dict[str, Any]:
    """Drop None values: GraphML and GEXF have no null."""
    return {k: v for k, v in d.items() if v is not None}
