"""Sentence splitting that knows abbreviations ("U.S.", "Gen.", "Jan. 5", "a.m.", "A. Q. Khan").

A line break always ends a sentence. Inside a line, a candidate boundary is end punctuation
(with any closing quotes or brackets) followed by white space, or a glued end such as
"group.But". Whether a period ends a sentence depends on the word before it
(``abbreviations`` in ``repair.yaml``) and on the word after it. A piece that starts in lower case
or holds no letter or digit is joined to the sentence before it, except a statement after a
question mark ("Does Pakistan control the Taliban? analysts in Islamabad doubt it."): a question
and the statement glued to it are two sentences, or the claim would be read as asked.

:func:`rejoin_pairs` finds, order-free, the halves of a sentence that a naive splitter cut at
"U.S." and a shuffle moved apart ("... worries the U.S." and, elsewhere, "military, which has
struck ..."): when the document has exactly one sentence ending in a dotted abbreviation and
exactly one starting in lower case, they are one sentence.
"""

from __future__ import annotations

import re

from dyads.repair.data import RepairData, load
from dyads.repair.glue import glued_ends, statement_follows

_LINE = re.compile(r"[^\n]+")
_CANDIDATE = re.compile(r"([.!?…]+)([\"'”’)\]]*)\s+(?=\S)")
_MAX_WORD = 40  # characters looked at before a period to find the word it ends
_OPENERS = "\"'“‘([{"
_ALNUM = re.compile(r"\w")
_FIRST_WORD = re.compile(r"[\"'“‘(\[]*([A-Za-z]+)")
_DOTTED_END = re.compile(r"\b(?:[A-Z]\.){2,}[\"'”’)\]]*$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of ``text``, trimmed of surrounding white space."""
    data = load()
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        _split_line(text, line.start(), line.end(), data, spans)
    return spans


def _split_line(text: str, lo: int, hi: int, data: RepairData, out: list[tuple[int, int]]) -> None:
    cuts: list[int] = []
    statements: set[int] = set()  # cuts before a statement after a question: never rejoined
    for m in _CANDIDATE.finditer(text, lo, hi):
        if _ends_sentence(text, m, hi, data):
            cuts.append(m.end())
        elif _statement_after_question(text, m, hi):
            cuts.append(m.end())
            statements.add(m.end())
    cuts.extend(glued_ends(text, lo, hi))
    if len(cuts) > 1:
        cuts.sort()
    start = lo
    first = len(out)
    for cut in [*cuts, hi]:
        a, b = _trim(text, start, cut)
        own = start in statements
        start = cut
        if a >= b:
            continue
        if len(out) > first and not own and (not _ALNUM.search(text, a, b) or text[a].islower()):
            out[-1] = (out[-1][0], b)  # a fragment: join it to the sentence before
        else:
            out.append((a, b))


def _statement_after_question(text: str, m: re.Match[str], hi: int) -> bool:
    """A question mark (no closing quote: '"Who is next?" he asked' stays whole) followed by a
    lower-case statement of some length."""
    nxt = text[m.end()] if m.end() < hi else ""
    return (
        "?" in m.group(1) and not m.group(2) and nxt.islower() and statement_follows(text, m.end())
    )


def rejoin_pairs(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(head, tail) indices into ``spans`` of a sentence cut at a dotted abbreviation ("U.S.")
    whose halves were moved apart: only when exactly one sentence ends in one and exactly one
    sentence starts in lower case (the pairing is unique), in either order."""
    heads = [i for i, (a, b) in enumerate(spans) if _DOTTED_END.search(text, a, b)]
    if len(heads) != 1:
        return []
    tails = [i for i, (a, b) in enumerate(spans) if text[a].islower()]
    if len(tails) != 1 or tails[0] == heads[0]:
        return []
    return [(heads[0], tails[0])]


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
