"""Every export format, re-read by the tool it is for, with asserted content."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import duckdb
import networkx as nx
import pytest
from click.testing import CliRunner

import dyads
from dyads.cli import main
from dyads.export import FORMATS, Format, export
from dyads.export.neo4j import COMMAND

from ..analysis.handmade import make_store, rel


@pytest.fixture(scope="module")
def hand_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    docs = {"a": ("2020-01-01", "s1"), "a-copy": ("2020-01-02", "s1"), "b": ("2021-01-01", "s2")}
    rels = [
        rel(
            "iran",
            "SUPPORTS",
            "houthis",
            "a",
            kinds=["weapons", "funding"],
            evidence="Iran arms and funds the Houthis.",
        ),
        rel(
            "iran",
            "SUPPORTS",
            "houthis",
            "a-copy",
            kinds=["weapons", "funding"],
            evidence="Iran arms and funds the Houthis.",
        ),
        rel("quds-force", "SUPPORTS", "houthis", "b", kinds=["training"], modality="believed"),
        rel(
            "iran.government",
            "SUPPORTS",
            "houthis",
            "b",
            polarity="denied",
            modality="believed",
            evidence="Tehran denies arming the Houthis.",
            attributed_to="iran.government",
        ),
        rel("saudi-arabia", "ATTACKS", "houthis", "b", date="2015"),
        rel("leader-x", "LEADS", "houthis", "b", role="leader"),
    ]
    return make_store(tmp_path_factory.mktemp("exp") / "exp.duckdb", docs, rels)


def test_registry_lists_every_format() -> None:
    assert set(FORMATS) == {
        "jsonl",
        "csv",
        "parquet",
        "graphml",
        "gexf",
        "neo4j",
        "plover",
        "graphrag",
    }


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_formats_reread_by_networkx(hand_db: Path, tmp_path: Path, fmt: str) -> None:
    with dyads.open(hand_db) as store:
        (path,) = export(store, fmt, tmp_path / f"g.{fmt}", roll_up=False)
    g = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    assert g.is_directed()  # a multigraph when a pair has several relation types
    edges = {(s, t, d["relation"]): d for s, t, d in g.edges(data=True)}
    iran = edges[("iran", "houthis", "SUPPORTS")]
    assert int(iran["n_stories"]) == 1 and int(iran["n_documents"]) == 2  # a story and its copy
    assert iran["kinds"] == "funding;weapons" and iran["status"] == "affirmed"
    denied = edges[("iran.government", "houthis", "SUPPORTS")]
    assert int(denied["weight"]) == 0 and denied["status"] == "denied only"
    assert ("quds-force", "irgc", "PART_OF") in edges
    label = g.nodes["houthis"].get("label")
    assert label == "Houthis"


def test_graphml_rolled_up(hand_db: Path, tmp_path: Path) -> None:
    with dyads.open(hand_db) as store:
        (path,) = export(store, "graphml", tmp_path / "g.graphml", roll_up=True)
    g = nx.read_graphml(path)
    edges = {(s, t, d["relation"]): d for s, t, d in g.edges(data=True)}
    assert (
        int(edges[("iran", "houthis", "SUPPORTS")]["n_stories"]) == 2
    )  # quds force's story counts for Iran
    assert "quds-force" not in {s for s, _, _ in edges if _ != "PART_OF"} - {"quds-force"}


def test_parquet_read_by_duckdb(hand_db: Path, tmp_path: Path) -> None:
    with dyads.open(hand_db) as store:
        paths = export(store, "parquet", tmp_path / "pq")
    assert sorted(p.name for p in paths) == [
        "actors.parquet",
        "documents.parquet",
        "relations.parquet",
    ]
    con = duckdb.connect()
    rows = con.execute(
        f"SELECT source_id, source_rollup, kinds, counted, document_story_id FROM '{tmp_path / 'pq' / 'relations.parquet'}' "
        "WHERE relation = 'SUPPORTS' ORDER BY evidence_doc, source_id"
    ).fetchall()
    assert ("iran", "iran", ["weapons", "funding"], True, "s1") in rows
    assert ("quds-force", "iran", ["training"], True, "s2") in rows
    assert (
        "iran.government",
        "iran",
        [],
        False,
        "s2",
    ) in rows  # the denial is exported, not counted
    n = con.execute(f"SELECT count(*) FROM '{tmp_path / 'pq' / 'actors.parquet'}'").fetchone()
    assert n and n[0] >= 10


def test_csv_read_by_the_csv_module(hand_db: Path, tmp_path: Path) -> None:
    with dyads.open(hand_db) as store:
        export(store, "csv", tmp_path / "csv")
    with (tmp_path / "csv" / "relations.csv").open(newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 6
    arms = [r for r in rows if r["evidence_sentence"] == "Iran arms and funds the Houthis."]
    assert (
        len(arms) == 2
        and {r["document_story_id"] for r in arms} == {"s1"}
        and arms[0]["kinds"] == "weapons;funding"
    )
    denial = next(r for r in rows if r["polarity"] == "denied")
    assert denial["counted"] == "false" and denial["attributed_to_id"] == "iran.government"
    with (tmp_path / "csv" / "actors.csv").open(newline="") as f:
        actors = {r["id"]: r for r in csv.DictReader(f)}
    assert actors["quds-force"]["rollup"] == "iran" and actors["quds-force"]["parent"] == "irgc"


def test_jsonl(hand_db: Path, tmp_path: Path) -> None:
    with dyads.open(hand_db) as store:
        (path,) = export(store, "jsonl", tmp_path / "x.jsonl")
    recs = [json.loads(line) for line in path.read_text().splitlines()]
    assert len(recs) == 6
    r = next(r for r in recs if r["source"]["id"] == "quds-force")
    assert (
        r["source"]["rollup"] == "iran"
        and r["document"]["story_id"] == "s2"
        and r["evidence"]["sentence"]
    )


def test_neo4j_files_and_command(hand_db: Path, tmp_path: Path) -> None:
    with dyads.open(hand_db) as store:
        paths = export(store, "neo4j", tmp_path / "neo")
    names = {p.name for p in paths}
    assert names == {"actors.csv", "relations.csv", "part_of.csv", "import.sh"}
    with (tmp_path / "neo" / "actors.csv").open(newline="") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames == [
            "id:ID(Actor)",
            "name",
            "type",
            "country",
            "aliases:string[]",
            "generic:boolean",
            ":LABEL",
        ]
        labels = {r["id:ID(Actor)"]: r[":LABEL"] for r in reader}
    assert labels["houthis"] == "Actor;ArmedGroup" and labels["isi"] == "Actor;IntelligenceAgency"
    with (tmp_path / "neo" / "relations.csv").open(newline="") as f:
        rels = list(csv.DictReader(f))
    assert {r[":TYPE"] for r in rels} == {"SUPPORTS", "ATTACKS", "LEADS"}
    assert all(r[":START_ID(Actor)"] in labels and r[":END_ID(Actor)"] in labels for r in rels)
    assert COMMAND in (tmp_path / "neo" / "import.sh").read_text()
    with (tmp_path / "neo" / "part_of.csv").open(newline="") as f:
        assert {"start": "quds-force", "end": "irgc"} in [
            {"start": r[":START_ID(Actor)"], "end": r[":END_ID(Actor)"]} for r in csv.DictReader(f)
        ]


def test_plover_maps_types_and_modes(hand_db: Path, tmp_path: Path) -> None:
    with dyads.open(hand_db) as store:
        (path,) = export(store, "plover", tmp_path / "p.json")
    events = json.loads(path.read_text())
    arms = [e for e in events if e["actor"]["id"] == "iran" and e["dyads"]["doc_id"] == "a"]
    # weapons -> military, funding -> economic: one AID event per mode
    assert sorted((e["event_type"], e["mode"]) for e in arms) == [
        ("AID", "economic"),
        ("AID", "military"),
    ]
    attack = next(e for e in events if e["actor"]["id"] == "saudi-arabia")
    assert attack["event_type"] == "ASSAULT" and attack["date"] == "2015"
    denied = next(e for e in events if e["actor"]["id"] == "iran.government")
    assert (
        denied["negated"] is True
        and denied["modality"] == "claimed"
        and denied["dyads"]["counted"] is False
    )
    assert not any(e["dyads"]["relation"] == "LEADS" for e in events)  # no PLOVER event type


def test_a_plugged_in_format(hand_db: Path, tmp_path: Path) -> None:
    def write(store: dyads.Store, path: Path, opts: object) -> list[Path]:
        path.write_text(str(store.counts()["relations"]))
        return [path]

    FORMATS["count"] = Format(write, "count.txt", "number of relations", directory=False)
    try:
        with dyads.open(hand_db) as store:
            (p,) = export(store, "count", tmp_path / "n.txt")
        assert p.read_text() == "6"
    finally:
        del FORMATS["count"]


def test_samples_export_via_cli(samples_db: tuple[Path, object], tmp_path: Path) -> None:
    db = str(samples_db[0])
    res = CliRunner().invoke(
        main, ["export", "--db", db, "--format", "graphml", "-o", str(tmp_path / "s.graphml")]
    )
    assert res.exit_code == 0, res.output
    g = nx.read_graphml(tmp_path / "s.graphml")
    supports = {
        (s, t)
        for s, t, d in g.edges(data=True)
        if d["relation"] == "SUPPORTS" and int(d["weight"]) > 0
    }
    assert ("rwanda", "m23") in supports
    res = CliRunner().invoke(
        main, ["export", "--db", db, "--format", "parquet", "-o", str(tmp_path / "pq")]
    )
    assert res.exit_code == 0
    n = (
        duckdb.connect()
        .execute(
            f"SELECT count(DISTINCT document_story_id) FROM '{tmp_path / 'pq' / 'relations.parquet'}' "
            "WHERE source_id = 'rwanda' AND target_id = 'm23' AND counted"
        )
        .fetchone()
    )
    assert n and n[0] >= 1
