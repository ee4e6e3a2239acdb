"""What the Spark executors run: plain functions of rows, with no Spark import.

Each function here is the local ingest's own code (readers, pipeline, ``batch_tables``,
``StoryIndex``) wrapped for ``mapPartitions``, ``mapInArrow`` and ``applyInPandas``. The spaCy
model is loaded once per executor process (:func:`pipeline`), on its first batch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from dyads.errors import SourceError
from dyads.records import Document, text_hash
from dyads.settings import Settings
from dyads.sources import RecordFields, read_file
from dyads.store import batch_tables
from dyads.store.schema import ARROW, COLUMNS, Column
from dyads.stories import StoryIndex

if TYPE_CHECKING:
    import pandas as pd

    from dyads.pipeline import Pipeline

#: Items of one file: its sequence numbers are ``file << ITEM_BITS | item``, the local order.
ITEM_BITS = 32

_S = pa.string()
#: What the read pass yields per item of a file: a document, an error or a warning.
READ_SCHEMA = pa.schema(
    [
        ("seq", pa.int64()),
        ("kind", _S),  # doc, error or warning
        ("id", _S),
        ("text", _S),
        ("path", _S),
        ("url", _S),
        ("title", _S),
        ("date", _S),
        ("outlet", _S),
        ("line", pa.int32()),
        ("source", _S),
        ("text_hash", _S),
        ("code", _S),
        ("message", _S),
    ]
)
#: The columns of a document handed to the process pass.
DOC_COLUMNS = ("seq", "id", "text", "path", "url", "title", "date", "outlet", "line", "source")
#: The tables the process pass writes, each a STRUCT column of the store's schema: a row of the
#: output is one row of one table (``table`` names it), with its document's ``seq``.
PROCESSED_TABLES = ("documents", "sentences", "mentions", "actors", "relations")
PROCESSED_SCHEMA = pa.schema(
    [("seq", pa.int64()), ("table", _S)]
    + [(name, pa.struct(list(ARROW[name]))) for name in PROCESSED_TABLES]
)


def table_columns(name: str) -> tuple[Column, ...]:
    return COLUMNS[name]


# -- 1. read -------------------------------------------------------------------------------------
def error_row(file_no: int, item: int, err: SourceError) -> tuple[Any, ...]:
    return _row(
        file_no, item, "error", code=err.code, message=str(err), path=err.path, line=err.line
    )


def _row(file_no: int, item: int, kind: str, **values: Any) -> tuple[Any, ...]:
    values["seq"] = (file_no << ITEM_BITS) | item
    values["kind"] = kind
    return tuple(values.get(name) for name in READ_SCHEMA.names)


def reader(
    settings: Settings, fields: RecordFields
) -> Callable[[Iterable[tuple[int, str]]], Iterator[tuple[Any, ...]]]:
    """For ``mapPartitions`` over (file number, path): the rows of :data:`READ_SCHEMA`."""

    def read(files: Iterable[tuple[int, str]]) -> Iterator[tuple[Any, ...]]:
        for file_no, name in files:
            yield from read_one(file_no, name, settings, fields)

    return read


def read_one(
    file_no: int, name: str, settings: Settings, fields: RecordFields
) -> Iterator[tuple[Any, ...]]:
    """The rows of one file: its documents (cut to ``max_chars`` as the local ingest cuts them),
    errors and warnings, numbered in the order the local ingest meets them."""
    from dyads.ingest import cut_text

    warnings: list[tuple[str, str]] = []
    item = 0

    def numbered(kind: str, **values: Any) -> tuple[Any, ...]:
        nonlocal item
        item += 1
        return _row(file_no, item - 1, kind, **values)

    def notes() -> Iterator[tuple[Any, ...]]:
        while warnings:
            path, message = warnings.pop(0)
            yield numbered("warning", path=path, message=message)

    for got in read_file(
        Path(name),
        lambda p, m: warnings.append((p, m)),
        fields,
        max_file_bytes=settings.max_file_bytes,
    ):
        if isinstance(got, SourceError):
            yield from notes()
            yield numbered("error", code=got.code, message=str(got), path=got.path, line=got.line)
            continue
        doc, note = cut_text(got, settings.max_chars)
        if note:
            warnings.append(note)
        yield from notes()
        yield numbered(
            "doc",
            id=doc.id,
            text=doc.text,
            path=doc.path,
            url=doc.url,
            title=doc.title,
            date=doc.date,
            outlet=doc.outlet,
            line=doc.line,
            source=doc.source,
            text_hash=text_hash(doc.text),
        )
    yield from notes()


# -- 3. process ----------------------------------------------------------------------------------
@lru_cache(maxsize=2)
def pipeline(settings: Settings) -> Pipeline:
    """The pipeline of this executor process, loaded on first use (a Python worker process runs
    many tasks: Spark reuses its workers)."""
    from dyads.pipeline import Pipeline

    return Pipeline(settings)


def processor(settings: Settings) -> Callable[[Iterable[pa.RecordBatch]], Iterator[pa.RecordBatch]]:
    """For ``mapInArrow`` over documents (:data:`DOC_COLUMNS`): batches of
    :data:`PROCESSED_SCHEMA`, the rows :func:`dyads.store.batch_tables` gives."""

    def run(batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            rows = sorted(batch.to_pylist(), key=lambda r: r["seq"])
            for at in range(0, len(rows), settings.docs_per_batch):
                chunk = rows[at : at + settings.docs_per_batch]
                out = process_rows(chunk, settings)
                if out.num_rows:
                    yield out

    return run


def process_rows(rows: Sequence[dict[str, Any]], settings: Settings) -> pa.RecordBatch:
    """Documents (rows of :data:`DOC_COLUMNS`, in reading order) processed into one batch of
    :data:`PROCESSED_SCHEMA`."""
    seq_of = {r["id"]: r["seq"] for r in rows}
    docs = [Document(**{k: v for k, v in r.items() if k != "seq"}) for r in rows]
    done = pipeline(settings).process_batch(docs)
    tables = batch_tables(done)
    actor_seq: dict[str, int] = {}
    for p in done:
        for a in p.actors:
            actor_seq.setdefault(a.id, seq_of[p.document.id])
    parts: list[pa.RecordBatch] = []
    for name in PROCESSED_TABLES:
        table = tables[name].combine_chunks()
        n = table.num_rows
        if not n:
            continue
        keys = table.column("id" if name in ("documents", "actors") else "doc_id").to_pylist()
        seqs = [actor_seq[k] for k in keys] if name == "actors" else [seq_of[k] for k in keys]
        columns: list[pa.Array] = [pa.array(seqs, pa.int64()), pa.array([name] * n, _S)]
        for other in PROCESSED_TABLES:
            kind = PROCESSED_SCHEMA.field(other).type
            if other == name:
                columns.append(
                    pa.StructArray.from_arrays(
                        [
                            c.combine_chunks() if isinstance(c, pa.ChunkedArray) else c
                            for c in table.columns
                        ],
                        fields=list(kind),
                    )
                )
            else:
                columns.append(pa.nulls(n, kind))
        parts.append(pa.RecordBatch.from_arrays(columns, schema=PROCESSED_SCHEMA))
    if not parts:
        return pa.RecordBatch.from_pylist([], schema=PROCESSED_SCHEMA)
    return pa.Table.from_batches(parts).combine_chunks().to_batches()[0]


# -- 4. stories ----------------------------------------------------------------------------------
@lru_cache(maxsize=2)
def _index(threshold: float, num_perm: int) -> StoryIndex:
    return StoryIndex(threshold, num_perm)


def band_keys(settings: Settings) -> Callable[[Sequence[int] | None], list[int]]:
    """For a UDF over a document's fingerprint: its band keys (:meth:`StoryIndex.band_keys`)."""
    threshold, num_perm = settings.story_threshold, settings.story_num_perm

    def keys(fp: Sequence[int] | None) -> list[int]:
        return _index(threshold, num_perm).band_keys(list(fp or ()))

    return keys


