"""Offset maps: where a position of repaired text came from in the text before the repair.

Each repair step makes a list of :class:`Edit` (replace ``text[start:end]`` by ``new``) on its
input and applies them with :func:`apply_edits`, which returns the output text and a
:class:`StepMap`. A map stores one row per edit in four compact integer arrays, never one entry per
character, and answers with :mod:`bisect`; between edits a position only shifts.

Starts and ends of spans are mapped differently where text was deleted: a span starting where a
line was dropped starts after it, a span ending there ends before it. Both maps are monotonic and
exact (a plain shift) outside edits, and composing them keeps both properties.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import NamedTuple


class Edit(NamedTuple):
    start: int
    end: int
    new: str


class StepMap:
    """Maps positions of one step's output back to its input."""

    __slots__ = ("_c", "_s", "_e", "_n")

    def __init__(self) -> None:
        self._c = array("q")  # output position where the edit's new text starts
        self._s = array("q")  # input span replaced
        self._e = array("q")
        self._n = array("q")  # length of the new text

    def __len__(self) -> int:
        return len(self._c)

    def _add(self, c: int, s: int, e: int, n: int) -> None:
        self._c.append(c)
        self._s.append(s)
        self._e.append(e)
        self._n.append(n)

    def start(self, pos: int) -> int:
        """Input position for a span starting at output position ``pos``."""
        return self._through(bisect_right(self._c, pos) - 1, pos)

    def end(self, pos: int) -> int:
        """Input position for a span ending at output position ``pos`` (an edit that starts
        exactly there is not yet entered)."""
        return self._through(bisect_left(self._c, pos) - 1, pos)

    def _through(self, i: int, pos: int) -> int:
        """``pos`` mapped through edit ``i`` (the last edit before it; -1 for none)."""
        if i < 0:
            return pos
        c, s, e, n = self._c[i], self._s[i], self._e[i], self._n[i]
        if pos < c + n:
            return s + min(pos - c, e - s)
        return e + (pos - c - n)


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, StepMap]:
    """Apply non-overlapping ``edits`` sorted by start; adjacent edits are merged."""
    merged: list[list[object]] = []
    for ed in edits:
        if ed.start < 0 or ed.end < ed.start or ed.end > len(text):
            raise ValueError(f"edit out of range: {ed[:2]}")
        if merged and ed.start < merged[-1][1]:  # type: ignore[operator]
            continue  # overlapping: keep the first
        if merged and ed.start == merged[-1][1]:
            merged[-1][1] = ed.end
            merged[-1][2] = str(merged[-1][2]) + ed.new
        else:
            merged.append([ed.start, ed.end, ed.new])
    pieces: list[str] = []
    smap = StepMap()
    last = 0
    out_len = 0
    for s, e, new in merged:
        assert isinstance(s, int) and isinstance(e, int) and isinstance(new, str)
        if s == e and not new:
            continue
        pieces.append(text[last:s])
        out_len += s - last
        smap._add(out_len, s, e, len(new))
        pieces.append(new)
        out_len += len(new)
        last = e
    pieces.append(text[last:])
    return "".join(pieces), smap
