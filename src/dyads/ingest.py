"""Ingest: read sources, run the pipeline, cluster stories and write the store, batch by batch.

This is the function behind ``dyads ingest``; a notebook user can call it as it is.
"""

from __future__ import annotations

import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path
from types import FrameType

import duckdb

from dyads.errors import SourceError
from dyads.pipeline import Pipeline, Timings, batched
from dyads.records import Document, ProcessedDocument, stable_hash, text_hash
from dyads.settings import Settings
from dyads.sources import DEFAULT_FIELDS, RecordFields, read_paths
from dyads.store import Store, ensure_indexes
from dyads.stories import StoryIndex
from dyads.stories.index import RECENT


@dataclass
class IngestReport:
    documents_read: int = 0
    documents_written: int = 0
    documents_skipped: int = 0  # already in the store
    documents_replaced: int = 0  # sources whose text changed: their old document was replaced
    relations: int = 0
    errors: list[SourceError] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (path, message); stored anyway
    timings: Timings = field(default_factory=Timings)
    interrupted: bool = False
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def failed(self) -> bool:
        return bool(self.errors)


Progress = Callable[[int], None]  # called with the number of documents just finished


class _StopFlag:
    """Ctrl-C sets the flag; ingest stops after the batch in hand is stored."""

    def __init__(self) -> None:
        self.stop = False
        self._old: object = None

    def __enter__(self) -> _StopFlag:
        try:
            self._old = signal.signal(signal.SIGINT, self._handler)
        except ValueError:  # not in the main thread
            self._old = None
        return self

    def _handler(self, signum: int, frame: FrameType | None) -> None:
        if self.stop:  # a second Ctrl-C stops at once
            raise KeyboardInterrupt
        self.stop = True

    def __exit__(self, *exc: object) -> None:
        if self._old is not None:
            signal.signal(signal.SIGINT, self._old)  # type: ignore[arg-type]


def ingest(
    paths: Iterable[str | Path],
    db: str | Path = "dyads.duckdb",
    settings: Settings | None = None,
    *,
    pipeline: Pipeline | None = None,
    on_error: Callable[[SourceError], None] | None = None,
    progress: Progress | None = None,
    on_warning: Callable[[str, str], None] | None = None,
    fields: RecordFields = DEFAULT_FIELDS,
) -> IngestReport:
    """Ingest files and folders into the store at ``db``; returns a report (never raises for bad
    input files: each becomes an entry of ``report.errors``).

    Each batch of ``settings.docs_per_batch`` documents is stored in one transaction, so a killed
    ingest leaves whole batches, and running the same ingest again completes it. Ctrl-C stops
    after the batch in hand (``report.interrupted``). Files read with a problem but stored anyway
    (invalid UTF-8, a file over ``settings.max_file_bytes``, a text cut at ``settings.max_chars``,
    a symbolic link skipped) go to ``on_warning(path, message)`` and ``report.warnings``.

    The edit rule: a document is identified by its source (the file, and the record's id or
    line in a JSONL or CSV file). A source whose text is unchanged is skipped; one whose text
    changed replaces its stored document, with that document's sentences, mentions, relations
    and story membership, in the transaction of its batch (``report.documents_replaced``).
    Raises StoreError if the store cannot be used (busy, damaged, not a dyads store).
    """
    settings = settings or Settings()
    report = IngestReport()

    def warn(path: str, message: str) -> None:
        report.warnings.append((path, message))
        if on_warning:
            on_warning(path, message)

    start = time.perf_counter()
    with Store(db) as store, _StopFlag() as flag:
        t0 = time.perf_counter()
        stories = StoryIndex(
            settings.story_threshold,
            settings.story_num_perm,
            load=store.fingerprints_of,  # older fingerprints stay in the store, not in memory
            recent=max(RECENT, settings.docs_per_batch),  # the batch in hand is not stored yet
            window=settings.story_window,
        )
        for doc_id, story_id, fp in store.fingerprints(last=settings.story_window):
            stories.add(doc_id, story_id, fp)
        report.timings.seconds["stories"] += time.perf_counter() - t0
        read = read_paths(
            paths,
            warn,
            fields,
            follow_links=settings.follow_links,
            max_file_bytes=settings.max_file_bytes,
        )
        items = _new_items(
            read, store, report, on_error, warn, settings.max_chars, stories, progress
        )
        pipe = pipeline or Pipeline(settings)
        pipe.timings = Timings()
        results = pipe.run(items, settings.n_process)
        try:
            _store_batches(results, store, stories, settings, report, flag, progress)
        finally:
            results.close()  # ends worker processes at once after an interruption
        report.timings.add(pipe.timings)
        report.timings.processes = pipe.timings.processes
        # Sorted copies for fast pair queries on large stores: rebuilt when stale (new
        # documents, a changed hierarchy, an earlier build that failed), two small queries when
        # fresh. A build that runs out of memory loses nothing: queries read ``relations`` (same
        # answers). Any other store error (a block failing its checksum) is not a warning: it
        # ends the ingest as a StoreError (Store.__exit__), never as a success.
        t_index = time.perf_counter()
        try:
            ensure_indexes(store)
        except duckdb.OutOfMemoryException as err:
            reason = str(err).splitlines()[0]
            warn(
                str(db),
                f"sorted relation copies not built ({reason}); queries read the relations "
                "table (same answers, slower); the next ingest tries again",
            )
        report.timings.seconds["store"] += time.perf_counter() - t_index
        report.counts = store.counts()
    report.timings.wall = time.perf_counter() - start
    return report


