"""Store: DuckDB tables for documents, sentences, mentions, actors and relations.

Every batch of documents is written in one transaction, so an interrupted ingest leaves whole
documents or none. Documents are keyed by id (a hash of their text), so re-running an ingest
stores nothing twice; the ``sources`` table maps each source (a file, or a record of one) to its
document, so a source whose text changed replaces its old document (``Store.write``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import duckdb
import pyarrow as pa

from dyads.errors import StoreBusy, StoreError
from dyads.records import Document, ProcessedDocument, text_hash
from dyads.store.schema import ARROW, MARKER, SCHEMA_VERSION, TABLES

__all__ = [
    "SCHEMA_VERSION",
    "Store",
    "TABLES",
    "Written",
    "batch_tables",
    "ensure_indexes",
    "relations_table",
]

T = TypeVar("T")

DEFAULT_DB = "dyads.duckdb"
# DuckDB's buffer pool for a writable store. DuckDB's default (80% of RAM) lets it keep every
# block it has written cached, so an ingest's memory grew with the store (~5.5 kB per document
# measured); with a cap, older blocks are evicted and large sorts (``ensure_indexes``) spill to
# ``<db>.tmp``. Read-only stores keep DuckDB's default, for query speed. Measured with
# bench/store_bench.py (30k documents, parse replayed): peak RSS 536 MB at 512MB, 425 MB at
# 128MB, 385 MB at 64MB; store time +6% and +19%.
WRITE_MEMORY_LIMIT = "128MB"


#: Rows per row group in the tables a writable store writes (DuckDB's default is 122,880). A pair
#: query on a sorted relations copy decompresses a whole row group of every column it returns,
#: however few rows match; with small groups zone maps skip more. Measured on 1M relations
#: (bench/query_bench.py): 16,384 rows against the default, a one-actor lookup 7 -> 2.4 ms,
#: ``leverage`` p95 about 30% lower, the file 146 -> 239 MB; 8,192 against 16,384 (queries
#: interleaved on the two stores, 200 of each, both orders), mean ``leverage`` 8-13% lower,
#: ``supporters`` 6-13%, ``dyad`` 1-5%, the file 239 -> 254 MB (4,096: no faster, 413 MB).
#: The setting applies to writes only: any DuckDB reads the file as it is.
ROW_GROUP_SIZE = 8_192


def _connect(path: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    """A connection to the store at ``path``; writable stores are attached with ROW_GROUP_SIZE
    (a per-attach option, not kept in the file). A folder is a store of Parquet tables
    (:func:`_parquet_views`), read-only."""
    if path.is_dir():
        if not read_only:
            raise StoreError(
                "is a folder of Parquet tables (the output of 'dyads spark ingest'), which is "
                "read-only; ingest into a DuckDB file instead",
                path=str(path),
            )
        return _parquet_views(path)
    if read_only:
        return duckdb.connect(str(path), read_only=True)
    con = duckdb.connect()
    try:
        con.execute(f"ATTACH ? AS dyads (ROW_GROUP_SIZE {ROW_GROUP_SIZE})", [str(path)])
    except BaseException:
        con.close()
        raise
    con.execute("USE dyads")
    # an in-memory host connection would spill to ./.tmp; keep spills beside the store
    con.execute("SET temp_directory = ?", [f"{path}.tmp"])
    return con


#: The ``meta`` key of a Parquet store that holds the stamp of its sorted relation copies (the
#: table comment of a DuckDB store's copies, :func:`dyads.store.clustered.ensure_indexes`).
SORTED_STAMP = "sorted_copies"


def _parquet_views(folder: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with one view per table over ``folder/<table>/*.parquet`` (the layout
    ``dyads spark ingest`` writes): nothing is copied, DuckDB reads the files as queries need
    them. A table without a folder is an empty table of the store's schema; the sorted copies are
    views stamped fresh when ``meta`` holds their stamp (as the Spark job writes it)."""
    from dyads.store.clustered import CLUSTERED

    con = duckdb.connect()
    try:
        for name in [*TABLES, *CLUSTERED.values()]:
            files = sorted((folder / name).glob("*.parquet"))
            if files:
                listed = ", ".join("'" + str(f).replace("'", "''") + "'" for f in files)
                con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet([{listed}])")
            elif name in TABLES:
                con.execute(f"CREATE TEMP TABLE {name} ({TABLES[name]})")
        stamp = con.execute("SELECT value FROM meta WHERE key = ?", [SORTED_STAMP]).fetchall()
        if stamp:
            for table in CLUSTERED.values():
                if (folder / table).is_dir():
                    quoted = stamp[0][0].replace("'", "''")
                    con.execute(f"COMMENT ON VIEW {table} IS '{quoted}'")
    except BaseException:
        con.close()
        raise
    return con


