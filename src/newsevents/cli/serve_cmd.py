"""`newsevents serve`: the HTTP API and web page over a DuckDB store (uvicorn)."""

from __future__ import annotations

import os
from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""

    @app.command("serve")
    def serve(
        db: Path | None = typer.Option(
            None, "--db", help="DuckDB store (from `newsevents ingest`); omit for an empty in-memory one"
        ),
        host: str = typer.Option("127.0.0.1", "--host", help="interface to listen on"),
        port: int = typer.Option(8000, "--port", min=0, max=65535),
    ) -> None:
        """Serve the JSON API (/api, schema at /api/openapi.json) and the web page (/).

        POST /api/articles (ingest) is enabled only when NEWSEVENTS_TOKEN is set; it then needs
        `Authorization: Bearer $NEWSEVENTS_TOKEN`, and the store is opened for writing.
        """
        import uvicorn

        from newsevents.server import create_app

        if db is not None and not db.exists() and not os.environ.get("NEWSEVENTS_TOKEN"):
            typer.echo(f"error: no database at {db}; create it with `newsevents ingest`", err=True)
            raise typer.Exit(2)
        token = os.environ.get("NEWSEVENTS_TOKEN") or None
        try:
            web = create_app(str(db) if db is not None else None, token)
        except Exception as exc:  # a locked or corrupt file: say why instead of a traceback
            typer.echo(f"error: cannot open {db}: {exc}", err=True)
            raise typer.Exit(2) from exc
        typer.echo(f"newsevents: http://{host}:{port}/  (API docs at /api/docs)", err=True)
        uvicorn.run(web, host=host, port=port, log_level="info")
