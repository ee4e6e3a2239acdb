"""Stories: order-insensitive near-duplicate clustering, so the same story counts once."""

from __future__ import annotations

from dyads.stories.cluster import StoryIndex, fingerprint

__all__ = ["StoryIndex", "fingerprint"]
