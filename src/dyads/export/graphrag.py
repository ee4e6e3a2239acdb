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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, NamedTuple

import networkx as nx
import pyarrow as pa
import pyarrow.parquet as pq

from dyads.analysis.graph import PART_OF, build_graph
from dyads.analysis.rollup import Hierarchy, load_hierarchy
from dyads.export.graphs import MODALITY_RANK, EdgeKey, claims_on_edges
from dyads.export.tables import ExportOptions
from dyads.records import stable_hash
from dyads.store import Store

Row = dict[str, Any]

#: The claim columns the tables use (a million claims are read into memory).
CLAIM_FIELDS = (
    "id",
    "relation",
    "source_id",
    "source_name",
    "target_id",
    "target_name",
    "kinds",
    "role",
    "date",
    "modality",
    "polarity",
    "attributed_to_id",
    "attributed_to_name",
    "evidence_doc",
    "evidence_sentence",
    "evidence_index",
    "confidence",
    "counted",
    "document_date",
    "document_outlet",
    "document_story_id",
)
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
#: Covariates and relationships are written in row groups of this many rows.
BATCH = 50_000
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
    """Write the five tables to the directory ``path``. The claims are read once, in the
    exports' order; covariates are written as they come and the other tables keep only what
    their rows need (a store of a million claims would not fit in memory as rows)."""
    g = build_graph(store, time=opts.time, roll_up=opts.roll_up, hierarchy=True)
    net = _Network(g, _actors(store, g))
    files = {name: path / f"{name}.parquet" for name in SCHEMAS}
    _write_batches(files["covariates"], "covariates", net.read_claims(store, opts))
    _write_batches(files["relationships"], "relationships", net.relationships())
    docs = sorted(net.documents)
    units = net.text_units(store, docs, load_hierarchy(store) if opts.roll_up else None)
    documents = store.query(
        "SELECT id, title, text, date, path, url, outlet, story_id FROM documents "
        "WHERE id IN (SELECT unnest(?::VARCHAR[])) ORDER BY path, id",
        [docs],
    )
    tables = {
        "entities": net.entities(units),
        "text_units": units,
        "documents": _documents(documents, units),
    }
    for name, rows in tables.items():
        pq.write_table(pa.Table.from_pylist(rows, schema=SCHEMAS[name]), files[name])
    return list(files.values())


def _write_batches(path: Path, table: str, rows: Iterable[Row]) -> None:
    """Write ``rows`` of ``table`` to ``path`` in row groups of :data:`BATCH` rows, so that
    no more than one group is in memory."""
    schema = SCHEMAS[table]
    with pq.ParquetWriter(path, schema) as writer:
        batch: list[Row] = []
        for row in rows:
            batch.append(row)
            if len(batch) == BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))


def _actors(store: Store, g: nx.MultiDiGraph) -> dict[str, Row]:
    """The actor rows of the graph's nodes (a node without one, from user data, gets its own)."""
    actors = {
        r["id"]: r
        for r in store.query(
            "SELECT id, name, type, country, parent, aliases, coalesce(generic, false) AS generic "
            "FROM actors WHERE id IN (SELECT unnest(?::VARCHAR[]))",
            [list(g.nodes)],
        )
    }
    for node, data in g.nodes(data=True):
        actors.setdefault(
            node,
            {"id": node, "name": data.get("name") or node, "type": data.get("type"),
             "country": data.get("country"), "parent": data.get("parent"), "aliases": [],
             "generic": False},
        )  # fmt: skip
    return actors


@dataclass(slots=True)
class _Tie:
    """What a relationship's row needs from its claims, gathered as they stream by: their ids
    and sentences, the best counted sentences to quote (at most MAX_EVIDENCE, each with the
    rank of its best claim) and the first denials."""

    claim_ids: list[str] = field(default_factory=list)
    text_unit_ids: set[str] = field(default_factory=set)
    evidence: dict[str, tuple[tuple[Any, ...], str]] = field(default_factory=dict)
    denials: dict[str, str] = field(default_factory=dict)

    def add(self, c: Row, unit: str) -> None:
        self.claim_ids.append(c["id"])
        self.text_unit_ids.add(unit)
        sentence = c["evidence_sentence"]
        if c["counted"]:
            key = (MODALITY_RANK.get(c["modality"], 9), -(c["confidence"] or 0), c["id"])
            known = self.evidence.get(sentence)
            if known is not None:
                if key < known[0]:
                    self.evidence[sentence] = (key, _quote(c))
            elif len(self.evidence) < MAX_EVIDENCE:
                self.evidence[sentence] = (key, _quote(c))
            else:
                worst = max(self.evidence, key=lambda x: self.evidence[x][0])
                if key < self.evidence[worst][0]:
                    del self.evidence[worst]
                    self.evidence[sentence] = (key, _quote(c))
        if c["polarity"] == "denied" and sentence not in self.denials:
            if len(self.denials) < MAX_DENIALS:
                self.denials[sentence] = _quote(c)

    def quotes(self) -> list[str]:
        """The sentences to quote, best first."""
        return [q for _, q in sorted(self.evidence.values())]


