"""dyad (side by side), leaders, path, top and ask: hand-built stores for logic, samples for content."""

from __future__ import annotations

from pathlib import Path

import pytest

import dyads
from dyads.analysis import ask, dyad, leaders, most_supported, shortest_paths, top_actors
from dyads.analysis.ask import KNOWN, route
from dyads.analysis.results import StoryCounts

from .handmade import make_store, rel


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    docs = {
        "a": ("2020-01-01", "s1"),
        "a-copy": ("2020-01-02", "s1"),
        "b": ("2021-01-01", "s2"),
        "c": (None, "s3"),
    }
    rels = [
        rel("iran", "SUPPORTS", "houthis", "a", kinds=["weapons"], modality="reported"),
        rel("iran", "SUPPORTS", "houthis", "a-copy", kinds=["weapons"], modality="reported"),
        rel(
            "iran.government",
            "SUPPORTS",
            "houthis",
            "b",
            kinds=["weapons"],
            modality="believed",
            polarity="denied",
            attributed_to="iran.government",
        ),
        rel("saudi-arabia", "ATTACKS", "houthis", "b"),
        rel("houthis", "LOCATED_IN", "sanaa", "c"),
        rel("saudi-arabia", "LOCATED_IN", "sanaa", "c"),
        rel("iran", "SUPPORTS", "hamas", "c", kinds=["funding"]),
        rel("leader-x", "LEADS", "houthis", "c", role="leader", date="2004"),
        rel("hamas", "COOPERATES", "pakistan", "b", modality="hypothetical"),
    ]
    return make_store(tmp_path_factory.mktemp("dg") / "dg.duckdb", docs, rels)


def test_dyad_puts_affirmed_and_denied_side_by_side_with_roll_up(db: Path) -> None:
    with dyads.open(db) as store:
        plain = dyad(store, "iran", "houthis", roll_up=False)
        rolled = dyad(store, "Iran", "Houthis", roll_up=True)
    (g,) = plain.groups
    assert g.stories == StoryCounts(affirmed=1, denied=0, unconfirmed=0)
    assert (g.n_stories, g.n_documents, g.n_copies) == (1, 2, 1)
    assert [e.copy for e in g.affirmed] == [False, True]
    (r,) = rolled.groups
    assert r.source.id == "iran" and r.contested
    assert r.stories == StoryCounts(affirmed=1, denied=1, unconfirmed=0)
    assert r.denied[0].attributed_to == "iran.government"


def test_dyad_both_directions(db: Path) -> None:
    with dyads.open(db) as store:
        d = dyad(store, "houthis", "saudi-arabia")
    assert [(g.source.id, g.relation, g.target.id) for g in d.groups] == [
        ("saudi-arabia", "ATTACKS", "houthis")
    ]


def test_leaders(db: Path) -> None:
    with dyads.open(db) as store:
        res = leaders(store, "houthis")
    (p,) = res.leaders
    assert (p.id, p.roles, p.dates) == ("leader-x", ("leader",), ("2004",))


def test_path_uses_ties_not_places_and_skips_unconfirmed(db: Path) -> None:
    with dyads.open(db) as store:
        res = shortest_paths(store, "saudi-arabia", "hamas")
        none = shortest_paths(store, "hamas", "pakistan", hierarchy=False)
    best = res.paths[0]
    assert [a.id for a in best.actors] == ["saudi-arabia", "houthis", "iran", "hamas"]
    assert best.hops[1].relations[0].evidence.evidence  # a sentence for each hop
    assert none.paths == ()  # only a hypothetical tie, and a shared city, link them


def test_path_through_the_hierarchy(db: Path) -> None:
    with dyads.open(db) as store:
        res = shortest_paths(store, "iran.government", "houthis", roll_up=False)
    # the denied claim is no tie: the path goes up the hierarchy to Iran, which does support them
    assert [a.id for a in res.paths[0].actors] == ["iran.government", "iran", "houthis"]
    with dyads.open(db) as store:
        ids = [
            a.id
            for a in shortest_paths(store, "quds-force", "hamas", roll_up=False).paths[0].actors
        ]
    assert ids == ["quds-force", "irgc", "iran.military", "iran", "hamas"]


def test_top_and_most_supported(db: Path) -> None:
    with dyads.open(db) as store:
        top = top_actors(store, n=3)
        sup = most_supported(store)
        rolled = most_supported(store, roll_up=True, types=None)
    assert top[0].id in {"houthis", "iran"} and all(r.type != "location" for r in top)
    assert [(r.id, r.n_stories) for r in sup] == [("hamas", 1), ("houthis", 1)]
    assert {r.id for r in rolled} == {"houthis", "hamas"}


