"""dyads: evidence-linked networks of political and armed actors from news and analysis."""

from __future__ import annotations

__version__ = "0.1.0"
