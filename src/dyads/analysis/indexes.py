"""Indexes for the pair queries (dyad, supporters, leverage). Call after an ingest."""

from __future__ import annotations

from dyads.store import Store

#: (index name, table, columns).
INDEXES: tuple[tuple[str, str, str], ...] = (
    ("relations_source", "relations", "source_id"),
    ("relations_target", "relations", "target_id"),
    ("documents_story", "documents", "story_id"),
    ("mentions_actor", "mentions", "actor_id"),
)


def ensure_indexes(store: Store) -> None:
    """Create the indexes the analysis queries use, if missing (needs a writable store)."""
    for name, table, cols in INDEXES:
        store.con.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({cols})")
