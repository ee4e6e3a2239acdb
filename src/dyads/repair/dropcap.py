"""Drop-cap damage: a paragraph's first capital became another character or was lost.

Scrapers turn the decorative first letter of an article or paragraph into a look-alike ("Ōfficials
said", "Ιn 2019") or into an unrelated character ("īy 2019" for "By 2019"), or drop it
("fficials said"). A damaged word is restored to the capital letter that makes the most frequent
English word (wordfreq Zipf frequency), preferring letters that look like the damaged character
and words that occur elsewhere in the same document; a substitute opening a sentence before a
word no letter makes known (a name: "Īdlib") gets its look-alike letter.
"""

from __future__ import annotations

import re
import string
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from itertools import chain

from dyads.repair.data import RepairData
from dyads.repair.offsets import Edit

_LETTERS = string.ascii_uppercase
# A lower-case word opening a paragraph (after optional quotes): a candidate for a lost letter.
_LOST = re.compile(r"\n[ \t\"“‘'(]*([a-z]+)\b")
_LOST_AT_START = re.compile(r"[ \t\"“‘'(]*([a-z]+)\b")
_WORD = re.compile(r"[A-Za-z]+")


@lru_cache(maxsize=65536)
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency  # imported on first need: loading takes ~0.3 s

    return float(zipf_frequency(word, "en"))


@lru_cache(maxsize=4)
def _damaged_pattern(chars: str) -> re.Pattern[str]:
    # A damaged character followed by the ASCII rest of the word (the character before is
    # checked by the caller: a set first lets the regex engine skip quickly).
    return re.compile(rf"([{re.escape(chars)}])([a-z]*)(?![^\W\d_])")


def _at_sentence_start(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t\"“‘'(":
        i -= 1
    return i < 0 or text[i] in '\n.!?”"’)'


def dropcap_edits(text: str, data: RepairData) -> list[Edit]:
    edits: list[Edit] = []
    vocab: Counter[str] | None = None

    def count(word: str) -> int:  # occurrences of ``word`` (lower case) in the document
        nonlocal vocab
        if vocab is None:
            vocab = Counter(w.lower() for w in _WORD.findall(text))
        return vocab[word]

    def in_document(word: str) -> bool:
        return count(word) > 0

    pattern = _damaged_pattern("".join(sorted(data.lookalikes)))
    for m in pattern.finditer(text):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_"):
            continue  # inside a word
        if not _at_sentence_start(text, m.start()):
            continue  # a drop cap opens a paragraph (a sentence, once shuffled)
        char, rest = m.group(1), m.group(2)
        if not rest:
            # A lone character is a word of its own: "I" or "A".
            if data.lookalikes[char] in ("A", "I"):
                edits.append(Edit(m.start(1), m.end(1), data.lookalikes[char]))
            continue
        best = _best_letter(rest, data.lookalikes[char], data, in_document, strict=False)
        if best is None and len(data.lookalikes[char]) == 1 and len(rest) >= 2:
            # no letter makes a known word: a name ("Īdlib", "Ōmdurman"). A substitute opening a
            # sentence before plain lower-case letters is a drop cap: its look-alike letter.
            best = data.lookalikes[char]
        if best is not None:
            edits.append(Edit(m.start(1), m.end(1), best))
    first = _LOST_AT_START.match(text)
    for m in chain([first] if first else [], _LOST.finditer(text)):
        word = m.group(1)
        if _zipf(word) >= 1.0 or count(word) > 1:  # a real word, or one the text uses again
            continue
        best = _best_letter(word, "", data, in_document, strict=True)
        if best is not None:
            edits.append(Edit(m.start(1), m.start(1), best))
    edits.sort()
    return edits


def _best_letter(
    rest: str, looks: str, data: RepairData, in_document: Callable[[str], bool], strict: bool
) -> str | None:
    """The capital letter that best completes ``rest``, or None if none makes a known word.

    ``strict`` (a lost letter, not a damaged one): a letter that is not a look-alike must make a
    clearly common word."""
    best: tuple[float, str] | None = None
    for letter in _LETTERS:
        word = (letter + rest).lower()
        score = _zipf(word)
        known = score >= data.min_zipf
        if in_document(word):
            score += data.document_bonus
            known = True
        if not known:
            continue
        if letter in looks:
            score += data.lookalike_bonus
        if best is None or score > best[0]:
            best = (score, letter)
    if best is None:
        return None
    if strict and best[1] not in looks and best[0] < data.min_zipf + 1.0:
        return None  # a letter inserted from nothing needs a clear winner
    return best[1]
