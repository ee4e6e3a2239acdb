"""Ingest throughput, worker scaling and peak memory on a synthetic news corpus.

For each corpus size, on the same documents (``bench/corpus.py``'s ``make_corpus``: articles
built from templates and from our sample articles' sentences, with shuffled, partial and mangled
copies), each measurement runs in its own fresh process so that peak RSS is its own:

- ``spacy``: the bare parse the pipeline rests on, ``nlp.pipe`` over the documents with the same
  model and components (``Pipeline().nlp``), one process;
- ``spacy-best``: the same at its best, ``nlp.pipe(..., n_process=cores)`` (``spacy-jN``: N
  processes);
- ``spacy-model`` (on request): the bare parse without dyads' own components (gazetteer ruler
  and actor cues), to show what they cost;
- ``ingest``: ``dyads.ingest`` (sources, repair, parse, actors, relations, stories, store) into a
  new store with its default settings, as ``dyads ingest`` runs it (one worker per core);
- ``ingest-j1`` / ``ingest-j2`` (``ingest-jN``): the same with one, two (N) worker processes.

Printed: words/s (spaCy tokens of the bare parse, so every row counts the same words), the ratio
of the default ingest to the bare parse at its best (goal >= 0.8), of one-worker ingest to the
one-process parse, of the default ingest to one worker (goal >= 1.8 on two cores), CPU seconds
per 1,000 words (insensitive to other load on the machine), peak RSS of the main process and of
the largest worker (goal: flat in corpus size, < 1.5 GB), and the per-stage profile of each
ingest.

    python bench/ingest_bench.py                            # the four default runs on 1k documents
    python bench/ingest_bench.py --sizes 1000 --rounds 2    # each twice, in mirrored order
    python bench/ingest_bench.py --sizes 1000,10000 --modes ingest-j2 --json
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
MODES = ("spacy", "spacy-best", "ingest-j1", "ingest")
#: On request: the model alone, without dyads' components (what they cost); N processes.
EXTRA_MODES = ("spacy-model", "spacy-jN", "ingest-jN")
GOAL_RATIO = 0.8
GOAL_SCALING = 1.8
GOAL_RSS_MB = 1500
DOCS_PER_FILE = 1000


def write_corpus(folder: Path, n_docs: int, seed: int, samples: Path | None) -> int:
    """``n_docs`` documents as JSONL files of DOCS_PER_FILE lines; returns the characters written."""
    sys.path.insert(0, str(BENCH))
    from corpus import make_corpus  # bench/ is not a package

    folder.mkdir(parents=True, exist_ok=True)
    chars = 0
    f = None
    for i, doc in enumerate(make_corpus(n_docs, seed, samples)):
        if i % DOCS_PER_FILE == 0:
            if f:
                f.close()
            f = (folder / f"part{i // DOCS_PER_FILE:04d}.jsonl").open("w", encoding="utf-8")
        f.write(json.dumps({"id": doc["id"], "text": doc["text"]}, ensure_ascii=False) + "\n")
        chars += len(doc["text"])
    if f:
        f.close()
    return chars


def _usage() -> dict[str, float]:
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "cpu": me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime,
        "rss_main_mb": me.ru_maxrss / 1024,
        "rss_worker_mb": kids.ru_maxrss / 1024,
    }


def measure(mode: str, folder: Path) -> dict[str, Any]:
    """One measurement, in this process (``bench/ingest_bench.py --child MODE FOLDER``)."""
    from dyads.pipeline import Pipeline, available_cores
    from dyads.settings import Settings

    texts_files = sorted(folder.glob("*.jsonl"))
    if mode.startswith("spacy"):
        pipe = Pipeline()
        nlp = pipe.nlp if mode != "spacy-model" else __import__("spacy").load(pipe.settings.model)
        procs = (
            available_cores()
            if mode == "spacy-best"
            else int(mode.rsplit("j", 1)[1])
            if mode.startswith("spacy-j")
            else 1
        )
        if procs > 1 and mode != "spacy-model":
            _drop_user_data(nlp)
        cpu0 = _usage()["cpu"]
        t0 = time.perf_counter()
        words = 0
        for path in texts_files:  # one file at a time: memory as flat as the ingest's
            with path.open(encoding="utf-8") as f:
                texts = (json.loads(line)["text"] for line in f)
                words += sum(len(doc) for doc in nlp.pipe(texts, batch_size=16, n_process=procs))
        wall = time.perf_counter() - t0
        return {
            "mode": mode,
            "processes": procs,
            "wall": wall,
            "words": words,
            **_usage(),
            "cpu": _usage()["cpu"] - cpu0,
        }
    from dyads.cli.pipeline_cmds import _profile
    from dyads.ingest import ingest

    workers = 0 if mode == "ingest" else int(mode.rsplit("j", 1)[1])  # 0: the default
    settings = Settings(n_process=workers)
    pipe = Pipeline(settings)
    cpu0 = _usage()["cpu"]
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        report = ingest([folder], Path(tmp) / "bench.duckdb", settings, pipeline=pipe)
        wall = time.perf_counter() - t0
        db_mb = (Path(tmp) / "bench.duckdb").stat().st_size / 2**20
    usage = _usage()
    prof = _profile(report.timings)
    return {
        "mode": mode,
        "processes": report.timings.processes,
        "wall": wall,
        "words": report.timings.words,
        **usage,
        "cpu": usage["cpu"] - cpu0,
        "documents": report.documents_written,
        "relations": report.counts.get("relations", 0),
        "db_mb": round(db_mb, 1),
        "stages": {s["stage"]: s["seconds"] for s in prof["stages"]},
    }


def _drop_user_data(nlp: Any) -> None:
    """A last component that clears ``doc.user_data``: with ``n_process > 1`` spaCy sends every
    parsed Doc back to the parent as bytes, and the values dyads' components set on ``Doc._``
    cannot be serialised (the parse itself is unchanged)."""
    from spacy.language import Language

    @Language.component("bench_drop_user_data")
    def drop(doc: Any) -> Any:
        doc.user_data.clear()
        return doc

    nlp.add_pipe("bench_drop_user_data", last=True)


def run_child(mode: str, folder: Path) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", mode, str(folder)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(f"{mode} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def _mean_run(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """One mode's repeated runs as one: mean wall, CPU and stage times, largest RSS."""
    out = dict(runs[0])
    for key in ("wall", "cpu"):
        out[key] = sum(r[key] for r in runs) / len(runs)
    for key in ("rss_main_mb", "rss_worker_mb"):
        out[key] = max(r[key] for r in runs)
    if "stages" in out:
        out["stages"] = {s: sum(r["stages"][s] for r in runs) / len(runs) for s in out["stages"]}
    out["walls"] = [round(r["wall"], 1) for r in runs]
    return out


