"""Placeholder: every document is its own story."""

from __future__ import annotations

from collections.abc import Sequence

from dyads.records import stable_hash


def fingerprint(sentences: Sequence[str]) -> tuple[int, ...]:
    return tuple(sorted({int(stable_hash(s.lower().strip(), length=15), 16) for s in sentences}))


class StoryIndex:
    def __init__(self, threshold: float = 0.5, num_perm: int = 128) -> None:
        self.threshold = threshold

    def add(self, doc_id: str, story_id: str, fp: Sequence[int]) -> None:
        pass

    def assign(self, doc_id: str, fp: Sequence[int]) -> str:
        return doc_id
