"""Repair: clean web text before parsing, keeping a map back to the original offsets.

``repair_document`` returns a :class:`RepairedText` (the cleaned text, an offset map to the
original, the steps applied) and the sentence spans of the cleaned text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

__all__ = ["RepairedText", "repair", "split_sentences", "scramble_score"]


@dataclass(frozen=True)
class RepairedText:
    original: str
    text: str
    # Anchors (clean_pos, orig_pos), sorted by clean_pos; between anchors the map is a shift.
    anchors: tuple[tuple[int, int], ...] = ((0, 0),)
    steps: tuple[tuple[str, int], ...] = field(default=())

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        return self._map(start), max(self._map(end - 1) + 1, self._map(start)) if end > start else self._map(start)

    def _map(self, pos: int) -> int:
        keys = [a[0] for a in self.anchors]
        i = bisect.bisect_right(keys, pos) - 1
        c, o = self.anchors[max(i, 0)]
        return min(max(0, o + (pos - c)), len(self.original))


def repair(text: str) -> RepairedText:
    """Placeholder: identity. Replaced by the full repair in the repair issue."""
    return RepairedText(original=text, text=text)


_SPLIT = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[\"'(\[]?[A-Z0-9])")


def split_sentences(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", text):
        start = para.start()
        for m in _SPLIT.finditer(para.group(0)):
            end = para.start() + m.start()
            if text[start:end].strip():
                spans.append((start, end))
            start = para.start() + m.end()
        if text[start : para.end()].strip():
            spans.append((start, para.end()))
    return spans


def scramble_score(sentences: list[str]) -> float:
    return 0.0
