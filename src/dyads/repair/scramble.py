"""How likely a document's sentences were shuffled (content farms do it to dodge duplicate checks).

Three signs, each in [0, 1], combined as independent pieces of evidence:

- cohesion: neighbouring sentences of a written article share more content words than sentences
  far apart; after shuffling, neighbours share no more than any pair;
- dependent openers: the first sentence opens with a connective ("However", "The move") or a
  pronoun, or a "He"/"She" sentence follows one naming no one;
- fragments: sentences starting in lower case or ending without end punctuation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dyads.repair.data import RepairData, load

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_NAME = re.compile(r"(?<=\s)[A-Z][a-z]+")
MAX_SENTENCES = 300  # sentences looked at (the start of the document)
FAR_OFFSETS = (3, 4, 6, 9, 14)  # distances of the "far apart" pairs compared with neighbours
# Cohesion ratio (neighbour overlap / far overlap) at or above which the order looks written,
# and the span over which the sign rises to 1 as the ratio falls. Written news text measures
# 1.4-3; shuffled text about 1.
COHESIVE_RATIO = 1.5
RATIO_SPAN = 0.5
# Weight of each sign; the score is 1 - prod(1 - weight * sign).
W_COHESION = 0.75
W_FIRST = 0.35
W_ORPHAN = 0.4
W_FRAGMENTS = 0.5


def scramble_score(sentences: Sequence[str]) -> float:
    """A score in [0, 1]: 0 reads as written, 1 as shuffled."""
    data = load()
    sents = [s.strip() for s in sentences[:MAX_SENTENCES] if s.strip()]
    n = len(sents)
    if n < 2:
        return 0.0
    tokens = [_TOKEN.findall(s) for s in sents]
    signs = (
        (W_COHESION * min(1.0, (n - 2) / 8), _incoherence(tokens, data)),
        (W_FIRST, _opens_dependent(tokens[0], data)),
        (W_ORPHAN, _orphans(sents, tokens, data)),
        (W_FRAGMENTS, min(1.0, 2 * _fragments(sents))),
    )
    keep = 1.0
    for weight, sign in signs:
        keep *= 1.0 - weight * sign
    return round(min(1.0, max(0.0, 1.0 - keep)), 4)


def _content(words: list[str], data: RepairData) -> frozenset[str]:
    return frozenset(
        w for w in (x.lower() for x in words) if len(w) > 3 and w not in data.stopwords
    )


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def _incoherence(tokens: list[list[str]], data: RepairData) -> float:
    sets = [_content(t, data) for t in tokens]
    n = len(sets)
    if n < 5:
        return 0.0
    near = sum(_jaccard(sets[i], sets[i + 1]) for i in range(n - 1)) / (n - 1)
    far_pairs = [(i, i + d) for d in FAR_OFFSETS for i in range(n - d)]
    if not far_pairs:
        return 0.0
    far = sum(_jaccard(sets[i], sets[j]) for i, j in far_pairs) / len(far_pairs)
    if far == 0.0:
        return 0.0 if near > 0 else 0.5
    ratio = near / far
    return min(1.0, max(0.0, (COHESIVE_RATIO - ratio) / RATIO_SPAN))


def _starts_with(words: list[str], cues: tuple[tuple[str, ...], ...]) -> bool:
    low = [w.lower() for w in words[:4]]
    return any(tuple(low[: len(c)]) == c for c in cues)


def _opens_dependent(words: list[str], data: RepairData) -> float:
    if not words:
        return 0.0
    if words[0].lower() in data.pronouns or _starts_with(words, data.connectives):
        return 1.0
    return 0.0


def _orphans(sents: list[str], tokens: list[list[str]], data: RepairData) -> float:
    """Share of "He"/"She" sentences whose previous sentence names no one."""
    personal = {"he", "she", "his", "her"}
    total = orphan = 0
    for i in range(1, len(sents)):
        if tokens[i] and tokens[i][0].lower() in personal:
            total += 1
            if not _NAME.search(sents[i - 1]):
                orphan += 1
    return orphan / total if total else 0.0


def _fragments(sents: list[str]) -> float:
    bad = sum(1 for s in sents if s[0].islower() or s[-1] not in ".!?\"'”’)…:")
    return bad / len(sents)
