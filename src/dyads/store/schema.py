"""The store's tables, declared once: each column's name, DuckDB type and Arrow type, from which
the DuckDB DDL (``TABLES``) and the Arrow schemas of a processed batch (``ARROW``) are derived.

Plain DuckDB tables that export to Parquet as they are, so the web app and a distributed run can
read them without dyads. Bump SCHEMA_VERSION on any change.

Only ``meta``, ``documents``, ``sources`` and ``actors`` have a PRIMARY KEY (one key per document,
source or actor): DuckDB keeps each key's ART index in memory for as long as the database is open,
and the per-document tables hold ~30 rows per document (measured ~0.8 kB of ART per document with keys on ``sentences`` and ``relations``).
Their rows are written only with a document that is not yet stored, in the same transaction
(``Store.write``), so the document key alone keeps them free of duplicates.

Version 2: no PRIMARY KEY on ``sentences`` and ``relations``.
Version 3: ``actors.generic`` (an actor without a name: "Islamist militants"); ``relations.event``
and ``relations.event_mode`` (the PLOVER event type and mode the cue names: ACCUSE, disapprove).
Version 4: ``meta`` holds the marker ``application = dyads``, so that an ingest into another
application's DuckDB file is refused instead of adding tables to it; ``sources`` maps each source
(a file's absolute path, plus ``#<record id>`` or ``:<line>`` for a record) to the id of its
document and a hash of its text, so that an edited file replaces its document (the edit rule); a
record id already held by another file's record is scoped to its file (``<id>~<8 hex>``).
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa

__all__ = ["ARROW", "COLUMNS", "Column", "DOCUMENT_TABLES", "MARKER", "SCHEMA_VERSION", "TABLES"]

SCHEMA_VERSION = 4
#: The rows of ``meta`` that make a DuckDB file a dyads store.
MARKER = {"application": "dyads", "schema_version": str(SCHEMA_VERSION)}


@dataclass(frozen=True)
class Column:
    name: str
    duck: str  # DuckDB type, with any constraint
    arrow: pa.DataType

    @property
    def ddl(self) -> str:
        quoted = f'"{self.name}"' if self.name in ("end",) else self.name
        return f"{quoted} {self.duck}"


def _c(name: str, duck: str, arrow: pa.DataType) -> Column:
    return Column(name, duck, arrow)


_S, _I, _F, _B = pa.string(), pa.int32(), pa.float64(), pa.bool_()

COLUMNS: dict[str, tuple[Column, ...]] = {
    "meta": (
        _c("key", "VARCHAR PRIMARY KEY", _S),
        _c("value", "VARCHAR", _S),
    ),
    "documents": (
        _c("id", "VARCHAR PRIMARY KEY", _S),
        _c("path", "VARCHAR", _S),
        _c("url", "VARCHAR", _S),
        _c("title", "VARCHAR", _S),
        _c("date", "VARCHAR", _S),
        _c("outlet", "VARCHAR", _S),
        _c("story_id", "VARCHAR", _S),
        _c("scramble", "DOUBLE", _F),
        _c("n_sentences", "INTEGER", _I),
        _c("n_chars", "INTEGER", _I),
        _c("repairs", "VARCHAR", _S),
        _c("fingerprint", "BIGINT[]", pa.list_(pa.int64())),
        _c("text", "VARCHAR", _S),
    ),
    "sources": (
        _c("source", "VARCHAR PRIMARY KEY", _S),
        _c("doc_id", "VARCHAR", _S),
        _c("text_hash", "VARCHAR", _S),
    ),
    "sentences": (
        _c("doc_id", "VARCHAR", _S),
        _c("idx", "INTEGER", _I),
        _c("start", "INTEGER", _I),
        _c("end", "INTEGER", _I),
        _c("text", "VARCHAR", _S),
    ),
    "actors": (
        _c("id", "VARCHAR PRIMARY KEY", _S),
        _c("name", "VARCHAR", _S),
        _c("type", "VARCHAR", _S),
        _c("country", "VARCHAR", _S),
        _c("parent", "VARCHAR", _S),
        _c("aliases", "VARCHAR[]", pa.list_(_S)),
        _c("origin", "VARCHAR", _S),
        _c("generic", "BOOLEAN", _B),
    ),
    "mentions": (
        _c("doc_id", "VARCHAR", _S),
        _c("sentence", "INTEGER", _I),
        _c("start", "INTEGER", _I),
        _c("end", "INTEGER", _I),
        _c("text", "VARCHAR", _S),
        _c("actor_id", "VARCHAR", _S),
        _c("rule", "VARCHAR", _S),
    ),
    "relations": (
        _c("id", "VARCHAR", _S),
        _c("relation", "VARCHAR", _S),
        _c("source_id", "VARCHAR", _S),
        _c("source_mention", "VARCHAR", _S),
        _c("target_id", "VARCHAR", _S),
        _c("target_mention", "VARCHAR", _S),
        _c("kinds", "VARCHAR[]", pa.list_(_S)),
        _c("role", "VARCHAR", _S),
        _c("date", "VARCHAR", _S),
        _c("modality", "VARCHAR", _S),
        _c("polarity", "VARCHAR", _S),
        _c("attributed_to", "VARCHAR", _S),
        _c("doc_id", "VARCHAR", _S),
        _c("sentence", "INTEGER", _I),
        _c("start", "INTEGER", _I),
        _c("end", "INTEGER", _I),
        _c("evidence", "VARCHAR", _S),
        _c("confidence", "DOUBLE", _F),
        _c("cue", "VARCHAR", _S),
        _c("event", "VARCHAR", _S),
        _c("event_mode", "VARCHAR", _S),
    ),
}

#: DuckDB column definitions of each table (``CREATE TABLE name (...)``).
TABLES: dict[str, str] = {
    name: ",\n        ".join(c.ddl for c in cols) for name, cols in COLUMNS.items()
}

#: Arrow schemas of the rows a processed batch writes (every table but ``meta``).
ARROW: dict[str, pa.Schema] = {
    name: pa.schema([(c.name, c.arrow) for c in cols])
    for name, cols in COLUMNS.items()
    if name != "meta"
}

#: Tables written per document, in insertion order.
DOCUMENT_TABLES = ("documents", "sentences", "mentions", "relations")
