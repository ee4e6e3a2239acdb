"""The relation ontology (``dyads/data/ontology.yaml``): what each relation type allows.

Loaded strictly (see :mod:`dyads.datafile`): every relation type of the record schema must be
described, no other; unknown keys are errors naming the line.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from dyads.datafile import Fields, load_yaml
from dyads.errors import DataError
from dyads.records import ACTOR_TYPES, MODALITIES, RELATION_TYPES, SUPPORT_KINDS

__all__ = ["Ontology", "RelationType", "admits", "load_ontology", "parse_ontology"]

_FILE = "ontology.yaml"
#: PLOVER 2021 event types (CAMEO2PLOVER-2021 of the Open Event Data Alliance), plus the older
#: DISAPPROVE that earlier PLOVER drafts used for non-violent opposition.
PLOVER_EVENTS = frozenset(
    """AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE DEMAND REJECT THREATEN
    PROTEST MOBILIZE SANCTION COERCE ASSAULT DISAPPROVE""".split()
)


#: Prefixes of a type in a target-type list: "text:other" admits an actor of type other only when
#: the text introduced it (an unknown name), "listed:other" only when the gazetteer lists it.
TYPE_PREFIXES = ("text:", "listed:")


def admits(types: Collection[str], actor_type: str, origin: str) -> bool:
    """Whether a target-type list (of the ontology or the lexicon) admits an actor of this type
    and origin ("gazetteer", "user" or "text"); an empty list admits every actor."""
    if not types:
        return True
    scope = "text" if origin == "text" else "listed"
    return actor_type in types or f"{scope}:{actor_type}" in types


def check_types(f: Fields, key: str) -> tuple[str, ...]:
    """The actor types of ``key`` in their order, each a type or a prefixed one; else an error."""
    types = f.words(key)
    for t in types:
        bare = next((t.removeprefix(p) for p in TYPE_PREFIXES if t.startswith(p)), t)
        if bare not in ACTOR_TYPES:
            raise f.error(key, f"unknown actor type {t!r}")
    return types


@dataclass(frozen=True)
class RelationType:
    name: str
    symmetric: bool
    description: str
    plover_event: str | None
    plover_mode: str | None
    mode_by_kind: dict[str, str | None]
    place_target: bool = False
    place_source: bool = False
    target_types: frozenset[str] = frozenset()  # empty: any type
    not_target_types: frozenset[str] = frozenset()
    state_levels: bool = True
    within_family: bool = True
    own_state: bool = True

    def allows_target(self, actor_type: str, from_text: bool) -> bool:
        if actor_type in self.not_target_types:
            return False
        return admits(self.target_types, actor_type, "text" if from_text else "gazetteer")


@dataclass(frozen=True)
class Ontology:
    relations: dict[str, RelationType]
    raw: dict[str, Any]  # the file as read, for the docs and the PLOVER export

    @property
    def symmetric(self) -> frozenset[str]:
        return frozenset(r for r, t in self.relations.items() if t.symmetric)


def _event(f: Fields, key: str) -> str | None:
    value = f.text(key)
    if value is not None and value not in PLOVER_EVENTS:
        raise f.error(key, f"unknown PLOVER event type {value!r}")
    return value


def parse_ontology(text: str, path: str = _FILE) -> Ontology:
    data = load_yaml(text, path)
    top = Fields(data, path)
    rels = top.mapping("relations", required=True)
    relations: dict[str, RelationType] = {}
    for name, _ in rels.items():
        if name not in RELATION_TYPES:
            raise rels.error(name, "unknown relation type")
        f = rels.mapping(name)
        plover = f.mapping("plover", required=True)
        by_kind_f = plover.mapping("mode_by_kind")
        by_kind: dict[str, str | None] = {}
        for kind, _ in by_kind_f.items():
            if kind not in SUPPORT_KINDS:
                raise by_kind_f.error(kind, "unknown support kind")
            by_kind[kind] = by_kind_f.text(kind)
        relations[name] = RelationType(
            name=name,
            symmetric=f.flag("symmetric"),
            description=f.text("description", "") or "",
            plover_event=_event(plover, "event"),
            plover_mode=plover.text("mode"),
            mode_by_kind=by_kind,
            place_target=f.flag("place_target"),
            place_source=f.flag("place_source"),
            target_types=frozenset(check_types(f, "target_types")),
            not_target_types=frozenset(check_types(f, "not_target_types")),
            state_levels=f.flag("state_levels", True),
            within_family=f.flag("within_family", True),
            own_state=f.flag("own_state", True),
        )
        plover.done()
        f.done()
    missing = [r for r in RELATION_TYPES if r not in relations]
    if missing:
        raise DataError(f"relations: {missing[0]} is not described", path=path, line=rels.line)
    kinds = top.mapping("kinds", required=True)
    for kind, _ in kinds.items():
        if kind not in SUPPORT_KINDS:
            raise kinds.error(kind, "unknown support kind")
    mod = top.mapping("modality_to_plover", required=True)
    for m, _ in mod.items():
        if m not in MODALITIES:
            raise mod.error(m, "unknown modality")
    top.done()
    return Ontology(relations, dict(data))


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    text = resources.files("dyads").joinpath("data", _FILE).read_text("utf-8")
    return parse_ontology(text, _FILE)
