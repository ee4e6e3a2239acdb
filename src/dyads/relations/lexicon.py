"""Load the relation lexicon, modality cues and ontology from YAML data files."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from dyads.datafile import Fields, load_yaml
from dyads.errors import DataError
from dyads.records import RELATION_TYPES, SUPPORT_KINDS
from dyads.relations.ontology import PLOVER_EVENTS, admits, check_types, load_ontology

#: The word sets of modality.yaml (each required).
MODALITY_SETS = (
    "reported_adverbs",
    "belief_verbs",
    "report_verbs",
    "deny_verbs",
    "deny_nouns",
    "belief_nouns",
    "hypothetical_aux",
    "hypothetical_marks",
    "hypothetical_verbs",
    "negating_verbs",
    "negation_words",
    "no_longer",
)


@dataclass(frozen=True)
class VerbCue:
    relation: str
    kinds: tuple[str, ...] = ()
    needs_kind: bool = False
    target_preps: tuple[str, ...] = ()
    kind_preps: tuple[str, ...] = ()
    has_object: bool = True
    particle: str | None = None
    passive_only: bool = False
    weight: float = 0.8
    lemma: str = ""
    reverse: bool = False
    requires: tuple[str, ...] = ()
    polarity: str = "affirmed"
    target_types: tuple[str, ...] = ()
    both_ways: bool = False  # "exchanged fire with": each side does it to the other
    ignore_voice: bool = False  # "made up of": read as active
    object_owner: bool = False  # "rejected Islamabad's claims": the object's owner is the target
    event: str | None = None  # PLOVER event type the cue names ("ACCUSE"), if any
    mode: str | None = None  # and its PLOVER mode

    def allows_target(self, actor_type: str, origin: str) -> bool:
        """Whether an actor of this type and origin may be the cue's target (see
        :func:`dyads.relations.ontology.admits`: "listed:other" admits a gazetteer actor of type
        other, not a name the text introduced that nothing else types)."""
        return admits(self.target_types, actor_type, origin)


@dataclass(frozen=True)
class NounCue:
    relation: str
    holder_is: str  # "source" or "target"
    preps: tuple[str, ...]
    role: bool = False
    weight: float = 0.75
    lemma: str = ""
    modifier: str = "of"  # which side a modifier before the noun fills: "of" or "holder"
    event: str | None = None
    mode: str | None = None


@dataclass(frozen=True)
class EventCue:
    relation: str
    source_preps: tuple[str, ...]
    target_preps: tuple[str, ...]
    weight: float = 0.7
    lemma: str = ""
    event: str | None = None
    mode: str | None = None


@dataclass(frozen=True)
class AdjCue:
    relation: str
    preps: tuple[str, ...]
    reverse: bool = False
    weight: float = 0.7
    lemma: str = ""
    event: str | None = None
    mode: str | None = None


@dataclass
class Lexicon:
    verbs: dict[str, list[VerbCue]] = field(default_factory=dict)
    nouns: dict[str, NounCue] = field(default_factory=dict)
    events: dict[str, EventCue] = field(default_factory=dict)
    adjectives: dict[str, AdjCue] = field(default_factory=dict)
    compounds: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    kind_words: dict[str, str] = field(default_factory=dict)  # single lemma -> kind
    kind_phrases: dict[tuple[str, ...], str] = field(default_factory=dict)  # lemma tuple -> kind
    modality: dict[str, frozenset[str]] = field(default_factory=dict)
    ontology: dict[str, Any] = field(default_factory=dict)

    def cue_set(self, name: str) -> frozenset[str]:
        return self.modality.get(name, frozenset())


def _relation(f: Fields) -> str:
    rel = f.text("relation", required=True)
    if rel not in RELATION_TYPES:
        raise f.error("relation", f"unknown relation {rel!r}")
    return str(rel)


def _kinds(f: Fields, key: str = "kinds") -> tuple[str, ...]:
    kinds = f.words(key)
    for k in kinds:
        if k not in SUPPORT_KINDS:
            raise f.error(key, f"unknown support kind {k!r}")
    return kinds


def _entries(data: Fields, section: str) -> list[Fields]:
    raw = data.raw(section) or []
    if not isinstance(raw, list):
        raise data.error(section, "must be a list of entries")
    lines = getattr(raw, "lines", [])
    return [
        Fields(e, data.path, f"{section}[{i}]", lines[i] if i < len(lines) else None)
        for i, e in enumerate(raw)
    ]


def _event(f: Fields) -> tuple[str | None, str | None]:
    """A cue's PLOVER event type and mode (``event: ACCUSE``, ``mode: disapprove``)."""
    event = f.text("event")
    if event is not None and event not in PLOVER_EVENTS:
        raise f.error("event", f"unknown PLOVER event type {event!r}")
    return event, f.text("mode")


