"""The evidence timeline, drawn on the server as SVG (no chart library, no script).

Each claim is a dot at its date (the start of the period its date names: "2015" at 2015-01-01),
one lane per class (affirmed, denied, unconfirmed), linked to its sentence in its document. The
template draws what :func:`timeline` computes; presentation attributes only, so the page's CSP
(no inline style) holds.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from dyads.analysis.timefilter import date_bounds
from dyads.errors import QueryError

#: The lanes, top to bottom.
LANES = ("affirmed", "denied", "unconfirmed")
WIDTH, LANE, LEFT, RIGHT, TOP = 760, 34, 96, 16, 10


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    claim_class: str
    label: str
    href: str


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class Timeline:
    width: int
    height: int
    dots: tuple[Dot, ...]
    ticks: tuple[Tick, ...]
    lanes: tuple[tuple[str, float], ...]
    undated: int
    axis_y: float


def _year(value: str) -> float | None:
    """The fractional year of the start of the period ``value`` names."""
    try:
        lo = date_bounds(value)[0]
    except QueryError:
        return None
    y, m, d = (int(x) for x in lo.split("-"))
    return y + (m - 1) / 12 + (d - 1) / 365


def timeline(items: Iterable[tuple[str | None, str, str, str]]) -> Timeline:
    """A timeline of ``(date, class, label, href)`` items; undated ones are only counted."""
    placed: list[tuple[float, str, str, str]] = []
    undated = 0
    for date, cls, label, href in items:
        year = _year(date) if date else None
        if year is None:
            undated += 1
        else:
            placed.append((year, cls if cls in LANES else "affirmed", label, href))
    height = TOP + LANE * len(LANES) + 26
    axis_y = TOP + LANE * len(LANES) + 4
    lanes = tuple((name, TOP + LANE * i + LANE / 2) for i, name in enumerate(LANES))
    if not placed:
        return Timeline(WIDTH, height, (), (), lanes, undated, axis_y)
    lo = int(min(p[0] for p in placed))
    hi = int(max(p[0] for p in placed)) + 1
    span = max(hi - lo, 1)

    def x(year: float) -> float:
        return round(LEFT + (year - lo) / span * (WIDTH - LEFT - RIGHT), 1)

    step = next(s for s in (1, 2, 5, 10, 20, 50, 100) if span / s <= 12)
    ticks = tuple(Tick(x(y), str(y)) for y in range(lo - lo % step, hi + 1, step) if y >= lo)
    lane_y = dict(lanes)
    # claims of one lane at the same spot are nudged apart so each stays clickable
    seen: dict[tuple[str, float], int] = {}
    dots = []
    for year, cls, label, href in sorted(placed):
        px = x(year)
        n = seen.get((cls, px), 0)
        seen[(cls, px)] = n + 1
        offset = min((n + 1) // 2, 2) * (1 if n % 2 else -1) * 6
        dots.append(Dot(px, lane_y[cls] + offset, cls, label, href))
    return Timeline(WIDTH, height, tuple(dots), ticks, lanes, undated, axis_y)