@dataclass
class _Network:
    """The exported graph, its actors, and what its claims say, gathered by :meth:`read_claims`."""

    graph: nx.MultiDiGraph
    actors: dict[str, Row]
    ties: dict[EdgeKey, _Tie] = field(default_factory=dict)
    #: per sentence (document, index): the entities, relationships and claims it holds
    holds: dict[tuple[str, int], tuple[set[str], set[str], set[str]]] = field(default_factory=dict)
    documents: set[str] = field(default_factory=set)

    @cached_property
    def title(self) -> dict[str, str]:
        return titles(self.actors)

    @cached_property
    def relationship_ids(self) -> dict[EdgeKey, str]:
        """The edges that are relationships: a counted story, or the hierarchy."""
        return {
            (s, key, t): relationship_id(s, key, t)
            for s, t, key, d in self.graph.edges(keys=True, data=True)
            if key == PART_OF or d["n_stories"]
        }

    @cached_property
    def degree(self) -> dict[str, int]:
        """How many relationships each entity takes part in."""
        degree: dict[str, int] = {}
        for s, _, t in self.relationship_ids:
            degree[s] = degree.get(s, 0) + 1
            degree[t] = degree.get(t, 0) + 1
        return degree

    def read_claims(self, store: Store, opts: ExportOptions) -> Iterator[Row]:
        """Read every claim on an edge, once, noting what it says; yield its covariate row."""
        n = 0
        for key, c in claims_on_edges(store, opts, CLAIM_FIELDS):
            s, rel, t = key
            if not self.graph.has_edge(s, t, rel):
                continue
            unit = text_unit_id(c["evidence_doc"], c["evidence_index"])
            self.ties.setdefault(key, _Tie()).add(c, unit)
            ents, rels, claims = self.holds.setdefault(
                (c["evidence_doc"], c["evidence_index"]), (set(), set(), set())
            )
            ents.update((s, t))
            claims.add(c["id"])
            rel_id = self.relationship_ids.get(key)
            if rel_id:
                rels.add(rel_id)
            self.documents.add(c["evidence_doc"])
            yield {
                "id": c["id"],
                "human_readable_id": n,
                "covariate_type": "claim",
                "type": rel,
                "description": claim_description(c),
                "subject_id": self.title[s],
                "object_id": self.title[t],
                "status": claim_status(c["polarity"], c["modality"]),
                "start_date": c["date"] or c["document_date"],
                "end_date": c["date"] or c["document_date"],
                "source_text": c["evidence_sentence"],
                "text_unit_id": unit,
                "relationship_id": rel_id,
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
            n += 1

    def relationships(self) -> Iterator[Row]:
        """One row per relationship (after :meth:`read_claims`)."""
        edges = sorted(self.graph.edges(keys=True, data=True), key=lambda e: (e[0], e[2], e[1]))
        n = 0
        for s, t, key, d in edges:
            if (s, key, t) not in self.relationship_ids:
                continue  # denied only or unconfirmed only: its claims are covariates only
            tie = self.ties.pop((s, key, t), None) or _Tie()
            yield {
                "id": self.relationship_ids[(s, key, t)],
                "human_readable_id": n,
                "source": self.title[s],
                "target": self.title[t],
                "description": relationship_description(
                    self.title, s, key, t, d, tie.quotes(), list(tie.denials.values())
                ),
                "weight": PART_OF_WEIGHT if key == PART_OF else float(d["n_stories"]),
                "combined_degree": self.degree[s] + self.degree[t],
                "text_unit_ids": sorted(tie.text_unit_ids),
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
                "claim_ids": tie.claim_ids,
            }
            n += 1

    def text_units(self, store: Store, docs: list[str], hier: Hierarchy | None) -> list[Row]:
        """The sentences of ``docs`` that carry a claim on an edge (after :meth:`read_claims`)
        or name an entity (rolled up with ``hier``), with what they hold."""
        for doc_id, idx, actor in store.con.execute(
            "SELECT doc_id, sentence, actor_id FROM mentions "
            "WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))",
            [docs],
        ).fetchall():
            entity = hier.top(actor) if hier else actor
            if entity in self.graph:
                self.holds.setdefault((doc_id, idx), (set(), set(), set()))[0].add(entity)
        units: list[Row] = []
        for doc_id, idx, start, end, text in store.con.execute(
            'SELECT s.doc_id, s.idx, s.start, s."end", s.text FROM sentences s '
            "JOIN documents d ON d.id = s.doc_id WHERE s.doc_id IN (SELECT unnest(?::VARCHAR[])) "
            "ORDER BY d.path, s.doc_id, s.idx",
            [docs],
        ).fetchall():
            if (doc_id, idx) not in self.holds:
                continue
            ents, rel_ids, claim_ids = self.holds[(doc_id, idx)]
            units.append(
                {
                    "id": text_unit_id(doc_id, idx),
                    "human_readable_id": len(units),
                    "text": text,
                    "n_tokens": len(TOKEN.findall(text or "")),
                    "document_ids": [doc_id],
                    "entity_ids": sorted(ents),
                    "relationship_ids": sorted(rel_ids),
                    "covariate_ids": sorted(claim_ids),
                    "document_id": doc_id,
                    "sentence_index": idx,
                    "start": start,
                    "end": end,
                }
            )
        return units

    def entities(self, units: list[Row]) -> list[Row]:
        """The graph's nodes, with the text units that name them or carry their claims."""
        units_of: dict[str, list[str]] = {}
        for u in units:
            for e in u["entity_ids"]:
                units_of.setdefault(e, []).append(u["id"])
        ties: dict[str, list[Tie]] = {}
        for s, rel, t in self.relationship_ids:
            if rel != PART_OF:
                tie = Tie(rel, s, t, self.graph.edges[s, t, rel]["n_stories"])
                ties.setdefault(s, []).append(tie)
                ties.setdefault(t, []).append(tie)
        out = []
        for i, node in enumerate(sorted(self.graph.nodes)):
            a = self.actors[node]
            ids = sorted(units_of.get(node, []))
            out.append(
                {
                    "id": node,
                    "human_readable_id": i,
                    "title": self.title[node],
                    "type": a["type"],
                    "description": entity_description(
                        a, self.actors, self.title, node, ties.get(node, [])
                    ),
                    "text_unit_ids": ids,
                    "frequency": len(ids),
                    "degree": self.degree.get(node, 0),
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


def relationship_description(
    title: dict[str, str],
    s: str,
    relation: str,
    t: str,
    d: dict[str, Any],
    quotes: list[str],
    denials: list[str],
) -> str:
    """What the evidence of one tie says, e.g. 'Iran supports Houthis (funding, weapons): 2
    independent stories affirm it, 1 story denies it (contested); dated 2020-01-05 to
    2021-03-01. Evidence: "..." (Harbour Wire, 2020-01-05); ... Denied: "..."'; ``quotes`` and
    ``denials`` are the sentences to quote (see :func:`_quote`)."""
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
    if denied:
        text += " (contested)"
    if d.get("first"):
        text += f"; dated {d['first']}" + (
            f" to {d['last']}" if d.get("last") != d["first"] else ""
        )
    text += ". Evidence: " + "; ".join(quotes) + "."
    if denials:
        text += " Denied: " + "; ".join(denials) + "."
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


class Tie(NamedTuple):
    """A relationship as an entity's description names it."""

    relation: str
    source: str
    target: str
    n_stories: int


def entity_description(
    a: dict[str, Any],
    actors: dict[str, dict[str, Any]],
    title: dict[str, str],
    node: str,
    ties: list[Tie],
) -> str:
    """An actor in words: its type, country, parent, aliases and strongest ``ties`` (its
    relationships but the hierarchy), e.g. 'Houthis: armed group (YEM). Also called Ansar
    Allah. Supported by Iran (2 stories); ...'"""
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
    strongest = sorted(ties, key=lambda r: (-r.n_stories, r.relation, r.source, r.target))
    bits = []
    for r in strongest[:MAX_TIES]:
        forward, backward = VERBS.get(r.relation, (r.relation.lower(),) * 2)
        if r.source == node:
            words = f"{forward} {title[r.target]}"
        else:
            words = f"{backward} {title[r.source]}"
        bits.append(f"{words} ({stories(r.n_stories)})")
    if bits:
        ties_text = "; ".join(bits)
        text += f" {ties_text[0].upper()}{ties_text[1:]}."
    return text
