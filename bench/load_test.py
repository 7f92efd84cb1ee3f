"""Bounded load test of `newsevents serve` on loopback: requests/s, p50/p99 latency, error rate.

Starts the real server (uvicorn in a subprocess, 127.0.0.1 only) over a store built from the seed article and
a slice of PolNeAR, with ingest enabled by a token, then runs three fixed-size phases with an async httpx
client: ``GET /api/events`` (readers), ``POST /api/extract``, and readers while ``POST /api/articles`` writes.
It also checks the hostile-request answers (413, 422, 401, 403). Every loop is bounded in count and time.

    python3 bench/load_test.py [--requests 400] [--concurrency 16] [--articles 40] [--write-docs]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TOKEN = "load-test-token"
MAX_SECONDS_PER_PHASE = 120.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def build_store(db: Path, n_articles: int) -> None:
    corpus = Path(tempfile.mkdtemp()) / "load.jsonl"
    rows = []
    seed = SHARED / "examples" / "seed-article.txt"
    if seed.exists():
        rows.append({"id": "seed", "raw": seed.read_text(encoding="utf-8")})
    gold = SHARED / "gold" / "polnear-train.jsonl"
    if gold.exists():
        with gold.open(encoding="utf-8") as f:
            for k, line in enumerate(f):
                if k >= n_articles:
                    break
                rec = json.loads(line)
                rows.append({"id": f"pn-{k}", "raw": rec["raw"]})
    corpus.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "newsevents.cli", "ingest", str(corpus), "--db", str(db), "--no-progress"],
        check=True,
        cwd=ROOT,
    )


async def phase(
    client: httpx.AsyncClient, name: str, make_request, n: int, concurrency: int
) -> dict[str, float | int | str]:
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    failures = 0
    queue = iter(range(n))
    deadline = time.perf_counter() + MAX_SECONDS_PER_PHASE

    async def worker() -> None:
        nonlocal failures
        for k in queue:
            if time.perf_counter() > deadline:
                return
            t0 = time.perf_counter()
            try:
                resp = await make_request(client, k)
                statuses[resp.status_code] = statuses.get(resp.status_code, 0) + 1
            except httpx.HTTPError:
                failures += 1
            latencies.append(time.perf_counter() - t0)

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    elapsed = time.perf_counter() - started
    done = len(latencies)
    errors = failures + sum(c for s, c in statuses.items() if s >= 500)
    q = (
        statistics.quantiles(latencies, n=100)
        if done >= 2
        else [latencies[0]] * 99
        if latencies
        else [0.0] * 99
    )
    return {
        "phase": name,
        "requests": done,
        "rps": round(done / elapsed, 1),
        "p50_ms": round(q[49] * 1000, 1),
        "p99_ms": round(q[98] * 1000, 1),
        "error_rate": round(errors / max(done, 1), 4),
        "statuses": json.dumps(dict(sorted(statuses.items()))),
    }


EXTRACT_TEXTS = [
    "The foreign minister said on Monday that talks with the rebels had failed.",
    "Police fired tear gas at protesters in the capital, the interior ministry said.",
    "The two leaders met in Geneva and agreed to resume negotiations next month.",
]


async def run(args: argparse.Namespace, base: str) -> list[dict[str, float | int | str]]:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    async with httpx.AsyncClient(base_url=base, timeout=60.0) as client:

        async def get_events(c: httpx.AsyncClient, k: int) -> httpx.Response:
            return await c.get("/api/events", params={"limit": 50, "offset": (k * 7) % 200})

        async def post_extract(c: httpx.AsyncClient, k: int) -> httpx.Response:
            return await c.post("/api/extract", json={"text": EXTRACT_TEXTS[k % 3], "date": "2022-03-10"})

        async def mixed(c: httpx.AsyncClient, k: int) -> httpx.Response:
            if k % 10 == 0:  # one writer request in ten, the rest are readers
                text = f"Report {k}: the president met the visiting prime minister in Rome on Tuesday."
                return await c.post("/api/articles", json={"text": text, "date": "2022-03-10"}, headers=auth)
            return await get_events(c, k)

        results = [
            await phase(client, "GET /api/events", get_events, args.requests, args.concurrency),
            await phase(
                client, "POST /api/extract", post_extract, max(args.requests // 4, 10), args.concurrency
            ),
            await phase(client, "readers + ingest writer", mixed, args.requests, args.concurrency),
        ]
        hostile = {
            "413 oversized body": (
                await client.post("/api/extract", json={"text": "x" * 2_000_000})
            ).status_code,
            "422 malformed JSON": (
                await client.post(
                    "/api/extract", content=b"{not json", headers={"Content-Type": "application/json"}
                )
            ).status_code,
            "401 no token": (await client.post("/api/articles", json={"text": "a b c"})).status_code,
            "403 wrong token": (
                await client.post(
                    "/api/articles", json={"text": "a b c"}, headers={"Authorization": "Bearer nope"}
                )
            ).status_code,
        }
        results.append({"phase": "hostile requests", "statuses": json.dumps(hostile)})
        return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--requests", type=int, default=400)
    ap.add_argument("--concurrency", type=int, default=16)
    ap.add_argument("--articles", type=int, default=40, help="PolNeAR articles in the store")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp())
    db = tmp / "load.duckdb"
    build_store(db, args.articles)
    port = free_port()
    env = {**os.environ, "NEWSEVENTS_TOKEN": TOKEN}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "newsevents.cli",
            "serve",
            "--db",
            str(db),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                if httpx.get(f"{base}/api/stats", timeout=1.0).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.5)
        else:
            raise SystemExit("server did not start within 60 s")
        results = asyncio.run(run(args, base))
    finally:
        server.terminate()
        server.wait(timeout=30)
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(
        "| phase | requests | req/s | p50 ms | p99 ms | error rate | statuses |\n|---|---|---|---|---|---|---|"
    )
    for r in results:
        print(
            f"| {r['phase']} | {r.get('requests', '')} | {r.get('rps', '')} | {r.get('p50_ms', '')} | "
            f"{r.get('p99_ms', '')} | {r.get('error_rate', '')} | {r['statuses']} |"
        )


if __name__ == "__main__":
    main()
