"""Load on the web app: 50 concurrent clients on loopback, p50/p99 per endpoint, errors.

Two stores: the sample corpus (ingested here unless ``--samples-db`` names one) and a synthetic
store of ``--relations`` relations built as ``bench/query_bench.py`` builds it (1,000,000 by
default). The app runs as ``dyads serve`` would (uvicorn, one process, 127.0.0.1) in a child
process; the clients are one asyncio loop of httpx in this one, each taking the next request of
a shuffled list until it is done, so every endpoint is hit while the others are. The machine is
shared by server and clients (2 cores here): the numbers include that.

    python bench/web_bench.py                               # samples + 1M relations
    python bench/web_bench.py --relations 200000 --requests 20
    python bench/web_bench.py --skip-large --json

Goal: p99 < 200 ms per endpoint and no errors. ``/api/path`` and path questions build the whole
tie graph in networkx (seconds on 1M relations), so the large store runs them apart, from one
client, and they are reported but not held to the goal.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/query_bench.py, run as a script

GOAL_P99_MS = 200.0
CLIENTS = 50


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(db: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = _port()
    code = (
        "import sys; from dyads.web import create_app, run; "
        "run(create_app(sys.argv[1]), host='127.0.0.1', port=int(sys.argv[2]))"
    )
    proc = subprocess.Popen([sys.executable, "-c", code, str(db), str(port)])
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return proc, base
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("the web app did not start")


def _q(**params: Any) -> str:
    return urlencode(params, doseq=True)


def sample_urls(n: int, rng: random.Random) -> dict[str, list[str]]:
    pairs = [("rwanda", "m23"), ("iran", "houthis"), ("pakistan", "taliban"), ("usa", "israel")]
    actors = ["houthis", "m23", "taliban", "iran", "hezbollah", "rwanda", "irgc", "hamas"]
    names = ["Hezbollah", "Hezbolah", "Ansar Allah", "M23", "Wagner", "Iran", "al shabab"]
    questions = ["Who supports the Houthis?", "Who leads Hezbollah?", "What ties Rwanda to M23?"]
    return _urls(n, rng, pairs, actors, names, questions, path=True, docs=19)


def large_urls(n: int, rng: random.Random, db: Path, n_actors: int) -> dict[str, list[str]]:
    from dyads.store import Store

    with Store(db, read_only=True) as store:
        rows = store.query(
            "SELECT source_id AS a, target_id AS b FROM relations "
            "USING SAMPLE 2000 ROWS (reservoir, 1)"
        )
    pairs = [(r["a"], r["b"]) for r in rows if r["a"] != r["b"]]
    actors = [f"a{int(n_actors * rng.random() ** 3)}" for _ in range(100)]
    names = [f"Actor {rng.randrange(n_actors)}" for _ in range(50)] + ["Actr 12", "alias 77"]
    questions = [f"Who supports Actor {int(n_actors * rng.random() ** 3)}?" for _ in range(20)]
    return _urls(n, rng, pairs, actors, names, questions, path=False, docs=100_000)


def _urls(
    n: int,
    rng: random.Random,
    pairs: list[tuple[str, str]],
    actors: list[str],
    names: list[str],
    questions: list[str],
    *,
    path: bool,
    docs: int,
) -> dict[str, list[str]]:
    def pick(xs: list[Any]) -> Any:
        return rng.choice(xs)

    out: dict[str, list[str]] = {
        "GET /api/actors?q": [f"/api/actors?{_q(q=pick(names))}" for _ in range(n)],
        "GET /api/actors/{id}": [f"/api/actors/{quote(pick(actors))}" for _ in range(n)],
        "GET /api/relations": [
            f"/api/relations?{_q(type='SUPPORTS', target=pick(actors), limit=50)}" for _ in range(n)
        ],
        "GET /api/dyad": [f"/api/dyad?{_q(a=a, b=b)}" for a, b in (pick(pairs) for _ in range(n))],
        "GET /api/supporters": [f"/api/supporters?{_q(actor=pick(actors))}" for _ in range(n)],
        "GET /api/leverage": [
            f"/api/leverage?{_q(a=a, b=b)}" for a, b in (pick(pairs) for _ in range(n))
        ],
        "GET /api/ask": [f"/api/ask?{_q(q=pick(questions))}" for _ in range(n)],
        "GET /api/documents": [f"/api/documents?{_q(limit=50)}" for _ in range(n)],
        "GET /api/network": ["/api/network" for _ in range(n)],
        "GET /actor/{id}": [f"/actor/{quote(pick(actors))}" for _ in range(n)],
        "GET /dyad": [f"/dyad?{_q(a=a, b=b)}" for a, b in (pick(pairs) for _ in range(n))],
        "GET /network": ["/network" for _ in range(n)],
    }
    if path:
        out["GET /api/path"] = [
            f"/api/path?{_q(a=a, b=b)}" for a, b in (pick(pairs) for _ in range(n))
        ]
    return out


async def _load(base: str, urls: dict[str, list[str]], clients: int) -> dict[str, Any]:
    import httpx

    work = [(name, u) for name, us in urls.items() for u in us]
    random.Random(1).shuffle(work)
    times: dict[str, list[float]] = {name: [] for name in urls}
    errors: dict[str, list[str]] = {name: [] for name in urls}
    queue: asyncio.Queue[tuple[str, str]] = asyncio.Queue()
    for item in work:
        queue.put_nowait(item)
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:

        async def one() -> None:
            while not queue.empty():
                name, url = queue.get_nowait()
                t = time.perf_counter()
                try:
                    r = await client.get(url)
                    r.read()
                    ok = r.status_code < 400
                    why = f"{r.status_code} {url}"
                except httpx.HTTPError as err:
                    ok, why = False, f"{type(err).__name__} {url}"
                times[name].append((time.perf_counter() - t) * 1000)
                if not ok:
                    errors[name].append(why)

        t0 = time.perf_counter()
        await asyncio.gather(*(one() for _ in range(clients)))
        wall = time.perf_counter() - t0
    return {"times": times, "errors": errors, "wall": wall, "requests": len(work)}


def _pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(q / 100 * (len(s) - 1))))] if s else float("nan")


def run_load(
    db: Path, urls: dict[str, list[str]], clients: int, warm: bool = True
) -> dict[str, Any]:
    proc, base = start_server(db)
    try:
        if warm:  # the first request of each endpoint opens the store, reads the hierarchy...
            asyncio.run(_load(base, {k: v[:1] for k, v in urls.items()}, 1))
        res = asyncio.run(_load(base, urls, clients))
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:  # a request still computing (a path on 1M relations)
            proc.kill()
            proc.wait()
    out = {}
    for name, ts in res["times"].items():
        out[name] = {
            "n": len(ts),
            "p50_ms": round(_pct(ts, 50), 1),
            "p99_ms": round(_pct(ts, 99), 1),
            "max_ms": round(max(ts), 1) if ts else None,
            "errors": len(res["errors"][name]),
            "first_error": res["errors"][name][0] if res["errors"][name] else None,
        }
    return {
        "clients": clients,
        "requests": res["requests"],
        "seconds": round(res["wall"], 1),
        "per_second": round(res["requests"] / res["wall"], 1),
        "endpoints": out,
    }


def report(title: str, res: dict[str, Any], goal: bool = True) -> bool:
    print(
        f"\n{title}: {res['requests']} requests from {res['clients']} clients in "
        f"{res['seconds']} s ({res['per_second']}/s)"
    )
    print(f"{'endpoint':22} {'n':>5} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'errors':>6}")
    ok = True
    for name, r in res["endpoints"].items():
        hit = r["p99_ms"] < GOAL_P99_MS and not r["errors"]
        ok &= hit or not goal
        mark = ("ok" if hit else "MISSED") if goal else "(not held to the goal)"
        print(
            f"{name:22} {r['n']:5} {r['p50_ms']:8.1f} {r['p99_ms']:8.1f} {r['max_ms']:8.1f} "
            f"{r['errors']:6}  {mark}" + (f"  {r['first_error']}" if r["first_error"] else "")
        )
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=CLIENTS)
    parser.add_argument("--requests", type=int, default=100, help="per endpoint")
    parser.add_argument("--relations", type=int, default=1_000_000)
    parser.add_argument("--actors", type=int, default=20_000)
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--samples-db", type=Path, help="an ingested sample store to use")
    parser.add_argument("--large-db", type=Path, help="keep (or reuse) the large store here")
    parser.add_argument("--skip-large", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rng = random.Random(0)
    results: dict[str, Any] = {"goal_p99_ms": GOAL_P99_MS}
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        samples = args.samples_db
        if samples is None:
            from dyads.ingest import ingest

            samples = Path(tmp) / "samples.duckdb"
            ingest([Path(__file__).resolve().parent.parent / "samples"], samples)
        results["samples"] = run_load(samples, sample_urls(args.requests, rng), args.clients)
        if not args.json:
            ok &= report(f"sample store ({samples})", results["samples"])
        if not args.skip_large:
            from query_bench import build_store

            large = args.large_db or Path(tmp) / "large.duckdb"
            if not large.exists():
                build = build_store(large, args.relations, args.actors, args.docs, seed=0)
                results["large_build"] = build
                if not args.json:
                    print(f"\nlarge store: {build['counts']} built in {build['build_seconds']} s")
            urls = large_urls(args.requests, rng, large, args.actors)
            results["large"] = run_load(large, urls, args.clients)
            if not args.json:
                ok &= report(f"{args.relations:,}-relation store", results["large"])
            path_urls = {
                "GET /api/path": [
                    u.replace("/api/dyad?", "/api/path?") for u in urls["GET /api/dyad"][:3]
                ]
            }
            results["large_path"] = run_load(large, path_urls, 1, warm=False)
            if not args.json:
                report("path on the large store, one client", results["large_path"], goal=False)
    if args.json:
        print(json.dumps(results, indent=2))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
