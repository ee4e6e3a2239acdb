"""GraphRAG-style tables: the network as Microsoft GraphRAG's indexer writes its knowledge model.

Five Parquet files, with the columns of GraphRAG's published output schema (its docs,
"Outputs", and ``graphrag/data_model/schemas.py``) first, then dyads' own (docs/exports.md):

- ``entities.parquet``: one row per actor of the exported graph (its nodes);
- ``relationships.parquet``: one row per tie with at least one counted story, ``weight`` = the
  counted independent stories, and the gazetteer hierarchy (PART_OF, weight 1);
- ``text_units.parquet``: the sentences that carry a claim or name an entity, in the documents
  that carry a claim;
- ``covariates.parquet``: every claim on an edge, affirmed, denied or hypothetical, with
  GraphRAG's claim ``status`` (TRUE, FALSE, SUSPECTED);
- ``documents.parquet``: those documents.

Descriptions are written from the store, not by a language model: they say what the evidence
says (who, the relation, how many independent stories, the sentences), so a retriever can quote
them. GraphRAG's ids are UUIDs; here entity ids are dyads' actor ids, claim ids dyads' relation
ids, and the other ids are stable hashes, the same on every run.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import networkx as nx
import pyarrow as pa
import pyarrow.parquet as pq

from dyads.analysis.graph import PART_OF, build_graph
from dyads.analysis.rollup import load_hierarchy
from dyads.export.graphs import MODALITY_RANK, EdgeKey, claims_on_edges
from dyads.export.tables import ExportOptions
from dyads.records import stable_hash
from dyads.store import Store

Row = dict[str, Any]

#: How a description says each relation, forwards (source -> target) and backwards.
VERBS: dict[str, tuple[str, str]] = {
    "SUPPORTS": ("supports", "supported by"),
    "CREATED": ("created", "created by"),
    "INFLUENCES": ("influences", "influenced by"),
    "COOPERATES": ("cooperates with", "cooperates with"),
    "OPPOSES": ("opposes", "opposed by"),
    "ATTACKS": ("attacks", "attacked by"),
    "LEADS": ("leads", "led by"),
    "MEMBER_OF": ("is a member of", "has as a member"),
    "LOCATED_IN": ("is located in", "is the location of"),
    PART_OF: ("is part of", "has as a part"),
}
#: The weight of a hierarchy tie (it comes from the gazetteer, not from stories).
PART_OF_WEIGHT = 1.0
#: At most this many distinct evidence sentences in a relationship's description, and denials.
MAX_EVIDENCE = 3
MAX_DENIALS = 2
#: At most this many ties in an entity's description, and aliases.
MAX_TIES = 6
MAX_ALIASES = 5
#: What ``n_tokens`` counts: words and punctuation marks (no language model's tokenizer).
TOKEN = re.compile(r"\w+|[^\w\s]")
#: GraphRAG's claim status from dyads' polarity and modality.
STATUS_ASSERTED, STATUS_DENIED, STATUS_OTHER = "TRUE", "FALSE", "SUSPECTED"

_S, _I, _F, _B = pa.string(), pa.int64(), pa.float64(), pa.bool_()
_LIST = pa.list_(_S)

SCHEMAS: dict[str, pa.Schema] = {
    "entities": pa.schema(
        [
            ("id", _S),
            ("human_readable_id", _I),
            ("title", _S),
            ("type", _S),
            ("description", _S),
            ("text_unit_ids", _LIST),
            ("frequency", _I),
            ("degree", _I),
            ("x", _F),
            ("y", _F),
            ("name", _S),
            ("country", _S),
            ("parent", _S),
            ("aliases", _LIST),
            ("generic", _B),
        ]
    ),
    "relationships": pa.schema(
        [
            ("id", _S),
            ("human_readable_id", _I),
            ("source", _S),
            ("target", _S),
            ("description", _S),
            ("weight", _F),
            ("combined_degree", _I),
            ("text_unit_ids", _LIST),
            ("relation", _S),
            ("source_id", _S),
            ("target_id", _S),
            ("n_stories", _I),
            ("n_documents", _I),
            ("denied_stories", _I),
            ("unconfirmed_stories", _I),
            ("kinds", _LIST),
            ("first", _S),
            ("last", _S),
            ("status", _S),
            ("claim_ids", _LIST),
        ]
    ),
    "text_units": pa.schema(
        [
            ("id", _S),
            ("human_readable_id", _I),
            ("text", _S),
            ("n_tokens", _I),
            ("document_ids", _LIST),
            ("entity_ids", _LIST),
            ("relationship_ids", _LIST),
            ("covariate_ids", _LIST),
            ("document_id", _S),
            ("sentence_index", _I),
            ("start", _I),
            ("end", _I),
        ]
    ),
    "covariates": pa.schema(
        [
            ("id", _S),
            ("human_readable_id", _I),
            ("covariate_type", _S),
            ("type", _S),
            ("description", _S),
            ("subject_id", _S),
            ("object_id", _S),
            ("status", _S),
            ("start_date", _S),
            ("end_date", _S),
            ("source_text", _S),
            ("text_unit_id", _S),
            ("relationship_id", _S),
            ("source_id", _S),
            ("target_id", _S),
            ("modality", _S),
            ("polarity", _S),
            ("counted", _B),
            ("attributed_to_id", _S),
            ("kinds", _LIST),
            ("document_id", _S),
            ("story_id", _S),
        ]
    ),
    "documents": pa.schema(
        [
            ("id", _S),
            ("human_readable_id", _I),
            ("title", _S),
            ("text", _S),
            ("text_unit_ids", _LIST),
            ("creation_date", _S),
            (
                "metadata",
                pa.struct(
                    [("path", _S), ("url", _S), ("outlet", _S), ("story_id", _S), ("date", _S)]
                ),
            ),
        ]
    ),
}


def text_unit_id(doc_id: str, index: int) -> str:
    """The id of sentence ``index`` of document ``doc_id``."""
    return stable_hash("text_unit", doc_id, index)


def relationship_id(source: str, relation: str, target: str) -> str:
    return stable_hash("relationship", source, relation, target)


def claim_status(polarity: str, modality: str) -> str:
    """TRUE for an asserted claim, FALSE for a denied one, SUSPECTED for the rest (reported,
    believed, hypothetical, asked): GraphRAG's claim statuses."""
    if polarity == "denied":
        return STATUS_DENIED
    return STATUS_ASSERTED if modality == "asserted" else STATUS_OTHER


