"""The relation record: the project's public interface."""

from __future__ import annotations

from dyads.records import ActorRef, Evidence, Relation

RECORD_KEYS = {
    "id",
    "relation",
    "source",
    "target",
    "kinds",
    "role",
    "date",
    "modality",
    "polarity",
    "attributed_to",
    "plover",
    "evidence",
    "confidence",
}


def _rel(**kw: object) -> Relation:
    base: dict[str, object] = dict(
        relation="SUPPORTS",
        source=ActorRef("iran", "Iran", "state", "IRN", "Tehran"),
        target=ActorRef("houthis", "Houthis", "armed_group", "YEM", "the group"),
        evidence=Evidence("doc1", "Tehran arms the group.", 10, 32, 1),
        kinds=("weapons",),
    )
    base.update(kw)
    return Relation(**base)  # type: ignore[arg-type]


def test_record_has_exactly_the_documented_keys() -> None:
    rec = _rel().to_dict()
    assert set(rec) == RECORD_KEYS
    assert set(rec["source"]) == {"id", "name", "type", "country", "mention", "generic"}
    assert set(rec["evidence"]) == {"doc", "sentence", "start", "end"}
    assert rec["attributed_to"] is None


def test_id_is_stable_and_depends_on_doc_offsets_and_dyad() -> None:
    a, b = _rel(), _rel(modality="reported")
    assert a.id == b.id == _rel().id
    assert len(a.id) == 16
    assert _rel(evidence=Evidence("doc1", "x", 11, 32, 1)).id != a.id
    assert _rel(relation="OPPOSES").id != a.id


def test_attribution_is_serialised_as_id_and_name() -> None:
    rec = _rel(attributed_to=ActorRef("united-nations", "United Nations", "igo")).to_dict()
    assert rec["attributed_to"] == {"id": "united-nations", "name": "United Nations"}


def test_plover_event_is_serialised_with_its_mode() -> None:
    assert _rel().to_dict()["plover"] is None
    rec = _rel(relation="OPPOSES", event="ACCUSE", mode="disapprove").to_dict()
    assert rec["plover"] == {"event": "ACCUSE", "mode": "disapprove"}
