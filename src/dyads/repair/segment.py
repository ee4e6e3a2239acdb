"""Sentence splitting that knows abbreviations ("U.S.", "Gen.", "Jan. 5", "a.m.", "A. Q. Khan").

A line break always ends a sentence. Inside a line, a candidate boundary is end punctuation
(with any closing quotes or brackets) followed by white space, or a glued end such as
"group.But". Whether a period ends a sentence depends on the word before it
(``abbreviations`` in ``repair.yaml``) and on the word after it. A piece that starts in lower case
or holds no letter or digit is joined to the sentence before it.
"""

from __future__ import annotations

import re

from dyads.repair.data import RepairData, load
from dyads.repair.glue import glued_ends

_LINE = re.compile(r"[^\n]+")
_CANDIDATE = re.compile(r"([.!?…]+)([\"'”’)\]]*)\s+(?=\S)")
_MAX_WORD = 40  # characters looked at before a period to find the word it ends
_OPENERS = "\"'“‘([{"
_ALNUM = re.compile(r"\w")
_FIRST_WORD = re.compile(r"[\"'“‘(\[]*([A-Za-z]+)")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of ``text``, trimmed of surrounding white space."""
    data = load()
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        _split_line(text, line.start(), line.end(), data, spans)
    return spans


def _split_line(text: str, lo: int, hi: int, data: RepairData, out: list[tuple[int, int]]) -> None:
    cuts: list[int] = []
    for m in _CANDIDATE.finditer(text, lo, hi):
        if _ends_sentence(text, m, hi, data):
            cuts.append(m.end())
    cuts.extend(glued_ends(text, lo, hi))
    if len(cuts) > 1:
        cuts.sort()
    start = lo
    first = len(out)
    for cut in [*cuts, hi]:
        a, b = _trim(text, start, cut)
        start = cut
        if a >= b:
            continue
        if len(out) > first and (not _ALNUM.search(text, a, b) or text[a].islower()):
            out[-1] = (out[-1][0], b)  # a fragment: join it to the sentence before
        else:
            out.append((a, b))


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _ends_sentence(text: str, m: re.Match[str], hi: int, data: RepairData) -> bool:
    nxt = text[m.end()] if m.end() < hi else ""
    if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
        return False  # lower case, a comma, a dash...: the sentence goes on
    punct, closers = m.group(1), m.group(2)
    if punct != "." or closers:
        return True
    # The word before the period, without opening quotes or brackets.
    floor = max(0, m.start() - _MAX_WORD)
    ws = max(text.rfind(c, floor, m.start()) for c in " \n\t")
    word = text[max(ws + 1, floor) : m.start()].lstrip(_OPENERS)
    low = word.lower()
    if low in data.titles:
        return False
    if nxt.isdigit():
        return not (low in data.before_number or "." in word)
    if len(word) == 1 and word.isupper():
        return False  # an initial: "A. Q. Khan"
    if "." in word or low in data.ambiguous:
        # "U.S.", "a.m.", "Inc.": a new sentence only if a usual opener follows.
        f = _FIRST_WORD.match(text, m.end(), hi)
        return f is not None and f.group(1).lower() in data.sentence_openers
    return True