def titles(actors: dict[str, dict[str, Any]]) -> dict[str, str]:
    """A unique title per actor: its name, or "name (id)" when several actors share the name
    (GraphRAG joins relationships to entities by title)."""
    count: dict[str, int] = {}
    for a in actors.values():
        count[a["name"]] = count.get(a["name"], 0) + 1
    return {
        i: a["name"] if count[a["name"]] == 1 else f"{a['name']} ({i})" for i, a in actors.items()
    }


def stories(n: int, adjective: str = "") -> str:
    """'1 independent story', '2 stories'."""
    return f"{n} {adjective + ' ' if adjective else ''}{'story' if n == 1 else 'stories'}"


def write(store: Store, path: Path, opts: ExportOptions) -> list[Path]:
    tables = build_tables(store, opts)
    out = []
    for name, rows in tables.items():
        target = path / f"{name}.parquet"
        pq.write_table(pa.Table.from_pylist(rows, schema=SCHEMAS[name]), target)
        out.append(target)
    return out


@dataclass
class _Network:
    """What the tables are built from: the exported graph, its actors and its claims."""

    graph: nx.MultiDiGraph
    actors: dict[str, Row]
    title: dict[str, str]
    on_edges: list[tuple[EdgeKey, Row]]  # each claim with its edge, in the exports' order

    @cached_property
    def claims(self) -> dict[EdgeKey, list[Row]]:
        out: dict[EdgeKey, list[Row]] = {}
        for key, c in self.on_edges:
            out.setdefault(key, []).append(c)
        return out


