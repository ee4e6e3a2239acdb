"""Load the relation lexicon, modality cues and ontology from YAML data files."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from dyads.errors import DataError
from dyads.records import RELATION_TYPES, SUPPORT_KINDS


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


@dataclass(frozen=True)
class NounCue:
    relation: str
    holder_is: str  # "source" or "target"
    preps: tuple[str, ...]
    role: bool = False
    weight: float = 0.75
    lemma: str = ""
    modifier: str = "of"  # which side a modifier before the noun fills: "of" or "holder"


@dataclass(frozen=True)
class EventCue:
    relation: str
    source_preps: tuple[str, ...]
    target_preps: tuple[str, ...]
    weight: float = 0.7
    lemma: str = ""


@dataclass(frozen=True)
class AdjCue:
    relation: str
    preps: tuple[str, ...]
    reverse: bool = False
    weight: float = 0.7
    lemma: str = ""


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


def _load_yaml(path: Path | None, text: str, name: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise DataError(
            f"invalid YAML: {getattr(err, 'problem', err)}",
            path=name,
            line=(mark.line + 1) if mark else None,
        ) from err
    if not isinstance(data, dict):
        raise DataError("expected a mapping at the top level", path=name)
    return data


def _check_relation(rel: Any, name: str, entry: Any) -> str:
    if rel not in RELATION_TYPES:
        raise DataError(f"unknown relation {rel!r} in entry {entry!r}", path=name)
    return str(rel)


def _check_kinds(kinds: Iterable[Any], name: str) -> tuple[str, ...]:
    out = []
    for k in kinds:
        if k not in SUPPORT_KINDS:
            raise DataError(f"unknown support kind {k!r}", path=name)
        out.append(str(k))
    return tuple(out)


def _merge(lex: Lexicon, data: dict[str, Any], name: str) -> None:
    for entry in data.get("verbs") or []:
        rel = _check_relation(entry.get("relation"), name, entry)
        for lemma in entry.get("lemmas") or []:
            cue = VerbCue(
                relation=rel,
                kinds=_check_kinds(entry.get("kinds") or [], name),
                needs_kind=bool(entry.get("needs_kind", False)),
                target_preps=tuple(entry.get("target_preps") or ()),
                kind_preps=tuple(entry.get("kind_preps") or ()),
                has_object=entry.get("object", "target") != "none",
                particle=entry.get("particle"),
                passive_only=bool(entry.get("passive_only", False)),
                weight=float(entry.get("weight", 0.8)),
                lemma=str(lemma),
                reverse=bool(entry.get("reverse", False)),
                requires=tuple(str(x) for x in entry.get("requires") or ()),
                polarity=str(entry.get("polarity", "affirmed")),
                target_types=tuple(str(x) for x in entry.get("target_types") or ()),
                both_ways=bool(entry.get("both_ways", False)),
                ignore_voice=bool(entry.get("ignore_voice", False)),
            )
            cues = lex.verbs.setdefault(str(lemma), [])
            if cue not in cues:
                cues.append(cue)
    for entry in data.get("nouns") or []:
        rel = _check_relation(entry.get("relation"), name, entry)
        for lemma in entry.get("lemmas") or []:
            lex.nouns[str(lemma)] = NounCue(
                rel,
                str(entry.get("holder_is", "source")),
                tuple(entry.get("preps") or ("of",)),
                bool(entry.get("role", False)),
                float(entry.get("weight", 0.75)),
                str(lemma),
                str(entry.get("modifier", "of")),
            )
    for entry in data.get("event_nouns") or []:
        rel = _check_relation(entry.get("relation"), name, entry)
        for lemma in entry.get("lemmas") or []:
            lex.events[str(lemma)] = EventCue(
                rel,
                tuple(entry.get("source_preps") or ()),
                tuple(entry.get("target_preps") or ()),
                float(entry.get("weight", 0.7)),
                str(lemma),
            )
    for entry in data.get("adjectives") or []:
        rel = _check_relation(entry.get("relation"), name, entry)
        for lemma in entry.get("lemmas") or []:
            lex.adjectives[str(lemma)] = AdjCue(
                rel,
                tuple(entry.get("preps") or ()),
                bool(entry.get("reverse", False)),
                float(entry.get("weight", 0.7)),
                str(lemma),
            )
    for entry in data.get("compounds") or []:
        for word, spec in (entry.get("map") or {}).items():
            rel, _, kinds = str(spec).partition("/")
            _check_relation(rel, name, entry)
            lex.compounds[str(word)] = (rel, _check_kinds([kinds] if kinds else [], name))
    for kind, words in (data.get("kinds") or {}).items():
        _check_kinds([kind], name)
        for w in words or []:
            parts = tuple(str(w).lower().split())
            if len(parts) == 1:
                lex.kind_words.setdefault(parts[0], kind)
            else:
                lex.kind_phrases.setdefault(parts, kind)


@lru_cache(maxsize=8)
def load_lexicon(extra: tuple[Path, ...] = ()) -> Lexicon:
    """The shipped lexicon, modality cues and ontology, plus ``extra`` lexicon files."""
    lex = Lexicon()
    base = resources.files("dyads") / "data"
    _merge(
        lex,
        _load_yaml(None, (base / "lexicon.yaml").read_text("utf-8"), "lexicon.yaml"),
        "lexicon.yaml",
    )
    for path in extra:
        try:
            text = Path(path).read_text("utf-8")
        except OSError as err:
            raise DataError(f"cannot read lexicon ({err})", path=str(path)) from err
        _merge(lex, _load_yaml(Path(path), text, str(path)), str(path))
    mod = _load_yaml(None, (base / "modality.yaml").read_text("utf-8"), "modality.yaml")
    lex.modality = {k: frozenset(str(x) for x in v) for k, v in mod.items()}
    lex.ontology = _load_yaml(None, (base / "ontology.yaml").read_text("utf-8"), "ontology.yaml")
    return lex


def symmetric_relations(lex: Lexicon) -> frozenset[str]:
    rels = lex.ontology.get("relations", {})
    return frozenset(r for r, spec in rels.items() if spec.get("symmetric"))
