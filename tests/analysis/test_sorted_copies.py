"""The sorted relation copies and the read-only memo are speed only: answers never change."""

from __future__ import annotations

import importlib
import shutil
from pathlib import Path
from typing import Any

import duckdb
import pytest

import dyads
from dyads.analysis import leaders, leverage, load_hierarchy, supported_by, supporters
from dyads.analysis.queries import actor_rows, dyad, resolve_actor
from dyads.analysis.timefilter import TimeFilter
from dyads.store import ROW_GROUP_SIZE, Store, ensure_indexes
from dyads.store.clustered import CLUSTERED, member_sql, relations_tables

#: Pairs of the sample corpus with evidence between them (leverage, dyad) and actors with support;
#: the last two are a parent and an actor of its own family.
PAIRS = [
    ("iran", "houthis"),
    ("rwanda", "m23"),
    ("pakistan", "taliban"),
    ("usa", "israel"),
    ("irgc", "quds-force"),
    ("somalia", "danab"),
]
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
            out[f"leverage {a} {b} since"] = leverage(store, a, b, time=TimeFilter(since="2019"))
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
    assert any(r.rows for k, r in with_copies.items() if k.startswith("supporters"))  # type: ignore[index]
    assert any(r.components for k, r in with_copies.items() if k.startswith("leverage"))  # type: ignore[index]


def _support_answers(db: Path) -> dict[str, Any]:
    with dyads.open(db) as store:
        return {
            f"{fn.__name__} {a} {roll} {limit}": fn(store, a, roll_up=roll, limit=limit)
            for fn in (supporters, supported_by)
            for a in ACTORS
            for roll in (False, True)
            for limit in (None, 1)
        }