def build_tables(store: Store, opts: ExportOptions) -> dict[str, list[Row]]:
    """The five tables as lists of rows, keyed by table name (without ``.parquet``)."""
    g = build_graph(store, time=opts.time, roll_up=opts.roll_up, hierarchy=True)
    actors = {
        r["id"]: r
        for r in store.query(
            "SELECT id, name, type, country, parent, aliases, coalesce(generic, false) AS generic "
            "FROM actors WHERE id IN (SELECT unnest(?::VARCHAR[]))",
            [list(g.nodes)],
        )
    }
    for node, data in g.nodes(data=True):  # a node without an actor row (user data)
        actors.setdefault(
            node,
            {"id": node, "name": data.get("name") or node, "type": data.get("type"),
             "country": data.get("country"), "parent": data.get("parent"), "aliases": [],
             "generic": False},
        )  # fmt: skip
    net = _Network(
        g,
        actors,
        titles(actors),
        [(k, c) for k, c in claims_on_edges(store, opts) if g.has_edge(k[0], k[2], k[1])],
    )
    relationships = _relationships(net)
    covariates = _covariates(net, relationships)
    docs = sorted({c["document_id"] for c in covariates})
    hier = load_hierarchy(store) if opts.roll_up else None
    named: dict[tuple[str, int], set[str]] = {}
    for doc_id, idx, actor in store.con.execute(
        "SELECT doc_id, sentence, actor_id FROM mentions "
        "WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))",
        [docs],
    ).fetchall():
        entity = hier.top(actor) if hier else actor
        if entity in g:
            named.setdefault((doc_id, idx), set()).add(entity)
    sentences = store.query(
        'SELECT s.doc_id, s.idx, s.start, s."end", s.text FROM sentences s '
        "JOIN documents d ON d.id = s.doc_id WHERE s.doc_id IN (SELECT unnest(?::VARCHAR[])) "
        "ORDER BY d.path, s.doc_id, s.idx",
        [docs],
    )
    text_units = _text_units(net, relationships, named, sentences)
    documents = store.query(
        "SELECT id, title, text, date, path, url, outlet, story_id FROM documents "
        "WHERE id IN (SELECT unnest(?::VARCHAR[])) ORDER BY path, id",
        [docs],
    )
    return {
        "entities": _entities(net, relationships, text_units),
        "relationships": relationships,
        "text_units": text_units,
        "covariates": covariates,
        "documents": _documents(documents, text_units),
    }


def _relationships(net: _Network) -> list[Row]:
    """The ties with a counted story (denied-only and unconfirmed-only dyads are covariates
    only), and the hierarchy; then each side's degree in this table."""
    rels: list[Row] = []
    edges = sorted(net.graph.edges(keys=True, data=True), key=lambda e: (e[0], e[2], e[1]))
    for s, t, key, d in edges:
        if key != PART_OF and not d["n_stories"]:
            continue
        rows = net.claims.get((s, key, t), [])
        rels.append(
            {
                "id": relationship_id(s, key, t),
                "human_readable_id": len(rels),
                "source": net.title[s],
                "target": net.title[t],
                "description": relationship_description(net.title, s, key, t, d, rows),
                "weight": PART_OF_WEIGHT if key == PART_OF else float(d["n_stories"]),
                "text_unit_ids": sorted(
                    {text_unit_id(r["evidence_doc"], r["evidence_index"]) for r in rows}
                ),
                "relation": key,
                "source_id": s,
                "target_id": t,
                "n_stories": d.get("n_stories") or 0,
                "n_documents": d.get("n_documents") or 0,
                "denied_stories": d.get("denied_stories") or 0,
                "unconfirmed_stories": d.get("unconfirmed_stories") or 0,
                "kinds": list(d.get("kinds") or []),
                "first": d.get("first"),
                "last": d.get("last"),
                "status": "hierarchy" if key == PART_OF else _status(d),
                "claim_ids": [r["id"] for r in rows],
            }
        )
    degree = _degrees(rels)
    for r in rels:
        r["combined_degree"] = degree[r["source_id"]] + degree[r["target_id"]]
    return rels


def _degrees(rels: list[Row]) -> dict[str, int]:
    """How many relationships each entity takes part in."""
    degree: dict[str, int] = {}
    for r in rels:
        for side in (r["source_id"], r["target_id"]):
            degree[side] = degree.get(side, 0) + 1
    return degree


def _covariates(net: _Network, rels: list[Row]) -> list[Row]:
    """Every claim on an edge of the graph, affirmed, denied or hypothetical."""
    edge_of = {(r["source_id"], r["relation"], r["target_id"]): r["id"] for r in rels}
    return [
        {
            "id": c["id"],
            "human_readable_id": i,
            "covariate_type": "claim",
            "type": c["relation"],
            "description": claim_description(c),
            "subject_id": net.title[s],
            "object_id": net.title[t],
            "status": claim_status(c["polarity"], c["modality"]),
            "start_date": c["date"] or c["document_date"],
            "end_date": c["date"] or c["document_date"],
            "source_text": c["evidence_sentence"],
            "text_unit_id": text_unit_id(c["evidence_doc"], c["evidence_index"]),
            "relationship_id": edge_of.get((s, rel, t)),
            "source_id": c["source_id"],
            "target_id": c["target_id"],
            "modality": c["modality"],
            "polarity": c["polarity"],
            "counted": c["counted"],
            "attributed_to_id": c["attributed_to_id"],
            "kinds": list(c["kinds"] or []),
            "document_id": c["evidence_doc"],
            "story_id": c["document_story_id"],
        }
        for i, ((s, rel, t), c) in enumerate(net.on_edges)
    ]


