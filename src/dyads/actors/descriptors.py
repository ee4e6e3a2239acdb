"""Words the resolver reads as evidence, loaded from ``dyads/data/descriptors.yaml``.

Keeping the nouns, cues and titles in data means a reader can see (and tune) what the resolver
looks for without reading its logic. The file is validated at load time.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from dyads.errors import DataError
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
    try:
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark
        raise DataError(
            f"invalid YAML ({err.problem})", path=path, line=mark.line + 1 if mark else None
        ) from err
    if not isinstance(data, dict):
        raise DataError("descriptors must be a mapping of sections", path=path, line=1)
    lines = _key_lines(text)

    def words(key: str) -> frozenset[str]:
        value = data.get(key)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise DataError(f"{key!r} must be a list of words", path=path, line=lines.get(key))
        return frozenset(v.lower() for v in value)

    def mapping(key: str) -> dict[str, Any]:
        value = data.get(key)
        if not isinstance(value, dict):
            raise DataError(f"{key!r} must be a mapping", path=path, line=lines.get(key))
        return value

    cats_raw = mapping("categories")
    categories: dict[str, tuple[str, ...]] = {}
    phrase_category: dict[tuple[str, ...], str] = {}
    for cat in CATEGORIES:
        phrases = cats_raw.get(cat)
        if not isinstance(phrases, list) or not all(isinstance(p, str) for p in phrases):
            raise DataError(
                f"categories.{cat} must be a list of nouns", path=path, line=lines.get("categories")
            )
        categories[cat] = tuple(p.lower() for p in phrases)
        for p in phrases:
            phrase_category.setdefault(tuple(p.lower().split()), cat)
    descriptions: dict[str, tuple[str, ...]] = {}
    for noun, types in mapping("descriptions").items():
        if not isinstance(types, list) or any(t not in ACTOR_TYPES for t in types):
            raise DataError(
                f"descriptions.{noun}: a list of actor types expected",
                path=path,
                line=lines.get("descriptions"),
            )
        descriptions[str(noun).lower()] = tuple(types)
    intel = {str(k): str(v) for k, v in mapping("main_intelligence_agency").items()}
    pronouns = mapping("pronouns")
    collective = words("collective_types")
    if not collective <= set(ACTOR_TYPES):
        raise DataError(
            "collective_types: unknown actor type", path=path, line=lines.get("collective_types")
        )
    titles = words("person_titles")
    entity_types: list[tuple[str, tuple[tuple[str, ...], ...]]] = []
    for item in data.get("entity_types") or []:
        if not isinstance(item, dict) or item.get("type") not in ACTOR_TYPES:
            raise DataError(
                "entity_types: each item needs a known 'type' and 'words'",
                path=path,
                line=lines.get("entity_types"),
            )
        entity_types.append((item["type"], tuple(tuple(w.lower().split()) for w in item["words"])))
    return Descriptors(
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
        singular_pronouns=frozenset(w.lower() for w in pronouns.get("singular", [])),
        plural_pronouns=frozenset(w.lower() for w in pronouns.get("plural", [])),
        person_pronouns=frozenset(w.lower() for w in pronouns.get("person", [])),
        pleonastic_verbs=words("pleonastic_verbs"),
        collective_types=collective,
        titles=frozenset(t for t in titles if " " not in t),
        title_phrases=tuple(
            sorted((tuple(t.split()) for t in titles if " " in t), key=len, reverse=True)
        ),
        entity_types=tuple(entity_types),
    )


def _key_lines(text: str) -> dict[str, int]:
    """Line numbers (1-based) of the top-level keys, for error messages."""
    out: dict[str, int] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if line and not line[0].isspace() and not line.startswith("#") and ":" in line:
            out.setdefault(line.split(":", 1)[0].strip(), n)
    return out
