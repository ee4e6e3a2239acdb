"""PLOVER-style events: our relation types mapped to PLOVER event types and modes (ontology.yaml).

One JSON array of events. Each event follows the PLOVER field names (``id``, ``date``,
``event_type``, ``mode``, ``context``, ``actor``, ``recipient``, ``event_text``) and keeps
dyads' own fields under ``dyads`` (relation, kinds, modality, polarity, counted, document).
Relation types without a PLOVER event (LEADS, MEMBER_OF, LOCATED_IN) are not exported.
SUPPORTS becomes AID with one event per mode its kinds map to (weapons -> military,
funding -> economic...). Denied claims are exported with ``negated: true`` and hypothetical or
questioned ones with their PLOVER modality, so a consumer can drop them; none is silently
turned into an event that happened.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from dyads.export.tables import ExportOptions, claims_sql
from dyads.relations.ontology import load_ontology
from dyads.store import Store


def ontology() -> dict[str, Any]:
    return load_ontology().raw


def events_for(claim: dict[str, Any], actors: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The PLOVER-style events of one claim (none if its relation has no PLOVER event)."""
    onto = ontology()
    spec = (onto["relations"].get(claim["relation"]) or {}).get("plover") or {}
    event = claim.get("event") or spec.get("event")
    if not event:
        return []
    if claim.get("event") and claim["event"] != spec.get("event"):
        # the cue named a more precise event type than the relation's ("accuses": ACCUSE)
        modes = [claim.get("event_mode")]
    elif "mode_by_kind" in spec:
        modes = sorted(
            {spec["mode_by_kind"].get(k) for k in (claim["kinds"] or ["other"])},
            key=lambda m: m or "",
        )
    else:
        modes = [spec.get("mode")]
    out = []
    for i, mode in enumerate(modes):
        src, tgt = actors.get(claim["source_id"], {}), actors.get(claim["target_id"], {})
        out.append(
            {
                "id": claim["id"] if len(modes) == 1 else f"{claim['id']}-{i}",
                "date": claim["date"] or claim["doc_date"],
                "event_type": event,
                "mode": mode,
                "context": [],
                "actor": {
                    "id": claim["source_id"],
                    "name": src.get("name"),
                    "country": src.get("country"),
                    "type": src.get("type"),
                },
                "recipient": {
                    "id": claim["target_id"],
                    "name": tgt.get("name"),
                    "country": tgt.get("country"),
                    "type": tgt.get("type"),
                },
                "event_text": claim["evidence"],
                "negated": claim["polarity"] == "denied",
                "modality": onto.get("modality_to_plover", {}).get(claim["modality"]),
                "dyads": {
                    "relation": claim["relation"],
                    "kinds": list(claim["kinds"] or []),
                    "modality": claim["modality"],
                    "polarity": claim["polarity"],
                    "counted": claim["counted"],
                    "attributed_to": claim["attributed_to"],
                    "doc_id": claim["doc_id"],
                    "story_id": claim["story_id"],
                    "outlet": claim["outlet"],
                    "url": claim["url"] or claim["path"],
                },
            }
        )
    return out


def write(store: Store, path: Path, opts: ExportOptions) -> list[Path]:
    actors = {r["id"]: r for r in store.query("SELECT id, name, type, country FROM actors")}
    sql, params = claims_sql(store, opts)
    events: list[dict[str, Any]] = []
    for claim in store.query(sql, params):
        events.extend(events_for(claim, actors))
    path.write_text(json.dumps(events, ensure_ascii=False, indent=1), encoding="utf-8")
    return [path]