def _text_units(
    net: _Network,
    rels: list[Row],
    named: dict[tuple[str, int], set[str]],
    sentences: list[Row],
) -> list[Row]:
    """The sentences that carry a claim on an edge or name an entity (``named``: the entities
    each sentence names), with what they hold."""
    edge_of = {(r["source_id"], r["relation"], r["target_id"]): r["id"] for r in rels}
    holds: dict[tuple[str, int], tuple[set[str], set[str], set[str]]] = {}
    for where, entities in named.items():
        holds.setdefault(where, (set(), set(), set()))[0].update(entities)
    for key, c in net.on_edges:
        ents, rel_ids, claim_ids = holds.setdefault(
            (c["evidence_doc"], c["evidence_index"]), (set(), set(), set())
        )
        ents.update((key[0], key[2]))
        claim_ids.add(c["id"])
        if key in edge_of:
            rel_ids.add(edge_of[key])
    units: list[Row] = []
    for s in sentences:
        if (s["doc_id"], s["idx"]) not in holds:
            continue
        ents, rel_ids, claim_ids = holds[(s["doc_id"], s["idx"])]
        units.append(
            {
                "id": text_unit_id(s["doc_id"], s["idx"]),
                "human_readable_id": len(units),
                "text": s["text"],
                "n_tokens": len(TOKEN.findall(s["text"] or "")),
                "document_ids": [s["doc_id"]],
                "entity_ids": sorted(ents),
                "relationship_ids": sorted(rel_ids),
                "covariate_ids": sorted(claim_ids),
                "document_id": s["doc_id"],
                "sentence_index": s["idx"],
                "start": s["start"],
                "end": s["end"],
            }
        )
    return units


def _entities(net: _Network, rels: list[Row], units: list[Row]) -> list[Row]:
    """The graph's nodes, with the text units that name them or carry their claims."""
    units_of: dict[str, list[str]] = {}
    for u in units:
        for e in u["entity_ids"]:
            units_of.setdefault(e, []).append(u["id"])
    degree = _degrees(rels)
    out = []
    for i, node in enumerate(sorted(net.graph.nodes)):
        a = net.actors[node]
        ids = sorted(units_of.get(node, []))
        out.append(
            {
                "id": node,
                "human_readable_id": i,
                "title": net.title[node],
                "type": a["type"],
                "description": entity_description(a, net.actors, net.title, node, rels),
                "text_unit_ids": ids,
                "frequency": len(ids),
                "degree": degree.get(node, 0),
                "x": 0.0,
                "y": 0.0,
                "name": a["name"],
                "country": a["country"],
                "parent": a["parent"],
                "aliases": list(a["aliases"] or []),
                "generic": bool(a["generic"]),
            }
        )
    return out


def _documents(documents: list[Row], units: list[Row]) -> list[Row]:
    """The documents the claims come from, with their text units."""
    units_of: dict[str, list[str]] = {}
    for u in units:
        units_of.setdefault(u["document_id"], []).append(u["id"])
    return [
        {
            "id": d["id"],
            "human_readable_id": i,
            "title": d["title"] or d["path"] or d["id"],
            "text": d["text"],
            "text_unit_ids": units_of.get(d["id"], []),
            "creation_date": d["date"],
            "metadata": {
                "path": d["path"],
                "url": d["url"],
                "outlet": d["outlet"],
                "story_id": d["story_id"],
                "date": d["date"],
            },
        }
        for i, d in enumerate(documents)
    ]


def _status(d: dict[str, Any]) -> str:
    return "contested" if d.get("denied_stories") else "affirmed"


def _quote(c: dict[str, Any]) -> str:
    """A claim's sentence in quotes, with where it was said."""
    tags = [c["modality"]] if c["modality"] != "asserted" else []
    if c["attributed_to_name"]:
        tags.append(f"according to {c['attributed_to_name']}")
    tags += [x for x in (c["document_outlet"], c["date"] or c["document_date"]) if x]
    return f'"{c["evidence_sentence"]}"' + (f" ({', '.join(tags)})" if tags else "")


def _distinct(claims: Iterable[dict[str, Any]], n: int) -> list[dict[str, Any]]:
    """The first ``n`` claims with distinct sentences (copies of a story say the same)."""
    seen: set[str] = set()
    out = []
    for c in claims:
        if c["evidence_sentence"] not in seen:
            seen.add(c["evidence_sentence"])
            out.append(c)
        if len(out) == n:
            break
    return out


