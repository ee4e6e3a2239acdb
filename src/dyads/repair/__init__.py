"""Repair: clean web text before parsing, keeping a map back to the original offsets.

``repair(text)`` runs the steps below in order; each step finds edits on the text the step before
produced and records how positions move, so :meth:`RepairedText.to_original` maps any span of the
repaired text back to the text as read. A step that changes nothing costs one scan and no map.

1. ``encoding``: mojibake, HTML entities, ligatures (ftfy, only where damage shows);
2. ``boilerplate``: share buttons, "Read more", "Advertisement" lines dropped;
3. ``unwrap``: a sentence broken over two lines is joined;
4. ``glue``: "Region).The militia", "the IRGC.The", "autonomy.Āfter" and a statement glued to
   a question ("the Taliban?analysts doubt it") get their missing space;
5. ``dashes``: "officers-and their guards", where a scraper turned an em dash into a hyphen,
   gets its dash back (" — ");
6. ``dropcap``: "Ōfficials said", "īy 2019", "fficials said" and "Īdlib is held" get their
   capital back.

``split_sentences`` then cuts the repaired text into sentences, ``rejoin_pairs`` finds the two
halves of a sentence split at "U.S." and shuffled apart, and ``scramble_score`` says how likely
their order was shuffled.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from dyads.repair.boilerplate import boilerplate_edits
from dyads.repair.dashes import dash_edits
from dyads.repair.data import RepairData, load
from dyads.repair.dropcap import dropcap_edits
from dyads.repair.encoding import encoding_edits
from dyads.repair.glue import glue_edits, unwrap_edits
from dyads.repair.offsets import Edit, StepMap, apply_edits
from dyads.repair.scramble import scramble_score
from dyads.repair.segment import rejoin_pairs, split_sentences

__all__ = ["RepairedText", "repair", "rejoin_pairs", "split_sentences", "scramble_score", "STEPS"]


@dataclass(frozen=True)
class RepairedText:
    """The repaired ``text`` of ``original``, the steps applied with their counts, and the maps."""

    original: str
    text: str
    steps: tuple[tuple[str, int], ...] = ()
    maps: tuple[StepMap, ...] = field(default=(), repr=False)  # one per step that changed text

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The span of ``original`` that the span ``text[start:end]`` came from.

        Always within ``[0, len(original)]`` with ``ostart <= oend``; monotonic in each argument;
        exact (a shift) where no repair touched the text.
        """
        start = min(max(start, 0), len(self.text))
        end = min(max(end, start), len(self.text))
        for smap in reversed(self.maps):
            start, end = smap.start(start), smap.end(end)
            end = max(end, start)
        n = len(self.original)
        start = min(max(start, 0), n)
        return start, min(max(end, start), n)


Step = Callable[[str, RepairData], list[Edit]]
STEPS: tuple[tuple[str, Step], ...] = (
    ("encoding", lambda text, data: encoding_edits(text)),
    ("boilerplate", boilerplate_edits),
    ("unwrap", lambda text, data: unwrap_edits(text)),
    (
        "glue",
        lambda text, data: glue_edits(text, "".join(k for k, v in data.lookalikes.items() if v)),
    ),
    ("dashes", dash_edits),
    ("dropcap", dropcap_edits),
)


def repair(text: str) -> RepairedText:
    """Repair ``text`` (see the module docstring for the steps)."""
    data = load()
    current = text
    steps: list[tuple[str, int]] = []
    maps: list[StepMap] = []
    for name, find in STEPS:
        edits = find(current, data)
        if not edits:
            continue
        current, smap = apply_edits(current, edits)
        if len(smap):
            steps.append((name, len(smap)))
            maps.append(smap)
    return RepairedText(original=text, text=current, steps=tuple(steps), maps=tuple(maps))
