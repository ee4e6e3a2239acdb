"""Glued text: sentences run together ("Region).The militia", "group.But") and lines of one
sentence broken by a hard wrap ("the armed\\ngroup said")."""

from __future__ import annotations

import re

from dyads.repair.offsets import Edit

# End punctuation with any closing quotes, directly followed by a capitalised word. The
# punctuation must follow a lower-case word of two letters or more (so "U.S.The" and "e.g." are
# left alone), a digit or a closing bracket: see ``glued_ends``. The pattern starts with a
# character set so the regex engine can skip quickly to candidates.
_GLUED = re.compile(r"[.!?]+[\"'”’)\]]*(?=[A-Z](?:[a-z]|\s|['’]))")
_BEFORE = re.compile(r"[a-z]{2}|[0-9)\]]")


def glued_ends(text: str, lo: int = 0, hi: int | None = None) -> list[int]:
    """Positions right after glued sentence ends in ``text[lo:hi]``."""
    hi = len(text) if hi is None else hi
    out = []
    for m in _GLUED.finditer(text, lo, hi):
        s = m.start()
        if s >= 1 and text[s - 1] in "0123456789)]" or s >= 2 and _BEFORE.fullmatch(text, s - 2, s):
            out.append(m.end())
    return out


def glue_edits(text: str) -> list[Edit]:
    """Insert the missing space after glued sentence ends."""
    return [Edit(p, p, " ") for p in glued_ends(text)]


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
