"""Store and scale-out benchmark.

1. Extraction throughput (articles/s) on the PolNeAR train articles: one process without Dask, then a Dask
   LocalCluster with 1 and with 2 workers (cluster start-up and model loading included: that is what a user
   waits for), and the 2-vs-1 worker scaling ratio.
2. DuckDB ingest and query times on a synthetic table of 1 million events (generated here, never stored in
   the repository), plus the time to rebuild the cross-article clusters.
3. Incremental ingest (``--incremental 100000,1000000``): the same 1,000 new articles (5,000 events,
   synthetic records, so extraction — the same per article whatever the store — is left out) stored into a
   100k-event and a 1M-event store the way ``newsevents ingest`` does it (batches of 64 through
   ``Store(keep_open=False).add_results``: near-duplicate look-up, insert, then ``update_clusters``), and
   the ratio of the two times.  The stored articles get random MinHash signatures (and their LSH bands), so
   the near-duplicate look-up searches a store of the full size.

    python3 bench/store_bench.py --limit 840 --events 1000000 --incremental 100000,1000000 --write-docs

``--write-docs`` replaces the ``## Store and scale-out`` section of docs/performance.md (other sections are
left as they are).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa

from newsevents.model import Article, Event, Location, Participant, Result, Span
from newsevents.pipeline import Options, process
from newsevents.readers import read_inputs
from newsevents.scale import process_distributed
from newsevents.store import Store
from newsevents.store.dedup import SCHEME, DedupConfig, signature_from_bytes
from newsevents.store.lsh import BANDS_SCHEMA, band_rows, params_key
from newsevents.store.rows import arrow_schema
from newsevents.store.schema import ARTICLES, EVENTS

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "gold" / "polnear-train.jsonl"
SECTION = "## Store and scale-out"
TYPES = [
    "CONSULT",
    "ACCUSE",
    "ASSAULT",
    "AID",
    "DEMAND",
    "THREATEN",
    "SANCTION",
    "PROTEST",
    "COOPERATE",
    "REQUEST",
]
COUNTRIES = ["USA", "RUS", "UKR", "CHN", "TUR", "FRA", "DEU", "GBR", "IRN", "ISR", "IND", "BRA"]
SECTORS = ["GOV", "MIL", "LEG", "MED", "BUS", "CIV", None]


def throughput(corpus: Path, limit: int, workers: list[int]) -> list[tuple[str, int, float]]:
    with tempfile.TemporaryDirectory() as tmp:
        part = Path(tmp) / "corpus.jsonl"
        with corpus.open(encoding="utf-8") as src, part.open("w", encoding="utf-8") as dst:
            for k, line in enumerate(src):
                if k >= limit:
                    break
                dst.write(line)
        runs = []
        started = time.perf_counter()
        n = sum(isinstance(r, Result) for r in process(read_inputs([str(part)]), Options()))
        runs.append(("one process, no Dask", n, time.perf_counter() - started))
        for w in workers:
            started = time.perf_counter()
            items = process_distributed(
                [str(part)], Options(), fmt=None, date=None, workers=w, scheduler=None
            )
            n = sum(isinstance(r, Result) for r in items)
            runs.append(
                (f"Dask LocalCluster, {w} worker{'s' if w > 1 else ''}", n, time.perf_counter() - started)
            )
    return runs


def synthetic_events(n_events: int, per_article: int, seed: int = 7) -> tuple[pa.Table, pa.Table]:
    """Articles and events tables with realistic shapes: a pool of actors, 3 years of dates, 500 places."""
    rng = np.random.default_rng(seed)
    n_articles = n_events // per_article
    art_ids = np.array([f"art{k:08d}" for k in range(n_articles)])
    day0 = dt.date(2021, 1, 1).toordinal()
    art_days = rng.integers(0, 3 * 365, n_articles)
    art_dates = np.array([dt.date.fromordinal(day0 + int(d)).isoformat() for d in range(3 * 365)])[art_days]
    articles = {
        name: pa.nulls(n_articles, f.type)
        for name, f in zip(ARTICLES.column_names, arrow_schema(ARTICLES), strict=True)
    }
    articles.update(
        id=pa.array(art_ids), date=pa.array(art_dates), date_precision=pa.array(["day"] * n_articles),
        n_chars=pa.array(np.full(n_articles, 2000, dtype=np.int32)), lang=pa.array(["en"] * n_articles),
        ingest_seq=pa.array(np.arange(n_articles, dtype=np.int64)),
        url=pa.array([f"https://news.example/{a}" for a in art_ids]),
    )  # fmt: skip
    art_of = np.repeat(np.arange(n_articles), per_article)[:n_events]
    people = np.array([f"Person {k}" for k in range(5000)])
    places = np.array([f"Place {k}" for k in range(500)])
    lat, lon = rng.uniform(-60, 70, 500), rng.uniform(-180, 180, 500)
    a_idx, r_idx, p_idx = (
        rng.integers(0, 5000, n_events),
        rng.integers(0, 5000, n_events),
        rng.integers(0, 500, n_events),
    )
    a_c, r_c = rng.integers(0, len(COUNTRIES), n_events), rng.integers(0, len(COUNTRIES), n_events)
    a_s, r_s = rng.integers(0, len(SECTORS), n_events), rng.integers(0, len(SECTORS), n_events)
    countries, sectors = np.array(COUNTRIES), np.array(SECTORS, dtype=object)
    zeros, tens = np.zeros(n_events, dtype=np.int32), np.full(n_events, 10, dtype=np.int32)
    events = {
        name: pa.nulls(n_events, f.type)
        for name, f in zip(EVENTS.column_names, arrow_schema(EVENTS), strict=True)
    }
    events.update(
        article_id=pa.array(art_ids[art_of]), id=pa.array([f"e{k % per_article}" for k in range(n_events)]),
        type=pa.array(np.array(TYPES)[rng.integers(0, len(TYPES), n_events)]), mode=pa.array(["verbal"] * n_events),
        actor_name=pa.array(people[a_idx]), actor_id=pa.array(people[a_idx]), actor_country=pa.array(countries[a_c]),
        actor_sector=pa.array(sectors[a_s], type=pa.string()), actor_start=pa.array(zeros), actor_end=pa.array(tens),
        actor_text=pa.array(people[a_idx]),
        recipient_name=pa.array(people[r_idx]), recipient_id=pa.array(people[r_idx]),
        recipient_country=pa.array(countries[r_c]), recipient_sector=pa.array(sectors[r_s], type=pa.string()),
        recipient_start=pa.array(zeros), recipient_end=pa.array(tens), recipient_text=pa.array(people[r_idx]),
        date=pa.array(art_dates[art_of]), date_source=pa.array(["article"] * n_events),
        location_name=pa.array(places[p_idx]), location_lat=pa.array(lat[p_idx]), location_lon=pa.array(lon[p_idx]),
        location_start=pa.array(zeros), location_end=pa.array(tens), location_text=pa.array(places[p_idx]),
        trigger_start=pa.array(zeros), trigger_end=pa.array(tens), trigger_text=pa.array(["met"] * n_events),
        evidence_start=pa.array(zeros), evidence_end=pa.array(tens),
        evidence_text=pa.array(["A sentence of evidence about the event."] * n_events),
        rule=pa.array(["synthetic"] * n_events), confidence=pa.array(rng.uniform(0.5, 1, n_events)),
        extra_evidence=pa.array([[]] * n_events, type=arrow_schema(EVENTS).field("extra_evidence").type),
        has_location=pa.array(np.ones(n_events, dtype=bool)),
        seq=pa.array(np.arange(n_events, dtype=np.int32) % per_article),
    )  # fmt: skip
    return (
        pa.table(articles, schema=arrow_schema(ARTICLES)),
        pa.table(events, schema=arrow_schema(EVENTS)),
    )


QUERIES = {
    "events per type": "SELECT type, count(*) FROM events GROUP BY type",
    "top 10 actor→recipient pairs": (
        "SELECT actor_name, recipient_name, count(*) n FROM events GROUP BY ALL ORDER BY n DESC LIMIT 10"
    ),
    "daily counts, one country pair": (
        "SELECT date, count(*) FROM events WHERE actor_country = 'RUS' AND recipient_country = 'UKR' "
        "GROUP BY date ORDER BY date"
    ),
    "events_flat, one place, one month": (
        "SELECT * FROM events_flat WHERE place = 'Place 42' AND date LIKE '2022-03%'"
    ),
    "unique_events count": "SELECT count(*) FROM unique_events",
}


def store_bench(n_events: int, cluster: bool) -> list[tuple[str, float]]:
    timings = []
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        articles, events = synthetic_events(n_events, per_article=5)
        timings.append(
            (f"generate {n_events:,} events (Arrow, not timed as ingest)", time.perf_counter() - started)
        )
        store = Store(Path(tmp) / "bench.duckdb")
        con = store.connect()
        started = time.perf_counter()
        con.begin()
        con.register("a", articles)
        con.register("e", events)
        for name, table in (("articles", "a"), ("events", "e")):
            cols = ", ".join(f'"{c}"' for c in (articles if table == "a" else events).column_names)
            con.execute(f"INSERT INTO {name} ({cols}) SELECT {cols} FROM {table}")
        con.commit()
        timings.append(
            (
                f"ingest {articles.num_rows:,} articles + {n_events:,} events (one transaction)",
                time.perf_counter() - started,
            )
        )
        for name, sql in QUERIES.items():
            started = time.perf_counter()
            con.execute(sql).fetchall()
            timings.append((f"query: {name}", time.perf_counter() - started))
        if cluster:
            started = time.perf_counter()
            n = store.recluster()
            timings.append((f"rebuild event clusters ({n:,} clusters)", time.perf_counter() - started))
        store.close()
    return timings


def synthetic_minhashes(article_ids: pa.Array, seed: int = 11) -> tuple[pa.Table, pa.Table]:
    """Random 128-value signatures (no two alike: no near-duplicates) and their LSH band rows."""
    config = DedupConfig()
    rng = np.random.default_rng(seed)
    values = rng.integers(0, 2**32, size=(len(article_ids), config.num_perm), dtype=np.uint64)
    ids = article_ids.to_pylist()
    blobs = [row.tobytes() for row in values]
    bands = []
    for aid, row in zip(ids, values, strict=True):
        bands += band_rows(aid, signature_from_bytes(row.tobytes(), config), config)
    minhashes = pa.table(
        {"article_id": ids, "num_perm": pa.array([config.num_perm] * len(ids), pa.int32()),
         "scheme": [SCHEME] * len(ids), "signature": pa.array(blobs, pa.binary())}
    )  # fmt: skip
    cols = list(zip(*bands, strict=True))
    band_table = pa.Table.from_arrays(
        [pa.array(c, f.type) for c, f in zip(cols, BANDS_SCHEMA, strict=True)], schema=BANDS_SCHEMA
    )
    return minhashes, band_table


def new_articles(n: int, per_article: int = 5, seed: int = 99) -> list[Result]:
    """The same ``n`` new articles for every store size: actors, types, dates and places from the pools."""
    rng = np.random.default_rng(seed)
    words = [f"w{k}" for k in range(3000)]
    out = []
    for k in range(n):
        aid = f"new{k:06d}"
        day = dt.date.fromordinal(dt.date(2021, 1, 1).toordinal() + int(rng.integers(0, 3 * 365))).isoformat()
        text = " ".join(rng.choice(words, 120))
        events = []
        for j in range(per_article):
            a, r = (f"Person {int(x)}" for x in rng.integers(0, 5000, 2))
            place = int(rng.integers(0, 500))
            sector = SECTORS[int(rng.integers(0, len(SECTORS)))]
            events.append(
                Event(f"e{j}", aid, TYPES[int(rng.integers(0, len(TYPES)))], "verbal", None,
                      Participant(a, a, COUNTRIES[int(rng.integers(0, len(COUNTRIES)))], sector, Span(0, 10, a)),
                      Participant(r, r, COUNTRIES[int(rng.integers(0, len(COUNTRIES)))], sector, Span(0, 10, r)),
                      day, "article", None, Location(f"Place {place}", None, None, None, Span(0, 10, "p")),
                      Span(0, 10, "met"), Span(0, 10, "evidence"), "synthetic", 0.9)
            )  # fmt: skip
        out.append(Result(Article(aid, text, day, "day"), events=tuple(events)))
    return out


def incremental_bench(sizes: list[int], n_new: int = 1000) -> list[tuple[int, float, float, float, int]]:
    """(store events, s to build its clusters once, s (wall, CPU) to ingest the new articles, clusters).

    CPU time (all threads of this process) is reported too: on a machine shared with other jobs it varies
    far less than wall time.
    """
    fresh = new_articles(n_new)
    out = []
    for n_events in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            articles, events = synthetic_events(n_events, per_article=5)
            minhashes, bands = synthetic_minhashes(articles.column("id").combine_chunks())
            path = Path(tmp) / "inc.duckdb"
            with Store(path) as store:
                con = store.connect()
                for name, table in (
                    ("articles", articles),
                    ("events", events),
                    ("minhashes", minhashes),
                    ("lsh_bands", bands),
                ):
                    con.register("t", table)
                    cols = ", ".join(f'"{c}"' for c in table.column_names)
                    con.execute(f"INSERT INTO {name} ({cols}) SELECT {cols} FROM t")
                    con.unregister("t")
                con.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('lsh_params', ?)", [params_key(DedupConfig())]
                )
                started = time.perf_counter()
                store.update_clusters()  # the first clustering of the store: a full build
                build = time.perf_counter() - started
            store = Store(path, keep_open=False)  # as `newsevents ingest` opens it: per batch
            started, cpu = time.perf_counter(), time.process_time()
            for _ in store.add_stream(fresh, batch_size=64):
                pass
            n_clusters = store.update_clusters()
            wall, cpu = time.perf_counter() - started, time.process_time() - cpu
            out.append((n_events, build, wall, cpu, n_clusters))
    return out


def markdown(
    runs: list[tuple[str, int, float]],
    timings: list[tuple[str, float]],
    limit: int,
    incremental: list[tuple[int, float, float, float, int]] | None = None,
) -> str:
    lines = [
        SECTION,
        "",
        f"Measured by `python3 bench/store_bench.py --limit {limit}` on {platform.machine()} with "
        f"{os.cpu_count()} CPU cores, {dt.date.today().isoformat()}. The machine was shared with other jobs while "
        "this ran: treat the figures as rough; re-run the bench for your own numbers.",
    ]
    if runs:
        lines += ["", "| extraction run | articles | seconds | articles/s |", "|---|---:|---:|---:|"]
    rates = {}
    for name, n, secs in runs:
        rates[name] = n / secs if secs else 0.0
        lines.append(f"| {name} | {n} | {secs:.1f} | {rates[name]:.1f} |")
    one = next((r for k, r in rates.items() if "1 worker" in k), None)
    two = next((r for k, r in rates.items() if "2 workers" in k), None)
    if one and two:
        lines += [
            "",
            f"Scaling ratio, 2 workers / 1 worker: **{two / one:.2f}×** (start-up and model loading included).",
        ]
    if timings:
        lines += ["", "| DuckDB store, synthetic table | seconds |", "|---|---:|"]
        lines += [f"| {name} | {secs:.2f} |" for name, secs in timings]
    if incremental:
        lines += [
            "",
            "Incremental ingest (`--incremental`): the same 1,000 new articles (5,000 events; synthetic records, "
            "extraction left out) stored into each store as `newsevents ingest` stores them — batches of 64 "
            "with the near-duplicate look-up in SQL, then `update_clusters` (only the new events, against the "
            "clusters blocked in SQL).",
            "",
            "| store | first clustering (full build), s | ingest 1,000 new articles, wall s | CPU s | clusters after |",
            "|---|---:|---:|---:|---:|",
        ]
        lines += [f"| {n:,} events | {b:.1f} | {t:.2f} | {u:.2f} | {c:,} |" for n, b, t, u, c in incremental]
        if len(incremental) >= 2:
            big, small = incremental[-1], incremental[0]
            lines += [
                "",
                f"Time ratio, {big[0]:,} / {small[0]:,} events: **{big[2] / small[2]:.2f}×** wall, "
                f"**{big[3] / small[3]:.2f}×** CPU.",
            ]
    return "\n".join(lines) + "\n"


def write_section(text: str, path: Path) -> None:
    """Replace our section of docs/performance.md (up to the next ``## `` heading) or append it."""
    old = path.read_text(encoding="utf-8") if path.exists() else "# Performance\n"
    start = old.find(SECTION)
    if start < 0:
        new = old.rstrip("\n") + "\n\n" + text
    else:
        end = old.find("\n## ", start + len(SECTION))
        new = old[:start] + text + (old[end + 1 :] if end >= 0 else "")
    path.write_text(new, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--limit", type=int, default=840, help="articles of the corpus to extract")
    parser.add_argument("--workers", default="1,2", help="Dask worker counts to time, comma-separated")
    parser.add_argument(
        "--events", type=int, default=1_000_000, help="rows of the synthetic event table (0: skip)"
    )
    parser.add_argument("--no-cluster", action="store_true", help="skip timing the cluster rebuild")
    parser.add_argument(
        "--incremental",
        default="",
        help="store sizes (events) for the incremental ingest, e.g. 100000,1000000",
    )
    parser.add_argument("--write-docs", action="store_true", help="update docs/performance.md")
    args = parser.parse_args()
    runs = []
    if args.limit > 0:
        if not args.corpus.exists():
            raise SystemExit(f"{args.corpus} not found (../shared is absent); pass --corpus or --limit 0")
        runs = throughput(args.corpus, args.limit, [int(w) for w in args.workers.split(",") if w])
    timings = store_bench(args.events, not args.no_cluster) if args.events > 0 else []
    sizes = [int(x) for x in args.incremental.split(",") if x]
    incremental = incremental_bench(sizes) if sizes else None
    text = markdown(runs, timings, args.limit, incremental)
    print(text)
    if args.write_docs:
        write_section(text, ROOT / "docs" / "performance.md")


if __name__ == "__main__":
    main()