def test_partners_ranked_in_sql_as_in_python_with_and_without_copies(
    samples_db: tuple[Path, object], plain_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sup = importlib.import_module("dyads.analysis.supporters")
    for db in (samples_db[0], plain_db):  # the copies' top columns; the hierarchy joined
        in_python = _support_answers(db)
        monkeypatch.setattr(sup, "RANK_IN_SQL_ABOVE", 0)
        in_sql = _support_answers(db)
        monkeypatch.undo()
        assert in_sql == in_python
        rows = [(len(r.rows), r.n_partners) for r in in_python.values()]
        assert sum(n for n, _ in rows) >= 40 and any(n < m for n, m in rows)  # limits cut


def test_a_read_only_store_remembers_actor_names_a_writable_one_asks(tmp_path: Path) -> None:
    db = tmp_path / "names.duckdb"
    with Store(db) as store:
        store.con.execute(
            "INSERT INTO actors VALUES ('iran', 'Iran', 'state', NULL, NULL, [], 'test', false)"
        )
        assert actor_rows(store, ["iran", "nobody"]) == {"iran": ("Iran", "state")}
        store.con.execute("UPDATE actors SET name = 'Islamic Republic of Iran' WHERE id = 'iran'")
        assert actor_rows(store, ["iran"]) == {"iran": ("Islamic Republic of Iran", "state")}
    with Store(db, read_only=True) as store:
        assert actor_rows(store, ["iran", "nobody"]) == {
            "iran": ("Islamic Republic of Iran", "state")
        }
        assert store.memo("actor_rows", dict) == {
            "iran": ("Islamic Republic of Iran", "state"),
            "nobody": None,  # a miss is remembered too
        }
        assert resolve_actor(store, "IRAN") == "iran"


def test_a_read_only_store_remembers_the_hierarchy_a_writable_one_rereads_it(
    tmp_path: Path,
) -> None:
    db = tmp_path / "memo.duckdb"
    with Store(db) as store:
        store.con.execute(
            "INSERT INTO actors VALUES ('iran', 'Iran', 'state', NULL, NULL, [], 'test', false), "
            "('irgc', 'IRGC', 'military', NULL, 'iran', [], 'test', false)"
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


def test_leverage_counts_a_subordinate_calling_itself_part_of_the_actor(
    samples_db: tuple[Path, object],
) -> None:
    # B (the Quds Force) is in A's family (the IRGC): "the Quds Force, an elite unit of the IRGC"
    # is a claim from B to A, and it counts for A's hold on B.
    with dyads.open(samples_db[0]) as store:
        result = leverage(store, "irgc", "quds-force")
    leadership = [c for c in result.components if c.component == "leadership"]
    assert leadership, result.explanation
    assert any("elite unit of the IRGC" in e.citation.evidence for e in leadership[0].evidence)


def test_a_changed_hierarchy_makes_the_copies_stale_until_they_are_rebuilt(
    samples_db: tuple[Path, object], tmp_path: Path
) -> None:
    db = tmp_path / "moved.duckdb"
    shutil.copy(samples_db[0], db)
    with Store(db) as store:
        before = supported_by(store, "iran", roll_up=True)
        # the IRGC no longer rolls up to Iran: a copy sorted by the old tops would be wrong
        store.con.execute("UPDATE actors SET parent = NULL WHERE id = 'irgc'")
        assert relations_tables(store) == {"source": "relations", "target": "relations"}
        plain = supported_by(store, "iran", roll_up=True)
        ensure_indexes(store)
        assert relations_tables(store) == CLUSTERED
        assert supported_by(store, "iran", roll_up=True) == plain
    assert plain != before  # the change mattered to the answer


def test_a_family_sits_together_in_the_copies_and_queries_name_its_top(tmp_path: Path) -> None:
    db = tmp_path / "families.duckdb"
    with Store(db) as store:
        con = store.con
        con.execute(
            """INSERT INTO actors
               SELECT 's' || i, 'State ' || i, 'state', NULL, NULL, [], 'test', false FROM range(5) t(i)
               UNION ALL
               SELECT 'u' || i, 'Unit ' || i, 'military', NULL, 's' || (i % 5), [], 'test', false
               FROM range(100) t(i)"""
        )
        con.execute("INSERT INTO documents (id, path, text) VALUES ('d', 'd.txt', 'text')")
        con.execute(
            """INSERT INTO relations (id, relation, source_id, target_id, modality, polarity,
                                      doc_id, sentence, start, "end", evidence)
               SELECT 'r' || i, 'ATTACKS', 'u' || (i % 100), 'x' || (i % 7), 'asserted',
                      'affirmed', 'd', 0, 0, 4, 'text' FROM range(3000) t(i)"""
        )
        ensure_indexes(store)
        table = relations_tables(store)["source"]
        assert table == "relations_by_source"
        # the 20 units of s3 (u3, u8, ..., u98: scattered in id order) are neighbours
        spans = con.execute(
            f"""SELECT min(rowid), max(rowid), count(*) FROM {table}
                WHERE source_top = 's3'"""
        ).fetchall()[0]
        assert spans[2] == 600 and spans[1] - spans[0] + 1 == 600
        family = load_hierarchy(store).family("s3")
        assert len(family) == 21
        sql, params = member_sql(store, table, "source_id", family, alias="r")
        assert sql.startswith("r.source_top IN (?)") and params[0] == "s3"
        n = con.execute(f"SELECT count(*) FROM {table} r WHERE {sql}", params).fetchall()
        assert n[0][0] == 600
        # on the plain table, no tops: the same rows
        sql, params = member_sql(store, "relations", "source_id", family, alias="r")
        assert "top" not in sql
        assert con.execute(f"SELECT count(*) FROM relations r WHERE {sql}", params).fetchall() == n


def test_copies_built_in_small_chunks_are_sorted_and_answer_the_same(
    samples_db: tuple[Path, object], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "chunks.duckdb"
    shutil.copy(samples_db[0], db)
    clustered = importlib.import_module("dyads.store.clustered")
    monkeypatch.setattr(clustered, "SORT_CHUNK_ROWS", 5)  # dozens of chunks on the samples
    with Store(db) as store:
        for table in CLUSTERED.values():
            store.con.execute(f"DROP TABLE {table}")
        ensure_indexes(store)
        assert relations_tables(store) == CLUSTERED
        tables = {t for (t,) in store.con.execute("SHOW TABLES").fetchall()}
        assert clustered.STAGING not in tables  # the scratch table is gone
        for side, table in CLUSTERED.items():
            other = "target" if side == "source" else "source"
            keys = store.con.execute(
                f"SELECT {side}_top, {side}_id, {other}_id FROM {table} ORDER BY rowid"
            ).fetchall()
            assert len(keys) > 100 and keys == sorted(keys)
    assert _answers(db) == _answers(samples_db[0])


def test_chunks_hold_whole_tops() -> None:
    clustered = importlib.import_module("dyads.store.clustered")
    counts = [("a", 5), ("b", 5), ("c", 20), ("d", 1), ("e", 1)]
    assert clustered._chunks(counts, 10) == [("a", "b"), ("c", "c"), ("d", "e")]
    assert clustered._chunks([], 10) == []
