"""The offset map of one repair step: exact outside edits, sensible inside them."""

from __future__ import annotations

import pytest

from dyads.repair.offsets import Edit, apply_edits


def test_insertion_deletion_and_replacement() -> None:
    text = "group.But BOILER\nThe Ōfficials"
    out, smap = apply_edits(text, [Edit(6, 6, " "), Edit(10, 17, ""), Edit(21, 22, "O")])
    assert out == "group. But The Officials"
    # before any edit: identity; after: a shift
    assert (smap.start(0), smap.end(6)) == (0, 6)
    assert text[smap.start(7) : smap.end(10)] == "But"
    # a span starting where a line was dropped starts after it; one ending there ends before it
    assert (smap.start(11), smap.end(11)) == (17, 10)
    assert text[smap.start(11) : smap.end(14)] == "The"
    # a replaced character maps onto the character it replaced
    assert text[smap.start(15) : smap.end(24)] == "Ōfficials"


def test_adjacent_edits_are_merged_and_overlapping_ones_dropped() -> None:
    out, smap = apply_edits("abcdef", [Edit(1, 2, "X"), Edit(2, 3, "Y"), Edit(2, 4, "Z")])
    assert out == "aXYdef"
    assert len(smap) == 1


def test_edits_out_of_range_are_refused() -> None:
    with pytest.raises(ValueError):
        apply_edits("abc", [Edit(2, 5, "")])
