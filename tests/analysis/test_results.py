"""The read model: frozen records, their JSON, the public names of dyads.analysis, and the
queries the web app adds (search, filtered relations, a document's highlights, the network)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import dyads
import dyads.analysis
from dyads.analysis import (
    document,
    dyad,
    leverage,
    list_relations,
    network,
    search_actors,
    supporters,
)
from dyads.analysis.results import Citation, DocumentText, Highlight
from dyads.analysis.timefilter import TimeFilter
from dyads.cli import main
from dyads.errors import QueryError

from .handmade import make_store, rel

EXPORTED = {
    "ActorMatch",
    "ActorProfile",
    "Answer",
    "Citation",
    "DocumentText",
    "Dyad",
    "Hierarchy",
    "Leaders",
    "Leverage",
    "Network",
    "Paths",
    "Support",
    "TimeFilter",
    "actor_profile",
    "actor_timeline",
    "ask",
    "build_graph",
    "document",
    "dyad",
    "edge_table",
    "ensure_indexes",
    "leaders",
    "leverage",
    "list_actors",
    "list_documents",
    "list_relations",
    "load_hierarchy",
    "most_supported",
    "network",
    "resolve_actor",
    "search_actors",
    "shortest_paths",
    "supported_by",
    "supporters",
    "top_actors",
}


def test_analysis_exported_members() -> None:
    assert set(dyads.analysis.__all__) == EXPORTED
    for name in EXPORTED:
        assert hasattr(dyads.analysis, name), name


@pytest.fixture(scope="module")
def samples(samples_db: tuple[Path, object]) -> Path:
    return samples_db[0]


def test_records_are_frozen_and_their_json_is_what_the_cli_prints(samples: Path) -> None:
    with dyads.open(samples) as store:
        d = dyad(store, "Rwanda", "M23")
        lev = leverage(store, "Pakistan", "Taliban")
        sup = supporters(store, "Houthis")
    with pytest.raises(dataclasses.FrozenInstanceError):
        d.groups[0].relation = "ATTACKS"  # type: ignore[misc]
    for args, rec in (
        (["dyad", "Rwanda", "M23"], d),
        (["leverage", "Pakistan", "Taliban"], lev),
        (["supporters", "Houthis"], sup),
    ):
        out = CliRunner().invoke(main, [*args, "--db", str(samples), "--json"]).output
        assert json.loads(out) == json.loads(json.dumps(rec.to_dict()))
    group = d.groups[0].to_dict()
    assert list(group)[-1] == "evidence" and "class" not in group["affirmed"][0]
    assert "copy" in group["affirmed"][0]
    assert lev.to_dict()["explanation"] == list(lev.explanation)
    assert {e.claim_class for r in sup.rows for e in r.evidence} <= {
        "affirmed",
        "denied",
        "unconfirmed",
    }


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    docs = {"a": ("2020-01-01", "s1"), "b": ("2021-06-01", "s2"), "c": ("2022-01-01", "s3")}
    rels = [
        rel("iran", "SUPPORTS", "houthis", "a", kinds=["weapons"]),
        rel("iran", "SUPPORTS", "houthis", "b", kinds=["funding"], modality="reported"),
        rel("iran", "SUPPORTS", "houthis", "c", polarity="denied", modality="believed"),
        rel("saudi-arabia", "ATTACKS", "houthis", "b"),
        rel("militants", "ATTACKS", "saudi-arabia", "c"),
        rel("houthis", "LOCATED_IN", "sanaa", "c"),
    ]
    actors = [
        ("iran", "Iran", "state", None),
        ("houthis", "Houthis", "armed_group", None),
        ("saudi-arabia", "Saudi Arabia", "state", None),
        ("sanaa", "Sanaa", "location", None),
        ("militants", "Islamist militants", "armed_group", None),
    ]
    path = make_store(tmp_path_factory.mktemp("rm") / "rm.duckdb", docs, rels, actors)
    with dyads.Store(path) as store:
        store.con.execute("UPDATE actors SET generic = true WHERE id = 'militants'")
        store.con.execute("UPDATE actors SET aliases = ['Ansar Allah'] WHERE id = 'houthis'")
        # long enough for the hand-made offsets (10 x the relation's number in the session)
        store.con.execute("UPDATE documents SET text = repeat('x', 100000) WHERE id = 'a'")
    return path


def test_search_by_name_alias_partial_and_fuzzy(db: Path) -> None:
    with dyads.open(db) as store:
        assert [(m.id, m.match) for m in search_actors(store, "Houthis")][0] == ("houthis", "id")
        assert search_actors(store, "islamist militants")[0].match == "name"
        assert search_actors(store, "ansar allah")[0].id == "houthis"
        assert search_actors(store, "ansar allah")[0].match == "alias"
        assert search_actors(store, "saudi")[0].match == "prefix"
        fuzzy = search_actors(store, "Hothis")
        assert fuzzy and fuzzy[0].id == "houthis" and fuzzy[0].match == "fuzzy"
        assert "militants" in {m.id for m in search_actors(store, "militants")}
        assert "militants" not in {m.id for m in search_actors(store, "militants", generic=False)}
        assert search_actors(store, "   ") == []


def test_relations_filters(db: Path) -> None:
    with dyads.open(db) as store:
        every = list_relations(store)
        assert len(every) == 6
        assert {r.relation for r in list_relations(store, ["SUPPORTS", "ATTACKS"])} == {
            "SUPPORTS",
            "ATTACKS",
        }
        assert [r.kinds for r in list_relations(store, kinds=["funding"])] == [("funding",)]
        assert {r.modality for r in list_relations(store, modality=["reported"])} == {"reported"}
        assert len(list_relations(store, polarity="denied")) == 1
        since = list_relations(store, time=TimeFilter(since="2021"))
        assert {r.doc_id for r in since} == {"b", "c"}
        # Iran SUPPORTS Houthis is told by two stories (a third denies it): min 2 keeps it alone
        two = list_relations(store, min_stories=2)
        assert {(r.source_id, r.target_id) for r in two} == {("iran", "houthis")}
        assert len(two) == 3  # every claim of the edge, the denial too
        assert "militants" not in {r.source_id for r in list_relations(store, generic=False)}
        assert len(list_relations(store, limit=2, offset=5)) == 1
        with pytest.raises(QueryError, match="unknown modality"):
            list_relations(store, modality=["sure"])
        with pytest.raises(QueryError, match="unknown relation type"):
            list_relations(store, "LOVES")


def test_document_highlights_cut_the_text_at_each_sentence(db: Path) -> None:
    with dyads.open(db) as store:
        doc = document(store, "a")
        with pytest.raises(QueryError):
            document(store, "nope")
    assert len(doc.text) == 100_000 and len(doc.highlights) == 1
    pieces = doc.segments()
    assert "".join(p for p, _ in pieces) == doc.text
    (h,) = doc.highlights
    assert [p for p, hs in pieces if hs] == [doc.text[h.start : h.end]]


def test_overlapping_and_out_of_range_highlights() -> None:
    def hl(s: int, e: int) -> Highlight:
        return Highlight(s, e, f"r{s}", "SUPPORTS", "a", "A", "b", "B", "asserted", "affirmed")

    doc = DocumentText("d", None, None, None, None, None, None, "0123456789", (hl(2, 6), hl(4, 99)))
    pieces = [(p, len(hs)) for p, hs in doc.segments()]
    assert pieces == [("01", 0), ("23", 1), ("45", 2), ("6789", 1)]


def test_network_counts_stories_marks_status_and_hides_places_and_generic(db: Path) -> None:
    with dyads.open(db) as store:
        net = network(store)
        with_generic = network(store, generic=True)
        assert network(store) is net  # a read-only store remembers it
        with pytest.raises(QueryError):
            network(store, relations=["LOVES"])
        with pytest.raises(QueryError):
            network(store, min_stories=0)
    edges = {(e.source, e.relation, e.target): e for e in net.edges}
    sup = edges[("iran", "SUPPORTS", "houthis")]
    assert (sup.n_stories, sup.denied_stories, sup.status) == (2, 1, "contested")
    assert ("houthis", "LOCATED_IN", "sanaa") not in edges
    assert {n.id for n in net.nodes} == {"iran", "houthis", "saudi-arabia"}
    assert "militants" in {n.id for n in with_generic.nodes}
    assert len({(n.x, n.y) for n in net.nodes}) == len(net.nodes)


def test_citation_where_and_from_row() -> None:
    c = Citation.from_row(
        {"source_id": "a", "target_id": "b", "doc_id": "d", "outlet": "Wire", "path": "x.txt"}
    )
    assert c.where == "Wire, x.txt" and c.kinds == () and "class" not in c.to_dict()
