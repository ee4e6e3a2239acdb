"""Memory of the ingesting process as the store grows, without the parse: 1k to 100k documents.

``bench/ingest_bench.py`` measures the whole ingest, but parsing 100,000 documents takes hours on
two cores. The parse runs in worker processes whose memory does not depend on the corpus (each
batch is independent); what can grow with the corpus is the calling process: the story index,
the ids of stored documents, DuckDB's buffers, the sorted relation copies rebuilt at the end. This
benchmark runs ``dyads.ingest`` as it is (sources, story clustering, store, sorted copies) with a
stand-in for the parse: a few hundred documents of the synthetic corpus are parsed once, and each
document of the corpus (``bench/corpus.py``) is given the parsed output of one of them, under its
own id, with its own fingerprint (so copies and unrelated articles cluster as they would), its
own relation ids and its own text. Each size runs in a fresh process; printed: peak RSS, growth
per 1,000 documents, seconds, and what the store holds.

    python bench/store_bench.py --sizes 1000,10000,100000
    python bench/store_bench.py --sizes 200000 --every 20000   # RSS as one run goes on
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import pickle
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
GOAL_RSS_MB = 1500
sys.path.insert(0, str(BENCH))


def parse_templates(n: int, seed: int, out: Path) -> None:
    """Parse ``n`` synthetic documents once and pickle the results."""
    from corpus import make_corpus

    from dyads.pipeline import Pipeline
    from dyads.records import Document

    pipe = Pipeline()
    docs = [Document(id=d["id"], text=d["text"]) for d in make_corpus(n, seed, ROOT / "samples")]
    out.write_bytes(pickle.dumps(pipe.process_batch(docs)))


class ReplayPipeline:
    """Stands in for :class:`dyads.pipeline.Pipeline`: each document gets a template's output."""

    def __init__(self, templates: list[Any]) -> None:
        from dyads.pipeline import Timings

        self.templates = templates
        self.timings = Timings()

    def run(self, items: Iterable[Any], n_process: int | None = None) -> Iterator[Any]:
        from dyads.records import Document
        from dyads.stories import fingerprint

        for i, item in enumerate(items):
            if not isinstance(item, Document):
                yield item
                continue
            t = self.templates[i % len(self.templates)]
            # the document's own sentences decide its story, as in a real ingest
            sentences = [s for s in item.text.split("\n") if s.strip()]
            yield _replica(t, item, fingerprint(sentences))


def _replica(t: Any, doc: Any, fp: tuple[int, ...]) -> Any:
    """Template ``t`` as the output for ``doc``: its id everywhere, relation ids recomputed."""
    sid = doc.id
    return dataclasses.replace(
        t,
        document=doc,
        sentences=tuple(dataclasses.replace(s, doc_id=sid) for s in t.sentences),
        mentions=tuple(dataclasses.replace(m, doc_id=sid) for m in t.mentions),
        # an empty id is computed again from the new evidence (``Relation.__post_init__``)
        relations=tuple(
            dataclasses.replace(r, id="", evidence=dataclasses.replace(r.evidence, doc=sid))
            for r in t.relations
        ),
        fingerprint=fp,
    )


def write_corpus(folder: Path, n_docs: int, seed: int) -> None:
    from corpus import make_corpus

    folder.mkdir(parents=True, exist_ok=True)
    f = None
    for i, d in enumerate(make_corpus(n_docs, seed, ROOT / "samples")):
        if i % 1000 == 0:
            if f:
                f.close()
            f = (folder / f"part{i // 1000:05d}.jsonl").open("w", encoding="utf-8")
        # one sentence per line, so the stand-in parse can fingerprint the sentences
        text = "\n".join(s for p in d["text"].split("\n\n") for s in p.split(". ") if s.strip())
        f.write(json.dumps({"id": d["id"], "text": text}) + "\n")
    if f:
        f.close()


def _rss_now_mb() -> int:
    """The process's resident memory now (Linux), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) // 1024
    return 0


def measure(templates: Path, folder: Path, every: int = 0) -> dict[str, Any]:
    from dyads.ingest import ingest

    pipe = ReplayPipeline(pickle.loads(templates.read_bytes()))
    curve: list[tuple[int, int]] = []  # (documents stored, RSS MB) every ``every`` documents
    stored = [0]

    def progress(n: int) -> None:
        stored[0] += n
        if every and stored[0] // every > len(curve):
            curve.append((stored[0], _rss_now_mb()))

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "store.duckdb"
        t0 = time.perf_counter()
        report = ingest([folder], db, pipeline=pipe, progress=progress)  # type: ignore[arg-type]
        wall = time.perf_counter() - t0
        size = db.stat().st_size / 2**20
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "documents": report.documents_written,
        "relations": report.counts.get("relations", 0),
        "wall": round(wall, 1),
        "rss_mb": round(rss),
        "db_mb": round(size),
        "errors": len(report.errors),
        "curve": curve,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--templates", type=int, default=300, help="documents parsed for real")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--every", type=int, default=0, help="also print RSS every this many documents stored"
    )
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(Path(args.child[0]), Path(args.child[1]), args.every)))
        return
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        tpl = Path(tmp) / "templates.pickle"
        subprocess.run(
            [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(BENCH)!r}); "
             f"import store_bench; store_bench.parse_templates({args.templates}, {args.seed}, "
             f"__import__('pathlib').Path({str(tpl)!r}))"],
            check=True,
        )  # fmt: skip
        for n in (int(s) for s in args.sizes.split(",")):
            folder = Path(tmp) / f"corpus{n}"
            write_corpus(folder, n, args.seed)
            cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(tpl), str(folder)]
            cmd += ["--every", str(args.every)]
            out = subprocess.run(cmd, capture_output=True, text=True, check=False)
            if out.returncode:
                raise SystemExit(out.stderr[-3000:])
            results.append({"size": n, **json.loads(out.stdout.strip().splitlines()[-1])})
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(f"{'documents':>10} {'relations':>10} {'seconds':>8} {'peak RSS MB':>11} {'store MB':>9}")
    for r in results:
        print(
            f"{r['documents']:>10,} {r['relations']:>10,} {r['wall']:>8} {r['rss_mb']:>11} {r['db_mb']:>9}"
        )
    for r in results:
        if r["curve"]:
            points = ", ".join(f"{n:,}: {mb}" for n, mb in r["curve"])
            print(f"RSS MB after documents stored ({r['documents']:,} run): {points}")
    if len(results) > 1:
        a, b = results[0], results[-1]
        per_k = (b["rss_mb"] - a["rss_mb"]) / max(1, (b["documents"] - a["documents"]) / 1000)
        worst = max(r["rss_mb"] for r in results)
        print(
            f"growth {per_k:.2f} MB per 1,000 documents from {a['documents']:,} to {b['documents']:,}; "
            f"peak {worst} MB (goal: flat, < {GOAL_RSS_MB} MB)"
        )


if __name__ == "__main__":
    main()
