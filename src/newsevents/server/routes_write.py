"""POST endpoints: ``/api/extract`` (analyse, store nothing) and ``/api/articles`` (ingest, bearer token)."""

from __future__ import annotations

import secrets
import threading
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from newsevents.core import extract
from newsevents.model import Result
from newsevents.server import models as M

router = APIRouter(prefix="/api")

# auto_error=False: we answer missing/malformed credentials ourselves with 401 (HTTPBearer's own is 403).
bearer = HTTPBearer(auto_error=False, description="the token in NEWSEVENTS_TOKEN")

# One spaCy pipeline serves every request thread; extraction calls are serialised rather than trusting
# every component to be thread-safe.
_extract_lock = threading.Lock()


def run_extract(
    body: M.ArticleIn, title: str | None = None, source: str | None = None, url: str | None = None
) -> Result:
    with _extract_lock:
        return extract(body.text, body.date, title=title, source=source, url=url)


def result_json(result: Result) -> dict[str, Any]:
    out = result.to_dict()
    out["article"]["text"] = result.article.text
    return out


@router.post(
    "/extract",
    response_model=M.ResultModel,
    responses={413: {"model": M.Problem}, 422: {"description": "malformed JSON or fields"}},
    tags=["write"],
)
def extract_article(body: M.ArticleIn) -> dict[str, Any]:
    """Extract actors, quotes and events from one article; nothing is stored.

    Problems with the text itself (say, an impossible date) come back in ``errors`` with status 200.
    """
    return result_json(run_extract(body))


def require_token(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
) -> None:
    expected: str | None = request.app.state.token
    if not expected:
        raise HTTPException(403, "ingest is disabled: start the server with NEWSEVENTS_TOKEN set")
    if credentials is None or not credentials.credentials:
        raise HTTPException(
            401, "missing or malformed Authorization header (expected: Bearer <token>)",
            headers={"WWW-Authenticate": "Bearer"},
        )  # fmt: skip
    if not secrets.compare_digest(credentials.credentials.encode(), expected.encode()):
        raise HTTPException(403, "wrong token")


@router.post(
    "/articles",
    response_model=M.IngestResponse,
    status_code=201,
    responses={
        200: {"model": M.IngestResponse, "description": "already stored (same article id): nothing added"},
        401: {"model": M.Problem},
        403: {"model": M.Problem, "description": "wrong token, or ingest disabled (no NEWSEVENTS_TOKEN)"},
        413: {"model": M.Problem},
    },
    dependencies=[Depends(require_token)],
    tags=["write"],
)
def ingest_article(body: M.ArticleIngest, request: Request, response: Response) -> dict[str, Any]:
    """Extract one article and store it with its records (needs ``Authorization: Bearer <token>``)."""
    result = run_extract(body, title=body.title, source=body.source, url=body.url)
    store = request.app.state.store
    counts = store.add_results([result])  # opens the file for this call only
    stored = counts.articles > 0
    if stored:
        store.update_clusters()  # only the new article's events, with the store's rules
    if not stored:
        response.status_code = 200
    return {
        "article_id": result.article.id,
        "stored": stored,
        "n_actors": len(result.actors),
        "n_quotes": len(result.quotes),
        "n_events": len(result.events),
        "errors": [e.to_dict() for e in result.errors],
    }
