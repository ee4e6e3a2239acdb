"""The read model: the frozen records the analysis functions return.

Every question the store answers (a dyad, supporters, leverage, a path, an actor, a document)
comes back as one of these records, shared by the CLI, ``ask`` and the web app. Text rendering
lives in :mod:`dyads.analysis.text` (the CLI), HTML in :mod:`dyads.web` (the same records).

``to_dict()`` gives the JSON the CLI prints with ``--json`` and the web API serves: the keys and
their order are a contract (``tests/analysis/test_results.py``), so a field added here is added to
``to_dict`` on purpose. Sequences are tuples (the records are frozen all the way down, except the
``kinds`` counts of a partner, a mapping kept in rank order).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

__all__ = [
    "ActorMatch",
    "ActorName",
    "ActorProfile",
    "ActorRef",
    "ActorRow",
    "Central",
    "Citation",
    "DocumentRow",
    "DocumentText",
    "Dyad",
    "DyadGroup",
    "Highlight",
    "Hop",
    "Leader",
    "Leaders",
    "Leverage",
    "LeverageClaim",
    "LeverageComponent",
    "MentionRow",
    "ModalityMix",
    "Network",
    "NetworkEdge",
    "NetworkNode",
    "Partner",
    "Path",
    "PathRelation",
    "Paths",
    "RelationCount",
    "RelationRow",
    "StoryCounts",
    "Supported",
    "Support",
    "TimelineClaim",
    "as_data",
]


def as_data(value: Any) -> Any:
    """``value`` as plain JSON data: records through their ``to_dict``, tuples as lists."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, tuple | list):
        return [as_data(v) for v in value]
    if isinstance(value, Mapping):
        return {k: as_data(v) for k, v in value.items()}
    return value


class _Record:
    """``to_dict`` in field order; subclasses rename or omit keys where the JSON differs."""

    __slots__ = ()
    #: field name -> JSON key, where they differ (``from`` is a Python keyword)
    _keys: dict[str, str] = {}

    def to_dict(self) -> dict[str, Any]:
        return {
            self._keys.get(f.name, f.name): as_data(getattr(self, f.name))
            for f in fields(self)  # type: ignore[arg-type]
        }


@dataclass(frozen=True, slots=True)
class ActorName(_Record):
    """An actor as a dyad names its two sides."""

    id: str
    name: str | None


@dataclass(frozen=True, slots=True)
class ActorRef(_Record):
    """An actor with its type."""

    id: str
    name: str | None
    type: str | None


@dataclass(frozen=True, slots=True)
class Citation(_Record):
    """One sentence of evidence for a claim, and where it comes from.

    ``start``/``end`` are the sentence's character offsets in its document's text (the document
    page highlights them). ``copy`` is set where a list marks further documents of a story it has
    already shown (None: not marked); ``claim_class`` (``class`` in JSON: affirmed, denied,
    unconfirmed) where a list mixes classes.
    """

    evidence: str
    source_id: str
    target_id: str
    path: str | None
    url: str | None
    title: str | None
    doc_date: str | None
    outlet: str | None
    story_id: str | None
    modality: str | None
    polarity: str | None
    attributed_to: str | None
    attributed_name: str | None
    kinds: tuple[str, ...]
    date: str | None
    role: str | None
    confidence: float | None
    doc_id: str
    start: int | None
    end: int | None
    claim_class: str | None = None
    copy: bool | None = None

    @classmethod
    def from_row(
        cls, r: Mapping[str, Any], *, claim_class: str | None = None, copy: bool | None = None
    ) -> Citation:
        """A citation from a query row with the evidence columns."""
        return cls(
            evidence=r.get("evidence") or "",
            source_id=r["source_id"],
            target_id=r["target_id"],
            path=r.get("path"),
            url=r.get("url"),
            title=r.get("title"),
            doc_date=r.get("doc_date"),
            outlet=r.get("outlet"),
            story_id=r.get("story_id"),
            modality=r.get("modality"),
            polarity=r.get("polarity"),
            attributed_to=r.get("attributed_to"),
            attributed_name=r.get("attributed_name"),
            kinds=tuple(r.get("kinds") or ()),
            date=r.get("date"),
            role=r.get("role"),
            confidence=r.get("confidence"),
            doc_id=r["doc_id"],
            start=r.get("start"),
            end=r.get("end"),
            claim_class=claim_class,
            copy=copy,
        )

    @property
    def where(self) -> str:
        """Outlet, publication date and path (or url), as every listing prints them."""
        return ", ".join(str(x) for x in (self.outlet, self.doc_date, self.path or self.url) if x)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            f.name: as_data(getattr(self, f.name))
            for f in fields(self)
            if f.name not in ("claim_class", "copy")
        }
        if self.claim_class is not None:
            out["class"] = self.claim_class
        if self.copy is not None:
            out["copy"] = self.copy
        return out