class Store:
    """A DuckDB database file holding the network. Use as a context manager.

    Opening checks that the file is a dyads store of this schema version (its ``meta`` table holds
    the marker ``application = dyads``): another application's DuckDB file is refused before
    anything is added to it, and an empty one becomes a store. A store DuckDB cannot read (cut
    short, blocks failing their checksums) raises :class:`StoreError` naming the file, whether it
    shows on opening or in a query run inside the ``with`` block.
    """

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False) -> None:
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise StoreError(
                f"no database at {self.path}; run 'dyads ingest PATH --db {self.path}' first"
            )
        try:
            self.con = _connect(self.path, read_only)
        except duckdb.IOException as err:
            if "lock" in str(err).lower():
                # DuckDB lets one process write a file, or several read it, never both: a reader
                # during an ingest (or an ingest during a reader) lands here, nothing is damaged.
                raise StoreBusy(
                    f"database {self.path} is in use by another process (an ingest writing "
                    "to it, or a reader such as the web app); try again when it finishes"
                ) from err
            raise StoreError(
                f"cannot open as a DuckDB database ({_reason(err)})", path=str(self.path)
            ) from err
        except duckdb.Error as err:  # a header failing its checksum
            raise self.damaged(err) from err
        self.read_only = read_only
        self._memo: dict[str, Any] = {}
        try:
            if not read_only:
                self.con.execute(f"SET memory_limit = '{WRITE_MEMORY_LIMIT}'")
                self._create()
            else:
                self._check_version()
        except BaseException as err:
            self.con.close()
            if isinstance(err, duckdb.Error):
                raise self.damaged(err) from err
            raise

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: object, exc: BaseException | None, tb: object) -> None:
        try:
            self.close()
        except duckdb.Error:
            if exc is None:
                raise
        if isinstance(exc, duckdb.Error) and _is_damage(exc):
            raise self.damaged(exc) from exc

    def close(self) -> None:
        self.con.close()

    def damaged(self, err: duckdb.Error) -> StoreError:
        """The error for a store DuckDB could not read (or, for memory, work with)."""
        if isinstance(err, duckdb.OutOfMemoryException):
            return StoreError(
                f"DuckDB ran out of memory working on this database ({_reason(err)})",
                path=str(self.path),
            )
        return StoreError(
            f"database is damaged or unreadable ({_reason(err)}); restore it from a copy, or "
            "ingest again into a new file",
            path=str(self.path),
        )

    def _create(self) -> None:
        if not self._user_tables():  # a new (or empty) database: make it a store
            self.con.execute("BEGIN TRANSACTION")
            for name, cols in TABLES.items():
                self.con.execute(f"CREATE TABLE {name} ({cols})")
            self.con.executemany("INSERT INTO meta VALUES (?, ?)", list(MARKER.items()))
            self.con.execute("COMMIT")
        self._check_version()
        for name, cols in TABLES.items():  # a store of this version has them all; cheap if so
            self.con.execute(f"CREATE TABLE IF NOT EXISTS {name} ({cols})")

    def _user_tables(self) -> list[str]:
        rows = self.con.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_catalog = current_database() ORDER BY table_name"
        ).fetchall()
        return [r[0] for r in rows]

    def _check_version(self) -> None:
        try:
            meta = dict(self.con.execute("SELECT key, value FROM meta").fetchall())
        except duckdb.CatalogException:
            meta = {}
        version = meta.get("schema_version")
        if version is None:
            tables = ", ".join(self._user_tables()[:8]) or "none"
            raise StoreError(
                f"is a DuckDB database but not a dyads store (tables: {tables}); dyads keeps its "
                "network in a file of its own: choose another --db",
                path=str(self.path),
            )
        if version != str(SCHEMA_VERSION):
            raise StoreError(
                f"{self.path} has schema version {version}, this dyads needs {SCHEMA_VERSION}; "
                "re-ingest into a new file"
            )
        if meta.get("application") != MARKER["application"]:
            raise StoreError(
                "has a 'meta' table but not dyads' marker; not a dyads store: choose another --db",
                path=str(self.path),
            )

    # -- reading ---------------------------------------------------------------------------
    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """``compute()``, remembered under ``key`` while a read-only store is open.

        For facts derived from the whole store (the actor hierarchy, which relation tables are
        fresh) that a query would otherwise re-read each time. A read-only store cannot change
        while it is open (DuckDB's file lock keeps writers out); a writable one is never memoised.
        """
        if not self.read_only:
            return compute()
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, list(params))
        cols = [d[0] for d in cur.description or []]
        return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """The rows of ``sql`` as tuples, converted column by column through Arrow: for results
        of thousands of rows (a hub's claims) about a third faster than ``fetchall``, about a
        millisecond slower for a handful."""
        table = self.con.sql(sql, params=list(params)).to_arrow_table()
        return list(zip(*(c.to_pylist() for c in table.columns), strict=True))

    def counts(self) -> dict[str, int]:
        out = {}
        for name in TABLES:
            if name == "meta":
                continue
            out[name] = int(self.con.execute(f"SELECT count(*) FROM {name}").fetchall()[0][0])
        return out

    def known_documents(self, ids: Iterable[str]) -> set[str]:
        ids = list(ids)
        if not ids:
            return set()
        rows = self.con.execute(
            "SELECT id FROM documents WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids]
        ).fetchall()
        return {r[0] for r in rows}

    def fingerprints(self, last: int | None = None) -> Iterable[tuple[str, str, list[int]]]:
        """(document id, story id, fingerprint) for the stored documents (the ``last`` ones, if
        given), in insertion order."""
        # rowids follow insertion order; a filter on rowid is applied in the scan, so only the
        # rows kept are read and sorted. With documents deleted (edited sources) rowids have
        # gaps, and the rows from n - last on are a few more than the latest ``last``: harmless
        first = 0
        if last is not None:
            (n,) = self.con.execute("SELECT count(*) FROM documents").fetchall()[0]
            first = max(0, int(n) - last)
        cur = self.con.execute(
            "SELECT id, story_id, fingerprint FROM documents WHERE rowid >= ? ORDER BY rowid",
            [first],
        )
        while rows := cur.fetchmany(10_000):
            for doc_id, story_id, fp in rows:
                yield doc_id, story_id, list(fp or [])

    def fingerprints_of(self, ids: Sequence[str]) -> dict[str, list[int]]:
        """The fingerprints of the stored documents among ``ids``."""
        if not ids:
            return {}
        marks = ", ".join("?" * len(ids))  # a literal IN list: 2.5x faster than unnest(?)
        rows = self.con.execute(
            f"SELECT id, fingerprint FROM documents WHERE id IN ({marks})", list(ids)
        ).fetchall()
        return {doc_id: list(fp or []) for doc_id, fp in rows}

    def sources_of(self, sources: Iterable[str]) -> dict[str, tuple[str, str]]:
        """(document id, text hash) of each of ``sources`` that is stored."""
        keys = list(sources)
        if not keys:
            return {}
        rows = self.con.execute(
            "SELECT source, doc_id, text_hash FROM sources "
            "WHERE source IN (SELECT unnest(?::VARCHAR[]))",
            [keys],
        ).fetchall()
        return {s: (i, h) for s, i, h in rows}

    def holders_of(self, ids: Iterable[str]) -> dict[str, dict[str, str]]:
        """For each of ``ids`` held by a source: {source: text hash}."""
        keys = list(ids)
        if not keys:
            return {}
        out: dict[str, dict[str, str]] = {}
        for s, i, h in self.con.execute(
            "SELECT source, doc_id, text_hash FROM sources "
            "WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))",
            [keys],
        ).fetchall():
            out.setdefault(i, {})[s] = h
        return out

    def superseded(self, batch: Sequence[ProcessedDocument]) -> list[str]:
        """The stored documents that writing ``batch`` will remove: those whose source now has a
        changed text (unless another source still holds them), also when the new text keeps the
        document's id (a record edited under the same id)."""
        return self._plan(_source_ids(d.document for d in batch))[2]

    # -- writing ---------------------------------------------------------------------------
    def write(self, batch: Sequence[ProcessedDocument], stories: dict[str, str]) -> Written:
        """Store ``batch`` in one transaction: its new documents, and the source of each.

        ``stories`` maps document id to story id. A document already stored (the same id and
        text) is not written again. A source whose stored document had another text now holds the
        new one, and the old document goes, with its sentences, mentions, relations and story
        membership, and the actors no other document refers to (the edit rule); a record edited
        under the same id is deleted and written again. An id is held by one text: the caller
        (``dyads.ingest``) scopes a record id that another source holds with another text.
        """
        pairs = _source_ids(p.document for p in batch)
        changed, in_place, gone = self._plan(pairs)
        known = self.known_documents(p.document.id for p in batch) - set(in_place)
        fresh: list[ProcessedDocument] = []
        for p in batch:
            if p.document.id not in known:
                known.add(p.document.id)
                fresh.append(p)
        rows = batch_tables(fresh, stories) if fresh else {}
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            if gone:  # before the inserts: an edited record keeps its id
                self._delete(gone)
            for name, table in rows.items():
                if table.num_rows == 0:
                    continue
                con.register("_batch", table)
                cols = ", ".join(f'"{c}"' for c in table.column_names)
                if name == "actors":
                    con.execute(
                        f"INSERT INTO actors ({cols}) SELECT {cols} FROM _batch "
                        "WHERE id NOT IN (SELECT id FROM actors)"
                    )
                elif name == "relations":
                    # A relation id hashes its document id, so only relations of this batch's
                    # documents can clash: no hash table of every stored relation id per batch.
                    con.execute(
                        f"INSERT INTO relations ({cols}) SELECT {cols} FROM _batch "
                        "WHERE id NOT IN (SELECT id FROM relations "
                        "WHERE doc_id IN (SELECT doc_id FROM _batch))"
                    )
                else:
                    con.execute(f"INSERT INTO {name} ({cols}) SELECT {cols} FROM _batch")
                con.unregister("_batch")
            self._set_sources(pairs, changed)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        return Written(len(fresh), sum(1 for old in changed.values() if old), tuple(gone))

    def link(self, pairs: dict[str, tuple[str, str]]) -> Written:
        """Point each source of ``pairs`` (source -> (id, text hash) of a document stored, or
        being stored) at its document, in one transaction, as :meth:`write` does for a batch."""
        changed, _, gone = self._plan(pairs)
        if not changed:
            return Written(0)
        self.con.execute("BEGIN TRANSACTION")
        try:
            if gone:
                self._delete(gone)
            self._set_sources(pairs, changed)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return Written(0, sum(1 for old in changed.values() if old), tuple(gone))

    def _plan(
        self, pairs: dict[str, tuple[str, str]]
    ) -> tuple[dict[str, tuple[str, str] | None], list[str], list[str]]:
        """What writing ``pairs`` (source -> (id, text hash)) changes: each source whose entry
        changes -> its old entry (None for a new source); the ids replaced in place (same id,
        another text); the ids to delete (those, and old documents no other source holds)."""
        current = self.sources_of(pairs)
        changed = {s: current.get(s) for s, v in pairs.items() if current.get(s) != v}
        in_place = sorted(
            {i for s, (i, _) in pairs.items() if (old := changed.get(s)) and old[0] == i}
        )
        olds = {old[0] for old in changed.values() if old} - {i for i, _ in pairs.values()}
        if not olds:
            return changed, in_place, in_place
        held = self.con.execute(
            "SELECT DISTINCT doc_id FROM sources WHERE doc_id IN (SELECT unnest(?::VARCHAR[])) "
            "AND source NOT IN (SELECT unnest(?::VARCHAR[]))",
            [sorted(olds), list(changed)],
        ).fetchall()
        return changed, in_place, sorted((olds - {r[0] for r in held}) | set(in_place))

    def _set_sources(
        self, pairs: dict[str, tuple[str, str]], changed: dict[str, tuple[str, str] | None]
    ) -> None:
        new = [(s, *pairs[s]) for s, old in changed.items() if old is None]
        moved = [(*pairs[s], s) for s, old in changed.items() if old is not None]
        if new:
            self.con.executemany("INSERT INTO sources VALUES (?, ?, ?)", new)
        if moved:
            self.con.executemany(
                "UPDATE sources SET doc_id = ?, text_hash = ? WHERE source = ?", moved
            )

    def _delete(self, ids: list[str]) -> None:
        """Delete documents ``ids`` with their rows, and the actors no document refers to any
        more; the sorted relation copies are dropped (rebuilt at the end of the ingest)."""
        from dyads.store.clustered import CLUSTERED

        con, arg = self.con, [ids]
        in_ids = "IN (SELECT unnest(?::VARCHAR[]))"
        actors = [
            r[0]
            for r in con.execute(
                f"""SELECT actor_id FROM mentions WHERE doc_id {in_ids}
                    UNION SELECT source_id FROM relations WHERE doc_id {in_ids}
                    UNION SELECT target_id FROM relations WHERE doc_id {in_ids}
                    UNION SELECT attributed_to FROM relations WHERE doc_id {in_ids}""",
                arg * 4,
            ).fetchall()
            if r[0] is not None
        ]
        for table in ("relations", "mentions", "sentences"):
            con.execute(f"DELETE FROM {table} WHERE doc_id {in_ids}", arg)
        con.execute(f"DELETE FROM documents WHERE id {in_ids}", arg)
        if actors:
            con.execute(
                f"""DELETE FROM actors WHERE id IN (SELECT unnest(?::VARCHAR[]))
                    AND id NOT IN (SELECT actor_id FROM mentions WHERE actor_id {in_ids})
                    AND id NOT IN (SELECT source_id FROM relations WHERE source_id {in_ids})
                    AND id NOT IN (SELECT target_id FROM relations WHERE target_id {in_ids})
                    AND id NOT IN (SELECT attributed_to FROM relations
                                   WHERE attributed_to {in_ids})""",
                [actors] * 5,
            )
        for table in CLUSTERED.values():  # the copies' freshness check counts rows only
            con.execute(f"DROP TABLE IF EXISTS {table}")


