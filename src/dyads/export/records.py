"""The relation record, read back from the store: one shape for ``dyads extract``, ``dyads
relations`` and every export.

The record is :meth:`dyads.records.Relation.to_dict` (README, "The relation record"). Exports
add a few fields the record has not (:data:`ADDED_FIELDS`: the roll-up, ``counted``, the sentence
index, the cue, the document). Flat formats (CSV, Parquet, ``--csv``, ``--nl``) name each nested
field by its path joined with ``_``: ``source.mention`` is ``source_mention``, ``plover.event`` is
``plover_event``; :data:`RECORD_COLUMNS` then :data:`ADDED_COLUMNS` is their column order.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

#: A record field: a name, or (name, its fields) for a nested object.
Field = str | tuple[str, tuple[str, ...]]

#: The fields of :meth:`dyads.records.Relation.to_dict`, in its order.
RECORD_FIELDS: tuple[Field, ...] = (
    "id",
    "relation",
    ("source", ("id", "name", "type", "country", "mention", "generic")),
    ("target", ("id", "name", "type", "country", "mention", "generic")),
    "kinds",
    "role",
    "date",
    "modality",
    "polarity",
    ("attributed_to", ("id", "name")),
    ("plover", ("event", "mode")),
    ("evidence", ("doc", "sentence", "start", "end")),
    "confidence",
)

#: What the exports add: the actor each side rolls up to, whether the claim counts as evidence,
#: the sentence's index in its document, the lexicon cue that fired, and the document's metadata.
ADDED_FIELDS: tuple[Field, ...] = (
    ("source", ("rollup",)),
    ("target", ("rollup",)),
    "counted",
    ("evidence", ("index",)),
    "cue",
    ("document", ("story_id", "date", "outlet", "title", "url", "path")),
)

#: Nested objects that are null when this field of theirs is (no attribution, no PLOVER event).
NULL_UNLESS: dict[str, str] = {"attributed_to": "id", "plover": "event"}


def columns(fields: tuple[Field, ...]) -> tuple[str, ...]:
    """The flat column names of ``fields``: nested ones joined with ``_`` (``source_mention``)."""
    out: list[str] = []
    for f in fields:
        if isinstance(f, str):
            out.append(f)
        else:
            out.extend(f"{f[0]}_{sub}" for sub in f[1])
    return tuple(out)


RECORD_COLUMNS: tuple[str, ...] = columns(RECORD_FIELDS)
ADDED_COLUMNS: tuple[str, ...] = columns(ADDED_FIELDS)
#: The columns of ``relations.csv`` / ``relations.parquet`` and of ``dyads relations --csv``.
EXPORT_COLUMNS: tuple[str, ...] = RECORD_COLUMNS + ADDED_COLUMNS


def nest(row: Mapping[str, Any], *, added: bool = True) -> dict[str, Any]:
    """The nested record of a flat ``row`` (keys :data:`EXPORT_COLUMNS`), with the exports'
    additions merged into it (``added``) or without them: then it equals ``Relation.to_dict()``."""
    return _nester(tuple(row), added)(tuple(row.values()))


@lru_cache(maxsize=8)
def _nester(columns: tuple[str, ...], added: bool) -> Nester:
    return Nester(columns, added=added)


class Nester:
    """Builds nested records from flat rows given as tuples in the order of ``columns``
    (a cursor's rows: no dict per row), the plan worked out once. ``Nester(cols)(row)``."""

    def __init__(self, columns: tuple[str, ...], *, added: bool = True) -> None:
        at = {c: i for i, c in enumerate(columns)}
        plan: dict[str, int | list[tuple[str, int]]] = {}
        for f in RECORD_FIELDS + (ADDED_FIELDS if added else ()):
            if isinstance(f, str):
                plan[f] = at[f]
            else:
                subs = plan.setdefault(f[0], [])
                assert isinstance(subs, list)
                subs.extend((sub, at[f"{f[0]}_{sub}"]) for sub in f[1])
        self.plan = list(plan.items())
        self.kinds = at["kinds"]
        self.null_unless = [(name, at[f"{name}_{key}"]) for name, key in NULL_UNLESS.items()]

    def __call__(self, row: tuple[Any, ...]) -> dict[str, Any]:
        rec: dict[str, Any] = {
            key: row[spec] if isinstance(spec, int) else {sub: row[i] for sub, i in spec}
            for key, spec in self.plan
        }
        rec["kinds"] = list(row[self.kinds] or [])
        for name, i in self.null_unless:
            if row[i] is None:
                rec[name] = None
        return rec


def strip_added(rec: Mapping[str, Any]) -> dict[str, Any]:
    """``rec`` without the exports' additions: the record ``dyads extract`` prints."""
    out = dict(rec)
    for f in ADDED_FIELDS:
        if isinstance(f, str):
            out.pop(f, None)
        elif isinstance(out.get(f[0]), dict):
            inner = {k: v for k, v in out[f[0]].items() if k not in f[1]}
            if inner:
                out[f[0]] = inner
            else:
                del out[f[0]]
    return out
