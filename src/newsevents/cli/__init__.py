"""The ``newsevents`` command: a thin typer layer over the Python API.

Each command family lives in its own module with a ``register(app)`` function.
"""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="newsevents",
    help="Turn dated news articles into verifiable PLOVER events, quotes and actors.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

COMMAND_MODULES = ("extract_cmd", "explain_cmd", "eval_cmd", "store_cmd", "serve_cmd", "kb_cmd")


@app.command("info")
def info() -> None:
    """Show the version, the spaCy pipeline that would be used, and the registered readers and stages."""
    from newsevents import __version__
    from newsevents.annotate import default_model_name
    from newsevents.pipeline import _ensure_stages_registered
    from newsevents.readers import readers

    _ensure_stages_registered()
    from newsevents.registry import stages

    typer.echo(f"newsevents {__version__}")
    typer.echo(f"model: {default_model_name()}")
    typer.echo(
        "readers: " + ", ".join(f"{e.name} ({' '.join(e.extensions)})" for e in readers.entries.values())
    )
    typer.echo("stages: " + ", ".join(e.qualified for e in stages.entries.values()))


for _name in COMMAND_MODULES:
    importlib.import_module(f"newsevents.cli.{_name}").register(app)


def main() -> None:
    app()


__all__ = ["app", "main"]
