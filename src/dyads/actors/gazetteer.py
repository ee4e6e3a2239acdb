"""Placeholder gazetteer (replaced by the Actors issue): loads nothing yet."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dyads.records import Actor


def normalise(name: str) -> str:
    """Case-, accent- and punctuation-folded form used for exact alias lookup."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u2019", "'").lower()
    text = re.sub(r"^the\s+", "", text.strip())
    text = re.sub(r"[^\w\s-]", "", text)
    return re.sub(r"[\s_-]+", " ", text).strip()


def slug(name: str) -> str:
    return normalise(name).replace(" ", "-")


@dataclass
class Gazetteer:
    actors: dict[str, Actor] = field(default_factory=dict)
    index: dict[str, list[str]] = field(default_factory=dict)

    def get(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)

    def lookup(self, name: str) -> list[Actor]:
        return [self.actors[i] for i in self.index.get(normalise(name), [])]


def load_gazetteer(extra_files: Iterable[Path] = ()) -> Gazetteer:
    return Gazetteer()
