"""Run every dyads benchmark of this folder, one after the other (story clustering has its own:
``bench/stories_bench.py``): query latency, ingest, and the ingesting process's memory up to
``--store-sizes`` documents with the parse replayed.

    python bench/run_all.py --sizes 1000,10000          # ingest at 1k and 10k documents, queries on 1M
    python bench/run_all.py --sizes 1000 --relations 200000
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--modes", default="spacy,ingest-j1,ingest-j2")
    parser.add_argument("--relations", type=int, default=1_000_000)
    parser.add_argument("--store-sizes", default="1000,10000,100000")
    args = parser.parse_args()
    steps = [
        [sys.executable, str(BENCH / "query_bench.py"), "--relations", str(args.relations)],
        [
            sys.executable,
            str(BENCH / "ingest_bench.py"),
            "--sizes",
            args.sizes,
            "--modes",
            args.modes,
        ],
        [sys.executable, str(BENCH / "store_bench.py"), "--sizes", args.store_sizes],
    ]
    failed = 0
    for cmd in steps:
        print("$", " ".join(Path(c).name if c.endswith(".py") else c for c in cmd[1:]), flush=True)
        failed |= subprocess.run(cmd, check=False).returncode
    sys.exit(failed)


if __name__ == "__main__":
    main()
