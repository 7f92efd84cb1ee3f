"""``newsevents extract``: inputs → articles/actors/quotes/events/errors files (or JSON on stdout)."""

from __future__ import annotations

import contextlib
import json
import sys
import time
from pathlib import Path

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

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
from newsevents.model import ErrorRecord, Result
from newsevents.output import FORMATS, RecordWriter
from newsevents.pipeline import Options, process
from newsevents.readers import read_inputs


def extract(
    inputs: list[str] = typer.Argument(..., help="Files, directories, globs, or - for stdin."),
    out: str = typer.Option(..., "--out", "-o", help="Output directory, or - for JSON records on stdout."),
    out_format: str = typer.Option("jsonl", "--out-format", help="jsonl or parquet (for --out DIR)."),
    fmt: str | None = FORMAT_OPTION,
    model: str | None = MODEL_OPTION,
    date: str | None = DATE_OPTION,
    actors: str | None = typer.Option(None, "--actors", help="Extra actor dictionary (YAML or CSV)."),
    max_chars: int = MAX_CHARS_OPTION,
    time_budget: float = TIME_BUDGET_OPTION,
    min_confidence: float | None = MIN_CONFIDENCE_OPTION,
    workers: int = typer.Option(0, "--workers", help="Run on a local Dask cluster with N workers."),
    scheduler: str | None = typer.Option(None, "--scheduler", help="Address of an existing Dask scheduler."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Progress bar on a terminal."),
) -> None:
    """Extract actors, quotes and events from articles."""
    options = Options(
        model=model,
        max_chars=max_chars,
        time_budget_s=time_budget,
        actors_file=actors,
        min_confidence=min_confidence,
    )
    if out_format not in FORMATS:
        raise fail(f"--out-format must be one of {', '.join(FORMATS)}, not {out_format!r}")
    first_errors: list[ErrorRecord] = []
    try:
        items = read_inputs(inputs, fmt, date=date)
        if workers or scheduler:
            from newsevents.scale import process_distributed

            results = process_distributed(
                inputs, options, fmt=fmt, date=date, workers=workers, scheduler=scheduler
            )
        else:
            results = process(items, options)
        n_ok, n_err, n_undated, words, started = 0, 0, 0, 0, time.perf_counter()
        show = progress and sys.stderr.isatty()
        writer = None if out == "-" else RecordWriter(Path(out), out_format)

        def emit(record: Result | ErrorRecord) -> None:
            if writer is None:
                sys.stdout.write(json.dumps(_stdout_record(record), ensure_ascii=False) + "\n")
            else:
                writer.write(record)

        with (
            writer if writer is not None else contextlib.nullcontext(),
            Progress(
                TextColumn("[bold]extract"),
                BarColumn(),
                TextColumn(
                    "{task.completed} articles · {task.fields[rate]:.1f} art/s · {task.fields[errors]} errors"
                ),
                TimeElapsedColumn(),
                console=err_console,
                disable=not show,
                transient=True,
            ) as bar,
        ):
            task = bar.add_task("extract", total=None, rate=0.0, errors=0)
            for item in results:
                if isinstance(item, Result):
                    n_ok += 1
                    words += len(item.article.text.split())
                    n_err += len(item.errors)
                else:
                    n_err += 1
                    if len(first_errors) < 3:
                        first_errors.append(item)
                emit(item)
                if isinstance(item, Result) and item.article.date is None:
                    n_undated += 1
                    emit(undated_warning(item))
                elapsed = max(time.perf_counter() - started, 1e-9)
                bar.update(task, completed=n_ok, rate=n_ok / elapsed, errors=n_err)
    except NewsEventsError as exc:
        raise fail(str(exc)) from None
    elapsed = max(time.perf_counter() - started, 1e-9)
    where = "stdout" if out == "-" else out
    err_console.print(
        f"{n_ok} articles, {n_err} errors{f', {n_undated} undated' if n_undated else ''} in {elapsed:.1f}s "
        f"({n_ok / elapsed:.1f} articles/s, {words / elapsed:,.0f} words/s) → {where}",
        highlight=False,
    )
    if n_ok == 0:
        for e in first_errors:
            err_console.print(
                f"  {e.path or '?'}:{e.line or '-'}: {e.message}", highlight=False, markup=False
            )
        raise fail(
            "no article could be read; see the errors above" + ("" if out == "-" else f" and {out}/errors.*"),
            1,
        )


def undated_warning(result: Result) -> ErrorRecord:
    """The errors-table row that flags an article read without any date."""
    a = result.article
    return ErrorRecord(
        a.path,
        a.line,
        a.id,
        "read:date",
        "no article date: relative dates ('on Tuesday') stay unresolved; add a date field/header or --date",
    )


def _stdout_record(item: Result | ErrorRecord) -> dict[str, object]:
    if isinstance(item, ErrorRecord):
        return {"error": item.to_dict()}
    return item.to_dict()


def register(app: typer.Typer) -> None:
    app.command("extract")(extract)
