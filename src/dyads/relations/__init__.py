"""Relations: typed, directed edges with modality and attribution, from parsed sentences."""

from __future__ import annotations

from dyads.relations.extract import RelationExtractor

__all__ = ["RelationExtractor"]