def mark_copies(items: list[Citation]) -> tuple[Citation, ...]:
    """``items`` with ``copy`` set: True for a further document of a story already seen.

    The first document of each story (in the given order) is the story's voice; later documents
    of the same ``story_id`` are near-duplicate copies and add no independent evidence.
    """
    first_doc: dict[Any, Any] = {}
    out = []
    for c in items:
        first_doc.setdefault(c.story_id, c.doc_id)
        out.append(_replace(c, copy=first_doc[c.story_id] != c.doc_id))
    return tuple(out)


def _replace(c: Citation, **changes: Any) -> Citation:
    from dataclasses import replace

    return replace(c, **changes)


# -- dyad --------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class StoryCounts(_Record):
    """Independent stories per class of claim."""

    affirmed: int
    denied: int
    unconfirmed: int


@dataclass(frozen=True, slots=True)
class DyadGroup(_Record):
    """The claims of one relation type in one direction between the two sides of a dyad."""

    relation: str
    source: ActorName
    target: ActorName
    kinds: tuple[str, ...]
    affirmed: tuple[Citation, ...]
    denied: tuple[Citation, ...]
    unconfirmed: tuple[Citation, ...]
    n_stories: int
    n_documents: int
    n_copies: int
    stories: StoryCounts
    contested: bool

    @property
    def evidence(self) -> tuple[Citation, ...]:
        """Every claim: affirmed, then denied, then unconfirmed."""
        return self.affirmed + self.denied + self.unconfirmed

    def to_dict(self) -> dict[str, Any]:
        return _Record.to_dict(self) | {"evidence": as_data(self.evidence)}


@dataclass(frozen=True, slots=True)
class Dyad(_Record):
    """Every relation between ``a`` and ``b``, both directions (:func:`~dyads.analysis.dyad`)."""

    a: ActorName
    b: ActorName
    roll_up: bool
    time: str | None
    groups: tuple[DyadGroup, ...]


# -- leaders -----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Leader(_Record):
    id: str
    name: str | None
    roles: tuple[str, ...]
    dates: tuple[str, ...]
    evidence: tuple[Citation, ...]
    n_stories: int


@dataclass(frozen=True, slots=True)
class Leaders(_Record):
    """Who leads ``actor`` (:func:`~dyads.analysis.leaders`)."""

    actor: ActorRef
    roll_up: bool
    leaders: tuple[Leader, ...]


# -- supporters --------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ModalityMix(_Record):
    """Stories of a partner by how they were told: counted ones by modality, and the rest."""

    asserted: int
    reported: int
    believed: int
    denied: int
    unconfirmed: int


@dataclass(frozen=True, slots=True)
class Partner(_Record):
    """One supporter (or supported actor) with its counted stories and its strongest evidence."""

    id: str
    name: str | None
    type: str | None
    kinds: Mapping[str, int]
    first: str | None
    last: str | None
    n_stories: int
    n_documents: int
    n_copies: int
    modality: ModalityMix
    status: str
    via: tuple[str, ...]
    evidence: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class Support(_Record):
    """Supporters of an actor or the actors it supports (:func:`~dyads.analysis.supporters`)."""

    actor: ActorRef
    direction: str
    roll_up: bool
    kind: str | None
    time: str | None
    n_partners: int
    rows: tuple[Partner, ...]


