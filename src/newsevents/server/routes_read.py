"""Read-only endpoints over the store: articles, events, quotes, actors, stats and the chart aggregates."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Path, Query, Request

from newsevents.server import models as M
from newsevents.server import queries as Q
from newsevents.store import Store
from newsevents.store.rows import event_from_row, quote_from_row

router = APIRouter(prefix="/api")

MAX_LIMIT = 500
MAX_OFFSET = 10_000_000
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"page size (at most {MAX_LIMIT})")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="rows to skip")]
Text = Annotated[str | None, Query(max_length=200)]
Date = Annotated[str | None, Query(pattern=M.DATE_PATTERN, description="YYYY, YYYY-MM or YYYY-MM-DD")]
Id = Annotated[str, Path(min_length=1, max_length=200)]
READ_WAIT_S = 15.0  # how long a request waits for a file an ingest holds (a batch commit takes ~1 s)


def open_request_store(app: FastAPI) -> Store:
    """The store for one request: the shared in-memory one, or the file opened until the answer is sent."""
    if app.state.db_path is None:
        shared: Store = app.state.store
        return shared
    return Store(
        app.state.db_path, read_only=app.state.read_only, lock_timeout=READ_WAIT_S, defer_to_writer=True
    )


def get_store(request: Request) -> Iterator[Store]:
    """This request's store: the file is opened on the first query and closed once the answer is built."""
    store = open_request_store(request.app)
    try:
        yield store
    finally:
        if store.path != ":memory:":
            store.close()


StoreDep = Annotated[Store, Depends(get_store)]


def event_filters(
    type: Annotated[str | None, Query(max_length=100, description="PLOVER type, e.g. CONSULT")] = None,
    actor: Annotated[
        str | None, Query(max_length=200, description="actor or recipient name contains")
    ] = None,
    country: Annotated[
        str | None, Query(max_length=3, description="ISO alpha-3 of actor, recipient or place")
    ] = None,
    place: Annotated[str | None, Query(max_length=200, description="place name contains")] = None,
    date_from: Date = None,
    date_to: Date = None,
    q: Annotated[str | None, Query(max_length=200, description="evidence text contains")] = None,
    article_id: Annotated[str | None, Query(max_length=200)] = None,
) -> Q.EventFilters:
    return Q.EventFilters(type, actor, country, place, date_from, date_to, q, article_id)


Filters = Annotated[Q.EventFilters, Depends(event_filters)]


def _count(store: Store, table: str, where: Q.Where) -> int:
    # ``table`` is one of this module's constants, never user input.
    return int(store.query(f"SELECT count(*) AS n FROM {table}{where.sql()}", where.params)[0]["n"])


