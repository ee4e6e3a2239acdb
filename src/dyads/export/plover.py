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


def events_for(claim: dict[str, Any]) -> list[dict[str, Any]]:
    """The PLOVER-style events of one claim, a row of :func:`~dyads.export.tables.claims_sql`
    (none if its relation has no PLOVER event)."""
    onto = ontology()
    spec = (onto["relations"].get(claim["relation"]) or {}).get("plover") or {}
    event = claim["plover_event"] or spec.get("event")
    if not event:
        return []
    if claim["plover_event"] and claim["plover_event"] != spec.get("event"):
        # the cue named a more precise event type than the relation's ("accuses": ACCUSE)
        modes = [claim["plover_mode"]]
    elif "mode_by_kind" in spec:
        modes = sorted(
            {spec["mode_by_kind"].get(k) for k in (claim["kinds"] or ["other"])},
            key=lambda m: m or "",
        )
    else:
        modes = [spec.get("mode")]
    out = []
    for i, mode in enumerate(modes):
        out.append(
            {
                "id": claim["id"] if len(modes) == 1 else f"{claim['id']}-{i}",
                "date": claim["date"] or claim["document_date"],
                "event_type": event,
                "mode": mode,
                "context": [],
                "actor": {
                    "id": claim["source_id"],
                    "name": claim["source_name"],
                    "country": claim["source_country"],
                    "type": claim["source_type"],
                },
                "recipient": {
                    "id": claim["target_id"],
                    "name": claim["target_name"],
                    "country": claim["target_country"],
                    "type": claim["target_type"],
                },
                "event_text": claim["evidence_sentence"],
                "negated": claim["polarity"] == "denied",
                "modality": onto.get("modality_to_plover", {}).get(claim["modality"]),
                "dyads": {
                    "relation": claim["relation"],
                    "kinds": list(claim["kinds"] or []),
                    "modality": claim["modality"],
                    "polarity": claim["polarity"],
                    "counted": claim["counted"],
                    "attributed_to": claim["attributed_to_id"],
                    "doc_id": claim["evidence_doc"],
                    "story_id": claim["document_story_id"],
                    "outlet": claim["document_outlet"],
                    "url": claim["document_url"] or claim["document_path"],
                },
            }
        )
    return out


def write(store: Store, path: Path, opts: ExportOptions) -> list[Path]:
    sql, params = claims_sql(store, opts)
    events: list[dict[str, Any]] = []
    for claim in store.query(sql, params):
        events.extend(events_for(claim))
    path.write_text(json.dumps(events, ensure_ascii=False, indent=1), encoding="utf-8")
    return [path]