def _merge(lex: Lexicon, data: Fields) -> None:
    for f in _entries(data, "verbs"):
        rel = _relation(f)
        event, mode = _event(f)
        obj = f.choice("object", ("target", "none"), "target")
        polarity = f.choice("polarity", ("affirmed", "denied"), "affirmed")
        fields_ = dict(
            relation=rel,
            kinds=_kinds(f),
            needs_kind=f.flag("needs_kind"),
            target_preps=f.words("target_preps"),
            kind_preps=f.words("kind_preps"),
            has_object=obj != "none",
            particle=f.text("particle"),
            passive_only=f.flag("passive_only"),
            weight=f.number("weight", 0.8),
            reverse=f.flag("reverse"),
            requires=f.words("requires"),
            polarity=str(polarity),
            target_types=check_types(f, "target_types"),
            both_ways=f.flag("both_ways"),
            ignore_voice=f.flag("ignore_voice"),
            object_owner=f.flag("object_owner"),
            event=event,
            mode=mode,
        )
        for lemma in f.words("lemmas", required=True):
            cue = VerbCue(lemma=lemma, **fields_)  # type: ignore[arg-type]
            cues = lex.verbs.setdefault(lemma, [])
            if cue not in cues:
                cues.append(cue)
        f.done()
    for f in _entries(data, "nouns"):
        rel = _relation(f)
        event, mode = _event(f)
        holder_is = str(f.choice("holder_is", ("source", "target"), "source"))
        preps = f.words("preps") or ("of",)
        role = f.flag("role")
        weight = f.number("weight", 0.75)
        modifier = str(f.choice("modifier", ("of", "holder"), "of"))
        for lemma in f.words("lemmas", required=True):
            lex.nouns[lemma] = NounCue(
                rel, holder_is, preps, role, weight, lemma, modifier, event, mode
            )
        f.done()
    for f in _entries(data, "event_nouns"):
        rel = _relation(f)
        event, mode = _event(f)
        source_preps = f.words("source_preps")
        target_preps = f.words("target_preps")
        weight = f.number("weight", 0.7)
        for lemma in f.words("lemmas", required=True):
            lex.events[lemma] = EventCue(
                rel, source_preps, target_preps, weight, lemma, event, mode
            )
        f.done()
    for f in _entries(data, "adjectives"):
        rel = _relation(f)
        event, mode = _event(f)
        preps = f.words("preps")
        reverse = f.flag("reverse")
        weight = f.number("weight", 0.7)
        for lemma in f.words("lemmas", required=True):
            lex.adjectives[lemma] = AdjCue(rel, preps, reverse, weight, lemma, event, mode)
        f.done()
    for f in _entries(data, "compounds"):
        rel = _relation(f)
        kinds = _kinds(f)
        for word in f.words("lemmas", required=True):
            lex.compounds[word] = (rel, kinds)
        f.done()
    kinds_f = data.mapping("kinds")
    for kind, _ in kinds_f.items():
        if kind not in SUPPORT_KINDS:
            raise kinds_f.error(kind, f"unknown support kind {kind!r}")
        for w in kinds_f.words(kind):
            parts = tuple(w.split())
            if len(parts) == 1:
                lex.kind_words.setdefault(parts[0], kind)
            else:
                lex.kind_phrases.setdefault(parts, kind)
    data.done()


def _parse(text: str, name: str) -> Fields:
    return Fields(load_yaml(text, name), name)


@lru_cache(maxsize=8)
def load_lexicon(extra: tuple[Path, ...] = ()) -> Lexicon:
    """The shipped lexicon, modality cues and ontology, plus ``extra`` lexicon files."""
    lex = Lexicon()
    base = resources.files("dyads") / "data"
    _merge(lex, _parse((base / "lexicon.yaml").read_text("utf-8"), "lexicon.yaml"))
    for path in extra:
        try:
            text = Path(path).read_text("utf-8")
        except OSError as err:
            raise DataError(f"cannot read lexicon ({err})", path=str(path)) from err
        _merge(lex, _parse(text, str(path)))
    mod = _parse((base / "modality.yaml").read_text("utf-8"), "modality.yaml")
    lex.modality = {k: frozenset(mod.words(k)) for k in MODALITY_SETS}
    mod.done()
    lex.ontology = load_ontology().raw
    return lex


def symmetric_relations(lex: Lexicon) -> frozenset[str]:
    return load_ontology().symmetric
