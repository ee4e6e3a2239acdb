"""The quality gate: extraction on the development gold must not fall below the pinned floors.

Floors live in ``tests/eval_baseline.json``. Raise them as quality rises; never lower one without
saying why in the commit message and CHANGELOG.md.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyads.pipeline import Pipeline
from dyads.relations.evaluate import evaluate_relations

from ..conftest import GOLD, ROOT

BASELINE = Path(__file__).resolve().parent.parent / "eval_baseline.json"


@pytest.fixture(scope="module")
def result(pipeline: Pipeline) -> dict[str, object]:
    return evaluate_relations([GOLD / "relations.jsonl"], ROOT, pipeline)


def test_gold_covers_enough(result: dict[str, object]) -> None:
    overall = result["overall"]
    assert isinstance(overall, dict)
    assert result["documents"] >= 15
    assert overall["tp"] + overall["fn"] >= 150  # gold relations


def test_overall_floors(result: dict[str, object]) -> None:
    floors = json.loads(BASELINE.read_text())
    overall = result["overall"]
    assert isinstance(overall, dict)
    for metric in ("precision", "recall", "f1"):
        assert overall[metric] >= floors["overall"][metric], (metric, overall[metric])
    for metric in ("kind_recall", "modality_accuracy", "attribution_accuracy"):
        assert result[metric] >= floors[metric], (metric, result[metric])


def test_per_type_precision_floors(result: dict[str, object]) -> None:
    floors = json.loads(BASELINE.read_text())["precision_per_type"]
    per_type = result["per_type"]
    assert isinstance(per_type, dict)
    for rel, floor in floors.items():
        assert per_type[rel]["precision"] >= floor, (rel, per_type[rel])


def test_mention_resolution_floor(pipeline: Pipeline) -> None:
    from dyads.actors.evaluate import evaluate_mentions

    floors = json.loads(BASELINE.read_text())
    result = evaluate_mentions(GOLD / "mentions.jsonl", ROOT, pipeline)
    assert result["total"] >= 150
    assert result["accuracy"] >= floors["mention_accuracy"], result["accuracy"]


def test_heldout_floors(pipeline: Pipeline) -> None:
    """The held-out set (gold/heldout/) was written by someone who never saw the extractor; its
    floors guard against regressions, not a target to tune for."""
    floors = json.loads(BASELINE.read_text())["heldout"]
    result = evaluate_relations([GOLD / "heldout" / "relations.jsonl"], ROOT, pipeline)
    overall = result["overall"]
    assert isinstance(overall, dict)
    assert result["documents"] >= 8
    for metric in ("precision", "recall", "f1"):
        assert overall[metric] >= floors[metric], (metric, overall[metric])
