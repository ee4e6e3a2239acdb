"""``dyads export --format graphrag``: the tables of Microsoft GraphRAG's published output schema
(docs/index/outputs.md of microsoft/graphrag), each id resolving, weights and descriptions
from the evidence."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb
import pytest
from click.testing import CliRunner

import dyads
from dyads.cli import main
from dyads.export import FORMATS, export
from dyads.export.graphrag import TOKEN, claim_status, titles
from dyads.ingest import IngestReport

from .handstore import make_store

#: GraphRAG's columns for each table (its "Outputs" page: the shared id and human_readable_id,
#: then each table's own; text_units' list of relationships as its data model names it,
#: ``relationship_ids``, where that page writes ``relationships_ids``).
GRAPHRAG_COLUMNS = {
    "entities": ["title", "type", "description", "text_unit_ids", "frequency", "degree", "x", "y"],
    "relationships": [
        "source",
        "target",
        "description",
        "weight",
        "combined_degree",
        "text_unit_ids",
    ],
    "text_units": [
        "text",
        "n_tokens",
        "document_ids",
        "entity_ids",
        "relationship_ids",
        "covariate_ids",
    ],
    "covariates": [
        "covariate_type",
        "type",
        "description",
        "subject_id",
        "object_id",
        "status",
        "start_date",
        "end_date",
        "source_text",
        "text_unit_id",
    ],
    "documents": ["title", "text", "text_unit_ids", "creation_date", "metadata"],
}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_store(tmp_path_factory.mktemp("graphrag") / "hand.duckdb")


def tables(db: Path, out: Path, roll_up: bool = True) -> dict[str, list[dict[str, Any]]]:
    with dyads.open(db) as store:
        paths = export(store, "graphrag", out, roll_up=roll_up)
    assert sorted(p.name for p in paths) == sorted(f"{t}.parquet" for t in GRAPHRAG_COLUMNS)
    con = duckdb.connect()
    result = {}
    for p in paths:
        rel = con.sql(f"SELECT * FROM '{p}'")
        result[p.stem] = [dict(zip(rel.columns, row, strict=True)) for row in rel.fetchall()]
    return result


def check_ids_resolve(t: dict[str, list[dict[str, Any]]]) -> None:
    ids = {name: {r["id"] for r in rows} for name, rows in t.items()}
    entity_titles = {e["title"] for e in t["entities"]}
    assert len(entity_titles) == len(t["entities"])  # GraphRAG joins on title
    for r in t["relationships"]:
        assert {r["source"], r["target"]} <= entity_titles
        assert set(r["text_unit_ids"]) <= ids["text_units"]
        assert r["weight"] > 0
    for e in t["entities"]:
        assert set(e["text_unit_ids"]) <= ids["text_units"]
        assert e["frequency"] == len(e["text_unit_ids"])
    for u in t["text_units"]:
        assert set(u["document_ids"]) <= ids["documents"]
        assert set(u["entity_ids"]) <= ids["entities"]
        assert set(u["relationship_ids"]) <= ids["relationships"]
        assert set(u["covariate_ids"]) <= ids["covariates"]
    for c in t["covariates"]:
        assert {c["subject_id"], c["object_id"]} <= entity_titles
        assert c["text_unit_id"] in ids["text_units"]
    for d in t["documents"]:
        assert set(d["text_unit_ids"]) <= ids["text_units"]
    for rows in t.values():
        assert [r["human_readable_id"] for r in rows] == list(range(len(rows)))


def test_registered_as_a_directory_format() -> None:
    assert FORMATS["graphrag"].directory and FORMATS["graphrag"].default == "dyads-graphrag"


def test_tables_have_graphrag_columns_first(db: Path, tmp_path: Path) -> None:
    t = tables(db, tmp_path / "gr")
    for name, cols in GRAPHRAG_COLUMNS.items():
        assert list(t[name][0])[: len(cols) + 2] == ["id", "human_readable_id", *cols], name
    check_ids_resolve(t)


def test_relationships_weigh_counted_stories_and_describe_the_evidence(
    db: Path, tmp_path: Path
) -> None:
    t = tables(db, tmp_path / "gr")
    rels = {(r["source_id"], r["relation"], r["target_id"]): r for r in t["relationships"]}
    arms = rels[("iran", "SUPPORTS", "houthis")]
    assert (arms["source"], arms["target"], arms["weight"]) == ("Iran", "Houthis", 2.0)
    assert arms["status"] == "contested" and arms["denied_stories"] == 1
    assert arms["claim_ids"] == ["c-arms-copy", "c-arms", "c-train", "c-deny"]
    assert arms["description"] == (
        "Iran supports Houthis (funding, training, weapons): 2 independent stories affirm it, "
        "1 story denies it (contested); dated 2020-01-05 to 2021-03-01. "
        'Evidence: "Iran arms and funds the Houthis." (Harbour Wire, 2020-01-05); '
        '"The Quds Force reportedly trains Houthi fighters." (reported, Harbour Wire, '
        "2021-03-01). "
        'Denied: "Tehran denies arming the Houthis." (believed, according to Government of '
        "Iran, Harbour Wire, 2021-03-01)."
    )
    assert len(arms["text_unit_ids"]) == 4  # d1 and its copy, and two sentences of d2
    # a tie only hypothetical is no relationship; its claim is a covariate
    assert ("yemeni-militants", "ATTACKS", "saudi-arabia") not in rels
    assert rels[("saudi-arabia", "ATTACKS", "houthis")]["weight"] == 1.0
    degree = {e["id"]: e["degree"] for e in t["entities"]}
    assert arms["combined_degree"] == degree["iran"] + degree["houthis"]


def test_covariates_keep_every_claim_with_graphrag_status(db: Path, tmp_path: Path) -> None:
    t = tables(db, tmp_path / "gr")
    cov = {c["id"]: c for c in t["covariates"]}
    assert set(cov) == {
        "c-arms",
        "c-arms-copy",
        "c-train",
        "c-deny",
        "c-accuse",
        "c-bomb",
        "c-strike",
        "c-lead",
    }
    status = {i: c["status"] for i, c in cov.items()}
    assert status["c-arms"] == status["c-bomb"] == "TRUE"
    assert status["c-deny"] == "FALSE"
    assert status["c-train"] == status["c-strike"] == status["c-accuse"] == "SUSPECTED"
    deny = cov["c-deny"]
    assert (deny["subject_id"], deny["object_id"]) == ("Iran", "Houthis")  # rolled up
    assert deny["source_id"] == "iran.government" and deny["counted"] is False
    assert deny["description"] == (
        "Government of Iran supports Houthis (weapons): denied, believed, according to "
        "Government of Iran."
    )
    assert cov["c-strike"]["relationship_id"] is None
    assert cov["c-bomb"]["start_date"] == "2015"


def test_text_units_entities_and_documents(db: Path, tmp_path: Path) -> None:
    t = tables(db, tmp_path / "gr")
    units = {(u["document_id"], u["sentence_index"]): u for u in t["text_units"]}
    first = units[("d1", 0)]
    assert first["text"] == "Iran arms and funds the Houthis." and first["n_tokens"] == 7
    assert first["entity_ids"] == ["houthis", "iran"] and first["covariate_ids"] == ["c-arms"]
    assert units[("d1", 1)]["entity_ids"] == ["houthis"]  # it names an entity, no claim
    assert units[("d2", 0)]["entity_ids"] == ["houthis", "iran"]  # the Quds Force rolls up
    ents = {e["id"]: e for e in t["entities"]}
    assert "quds-force" not in ents
    houthis = ents["houthis"]
    assert houthis["description"] == (
        "Houthis: armed group (YEM). Also called Ansar Allah. Supported by Iran (2 stories); "
        "attacked by Saudi Arabia (1 story); led by Abdul-Malik al-Houthi (1 story)."
    )
    assert houthis["frequency"] == 7 and houthis["type"] == "armed_group"
    assert ents["yemeni-militants"]["generic"] is True
    docs = {d["id"]: d for d in t["documents"]}
    assert docs["d3"]["creation_date"] is None and docs["d1"]["metadata"]["story_id"] == "s1"
    assert docs["d2"]["text_unit_ids"] == [units[("d2", i)]["id"] for i in range(3)]


def test_without_roll_up_the_parts_are_entities(db: Path, tmp_path: Path) -> None:
    t = tables(db, tmp_path / "gr", roll_up=False)
    check_ids_resolve(t)
    rels = {(r["source_id"], r["relation"], r["target_id"]): r for r in t["relationships"]}
    assert rels[("quds-force", "SUPPORTS", "houthis")]["weight"] == 1.0
    part = rels[("quds-force", "PART_OF", "iran.military")]
    assert part["weight"] == 1.0 and part["status"] == "hierarchy"
    assert part["description"] == "Quds Force is part of Iranian military (gazetteer hierarchy)."
    assert ("iran.government", "SUPPORTS", "houthis") not in rels  # denied only
    deny = next(c for c in t["covariates"] if c["id"] == "c-deny")
    assert deny["subject_id"] == "Government of Iran"


def test_titles_are_unique() -> None:
    actors = {
        "a": {"name": "Popular Front"},
        "b": {"name": "Popular Front"},
        "c": {"name": "Hamas"},
    }
    assert titles(actors) == {"a": "Popular Front (a)", "b": "Popular Front (b)", "c": "Hamas"}


@pytest.mark.parametrize(
    ("polarity", "modality", "status"),
    [
        ("affirmed", "asserted", "TRUE"),
        ("affirmed", "reported", "SUSPECTED"),
        ("affirmed", "believed", "SUSPECTED"),
        ("affirmed", "hypothetical", "SUSPECTED"),
        ("affirmed", "question", "SUSPECTED"),
        ("denied", "asserted", "FALSE"),
        ("denied", "believed", "FALSE"),
    ],
)
def test_claim_status(polarity: str, modality: str, status: str) -> None:
    assert claim_status(polarity, modality) == status


def test_n_tokens_counts_words_and_punctuation() -> None:
    assert TOKEN.findall("Iran's IRGC, reportedly.") == [
        "Iran",
        "'",
        "s",
        "IRGC",
        ",",
        "reportedly",
        ".",
    ]


def test_samples_via_cli(samples_db: tuple[Path, IngestReport], tmp_path: Path) -> None:
    res = CliRunner().invoke(
        main,
        ["export", "--db", str(samples_db[0]), "--format", "graphrag", "-o", str(tmp_path / "g")],
    )
    assert res.exit_code == 0, res.output
    con = duckdb.connect()
    t = {}
    for name in GRAPHRAG_COLUMNS:
        rel = con.sql(f"SELECT * FROM '{tmp_path / 'g' / name}.parquet'")
        t[name] = [dict(zip(rel.columns, row, strict=True)) for row in rel.fetchall()]
    check_ids_resolve(t)
    rels = {(r["source"], r["target"]) for r in t["relationships"] if r["relation"] == "SUPPORTS"}
    assert ("Rwanda", "March 23 Movement") in rels


def test_golden_graphrag(db: Path, tmp_path: Path, golden: Any) -> None:
    t = tables(db, tmp_path / "gr")
    golden("graphrag.json", json.dumps(t, ensure_ascii=False, indent=1) + "\n")