def connected(buckets: Iterable[Sequence[int]]) -> dict[int, int]:
    """Documents (by sequence number) that share a bucket with another, each mapped to its
    group: the smallest sequence number among the documents connected to it through buckets."""
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    for seqs in buckets:
        first = seqs[0]
        parent.setdefault(first, first)
        for s in seqs[1:]:
            parent.setdefault(s, s)
            a, b = find(first), find(s)
            if a != b:
                parent[max(a, b)] = min(a, b)
    return {s: find(s) for s in parent}


def replayer(settings: Settings) -> Callable[[pd.DataFrame], pd.DataFrame]:
    """For ``applyInPandas`` over one group of connected documents (``seq``, ``id``,
    ``fingerprint``): their stories (``id``, ``story``), assigned in reading order by a
    :class:`StoryIndex`, as the local ingest assigns them."""

    def replay(group: pd.DataFrame) -> pd.DataFrame:
        import pandas as pd

        index = StoryIndex(
            settings.story_threshold, settings.story_num_perm, window=settings.story_window
        )
        group = group.sort_values("seq")
        stories = [
            index.assign(doc_id, [int(v) for v in fp])
            for doc_id, fp in zip(group["id"], group["fingerprint"], strict=True)
        ]
        return pd.DataFrame({"id": list(group["id"]), "story": stories})

    return replay
