"""The leverage score: exact arithmetic on hand-built stores, robust checks on the samples."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

import dyads
from dyads.analysis import leverage
from dyads.analysis.leverage import MAX_STORIES, MODALITY_FACTOR, SCALE, SELF_DENIAL_SHARE, WEIGHTS

from .handmade import make_store, rel


def _score(raw: float) -> int:
    return round(100 * (1 - math.exp(-max(raw, 0) / SCALE)))


def _store(tmp_path: Path, rels: list[dict], n_docs: int = 6) -> Path:
    docs = {f"d{i}": (f"202{i}-01-01", f"s{i}") for i in range(n_docs)}
    docs["d0-copy"] = ("2020-01-02", "s0")
    return make_store(tmp_path / "lev.duckdb", docs, rels)


def test_creation_alone(tmp_path: Path) -> None:
    db = _store(tmp_path, [rel("pakistan", "CREATED", "taliban", "d0")])
    with dyads.open(db) as store:
        res = leverage(store, "pakistan", "taliban")
    assert res.raw == WEIGHTS["creation"]
    assert res.score == _score(WEIGHTS["creation"])
    assert [c.component for c in res.components] == ["creation"]


def test_agency_evidence_counts_for_its_state_and_copies_count_once(tmp_path: Path) -> None:
    rels = [
        rel(
            "isi", "SUPPORTS", "taliban", "d0", kinds=["sanctuary", "funding"], modality="reported"
        ),
        rel(
            "isi",
            "SUPPORTS",
            "taliban",
            "d0-copy",
            kinds=["sanctuary", "funding"],
            modality="reported",
        ),
    ]
    db = _store(tmp_path, rels)
    with dyads.open(db) as store:
        res = leverage(store, "Pakistan", "Taliban")
    expected = (WEIGHTS["sanctuary"] + WEIGHTS["funding"]) * MODALITY_FACTOR["reported"]
    assert res.raw == pytest.approx(expected)
    assert res.n_stories == 1
    # the sentence counts in two components but is shown once, with its points summed
    assert len(res.strongest) == 1 and sorted(res.strongest[0].components) == [
        "funding",
        "sanctuary",
    ]


def test_denials_counter_evidence_and_questions(tmp_path: Path) -> None:
    rels = [
        rel(
            "pakistan.military",
            "SUPPORTS",
            "taliban",
            "d0",
            kinds=["sanctuary"],
            modality="believed",
        ),
        rel(
            "pakistan.government",
            "SUPPORTS",
            "taliban",
            "d1",
            kinds=["sanctuary"],
            modality="believed",
            polarity="denied",
            attributed_to="pakistan.government",
        ),  # self-denial: half weight
        rel("taliban", "ATTACKS", "pakistan", "d2"),
        rel("pakistan", "INFLUENCES", "taliban", "d3", modality="question"),
        rel("pakistan", "SUPPORTS", "taliban", "d4", modality="hypothetical", kinds=["weapons"]),
    ]
    db = _store(tmp_path, rels)
    with dyads.open(db) as store:
        res = leverage(store, "pakistan", "taliban")
    pos = WEIGHTS["sanctuary"] * MODALITY_FACTOR["believed"]
    neg = WEIGHTS["denial"] * SELF_DENIAL_SHARE * MODALITY_FACTOR["believed"] + WEIGHTS["hostility"]
    assert res.positive == pytest.approx(pos) and res.negative == pytest.approx(neg)
    assert res.score == _score(pos - neg) == 0
    assert res.contested
    assert {e.citation.modality for e in res.not_counted} == {"question", "hypothetical"}
    assert all(c.component != "stated_leverage" for c in res.components)
    assert {e.relation for e in res.counter} == {"ATTACKS", "SUPPORTS"}


def test_stories_per_component_are_capped(tmp_path: Path) -> None:
    rels = [rel("iran", "SUPPORTS", "houthis", f"d{i}", kinds=["weapons"]) for i in range(5)]
    db = _store(tmp_path, rels)
    with dyads.open(db) as store:
        res = leverage(store, "iran", "houthis")
    (comp,) = res.components
    assert comp.n_stories == 5
    assert comp.points == pytest.approx(WEIGHTS["weapons"] * MAX_STORIES)


def test_leadership_ties_through_a_leader_of_b(tmp_path: Path) -> None:
    rels = [
        rel("leader-x", "LEADS", "taliban", "d0", role="deputy leader"),
        rel(
            "leader-x", "COOPERATES", "isi", "d1", role="liaison",
            evidence="Leader X works closely with the ISI.",
        ),
    ]  # fmt: skip
    db = _store(tmp_path, rels)
    with dyads.open(db) as store:
        res = leverage(store, "pakistan", "taliban")
    assert [c.component for c in res.components] == ["leadership_ties"]
    assert res.raw == pytest.approx(WEIGHTS["leadership_ties"])
    # a tie is read light for scoring; the one shown gets its sentence and fields back
    (shown,) = res.components[0].evidence
    assert shown.citation.evidence == "Leader X works closely with the ISI."
    assert shown.citation.role == "liaison" and shown.citation.end is not None


def test_no_evidence(tmp_path: Path) -> None:
    db = _store(tmp_path, [rel("iran", "SUPPORTS", "houthis", "d0")])
    with dyads.open(db) as store:
        res = leverage(store, "houthis", "iran")
    assert res.score == 0 and res.level == "no evidence"
    assert "no evidence" in res.explanation[-1]


# -- the sample corpus -------------------------------------------------------------------------
def test_samples_pakistan_over_taliban(samples_db: tuple[Path, object]) -> None:
    with dyads.open(samples_db[0]) as store:
        res = leverage(store, "Pakistan", "the Taliban")
    assert res.score > 0 and res.strongest
    assert "isi" in res.family_a and "pakistan.military" in res.family_a
    # "Islamabad has always denied giving the insurgents sanctuary" is counter-evidence, never support
    assert all(e.citation.polarity == "affirmed" for e in res.strongest)
    # "So how much sway does Islamabad have over the Taliban today?" is a question: not counted
    assert all(e.citation.modality in ("question", "hypothetical") for e in res.not_counted)
    assert res.explanation[0].startswith("Leverage of Pakistan over Taliban:")


def test_samples_rwanda_over_m23_is_stronger_than_the_reverse(
    samples_db: tuple[Path, object],
) -> None:
    with dyads.open(samples_db[0]) as store:
        fwd = leverage(store, "Rwanda", "M23")
        back = leverage(store, "M23", "Rwanda")
    assert fwd.score > back.score
    assert {"weapons", "training"} & {c.component for c in fwd.components}
