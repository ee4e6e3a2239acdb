"""Reading gold files (format: docs/gold.md): shared by the relation and mention evaluations.

Gold files are JSON Lines; each line names a document (``path`` or ``path#id``, relative to the
repository root) and refers to actors by id, by any name the gazetteer knows, or by the name of an
actor it does not know (compared by slug).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dyads.actors.gazetteer import Gazetteer, slug
from dyads.errors import DataError
from dyads.records import Document
from dyads.sources import read_paths

__all__ = ["actor_ids", "find_document", "read_lines"]


def read_lines(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, record) for each non-blank line; a bad file or line raises DataError
    naming it."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise DataError(f"cannot read gold file ({err.strerror or err})", path=str(path)) from err
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as err:
            raise DataError(f"invalid JSON ({err.msg})", path=str(path), line=n) from err
        if not isinstance(rec, dict):
            raise DataError("a gold line must be a JSON object", path=str(path), line=n)
        yield n, rec


def find_document(ref: str, root: Path) -> Document | None:
    """The document a gold line names (``path`` or ``path#id`` under ``root``), or None."""
    rel, _, rid = ref.partition("#")
    for item in read_paths([root / rel]):
        if not isinstance(item, Document):
            continue
        if not rid or item.id == rid or (item.path or "").endswith(f"#{rid}"):
            return item
    return None


def actor_ids(gaz: Gazetteer, ref: str) -> list[str]:
    """The actor ids a gold reference may mean, best first: the id itself, else every actor the
    gazetteer knows by that name, else the slug of the name (an actor the gazetteer lacks)."""
    if gaz.get(ref) is not None:
        return [ref]
    return [a.id for a in gaz.lookup(ref)] or [slug(ref)]
