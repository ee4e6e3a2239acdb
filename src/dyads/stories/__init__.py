"""Stories: order-insensitive near-duplicate clustering, so the same story counts once.

``fingerprint(sentences)`` gives the hashed word shingles of a document (stored with it);
``StoryIndex`` assigns each new document to the story of its closest earlier copy, at ingest.
"""

from __future__ import annotations

from dyads.stories.fingerprint import fingerprint, normalise
from dyads.stories.index import StoryIndex

__all__ = ["StoryIndex", "fingerprint", "normalise"]
