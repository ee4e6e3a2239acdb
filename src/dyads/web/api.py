"""``/api/...``: the analysis functions as JSON, one endpoint each (schema at ``/openapi.json``).

Each endpoint parses its parameters (FastAPI checks types and ranges: a bad one is a 422 with one
line saying which), calls the function a notebook user would call, and returns its record's
``to_dict()``: the same JSON as the CLI's ``--json``. Library errors become 400 (a bad question),
404 (an unknown actor or document) or 503 (the store is busy or missing), as ``{"error": code,
"message": ...}``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request

from dyads import analysis
from dyads.analysis.timefilter import TimeFilter
from dyads.records import MODALITIES, POLARITIES, RELATION_TYPES, SUPPORT_KINDS
from dyads.store import Store

#: The most rows one request returns (actors, relations, documents, supporters).
MAX_LIMIT = 200

router = APIRouter(prefix="/api", tags=["api"])


def store(request: Request) -> Iterator[Store]:
    """The store, read-only, with a cursor of its own for this request."""
    with request.app.state.reader.store() as s:
        yield s


def time_filter(
    since: Annotated[str | None, Query(description="Claims about this date or later.")] = None,
    until: Annotated[str | None, Query(description="Claims about this date or earlier.")] = None,
    as_of: Annotated[str | None, Query(description="Only what was published by this date.")] = None,
) -> TimeFilter:
    """``since``/``until``/``as_of`` (2015, 2023-03, 2024-02-15, 1990s) as one filter."""
    return TimeFilter(since=since, until=until, as_of=as_of)


StoreDep = Annotated[Store, Depends(store)]
TimeDep = Annotated[TimeFilter, Depends(time_filter)]
Actor = Annotated[str, Query(min_length=1, max_length=200, description="Name, alias or id.")]
RollUp = Annotated[
    bool, Query(description="Count an agency's, military's or government's evidence for its state.")
]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]
Relation = Literal[RELATION_TYPES]  # type: ignore[valid-type]
Kind = Literal[SUPPORT_KINDS]  # type: ignore[valid-type]
Modality = Literal[MODALITIES]  # type: ignore[valid-type]
Polarity = Literal[POLARITIES]  # type: ignore[valid-type]


@router.get("/actors", summary="Search actors by name, alias or a close spelling")
def search_actors(
    s: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=200)],
    limit: Limit = 20,
    generic: Annotated[bool, Query(description="Include actors without a name.")] = True,
) -> list[dict[str, Any]]:
    return [m.to_dict() for m in analysis.search_actors(s, q, limit=limit, generic=generic)]


@router.get("/actors/{actor}", summary="One actor: names, aliases, type, parent, mentions")
def actor(s: StoreDep, actor: str) -> dict[str, Any]:
    return analysis.actor_profile(s, actor).to_dict()


@router.get("/relations", summary="Claims, filtered")
def relations(
    s: StoreDep,
    time: TimeDep,
    type: Annotated[list[Relation] | None, Query(description="Relation types (any of).")] = None,  # noqa: A002
    kind: Annotated[list[Kind] | None, Query(description="Kinds of support (any of).")] = None,
    source: Annotated[str | None, Query(max_length=200)] = None,
    target: Annotated[str | None, Query(max_length=200)] = None,
    modality: Annotated[list[Modality] | None, Query()] = None,
    polarity: Polarity | None = None,
    min_stories: Annotated[
        int, Query(ge=0, le=1000, description="Edges told by at least this many stories.")
    ] = 0,
    generic: Annotated[bool, Query(description="Include actors without a name.")] = True,
    limit: Limit = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> list[dict[str, Any]]:
    rows = analysis.list_relations(
        s,
        type,
        source,
        target,
        limit,
        kinds=kind or (),
        modality=modality or (),
        polarity=polarity,
        time=time,
        min_stories=min_stories,
        generic=generic,
        offset=offset,
    )
    return [r.to_dict() for r in rows]


@router.get("/dyad", summary="Every claim between A and B, both directions, with evidence")
def dyad(s: StoreDep, time: TimeDep, a: Actor, b: Actor, roll_up: RollUp = True) -> dict[str, Any]:
    return analysis.dyad(s, a, b, roll_up=roll_up, time=time).to_dict()


@router.get("/supporters", summary="Who supports an actor, or whom it supports")
def supporters(
    s: StoreDep,
    time: TimeDep,
    actor: Actor,
    direction: Literal["supporters", "supported"] = "supporters",
    kind: Kind | None = None,
    roll_up: RollUp = True,
    evidence: Annotated[int, Query(ge=0, le=10, description="Sentences per actor.")] = 3,
    limit: Limit = 50,
) -> dict[str, Any]:
    fn = analysis.supporters if direction == "supporters" else analysis.supported_by
    res = fn(s, actor, roll_up=roll_up, time=time, kind=kind, evidence=evidence, limit=limit)
    return res.to_dict()


@router.get("/leaders", summary="Who leads an actor")
def leaders(s: StoreDep, time: TimeDep, actor: Actor, roll_up: RollUp = True) -> dict[str, Any]:
    return analysis.leaders(s, actor, roll_up=roll_up, time=time).to_dict()


@router.get("/leverage", summary="How much leverage A has over B, each component with evidence")
def leverage(
    s: StoreDep,
    time: TimeDep,
    a: Actor,
    b: Actor,
    top: Annotated[int, Query(ge=1, le=20)] = 3,
) -> dict[str, Any]:
    return analysis.leverage(s, a, b, time=time, top=top).to_dict()


@router.get("/path", summary="Shortest evidence paths between A and B")
def path(
    s: StoreDep,
    time: TimeDep,
    a: Actor,
    b: Actor,
    k: Annotated[int, Query(ge=1, le=10)] = 3,
    max_hops: Annotated[int, Query(ge=1, le=6)] = 4,
    roll_up: RollUp = True,
) -> dict[str, Any]:
    return analysis.shortest_paths(
        s, a, b, k=k, max_hops=max_hops, roll_up=roll_up, time=time
    ).to_dict()


@router.get("/ask", summary="A plain-English question, routed like dyads ask")
def ask(
    s: StoreDep,
    time: TimeDep,
    q: Annotated[str, Query(min_length=1, max_length=500)],
    roll_up: RollUp = True,
    evidence: Annotated[int, Query(ge=0, le=10)] = 2,
) -> dict[str, Any]:
    return analysis.ask(s, q, time=time, roll_up=roll_up, evidence=evidence).to_dict()


@router.get("/documents", summary="Stored documents")
def documents(
    s: StoreDep, limit: Limit = 50, offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0
) -> list[dict[str, Any]]:
    return [d.to_dict() for d in analysis.list_documents(s, limit=limit, offset=offset)]


@router.get("/documents/{doc_id}", summary="A document's text and its evidence sentences")
def document(s: StoreDep, doc_id: str) -> dict[str, Any]:
    return analysis.document(s, doc_id).to_dict()


@router.get("/network", summary="The network to draw: actors, edges, communities, positions")
def network(
    s: StoreDep,
    time: TimeDep,
    type: Annotated[list[Relation] | None, Query(description="Relation types (any of).")] = None,  # noqa: A002
    min_stories: Annotated[int, Query(ge=1, le=1000)] = 1,
    generic: Annotated[bool, Query(description="Include actors without a name.")] = False,
    roll_up: RollUp = True,
    max_nodes: Annotated[int, Query(ge=2, le=MAX_LIMIT)] = analysis.graph.NETWORK_MAX_NODES,
) -> dict[str, Any]:
    net = analysis.network(
        s,
        relations=type,
        min_stories=min_stories,
        generic=generic,
        roll_up=roll_up,
        time=time,
        max_nodes=max_nodes,
    )
    return net.to_dict()
