"""``newsevents ingest`` / ``query`` / ``export`` / ``cluster``: the DuckDB event store from the command line."""

from __future__ import annotations

import csv
import json
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from newsevents.cli.common import (
    DATE_OPTION,
    FORMAT_OPTION,
    MAX_CHARS_OPTION,
    MIN_CONFIDENCE_OPTION,
    MODEL_OPTION,
    TIME_BUDGET_OPTION,
    err_console,
    fail,
)
from newsevents.errors import NewsEventsError
from newsevents.model import Article, ErrorRecord, Result
from newsevents.store import DEFAULT_DB, AddCounts, Store

DB_OPTION = typer.Option(DEFAULT_DB, "--db", help="DuckDB file of the store.")
LOCK_TIMEOUT_OPTION = typer.Option(
    60.0,
    "--lock-timeout",
    min=0.0,
    help="Seconds to wait for the store while another process (a server) holds it.",
)


def _cluster_rules(
    config: str | None, max_day_gap: int | None, max_km: float | None, *, keep: bool = False
) -> Any:
    """The rules the options give; with ``keep`` and no option, None: the store's last rules stay in force."""
    from newsevents.store.clusters import ClusterRules

    if keep and config is None and max_day_gap is None and max_km is None:
        return None
    rules = ClusterRules.from_file(config) if config else ClusterRules()
    if max_day_gap is not None:
        rules = replace(rules, max_day_gap=max_day_gap)
    if max_km is not None:
        rules = replace(rules, max_km=max_km)
    return rules


def _skip_known(items: Iterable[Article | ErrorRecord], known: set[str]) -> Iterator[Article | ErrorRecord]:
    """Drop articles already stored before they are parsed: a second ingest costs reading only."""
    for item in items:
        if isinstance(item, Article) and item.id in known:
            continue
        yield item


def ingest(
    inputs: list[str] = typer.Argument(..., help="Files, directories, globs, or - for stdin."),
    db: str = DB_OPTION,
    fmt: str | None = FORMAT_OPTION,
    model: str | None = MODEL_OPTION,
    date: str | None = DATE_OPTION,
    reprocess: bool = typer.Option(False, "--reprocess", help="Extract and replace articles already stored."),
    batch_size: int = typer.Option(64, "--batch-size", min=1, help="Articles per committed transaction."),
    workers: int = typer.Option(
        0, "--workers", help="Extract on a local Dask cluster with N worker processes."
    ),
    scheduler: str | None = typer.Option(None, "--scheduler", help="Address of an existing Dask scheduler."),
    shard_dir: str | None = typer.Option(
        None, "--shard-dir", help="Shared directory for the workers' Parquet shards (multi-node clusters)."
    ),
    dedup_threshold: float = typer.Option(
        0.7, "--dedup-threshold", help="MinHash Jaccard for near-duplicates."
    ),
    cluster_config: str | None = typer.Option(None, "--cluster-config", help="YAML file of ClusterRules."),
    max_day_gap: int | None = typer.Option(
        None, "--max-day-gap", help="Days apart two clustered events may be."
    ),
    max_km: float | None = typer.Option(
        None, "--max-km", help="Kilometres apart two clustered places may be."
    ),
    max_chars: int = MAX_CHARS_OPTION,
    time_budget: float = TIME_BUDGET_OPTION,
    min_confidence: float | None = MIN_CONFIDENCE_OPTION,
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Progress bar on a terminal."),
    lock_timeout: float = LOCK_TIMEOUT_OPTION,
) -> None:
    """Extract articles into the DuckDB store, skipping those already there; then cluster the new events.

    The store is opened per committed batch and closed in between, so a `newsevents serve` on the same file
    keeps answering while this runs.
    """
    from newsevents.annotate import default_model_name
    from newsevents.pipeline import Options, process
    from newsevents.readers import read_inputs
    from newsevents.store.dedup import DedupConfig

    options = Options(
        model=model,
        batch_size=min(batch_size, 64),
        max_chars=max_chars,
        time_budget_s=time_budget,
        min_confidence=min_confidence,
    )
    started = time.perf_counter()
    total = AddCounts()
    try:
        rules = _cluster_rules(cluster_config, max_day_gap, max_km, keep=True)
        # keep_open=False: the file is held only while a batch is committed (a server reads in between).
        store = Store(
            db, dedup=DedupConfig(threshold=dedup_threshold), keep_open=False, lock_timeout=lock_timeout
        )
        known = set() if reprocess else store.article_ids()
        model_name = model or default_model_name()
        if workers or scheduler:
            from newsevents.scale import process_partitions

            batches: Iterable[list[Result | ErrorRecord]] = process_partitions(
                inputs, options, fmt=fmt, date=date, workers=workers or 2, scheduler=scheduler,
                skip_ids=known, shard_dir=shard_dir,
            )  # fmt: skip
            # One transaction per shard: a shard is a batch.
            committed: Iterator[AddCounts] = (
                store.add_results(b, reprocess=reprocess, model=model_name) for b in batches
            )
        else:
            items = _skip_known(read_inputs(inputs, fmt, date=date), known)
            committed = store.add_stream(
                process(items, options), batch_size=batch_size, reprocess=reprocess, model=model_name
            )
        show = progress and sys.stderr.isatty()
        with Progress(
            TextColumn("[bold]ingest"),
            BarColumn(),
            TextColumn(
                "{task.completed} articles · {task.fields[rate]:.1f} art/s · {task.fields[errors]} errors"
            ),
            TimeElapsedColumn(),
            console=err_console,
            disable=not show,
            transient=True,
        ) as bar:
            task = bar.add_task("ingest", total=None, rate=0.0, errors=0)
            for counts in committed:
                total.merge(counts)
                rate = total.articles / max(time.perf_counter() - started, 1e-9)
                bar.update(task, completed=total.articles, rate=rate, errors=total.errors)
        n_clusters = store.update_clusters(rules)  # only the new events, unless the rules changed
        store.close()
    except (NewsEventsError, ValueError, OSError) as exc:
        raise fail(str(exc)) from None
    elapsed = max(time.perf_counter() - started, 1e-9)
    err_console.print(
        f"{total.articles} articles added ({total.duplicates} near-duplicates), {len(known)} stored before, "
        f"{total.events} events, {total.errors} error rows, {n_clusters} event clusters in {elapsed:.1f}s "
        f"({total.articles / elapsed:.1f} articles/s) → {db}",
        highlight=False,
    )


