"""dyads: evidence-linked networks of political and armed actors from news and analysis.

The public API (pinned by ``tests/test_public_api.py``)::

    import dyads
    for rel in dyads.extract(["samples/"]):          # Relation records, no database
        print(rel.to_dict())
    report = dyads.ingest(["samples/"], "dyads.duckdb")
    with dyads.open("dyads.duckdb") as store:        # read the store
        ...
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

from dyads.errors import DyadsError, QueryError, SourceError, StoreError  # noqa: E402
from dyads.records import (  # noqa: E402
    Actor,
    ActorRef,
    Document,
    Evidence,
    Mention,
    ProcessedDocument,
    Relation,
    Sentence,
)
from dyads.settings import Settings  # noqa: E402

if TYPE_CHECKING:
    from dyads.ingest import IngestReport, ingest
    from dyads.pipeline import Pipeline
    from dyads.sources import RecordFields
    from dyads.store import Store

#: Names imported on first use, so that ``import dyads`` (and every command that only reads a
#: store) does not pay for spaCy, DuckDB or the pipeline: PEP 562 module ``__getattr__``.
_LAZY = {
    "IngestReport": "dyads.ingest",
    "ingest": "dyads.ingest",
    "Pipeline": "dyads.pipeline",
    "Store": "dyads.store",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'dyads' has no attribute {name!r}")


def extract(
    paths: Iterable[str | Path],
    settings: Settings | None = None,
    *,
    fields: RecordFields | None = None,
) -> Iterator[Relation]:
    """Relations from files and folders, without a database. Unreadable files are skipped; use
    ``Pipeline.run`` to see their errors. ``fields`` names the JSONL/CSV fields that hold the
    text, id, date and title (:class:`dyads.sources.RecordFields`)."""
    from dyads.pipeline import Pipeline
    from dyads.sources import DEFAULT_FIELDS, read_paths

    pipe = Pipeline(settings)
    for item in pipe.run(read_paths(paths, fields=fields or DEFAULT_FIELDS)):
        if isinstance(item, ProcessedDocument):
            yield from item.relations


def open(db: str | Path = "dyads.duckdb") -> Store:  # noqa: A001  (dyads.open, like io.open)
    """Open a store read-only (use as a context manager)."""
    from dyads.store import Store

    return Store(db, read_only=True)


__all__ = [
    "Actor",
    "ActorRef",
    "Document",
    "DyadsError",
    "Evidence",
    "IngestReport",
    "Mention",
    "Pipeline",
    "ProcessedDocument",
    "QueryError",
    "Relation",
    "Sentence",
    "Settings",
    "SourceError",
    "Store",
    "StoreError",
    "__version__",
    "extract",
    "ingest",
    "open",
]