# -- leverage ----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class LeverageClaim(_Record):
    """A claim as the leverage score used it: its citation, the component and its points.

    ``components`` is set on the merged lists (``strongest``, ``counter``), where a sentence that
    counts in several components (funding and weapons) is shown once with its points summed.
    """

    citation: Citation
    relation: str
    source: str | None
    target: str | None
    component: str
    points: float
    components: tuple[str, ...] | None = None

    def to_dict(self) -> dict[str, Any]:
        out = self.citation.to_dict() | {
            "relation": self.relation,
            "source": self.source,
            "target": self.target,
            "component": self.component,
            "points": self.points,
        }
        if self.components is not None:
            out["components"] = list(self.components)
        return out


@dataclass(frozen=True, slots=True)
class LeverageComponent(_Record):
    component: str
    sign: str
    weight: float
    n_stories: int
    points: float
    first: str | None
    last: str | None
    evidence: tuple[LeverageClaim, ...]


@dataclass(frozen=True, slots=True)
class Leverage(_Record):
    """The leverage of ``a`` over ``b`` (:func:`~dyads.analysis.leverage`)."""

    a: ActorRef
    b: ActorRef
    family_a: tuple[str, ...]
    family_b: tuple[str, ...]
    score: int
    level: str
    raw: float
    positive: float
    negative: float
    contested: bool
    n_stories: int
    time: str | None
    components: tuple[LeverageComponent, ...]
    strongest: tuple[LeverageClaim, ...]
    counter: tuple[LeverageClaim, ...]
    not_counted: tuple[LeverageClaim, ...]

    @property
    def explanation(self) -> tuple[str, ...]:
        """The score in a few lines of plain English (:func:`dyads.analysis.text.explain`)."""
        from dyads.analysis.text import explain

        return explain(self)

    def to_dict(self) -> dict[str, Any]:
        return _Record.to_dict(self) | {"explanation": list(self.explanation)}


# -- paths and centrality ----------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class PathRelation(_Record):
    source: str
    source_name: str
    relation: str
    target: str
    target_name: str
    n_stories: int
    denied_stories: int
    kinds: tuple[str, ...]
    evidence: Citation | None


@dataclass(frozen=True, slots=True)
class Hop(_Record):
    from_: ActorRef
    to: ActorRef
    relations: tuple[PathRelation, ...]

    _keys = {"from_": "from"}


@dataclass(frozen=True, slots=True)
class Path(_Record):
    actors: tuple[ActorRef, ...]
    hops: tuple[Hop, ...]
    length: int


@dataclass(frozen=True, slots=True)
class Paths(_Record):
    """Shortest evidence paths from ``a`` to ``b`` (:func:`~dyads.analysis.shortest_paths`)."""

    a: ActorRef
    b: ActorRef
    roll_up: bool
    paths: tuple[Path, ...]


@dataclass(frozen=True, slots=True)
class Central(_Record):
    """An actor of ``top``: its partners, stories and centralities."""

    id: str
    name: str
    type: str | None
    degree: int
    stories: int
    pagerank: float
    betweenness: float | None


@dataclass(frozen=True, slots=True)
class Supported(_Record):
    """A group of ``top``'s most supported list."""

    id: str
    name: str | None
    type: str | None
    n_stories: int
    n_supporters: int
    supporters: tuple[str, ...]
    supporter_names: tuple[str, ...]
    kinds: tuple[str, ...]


# -- actors, relations, documents --------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ActorRow(_Record):
    """An actor of ``dyads actors``, with its mention and relation counts."""

    id: str
    name: str | None
    type: str | None
    country: str | None
    mentions: int
    relations: int


@dataclass(frozen=True, slots=True)
class ActorMatch(_Record):
    """An actor found by a search: how it matched (id, name, alias, partial, fuzzy) and how well
    (100 for an exact name, rapidfuzz's score for a fuzzy one)."""

    id: str
    name: str | None
    type: str | None
    country: str | None
    generic: bool
    match: str
    matched: str
    score: float


@dataclass(frozen=True, slots=True)
class MentionRow(_Record):
    doc_id: str
    path: str | None
    sentence: int | None
    text: str | None
    rule: str | None
    start: int | None
    end: int | None


@dataclass(frozen=True, slots=True)
class RelationCount(_Record):
    relation: str
    n: int


