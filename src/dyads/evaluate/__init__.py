"""Evaluation: score the pipeline against gold files (format: docs/gold.md) and the re3d
development split. No pipeline stage imports this package; it imports the pipeline."""

from __future__ import annotations

from dyads.evaluate.mentions import evaluate_mentions
from dyads.evaluate.relations import evaluate_relations, load_gold
from dyads.evaluate.suite import GOLD_SETS, evaluate_suite

__all__ = ["GOLD_SETS", "evaluate_mentions", "evaluate_relations", "evaluate_suite", "load_gold"]
