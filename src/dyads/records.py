"""Small typed records passed between pipeline stages.

Data flows one way: sources -> repair -> nlp -> actors -> relations -> store. Each stage
consumes the records of the stage before it and produces its own. All records are frozen.
Character offsets (``start``/``end``) always refer to the ORIGINAL document text as read, so a
user interface can highlight evidence even after repair changed the text.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

RELATION_TYPES: tuple[str, ...] = (
    "SUPPORTS",
    "CREATED",
    "INFLUENCES",
    "COOPERATES",
    "OPPOSES",
    "ATTACKS",
    "LEADS",
    "MEMBER_OF",
    "LOCATED_IN",
)
SUPPORT_KINDS: tuple[str, ...] = (
    "funding",
    "weapons",
    "training",
    "sanctuary",
    "logistics",
    "intelligence",
    "troops",
    "diplomatic",
    "medical",
    "documents",
    "other",
)
MODALITIES: tuple[str, ...] = ("asserted", "reported", "believed", "hypothetical", "question")
POLARITIES: tuple[str, ...] = ("affirmed", "denied")
ACTOR_TYPES: tuple[str, ...] = (
    "state",
    "government",
    "military",
    "intelligence_agency",
    "police",
    "armed_group",
    "political_party",
    "igo",
    "ngo",
    "company",
    "person",
    "ethnic_group",
    "location",
    "other",
)


def stable_hash(*parts: object, length: int = 16) -> str:
    """A short hex digest of ``parts``, identical on every machine and engine."""
    h = hashlib.sha256()
    for part in parts:
        h.update(str(part).encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:length]


@dataclass(frozen=True)
class Document:
    """One article as read by a source reader.

    ``id`` is the record's own id for a JSONL or CSV record that has one (scoped to its file at
    ingest when a record of another file already holds it: ``<id>~<8 hex digits>``), else a hash
    of the text (:meth:`make_id`). ``source`` says where the document came from and is its
    identity in the store: the file's absolute path, plus ``#<record id>`` (or ``:<line>`` for a
    record without an id). Ingesting a source again whose text changed replaces the stored
    document (the edit rule: ``dyads.ingest``, ``Store.write``).
    """

    id: str
    text: str
    path: str | None = None  # where it came from, as the user named it (shown by the commands)
    url: str | None = None
    title: str | None = None
    date: str | None = None  # ISO 8601 date (YYYY-MM-DD, YYYY-MM or YYYY) when known
    outlet: str | None = None
    line: int | None = None  # line (JSONL) or record (CSV) number in the file, 1-based
    source: str | None = None  # identity in the store; None: the id alone

    @staticmethod
    def make_id(text: str) -> str:
        return stable_hash("doc", text)


def text_hash(text: str) -> str:
    """A hash of a document's text, kept with its source to tell an edited text from the same."""
    return stable_hash("text", text, length=32)


@dataclass(frozen=True)
class Sentence:
    """A sentence of a document: repaired text plus its span in the original text."""

    doc_id: str
    index: int
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    type: str
    country: str | None = None
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()
    roles: tuple[dict[str, Any], ...] = ()
    origin: str = "gazetteer"  # "gazetteer", "user" or "text" (created from an unknown entity)
    generic: bool = False  # an actor without a name ("Islamist militants", "coalition forces")

    def ref(self, mention: str | None = None) -> ActorRef:
        return ActorRef(self.id, self.name, self.type, self.country, mention, self.generic)


@dataclass(frozen=True)
class ActorRef:
    id: str
    name: str
    type: str
    country: str | None = None
    mention: str | None = None
    generic: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "country": self.country,
            "mention": self.mention,
            "generic": self.generic,
        }


@dataclass(frozen=True)
class Mention:
    """A span of a sentence resolved to an actor, with the rule that resolved it."""

    doc_id: str
    sentence: int
    token_start: int  # token span in the parsed sentence
    token_end: int
    start: int  # character span in the ORIGINAL document text
    end: int
    text: str
    actor_id: str
    rule: str


@dataclass(frozen=True)
class Evidence:
    doc: str
    sentence: str
    start: int
    end: int
    index: int = 0  # sentence index in the document

    def to_dict(self) -> dict[str, Any]:
        return {"doc": self.doc, "sentence": self.sentence, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Relation:
    """A typed, directed edge with its modality, attribution and evidence."""

    relation: str
    source: ActorRef
    target: ActorRef
    evidence: Evidence
    kinds: tuple[str, ...] = ()
    role: str | None = None
    date: str | None = None
    modality: str = "asserted"
    polarity: str = "affirmed"
    attributed_to: ActorRef | None = None
    confidence: float = 0.5
    cue: str | None = None  # the lexicon entry that fired, for debugging and evaluation
    event: str | None = None  # PLOVER event type: the cue's ("ACCUSE"), else the relation's
    mode: str | None = None  # PLOVER mode the cue names ("disapprove"), if any
    id: str = field(default="")

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(
                self,
                "id",
                stable_hash(
                    self.evidence.doc,
                    self.evidence.start,
                    self.evidence.end,
                    self.source.id,
                    self.relation,
                    self.target.id,
                    # a sentence may affirm and deny the same dyad ("denies arming them and
                    # says it gives them only political backing"): denied edges get their own id
                    *(("denied",) if self.polarity == "denied" else ()),
                ),
            )

    def to_dict(self) -> dict[str, Any]:
        """The public relation record (documented in the README)."""
        return {
            "id": self.id,
            "relation": self.relation,
            "source": self.source.to_dict(),
            "target": self.target.to_dict(),
            "kinds": list(self.kinds),
            "role": self.role,
            "date": self.date,
            "modality": self.modality,
            "polarity": self.polarity,
            "attributed_to": (
                {"id": self.attributed_to.id, "name": self.attributed_to.name}
                if self.attributed_to
                else None
            ),
            "plover": {"event": self.event, "mode": self.mode} if self.event else None,
            "evidence": self.evidence.to_dict(),
            "confidence": round(self.confidence, 3),
        }


@dataclass(frozen=True)
class ProcessedDocument:
    """Everything the pipeline learned from one document, ready for the store."""

    document: Document
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    actors: tuple[Actor, ...]  # every actor referred to by a mention or relation
    relations: tuple[Relation, ...]
    scramble: float = 0.0
    repairs: tuple[tuple[str, int], ...] = ()  # (repair step, count)
    fingerprint: tuple[int, ...] = ()  # order-insensitive hashes for story clustering
