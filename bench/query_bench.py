"""Query latency on a large synthetic store: p50/p95 of ``dyad``, ``supporters`` and ``leverage``.

The store is written directly with DuckDB (``INSERT ... SELECT FROM range()``) following
``dyads.store.schema``: it need not come from spaCy. Actor degrees are skewed (a few actors are in
many relations, as in news), so the queries meet both hubs and the long tail. The query functions
are imported from ``dyads.analysis`` at run time; a function that is missing is replaced by the
SQL it will need, and the output says so.

    python bench/query_bench.py                         # 1,000,000 relations
    python bench/query_bench.py --relations 200000 --queries 50
    python bench/query_bench.py --parquet     # the same store as a folder of Parquet tables, laid
                                              # out as ``dyads spark ingest`` writes it, via --db
"""

from __future__ import annotations

import argparse
import importlib
import json
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dyads.store import Store

GOAL_P95_MS = 50.0
RELATIONS = ("SUPPORTS", "ATTACKS", "OPPOSES", "COOPERATES", "LEADS", "MEMBER_OF", "INFLUENCES")
KINDS = ("funding", "weapons", "training", "sanctuary", "logistics", "diplomatic")


def build_store(
    db: Path, n_relations: int, n_actors: int, n_docs: int, seed: int
) -> dict[str, Any]:
    """Write a store with ``n_relations`` relations; returns build seconds and row counts."""
    t0 = time.perf_counter()
    with Store(db) as store:
        con = store.con
        con.execute(f"SELECT setseed({(seed % 1000) / 1000})")
        con.execute(
            f"""INSERT INTO actors
            SELECT 'a' || i, 'Actor ' || i,
                   ['state','armed_group','government','military','person','igo'][1 + i % 6],
                   'C' || (i % 150), CASE WHEN i % 10 = 0 AND i > 150 THEN 'a' || (i % 150) END,
                   ['alias ' || i], 'gazetteer', false
            FROM range({n_actors}) t(i)"""
        )
        con.execute(
            f"""INSERT INTO documents
            SELECT 'd' || i, 'bench/' || i || '.txt', NULL, 'Title ' || i,
                   '20' || lpad(CAST(10 + i % 15 AS VARCHAR), 2, '0') || '-0' || (1 + i % 9) || '-1' || (i % 9),
                   'Outlet ' || (i % 40), 's' || (i // 3), 0.1, 12, 2400, NULL, [], 'text of document ' || i
            FROM range({n_docs}) t(i)"""
        )
        # Skewed actor choice: floor(n * u^3) puts most relations on a few hundred actors.
        con.execute(
            f"""INSERT INTO relations
            SELECT 'r' || i, ['{"','".join(RELATIONS)}'][1 + CAST(hash(i) % {len(RELATIONS)} AS BIGINT)],
                   'a' || CAST(floor({n_actors} * pow(random(), 3)) AS BIGINT), 'source',
                   'a' || CAST(floor({n_actors} * pow(random(), 3)) AS BIGINT), 'target',
                   CASE WHEN i % 3 = 0 THEN ['{KINDS[0]}'] WHEN i % 3 = 1 THEN ['{KINDS[1]}', '{KINDS[2]}'] ELSE [] END,
                   NULL, NULL, ['asserted','reported','believed'][1 + i % 3],
                   CASE WHEN i % 17 = 0 THEN 'denied' ELSE 'affirmed' END, NULL,
                   'd' || (i % {n_docs}), i % 12, (i % 12) * 200, (i % 12) * 200 + 150,
                   'Evidence sentence number ' || i || ' about the two actors.', 0.5 + (i % 50) / 100, 'cue',
                   NULL, NULL
            FROM range({n_relations}) t(i)"""
        )
        con.execute(
            f"""INSERT INTO mentions
            SELECT 'd' || (i % {n_docs}), i % 12, (i % 12) * 200, (i % 12) * 200 + 10, 'Actor',
                   'a' || CAST(floor({n_actors} * pow(random(), 3)) AS BIGINT), 'alias'
            FROM range({n_relations // 2}) t(i)"""
        )
        indexed = False  # the analysis layer's sorted copies, wherever they live this week
        for module in ("dyads.store.clustered", "dyads.analysis.indexes"):
            ensure = _function(module, "ensure_indexes")
            if ensure:
                ensure(store)
                indexed = True
                break
        con.execute("CHECKPOINT")
        counts = store.counts()
    return {
        "build_seconds": round(time.perf_counter() - t0, 1),
        "counts": counts,
        "indexed": indexed,
    }


def _function(module: str, name: str) -> Callable[..., Any] | None:
    try:
        return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]
    except (ImportError, AttributeError):
        return None


