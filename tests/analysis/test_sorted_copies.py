"""The sorted relation copies and the read-only memo are speed only: answers never change."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

import dyads
from dyads.analysis import leaders, leverage, load_hierarchy, supported_by, supporters
from dyads.analysis.queries import dyad
from dyads.store import ROW_GROUP_SIZE, Store
from dyads.store.clustered import CLUSTERED, relations_tables

#: Pairs of the sample corpus with evidence between them (leverage, dyad) and actors with support.
PAIRS = [("iran", "houthis"), ("rwanda", "m23"), ("pakistan", "taliban"), ("usa", "israel")]
ACTORS = ["houthis", "m23", "taliban", "iran", "hezbollah", "rwanda"]


@pytest.fixture(scope="module")
def plain_db(samples_db: tuple[Path, object], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The samples store without its sorted copies (queries then read ``relations``)."""
    src, _ = samples_db
    db = tmp_path_factory.mktemp("plain") / "plain.duckdb"
    shutil.copy(src, db)
    con = duckdb.connect(str(db))
    for table in CLUSTERED.values():
        con.execute(f"DROP TABLE {table}")
    con.close()
    return db


def _answers(db: Path) -> dict[str, object]:
    out: dict[str, object] = {}
    with dyads.open(db) as store:
        for a in ACTORS:
            for roll in (False, True):
                out[f"supporters {a} {roll}"] = supporters(store, a, roll_up=roll)
                out[f"supported_by {a} {roll}"] = supported_by(store, a, roll_up=roll)
                out[f"leaders {a} {roll}"] = leaders(store, a, roll_up=roll)
        for a, b in PAIRS:
            out[f"leverage {a} {b}"] = leverage(store, a, b)
            out[f"leverage {b} {a}"] = leverage(store, b, a)
            out[f"dyad {a} {b}"] = dyad(store, a, b, roll_up=True)
    return out


def test_the_copies_are_in_use_on_the_samples(
    samples_db: tuple[Path, object], plain_db: Path
) -> None:
    with dyads.open(samples_db[0]) as store:
        assert relations_tables(store) == CLUSTERED
    with dyads.open(plain_db) as store:
        assert relations_tables(store) == {"source": "relations", "target": "relations"}


def test_answers_are_the_same_with_and_without_sorted_copies(
    samples_db: tuple[Path, object], plain_db: Path
) -> None:
    with_copies, without = _answers(samples_db[0]), _answers(plain_db)
    assert with_copies == without
    # and they are not all empty: the comparison means something
    assert any(r["rows"] for k, r in with_copies.items() if k.startswith("supporters"))  # type: ignore[index]
    assert any(r["components"] for k, r in with_copies.items() if k.startswith("leverage"))  # type: ignore[index]


def test_a_read_only_store_remembers_the_hierarchy_a_writable_one_rereads_it(
    tmp_path: Path,
) -> None:
    db = tmp_path / "memo.duckdb"
    with Store(db) as store:
        store.con.execute(
            "INSERT INTO actors VALUES ('iran', 'Iran', 'state', NULL, NULL, [], 'test'), "
            "('irgc', 'IRGC', 'military', NULL, 'iran', [], 'test')"
        )
        assert load_hierarchy(store).up == {"irgc": "iran"}
        store.con.execute("UPDATE actors SET parent = NULL WHERE id = 'irgc'")
        assert load_hierarchy(store).up == {}  # a writable store is never memoised
    with Store(db, read_only=True) as store:
        assert load_hierarchy(store) is load_hierarchy(store)


def test_writable_stores_write_small_row_groups(tmp_path: Path) -> None:
    db = tmp_path / "rg.duckdb"
    n = 4 * ROW_GROUP_SIZE
    with Store(db) as store:
        store.con.execute(f"CREATE TABLE t AS SELECT range AS i FROM range({n})")
        store.con.execute("CHECKPOINT")
    con = duckdb.connect(str(db), read_only=True)
    groups = con.execute(
        "SELECT count(DISTINCT row_group_id) FROM pragma_storage_info('t')"
    ).fetchall()
    con.close()
    assert groups[0][0] >= 3  # DuckDB's default would write one row group of 122,880 rows
