"""What the query commands print, as a reader sees it (issue 16): escaping, defaults, wording."""

from __future__ import annotations

import json
import re
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


def test_dyad_tags_are_not_escaped_twice(db: str) -> None:
    """A pair with no denied claims printed a literal backslash: '\\[asserted] ...'."""
    for args in (["Iran", "Houthis", "--no-roll-up"], ["Iran", "Houthis"], ["Rwanda", "M23"]):
        code, out, _ = run("dyad", *args, "--db", db)
        assert code == 0
        assert "\\[" not in out and "[asserted]" in out or "[reported" in out, out


def test_roll_up_is_the_default_and_no_roll_up_splits(db: str) -> None:
    """The Iranian government's denials belong to Iran's view unless asked otherwise."""
    _, rolled, _ = run("dyad", "Iran", "Houthis", "--db", db)
    _, split, _ = run("dyad", "Iran", "Houthis", "--db", db, "--no-roll-up")
    assert "2 deny" in rolled and "0 deny" in split
    _, out, _ = run("dyad", "Iran", "Houthis", "--db", db, "--json")
    assert json.loads(out)["roll_up"] is True


def test_ask_supporters_dyad_and_leverage_agree_on_a_pair(db: str) -> None:
    _, out, _ = run("supporters", "Houthis", "--db", db, "--json")
    iran = {r["id"]: r for r in json.loads(out)["rows"]}["iran"]
    _, out, _ = run("dyad", "Iran", "Houthis", "--db", db, "--json")
    (group,) = [g for g in json.loads(out)["groups"] if g["relation"] == "SUPPORTS"]
    _, out, _ = run("leverage", "Iran", "Houthis", "--db", db, "--json")
    lev = json.loads(out)
    _, out, _ = run("ask", "Who supports the Houthis?", "--db", db, "--json")
    ans = json.loads(out)
    (asked,) = [r for r in ans["result"]["rows"] if r["id"] == "iran"]
    denied = iran["modality"]["denied"]
    assert denied == 2
    assert group["stories"]["denied"] == denied
    assert asked["modality"]["denied"] == denied
    assert sum(1 for e in lev["counter"] if e["polarity"] == "denied") == denied
    assert iran["n_stories"] == group["stories"]["affirmed"] == asked["n_stories"]
    assert ans["command"] == "dyads supporters houthis"


def test_contested_support_reads_contested(db: str) -> None:
    _, out, _ = run("supporters", "Houthis", "--db", db, "--json")
    iran = {r["id"]: r for r in json.loads(out)["rows"]}["iran"]
    assert iran["n_stories"] and iran["modality"]["denied"]
    assert iran["status"] == "contested"
    _, out, _ = run("supporters", "Houthis", "--db", db, "--no-evidence")
    assert re.search(r"Iran .*denied 2 .*contested", out)
    assert "supported " not in out.split("Iran", 1)[1].splitlines()[0]


def test_top_and_path_show_names_not_ids(db: str) -> None:
    _, out, _ = run("top", "--db", db, "-n", "5")
    assert "Iran" in out and not re.search(r"\biran\b|rwanda\.government", out)
    _, out, _ = run("path", "Iran", "Hezbollah", "--db", db, "-k", "1")
    assert "Iran SUPPORTS Hezbollah" in out and "iran SUPPORTS" not in out


def test_counts_have_singular_nouns(db: str) -> None:
    _, out, _ = run("dyad", "Iran", "Houthis", "--db", db, "--no-roll-up")
    assert "1 story (" in out and "1 stories" not in out
    _, out, _ = run("dyad", "Rwanda", "M23", "--db", db)
    assert "1 copy" in out and "1 copies" not in out
    _, out, _ = run("path", "Iran", "Hezbollah", "--db", db, "-k", "1")
    assert "(1 story)" in out


def test_piped_tables_do_not_break_words(db: str) -> None:
    _, out, _ = run("supporters", "Houthis", "--db", db, "--no-evidence", "--no-roll-up")
    _, js, _ = run("supporters", "Houthis", "--db", db, "--json", "--no-roll-up")
    words = {
        w for r in json.loads(js)["rows"] for w in (r["name"] + " " + " ".join(r["kinds"])).split()
    }
    words |= {"unconfirmed", "supported", "contested"}
    assert "unconfirmed only" in out  # the last column is whole, not cut at 80 characters
    table = [x for x in out.splitlines() if x[:1] in "┏┃┡│└"]
    assert table and all(x.rstrip()[-1] in "┓┃┩│┘" for x in table), out
    printed = set(re.findall(r"[\w.-]+", out))
    for w in words:
        if w.strip(",") in out or len(w) > 3:
            assert w.strip(",") in printed | {x.strip(",") for x in printed}, (w, out)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["relations", "--type", "FOO"], "'--type'"),
        (["relations", "--type", "supports"], None),  # any case is fine
        (["supporters", "Houthis", "--since", "2024-13"], "2024-13"),
        (["supporters", "Houthis", "--until", "2024-02-30"], "2024-02-30"),
        (["dyad", "Iran", "Houthis", "--as-of", "2024-00"], "2024-00"),
        (["supporters", "Houthis", "--kind", "money"], "--kind"),
    ],
)
def test_impossible_options_are_one_line_usage_errors(
    db: str, args: list[str], message: str | None
) -> None:
    code, out, err = run(*args, "--db", db)
    if message is None:
        assert code == 0 and out
        return
    assert code == 2 and not out
    lines = [x for x in err.splitlines() if x.strip()]
    assert any(message in x for x in lines), err
    assert len([x for x in lines if x.startswith(("dyads:", "Error:"))]) == 1, err


def test_unknown_actor_suggests_the_closest_names(db: str) -> None:
    code, _, err = run("actor", "Hezbolah", "--db", db)
    assert code == 2 and "did you mean" in err and "Hezbollah" in err
    code, _, err = run("supporters", "Houtis", "--db", db)
    assert code == 2 and "Houthis" in err


@pytest.mark.parametrize(
    ("question", "period"),
    [
        ("Who supports the Houthis since 2015?", "since 2015"),
        ("Who supported the Houthis in the 1990s?", "1990s"),
        ("Who supports the Houthis in 2024?", "2024"),
    ],
)
def test_dates_in_a_question_are_applied(db: str, question: str, period: str) -> None:
    code, out, _ = run("ask", question, "--db", db, "--json")
    ans = json.loads(out)
    assert code == 0 and ans["routed"] and ans["intent"] == "supporters"
    assert period in (ans["result"]["time"] or "")


@pytest.mark.parametrize(
    "args",
    [
        ["actors", "--limit", "5"],
        ["relations", "--type", "SUPPORTS"],
        ["supporters", "Houthis"],
        ["dyad", "Rwanda", "M23"],
        ["top", "-n", "3"],
        ["leverage", "Iran", "Houthis"],
        ["docs"],
    ],
)
def test_csv_and_json_lines_carry_the_same_rows(db: str, args: list[str]) -> None:
    import csv
    import io

    code, nl, _ = run(*args, "--db", db, "--nl")
    assert code == 0
    records = [json.loads(x) for x in nl.splitlines()]
    assert records and all(isinstance(r, dict) for r in records)
    code, out, _ = run(*args, "--db", db, "--csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == len(records)
    assert set(rows[0]) >= set(records[0])
    assert all(not isinstance(v, list | dict) for r in records for v in r.values())
