"""Time filters on evidence: ``--since``, ``--until`` and ``--as-of``.

A claim's date is the date the sentence gives (``relations.date``: "2015", "2023-03", "1990s")
and, when the sentence gives none, the publication date of its document (``documents.date``).
Every date is read as an interval: "2015" is 2015-01-01..2015-12-31, "2023-03" is the whole
month, "1990s" is 1990-01-01..1999-12-31.

- ``since S``: the claim's interval ends on or after the start of S (it may have begun earlier:
  "since 2020" keeps support dated 2015-2022 only if the interval reaches 2020).
- ``until U``: the claim's interval starts on or before the end of U.
- ``as_of A``: what was known at A: the document was published by the end of A (documents
  without a date fall back to the claim's own date) and the claim's own date, if any, starts by
  the end of A.

Claims with no date at all (neither in the sentence nor on the document) are left out as soon as
any filter is given: they cannot be placed in time. The comparison is done on ISO strings in SQL,
so it stays a filter on the rows already selected by actor.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from typing import Any

from dyads.errors import QueryError

_DATE = re.compile(r"^(\d{4})(?:s|-(\d{2})(?:-(\d{2}))?)?")


def date_bounds(value: str) -> tuple[str, str]:
    """The first and last day (ISO strings) of the period ``value`` names.

    >>> date_bounds("2023-03")
    ('2023-03-01', '2023-03-31')
    >>> date_bounds("1990s")
    ('1990-01-01', '1999-12-31')
    """
    text = value.strip()
    m = _DATE.match(text)
    if not m:
        raise QueryError(
            f"cannot read the date {value!r}; use YYYY, YYYY-MM, YYYY-MM-DD or a decade like 1990s"
        )
    year, month, day = m.group(1), m.group(2), m.group(3)
    if text[4:5] == "s":
        start = int(year) - int(year) % 10
        return f"{start:04d}-01-01", f"{start + 9:04d}-12-31"
    if day:
        return f"{year}-{month}-{day}", f"{year}-{month}-{day}"
    if month:
        return f"{year}-{month}-01", f"{year}-{month}-31"
    return f"{year}-01-01", f"{year}-12-31"


def check_date(value: str) -> tuple[str, str]:
    """:func:`date_bounds` of a date a user typed, refusing what names no period: trailing text,
    a month outside 01-12, a day the month does not have, a "decade" such as 1995s."""
    text = value.strip()
    m = _DATE.match(text)
    if not m or m.end() != len(text) or (text[4:5] == "s" and text[3] != "0"):
        raise QueryError(
            f"cannot read the date {value!r}; use YYYY, YYYY-MM, YYYY-MM-DD or a decade like 1990s"
        )
    year, month, day = m.group(1), m.group(2), m.group(3)
    if month and not 1 <= int(month) <= 12:
        raise QueryError(f"no such date {value!r}: month {month} (months are 01 to 12)")
    if day and not 1 <= int(day) <= calendar.monthrange(int(year), int(month))[1]:
        raise QueryError(f"no such date {value!r}: {year}-{month} has no day {day}")
    return date_bounds(text)


def lo_sql(expr: str) -> str:
    """SQL for the first day of the period in the VARCHAR ``expr`` (NULL stays NULL)."""
    return (
        f"(CASE WHEN regexp_full_match({expr}, '\\d{{3}}0s') THEN substr({expr}, 1, 4) || '-01-01' "
        f"WHEN length({expr}) = 4 THEN {expr} || '-01-01' "
        f"WHEN length({expr}) = 7 THEN {expr} || '-01' "
        f"ELSE substr({expr}, 1, 10) END)"
    )


def hi_sql(expr: str) -> str:
    """SQL for the last day of the period in the VARCHAR ``expr`` (NULL stays NULL)."""
    return (
        f"(CASE WHEN regexp_full_match({expr}, '\\d{{3}}0s') "
        f"THEN lpad(CAST(CAST(substr({expr}, 1, 4) AS INTEGER) + 9 AS VARCHAR), 4, '0') || '-12-31' "
        f"WHEN length({expr}) = 4 THEN {expr} || '-12-31' "
        f"WHEN length({expr}) = 7 THEN {expr} || '-31' "
        f"ELSE substr({expr}, 1, 10) END)"
    )


@dataclass(frozen=True)
class TimeFilter:
    """Keep evidence in a period; see the module docstring for the exact rules."""

    since: str | None = None
    until: str | None = None
    as_of: str | None = None

    def __post_init__(self) -> None:
        for value in (self.since, self.until, self.as_of):
            if value is not None:
                check_date(value)  # raises QueryError on a bad or impossible date

    @property
    def active(self) -> bool:
        return any(v is not None for v in (self.since, self.until, self.as_of))

    def sql(self, r: str = "r", d: str = "d") -> tuple[str, list[Any]]:
        """A SQL condition (``TRUE`` when inactive) on relation alias ``r`` and document ``d``."""
        if not self.active:
            return "TRUE", []
        eff = f"coalesce({r}.date, {d}.date)"
        parts: list[str] = [f"{eff} IS NOT NULL"]
        params: list[Any] = []
        if self.since:
            parts.append(f"{hi_sql(eff)} >= ?")
            params.append(date_bounds(self.since)[0])
        if self.until:
            parts.append(f"{lo_sql(eff)} <= ?")
            params.append(date_bounds(self.until)[1])
        if self.as_of:
            end = date_bounds(self.as_of)[1]
            known = f"coalesce({d}.date, {r}.date)"
            parts.append(f"{lo_sql(known)} <= ?")
            parts.append(f"({r}.date IS NULL OR {lo_sql(r + '.date')} <= ?)")
            params += [end, end]
        return "(" + " AND ".join(parts) + ")", params

    def describe(self) -> str:
        bits = []
        if self.since:
            bits.append(f"since {self.since}")
        if self.until:
            bits.append(f"until {self.until}")
        if self.as_of:
            bits.append(f"as of {self.as_of}")
        return ", ".join(bits)


NO_FILTER = TimeFilter()
