"""The pipeline: sources -> repair -> nlp -> actors -> relations, one document batch at a time.

``Pipeline.run`` turns an iterable of Documents into ProcessedDocuments, in order, optionally in
worker processes. Stages after this one (stories, store) run in the calling process.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from collections import defaultdict, deque
from collections.abc import Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import Any, TypeVar

from dyads import nlp as nlp_stage
from dyads import repair as repair_stage
from dyads.actors import ActorResolver, load_gazetteer
from dyads.errors import SourceError
from dyads.records import Document, ProcessedDocument, Sentence
from dyads.relations import RelationExtractor
from dyads.settings import Settings
from dyads.stories import fingerprint

T = TypeVar("T")
STAGES = ("sources", "repair", "nlp", "actors", "relations", "stories", "store")


@dataclass
class Timings:
    """Seconds spent per stage, and words seen (for ``ingest --profile``).

    With worker processes, a stage's seconds are summed over the workers, so they can add up to
    more than the wall-clock time; ``wall`` (set by the caller that owns the run) is the elapsed
    time of the whole run and ``processes`` the number of worker processes.
    """

    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    words: int = 0
    documents: int = 0
    wall: float = 0.0
    processes: int = 1

    def add(self, other: Timings) -> None:
        for k, v in other.seconds.items():
            self.seconds[k] += v
        self.words += other.words
        self.documents += other.documents


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity, else the machine's count)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def batched(items: Iterable[T], n: int) -> Iterator[list[T]]:
    it = iter(items)
    while chunk := list(islice(it, n)):
        yield chunk


@dataclass
class _Prepared:
    document: Document
    sentences: list[Sentence]
    repairs: tuple[tuple[str, int], ...]
    scramble: float
    # per sentence: its parts, each (offset in the sentence text, clean start, clean end); one
    # part, or two for a sentence whose halves were rejoined (repair.rejoin_pairs)
    locate_base: list[tuple[tuple[int, int, int], ...]]
    repaired: repair_stage.RepairedText


class Pipeline:
    """Loads the model, gazetteer and lexicon once; processes documents in batches."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.gazetteer = load_gazetteer(self.settings.gazetteers)
        self.resolver = ActorResolver(self.gazetteer, disabled_rules=self.settings.disabled_rules)
        self.extractor = RelationExtractor(
            self.gazetteer, self.settings.lexicons, self.settings.disabled_rules
        )
        self.nlp = nlp_stage.build(self.settings.model, [self.resolver.add_to_pipeline])
        self.timings = Timings()

    # -- one batch ---------------------------------------------------------------------------
    def _prepare(self, doc: Document) -> _Prepared:
        text = doc.text[: self.settings.max_chars]
        repaired = repair_stage.repair(text)
        spans = repair_stage.split_sentences(repaired.text)
        limit = self.settings.max_sentence_chars
        sentences: list[Sentence] = []
        bases: list[tuple[tuple[int, int, int], ...]] = []
        pairs = [  # a sentence cut at "U.S." and shuffled apart: parsed as one
            (h, t)
            for h, t in repair_stage.rejoin_pairs(repaired.text, spans)
            if spans[h][1] - spans[h][0] + spans[t][1] - spans[t][0] < limit
        ]
        first_of = {min(h, t): (h, t) for h, t in pairs}
        later = {max(h, t) for h, t in pairs}
        for i, (a, b) in enumerate(spans):
            if i in later:
                continue
            if i in first_of:  # head, then tail, wherever each is; the span covers both
                (ha, hb), (ta, tb) = (spans[j] for j in first_of[i])
                head, tail = repaired.text[ha:hb], repaired.text[ta:tb]
                (hs, he), (ts, te) = repaired.to_original(ha, hb), repaired.to_original(ta, tb)
                sentences.append(
                    Sentence(doc.id, len(sentences), f"{head} {tail}", min(hs, ts), max(he, te))
                )
                bases.append(((0, ha, hb), (len(head) + 1, ta, tb)))
                continue
            for s in range(a, b, limit):  # an over-long "sentence" is cut into pieces
                e = min(b, s + limit)
                piece = repaired.text[s:e]
                if not piece.strip():
                    continue
                lead = len(piece) - len(piece.lstrip())
                trail = len(piece.rstrip())
                start, end = repaired.to_original(s + lead, s + trail)
                sentences.append(Sentence(doc.id, len(sentences), piece.strip(), start, end))
                bases.append(((0, s + lead, s + trail),))
        scramble = repair_stage.scramble_score([s.text for s in sentences])
        return _Prepared(doc, sentences, repaired.steps, scramble, bases, repaired)

    def process_batch(self, docs: Sequence[Document]) -> list[ProcessedDocument]:
        t = self.timings
        t0 = time.perf_counter()
        prepared = [self._prepare(d) for d in docs]
        t1 = time.perf_counter()
        t.seconds["repair"] += t1 - t0
        texts = [s.text for p in prepared for s in p.sentences]
        parsed = list(nlp_stage.parse(self.nlp, texts, self.settings.batch_size))
        t2 = time.perf_counter()
        t.seconds["nlp"] += t2 - t1
        t.words += sum(len(d) for d in parsed)
        t.documents += len(docs)
        out: list[ProcessedDocument] = []
        pos = 0
        for p in prepared:
            n = len(p.sentences)
            sents = parsed[pos : pos + n]
            pos += n
            out.append(self._finish(p, sents))
        return out

    def _finish(self, p: _Prepared, sents: list[nlp_stage.Doc]) -> ProcessedDocument:
        t = self.timings
        ta = time.perf_counter()

        def locate(i: int, start: int, end: int) -> tuple[int, int]:
            parts = p.locate_base[i]
            offset, base, stop = next(x for x in reversed(parts) if x[0] <= start)
            # a span across the two halves of a rejoined sentence ends with its first half
            return p.repaired.to_original(base + start - offset, min(base + end - offset, stop))

        doc_actors = self.resolver.resolve(p.document.id, sents, locate)
        tb = time.perf_counter()
        relations = self.extractor.extract(sents, p.sentences, doc_actors)
        tc = time.perf_counter()
        fp = fingerprint([s.text for s in p.sentences])
        td = time.perf_counter()
        t.seconds["actors"] += tb - ta
        t.seconds["relations"] += tc - tb
        t.seconds["stories"] += td - tc
        used = {m.actor_id for m in doc_actors.mentions}
        for r in relations:
            used.update({r.source.id, r.target.id})
            if r.attributed_to:
                used.add(r.attributed_to.id)
        actors = tuple(
            sorted(
                (a for a in (doc_actors.actors.get(i) or self.gazetteer.get(i) for i in used) if a),
                key=lambda a: a.id,
            )
        )
        min_conf = self.settings.min_confidence
        return ProcessedDocument(
            document=p.document,
            sentences=tuple(p.sentences),
            mentions=tuple(doc_actors.mentions),
            actors=actors,
            relations=tuple(r for r in relations if r.confidence >= min_conf),
            scramble=p.scramble,
            repairs=p.repairs,
            fingerprint=fp,
        )

    def process(self, doc: Document) -> ProcessedDocument:
        return self.process_batch([doc])[0]

    # -- many documents ----------------------------------------------------------------------
    def run(
        self, items: Iterable[Document | SourceError], n_process: int | None = None
    ) -> Generator[ProcessedDocument | SourceError, None, None]:
        """Process ``items`` in order; errors pass through untouched, in place.

        With ``n_process > 1`` batches go to forked worker processes, each with its own copy of
        this pipeline. At most ``PENDING_PER_WORKER`` batches per worker are in flight, so memory
        stays flat however long ``items`` is, and the workers ignore Ctrl-C: the caller decides
        when to stop (after the batch in hand) and closing this generator ends the workers.

        ``n_process`` 0 (the default setting) is one worker per core, but never more workers
        than batches: the first batches are read ahead to count them, and documents that fit in
        one batch are processed here, without forking. ``self.timings.processes`` says how many
        processes parsed.
        """
        if n_process is None:
            n_process = self.settings.n_process
        size = self.settings.docs_per_batch
        chunks: Iterator[tuple[list[SourceError], list[Document]]] = _chunks_keeping_errors(
            items, size
        )
        if n_process <= 0:
            ahead = list(islice(chunks, available_cores()))
            n_process = max(1, sum(1 for _, docs in ahead if docs))
            chunks = chain(ahead, chunks)
        self.timings.processes = n_process
        if n_process <= 1:
            for errors, docs in chunks:
                yield from errors
                if docs:
                    yield from self.process_batch(docs)
            return
        global _WORKER
        _WORKER = self  # inherited by the forked workers: no second model load
        self._warm_up()  # lazy loads happen once, here, and are shared by the workers
        ctx = multiprocessing.get_context("fork")
        try:
            with ctx.Pool(n_process, initializer=_worker_init) as pool:
                pending: deque[tuple[list[SourceError], Any]] = deque()
                limit = PENDING_PER_WORKER * n_process
                for errs, docs in chunks:
                    pending.append((errs, pool.apply_async(_worker_run, (docs,)) if docs else None))
                    while len(pending) >= limit:
                        yield from self._collect(pending.popleft())
                while pending:
                    yield from self._collect(pending.popleft())
        finally:
            _WORKER = None

    def _warm_up(self) -> None:
        """Run one tiny document so that every lazily loaded table is loaded before forking."""
        saved = self.timings
        self.timings = Timings()
        try:
            self.process_batch([Document(id="warm-up", text=_WARM_UP_TEXT)])
        finally:
            self.timings = saved

    def _collect(
        self, item: tuple[list[SourceError], Any]
    ) -> Iterator[ProcessedDocument | SourceError]:
        errs, job = item
        yield from errs
        if job is not None:
            result, timings = job.get()
            self.timings.add(timings)
            yield from result


_WARM_UP_TEXT = (
    "Īran has supplied the Houthis with drones, officials said.The group denied it.\n"
    "Share on Facebook\nRussia’s army attacked the town on Monday."
)

#: Batches queued per worker process: enough to keep every worker busy while the calling process
#: stores the previous batch, few enough that memory does not grow with the corpus.
PENDING_PER_WORKER = 2


def _chunks_keeping_errors(
    items: Iterable[Document | SourceError], size: int
) -> Iterator[tuple[list[SourceError], list[Document]]]:
    errors: list[SourceError] = []
    docs: list[Document] = []
    for item in items:
        if isinstance(item, SourceError):
            errors.append(item)
        else:
            docs.append(item)
        if len(docs) >= size:
            yield errors, docs
            errors, docs = [], []
    if errors or docs:
        yield errors, docs


_WORKER: Pipeline | None = None


def _worker_init() -> None:
    # Ctrl-C reaches the whole process group; only the calling process acts on it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _worker_run(docs: list[Document]) -> tuple[list[ProcessedDocument], Timings]:
    assert _WORKER is not None
    _WORKER.timings = Timings()
    return _WORKER.process_batch(docs), _WORKER.timings