def _jsonable(value: Any) -> Any:
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def query(
    sql: str = typer.Argument(
        ..., help='SQL to run (read-only), e.g. "SELECT type, count(*) FROM events GROUP BY 1".'
    ),
    db: str = DB_OPTION,
    output: str = typer.Option("table", "--output", "-o", help="table, csv or json (JSON Lines)."),
    limit: int = typer.Option(1000, "--limit", help="Most rows shown in table output (0: all)."),
) -> None:
    """Run SQL on the store through a read-only connection."""
    if output not in ("table", "csv", "json"):
        raise fail(f"unknown output {output!r}; use table, csv or json")
    try:
        with Store(db, read_only=True) as store:
            cur = store.connect().execute(sql)
            names = [d[0] for d in cur.description] if cur.description else []
            rows = cur.fetchall() if names else []
    except (FileNotFoundError, NewsEventsError) as exc:
        raise fail(str(exc)) from None
    except Exception as exc:  # noqa: BLE001 - DuckDB's own errors (syntax, catalog, read-only) say what is wrong
        raise fail(f"{type(exc).__name__}: {exc}") from None
    if output == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(names)
        writer.writerows([_jsonable(v) if isinstance(v, list | dict) else v for v in row] for row in rows)
    elif output == "json":
        for row in rows:
            sys.stdout.write(
                json.dumps(_jsonable(dict(zip(names, row, strict=True))), ensure_ascii=False) + "\n"
            )
    else:
        table = Table(*names, show_lines=False)
        shown = rows if limit <= 0 else rows[:limit]
        for row in shown:
            table.add_row(*("" if v is None else str(_jsonable(v)) for v in row))
        from rich.console import Console

        Console().print(table)
        if len(shown) < len(rows):
            err_console.print(f"{len(rows)} rows; {len(shown)} shown (--limit 0 for all)", highlight=False)


def export(
    out: str = typer.Option(..., "--out", "-o", help="Output directory."),
    fmt: str = typer.Option("parquet", "--format", help="parquet, csv or jsonl."),
    partition: str | None = typer.Option(
        None, "--partition", help="month: Hive-style partitions (<table>/month=YYYY-MM/) of the dated tables."
    ),
    layout: str = typer.Option(
        "tables",
        "--layout",
        help="tables (ours), gdelt (GDELT 2.0 event table) or polecat (POLECAT columns).",
    ),
    db: str = DB_OPTION,
) -> None:
    """Write events_flat (one POLECAT-like row per event) and every record table as files, or one event
    table in GDELT 2.0 or POLECAT layout; --partition month splits dated tables into Hive partitions."""
    from newsevents.store.export import export as export_store

    try:
        with Store(db, read_only=True) as store:
            written = export_store(store, out, fmt, partition=partition, layout=layout)
            counts = store.tables()
    except (FileNotFoundError, ValueError, NewsEventsError) as exc:
        raise fail(str(exc)) from None
    err_console.print(
        f"{counts['events']} events, {counts['event_clusters']} clusters, {counts['articles']} articles → "
        + ", ".join(str(p) for p in written.values()),
        highlight=False,
    )


def cluster(
    db: str = DB_OPTION,
    cluster_config: str | None = typer.Option(None, "--cluster-config", help="YAML file of ClusterRules."),
    max_day_gap: int | None = typer.Option(None, "--max-day-gap"),
    max_km: float | None = typer.Option(None, "--max-km"),
) -> None:
    """Rebuild the cross-article event clusters with other rules (no re-extraction)."""
    try:
        rules = _cluster_rules(cluster_config, max_day_gap, max_km)
        with Store(db) as store:
            n = store.recluster(rules)
    except (ValueError, OSError, NewsEventsError) as exc:
        raise fail(str(exc)) from None
    err_console.print(f"{n} event clusters", highlight=False)


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
    app.command("query")(query)
    app.command("export")(export)
    app.command("cluster")(cluster)
