"""``dyads info``: what is installed and whether it fits, one verdict per check.

Like ``spacy info`` and ``spacy validate``: the dyads version, the spaCy model and whether the
installed spaCy can run it, the sizes of the gazetteer and lexicon, the store's schema version,
and the optional extras present. :func:`collect` returns the checks; the CLI prints them.
"""

from __future__ import annotations

import json
import platform
import re
from dataclasses import asdict, dataclass
from importlib import metadata
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from dyads import __version__
from dyads.settings import Settings


@dataclass(frozen=True)
class Check:
    """``ok`` True (passed), False (failed: dyads cannot work so) or None (nothing to judge)."""

    name: str
    ok: bool | None
    detail: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def collect(db: str | Path | None = None, settings: Settings | None = None) -> list[Check]:
    settings = settings or Settings()
    checks = [
        Check("dyads", True, f"dyads {__version__}, Python {platform.python_version()}"),
        _spacy(),
        _model(settings.model),
        _gazetteer(settings),
        _lexicon(settings),
        _store(Path(db) if db is not None else None),
    ]
    return checks + _extras()


def _version(dist: str) -> str | None:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def _spacy() -> Check:
    v = _version("spacy")
    return Check("spacy", v is not None, f"spaCy {v}" if v else "spaCy is not installed")


def _model(name: str) -> Check:
    """The model package and its meta.json, read without loading spaCy or the model."""
    spec = find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return Check("model", False, f"{name} is not installed; pip install -e . installs it")
    meta_path = Path(next(iter(spec.submodule_search_locations))) / "meta.json"
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Check("model", False, f"{name}: no readable meta.json at {meta_path}")
    wanted = str(meta.get("spacy_version", ""))
    have = _version("spacy") or ""
    fits = _fits(have, wanted)
    detail = f"{name} {meta.get('version')} (spaCy {wanted or 'any'})"
    if not fits:
        detail += f"; the installed spaCy {have or '(none)'} does not fit"
    return Check("model", fits, detail)


def _fits(version: str, spec: str) -> bool:
    """Whether ``version`` meets a spaCy-style range such as ``>=3.8.0,<3.9.0``."""

    def key(v: str) -> tuple[int, ...]:
        return tuple(int(x) for x in re.findall(r"\d+", v)[:3])

    if not version:
        return False
    have = key(version)
    for part in filter(None, (p.strip() for p in spec.split(","))):
        m = re.match(r"(>=|<=|==|<|>|~=)?\s*(.+)", part)
        if not m:
            continue
        op, want = m.group(1) or "==", key(m.group(2))
        ok = {
            ">=": have >= want,
            "<=": have <= want,
            ">": have > want,
            "<": have < want,
            "==": have[: len(want)] == want,
            "~=": have >= want and have[: len(want) - 1] == want[:-1],
        }[op]
        if not ok:
            return False
    return True


def _gazetteer(settings: Settings) -> Check:
    from dyads.actors.gazetteer import load_gazetteer
    from dyads.errors import DataError

    try:
        gaz = load_gazetteer(settings.gazetteers)
    except DataError as err:
        return Check("gazetteer", False, str(err))
    return Check(
        "gazetteer",
        True,
        f"gazetteer: {len(gaz.actors):,} actors, {len(gaz.countries):,} countries, "
        f"{len(gaz.index):,} names",
    )


def _lexicon(settings: Settings) -> Check:
    from dyads.errors import DataError
    from dyads.relations.lexicon import load_lexicon

    try:
        lex = load_lexicon(tuple(settings.lexicons))
    except DataError as err:
        return Check("lexicon", False, str(err))
    verbs = sum(len(v) for v in lex.verbs.values())
    return Check(
        "lexicon",
        True,
        f"lexicon: {verbs:,} verb cues, {len(lex.nouns):,} nouns, {len(lex.events):,} events, "
        f"{len(lex.adjectives):,} adjectives",
    )


def _store(db: Path | None) -> Check:
    from dyads.store.schema import SCHEMA_VERSION

    if db is None or not db.exists():
        return Check("store", None, f"no store at {db}" if db else "no store given")
    import duckdb

    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error as err:
        return Check("store", False, f"{db}: cannot open ({str(err).splitlines()[0]})")
    try:
        try:
            row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except duckdb.Error:
            return Check("store", False, f"{db} is not a dyads database")
        version = int(row[0]) if row else None
        if version != SCHEMA_VERSION:
            return Check(
                "store",
                False,
                f"{db}: schema version {version}; this dyads needs {SCHEMA_VERSION}: re-ingest "
                "into a new file",
            )
        docs, rels = (
            con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore[index]
            for t in ("documents", "relations")
        )
    finally:
        con.close()
    return Check(
        "store", True, f"{db}: schema version {version}, {docs:,} documents, {rels:,} relations"
    )


def _extras() -> list[Check]:
    """One check per optional extra of the dyads package (``pip install -e '.[test]'``)."""
    try:
        requires = metadata.requires("dyads") or []
    except metadata.PackageNotFoundError:
        return []
    extras: dict[str, list[str]] = {}
    for req in requires:
        m = re.match(r"([A-Za-z0-9._-]+).*extra\s*==\s*['\"]([^'\"]+)['\"]", req)
        if m:
            extras.setdefault(m.group(2), []).append(m.group(1))
    out = []
    for extra, dists in sorted(extras.items()):
        have = [f"{d} {_version(d)}" for d in dists if _version(d)]
        missing = [d for d in dists if not _version(d)]
        detail = f"extra [{extra}]: " + ", ".join(have or ["none installed"])
        if missing and have:
            detail += f"; missing {', '.join(missing)}"
        out.append(Check(f"extra:{extra}", True if not missing else None, detail))
    return out