@pytest.mark.parametrize(
    ("question", "intent", "slots"),
    [
        ("Who supports the Houthis?", "supporters", {"x": "the Houthis", "verb": "supports"}),
        ("Who arms the M23?", "supporters", {"x": "the M23", "verb": "arms"}),
        ("Whom does Iran fund?", "supported_by", {"x": "Iran", "verb": "fund"}),
        (
            "How much influence does Pakistan wield over the Taliban?",
            "leverage",
            {"a": "Pakistan", "b": "the Taliban"},
        ),
        (
            "How much leverage does Pakistan have over the Taliban today?",
            "leverage",
            {"a": "Pakistan", "b": "the Taliban today"},
        ),
        (
            "Does Tehran still control Kataib Hezbollah?",
            "leverage",
            {"a": "Tehran", "b": "Kataib Hezbollah"},
        ),
        ("What ties Rwanda to M23?", "dyad", {"a": "Rwanda", "b": "M23"}),
        ("What is the relationship between Qatar and Hamas?", "dyad", {"a": "Qatar", "b": "Hamas"}),
        (
            "How is Russia connected to the Wagner Group's successors?",
            "path",
            {"a": "Russia", "b": "the Wagner Group's successors"},
        ),
        ("Who leads the Taliban?", "leaders", {"x": "the Taliban"}),
        ("Who is the leader of Hezbollah?", "leaders", {"x": "Hezbollah"}),
        ("Who are the most central actors?", "top", {}),
    ],
)
def test_route(question: str, intent: str, slots: dict[str, str]) -> None:
    assert route(question) == (intent, slots)


@pytest.mark.parametrize(
    "question", ["What is the capital of France?", "Tell me a joke", "Iran?", ""]
)
def test_unroutable_questions_get_one_line_and_no_guess(db: Path, question: str) -> None:
    with dyads.open(db) as store:
        ans = ask(store, question)
    assert not ans.routed and ans.lines == (KNOWN,) and ans.result is None


def test_ask_answers_with_evidence(db: Path) -> None:
    with dyads.open(db) as store:
        ans = ask(store, "Who supports the Houthis?")
    assert ans.intent == "supporters" and ans.command == "dyads supporters houthis"
    assert ans.lines[0] == "Houthis is supported by Iran."
    assert any("DENIED" in line for line in ans.lines)  # the denial is shown as such


# -- the sample corpus -------------------------------------------------------------------------
def test_samples_ask(samples_db: tuple[Path, object]) -> None:
    with dyads.open(samples_db[0]) as store:
        sup = ask(store, "Who supports the Houthis?")
        lev = ask(store, "How much influence does Pakistan wield over the Taliban?")
        ties = ask(store, "What ties Rwanda to M23?")
        lead = ask(store, "Who leads the Taliban?")
        army = ask(store, "What ties Rwanda's army to the M23?")
        wagner = ask(store, "How is Russia connected to the Wagner Group's successors?")
    assert "Iran" in sup.lines[0] and any('"' in line for line in sup.lines)
    assert lev.intent == "leverage" and "/100" in lev.lines[0] and "Pakistan" in lev.lines[0]
    assert ties.intent == "dyad" and any("SUPPORTS" in line for line in ties.lines)
    assert any("Rwanda denies" in line for line in ties.lines)
    assert lead.intent == "leaders" and "Sirajuddin Haqqani" in lead.lines[0]
    assert (
        army.result["dyad"].a.id == "rwanda.military"
        if isinstance(army.result, dict) and "dyad" in army.result
        else army.routed
    )
    assert wagner.routed and wagner.result["path"].paths


def test_samples_dyad_and_path(samples_db: tuple[Path, object]) -> None:
    with dyads.open(samples_db[0]) as store:
        d = dyad(store, "Rwanda", "M23", roll_up=True)
        p = shortest_paths(store, "Russia", "Africa Corps")
        top = top_actors(store, n=15)
    sup = [g for g in d.groups if g.relation == "SUPPORTS" and g.source.id == "rwanda"]
    assert sup and sup[0].contested and sup[0].n_copies >= 1
    assert p.paths and p.paths[0].length <= 3
    assert "houthis" in {r.id for r in top}


def test_top_leaves_betweenness_out_on_large_graphs_unless_asked(
    samples_db: tuple[Path, object], monkeypatch: pytest.MonkeyPatch
) -> None:
    from dyads.analysis import graph

    with dyads.open(samples_db[0]) as store:
        full = top_actors(store, n=5)
        monkeypatch.setattr(graph, "BETWEENNESS_MAX_EDGES", 0)
        light = top_actors(store, n=5)
        asked = top_actors(store, n=5, by="betweenness")
    assert all(r.betweenness is not None for r in full)
    assert all(r.betweenness is None for r in light)
    assert [(r.id, r.pagerank) for r in light] == [(r.id, r.pagerank) for r in full]
    assert all(r.betweenness is not None for r in asked)