@dataclass(frozen=True, slots=True)
class ActorProfile(_Record):
    """One actor (:func:`~dyads.analysis.actor_profile`): names, type, parent, mentions."""

    id: str
    name: str | None
    type: str | None
    country: str | None
    parent: ActorName | None
    aliases: tuple[str, ...]
    origin: str | None
    mentions: tuple[MentionRow, ...]
    relations: tuple[RelationCount, ...]


@dataclass(frozen=True, slots=True)
class RelationRow(_Record):
    """One stored claim as ``dyads relations`` lists it."""

    id: str
    relation: str
    source_id: str
    source: str | None
    target_id: str
    target: str | None
    kinds: tuple[str, ...]
    modality: str | None
    polarity: str | None
    attributed_to: str | None
    date: str | None
    role: str | None
    confidence: float | None
    doc_id: str
    path: str | None
    story_id: str | None
    evidence: str
    start: int | None
    end: int | None


@dataclass(frozen=True, slots=True)
class DocumentRow(_Record):
    """A document as ``dyads docs`` lists it."""

    id: str
    location: str | None
    title: str | None
    date: str | None
    outlet: str | None
    story_id: str | None
    scramble: float | None
    n_sentences: int | None
    relations: int


@dataclass(frozen=True, slots=True)
class Highlight(_Record):
    """An evidence sentence in a document: its offsets and the claim it supports."""

    start: int
    end: int
    relation_id: str
    relation: str
    source_id: str
    source: str | None
    target_id: str
    target: str | None
    modality: str | None
    polarity: str | None


@dataclass(frozen=True, slots=True)
class DocumentText(_Record):
    """A stored document's text and the evidence sentences in it
    (:func:`~dyads.analysis.document`)."""

    id: str
    path: str | None
    url: str | None
    title: str | None
    date: str | None
    outlet: str | None
    story_id: str | None
    text: str
    highlights: tuple[Highlight, ...]

    def segments(self) -> tuple[tuple[str, tuple[Highlight, ...]], ...]:
        """The text cut at every highlight boundary: (piece, highlights covering it), in order.

        Overlapping sentences (two claims from one sentence) give one piece with both; offsets
        outside the text are clipped.
        """
        n = len(self.text)
        cuts = {0, n}
        spans = [(max(0, min(h.start, n)), max(0, min(h.end, n)), h) for h in self.highlights]
        for s, e, _ in spans:
            cuts.update((s, e))
        points = sorted(cuts)
        out = []
        for lo, hi in zip(points, points[1:], strict=False):
            if lo == hi:
                continue
            covering = tuple(h for s, e, h in spans if s <= lo and hi <= e)
            out.append((self.text[lo:hi], covering))
        return tuple(out)


# -- the network -------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class NetworkNode(_Record):
    """An actor of the drawn network: its stories, its community and a position to draw it at."""

    id: str
    name: str | None
    type: str | None
    country: str | None
    generic: bool
    degree: int
    stories: int
    community: int
    x: float
    y: float


@dataclass(frozen=True, slots=True)
class NetworkEdge(_Record):
    """One (source, relation, target) of the drawn network, counted in independent stories.

    ``status``: ``affirmed``, ``contested`` (affirmed in some stories, denied in others),
    ``denied`` (only denied).
    """

    source: str
    relation: str
    target: str
    n_stories: int
    denied_stories: int
    unconfirmed_stories: int
    kinds: tuple[str, ...]
    first: str | None
    last: str | None
    status: str


@dataclass(frozen=True, slots=True)
class Network(_Record):
    """The network to draw (:func:`~dyads.analysis.network`): at most ``max_nodes`` actors, the
    best-evidenced first; ``n_nodes``/``n_edges`` say how many passed the filters before the cut."""

    nodes: tuple[NetworkNode, ...]
    edges: tuple[NetworkEdge, ...]
    n_nodes: int
    n_edges: int
    relations: tuple[str, ...]
    min_stories: int
    generic: bool
    roll_up: bool
    time: str | None


@dataclass(frozen=True, slots=True)
class TimelineClaim(_Record):
    """A claim of an actor's timeline: when (the sentence's date, else the document's), what,
    with whom, and where to read it."""

    date: str | None
    relation: str
    source_id: str
    source: str | None
    target_id: str
    target: str | None
    claim_class: str
    evidence: str
    doc_id: str
    start: int | None
    end: int | None

    _keys = {"claim_class": "class"}
