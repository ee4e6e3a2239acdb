"""Encoding damage: mojibake ("Kigaliâ€™s"), HTML entities, ligatures, full-width letters.

ftfy does the fixing, but it reads about 1 MB/s, so it only sees the short runs of text (between
ASCII spaces) that contain a sign of damage; plain ASCII text skips this step entirely. Fixing a
run at a time keeps the offset map precise: each changed run is one edit.
"""

from __future__ import annotations

import re

import ftfy

from dyads.repair.offsets import Edit

# Signs of damage ftfy can fix:
#  - a UTF-8 lead byte read as Latin-1/cp1252 (Â..ô) followed by a continuation byte read the same
#    way (U+0080-U+00BF or the cp1252 punctuation that byte values 0x80-0x9F become);
#  - C1 control characters, HTML entities, Latin ligatures and full-width forms.
_DAMAGE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
    "|[\u0080-\u009f\ufb00-\ufb06\uff01-\uff5e]"
    "|&(?:[a-zA-Z]{2,8}|#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6});"
)
_CONFIG = ftfy.TextFixerConfig(uncurl_quotes=False, fix_line_breaks=False, explain=False)
_MAX_RUN = 64  # characters looked at on each side of a sign of damage


def _run_bounds(text: str, pos: int, end: int) -> tuple[int, int]:
    lo = max(0, pos - _MAX_RUN)
    start = max(text.rfind(c, lo, pos) for c in " \t\r\n") + 1
    start = max(start, lo)
    hi = min(len(text), end + _MAX_RUN)
    ends = [i for i in (text.find(c, end, hi) for c in " \t\r\n") if i >= 0]
    return start, min(ends) if ends else hi


def encoding_edits(text: str) -> list[Edit]:
    if text.isascii() and "&" not in text:
        return []
    edits: list[Edit] = []
    covered = -1
    for m in _DAMAGE.finditer(text):
        if m.start() < covered:
            continue
        start, end = _run_bounds(text, m.start(), m.end())
        start = max(start, covered)
        covered = end
        run = text[start:end]
        fixed = ftfy.fix_text(run, _CONFIG)
        if fixed != run:
            edits.append(Edit(start, end, fixed))
    return edits
