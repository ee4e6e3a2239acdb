"""Every evaluation in one run: our gold sets and the re3d development split.

``make eval`` and ``dyads eval --all`` print these figures; ``tests/evaluate/test_eval_gate.py``
holds a floor for each (``tests/eval_baseline.json``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dyads.evaluate.mentions import evaluate_mentions
from dyads.evaluate.re3d import find_scorer, score_re3d
from dyads.evaluate.relations import evaluate_relations

if TYPE_CHECKING:
    from dyads.pipeline import Pipeline

__all__ = ["GOLD_SETS", "GoldSet", "evaluate_suite"]


@dataclass(frozen=True)
class GoldSet:
    name: str
    relations: str  # path from the repository root
    mentions: str | None
    about: str


GOLD_SETS: tuple[GoldSet, ...] = (
    GoldSet(
        "development",
        "gold/relations.jsonl",
        "gold/mentions.jsonl",
        "the sample corpus; rules were tuned on it",
    ),
    GoldSet(
        "held-out",
        "gold/heldout/relations.jsonl",
        None,
        "8 articles written without seeing the extractor (no longer blind)",
    ),
    GoldSet(
        "references",
        "gold/references/relations.jsonl",
        "gold/references/mentions.jsonl",
        "articles written blind to the resolver, for pronouns, descriptions and bodies of states",
    ),
    GoldSet(
        "events",
        "gold/events/relations.jsonl",
        None,
        "wire reports written blind: accusations, threats, sanctions, protests, aid (PLOVER types)",
    ),
)


def evaluate_suite(
    root: Path, pipeline: Pipeline, *, re3d: bool = True, errors: bool = False
) -> dict[str, Any]:
    """{set name: result} for every gold set present under ``root``, plus ``re3d-dev`` when its
    scorer is beside the repository."""
    out: dict[str, Any] = {}
    for gs in GOLD_SETS:
        rel_path = root / gs.relations
        if not rel_path.exists():
            continue
        result = evaluate_relations([rel_path], root, pipeline)
        if gs.mentions and (root / gs.mentions).exists():
            result["mentions"] = evaluate_mentions(root / gs.mentions, root, pipeline)
        if not errors:
            result.pop("errors", None)
        out[gs.name] = result
    scorer = find_scorer(root) if re3d else None
    if scorer is not None:
        out["re3d-dev"] = score_re3d(scorer)
    return out
