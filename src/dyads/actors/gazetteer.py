"""The actor gazetteer: YAML files under ``dyads/data/gazetteer/`` plus user files.

The format is documented in ``docs/gazetteer.md``. ``countries.yaml`` holds one entry per
country; the loader generates three actors for each (``<id>``, ``<id>.government``,
``<id>.military``). Every other file holds one entry per actor. An entry whose id already exists
(a generated id, or a user file entry for a shipped actor) extends it: its aliases and acronyms
are added, its other fields override. Every entry is validated at load time; a bad entry raises
:class:`~dyads.errors.DataError` naming its file and line.

The shipped gazetteer is parsed once per process and cached; user files are applied to a copy.
"""

from __future__ import annotations

import os
import pickle
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from dyads.errors import DataError
from dyads.records import ACTOR_TYPES, Actor, stable_hash

__all__ = ["Country", "Gazetteer", "load_gazetteer", "normalise", "slug", "read_yaml_entries"]

_ID = re.compile(r"^[a-z0-9][a-z0-9.-]*$")
_ISO3 = re.compile(r"^[A-Z]{3}$")
#: Free-text fields an entry may carry for its maintainers; the loader ignores them.
_COMMENT_FIELDS = frozenset({"note", "notes", "comment", "description", "wikidata", "wikipedia"})
_COUNTRY_FIELDS = frozenset(
    {"id", "iso3", "name", "aliases", "acronyms", "demonyms", "capital", "seats", "nouns"}
)
_ACTOR_FIELDS = frozenset(
    {"id", "name", "type", "country", "parent", "aliases", "acronyms", "nouns", "roles"}
)
_LIST_FIELDS = ("aliases", "acronyms", "demonyms", "nouns")


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


# -- YAML with line numbers ------------------------------------------------------------------------
class _Entry(dict[str, Any]):
    """A YAML mapping that remembers the line of the mapping and of each key (1-based)."""

    line: int = 0
    lines: dict[str, int]


_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_BaseLoader):
    pass


def _construct_mapping(loader: Any, node: yaml.MappingNode) -> _Entry:
    loader.flatten_mapping(node)
    entry = _Entry()
    entry.line = node.start_mark.line + 1
    entry.lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if not isinstance(key, str):
            raise DataError(f"field names must be text, not {key!r}", path=loader.name, line=line)
        if key in entry:
            raise DataError(
                f"field {key!r} is given twice in one entry", path=loader.name, line=line
            )
        entry[key] = loader.construct_object(value_node, deep=True)
        entry.lines[key] = line
    return entry


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_yaml_entries(text: str, path: str) -> list[_Entry]:
    """The entries of a YAML list-of-mappings file, each knowing its line number."""
    loader = _LineLoader(text)
    loader.name = path
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else None
        raise DataError(
            f"invalid YAML ({err.problem}); check indentation and quoting", path=path, line=line
        ) from err
    except yaml.YAMLError as err:
        raise DataError(f"invalid YAML ({err})", path=path) from err
    finally:
        loader.dispose()
    if data is None:
        return []
    if not isinstance(data, list):
        raise DataError("the file must be a YAML list of entries ('- id: ...')", path=path, line=1)
    for item in data:
        if not isinstance(item, _Entry):
            raise DataError(f"each entry must be a mapping with an 'id', not {item!r}", path=path)
    return data


# -- records ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Country:
    id: str
    iso3: str
    name: str
    demonyms: tuple[str, ...] = ()
    capital: str | None = None
    seats: tuple[tuple[str, str], ...] = ()  # (metonym as written, actor id)


@dataclass(frozen=True)
class _Source:
    path: str
    line: int


