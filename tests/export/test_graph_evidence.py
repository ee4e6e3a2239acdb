"""GraphML and GEXF edges carry their evidence: every claim of an aggregated edge (sentence,
document, offsets, modality, polarity, attribution), as docs/exports.md promises."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

import dyads
from dyads.export import export
from dyads.export.records import strip_added

from .handstore import make_store


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_store(tmp_path_factory.mktemp("graph") / "hand.duckdb")


def read(db: Path, tmp_path: Path, fmt: str, roll_up: bool = True) -> nx.MultiDiGraph:
    with dyads.open(db) as store:
        (path,) = export(store, fmt, tmp_path / f"g.{fmt}", roll_up=roll_up)
    return nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_edges_carry_every_claim_with_its_evidence(db: Path, tmp_path: Path, fmt: str) -> None:
    g = read(db, tmp_path, fmt)
    edges = {(s, t, d["relation"]): d for s, t, d in g.edges(data=True)}
    arms = edges[("iran", "houthis", "SUPPORTS")]
    claims = json.loads(arms["evidence"])
    # rolled up: Iran's own claims, its copy, the Quds Force's and the government's denial
    assert [c["id"] for c in claims] == ["c-arms-copy", "c-arms", "c-train", "c-deny"]
    assert int(arms["n_claims"]) == 4 and arms["status"] == "contested"
    deny = claims[-1]
    assert deny["evidence"] == {
        "doc": "d2",
        "sentence": "Tehran denies arming the Houthis.",
        "start": 50,
        "end": 83,
        "index": 1,
    }
    assert (deny["modality"], deny["polarity"], deny["counted"]) == ("believed", "denied", False)
    assert deny["attributed_to"] == {"id": "iran.government", "name": "Government of Iran"}
    assert deny["source"]["id"] == "iran.government" and deny["source"]["rollup"] == "iran"
    assert deny["document"]["story_id"] == "s2"
    # each element is the JSONL export's record
    assert list(strip_added(deny)) == [
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
    ]
    # the claim to show: counted, strongest modality, highest confidence, then the id
    assert arms["evidence_sentence"] == "Iran arms and funds the Houthis."
    assert (arms["evidence_doc"], int(arms["evidence_start"]), int(arms["evidence_end"])) == (
        "d1",
        0,
        32,
    )
    strike = edges[("yemeni-militants", "saudi-arabia", "ATTACKS")]
    assert strike["status"] == "unconfirmed only"
    assert json.loads(strike["evidence"])[0]["modality"] == "hypothetical"
    assert g.nodes["yemeni-militants"]["generic"] in (True, "true")
    assert g.nodes["iran"]["generic"] in (False, "false")
    assert "evidence" not in edges.get(("iran.military", "iran", "PART_OF"), {})


def test_without_roll_up_each_part_has_its_own_evidence(db: Path, tmp_path: Path) -> None:
    g = read(db, tmp_path, "graphml", roll_up=False)
    edges = {(s, t, d["relation"]): d for s, t, d in g.edges(data=True)}
    assert [c["id"] for c in json.loads(edges[("iran", "houthis", "SUPPORTS")]["evidence"])] == [
        "c-arms-copy",
        "c-arms",
    ]
    denial = edges[("iran.government", "houthis", "SUPPORTS")]
    assert denial["status"] == "denied only"
    assert denial["evidence_sentence"] == "Tehran denies arming the Houthis."
    assert [c["id"] for c in json.loads(denial["evidence"])] == ["c-deny"]


def test_graph_claims_add_up_to_the_export(db: Path, tmp_path: Path) -> None:
    """Every claim is on one edge, except those within one family once rolled up."""
    g = read(db, tmp_path, "graphml", roll_up=False)
    on_edges = [
        c["id"]
        for _, _, d in g.edges(data=True)
        if "evidence" in d
        for c in json.loads(d["evidence"])
    ]
    assert sorted(on_edges) == sorted(
        ["c-arms", "c-arms-copy", "c-train", "c-deny", "c-accuse", "c-bomb", "c-strike", "c-lead"]
    )


def test_golden_graphml(db: Path, tmp_path: Path, golden: Any) -> None:
    with dyads.open(db) as store:
        (path,) = export(store, "graphml", tmp_path / "g.graphml")
    golden("dyads.graphml", path.read_text("utf-8"))
