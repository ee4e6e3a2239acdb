"""Supporters and supported-by on a hand-built store: stories not documents, denials and
hypotheticals kept apart, hierarchy roll-up; then robust checks on the sample corpus."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

import dyads
from dyads.analysis import Hierarchy, load_hierarchy, supported_by, supporters
from dyads.errors import UnknownActor

from .handmade import make_store, rel


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    docs = {
        "a1": ("2019-05-01", "s1"),
        "a1-copy": ("2019-05-02", "s1"),  # one story, two documents
        "b": ("2020-01-01", "s2"),
        "c": ("2021-01-01", "s3"),
        "d": ("2022-01-01", "s4"),
    }
    rels = [
        rel("iran", "SUPPORTS", "houthis", "a1", kinds=["weapons"], date="2015"),
        rel("iran", "SUPPORTS", "houthis", "a1-copy", kinds=["weapons"], date="2015"),
        rel("quds-force", "SUPPORTS", "houthis", "b", kinds=["training"], modality="believed"),
        rel(
            "iran.government",
            "SUPPORTS",
            "houthis",
            "c",
            kinds=["weapons"],
            modality="believed",
            polarity="denied",
            attributed_to="iran.government",
        ),
        rel("saudi-arabia", "SUPPORTS", "houthis", "d", modality="hypothetical"),
        rel("pakistan", "SUPPORTS", "houthis", "d", polarity="denied", modality="believed"),
        rel("iran", "SUPPORTS", "hamas", "b", kinds=["funding"], modality="reported"),
        rel("iran", "SUPPORTS", "qassam-brigades", "c", kinds=["weapons"]),
    ]
    return make_store(tmp_path_factory.mktemp("sup") / "sup.duckdb", docs, rels)


def test_hierarchy_chain_and_family(db: Path) -> None:
    with dyads.open(db) as store:
        h = load_hierarchy(store)
    assert h.chain("quds-force") == ["quds-force", "irgc", "iran.military", "iran"]
    assert h.top("isi") == "pakistan" and h.top("iran.government") == "iran"
    assert h.top("qassam-brigades") == "qassam-brigades"  # an armed group's wing does not roll up
    assert h.family("iran") == ["iran", "iran.government", "iran.military", "irgc", "quds-force"]
    assert h.family("irgc") == ["irgc", "quds-force"]


def test_a_family_is_every_actor_whose_chain_passes_through_it_even_with_a_cycle() -> None:
    # c -> d -> c is a cycle in user data: it must neither loop nor lose anyone
    h = Hierarchy({"b": "a", "e": "a", "c": "d", "d": "c", "c2": "d", "d2": "c2", "x": "y"})
    for actor in ("a", "b", "c", "d", "e", "x", "y", "nobody"):
        below = sorted(a for a in h.up if a != actor and actor in h.chain(a)[1:])
        assert h.family(actor) == [actor, *below]  # the definition, one actor at a time
    assert h.family("a") == ["a", "b", "e"]
    assert h.family("c") == ["c", "c2", "d", "d2"]
    assert h.family("d") == ["d", "c", "c2", "d2"]


def test_supporters_count_stories_not_documents(db: Path) -> None:
    with dyads.open(db) as store:
        rows = {r.id: r for r in supporters(store, "Houthis", roll_up=False).rows}
    iran = rows["iran"]
    assert (iran.n_stories, iran.n_documents, iran.n_copies) == (1, 2, 1)
    assert iran.kinds == {"weapons": 1}
    assert iran.first == iran.last == "2015"
    assert rows["quds-force"].modality.believed == 1


def test_denied_and_hypothetical_never_count_as_support(db: Path) -> None:
    with dyads.open(db) as store:
        rows = {r.id: r for r in supporters(store, "houthis", roll_up=False).rows}
    assert rows["pakistan"].n_stories == 0 and rows["pakistan"].status == "denied only"
    assert rows["pakistan"].modality.denied == 1
    assert rows["saudi-arabia"].n_stories == 0 and rows["saudi-arabia"].status == "unconfirmed only"
    assert rows["iran.government"].n_stories == 0 and rows["iran.government"].kinds == {}
    assert [e.claim_class for e in rows["pakistan"].evidence] == ["denied"]


def test_roll_up_merges_agency_military_and_government_into_the_state(db: Path) -> None:
    with dyads.open(db) as store:
        rows = {r.id: r for r in supporters(store, "houthis", roll_up=True).rows}
    assert "quds-force" not in rows and "iran.government" not in rows
    iran = rows["iran"]
    assert iran.n_stories == 2  # s1 (weapons, two copies) + s2 (quds force training)
    assert iran.kinds == {"weapons": 1, "training": 1}
    assert iran.modality.denied == 1
    assert iran.via == ("iran.government", "quds-force")


def test_kind_filter(db: Path) -> None:
    with dyads.open(db) as store:
        rows = supporters(store, "houthis", roll_up=True, kind="training").rows
    assert [(r.id, r.n_stories) for r in rows] == [("iran", 1)]


def test_supported_by(db: Path) -> None:
    with dyads.open(db) as store:
        res = supported_by(store, "Iran", roll_up=False)
    got = {r.id: r.kinds for r in res.rows}
    assert got == {
        "houthis": {"weapons": 1},
        "hamas": {"funding": 1},
        "qassam-brigades": {"weapons": 1},
    }
    assert res.direction == "supported"


def test_unknown_actor(db: Path) -> None:
    with dyads.open(db) as store, pytest.raises(UnknownActor):
        supporters(store, "Nobody At All")


# -- the sample corpus -------------------------------------------------------------------------
def test_samples_iran_arms_the_houthis_and_denials_are_shown(
    samples_db: tuple[Path, object],
) -> None:
    with dyads.open(samples_db[0]) as store:
        res = supporters(store, "the Houthis", roll_up=True)
    rows = {r.id: r for r in res.rows}
    assert "iran" in rows, rows.keys()
    iran = rows["iran"]
    assert iran.n_stories >= 1 and "weapons" in iran.kinds
    assert iran.modality.denied >= 1  # "Tehran denies arming the rebels"
    assert any(e.claim_class == "denied" for e in iran.evidence)
    assert all(e.polarity == "affirmed" for e in iran.evidence if e.claim_class == "affirmed")


def test_samples_rwanda_supports_m23_counted_once_per_story(
    samples_db: tuple[Path, object],
) -> None:
    with dyads.open(samples_db[0]) as store:
        rows = {r.id: r for r in supporters(store, "M23", roll_up=True).rows}
    rwanda = rows["rwanda"]
    assert {"weapons", "training"} <= set(rwanda.kinds)
    # congo_m23.txt and its scraped copy are one story
    assert rwanda.n_documents > rwanda.n_stories >= 1
    assert rwanda.modality.denied >= 1


def test_samples_supported_by_iran(samples_db: tuple[Path, object]) -> None:
    with dyads.open(samples_db[0]) as store:
        ids = {r.id for r in supported_by(store, "Iran", roll_up=True).rows if r.n_stories}
    assert {"houthis", "hamas"} & ids


@pytest.fixture(scope="module")
def ranked_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Supporters of the Houthis that tie on stories and differ on the later ranking keys; two
    documents without a story (story_id NULL)."""
    docs: dict[str, tuple[str | None, str | None]] = {
        f"d{i}": ("2020-01-01", f"s{i}") for i in range(1, 9)
    }
    docs |= {"n1": ("2020-02-01", None), "n2": ("2020-03-01", None)}
    rels = [
        rel("iran", "SUPPORTS", "houthis", "d1"),
        rel("iran", "SUPPORTS", "houthis", "d2", modality="reported"),
        rel("saudi-arabia", "SUPPORTS", "houthis", "d1"),
        rel("saudi-arabia", "SUPPORTS", "houthis", "d3", kinds=["funding"]),
        rel("pakistan", "SUPPORTS", "houthis", "n1"),
        rel("pakistan", "SUPPORTS", "houthis", "n2"),
        rel("pakistan", "SUPPORTS", "houthis", "d4", polarity="denied"),
        rel("isi", "SUPPORTS", "houthis", "d8", kinds=["training"]),
        rel("taliban", "SUPPORTS", "houthis", "d5"),
        rel("hamas", "SUPPORTS", "houthis", "d6", modality="hypothetical"),
        rel("leader-x", "SUPPORTS", "houthis", "d7", polarity="denied"),
    ]
    return make_store(tmp_path_factory.mktemp("rank") / "rank.duckdb", docs, rels)


