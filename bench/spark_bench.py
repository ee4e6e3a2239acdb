"""Local ingest (``-j 2``) against the Spark ingest (``local[2]``) on the same documents.

The corpus (``bench/corpus.py``) is written as JSONL files of ``--docs-per-file`` documents each
(Spark reads files in parallel). In one run, side by side:

- ``local``: ``dyads.ingest`` into a new DuckDB store, two worker processes;
- ``spark-startup``: seconds to start a SparkSession on ``local[2]`` (the JVM, the context);
- ``spark-fixed``: the Spark job on a corpus of one file of one document: its fixed cost per
  run (scheduling, the shuffles of the global passes, one model load per executor process);
- ``spark``: the Spark job on the whole corpus, into a folder of Parquet tables.

Printed: documents/s of each, the ratio Spark / local, and Spark's throughput net of its fixed
cost (what more cores would scale).

    python bench/spark_bench.py --docs 10000
    python bench/spark_bench.py --docs 1000 --json
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))


def write_corpus(folder: Path, n_docs: int, per_file: int, seed: int) -> None:
    from corpus import make_corpus  # bench/ is not a package

    folder.mkdir(parents=True)
    out = None
    for i, doc in enumerate(make_corpus(n_docs, seed)):
        if i % per_file == 0:
            if out:
                out.close()
            out = (folder / f"part-{i // per_file:05d}.jsonl").open("w", encoding="utf-8")
        assert out is not None
        out.write(json.dumps({"id": doc["id"], "text": doc["text"]}) + "\n")
    if out:
        out.close()


def run(n_docs: int, per_file: int, seed: int) -> dict[str, Any]:
    from dyads.ingest import ingest
    from dyads.settings import Settings
    from dyads.spark import session, spark_ingest

    tmp = Path(tempfile.mkdtemp(prefix="spark-bench-"))
    corpus, tiny = tmp / "corpus", tmp / "tiny"
    write_corpus(corpus, n_docs, per_file, seed)
    write_corpus(tiny, 1, 1, seed + 1)
    out: dict[str, Any] = {"docs": n_docs}

    t = time.perf_counter()
    report = ingest([corpus], tmp / "local.duckdb", Settings(n_process=2))
    out["local_seconds"] = time.perf_counter() - t
    out["local_relations"] = report.counts.get("relations", 0)

    t = time.perf_counter()
    spark = session("local[2]", app="dyads-bench")
    out["spark_startup_seconds"] = time.perf_counter() - t
    try:
        t = time.perf_counter()
        spark_ingest([tiny], tmp / "tiny-out", spark=spark, partitions=2)
        out["spark_fixed_seconds"] = time.perf_counter() - t
        t = time.perf_counter()
        rep = spark_ingest([corpus], tmp / "spark-out", spark=spark, partitions=2)
        out["spark_seconds"] = time.perf_counter() - t
        out["spark_relations"] = rep.counts.get("relations", 0)
        out["spark_passes"] = {k: round(v, 2) for k, v in rep.seconds.items()}
    finally:
        spark.stop()
    out["local_docs_per_s"] = n_docs / out["local_seconds"]
    out["spark_docs_per_s"] = n_docs / out["spark_seconds"]
    out["spark_net_docs_per_s"] = n_docs / max(
        1e-9, out["spark_seconds"] - out["spark_fixed_seconds"]
    )
    out["ratio_spark_to_local"] = out["spark_docs_per_s"] / out["local_docs_per_s"]
    out["folder"] = str(tmp)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--docs-per-file", type=int, default=250)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    r = run(args.docs, args.docs_per_file, args.seed)
    if args.json:
        print(json.dumps(r, indent=2))
        return
    print(f"documents                 {r['docs']:,}")
    print(
        f"local ingest -j 2         {r['local_seconds']:.1f} s  {r['local_docs_per_s']:.1f} docs/s"
    )
    print(f"spark start-up            {r['spark_startup_seconds']:.1f} s")
    print(f"spark fixed cost (1 doc)  {r['spark_fixed_seconds']:.1f} s")
    print(
        f"spark local[2]            {r['spark_seconds']:.1f} s  {r['spark_docs_per_s']:.1f} docs/s"
    )
    print(f"spark net of fixed cost   {r['spark_net_docs_per_s']:.1f} docs/s")
    print(f"spark / local             {r['ratio_spark_to_local']:.2f}")
    print(f"relations local / spark   {r['local_relations']:,} / {r['spark_relations']:,}")
    print(f"spark passes (s)          {r['spark_passes']}")


if __name__ == "__main__":
    main()
