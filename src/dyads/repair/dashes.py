"""Dashes: an em dash that a scraper turned into a bare hyphen ("senior officers-and their
guards", "leaders of the Taliban-consider the deal") is restored as `` — ``.

A hyphen between two words stands for a dash when they cannot make a compound (the word lists are
in ``repair.yaml``, section ``dashes``):

- the word after it is a function word ("and", "which", "the"), unless the hyphens go on
  ("surface-to-air", "state-of-the-art", "brother-in-law") or the word before is a prefix
  ("well-to-do", "would-be");
- or the word before is capitalised inside a sentence (a name: "Taliban") and the word after is
  lower case and no compound head: not a participle ("Iran-backed", "Saudi-led", "Kurdish-
  speaking", "Kremlin-chosen") nor a word such as "run", "style", "era", "majority".

Everything else keeps its hyphen: "cross-border", "long-range", "al-Shabaab", "Russia-Ukraine".
"""

from __future__ import annotations

import re

from dyads.repair.data import RepairData
from dyads.repair.offsets import Edit

_JOIN = re.compile(r"(?<=[A-Za-z])-(?=[a-z])")
_LEFT = re.compile(r"[A-Za-z]+$")
_RIGHT = re.compile(r"[a-z]+")
_MAX_LEFT = 40  # characters looked at before the hyphen for the word it ends
DASH = " — "


def dash_edits(text: str, data: RepairData) -> list[Edit]:
    edits: list[Edit] = []
    for m in _JOIN.finditer(text):
        at = m.start()
        left_m = _LEFT.search(text, max(0, at - _MAX_LEFT), at)
        right_m = _RIGHT.match(text, at + 1)
        if left_m is None or right_m is None:
            continue
        left, right = left_m.group(0), right_m.group(0)
        before = text[left_m.start() - 1] if left_m.start() else ""
        after = text[right_m.end()] if right_m.end() < len(text) else ""
        if before == "-" or after == "-" or left.lower() in data.dash_compound_prefixes:
            continue  # a chain of hyphens, or a prefix: a compound
        if right in data.dash_function_words or (
            left[0].isupper()
            and not _sentence_start(text, left_m.start())
            and right not in data.dash_compound_heads
            and not right.endswith(("ed", "ing", "en"))
        ):
            edits.append(Edit(at, at + 1, DASH))
    return edits


def _sentence_start(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t\"“‘'(":
        i -= 1
    return i < 0 or text[i] in '\n.!?”"’)'
