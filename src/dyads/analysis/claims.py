"""One way to read claims: the table best for a filter on one side, with its documents' fields.

A query that filters claims on their source (or target) reads the store's copy sorted on that
side when it is fresh (:mod:`dyads.store.clustered`), else ``relations`` joined to its documents:
:func:`claim_table` chooses, and the :class:`ClaimTable` it returns writes the SQL that differs
between the two (the ``FROM`` clause, the membership test that names the hierarchy's tops, the
partner a claim counts for under roll-up). Every analysis module reads claims through it, so none
of them knows whether the copies exist.

Either way the rows have every ``relations`` column and ``doc``, a STRUCT of the document's
fields (:data:`~dyads.store.clustered.DOC_FIELDS`: ``r.doc.story_id``, ``r.doc.date``, ...).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dyads.store import Store
from dyads.store.clustered import (
    doc_struct,
    ids_sql,
    is_clustered,
    member_sql,
    relations_tables,
)
from dyads.store.hierarchy import Hierarchy, rollup_cte

__all__ = ["CITATION_COLUMNS", "ClaimTable", "claim_table", "claim_tables", "ids_sql"]

#: The columns of one piece of evidence from a :class:`ClaimTable` aliased ``r`` and the actors
#: ``att`` (who it is attributed to) joined to it: the fields of a
#: :class:`~dyads.analysis.results.Citation`, with the relation's id, type and actor names.
CITATION_COLUMNS = """
    r.id, r.relation, r.source_id, r.target_id, r.kinds, r.modality, r.polarity,
    r.attributed_to, att.name AS attributed_name, r.date, r.role, r.confidence, r.doc_id,
    r.doc.path AS path, r.doc.url AS url, r.doc.title AS title, r.doc.date AS doc_date,
    r.doc.outlet AS outlet, r.doc.story_id AS story_id, r.evidence, r.start, r."end"
"""


@dataclass(frozen=True)
class ClaimTable:
    """Claims to be filtered on ``side`` (``source`` or ``target``) of one open store."""

    store: Store
    side: str
    table: str

    @property
    def clustered(self) -> bool:
        return is_clustered(self.table)

    @property
    def sql(self) -> str:
        """A ``FROM`` item (alias it ``r``) with every relations column and ``doc``."""
        if self.clustered:
            return self.table
        return (
            f"(SELECT r.*, {doc_struct('d')} AS doc FROM {self.table} r "
            "JOIN documents d ON d.id = r.doc_id)"
        )

    #: A condition that keeps claims whose document is stored (a copy's ``doc`` is NULL when its
    #: document is missing; the join of the plain table drops such claims itself).
    found = "r.doc IS NOT NULL"

    def member(self, column: str, ids: list[str], alias: str = "r") -> tuple[str, list[Any]]:
        """SQL (and params) for ``<alias>.<column>`` being one of ``ids``; on a sorted copy it
        also names their tops in the hierarchy, so DuckDB reads only their row groups."""
        return member_sql(self.store, self.table, column, ids, alias=alias)

    def partner(self, column: str, hier: Hierarchy | None) -> tuple[str, str, list[Any]]:
        """(SQL for the actor a claim in ``r`` counts for on ``column``, a join it needs, the
        join's params): the actor itself, or with a hierarchy the top it rolls up to: a sorted
        copy's ``source_top``/``target_top``, the hierarchy's mapping joined otherwise."""
        if hier is None:
            return f"r.{column}", "", []
        if self.clustered:
            return f"r.{column.removesuffix('_id')}_top", "", []
        cte, params = rollup_cte(hier, "h")
        return (
            f"coalesce(h.up, r.{column})",
            f"LEFT JOIN (WITH {cte} SELECT * FROM h) h ON h.id = r.{column}",
            params,
        )


def claim_table(store: Store, side: str) -> ClaimTable:
    """The claims of ``store`` to filter on ``side`` (``source`` or ``target``)."""
    return claim_tables(store)[side]


def claim_tables(store: Store) -> dict[str, ClaimTable]:
    """Both sides' :class:`ClaimTable` (one look at which copies are fresh)."""
    return {side: ClaimTable(store, side, t) for side, t in relations_tables(store).items()}
