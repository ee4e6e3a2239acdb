"""Boilerplate lines left by scrapers: share buttons, "Read more", "Advertisement", copyright."""

from __future__ import annotations

from dyads.repair.data import RepairData
from dyads.repair.offsets import Edit


def boilerplate_edits(text: str, data: RepairData) -> list[Edit]:
    """Drop each whole line (with its line break) that matches a boilerplate pattern."""
    limit = data.boilerplate_max_chars
    return [
        Edit(m.start(), m.end(), "")
        for m in data.boilerplate.finditer(text)
        if m.end() > m.start() and len(m.group(0).strip()) <= limit
    ]