def _fallback_sql(name: str) -> Callable[..., Any]:
    """The SQL a missing analysis function will need (evidence rows for one actor or a pair)."""
    cols = (
        "r.relation, r.source_id, r.target_id, r.kinds, r.modality, r.evidence, d.path, d.story_id"
    )
    if name == "supporters":
        sql = f"""SELECT {cols} FROM relations r JOIN documents d ON d.id = r.doc_id
                  WHERE r.target_id = ? AND r.relation = 'SUPPORTS' ORDER BY r.source_id"""
        return lambda store, x: store.query(sql, [x])
    sql = f"""SELECT {cols} FROM relations r JOIN documents d ON d.id = r.doc_id
              WHERE (r.source_id = ? AND r.target_id = ?) OR (r.source_id = ? AND r.target_id = ?)"""
    return lambda store, a, b: store.query(sql, [a, b, b, a])


def to_parquet_folder(db: Path, folder: Path) -> float:
    """Write the store's tables as ``folder/<table>/part-0.parquet`` (the layout of a Spark
    output, with its sorted copies' stamp in ``meta``); returns seconds."""
    from dyads.store import SORTED_STAMP
    from dyads.store.clustered import CLUSTERED, stamp
    from dyads.store.hierarchy import read_hierarchy
    from dyads.store.schema import TABLES

    t0 = time.perf_counter()
    with Store(db, read_only=True) as store:
        hier = stamp(read_hierarchy(store))
        for name in [*TABLES, *CLUSTERED.values()]:
            (folder / name).mkdir(parents=True)
            target = str(folder / name / "part-0.parquet")
            sql = f"SELECT * FROM {name}"
            if name == "meta":
                sql += f" UNION ALL SELECT '{SORTED_STAMP}', '{hier}'"
            store.con.execute(f"COPY ({sql}) TO '{target}' (FORMAT parquet, ROW_GROUP_SIZE 8192)")
    return round(time.perf_counter() - t0, 1)


def _percentile(values: list[float], q: float) -> float:
    return (
        statistics.quantiles(values, n=100, method="inclusive")[q - 1]
        if len(values) > 1
        else values[0]
    )


def run_queries(db: Path, n_queries: int, n_actors: int, seed: int) -> dict[str, Any]:
    rng = random.Random(seed)
    found = {
        "dyad": _function("dyads.analysis.queries", "dyad"),
        "supporters": _function("dyads.analysis.supporters", "supporters"),
        "leverage": _function("dyads.analysis.leverage", "leverage"),
    }
    out: dict[str, Any] = {}
    with Store(db, read_only=True) as store:
        # Pairs that share relations, half among hubs and half from the tail.
        pairs = store.query(
            "SELECT source_id AS a, target_id AS b FROM relations USING SAMPLE 5000 ROWS (reservoir, 1)"
        )
        pairs = [(p["a"], p["b"]) for p in pairs if p["a"] != p["b"]]
        actors = [f"a{int(n_actors * rng.random() ** 3)}" for _ in range(n_queries)]
        for name, fn in found.items():
            call = fn or _fallback_sql(name)
            if name == "supporters":
                args = [(a,) for a in actors]
            else:
                args = [rng.choice(pairs) for _ in range(n_queries)]
            call(store, *args[0])  # warm up (first query reads the catalogue)
            times = []
            for a in args:
                t = time.perf_counter()
                call(store, *a)
                times.append((time.perf_counter() - t) * 1000)
            out[name] = {
                "source": f"dyads.analysis.{name}" if fn else "SQL stand-in (function not found)",
                "p50_ms": round(_percentile(times, 50), 1),
                "p95_ms": round(_percentile(times, 95), 1),
                "max_ms": round(max(times), 1),
                "goal_p95_ms": GOAL_P95_MS,
                "ok": _percentile(times, 95) < GOAL_P95_MS,
            }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--relations", type=int, default=1_000_000)
    parser.add_argument("--actors", type=int, default=20_000)
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--db", type=Path, help="keep the store here (default: a temporary file)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--parquet", action="store_true", help="query the store as a folder of Parquet tables"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.duckdb"
        if db.exists():
            db.unlink()
        build = build_store(db, args.relations, args.actors, args.docs, args.seed)
        if args.parquet:
            folder = Path(tmp) / "parquet"
            build["parquet_seconds"] = to_parquet_folder(db, folder)
            db = folder
        result = {"build": build, "queries": run_queries(db, args.queries, args.actors, args.seed)}
    if args.json:
        print(json.dumps(result, indent=2))
        return
    b = build
    print(f"store: {b['counts']} built in {b['build_seconds']} s; sorted copies: {b['indexed']}")
    print(
        f"{'query':12} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}  goal p95 < {GOAL_P95_MS:.0f} ms  source"
    )
    for name, r in result["queries"].items():
        mark = "ok" if r["ok"] else "MISSED"
        print(
            f"{name:12} {r['p50_ms']:8.1f} {r['p95_ms']:8.1f} {r['max_ms']:8.1f}  {mark:22} {r['source']}"
        )


if __name__ == "__main__":
    main()
