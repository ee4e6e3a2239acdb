"""One strict loader for every YAML data file dyads ships or a user adds.

YAML 1.1, which PyYAML implements, reads the bare words ``on``, ``off``, ``yes``, ``no``, ``y``
and ``n`` as booleans: a lexicon listing the preposition ``on`` or the negation word ``no`` would
silently hold ``True`` and ``False``. Here only ``true`` and ``false`` are booleans and only
``null``, ``~`` or nothing is null; every other bare word stays a string.

Mappings come back as :class:`Mapping` (a dict that remembers the line of each key) and lists as
:class:`Sequence` (a list that remembers the line of each item), so validation can name the file
and line of a bad value. :class:`Fields` reads one mapping with typed getters and rejects keys it
was not told about, with one-line :class:`~dyads.errors.DataError` messages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import yaml

from dyads.errors import DataError

__all__ = ["Fields", "Mapping", "Sequence", "load_yaml", "parse_yaml"]

_Base: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BOOL_TAG = "tag:yaml.org,2002:bool"
_STRICT_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")


class Mapping(dict[str, Any]):
    """A YAML mapping with the (1-based) line of the mapping and of each key."""

    line: int = 0
    lines: dict[str, int]


class Sequence(list[Any]):
    """A YAML list with the (1-based) line of the list and of each item."""

    line: int = 0
    lines: list[int]


class _StrictLoader(_Base):
    pass


# Copy the implicit resolvers, dropping YAML 1.1's yes/no/on/off booleans.
_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _BOOL_TAG]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()  # type: ignore[attr-defined]
}
_StrictLoader.add_implicit_resolver(_BOOL_TAG, _STRICT_BOOL, list("tTfF"))


def _construct_mapping(loader: Any, node: yaml.MappingNode) -> Mapping:
    loader.flatten_mapping(node)
    out = Mapping()
    out.line = node.start_mark.line + 1
    out.lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if not isinstance(key, str):
            raise DataError(f"keys must be text, not {key!r}", path=loader.name, line=line)
        if key in out:
            raise DataError(f"key {key!r} is given twice", path=loader.name, line=line)
        out[key] = loader.construct_object(value_node, deep=True)
        out.lines[key] = line
    return out


def _construct_sequence(loader: Any, node: yaml.SequenceNode) -> Sequence:
    out = Sequence(loader.construct_object(child, deep=True) for child in node.value)
    out.line = node.start_mark.line + 1
    out.lines = [child.start_mark.line + 1 for child in node.value]
    return out


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def parse_yaml(text: str, path: str) -> Any:
    """The data of one YAML document, strictly typed (see the module docstring)."""
    loader = _StrictLoader(text)
    loader.name = path
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        raise DataError(
            f"invalid YAML ({err.problem}); check indentation and quoting",
            path=path,
            line=mark.line + 1 if mark else None,
        ) from err
    except yaml.YAMLError as err:
        raise DataError(f"invalid YAML ({err})", path=path) from err
    finally:
        loader.dispose()


def load_yaml(text: str, path: str) -> Mapping:
    """A YAML file whose top level is a mapping."""
    data = parse_yaml(text, path)
    if data is None:
        data = Mapping()
        data.lines = {}
    if not isinstance(data, Mapping):
        raise DataError("expected a mapping of sections at the top level", path=path, line=1)
    return data


def _line_of(value: Any, default: int | None) -> int | None:
    line = getattr(value, "line", 0)
    return line or default


class Fields:
    """Typed, checked access to one YAML mapping; ``done()`` rejects keys nobody read."""

    def __init__(self, data: Any, path: str, where: str = "", line: int | None = None) -> None:
        self.path = path
        self.where = where
        self.line = _line_of(data, line)
        if not isinstance(data, dict):
            raise DataError(f"{self._name('')}expected a mapping", path=path, line=self.line)
        self.data: dict[str, Any] = data
        self.lines: dict[str, int] = getattr(data, "lines", {})
        self.read: set[str] = set()

    def _name(self, key: str) -> str:
        name = ".".join(p for p in (self.where, key) if p)
        return f"{name}: " if name else ""

    def error(self, key: str, message: str) -> DataError:
        return DataError(
            f"{self._name(key)}{message}", path=self.path, line=self.lines.get(key, self.line)
        )

    def has(self, key: str) -> bool:
        return key in self.data

    def raw(self, key: str, default: Any = None) -> Any:
        self.read.add(key)
        return self.data.get(key, default)

    def text(self, key: str, default: str | None = None, *, required: bool = False) -> str | None:
        value = self.raw(key)
        if value is None:
            if required:
                raise self.error(key, "is required")
            return default
        if not isinstance(value, str):
            raise self.error(key, f"must be text, not {value!r}")
        return value

    def choice(self, key: str, choices: Iterable[str], default: str | None = None) -> str | None:
        allowed = tuple(choices)
        value = self.text(key, default)
        if value is not None and value not in allowed:
            raise self.error(key, f"{value!r} is not one of {', '.join(allowed)}")
        return value

    def flag(self, key: str, default: bool = False) -> bool:
        value = self.raw(key, default)
        if not isinstance(value, bool):
            raise self.error(key, f"must be true or false, not {value!r}")
        return value

    def number(self, key: str, default: float) -> float:
        value = self.raw(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.error(key, f"must be a number, not {value!r}")
        return float(value)

    def words(self, key: str, *, required: bool = False, lower: bool = True) -> tuple[str, ...]:
        """A list of strings (a single string is not accepted: write ``[word]``)."""
        value = self.raw(key)
        if value is None:
            if required:
                raise self.error(key, "is required (a list of words)")
            return ()
        if not isinstance(value, list):
            raise self.error(key, f"must be a list of words, not {value!r}")
        out = []
        for i, item in enumerate(value):
            if not isinstance(item, str):
                lines = getattr(value, "lines", [])
                raise DataError(
                    f"{self._name(key)}item {item!r} must be text (quote it)",
                    path=self.path,
                    line=lines[i] if i < len(lines) else self.lines.get(key, self.line),
                )
            out.append(item.lower() if lower else item)
        return tuple(out)

    def mapping(self, key: str, *, required: bool = False) -> Fields:
        value = self.raw(key)
        if value is None:
            if required:
                raise self.error(key, "is required (a mapping)")
            value = Mapping()
            value.lines = {}
        where = ".".join(p for p in (self.where, key) if p)
        return Fields(value, self.path, where, self.lines.get(key, self.line))

    def items(self) -> list[tuple[str, Any]]:
        """Every (key, value), all marked read: for mappings whose keys are data."""
        self.read.update(self.data)
        return list(self.data.items())

    def done(self) -> None:
        """Raise for the first key that was never read: an unknown or misspelt key."""
        for key in self.data:
            if key not in self.read:
                raise self.error(key, "unknown key (misspelt?)")
