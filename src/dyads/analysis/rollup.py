"""Hierarchy roll-up: evidence about an intelligence agency counts for its military and its state.

The chain is ``actors.parent``. An actor rolls up to its parent when its own type is one of
:data:`ROLLUP_TYPES` (the state apparatus), and so on up the chain: ``quds-force`` (military) ->
``irgc`` (military) -> ``iran.military`` (military) -> ``iran`` (state, the top). A government
and a military roll up to their state; an armed group's wing (``qassam-brigades``, parent
``hamas``) does not, because a wing is an actor of its own in the sources.

Only actors with a parent are loaded (a few thousand rows at most), once per call.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

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
        below = sorted(a for a in self.up if a != actor_id and actor_id in self.chain(a)[1:])
        return [actor_id, *below]

    def mapping(self, ids: Iterable[str] | None = None) -> dict[str, str]:
        """``{id: top}`` for every actor (or every actor of ``ids``) that rolls up elsewhere."""
        keys = self.up.keys() if ids is None else ids
        return {a: t for a in keys if (t := self.top(a)) != a}


def load_hierarchy(store: Store) -> Hierarchy:
    """The store's hierarchy (read once per open read-only store)."""
    return store.memo("hierarchy", lambda: _read_hierarchy(store))


def _read_hierarchy(store: Store) -> Hierarchy:
    rows = store.con.execute(
        "SELECT id, type, parent FROM actors WHERE parent IS NOT NULL"
    ).fetchall()
    return Hierarchy({i: p for i, t, p in rows if t in ROLLUP_TYPES and p and p != i})


def family(store: Store, actor_id: str, roll_up: bool) -> list[str]:
    """The ids whose evidence counts for ``actor_id``: itself, and its subordinates if ``roll_up``."""
    return load_hierarchy(store).family(actor_id) if roll_up else [actor_id]


#: The claims of ``relations r`` with their document ``d`` and, as ``rs.up`` / ``rt.up``, the
#: actors their source and target roll up to (NULL when they do not), after :func:`rollup_cte`.
ROLLED_FROM = """FROM relations r JOIN documents d ON d.id = r.doc_id
            LEFT JOIN ru rs ON rs.id = r.source_id LEFT JOIN ru rt ON rt.id = r.target_id"""
#: The rolled-up source and target of a claim in :data:`ROLLED_FROM`.
ROLLED_SOURCE = "coalesce(rs.up, r.source_id)"
ROLLED_TARGET = "coalesce(rt.up, r.target_id)"


def rollup_cte(hier: Hierarchy | None, name: str = "ru") -> tuple[str, list[object]]:
    """A SQL CTE ``name(id, up)`` mapping actors to the actor they roll up to (empty if None)."""
    mapping = hier.mapping() if hier else {}
    sql = f"{name} AS (SELECT unnest(?::VARCHAR[]) AS id, unnest(?::VARCHAR[]) AS up)"
    return sql, [list(mapping), list(mapping.values())]
