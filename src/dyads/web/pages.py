"""The HTML pages: search, the network, an actor, a dyad, leverage, a document, the API docs.

Server-rendered Jinja2 templates with autoescaping on: every string from the store (names,
sentences, whole articles) is escaped, so a document holding ``<script>`` shows it as text. Pages
render the analysis records directly (the same records the API serves as JSON). Every sentence
shown links to its document with the sentence highlighted (:func:`doc_url`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from dyads import __version__, analysis
from dyads.analysis.graph import NETWORK_MAX_NODES, NETWORK_RELATIONS
from dyads.analysis.leverage import LABELS, WEIGHTS
from dyads.analysis.results import Citation, DocumentText
from dyads.analysis.rollup import load_hierarchy
from dyads.analysis.text import tags
from dyads.analysis.timefilter import TimeFilter
from dyads.errors import DyadsError, QueryError, StoreBusy
from dyads.records import RELATION_TYPES
from dyads.store import Store
from dyads.web import assets, charts
from dyads.web.api import MAX_LIMIT, time_filter

router = APIRouter(include_in_schema=False)

#: Actor types the network's legend names, with their colours (graph.js uses the same).
NODE_TYPES = (
    ("state", "#1f77b4"),
    ("government", "#4c9be8"),
    ("military", "#17becf"),
    ("intelligence_agency", "#9467bd"),
    ("armed_group", "#d62728"),
    ("political_party", "#ff7f0e"),
    ("person", "#2ca02c"),
    ("igo", "#8c564b"),
    ("other", "#7f7f7f"),
)
#: Relation types and their edge colours.
EDGE_COLOURS = {
    "SUPPORTS": "#2ca02c",
    "ATTACKS": "#d62728",
    "OPPOSES": "#ff7f0e",
    "COOPERATES": "#1f77b4",
    "ALLIED_WITH": "#17becf",
    "CREATED": "#9467bd",
    "LEADS": "#8c564b",
    "MEMBER_OF": "#bcbd22",
    "INFLUENCES": "#e377c2",
    "LOCATED_IN": "#7f7f7f",
}


def doc_url(c: Any) -> str:
    """The document page of a claim (a Citation, a Highlight, a TimelineClaim), its sentence
    highlighted and scrolled to."""
    if c.start is None or c.end is None:
        return f"/document/{quote(c.doc_id, safe='')}"
    return (
        f"/document/{quote(c.doc_id, safe='')}?start={int(c.start)}&end={int(c.end)}"
        f"#s{int(c.start)}"
    )


def actor_url(actor_id: str) -> str:
    return f"/actor/{quote(actor_id, safe='')}"


def dyad_url(a: str, b: str) -> str:
    return "/dyad?" + urlencode({"a": a, "b": b})


def leverage_url(a: str, b: str) -> str:
    return "/leverage?" + urlencode({"a": a, "b": b})


def _env() -> Environment:
    env = Environment(
        loader=FileSystemLoader(assets.TEMPLATES),
        autoescape=True,  # every template, whatever its name: article text is never markup
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        doc_url=doc_url,
        actor_url=actor_url,
        dyad_url=dyad_url,
        leverage_url=leverage_url,
        tags=tags,
        labels=LABELS,
        weights=WEIGHTS,
        version=__version__,
        edge_colours=EDGE_COLOURS,
        node_types=NODE_TYPES,
    )
    return env


ENV = _env()


def render(
    name: str, status: int = 200, headers: Mapping[str, str] | None = None, **ctx: Any
) -> HTMLResponse:
    return HTMLResponse(
        ENV.get_template(name).render(**ctx), status_code=status, headers=dict(headers or {})
    )


def error_page(
    request: Request,
    status: int,
    err: DyadsError | str,
    headers: Mapping[str, str] | None = None,
) -> HTMLResponse:
    """A page saying what went wrong in one line; a busy store says to try again shortly."""
    busy = isinstance(err, StoreBusy)
    title = {
        400: "Cannot answer that",
        404: "Not found",
        422: "Bad request",
        503: "Store unavailable",
    }
    return render(
        "error.html",
        status=status,
        headers=headers,
        title="The store is busy" if busy else title.get(status, "Error"),
        message=err.message if isinstance(err, DyadsError) else err,
        code=err.code if isinstance(err, DyadsError) else f"E{status}",
        busy=busy,
        q="",
    )


def store(request: Request) -> Iterator[Store]:
    with request.app.state.reader.store() as s:
        yield s


StoreDep = Annotated[Store, Depends(store)]
TimeDep = Annotated[TimeFilter, Depends(time_filter)]
Name = Annotated[str, Query(min_length=1, max_length=200)]


def _looks_like_a_question(q: str) -> bool:
    words = q.strip().lower().split()
    return bool(words) and (
        q.strip().endswith("?")
        or words[0] in {"who", "whom", "what", "which", "how", "does", "do", "is", "are", "can"}
    )


@router.get("/", response_class=HTMLResponse)
def search_page(s: StoreDep, q: Annotated[str, Query(max_length=500)] = "") -> HTMLResponse:
    """Search actors; a question ("Who supports the Houthis?") is answered as ``dyads ask``."""
    answer = None
    actors: list[Any] = []
    q = q.strip()
    if q:
        if _looks_like_a_question(q):
            answer = analysis.ask(s, q)
        if answer is None or not answer.routed:
            actors = analysis.search_actors(s, q, limit=30)
    counts = s.counts() if not q else {}
    return render("search.html", q=q, answer=answer, actors=actors, counts=counts)


@router.get("/network", response_class=HTMLResponse)
def network_page(
    request: Request,
    time: TimeDep,
    type: Annotated[list[str] | None, Query()] = None,  # noqa: A002
    min_stories: Annotated[int, Query(ge=1, le=1000)] = 1,
    generic: bool = False,
    roll_up: bool = True,
    max_nodes: Annotated[int, Query(ge=2, le=MAX_LIMIT)] = NETWORK_MAX_NODES,
) -> HTMLResponse:
    """The interactive graph; its data comes from ``/api/network`` with the same parameters."""
    chosen = [t.upper() for t in type] if type else list(NETWORK_RELATIONS)
    unknown = [t for t in chosen if t not in RELATION_TYPES]
    if unknown:
        raise QueryError(f"unknown relation type {unknown[0]!r}")
    params: list[tuple[str, str]] = [("type", t) for t in chosen]
    params += [("min_stories", str(min_stories)), ("generic", str(generic).lower())]
    params += [("roll_up", str(roll_up).lower()), ("max_nodes", str(max_nodes))]
    params += [(k, v) for k, v in (("since", time.since), ("until", time.until)) if v]
    return render(
        "network.html",
        q="",
        api="/api/network?" + urlencode(params),
        relation_types=[t for t in RELATION_TYPES if t != "LOCATED_IN"],
        chosen=set(chosen),
        min_stories=min_stories,
        generic=generic,
        roll_up=roll_up,
        max_nodes=max_nodes,
        since=time.since or "",
        until=time.until or "",
    )


@router.get("/actor/{actor}", response_class=HTMLResponse)
def actor_page(s: StoreDep, actor: str) -> HTMLResponse:
    profile = analysis.actor_profile(s, actor)
    hier = load_hierarchy(s)
    chain_ids = hier.chain(profile.id)
    parts = hier.family(profile.id)[1:]
    names = analysis.queries.actor_names(s, [*chain_ids, *parts])
    sup = analysis.supporters(s, profile.id, limit=15, evidence=1)
    supd = analysis.supported_by(s, profile.id, limit=15, evidence=1)
    led = analysis.leaders(s, profile.id)
    claims = analysis.queries.actor_timeline(s, profile.id)
    partners: dict[str, dict[str, int]] = {}
    for c in claims:
        other = c.target_id if c.source_id in {profile.id, *parts} else c.source_id
        partners.setdefault(c.relation, {})
        partners[c.relation][other] = partners[c.relation].get(other, 0) + 1
    partner_names = analysis.queries.actor_names(s, [p for d in partners.values() for p in d])
    chart = charts.timeline(
        (c.date, c.claim_class, f"{c.date}: {c.source} {c.relation} {c.target}", doc_url(c))
        for c in claims
    )
    return render(
        "actor.html",
        q="",
        p=profile,
        chain=[(i, names.get(i, i)) for i in chain_ids],
        parts=[(i, names.get(i, i)) for i in parts],
        sup=sup,
        supd=supd,
        led=led,
        partners={
            rel: sorted(
                ((n, pid, partner_names.get(pid, pid)) for pid, n in d.items()),
                key=lambda x: (-x[0], x[2]),
            )
            for rel, d in sorted(partners.items())
        },
        chart=chart,
        n_claims=len(claims),
    )


@router.get("/dyad", response_class=HTMLResponse)
def dyad_page(s: StoreDep, time: TimeDep, a: Name, b: Name, roll_up: bool = True) -> HTMLResponse:
    d = analysis.dyad(s, a, b, roll_up=roll_up, time=time)
    claims: list[tuple[str, Citation]] = [
        (cls, c)
        for g in d.groups
        for cls, items in (
            ("affirmed", g.affirmed),
            ("denied", g.denied),
            ("unconfirmed", g.unconfirmed),
        )
        for c in items
    ]
    chart = charts.timeline(
        (c.date or c.doc_date, cls, f"{c.date or c.doc_date}: {c.evidence[:120]}", doc_url(c))
        for cls, c in claims
    )
    return render("dyad.html", q="", d=d, chart=chart, n_claims=len(claims), roll_up=roll_up)


@router.get("/leverage", response_class=HTMLResponse)
def leverage_page(s: StoreDep, time: TimeDep, a: Name, b: Name) -> HTMLResponse:
    res = analysis.leverage(s, a, b, time=time, top=5)
    return render("leverage.html", q="", r=res)


@router.get("/document/{doc_id}", response_class=HTMLResponse)
def document_page(
    s: StoreDep,
    doc_id: str,
    start: Annotated[int | None, Query(ge=0)] = None,
    end: Annotated[int | None, Query(ge=0)] = None,
) -> HTMLResponse:
    doc = analysis.document(s, doc_id)
    return render("document.html", q="", doc=doc, segments=_marks(doc, start, end))


def _marks(doc: DocumentText, start: int | None, end: int | None) -> list[dict[str, Any]]:
    """The document's pieces for the template: text, the claims whose sentence covers it, an
    anchor (``s<start>``) where a sentence begins, and whether it is the sentence linked to."""
    out: list[dict[str, Any]] = []
    pos = 0
    anchored: set[int] = set()
    for piece, hs in doc.segments():
        begins = [h.start for h in hs if h.start == pos and h.start not in anchored]
        anchored.update(begins)
        out.append(
            {
                "text": piece,
                "marks": hs,
                "anchor": begins[0] if begins else None,
                "selected": any(h.start == start and h.end == end for h in hs),
                "title": "; ".join(
                    f"{h.source} {h.relation} {h.target} ({h.modality}"
                    + (", denied" if h.polarity == "denied" else "")
                    + ")"
                    for h in hs
                ),
            }
        )
        pos += len(piece)
    return out


@router.get("/favicon.ico")
def favicon() -> Response:
    """No icon (a browser asks for one on every site; a 404 would be logged as an error)."""
    return Response(status_code=204)


@router.get("/docs", response_class=HTMLResponse)
def api_docs() -> HTMLResponse:
    """Swagger UI for ``/openapi.json``, from the swagger-ui-bundle package's folder."""
    return render("docs.html", q="")
