"""Score extracted relations against a gold file (format: docs/gold.md).

Matching is at the dyad level per document: (source, relation, target, polarity), with symmetric
relations unordered. Kind recall, modality, attribution and PLOVER event accuracy are computed
over matched edges. Gold actors may be ids or any name the gazetteer knows.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from dyads.actors import Gazetteer
from dyads.errors import DataError
from dyads.evaluate import gold
from dyads.evaluate.gold import read_lines
from dyads.pipeline import Pipeline
from dyads.records import RELATION_TYPES, Document, Relation

Key = tuple[str, str, str, str]  # (source, relation, target, polarity)


def gold_actor(gaz: Gazetteer, ref: str | None) -> str | None:
    """A gold actor reference (id, name or alias) as an actor id."""
    return None if ref is None else gold.actor_ids(gaz, ref)[0]


def _key(src: str, rel: str, tgt: str, pol: str, symmetric: frozenset[str]) -> Key:
    if rel in symmetric and tgt < src:
        src, tgt = tgt, src
    return (src, rel, tgt, pol)


def load_gold(path: Path) -> list[dict[str, Any]]:
    out = []
    for lineno, rec in read_lines(path):
        if "doc" not in rec or "relations" not in rec:
            raise DataError("a gold line needs 'doc' and 'relations'", path=str(path), line=lineno)
        for r in rec["relations"]:
            if r.get("relation") not in RELATION_TYPES:
                raise DataError(
                    f"unknown relation {r.get('relation')!r}", path=str(path), line=lineno
                )
        rec["_line"] = lineno
        out.append(rec)
    return out


def find_document(doc_ref: str, root: Path) -> Document:
    """The Document a gold line names: ``path`` or ``path#id`` relative to ``root``."""
    doc = gold.find_document(doc_ref, root)
    if doc is None:
        raise DataError(f"gold document {doc_ref!r} not found under {root}")
    return doc


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f, 4),
        "tp": tp,
        "fp": fp,
        "fn": fn,
    }


def _error(
    kind: str, rec: dict[str, Any], key: Key, sentence: str | None, **extra: Any
) -> dict[str, Any]:
    """One entry of the error list: a missed, wrong, modality or attribution error on an edge."""
    return {"type": kind, "doc": rec["doc"], "edge": list(key), "sentence": sentence, **extra}


def evaluate_relations(
    gold_paths: Iterable[Path], root: Path | None = None, pipeline: Pipeline | None = None
) -> dict[str, Any]:
    """Precision, recall and F1 per relation type and overall, plus kinds, modality and
    attribution figures, and the lists of false positives and false negatives."""
    pipe = pipeline or Pipeline()
    gaz = pipe.gazetteer
    symmetric = pipe.extractor.symmetric
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    kinds_hit = kinds_total = 0
    mod_ok = mod_total = 0
    attr_ok = attr_total = 0
    event_ok = event_total = 0
    errors: list[dict[str, Any]] = []
    n_docs = 0
    for gold_path in gold_paths:
        gold_path = Path(gold_path)
        base = root or _guess_root(gold_path)
        for rec in load_gold(gold_path):
            doc = find_document(rec["doc"], base)
            n_docs += 1
            processed = pipe.process(doc)
            pred: dict[Key, list[Relation]] = defaultdict(list)
            for r in processed.relations:
                pred[_key(r.source.id, r.relation, r.target.id, r.polarity, symmetric)].append(r)
            gold: dict[Key, dict[str, Any]] = {}
            for g in rec["relations"]:
                src = gold_actor(gaz, g["source"])
                tgt = gold_actor(gaz, g["target"])
                assert src and tgt
                gold[_key(src, g["relation"], tgt, g.get("polarity", "affirmed"), symmetric)] = g
            for key, g in gold.items():
                rel = key[1]
                if key in pred:
                    counts[rel]["tp"] += 1
                    rels = pred[key]
                    gk = set(g.get("kinds") or [])
                    if gk:
                        got = {k for r in rels for k in r.kinds}
                        kinds_hit += len(gk & got)
                        kinds_total += len(gk)
                    mod_total += 1
                    gm = g.get("modality", "asserted")
                    if gm in {r.modality for r in rels}:
                        mod_ok += 1
                    else:
                        detail = f"gold {gm}, got {sorted({r.modality for r in rels})}"
                        errors.append(
                            _error("modality", rec, key, g.get("sentence"), detail=detail)
                        )
                    gev = (g.get("plover") or {}).get("event")
                    if gev:
                        event_total += 1
                        got_ev = {r.event for r in rels}
                        if gev in got_ev:
                            event_ok += 1
                        else:
                            detail = f"gold {gev}, got {sorted(map(str, got_ev))}"
                            errors.append(
                                _error("event", rec, key, g.get("sentence"), detail=detail)
                            )
                    ga = gold_actor(gaz, g.get("attributed_to"))
                    pa = {r.attributed_to.id if r.attributed_to else None for r in rels}
                    if ga is not None or pa != {None}:
                        attr_total += 1
                        if ga in pa:
                            attr_ok += 1
                        else:
                            detail = f"gold {ga}, got {sorted(map(str, pa))}"
                            errors.append(
                                _error("attribution", rec, key, g.get("sentence"), detail=detail)
                            )
                else:
                    counts[rel]["fn"] += 1
                    errors.append(_error("missed", rec, key, g.get("sentence")))
            for key, rels in pred.items():
                if key not in gold:
                    counts[key[1]]["fp"] += 1
                    errors.append(
                        _error("wrong", rec, key, rels[0].evidence.sentence, cue=rels[0].cue)
                    )
    per_type = {rel: _prf(c["tp"], c["fp"], c["fn"]) for rel, c in sorted(counts.items())}
    total = Counter[str]()
    for c in counts.values():
        total.update(c)
    return {
        "documents": n_docs,
        "overall": _prf(total["tp"], total["fp"], total["fn"]),
        "per_type": per_type,
        "kind_recall": round(kinds_hit / kinds_total, 4) if kinds_total else None,
        "modality_accuracy": round(mod_ok / mod_total, 4) if mod_total else None,
        "attribution_accuracy": round(attr_ok / attr_total, 4) if attr_total else None,
        "event_accuracy": round(event_ok / event_total, 4) if event_total else None,
        "errors": errors,
    }


def _guess_root(gold_path: Path) -> Path:
    """Gold paths are relative to the repository root: the gold file's folder's parent."""
    here = Path.cwd()
    return here if (here / "samples").exists() else gold_path.resolve().parent.parent