def bench_size(
    n_docs: int, modes: list[str], seed: int, samples: Path | None, rounds: int = 1
) -> dict[str, Any]:
    """Every mode on one corpus, ``rounds`` times, in mirrored order (A B C, C B A, ...): the
    machine's speed drifts by minutes, and the mirror cancels a steady drift from the ratios."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        chars = write_corpus(folder, n_docs, seed, samples)
        load = os.getloadavg()[0]
        done: dict[str, list[dict[str, Any]]] = {m: [] for m in modes}
        for i in range(rounds):
            for m in modes if i % 2 == 0 else modes[::-1]:
                done[m].append(run_child(m, folder))
        runs = {m: _mean_run(v) for m, v in done.items()}
    words = runs["spacy"]["words"] if "spacy" in runs else None
    for r in runs.values():
        basis = words or r["words"]
        r["words_per_s"] = basis / r["wall"]
        r["cpu_s_per_1k_words"] = 1000 * r["cpu"] / basis
    out: dict[str, Any] = {
        "documents": n_docs,
        "chars": chars,
        "load_before": load,
        "rounds": rounds,
        "runs": runs,
    }
    out["load_after"] = os.getloadavg()[0]
    parses = [
        r["words_per_s"] for m, r in runs.items() if m.startswith("spacy") and m != "spacy-model"
    ]
    if parses and "ingest" in runs:
        out["ingest_vs_best_parse"] = runs["ingest"]["words_per_s"] / max(parses)
    if "spacy" in runs and "ingest-j1" in runs:
        out["ingest_vs_spacy"] = runs["ingest-j1"]["words_per_s"] / runs["spacy"]["words_per_s"]
    if "ingest-j1" in runs and "ingest" in runs:
        out["default_vs_j1"] = runs["ingest"]["words_per_s"] / runs["ingest-j1"]["words_per_s"]
    if "ingest-j1" in runs and "ingest-j2" in runs:
        out["j2_vs_j1"] = runs["ingest-j2"]["words_per_s"] / runs["ingest-j1"]["words_per_s"]
    return out


def print_size(res: dict[str, Any]) -> None:
    print(
        f"\n== {res['documents']:,} documents, {res['chars'] / 1e6:.1f} M characters "
        f"(load average {res['load_before']:.1f} before, {res['load_after']:.1f} after; 2 cores)"
        + (f"; mean of {res['rounds']} runs each, mirrored order" if res["rounds"] > 1 else "")
    )
    print(
        f"{'run':10} {'procs':>5} {'wall s':>8} {'words/s':>9} {'cpu s/1k w':>10} "
        f"{'rss main MB':>11} {'rss worker MB':>13}"
    )
    for m, r in res["runs"].items():
        print(
            f"{m:10} {r.get('processes', 1):5} {r['wall']:8.1f} {r['words_per_s']:9.0f} "
            f"{r['cpu_s_per_1k_words']:10.3f} {r['rss_main_mb']:11.0f} {r['rss_worker_mb']:13.0f}"
        )
    if "ingest_vs_best_parse" in res:
        v = res["ingest_vs_best_parse"]
        print(
            f"ingest (defaults) / bare spaCy parse at its best: {v:.2f} (goal >= {GOAL_RATIO}) "
            f"{'ok' if v >= GOAL_RATIO else 'MISSED'}"
        )
    if "ingest_vs_spacy" in res:
        v = res["ingest_vs_spacy"]
        print(
            f"ingest -j 1 / bare spaCy parse, 1 process: {v:.2f} (goal >= {GOAL_RATIO}) {'ok' if v >= GOAL_RATIO else 'MISSED'}"
        )
    if "default_vs_j1" in res:
        v = res["default_vs_j1"]
        print(f"ingest (defaults) / ingest -j 1: {v:.2f}")
    if "j2_vs_j1" in res:
        v = res["j2_vs_j1"]
        print(
            f"2 workers / 1 worker: {v:.2f} (goal >= {GOAL_SCALING}) {'ok' if v >= GOAL_SCALING else 'MISSED'}"
        )
    for m, r in res["runs"].items():
        if "stages" in r:
            total = sum(r["stages"].values()) or 1
            cells = "  ".join(f"{s} {v:.1f}s ({v / total:.0%})" for s, v in r["stages"].items())
            print(f"stages {m}: {cells}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000", help="comma-separated document counts")
    parser.add_argument(
        "--modes", default=",".join(MODES), help=f"from {','.join(MODES + EXTRA_MODES)}"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--samples", type=Path, default=ROOT / "samples")
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="runs of each mode, in mirrored order (2: A B C C B A)",
    )
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--child", nargs=2, metavar=("MODE", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child[0], Path(args.child[1]))))
        return
    modes = [m for m in args.modes.split(",") if m]
    results = []
    for size in (int(s) for s in args.sizes.split(",")):
        res = bench_size(size, modes, args.seed, args.samples, args.rounds)
        results.append(res)
        if not args.json:
            print_size(res)
    if len(results) > 1 and not args.json:
        print("\npeak RSS by size (MB, main / largest worker):")
        for res in results:
            cells = "  ".join(
                f"{m} {r['rss_main_mb']:.0f}/{r['rss_worker_mb']:.0f}"
                for m, r in res["runs"].items()
            )
            print(f"  {res['documents']:>7,}: {cells}")
    if args.json:
        print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
