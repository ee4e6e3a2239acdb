"""The actor hierarchy the store's ``actors.parent`` column describes, and who rolls up to whom.

The chain is ``actors.parent``. An actor rolls up to its parent when its own type is one of
:data:`ROLLUP_TYPES` (the state apparatus), and so on up the chain: ``quds-force`` (military) ->
``irgc`` (military) -> ``iran.military`` (military) -> ``iran`` (state, the top). A government
and a military roll up to their state; an armed group's wing (``qassam-brigades``, parent
``hamas``) does not, because a wing is an actor of its own in the sources.

It lives in the store layer because the store's sorted copies (:mod:`dyads.store.clustered`)
keep each actor's family together; :mod:`dyads.analysis.rollup` builds roll-up queries on it.
Only actors with a parent are loaded (a few thousand rows at most).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dyads.store import Store

#: Types whose evidence counts for their parent.
ROLLUP_TYPES = frozenset({"intelligence_agency", "military", "government", "police"})


@dataclass
class Hierarchy:
    """Who rolls up to whom: ``up[id]`` is the direct parent for actors that roll up."""

    up: dict[str, str] = field(default_factory=dict)

    def top(self, actor_id: str) -> str:
        """The actor ``actor_id`` rolls up to (itself when it does not roll up)."""
        seen = {actor_id}
        while actor_id in self.up:
            actor_id = self.up[actor_id]
            if actor_id in seen:  # a cycle in user data: stop
                break
            seen.add(actor_id)
        return actor_id

    def chain(self, actor_id: str) -> list[str]:
        """``actor_id`` and every actor above it, bottom first."""
        out = [actor_id]
        while out[-1] in self.up and self.up[out[-1]] not in out:
            out.append(self.up[out[-1]])
        return out

    def family(self, actor_id: str) -> list[str]:
        """``actor_id`` and every actor below it that rolls up through it (sorted, itself first)."""
        below: set[str] = set()
        todo = [actor_id]
        while todo:
            for child in self._children.get(todo.pop(), ()):
                if child != actor_id and child not in below:
                    below.add(child)
                    todo.append(child)
        return [actor_id, *sorted(below)]

    @cached_property
    def _children(self) -> dict[str, list[str]]:
        """``{parent: [actors whose parent it is]}``, built once (``up`` is not changed after)."""
        out: dict[str, list[str]] = {}
        for child, parent in self.up.items():
            out.setdefault(parent, []).append(child)
        return out

    def signature(self) -> str:
        """A short hash of the whole hierarchy: equal signatures, equal ``top`` for every actor."""
        text = json.dumps(sorted(self.up.items()), separators=(",", ":"))
        return hashlib.sha256(text.encode()).hexdigest()[:16]

    def mapping(self, ids: Iterable[str] | None = None) -> dict[str, str]:
        """``{id: top}`` for every actor (or every actor of ``ids``) that rolls up elsewhere."""
        keys = self.up.keys() if ids is None else ids
        return {a: t for a in keys if (t := self.top(a)) != a}


def load_hierarchy(store: Store) -> Hierarchy:
    """The store's hierarchy (read once per open read-only store)."""
    return store.memo("hierarchy", lambda: read_hierarchy(store))


def read_hierarchy(store: Store) -> Hierarchy:
    """The hierarchy as the store holds it now (not the one a read-only store remembers)."""
    rows = store.con.execute(
        "SELECT id, type, parent FROM actors WHERE parent IS NOT NULL"
    ).fetchall()
    return Hierarchy({i: p for i, t, p in rows if t in ROLLUP_TYPES and p and p != i})


def rollup_cte(hier: Hierarchy | None, name: str = "ru") -> tuple[str, list[object]]:
    """A SQL CTE ``name(id, up)`` mapping actors to the actor they roll up to (empty if None)."""
    mapping = hier.mapping() if hier else {}
    sql = f"{name} AS (SELECT unnest(?::VARCHAR[]) AS id, unnest(?::VARCHAR[]) AS up)"
    return sql, [list(mapping), list(mapping.values())]