@router.get("/articles", response_model=M.ArticlePage, tags=["read"])
def list_articles(
    store: StoreDep,
    q: Annotated[str | None, Query(max_length=200, description="title or text contains")] = None,
    source: Text = None,
    date_from: Date = None,
    date_to: Date = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Stored articles in ingest order, with record counts (no text: see /api/articles/{id})."""
    w = Q.article_where(q, source, date_from, date_to)
    rows = store.query(Q.ARTICLE_LIST.format(where=w.sql()), [*w.params, limit, offset])
    return {"total": _count(store, "articles", w), "limit": limit, "offset": offset, "items": rows}


@router.get(
    "/articles/{article_id}",
    response_model=M.ResultModel,
    responses={404: {"model": M.Problem}},
    tags=["read"],
)
def get_article(article_id: Id, store: StoreDep) -> dict[str, Any]:
    """One article's text and all its records: actors with mentions, quotes, events, errors."""
    result = store.get_result(article_id)
    if result is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    out = result.to_dict()
    out["article"]["text"] = result.article.text
    return out


@router.get("/events", response_model=M.EventPage, tags=["read"])
def list_events(store: StoreDep, filters: Filters, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Events matching every given filter, newest date first."""
    w = filters.where()
    rows = store.query(
        f"SELECT * FROM events{w.sql()} ORDER BY date DESC NULLS LAST, article_id, seq LIMIT ? OFFSET ?",
        [*w.params, limit, offset],
    )
    items = [event_from_row(r).to_dict() for r in rows]
    return {"total": _count(store, "events", w), "limit": limit, "offset": offset, "items": items}


@router.get("/quotes", response_model=M.QuotePage, tags=["read"])
def list_quotes(
    store: StoreDep,
    speaker: Annotated[str | None, Query(max_length=200, description="speaker name contains")] = None,
    q: Annotated[str | None, Query(max_length=200, description="quote content contains")] = None,
    kind: Annotated[Literal["direct", "indirect", "mixed"] | None, Query()] = None,
    article_id: Annotated[str | None, Query(max_length=200)] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Quotes matching every given filter, in article order."""
    w = Q.quote_where(speaker, q, kind, article_id)
    rows = store.query(
        f"SELECT * FROM quotes{w.sql()} ORDER BY article_id, seq LIMIT ? OFFSET ?", [*w.params, limit, offset]
    )
    items = [quote_from_row(r).to_dict() for r in rows]
    return {"total": _count(store, "quotes", w), "limit": limit, "offset": offset, "items": items}


@router.get("/actors", response_model=M.ActorPage, tags=["read"])
def list_actors(
    store: StoreDep,
    name: Annotated[str | None, Query(max_length=200, description="name contains")] = None,
    country: Annotated[str | None, Query(max_length=3, description="ISO alpha-3")] = None,
    kind: Annotated[Literal["PERSON", "ORG", "GPE", "NORP", "OTHER"] | None, Query()] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Actors grouped by (name, kind, country, sector) across articles, most mentioned first."""
    w = Q.actor_where(name, country, kind)
    rows = store.query(Q.ACTOR_LIST.format(where=w.sql()), [*w.params, limit, offset])
    total = int(rows[0]["total"]) if rows else 0
    if not rows and offset:  # past the end: still report the true total
        total = int(
            store.query(
                f"SELECT count(*) AS n FROM (SELECT 1 FROM actors{w.sql()} GROUP BY name, kind, country, sector, kb_id)",
                w.params,
            )[0]["n"]
        )
    return {"total": total, "limit": limit, "offset": offset, "items": rows}


KbId = Annotated[str, Path(min_length=1, max_length=200, description="the actor's knowledge-base id")]
ARTICLE_FIELDS = ("article_title", "article_url", "article_date")


@router.get(
    "/actors/{kb_id:path}",
    response_model=M.ActorProfile,
    responses={404: {"model": M.Problem}},
    tags=["read"],
)
def get_actor(
    kb_id: KbId,
    store: StoreDep,
    limit: Annotated[
        int, Query(ge=1, le=MAX_LIMIT, description="most events, counterparts and quotes")
    ] = 200,
) -> dict[str, Any]:
    """One knowledge-base actor across all articles: events (timeline), counterparts with counts, quotes.

    Events and quotes of near-duplicate articles are left out (as in ``unique_events``).
    """
    ident = store.query(Q.ACTOR_IDENTITY, [kb_id])[0]
    summary = store.query(Q.ACTOR_EVENT_SUMMARY, [kb_id, kb_id])
    n_quotes = int(store.query(Q.ACTOR_QUOTE_COUNT, [kb_id])[0]["n"])
    if not ident["n_articles"] and not summary and not n_quotes:
        raise HTTPException(404, f"no actor with kb_id {kb_id!r}")
    events = []
    for row in store.query(Q.ACTOR_EVENTS, [kb_id, kb_id, kb_id, limit]):
        item = event_from_row(row).to_dict()
        item.update({"role": row["role"], **{k: row[k] for k in ARTICLE_FIELDS}})
        events.append(item)
    counterparts: dict[str, dict[str, Any]] = {}
    for row in store.query(Q.ACTOR_COUNTERPARTS, [kb_id, kb_id, kb_id, kb_id, kb_id, kb_id, limit]):
        other = counterparts.setdefault(
            row["key"],
            {
                "kb_id": row["kb_id"],
                "name": row["name"],
                "country": row["country"],
                "n": int(row["n"]),
                "types": [],
            },
        )
        other["types"].append({"key": row["type"], "n": int(row["n_type"])})
    quotes = []
    for row in store.query(Q.ACTOR_QUOTES, [kb_id, limit]):
        item = quote_from_row(row).to_dict()
        item.update({k: row[k] for k in ARTICLE_FIELDS})
        quotes.append(item)
    names = store.query(Q.ACTOR_NAMES, [kb_id])
    fallback = names[0]["name"] if names else next((e[e["role"]]["name"] for e in events), None)
    return {
        "kb_id": kb_id,
        "name": ident["kb_name"] or fallback or kb_id,
        "code": ident["code"],
        "kind": ident["kind"],
        "country": ident["country"],
        "sector": ident["sector"],
        "names": names,
        "n_articles": int(ident["n_articles"]),
        "n_events": sum(int(r["n"]) for r in summary),
        "n_quotes": n_quotes,
        "events_by_type": [{"key": r["key"], "n": int(r["n"])} for r in summary],
        "first_date": min((r["first_date"] for r in summary if r["first_date"]), default=None),
        "last_date": max((r["last_date"] for r in summary if r["last_date"]), default=None),
        "events": events,
        "counterparts": list(counterparts.values()),
        "quotes": quotes,
    }


def _counts(store: Store, sql: str) -> list[dict[str, Any]]:
    return [{"key": str(r["key"]), "n": int(r["n"])} for r in store.query(sql)]


@router.get("/stats", response_model=M.Stats, tags=["read"])
def stats(store: StoreDep) -> dict[str, Any]:
    """Row counts per table and the main breakdowns."""
    span = store.query("SELECT min(date) AS first, max(date) AS last FROM events")[0]
    return {
        "tables": store.tables(),
        "events_by_type": _counts(
            store, "SELECT type AS key, count(*) AS n FROM events GROUP BY type ORDER BY n DESC, key"
        ),
        "quotes_by_kind": _counts(
            store, "SELECT kind AS key, count(*) AS n FROM quotes GROUP BY kind ORDER BY n DESC, key"
        ),
        "top_speakers": _counts(
            store,
            "SELECT speaker_name AS key, count(*) AS n FROM quotes WHERE speaker_name IS NOT NULL "
            "GROUP BY speaker_name ORDER BY n DESC, key LIMIT 20",
        ),
        "first_date": span["first"],
        "last_date": span["last"],
    }


@router.get("/timeline", response_model=M.Timeline, tags=["charts"])
def timeline(
    store: StoreDep, filters: Filters, interval: Annotated[Literal["day", "week"], Query()] = "day"
) -> dict[str, Any]:
    """Event counts per PLOVER type per day or per week (weeks start on Monday)."""
    w = filters.where()
    buckets = store.query(Q.TIMELINE.format(where=w.sql()), [interval, *w.params])
    dated = sum(int(b["n"]) for b in buckets)
    return {"interval": interval, "buckets": buckets, "undated": _count(store, "events", w) - dated}


@router.get("/network", response_model=M.Network, tags=["charts"])
def network(
    store: StoreDep, filters: Filters, max_edges: Annotated[int, Query(ge=1, le=2000)] = 300
) -> dict[str, Any]:
    """Actors as nodes, events between an actor and a recipient as edges (one per pair and type)."""
    w = filters.where()
    w.add("actor_name IS NOT NULL AND recipient_name IS NOT NULL")
    edges = store.query(Q.NETWORK_EDGES.format(where=w.sql()), [*w.params, max_edges])
    countries = {
        r["name"]: r["country"]
        for r in store.query(
            "SELECT name, any_value(country) AS country FROM actors WHERE name IN (SELECT unnest(?)) GROUP BY name",
            [sorted({e["source"] for e in edges} | {e["target"] for e in edges})],
        )
    }
    weight: dict[str, int] = {}
    for e in edges:
        for end in (e["source"], e["target"]):
            weight[end] = weight.get(end, 0) + int(e["n"])
    nodes = [{"id": n, "name": n, "country": countries.get(n), "n": k} for n, k in sorted(weight.items())]
    return {"nodes": nodes, "edges": edges}


@router.get("/places", response_model=list[M.Place], tags=["charts"])
def places(
    store: StoreDep, filters: Filters, max_places: Annotated[int, Query(ge=1, le=5000)] = 500
) -> list[dict[str, Any]]:
    """Geocoded event places with their event counts and types (for the map)."""
    w = filters.where()
    w.add("location_lat IS NOT NULL AND location_lon IS NOT NULL")
    return store.query(Q.PLACES.format(where=w.sql()), [*w.params, max_places])
