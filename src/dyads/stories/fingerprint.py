"""Fingerprints: the set of hashed word shingles of a document, blind to sentence order.

Each sentence is normalised (accents and case folded, punctuation dropped) and cut into
overlapping runs of ``SHINGLE`` words; a sentence shorter than that is one value. Shingles never
cross a sentence boundary, so a copy whose sentences were shuffled has the same set, and a copy
with a few damaged words or glued sentences still shares most of it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

SHINGLE = 4  # words per shingle: shorter matches lightly edited copies, longer is more specific
MIN_WORDS = 2  # a one-word sentence ("Advertisement") adds nothing
MAX_VALUES = 4096  # a longer document keeps its bottom-k values (a consistent sample)
_WORD = re.compile(r"[^\W_]+")  # letters and digits of any script
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# Odd 64-bit multipliers for the word positions of a shingle (digits of pi, made odd).
_POSITION = np.array(
    [
        0x243F6A8885A308D3,
        0x13198A2E03707345,
        0xA4093822299F31D1,
        0x082EFA98EC4E6C89,
        0x452821E638D01377,
        0xBE5466CF34E90C6D,
        0xC0AC29B7C97C50DD,
        0x3F84D5B5B5470917,
    ],
    dtype=np.uint64,
)


@lru_cache(maxsize=1 << 17)
def _word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")


def _mix(x: np.ndarray) -> np.ndarray:
    """The splitmix64 finaliser: spreads every input bit over the output (uint64, wrapping)."""
    x = x ^ (x >> np.uint64(30))
    x = x * np.uint64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> np.uint64(27))
    x = x * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def normalise(sentence: str) -> list[str]:
    """Words of ``sentence``: lower case, accents removed ("Ōfficials" -> "officials")."""
    if not sentence.isascii():
        sentence = _COMBINING.sub("", unicodedata.normalize("NFKD", sentence))
    return _WORD.findall(sentence.lower())


def fingerprint(sentences: Sequence[str]) -> tuple[int, ...]:
    """Sorted, distinct signed 64-bit shingle hashes of ``sentences`` (order-insensitive)."""
    k = SHINGLE
    long_words: list[int] = []
    long_sent: list[int] = []
    short: list[list[int]] = []
    for i, sentence in enumerate(sentences):
        words = normalise(sentence)
        if len(words) < MIN_WORDS:
            continue
        hashes = [_word_hash(w) for w in words]
        if len(words) < k:
            short.append(hashes)
            continue
        long_words.extend(hashes)
        long_sent.extend([i] * len(hashes))
    parts: list[np.ndarray] = []
    with np.errstate(over="ignore"):
        if long_words:
            w = np.array(long_words, dtype=np.uint64)
            sid = np.array(long_sent, dtype=np.int64)
            n = len(w) - k + 1
            acc = np.zeros(n, dtype=np.uint64)
            for j in range(k):
                acc += w[j : j + n] * _POSITION[j]
            parts.append(_mix(acc[sid[:n] == sid[k - 1 :]]))
        for hashes in short:
            w = np.array(hashes, dtype=np.uint64)
            parts.append(_mix(np.array([(w * _POSITION[: len(w)]).sum()], dtype=np.uint64)))
    if not parts:
        return ()
    values = np.unique(np.concatenate(parts))[:MAX_VALUES]
    return tuple(np.sort(values.view(np.int64)).tolist())
