"""The web app: JSON API under /api, the single-page UI at /, its files under /static.

The server holds no long-lived connection to a store file: every request opens it (``get_store`` in
``routes_read``) and closes it when answered, so a ``newsevents ingest`` in another process takes the file
between requests (DuckDB locks a file per process).  Each side waits a bounded time for the other
(``store/locking.py``); a request that still cannot get the file answers 503 with ``Retry-After``, never a
traceback.  Connections are read-only unless ingest is enabled (a token is given): DuckDB allows one
connection configuration per file per process, so with ingest on every connection is read-write.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from newsevents import __version__
from newsevents.server import routes_read, routes_write
from newsevents.server.routes_read import READ_WAIT_S
from newsevents.store import Store
from newsevents.store.duckdb_store import SCHEMA_VERSION
from newsevents.store.locking import StoreBusyError

STATIC = Path(__file__).parent / "static"
VENDOR = STATIC / "vendor"
DEFAULT_MAX_BODY = 1_000_000  # bytes; a long news article is ~50 kB

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

# The page loads only its own files; no inline script, so injected markup could not run even if unescaped.
PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
# Swagger UI needs one inline bootstrap script.
DOCS_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:"


class BodySizeLimit:
    """Refuse request bodies over ``max_bytes`` with 413 — by Content-Length up front, else while reading.

    Starlette has no body limit of its own; uvicorn's only guards headers.
    """

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]], max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await self._too_large(send)
            return
        seen = 0
        rejected = started = False

        async def limited_receive() -> Message:
            nonlocal seen, rejected
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes and not rejected:
                    # Answer now and tell the app the client left: whatever it does next is dropped below.
                    rejected = True
                    if not started:
                        await self._too_large(send)
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if not rejected:
                started = started or message["type"] == "http.response.start"
                await send(message)

        await self.app(scope, limited_receive, guarded_send)

    async def _too_large(self, send: Send) -> None:
        body = json.dumps({"detail": f"request body larger than {self.max_bytes} bytes"}).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


def prepare_file(db_path: str, read_only: bool) -> None:
    """Check the file opens now (missing file: FileNotFoundError) and bring an older schema up to date.

    A file an ingest holds right now is fine: requests wait for it.  A read-only server migrates an old file
    with a short-lived write connection (nothing else in this process is open yet).
    """
    try:
        version = Store(db_path, read_only=read_only, keep_open=False, lock_timeout=2.0).query(
            "SELECT value FROM meta WHERE key = 'schema_version'"
        )
    except StoreBusyError:
        return
    if read_only and (not version or version[0]["value"] != SCHEMA_VERSION):
        # Opening for writing migrates; when an ingest holds the file, that ingest migrates it.
        with contextlib.suppress(StoreBusyError):
            Store(db_path, keep_open=False, lock_timeout=2.0).query("SELECT 1")


def create_app(
    db_path: str | None, token: str | None = None, *, max_body_bytes: int = DEFAULT_MAX_BODY
) -> FastAPI:
    """The app over the store at ``db_path`` (``None``: an empty in-memory store, for "try it" and tests).

    ``token`` enables ``POST /api/articles`` (and opens the store for writing); without it ingest answers 403.
    """
    read_only = not token
    if db_path is None:
        store = Store(":memory:")
    else:
        # Shared by the POST /api/articles requests only for its near-duplicate index: its connection, too,
        # is opened per call.
        store = Store(db_path, read_only=read_only, keep_open=False, lock_timeout=READ_WAIT_S)
        prepare_file(db_path, read_only)

    app = FastAPI(
        title="newsevents",
        version=__version__,
        description="PLOVER events, quotes and actors extracted from news articles, with character-offset evidence.",
        openapi_url="/api/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = store
    app.state.token = token or None
    app.state.db_path = db_path
    app.state.read_only = read_only
    app.include_router(routes_read.router)
    app.include_router(routes_write.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/api/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        if (VENDOR / "swagger-ui-bundle.js").exists():
            return get_swagger_ui_html(
                openapi_url="/api/openapi.json",
                title="newsevents API",
                swagger_js_url="/static/vendor/swagger-ui-bundle.js",
                swagger_css_url="/static/vendor/swagger-ui.css",
                swagger_favicon_url="/static/favicon.svg",
            )
        return HTMLResponse(
            "<!doctype html><title>newsevents API</title><p>Interactive docs need "
            "<code>scripts/setup-web.sh</code>; the schema is at "
            '<a href="/api/openapi.json">/api/openapi.json</a>.</p>'
        )

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        docs_page = request.url.path == "/api/docs"
        response.headers["Content-Security-Policy"] = DOCS_CSP if docs_page else PAGE_CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    @app.exception_handler(StoreBusyError)
    async def busy(_: Request, exc: StoreBusyError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=503, headers={"Retry-After": "2"})

    @app.exception_handler(FileNotFoundError)
    async def missing(_: Request, exc: FileNotFoundError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=404)

    app.add_middleware(BodySizeLimit, max_bytes=max_body_bytes)
    return app
