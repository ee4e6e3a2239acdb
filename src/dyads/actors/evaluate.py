"""Mention-resolution accuracy against ``gold/mentions.jsonl`` (format in ``docs/gold.md``).

A gold mention names a document, a text, its occurrence in the document's ORIGINAL text and the
actor it refers to (an id, or a name the gazetteer knows, or the name of an actor it does not know,
compared by slug). It counts as correct when some predicted mention overlapping that span was
resolved to the gold actor.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dyads.errors import DataError
from dyads.gold import actor_ids, find_document, read_lines
from dyads.records import Mention

if TYPE_CHECKING:
    from dyads.pipeline import Pipeline

__all__ = ["evaluate_mentions", "read_gold_mentions"]


def read_gold_mentions(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, record) for each gold mention; a bad line raises DataError naming it."""
    for n, rec in read_lines(path):
        if not all(isinstance(rec.get(k), str) for k in ("doc", "text", "actor")):
            raise DataError(
                "a gold mention needs 'doc', 'text' and 'actor' strings", path=str(path), line=n
            )
        occurrence = rec.get("occurrence", 1)
        if not isinstance(occurrence, int) or occurrence < 1:
            raise DataError("'occurrence' must be a whole number from 1", path=str(path), line=n)
        yield n, rec


def evaluate_mentions(
    gold_path: Path, root: Path, pipeline: Pipeline | None = None
) -> dict[str, Any]:
    """Accuracy of actor resolution on the gold mentions, per rule, with the list of misses."""
    from dyads.pipeline import Pipeline

    pipeline = pipeline or Pipeline()
    gaz = pipeline.gazetteer
    by_doc: dict[str, list[tuple[int, dict[str, Any]]]] = defaultdict(list)
    for n, rec in read_gold_mentions(gold_path):
        by_doc[rec["doc"]].append((n, rec))

    correct = 0
    total = 0
    by_rule: dict[str, Counter[str]] = defaultdict(Counter)
    misses: list[dict[str, Any]] = []
    unlocated: list[dict[str, Any]] = []
    for key in sorted(by_doc):
        doc = find_document(key, root)
        if doc is None:
            for n, rec in by_doc[key]:
                unlocated.append(
                    {"line": n, "doc": key, "text": rec["text"], "reason": "document not found"}
                )
            continue
        mentions = pipeline.process(doc).mentions
        for n, rec in by_doc[key]:
            span = _locate(doc.text, rec["text"], rec.get("occurrence", 1))
            if span is None:
                unlocated.append(
                    {"line": n, "doc": key, "text": rec["text"], "reason": "text not found"}
                )
                continue
            total += 1
            gold_ids = set(actor_ids(gaz, rec["actor"]))
            overlapping = [m for m in mentions if m.start < span[1] and m.end > span[0]]
            hit = next((m for m in overlapping if _same(m, gold_ids)), None)
            if hit is not None:
                correct += 1
                by_rule[hit.rule]["correct"] += 1
                continue
            for rule in {m.rule for m in overlapping} or {"none"}:
                by_rule[rule]["wrong" if rule != "none" else "missed"] += 1
            misses.append(
                {
                    "line": n,
                    "doc": key,
                    "text": rec["text"],
                    "occurrence": rec.get("occurrence", 1),
                    "gold": rec["actor"],
                    "predicted": [(m.text, m.actor_id, m.rule) for m in overlapping],
                }
            )
    return {
        "total": total,
        "correct": correct,
        "accuracy": round(correct / total, 4) if total else 0.0,
        "by_rule": {rule: dict(c) for rule, c in sorted(by_rule.items())},
        "misses": misses,
        "unlocated": unlocated,
    }


def _locate(text: str, needle: str, occurrence: int) -> tuple[int, int] | None:
    pos = -1
    for _ in range(occurrence):
        pos = text.find(needle, pos + 1)
        if pos < 0:
            return None
    return pos, pos + len(needle)


def _same(m: Mention, gold_ids: set[str]) -> bool:
    return m.actor_id in gold_ids
