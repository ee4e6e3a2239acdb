"""The analysis commands end to end on the sample corpus: every one takes --db and --json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyads.cli import main


def run(*args: str) -> tuple[int, str, str]:
    res = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return res.exit_code, res.stdout, res.stderr


@pytest.fixture(scope="module")
def db(samples_db: tuple[Path, object]) -> str:
    return str(samples_db[0])


def test_supporters_json(db: str) -> None:
    code, out, _ = run("supporters", "Houthis", "--db", db, "--json", "--roll-up")
    assert code == 0
    res = json.loads(out)
    iran = {r["id"]: r for r in res["rows"]}["iran"]
    assert "weapons" in iran["kinds"] and set(iran["modality"]) == {
        "asserted",
        "reported",
        "believed",
        "denied",
        "unconfirmed",
    }


def test_supported_by_table(db: str) -> None:
    code, out, _ = run("supported-by", "Rwanda", "--db", db)
    assert code == 0 and "March 23 Movement" in out


def test_dyad_side_by_side(db: str) -> None:
    code, out, _ = run("dyad", "Rwanda", "M23", "--db", db)
    assert code == 0 and "affirmed" in out and "denied" in out and "CONTESTED" in out
    code, out, _ = run("dyad", "Rwanda", "M23", "--db", db, "--json", "--since", "2020")
    groups = json.loads(out)["groups"]
    assert all(e["date"] or e["doc_date"] for g in groups for e in g["evidence"])


def test_leverage(db: str) -> None:
    code, out, _ = run("leverage", "Pakistan", "Taliban", "--db", db)
    assert code == 0 and out.startswith("Leverage of Pakistan over Taliban:") and "/100" in out
    code, out, _ = run("leverage", "Pakistan", "Taliban", "--db", db, "--json")
    res = json.loads(out)
    assert 0 <= res["score"] <= 100 and res["components"]


def test_path_top_leaders(db: str) -> None:
    code, out, _ = run("path", "Russia", "Africa Corps", "--db", db, "--json")
    assert code == 0 and json.loads(out)["paths"]
    code, out, _ = run("top", "--db", db, "--json", "-n", "5")
    res = json.loads(out)
    assert len(res["central"]) == 5 and res["supported"]
    code, out, _ = run("leaders", "Taliban", "--db", db)
    assert code == 0 and "Sirajuddin Haqqani" in out


def test_ask(db: str) -> None:
    code, out, _ = run("ask", "Who supports the Houthis?", "--db", db)
    assert code == 0 and "Iran" in out and '"' in out
    code, out, _ = run(
        "ask", "How much influence does Pakistan wield over the Taliban?", "--db", db, "--json"
    )
    assert json.loads(out)["intent"] == "leverage"
    code, out, _ = run("ask", "What is the capital of France?", "--db", db)
    assert code == 1 and len(out.strip().splitlines()) == 1 and "supporters" in out


def test_errors_are_one_line(db: str) -> None:
    code, _, err = run("supporters", "Nobody At All", "--db", db)
    assert code == 2 and err.startswith("dyads: [E401]")
    code, _, err = run("supporters", "Houthis", "--db", db, "--since", "yesterday")
    assert code == 2 and "cannot read the date" in err
