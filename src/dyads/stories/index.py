"""Incremental story clustering: MinHash LSH for candidates, exact overlap to decide.

A document joins the story of the most similar earlier document when their similarity reaches
``threshold``; otherwise it starts a story named after its own id. Similarity is the Jaccard index
of the two fingerprints or, when both have at least ``MIN_CONTAIN`` values, the share of the
smaller one found in the larger, whichever is higher (so a partial copy joins its original).
Candidates come from banded MinHash LSH; their similarity is then computed exactly on the kept
fingerprints (sorted 32-bit values), because a containment estimated from MinHash signatures of
documents of unequal length is too noisy: at 100,000 documents it merged about one new article in
a thousand into an unrelated story. Documents are taken one at a time in arrival order, so story
ids never depend on the batch size.

Why not ``datasketch.MinHashLSH``: it keeps Python sets and bytes keys per band and document,
about 14 kB per document at 42 bands (measured), 1.4 GB at 100,000 documents. Here a document
costs one int32 per band for the bucket chains and its share of an open-addressing table of band
keys: a 32-bit key and an int32 head per slot (0.84 kB together at 100,000 documents, measured;
two band keys that collide in 32 bits only merge two buckets, whose candidates are verified
exactly anyway). The table is rehashed in steps, so a rehash needs little more than the old and
the new table. Fingerprints (~1 kB for a news article) are kept for all
documents only without a ``load`` function; with one (the store's, at ingest), only the
``recent`` latest stay in memory and an older candidate's fingerprint is loaded when it is
verified, so the clustering is the same and the memory no longer grows by them.

Memory stays flat however large the store: only the latest ``window`` documents (the setting
``story_window``, 100,000 by default) are candidates. The bucket chains are a ring of ``window``
rows, chains stop at the first document that has left the window, and band keys whose latest
document has left are dropped whenever the key table would grow. A copy arriving more than
``window`` documents after its original starts a story of its own; news copies arrive within days.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np

from dyads.stories.fingerprint import _mix

MIN_CONTAIN = 40  # fingerprints smaller than this (two or three sentences) use Jaccard only
MAX_CHAIN = 32  # documents looked at per band bucket (the most recent ones)
MAX_VERIFIED = 8  # candidates compared exactly: those sharing the most buckets with the new one
MAX_LOAD = 0.6  # the band-key table doubles beyond this share of used slots
# Banding: the most rows per band such that a pair at CANDIDATE_FACTOR * threshold Jaccard is
# still a candidate with probability CANDIDATE_RECALL (a partial copy has a low Jaccard).
CANDIDATE_FACTOR = 0.8
CANDIDATE_RECALL = 0.9
RECENT = 2048  # fingerprints kept in memory when older ones can be loaded (~1 kB each)
WINDOW = 100_000  # documents that are candidates (the latest ones): <1 kB each, see the docstring
_SEED = 20240611  # fixed: the same fingerprint must fall in the same buckets in every run
_EMPTY = np.uint32(0)
#: Keys rehashed per step when the key table grows (bounds the temporary arrays of a rehash).
_REHASH_STEP = 1 << 18


def banding(num_perm: int, threshold: float) -> tuple[int, int]:
    """(bands, rows) for ``num_perm`` permutations (see CANDIDATE_FACTOR)."""
    target = CANDIDATE_FACTOR * threshold
    best = (num_perm, 1)
    for rows in range(1, 9):
        bands = num_perm // rows
        if bands and 1 - (1 - target**rows) ** bands >= CANDIDATE_RECALL:
            best = (bands, rows)
    return best


class StoryIndex:
    """Stories of the documents seen so far; ``assign`` places a new one, ``add`` reloads one.

    ``load(ids)`` returns the fingerprints of earlier documents by id (those it has); given it,
    only the fingerprints of the ``recent`` latest documents are kept in memory.
    """

    def __init__(
        self,
        threshold: float = 0.5,
        num_perm: int = 128,
        *,
        load: Callable[[Sequence[str]], Mapping[str, Sequence[int]]] | None = None,
        recent: int = RECENT,
        window: int = WINDOW,
    ) -> None:
        if not 0 < threshold <= 1 or num_perm < 1 or window < 1:
            raise ValueError("threshold must be in (0, 1], num_perm and window positive")
        self.window = window
        self.threshold = threshold
        self.num_perm = num_perm
        self.bands, self.rows = banding(num_perm, threshold)
        rng = np.random.default_rng(_SEED)
        one = np.uint64(1)
        self._a = rng.integers(0, 2**63, num_perm, dtype=np.uint64) * np.uint64(2) + one
        self._b = rng.integers(0, 2**63, num_perm, dtype=np.uint64)
        self._row_mult = rng.integers(0, 2**63, self.rows, dtype=np.uint64) * np.uint64(2) + one
        self._band_salt = _mix(np.arange(1, self.bands + 1, dtype=np.uint64))
        self._n = 0
        self._load = load
        self._recent = max(recent, 1)
        self._sets: dict[int, np.ndarray] = {}  # by position: sorted distinct uint32 values
        # by position modulo the window (a ring): id and story of each document in the window
        self._ids: list[str] = []
        self._stories: list[str] = []
        self._pos: dict[str, int] = {}  # document id -> position, for the documents in the window
        self._gone: set[int] = set()  # positions of discarded documents still in the window
        self._next = np.full((min(1024, window), self.bands), -1, dtype=np.int32)  # chains
        self._keys = np.zeros(1 << 12, dtype=np.uint32)  # band key per slot (0: empty)
        self._heads = np.full(1 << 12, -1, dtype=np.int32)  # latest document with that key
        self._used = 0

    def __len__(self) -> int:
        return self._n

    # -- public ------------------------------------------------------------------------------
    def add(self, doc_id: str, story_id: str, fp: Sequence[int]) -> None:
        """Load an already stored document with its story."""
        if doc_id not in self._pos:
            self._insert(doc_id, fp, lambda values, heads: story_id)

    def assign(self, doc_id: str, fp: Sequence[int]) -> str:
        """The story of a new document (which is then added); the same answer if seen before."""
        if doc_id in self._pos:
            return self._stories[self._pos[doc_id] % self.window]
        return self._insert(
            doc_id, fp, lambda values, heads: self._best_story(values, heads) or doc_id
        )

    def discard(self, doc_id: str) -> None:
        """Forget a document (deleted from the store: its source was edited). It is never a
        candidate again; the documents that joined its story keep that story."""
        i = self._pos.pop(doc_id, None)
        if i is not None:
            self._gone.add(i)
            self._sets.pop(i, None)

    def similarity(self, fp_a: Sequence[int], fp_b: Sequence[int]) -> float:
        """The similarity of two fingerprints, as used for clustering."""
        return _similarity(_compact(fp_a), _compact(fp_b))

    def signature(self, fp: Sequence[int]) -> np.ndarray:
        """The MinHash signature (uint32 per permutation) of a fingerprint."""
        if not len(fp):
            return np.full(self.num_perm, 0xFFFFFFFF, dtype=np.uint32)
        x = np.asarray(fp, dtype=np.int64).view(np.uint64)
        with np.errstate(over="ignore"):
            h = (x[:, None] * self._a[None, :] + self._b[None, :]) >> np.uint64(32)
        return np.asarray(h.min(axis=0).astype(np.uint32))

    def band_keys(self, fp: Sequence[int]) -> list[int]:
        """The distinct band keys of a fingerprint (none for an empty one): two documents are
        candidates of each other when they share one. The buckets of a group-by that finds the
        same candidates as this index (``dyads.spark``)."""
        if not len(fp):
            return []
        return sorted({int(k) for k in self._band_keys(self.signature(fp))})

    # -- internals ---------------------------------------------------------------------------
    def _insert(
        self, doc_id: str, fp: Sequence[int], choose: Callable[[np.ndarray, np.ndarray], str]
    ) -> str:
        """Add a document; ``choose(values, bucket heads)`` names its story."""
        values = _compact(fp)
        i = self._n
        row = i % self.window
        if row == len(self._next):
            self._grow_docs()
        if len(values):
            if self._used + self.bands > MAX_LOAD * len(self._keys):
                self._grow_table()
            slots = self._find(self._band_keys(self.signature(fp)))
            heads = self._heads[slots]
            heads = np.where(heads >= self._n - self.window, heads, -1)  # left the window
        else:  # an empty document is in no bucket
            slots = heads = np.empty(0, dtype=np.int64)
        story = choose(values, heads)
        self._sets[i] = values
        if self._load is not None:
            self._sets.pop(i - self._recent, None)
        self._sets.pop(i - self.window, None)
        if row < len(self._ids):  # the ring is full: the oldest document leaves the window
            if self._pos.get(self._ids[row]) == i - self.window:  # not discarded or re-added
                del self._pos[self._ids[row]]
            self._gone.discard(i - self.window)
            self._ids[row], self._stories[row] = doc_id, story
        else:
            self._ids.append(doc_id)
            self._stories.append(story)
        self._pos[doc_id] = i
        self._n += 1
        self._next[row] = -1
        if len(slots):
            self._next[row] = heads
            self._used += int((self._heads[slots] < 0).sum())
            self._heads[slots] = i
        return story

    def _band_keys(self, sig: np.ndarray) -> np.ndarray:
        m = sig[: self.bands * self.rows].astype(np.uint64).reshape(self.bands, self.rows)
        with np.errstate(over="ignore"):
            mixed = (m * self._row_mult[None, :]).sum(axis=1, dtype=np.uint64)
            keys = _mix(mixed ^ self._band_salt).astype(np.uint32)  # low 32 bits (see _find)
        keys[keys == _EMPTY] = np.uint32(1)
        return keys

    def _best_story(self, values: np.ndarray, heads: np.ndarray) -> str | None:
        """The story of the most similar earlier document in the same buckets, if similar enough."""
        bands = np.flatnonzero(heads >= 0)
        if not bands.size:
            return None
        docs = heads[bands]
        found = [docs]
        oldest = self._n - self.window  # chains run from newer to older documents
        for _ in range(MAX_CHAIN - 1):  # walk the bucket chains, all bands at once
            docs = self._next[docs % self.window, bands]
            keep = docs >= max(oldest, 0)
            if not keep.any():
                break
            docs, bands = docs[keep], bands[keep]
            found.append(docs)
        cands, shared = np.unique(np.concatenate(found), return_counts=True)
        if self._gone:
            keep = ~np.isin(cands, list(self._gone))
            cands, shared = cands[keep], shared[keep]
            if not len(cands):
                return None
        if len(cands) > MAX_VERIFIED:
            top = np.argsort(-shared, kind="stable")[:MAX_VERIFIED]
            cands = np.sort(cands[top])
        best, best_sim = -1, -1.0
        sets = self._candidate_sets(cands.tolist())
        for cand in cands.tolist():  # in arrival order: ties go to the earliest document
            sim = _similarity(values, sets[cand])
            if sim > best_sim:
                best, best_sim = cand, sim
        if best_sim < self.threshold:
            return None
        return self._stories[best % self.window]

    def _candidate_sets(self, cands: list[int]) -> dict[int, np.ndarray]:
        """The kept values of each candidate, loading those no longer in memory."""
        out = {c: self._sets[c] for c in cands if c in self._sets}
        missing = [c for c in cands if c not in out]
        if missing:
            if self._load is None:  # cannot happen: without load every set is kept
                raise RuntimeError("story index lost a fingerprint")
            ids = {c: self._ids[c % self.window] for c in missing}
            loaded = self._load(list(ids.values()))
            for c in missing:
                out[c] = _compact(loaded.get(ids[c], ()))
        return out

    def _find(self, keys: np.ndarray) -> np.ndarray:
        """The slot of each key in the table, claiming an empty slot for a new key.

        Linear probing: the first probe is vectorised; the few keys whose slot is taken by
        another key (or by another new key of this call) go on one at a time.
        """
        table = self._keys
        mask = len(table) - 1
        slots = (keys & np.uint32(mask)).astype(np.int64)
        current = table[slots]
        done = current == keys
        free = np.flatnonzero(current == _EMPTY)
        if free.size:
            _, first = np.unique(slots[free], return_index=True)
            win = free[first]
            table[slots[win]] = keys[win]
            done[win] = True
        for j in np.flatnonzero(~done).tolist():
            key = keys[j]
            s = int(slots[j])
            while True:
                k = table[s]
                if k == key:
                    break
                if k == _EMPTY:
                    table[s] = key
                    break
                s = (s + 1) & mask
            slots[j] = s
        return slots

    def _grow_docs(self) -> None:
        nxt = np.full((min(2 * len(self._next), self.window), self.bands), -1, dtype=np.int32)
        nxt[: len(self._next)] = self._next
        self._next = nxt

    def _grow_table(self) -> None:
        """Rehash into a table large enough, without the keys whose documents left the window."""
        keep = (self._keys != _EMPTY) & (self._heads >= self._n - self.window)
        keys, heads = self._keys[keep], self._heads[keep]
        self._used = len(keys)
        size = len(self._keys)
        # room for a quarter of the load budget before the next rehash (amortised O(1) per key)
        while len(keys) + self.bands > 0.75 * MAX_LOAD * size:
            size *= 2
        del keep
        self._keys = np.zeros(size, dtype=np.uint32)
        self._heads = np.full(size, -1, dtype=np.int32)
        for at in range(0, len(keys), _REHASH_STEP):
            part = slice(at, at + _REHASH_STEP)
            self._heads[self._find(keys[part])] = heads[part]


def _compact(fp: Sequence[int]) -> np.ndarray:
    """Sorted distinct high 32 bits of the fingerprint values: half the memory, and two
    different shingles of two documents collide with probability 2**-32 per pair."""
    if not len(fp):
        return np.empty(0, dtype=np.uint32)
    x = np.asarray(fp, dtype=np.int64).view(np.uint64) >> np.uint64(32)
    return np.unique(x.astype(np.uint32))


def _similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Jaccard of two value sets or, when both are large enough, containment of the smaller."""
    if not len(a) or not len(b):
        return 0.0
    inter = len(np.intersect1d(a, b, assume_unique=True))
    jaccard = inter / (len(a) + len(b) - inter)
    small = min(len(a), len(b))
    if small < MIN_CONTAIN:
        return jaccard
    return max(jaccard, inter / small)