def _store_batches(
    results: Iterator[ProcessedDocument | SourceError],
    store: Store,
    stories: StoryIndex,
    settings: Settings,
    report: IngestReport,
    flag: _StopFlag,
    progress: Progress | None,
) -> None:
    for batch in batched(results, settings.docs_per_batch):
        done = [p for p in batch if isinstance(p, ProcessedDocument)]
        t1 = time.perf_counter()
        for old in store.superseded(done):  # an edited text is not a copy of its old version
            stories.discard(old)
        story_of = {p.document.id: stories.assign(p.document.id, p.fingerprint) for p in done}
        t2 = time.perf_counter()
        written = store.write(done, story_of)
        t3 = time.perf_counter()
        report.timings.seconds["stories"] += t2 - t1
        report.timings.seconds["store"] += t3 - t2
        report.documents_written += written.documents
        report.documents_replaced += written.replaced
        report.documents_skipped += len(done) - written.documents  # repeats that reached it
        report.relations += sum(len(p.relations) for p in done)
        if progress:
            progress(len(done))
        if flag.stop:
            report.interrupted = True
            break


#: Documents read ahead and looked up in the store at once, to skip those already stored.
LOOKUP_CHUNK = 256
#: Ids of the latest documents this run sent to the pipeline: a repeat among them is skipped
#: before it is parsed. It only has to cover the documents in flight (read, not yet stored: a few
#: batches); an older repeat is found in the store. Bounded, so memory does not grow with the run.
RECENT_IDS = 10_000


def _new_items(
    items: Iterable[Document | SourceError],
    store: Store,
    report: IngestReport,
    on_error: Callable[[SourceError], None] | None,
    warn: Callable[[str, str], None],
    max_chars: int,
    stories: StoryIndex,
    progress: Progress | None = None,
) -> Iterator[Document]:
    """The documents of ``items`` to parse: cut to ``max_chars``, those whose source is new or
    whose text changed (errors are reported on the way, and they and the documents skipped count
    as done for ``progress``).

    A source whose text is unchanged is skipped. One whose text another source already holds
    under the same id (a copy) is pointed at that document without parsing it again. A record
    whose id another source holds with another text (id 1 of two CSV files) gets its id scoped
    to its file (:func:`scoped_id`), so both are stored.
    """
    t = report.timings
    claims: dict[str, tuple[str, str]] = {}  # id -> (source, text hash) sent on, maybe unstored
    recent: deque[str] = deque()
    it = iter(items)
    while True:
        start = time.perf_counter()
        chunk = list(islice(it, LOOKUP_CHUNK))
        if not chunk:
            return
        cut = [cut_text(i, max_chars) if isinstance(i, Document) else (i, None) for i in chunk]
        chunk = [i for i, _ in cut]
        docs = [(i, i.source or i.id, text_hash(i.text)) for i in chunk if isinstance(i, Document)]
        by_source = store.sources_of(key for _, key, _ in docs)
        holders = store.holders_of(d.id for d, _, _ in docs)
        t.seconds["sources"] += time.perf_counter() - start
        links: dict[str, tuple[str, str]] = {}
        done = iter(docs)
        for item, (_, note) in zip(chunk, cut, strict=True):
            if isinstance(item, SourceError):
                report.errors.append(item)
                if on_error:
                    on_error(item)
                if progress:
                    progress(1)
                continue
            doc, key, h = next(done)
            report.documents_read += 1
            stored = by_source.get(key)
            if (stored and stored[1] == h and stored[0] in (doc.id, scoped_id(doc.id, key))) or (
                claims.get(doc.id) == (key, h)
            ):
                report.documents_skipped += 1  # unchanged, or the same file named twice
                if progress:
                    progress(1)
                continue
            others = {s: x for s, x in holders.get(doc.id, {}).items() if s != key}
            if doc.id in claims and claims[doc.id][0] != key:
                others[claims[doc.id][0]] = claims[doc.id][1]
            if any(x != h for x in others.values()):
                doc = replace(doc, id=scoped_id(doc.id, key))  # the id is another text's
            elif others:  # the same text under the same id from another source: one document
                links[key] = (doc.id, h)
                report.documents_skipped += 1
                if progress:
                    progress(1)
                continue
            claims[doc.id] = (key, h)
            recent.append(doc.id)
            if len(recent) > RECENT_IDS:
                claims.pop(recent.popleft(), None)
            if note:
                warn(*note)
            yield doc
        if links:
            linked = store.link(links)
            report.documents_replaced += linked.replaced
            for old in linked.removed:
                stories.discard(old)


def cut_text(doc: Document, max_chars: int) -> tuple[Document, tuple[str, str] | None]:
    """``doc`` with its text cut to ``max_chars`` (what is parsed is stored, and its hash tells an
    edit from the same text), and the warning (path, message) when it was cut."""
    size = len(doc.text)
    if size <= max_chars:
        return doc, None
    message = (
        f"text is {size:,} characters; only the first {max_chars:,} are parsed and stored "
        "(setting max_chars)"
    )
    return replace(doc, text=doc.text[:max_chars]), (doc.path or doc.id, message)


def scoped_id(doc_id: str, source: str) -> str:
    """The id of a record whose own id another file's record holds: ``<id>~<8 hex digits>`` of
    its source, the same on every run."""
    return f"{doc_id}~{stable_hash('source', source, length=8)}"
