"""Glued text: sentences run together ("Region).The militia", "group.But", "the IRGC.The",
"autonomy.Āfter", a statement glued to a question: "the Taliban?analysts doubt it") and lines of
one sentence broken by a hard wrap ("the armed\\ngroup said")."""

from __future__ import annotations

import re
from functools import lru_cache

from dyads.repair.offsets import Edit

# End punctuation with any closing quotes, directly followed by a capitalised word. The
# punctuation must follow a lower-case word of two letters or more (so "U.S.The" and "e.g." are
# left alone), an acronym ("IRGC.The": two capitals not after a period), a digit or a closing
# bracket: see ``glued_ends``. The pattern starts with a character set so the regex engine can
# skip quickly to candidates.
_GLUED = re.compile(r"[.!?]+[\"'”’)\]]*(?=[A-Z](?:[a-z]|\s|['’]))")
# A question mark glued to a lower-case statement: "the Taliban?analysts in Islamabad doubt it."
_GLUED_QUESTION = re.compile(r"(?<=[a-z])\?(?=[a-z]+ )")
#: Words (up to the next end punctuation) a statement after a question needs: "he asked" is not
#: one, "analysts in Islamabad doubt that it does" is.
STATEMENT_WORDS = 4
_WORDS_TO_END = re.compile(r"[^.!?\n]*")
_WORD_BEFORE = re.compile(r"(?<![A-Za-z.])[A-Za-z]+$")  # not "U.S": its period makes it ambiguous


def glued_ends(text: str, lo: int = 0, hi: int | None = None) -> list[int]:
    """Positions right after glued sentence ends in ``text[lo:hi]``."""
    hi = len(text) if hi is None else hi
    out = []
    for m in _GLUED.finditer(text, lo, hi):
        if _ends_glued(text, m.start()):
            out.append(m.end())
    return out


def _ends_glued(text: str, s: int) -> bool:
    """Whether the end punctuation at ``s`` ends a sentence by what precedes it."""
    if s >= 1 and text[s - 1] in "0123456789)]":
        return True
    if s >= 2 and text[s - 2 : s].islower() and text[s - 2 : s].isalpha():
        return True
    word = _WORD_BEFORE.search(text, max(0, s - 12), s)
    return bool(word and len(word.group(0)) >= 2 and word.group(0).isupper())  # an acronym


def statement_follows(text: str, pos: int) -> bool:
    """Whether a statement of at least STATEMENT_WORDS words starts at ``pos``."""
    m = _WORDS_TO_END.match(text, pos)
    return m is not None and len(m.group(0).split()) >= STATEMENT_WORDS


def glue_edits(text: str, capitals: str = "") -> list[Edit]:
    """Insert the missing space after glued sentence ends; ``capitals``: characters that stand
    for a capital letter there (drop-cap substitutes such as "Ā", repaired by the next step)."""
    edits = [Edit(p, p, " ") for p in glued_ends(text)]
    if capitals:
        edits += [
            Edit(m.end(), m.end(), " ")
            for m in _glued_substitute(capitals).finditer(text)
            if _ends_glued(text, m.start())
        ]
    edits += [
        Edit(m.end(), m.end(), " ")
        for m in _GLUED_QUESTION.finditer(text)
        if statement_follows(text, m.end())
    ]
    return sorted(set(edits))


@lru_cache(maxsize=4)
def _glued_substitute(capitals: str) -> re.Pattern[str]:
    return re.compile(rf"[.!?]+[\"'”’)\]]*(?=[{re.escape(capitals)}][a-z])")


def unwrap_edits(text: str) -> list[Edit]:
    """Join lines that a hard wrap or a bad split broke inside a sentence: a single line break
    (not a blank line) after text, followed by a lower-case word, becomes a space."""
    edits: list[Edit] = []
    n = len(text)
    i = text.find("\n")
    while i >= 0:
        a = i
        while a > 0 and text[a - 1] in " \t\r":
            a -= 1
        b = i + 1
        while b < n and text[b] in " \t":
            b += 1
        if a > 0 and text[a - 1] != "\n" and b < n and "a" <= text[b] <= "z":
            edits.append(Edit(a, b, " "))
        i = text.find("\n", i + 1)
    return edits