def test_supporters_rank_by_stories_then_asserted_reported_and_fewest_denials(
    ranked_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sup = importlib.import_module("dyads.analysis.supporters")
    answers = {}
    for above in (sup.RANK_IN_SQL_ABOVE, 0):  # ranked in Python, then in SQL
        monkeypatch.setattr(sup, "RANK_IN_SQL_ABOVE", above)
        with dyads.open(ranked_db) as store:
            answers[above] = [
                supporters(store, "houthis", roll_up=roll, limit=limit)
                for roll in (False, True)
                for limit in (None, 2)
            ]
    python, sql = answers.values()
    assert python == sql
    flat, flat_2, rolled, _ = python
    # saudi-arabia 2 stories both asserted; iran 2 (one reported); taliban 1 and pakistan 1 (the
    # two story-less documents are one story) with a denial; isi 1 from its own story; hamas
    # only hypothetical; leader-x only a denial
    assert [r.id for r in flat.rows] == [
        "saudi-arabia",
        "iran",
        "isi",
        "taliban",
        "pakistan",
        "hamas",
        "leader-x",
    ]
    pakistan = next(r for r in flat.rows if r.id == "pakistan")
    assert (pakistan.n_stories, pakistan.n_documents) == (1, 2)
    assert [r.id for r in flat_2.rows] == ["saudi-arabia", "iran"]
    assert flat_2.n_partners == flat.n_partners == 7
    # rolled up, the ISI's story counts for Pakistan: 2 stories, both asserted, one denial
    assert [r.id for r in rolled.rows][:3] == ["saudi-arabia", "pakistan", "iran"]
    assert rolled.n_partners == 6