@dataclass
class Gazetteer:
    """Actors by id, countries by id, and the name indexes built from them."""

    actors: dict[str, Actor] = field(default_factory=dict)
    countries: dict[str, Country] = field(default_factory=dict)
    index: dict[str, list[str]] = field(default_factory=dict)  # normalised name -> actor ids
    by_iso3: dict[str, str] = field(default_factory=dict)  # ISO alpha-3 -> country id
    generated: dict[str, str] = field(default_factory=dict)  # generated id -> generated name
    sources: dict[str, _Source] = field(default_factory=dict, repr=False)
    #: compiled matchers per spaCy vocab, filled by ``dyads.actors.matcher`` (not data)
    cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def get(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)

    def lookup(self, name: str) -> list[Actor]:
        """Actors whose id, name, alias or acronym equals ``name`` once normalised."""
        ids = self.index.get(normalise(name), [])
        return [self.actors[i] for i in ids]

    def country_of(self, actor: Actor) -> Country | None:
        """The country entry an actor belongs to (its own for states), if any."""
        if actor.country and actor.country in self.by_iso3:
            return self.countries.get(self.by_iso3[actor.country])
        return None

    def copy(self) -> Gazetteer:
        return Gazetteer(
            actors=dict(self.actors),
            countries=dict(self.countries),
            by_iso3=dict(self.by_iso3),
            generated=dict(self.generated),
            sources=dict(self.sources),
        )

    # -- indexes ---------------------------------------------------------------------------------
    def _reindex(self) -> None:
        index: dict[str, list[str]] = {}

        def add(name: str, actor_id: str) -> None:
            key = normalise(name)
            if key:
                ids = index.setdefault(key, [])
                if actor_id not in ids:
                    ids.append(actor_id)

        for actor in self.actors.values():
            add(actor.id.replace(".", " "), actor.id)
            add(actor.name, actor.id)
            for name in actor.aliases + actor.acronyms:
                add(name, actor.id)
        self.index = index
        self.by_iso3 = {c.iso3: c.id for c in self.countries.values()}
        self.cache = {}


# -- loading ------------------------------------------------------------------------------------------
def load_gazetteer(extra_files: Iterable[Path] = ()) -> Gazetteer:
    """The shipped gazetteer (cached), extended by ``extra_files`` in order."""
    extra = [Path(p) for p in extra_files]
    if not extra:
        return _shipped()
    gaz = _shipped().copy()
    builder = _Builder(gaz, user=True)
    for path in extra:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as err:
            raise DataError(
                f"cannot read gazetteer file ({err.strerror or err})", path=str(path)
            ) from err
        builder.add_file(text, str(path))
    builder.finish()
    return gaz


@lru_cache(maxsize=1)
def _shipped() -> Gazetteer:
    """The shipped gazetteer, parsed and validated once per content.

    Parsing and validating ~17,000 lines of YAML takes about a second, and every process
    (each worker too) needs the gazetteer, so the validated result is also pickled to the user's
    cache folder under a hash of the files' content and of this module's source: editing a
    file, or this loader, makes a new entry, so a bad entry is always reported.
    """
    folder = resources.files("dyads.data").joinpath("gazetteer")
    files = sorted(
        (f for f in folder.iterdir() if f.name.endswith(".yaml")),
        key=lambda f: (f.name != "countries.yaml", f.name),  # countries first: others extend them
    )
    texts = [(f.name, f.read_text(encoding="utf-8")) for f in files]
    key = stable_hash(Path(__file__).read_text(encoding="utf-8"), *(n + "\0" + t for n, t in texts))
    cached = _cache_path(key)
    if cached.exists():
        try:
            with cached.open("rb") as fh:
                gaz = pickle.load(fh)
            if isinstance(gaz, Gazetteer):
                return gaz
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, TypeError):
            pass  # a stale or partial cache entry: rebuild it
    gaz = Gazetteer()
    builder = _Builder(gaz, user=False)
    for name, text in texts:
        builder.add_file(text, f"dyads/data/gazetteer/{name}")
    builder.finish()
    _write_cache(cached, gaz)
    return gaz


def _cache_path(key: str) -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dyads" / f"gazetteer-{key}.pickle"


