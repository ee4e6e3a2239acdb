"""Mention-resolution accuracy against a mentions gold file (format in ``docs/gold.md``).

A gold mention names a document, a text, its occurrence in the document's ORIGINAL text and the
actor it refers to: an id, a name the gazetteer knows, or the name of an actor it does not know
(compared by slug); ``generic:<type>[:<ISO3>]`` for an actor without a name ("Islamist
militants"); a list for a reference to several ("the two rivals"); ``none`` for words that must
not be resolved ("a group of experts"). It counts as correct when some predicted mention
overlapping that span was resolved to the gold actor (every actor of a list; a generic actor of
that type and country), or, for ``none``, when no overlapping mention was resolved at all.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dyads.errors import DataError
from dyads.evaluate.gold import actor_ids, find_document, read_lines
from dyads.records import Actor, Mention

if TYPE_CHECKING:
    from dyads.actors import Gazetteer
    from dyads.pipeline import Pipeline

__all__ = ["evaluate_mentions", "read_gold_mentions"]


def read_gold_mentions(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, record) for each gold mention; a bad line raises DataError naming it."""
    for n, rec in read_lines(path):
        actor = rec.get("actor")
        if not all(isinstance(rec.get(k), str) for k in ("doc", "text")) or not (
            isinstance(actor, str)
            or (isinstance(actor, list) and actor and all(isinstance(a, str) for a in actor))
        ):
            raise DataError(
                "a gold mention needs 'doc' and 'text' strings and an 'actor' (a string or a "
                "list of strings)",
                path=str(path),
                line=n,
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
    by_kind: dict[str, Counter[str]] = defaultdict(Counter)
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
        processed = pipeline.process(doc)
        mentions = processed.mentions
        actors = {a.id: a for a in processed.actors}
        for n, rec in by_doc[key]:
            span = _locate(doc.text, rec["text"], rec.get("occurrence", 1))
            if span is None:
                unlocated.append(
                    {"line": n, "doc": key, "text": rec["text"], "reason": "text not found"}
                )
                continue
            total += 1
            kind = str(rec.get("kind") or "-")
            by_kind[kind]["total"] += 1
            overlapping = [m for m in mentions if m.start < span[1] and m.end > span[0]]
            refs = rec["actor"] if isinstance(rec["actor"], list) else [rec["actor"]]
            hits: list[Mention | None] = []
            if refs == [NONE]:
                ok = not overlapping
            else:
                hits = [_hit(gaz, ref, overlapping, actors) for ref in refs]
                ok = all(h is not None for h in hits)
            if ok:
                correct += 1
                by_kind[kind]["correct"] += 1
                for rule in {h.rule for h in hits if h is not None} or {"unresolved"}:
                    by_rule[rule]["correct"] += 1
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
        "by_kind": {
            kind: {**c, "accuracy": round(c["correct"] / c["total"], 4)}
            for kind, c in sorted(by_kind.items())
        },
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


NONE = "none"
GENERIC = "generic:"


def _hit(
    gaz: Gazetteer, ref: str, overlapping: list[Mention], actors: dict[str, Actor]
) -> Mention | None:
    """The overlapping mention resolved to the gold reference ``ref``, if any."""
    if ref.startswith(GENERIC):
        kind, _, country = ref[len(GENERIC) :].partition(":")
        for m in overlapping:
            a = actors.get(m.actor_id)
            if (
                a is not None
                and a.generic
                and a.type == kind
                and (not country or a.country == country)
            ):
                return m
        return None
    gold_ids = set(actor_ids(gaz, ref))
    return next((m for m in overlapping if m.actor_id in gold_ids), None)
