"""The knowledge repair uses, loaded once from ``dyads/data/repair.yaml`` and validated."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from dyads.errors import DataError

_FILE = "repair.yaml"


@dataclass(frozen=True)
class RepairData:
    titles: frozenset[str]
    before_number: frozenset[str]
    ambiguous: frozenset[str]
    sentence_openers: frozenset[str]
    boilerplate: re.Pattern[str]
    boilerplate_max_chars: int
    lookalikes: dict[str, str]
    min_zipf: float
    lookalike_bonus: float
    document_bonus: float
    connectives: tuple[tuple[str, ...], ...]  # each cue as lower-case words
    pronouns: frozenset[str]
    stopwords: frozenset[str]
    dash_function_words: frozenset[str]
    dash_compound_heads: frozenset[str]
    dash_compound_prefixes: frozenset[str]


def _words(section: dict[str, Any], key: str, where: str) -> frozenset[str]:
    value = section.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DataError(f"'{where}.{key}' must be a list of strings", path=_FILE)
    return frozenset(v.lower() for v in value)


def _number(section: dict[str, Any], key: str, where: str) -> float:
    value = section.get(key)
    if not isinstance(value, int | float):
        raise DataError(f"'{where}.{key}' must be a number", path=_FILE)
    return float(value)


def parse(text: str) -> RepairData:
    """Validate the YAML ``text`` of a repair data file; raises DataError naming the problem."""
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as err:
        line = getattr(getattr(err, "problem_mark", None), "line", None)
        raise DataError(
            f"invalid YAML ({err})", path=_FILE, line=line + 1 if line is not None else None
        ) from err
    if not isinstance(raw, dict):
        raise DataError("expected a mapping at the top level", path=_FILE)
    abbr = raw.get("abbreviations") or {}
    bp = raw.get("boilerplate") or {}
    dc = raw.get("dropcap") or {}
    sc = raw.get("scramble") or {}
    ds = raw.get("dashes") or {}
    patterns = bp.get("patterns")
    if not isinstance(patterns, list) or not patterns:
        raise DataError(
            "'boilerplate.patterns' must be a non-empty list of regular expressions", path=_FILE
        )
    for p in patterns:
        try:
            re.compile(p)
        except (re.error, TypeError) as err:
            raise DataError(f"bad boilerplate pattern {p!r} ({err})", path=_FILE) from err
    # One multi-line expression: a whole line (and its newline) that is boilerplate.
    joined = "|".join(f"(?:{p})" for p in patterns)
    boilerplate = re.compile(rf"^[ \t]*(?:{joined})[ \t]*(?:\r?\n|$)", re.I | re.M)
    looks = dc.get("lookalikes")
    if not isinstance(looks, dict) or not all(
        isinstance(k, str) and len(k) == 1 and isinstance(v, str | type(None))
        for k, v in looks.items()
    ):
        raise DataError("'dropcap.lookalikes' must map single characters to letters", path=_FILE)
    return RepairData(
        titles=_words(abbr, "titles", "abbreviations"),
        before_number=_words(abbr, "before_number", "abbreviations"),
        ambiguous=_words(abbr, "ambiguous", "abbreviations"),
        sentence_openers=_words(raw, "sentence_openers", "top level"),
        boilerplate=boilerplate,
        boilerplate_max_chars=int(_number(bp, "max_line_chars", "boilerplate")),
        lookalikes={k: (v or "").upper() for k, v in looks.items()},
        min_zipf=_number(dc, "min_zipf", "dropcap"),
        lookalike_bonus=_number(dc, "lookalike_bonus", "dropcap"),
        document_bonus=_number(dc, "document_bonus", "dropcap"),
        connectives=tuple(
            sorted(
                {tuple(c.split()) for c in _words(sc, "connectives", "scramble")},
                key=len,
                reverse=True,
            )
        ),
        pronouns=_words(sc, "pronouns", "scramble"),
        stopwords=_words(sc, "stopwords", "scramble"),
        dash_function_words=_words(ds, "function_words", "dashes"),
        dash_compound_heads=_words(ds, "compound_heads", "dashes"),
        dash_compound_prefixes=_words(ds, "compound_prefixes", "dashes"),
    )


@lru_cache(maxsize=1)
def load() -> RepairData:
    """The shipped repair data (read once per process)."""
    return parse((resources.files("dyads") / "data" / _FILE).read_text("utf-8"))
