"""The word sets the extractor's rules read, loaded from ``dyads/data/relation_words.yaml``.

Each set is documented where it is defined, in the YAML file. Loading is strict: every key must
be present and known, every item text (see :mod:`dyads.datafile`).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache
from importlib import resources

from dyads.datafile import Fields, load_yaml
from dyads.errors import DataError
from dyads.records import ACTOR_TYPES, RELATION_TYPES

__all__ = ["Words", "load_words", "parse_words"]

_FILE = "relation_words.yaml"


@dataclass(frozen=True)
class Words:
    part_nouns: frozenset[str]
    civilian_parts: frozenset[str]
    attack_parts: frozenset[str]
    military_parts: frozenset[str]
    government_parts: frozenset[str]
    infra_parts: frozenset[str]
    location_parts: frozenset[str]
    quantity_nouns: frozenset[str]
    collective_parts: frozenset[str]
    deployed_nouns: frozenset[str]
    speaker_nouns: frozenset[str]
    government_speakers: frozenset[str]
    military_speakers: frozenset[str]
    sever_verbs: frozenset[str]
    strain_verbs: frozenset[str]
    exhort_verbs: frozenset[str]
    intent_verbs: frozenset[str]
    give_verbs: frozenset[str]
    receive_verbs: frozenset[str]
    have_verbs: frozenset[str]
    copulas: frozenset[str]
    send_verbs: frozenset[str]
    object_control: frozenset[str]
    accusing_verbs: frozenset[str]
    appoint_verbs: frozenset[str]
    consider_verbs: frozenset[str]
    predicating_verbs: frozenset[str]
    territory_verbs: frozenset[str]
    non_state_types: frozenset[str]
    reciprocal_verbs: frozenset[str]
    reciprocal_objects: frozenset[str]
    of_target_events: frozenset[str]
    help_nouns: frozenset[str]
    under_nouns: dict[str, str]
    lemma_fixes: dict[str, str]
    benefit_verbs: frozenset[str]
    goods_verbs: frozenset[str]
    key_role_words: frozenset[str]
    head_nouns: frozenset[str]
    ruled_nouns: frozenset[str]
    splinter_words: frozenset[str]
    military_modifiers: frozenset[str]
    leading_titles: frozenset[str]
    title_words: frozenset[str]
    former_words: frozenset[str]

    @property
    def attack_part_nouns(self) -> frozenset[str]:
        """Nouns that stand for their modifier around an attack (parts, civilians, kit)."""
        return self.part_nouns | self.attack_parts | self.civilian_parts


def parse_words(text: str, path: str = _FILE) -> Words:
    data = Fields(load_yaml(text, path), path)
    values: dict[str, object] = {}
    for f in fields(Words):
        if f.name == "lemma_fixes":
            fixes = data.mapping("lemma_fixes", required=True)
            values[f.name] = {k.lower(): str(fixes.text(k)) for k, _ in fixes.items()}
        elif f.name == "under_nouns":
            under = data.mapping("under_nouns", required=True)
            table = {}
            for noun, rel in under.items():
                if rel not in RELATION_TYPES:
                    raise under.error(noun, f"unknown relation {rel!r}")
                table[noun.lower()] = str(rel)
            values[f.name] = table
        else:
            values[f.name] = frozenset(data.words(f.name, required=True))
    data.done()
    bad = values["non_state_types"] - set(ACTOR_TYPES)  # type: ignore[operator]
    if bad:
        raise DataError(f"non_state_types: unknown actor type {sorted(bad)[0]!r}", path=path)
    return Words(**values)  # type: ignore[arg-type]


@lru_cache(maxsize=1)
def load_words() -> Words:
    text = resources.files("dyads").joinpath("data", _FILE).read_text("utf-8")
    return parse_words(text, _FILE)