def relationship_description(
    title: dict[str, str],
    s: str,
    relation: str,
    t: str,
    d: dict[str, Any],
    claims: list[dict[str, Any]],
) -> str:
    """What the evidence of one tie says, e.g. 'Iran supports Houthis (funding, weapons): 2
    independent stories affirm it, 1 story denies it (contested); dated 2020-01-05 to
    2021-03-01. Evidence: "..." (Harbour Wire, 2020-01-05); ... Denied: "..."'"""
    verb = VERBS.get(relation, (relation.lower(), relation.lower()))[0]
    head = f"{title[s]} {verb} {title[t]}"
    if relation == PART_OF:
        return head + " (gazetteer hierarchy)."
    if d.get("kinds"):
        head += f" ({', '.join(d['kinds'])})"
    n, denied, unconfirmed = d["n_stories"], d.get("denied_stories"), d.get("unconfirmed_stories")
    parts = [f"{stories(n, 'independent')} {'affirms' if n == 1 else 'affirm'} it"]
    if denied:
        parts.append(f"{stories(denied)} {'denies' if denied == 1 else 'deny'} it")
    if unconfirmed:
        says = "gives" if unconfirmed == 1 else "give"
        parts.append(f"{stories(unconfirmed)} {says} it as hypothetical or asked")
    text = head + ": " + ", ".join(parts)
    if d.get("denied_stories"):
        text += " (contested)"
    if d.get("first"):
        text += f"; dated {d['first']}" + (
            f" to {d['last']}" if d.get("last") != d["first"] else ""
        )
    counted = sorted(
        (c for c in claims if c["counted"]),
        key=lambda c: (MODALITY_RANK.get(c["modality"], 9), -(c["confidence"] or 0), c["id"]),
    )
    text += ". Evidence: " + "; ".join(_quote(c) for c in _distinct(counted, MAX_EVIDENCE)) + "."
    denials = _distinct((c for c in claims if c["polarity"] == "denied"), MAX_DENIALS)
    if denials:
        text += " Denied: " + "; ".join(_quote(c) for c in denials) + "."
    return text


def claim_description(c: dict[str, Any]) -> str:
    """One claim in words: 'Government of Iran supports Houthis (weapons): denied, believed,
    according to Government of Iran.'"""
    verb = VERBS.get(c["relation"], (c["relation"].lower(), ""))[0]
    text = f"{c['source_name'] or c['source_id']} {verb} {c['target_name'] or c['target_id']}"
    if c["kinds"]:
        text += f" ({', '.join(c['kinds'])})"
    if c["role"]:
        text += f" as {c['role']}"
    tags = [c["polarity"], c["modality"]]
    if c["attributed_to_name"]:
        tags.append(f"according to {c['attributed_to_name']}")
    if c["date"]:
        tags.append(f"dated {c['date']}")
    return f"{text}: {', '.join(tags)}."


def entity_description(
    a: dict[str, Any],
    actors: dict[str, dict[str, Any]],
    title: dict[str, str],
    node: str,
    rels: list[dict[str, Any]],
) -> str:
    """An actor in words: its type, country, parent, aliases and strongest ties, e.g.
    'Houthis: armed group (YEM). Also called Ansar Allah. Supported by Iran (2 stories); ...'"""
    text = f"{a['name']}: " + (a["type"] or "actor").replace("_", " ")
    if a["country"]:
        text += f" ({a['country']})"
    if a["parent"]:
        parent = actors.get(a["parent"], {}).get("name") or a["parent"]
        text += f", part of {parent}"
    text += "."
    if a["generic"]:
        text += " A generic actor: named in the text by a description, not a name."
    aliases = [x for x in (a["aliases"] or []) if x != a["name"]][:MAX_ALIASES]
    if aliases:
        text += f" Also called {', '.join(aliases)}."
    ties = sorted(
        (r for r in rels if node in (r["source_id"], r["target_id"]) and r["relation"] != PART_OF),
        key=lambda r: (-r["weight"], r["relation"], r["source_id"], r["target_id"]),
    )[:MAX_TIES]
    if ties:
        bits = []
        for r in ties:
            forward, backward = VERBS.get(r["relation"], (r["relation"].lower(),) * 2)
            if r["source_id"] == node:
                words = f"{forward} {title[r['target_id']]}"
            else:
                words = f"{backward} {title[r['source_id']]}"
            bits.append(f"{words} ({stories(r['n_stories'])})")
        ties_text = "; ".join(bits)
        text += f" {ties_text[0].upper()}{ties_text[1:]}."
    return text