@dataclass(frozen=True)
class Written:
    """What a write did: documents stored, sources whose document was replaced (edited texts),
    ids of the documents removed with them."""

    documents: int
    replaced: int = 0
    removed: tuple[str, ...] = ()


def _source_ids(docs: Iterable[Document]) -> dict[str, tuple[str, str]]:
    """source -> (document id, text hash); a document without a source is its own."""
    return {d.source or d.id: (d.id, text_hash(d.text)) for d in docs}


def _reason(err: BaseException) -> str:
    return str(err).splitlines()[0] if str(err) else type(err).__name__


def _is_damage(err: duckdb.Error) -> bool:
    """Whether ``err`` says the file cannot be read as a database (cut short, failing its
    checksums) or DuckDB ran out of memory, rather than a bug in a query. DuckDB raises a bare
    ``duckdb.Error`` for a block whose checksum does not match."""
    return type(err) is duckdb.Error or isinstance(
        err,
        duckdb.IOException
        | duckdb.InternalException
        | duckdb.SerializationException
        | duckdb.FatalException
        | duckdb.OutOfMemoryException,
    )


def batch_tables(
    batch: Sequence[ProcessedDocument], stories: Mapping[str, str] | None = None
) -> dict[str, pa.Table]:
    """The rows ``batch`` adds to each per-document table (``documents``, ``sentences``,
    ``actors``, ``mentions``, ``relations``), as Arrow tables of the store's schema
    (:data:`dyads.store.schema.ARROW`). ``stories`` maps document id to story id (a document
    missing from it is a story of its own). An actor named by several documents is one row (the
    first document's); a mention or relation repeated inside a document is one row.

    What the local ingest inserts into DuckDB and the Spark job writes as Parquet."""
    stories = stories or {}
    docs, sents, ments, rels = [], [], [], []
    actors: dict[str, dict[str, Any]] = {}
    for p in batch:
        d = p.document
        docs.append(
            {
                "id": d.id,
                "path": d.path,
                "url": d.url,
                "title": d.title,
                "date": d.date,
                "outlet": d.outlet,
                "story_id": stories.get(d.id, d.id),
                "scramble": float(p.scramble),
                "n_sentences": len(p.sentences),
                "n_chars": len(d.text),
                "repairs": json.dumps(dict(p.repairs)) if p.repairs else None,
                "fingerprint": list(p.fingerprint),
                "text": d.text,
            }
        )
        for s in p.sentences:
            sents.append(
                {"doc_id": s.doc_id, "idx": s.index, "start": s.start, "end": s.end, "text": s.text}
            )
        seen_mentions = set()
        for m in p.mentions:
            key = (m.start, m.end, m.actor_id)
            if key in seen_mentions:
                continue
            seen_mentions.add(key)
            ments.append(
                {
                    "doc_id": m.doc_id,
                    "sentence": m.sentence,
                    "start": m.start,
                    "end": m.end,
                    "text": m.text,
                    "actor_id": m.actor_id,
                    "rule": m.rule,
                }
            )
        for a in p.actors:
            actors.setdefault(
                a.id,
                {
                    "id": a.id,
                    "name": a.name,
                    "type": a.type,
                    "country": a.country,
                    "parent": a.parent,
                    "aliases": list(a.aliases) + list(a.acronyms),
                    "origin": a.origin,
                    "generic": a.generic,
                },
            )
        seen_rel = set()
        for r in p.relations:
            if r.id in seen_rel:
                continue
            seen_rel.add(r.id)
            rels.append(
                {
                    "id": r.id,
                    "relation": r.relation,
                    "source_id": r.source.id,
                    "source_mention": r.source.mention,
                    "target_id": r.target.id,
                    "target_mention": r.target.mention,
                    "kinds": list(r.kinds),
                    "role": r.role,
                    "date": r.date,
                    "modality": r.modality,
                    "polarity": r.polarity,
                    "attributed_to": r.attributed_to.id if r.attributed_to else None,
                    "doc_id": r.evidence.doc,
                    "sentence": r.evidence.index,
                    "start": r.evidence.start,
                    "end": r.evidence.end,
                    "evidence": r.evidence.sentence,
                    "confidence": float(r.confidence),
                    "cue": r.cue,
                    "event": r.event,
                    "event_mode": r.mode,
                }
            )
    data = {
        "documents": docs,
        "sentences": sents,
        "actors": list(actors.values()),
        "mentions": ments,
        "relations": rels,
    }
    return {name: pa.Table.from_pylist(data[name], schema=ARROW[name]) for name in data}


from dyads.store.clustered import ensure_indexes, relations_table  # noqa: E402  (needs Store)
