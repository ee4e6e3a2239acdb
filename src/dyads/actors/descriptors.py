"""Words the resolver reads as evidence, loaded from ``dyads/data/descriptors.yaml``.

Keeping the nouns, cues and titles in data means a reader can see (and tune) what the resolver
looks for without reading its logic. The file is validated at load time.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from dyads.datafile import Fields, load_yaml
from dyads.records import ACTOR_TYPES

__all__ = ["Descriptors", "load_descriptors", "CATEGORIES"]

_PATH = "dyads/data/descriptors.yaml"
#: the categories a country descriptor noun may select, in order of precedence
CATEGORIES = ("intelligence", "military", "government")


@dataclass(frozen=True)
class Descriptors:
    categories: dict[str, tuple[str, ...]]  # category -> phrases (lowercase)
    phrase_category: dict[tuple[str, ...], str]  # tokenised phrase -> category
    max_phrase: int
    main_intelligence: dict[str, str]  # country id -> agency id
    descriptions: dict[str, tuple[str, ...]]  # noun -> actor types
    member_nouns: frozenset[str]
    metonym_deps: frozenset[str]
    metonym_preps: frozenset[str]
    metonym_compounds: frozenset[str]
    metonym_of_nouns: frozenset[str]
    place_verbs: frozenset[str]
    seat_preps: frozenset[str]
    singular_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    person_pronouns: frozenset[str]
    pleonastic_verbs: frozenset[str]
    collective_types: frozenset[str]
    titles: frozenset[str]
    title_phrases: tuple[tuple[str, ...], ...]  # multi-word titles, longest first
    entity_types: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]  # (type, word phrases)
    generic_heads: dict[str, str]  # plural head noun -> actor type of a generic actor
    bare_generic_heads: frozenset[str]
    vague_modifiers: frozenset[str]
    no_actor_modifiers: frozenset[str]
    state_force_modifiers: frozenset[str]
    home_state_ratio: float
    home_state_descriptions: frozenset[str]
    discourse_ratio: float
    discourse_min: int
    pair_nouns: frozenset[str]
    office_words: frozenset[str]
    generic_words: frozenset[str]

    def category_of(self, words: list[str]) -> str | None:
        """The category named by any word or phrase in ``words`` (lowercase tokens), if any."""
        found: set[str] = set()
        n = len(words)
        for i in range(n):
            for k in range(1, min(self.max_phrase, n - i) + 1):
                cat = self.phrase_category.get(tuple(words[i : i + k]))
                if cat:
                    found.add(cat)
        for cat in CATEGORIES:
            if cat in found:
                return cat
        return None

    def head_category(self, words: list[str]) -> str | None:
        """The category of the noun phrase's head: the longest listed phrase ending at the last
        word ("armed forces"), then the precedence over all words ("intelligence officials")."""
        for k in range(min(self.max_phrase, len(words)), 0, -1):
            if tuple(words[-k:]) in self.phrase_category:
                return self.category_of(words)
        return None

    def entity_type(self, words: list[str]) -> str:
        """The actor type of an unknown organisation from the words of its name."""
        lowered = [w.lower() for w in words]
        for kind, phrases in self.entity_types:
            for phrase in phrases:
                k = len(phrase)
                if any(tuple(lowered[i : i + k]) == phrase for i in range(len(lowered) - k + 1)):
                    return kind
        return "other"


@lru_cache(maxsize=1)
def load_descriptors() -> Descriptors:
    text = resources.files("dyads.data").joinpath("descriptors.yaml").read_text(encoding="utf-8")
    return parse_descriptors(text, _PATH)


def parse_descriptors(text: str, path: str) -> Descriptors:
    data = Fields(load_yaml(text, path), path)

    def words(key: str) -> frozenset[str]:
        return frozenset(data.words(key, required=True))

    cats = data.mapping("categories", required=True)
    categories: dict[str, tuple[str, ...]] = {}
    phrase_category: dict[tuple[str, ...], str] = {}
    for cat in CATEGORIES:
        phrases = cats.words(cat, required=True)
        categories[cat] = phrases
        for p in phrases:
            phrase_category.setdefault(tuple(p.split()), cat)
    cats.done()
    descriptions: dict[str, tuple[str, ...]] = {}
    desc_f = data.mapping("descriptions", required=True)
    for noun, _ in desc_f.items():
        types = desc_f.words(noun)
        if any(t not in ACTOR_TYPES for t in types):
            raise desc_f.error(noun, "a list of actor types expected")
        descriptions[noun.lower()] = types
    intel_f = data.mapping("main_intelligence_agency", required=True)
    intel = {k: str(intel_f.text(k)) for k, _ in intel_f.items()}
    pronouns = data.mapping("pronouns", required=True)
    singular = frozenset(pronouns.words("singular", required=True))
    plural = frozenset(pronouns.words("plural", required=True))
    person = frozenset(pronouns.words("person", required=True))
    pronouns.done()
    collective = words("collective_types")
    if not collective <= set(ACTOR_TYPES):
        raise data.error("collective_types", "unknown actor type")
    titles = words("person_titles")
    entity_types: list[tuple[str, tuple[tuple[str, ...], ...]]] = []
    raw_types = data.raw("entity_types") or []
    for i, item in enumerate(raw_types):
        f = Fields(item, path, f"entity_types[{i}]")
        kind = f.choice("type", ACTOR_TYPES)
        phrases = f.words("words", required=True)
        f.done()
        entity_types.append((str(kind), tuple(tuple(w.split()) for w in phrases)))
    heads_f = data.mapping("generic_heads", required=True)
    generic_heads: dict[str, str] = {}
    for kind, _ in heads_f.items():
        if kind not in ACTOR_TYPES:
            raise heads_f.error(kind, "unknown actor type")
        for noun in heads_f.words(kind):
            generic_heads.setdefault(noun, kind)
    out = Descriptors(
        categories=categories,
        phrase_category=phrase_category,
        max_phrase=max(len(p) for p in phrase_category),
        main_intelligence=intel,
        descriptions=descriptions,
        member_nouns=words("member_nouns"),
        metonym_deps=words("metonym_dependencies"),
        metonym_preps=words("metonym_prepositions"),
        metonym_compounds=words("metonym_compounds"),
        metonym_of_nouns=words("metonym_of_nouns"),
        place_verbs=words("place_verbs"),
        seat_preps=words("seat_prepositions"),
        singular_pronouns=singular,
        plural_pronouns=plural,
        person_pronouns=person,
        pleonastic_verbs=words("pleonastic_verbs"),
        collective_types=collective,
        titles=frozenset(t for t in titles if " " not in t),
        title_phrases=tuple(
            sorted((tuple(t.split()) for t in titles if " " in t), key=len, reverse=True)
        ),
        entity_types=tuple(entity_types),
        generic_heads=generic_heads,
        bare_generic_heads=words("bare_generic_heads"),
        vague_modifiers=words("vague_modifiers"),
        no_actor_modifiers=words("no_actor_modifiers"),
        state_force_modifiers=words("state_force_modifiers"),
        home_state_ratio=data.number("home_state_ratio", 2.0),
        home_state_descriptions=words("home_state_descriptions"),
        discourse_ratio=data.number("discourse_ratio", 2.0),
        discourse_min=int(data.number("discourse_min", 2)),
        pair_nouns=words("pair_nouns"),
        office_words=words("office_words"),
        generic_words=words("generic_words"),
    )
    data.done()
    return out