def _write_cache(path: Path, gaz: Gazetteer) -> None:
    """Write atomically; a cache that cannot be written is simply not used."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(gaz, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass


class _Builder:
    """Applies validated entries to a gazetteer; checks cross-references in ``finish``."""

    def __init__(self, gaz: Gazetteer, *, user: bool) -> None:
        self.gaz = gaz
        self.user = user
        self.generated = gaz.generated
        self.extended: set[str] = set()  # generated ids a shipped entry has extended
        self.refs: list[tuple[str, str, _Source]] = []  # (what, id referred to, where)

    def add_file(self, text: str, path: str) -> None:
        entries = read_yaml_entries(text, path)
        is_countries = path.rsplit("/", 1)[-1] == "countries.yaml"
        countries = [e for e in entries if is_countries or "iso3" in e]
        for entry in countries:  # countries first: actor entries may extend generated ids
            self._country(entry, path)
        for entry in entries:
            if not (is_countries or "iso3" in entry):
                self._actor(entry, path)

    # -- entries -----------------------------------------------------------------------------------
    def _country(self, e: _Entry, path: str) -> None:
        where = _Source(path, e.line)
        _check_fields(e, _COUNTRY_FIELDS, path, "country")
        cid = _require_id(e, path)
        iso3 = e.get("iso3")
        if not isinstance(iso3, str) or not _ISO3.match(iso3):
            raise DataError(
                f"country {cid!r}: 'iso3' must be a 3-letter code such as IRN",
                path=path,
                line=_line(e, "iso3"),
            )
        old = self.gaz.countries.get(cid)
        if old is None and cid in self.gaz.actors:
            raise DataError(
                f"country id {cid!r} is already used by an actor", path=path, line=e.line
            )
        if old is not None and not self.user:
            first = self.gaz.sources[cid]
            raise DataError(
                f"duplicate country id {cid!r} (first at {first.path}:{first.line})",
                path=path,
                line=e.line,
            )
        name = _text(e, "name", path, required=old is None) or (old.name if old else cid)
        aliases = _names(e, "aliases", path)
        acronyms = _names(e, "acronyms", path)
        demonyms = _names(e, "demonyms", path) if "demonyms" in e else (old.demonyms if old else ())
        capital = _text(e, "capital", path) if "capital" in e else (old.capital if old else None)
        seats_raw = e.get("seats") or {}
        if not isinstance(seats_raw, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in seats_raw.items()
        ):
            raise DataError(
                f"country {cid!r}: 'seats' must map a metonym to an actor id",
                path=path,
                line=_line(e, "seats"),
            )
        seats = tuple(seats_raw.items()) if "seats" in e else (old.seats if old else ())
        for _, target in seats:
            self.refs.append(("seat", target, _Source(path, _line(e, "seats"))))
        country = Country(cid, iso3, name, demonyms, capital, seats)
        self.gaz.countries[cid] = country
        self.gaz.sources.setdefault(cid, where)
        state = self.gaz.actors.get(cid)
        prev_aliases = state.aliases if state else ()
        prev_acronyms = state.acronyms if state else ()
        self.gaz.actors[cid] = Actor(
            cid,
            name,
            "state",
            country=iso3,
            aliases=_merge(prev_aliases, aliases),
            acronyms=_merge(prev_acronyms, acronyms),
            nouns=_names(e, "nouns", path) or (state.nouns if state else ()),
            origin="user" if self.user else "gazetteer",
        )
        military = f"{demonyms[0]} military" if demonyms else f"Military of {name}"
        for suffix, kind, label in (
            ("government", "government", f"Government of {name}"),
            ("military", "military", military),
        ):
            aid = f"{cid}.{suffix}"
            if aid in self.gaz.actors:
                continue  # already generated (a user file re-declaring a country) or extended
            self.gaz.actors[aid] = Actor(aid, label, kind, country=iso3, parent=cid)
            self.generated[aid] = label
            self.gaz.sources.setdefault(aid, where)
        self.generated[cid] = name

    def _actor(self, e: _Entry, path: str) -> None:
        where = _Source(path, e.line)
        _check_fields(e, _ACTOR_FIELDS, path, "actor")
        aid = _require_id(e, path)
        old = self.gaz.actors.get(aid)
        if (
            old is not None
            and not self.user
            and (aid not in self.generated or aid in self.gaz.countries or aid in self.extended)
        ):
            if aid in self.gaz.countries:
                raise DataError(
                    f"{aid!r} is a country; extend it in countries.yaml", path=path, line=e.line
                )
            first = self.gaz.sources[aid]
            raise DataError(
                f"duplicate id {aid!r} (first at {first.path}:{first.line})", path=path, line=e.line
            )
        name = _text(e, "name", path, required=old is None) or (old.name if old else aid)
        kind = _text(e, "type", path, required=old is None) or (old.type if old else "other")
        if kind not in ACTOR_TYPES:
            raise DataError(
                f"actor {aid!r}: unknown type {kind!r}; use one of {', '.join(ACTOR_TYPES)}",
                path=path,
                line=_line(e, "type"),
            )
        country = _text(e, "country", path) if "country" in e else (old.country if old else None)
        if country is not None:
            if not _ISO3.match(country):
                raise DataError(
                    f"actor {aid!r}: 'country' must be an ISO alpha-3 code such as IRN",
                    path=path,
                    line=_line(e, "country"),
                )
            self.refs.append(("country", country, _Source(path, _line(e, "country"))))
        parent = _text(e, "parent", path) if "parent" in e else (old.parent if old else None)
        if parent is not None:
            if parent == aid:
                raise DataError(
                    f"actor {aid!r} cannot be its own parent", path=path, line=_line(e, "parent")
                )
            self.refs.append(("parent", parent, _Source(path, _line(e, "parent"))))
        roles = e.get("roles") if "roles" in e else (list(old.roles) if old else [])
        if roles is None:
            roles = []
        if not isinstance(roles, list) or not all(
            isinstance(r, dict) and isinstance(r.get("role"), str) for r in roles
        ):
            raise DataError(
                f"actor {aid!r}: 'roles' must be a list of {{role: ..., of: ...}}",
                path=path,
                line=_line(e, "roles"),
            )
        nouns = _names(e, "nouns", path) if "nouns" in e else (old.nouns if old else ())
        self.gaz.actors[aid] = Actor(
            aid,
            name,
            kind,
            country=country,
            parent=parent,
            aliases=_merge(old.aliases if old else (), _names(e, "aliases", path)),
            acronyms=_merge(old.acronyms if old else (), _names(e, "acronyms", path)),
            nouns=tuple(n.lower() for n in nouns),
            roles=tuple(dict(r) for r in roles),
            origin="user" if self.user else (old.origin if old else "gazetteer"),
        )
        if old is None or aid in self.generated:
            self.gaz.sources[aid] = where
        if aid in self.generated and not self.user:
            self.extended.add(aid)

    def finish(self) -> None:
        iso3s = {c.iso3 for c in self.gaz.countries.values()}
        for what, ref, src in self.refs:
            if what == "country":
                if ref not in iso3s:
                    raise DataError(
                        f"unknown country code {ref!r}; use an iso3 from countries.yaml",
                        path=src.path,
                        line=src.line,
                    )
            elif ref not in self.gaz.actors:
                raise DataError(
                    f"{what} {ref!r} is not a known actor id", path=src.path, line=src.line
                )
        self.gaz._reindex()


# -- field helpers -------------------------------------------------------------------------------------
def _line(e: _Entry, key: str) -> int:
    return e.lines.get(key, e.line)


def _check_fields(e: _Entry, allowed: frozenset[str], path: str, what: str) -> None:
    for key in e:
        if key not in allowed and key not in _COMMENT_FIELDS:
            raise DataError(
                f"unknown field {key!r} in {what} entry; allowed: {', '.join(sorted(allowed))}",
                path=path,
                line=_line(e, key),
            )


def _require_id(e: _Entry, path: str) -> str:
    aid = e.get("id")
    if not isinstance(aid, str) or not _ID.match(aid):
        raise DataError(
            f"entry needs an 'id' of lowercase letters, digits, '.' and '-', not {aid!r}",
            path=path,
            line=_line(e, "id"),
        )
    return aid


def _text(e: _Entry, key: str, path: str, *, required: bool = False) -> str | None:
    value = e.get(key)
    if value is None:
        if required:
            raise DataError(f"entry {e.get('id')!r} needs a {key!r}", path=path, line=e.line)
        return None
    if not isinstance(value, str) or not value.strip():
        raise DataError(
            f"entry {e.get('id')!r}: {key!r} must be non-empty text", path=path, line=_line(e, key)
        )
    return value.strip()


def _names(e: _Entry, key: str, path: str) -> tuple[str, ...]:
    value = e.get(key)
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataError(
            f"entry {e.get('id')!r}: {key!r} must be a list of names", path=path, line=_line(e, key)
        )
    return tuple(v.strip() for v in value)


def _merge(old: tuple[str, ...], new: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(old + new))


def iter_names(actor: Actor) -> Iterator[str]:
    """The name and aliases of an actor (not its acronyms), without a leading 'the'."""
    for name in (actor.name, *actor.aliases):
        yield re.sub(r"^(?:the|The)\s+", "", name.strip())
