"""Records ⇄ table rows: :class:`Result` → one row tuple per table (column order of ``schema.py``) and back.

The same rows feed DuckDB inserts, the Parquet shards of Dask workers and the export, so a record goes
through exactly one flattening whichever way it travels.  ``results_from_rows`` is the exact inverse
(tested property-style), which lets shards written by workers be read back as ``Result`` objects.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pyarrow as pa

from newsevents.model import (
    Actor,
    Article,
    ErrorRecord,
    Event,
    Location,
    Mention,
    Participant,
    Quote,
    Result,
    Span,
    Speaker,
    stable_id,
)
from newsevents.store.schema import ACTORS, ARTICLES, ERRORS, EVENTS, MENTIONS, QUOTES, Table

Row = tuple[Any, ...]

_SPAN_ARROW = pa.struct([("start", pa.int32()), ("end", pa.int32()), ("text", pa.string())])
_ARROW_TYPES: dict[str, pa.DataType] = {
    "VARCHAR": pa.string(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "BLOB": pa.binary(),
    "VARCHAR[]": pa.list_(pa.string()),
}


def arrow_schema(table: Table) -> pa.Schema:
    fields = []
    for name, sql_type in table.columns:
        arrow_type = pa.list_(_SPAN_ARROW) if sql_type.startswith("STRUCT") else _ARROW_TYPES[sql_type]
        fields.append(pa.field(name, arrow_type))
    return pa.schema(fields)


def to_arrow(table: Table, rows: Sequence[Row]) -> pa.Table:
    """Row tuples → an Arrow table typed exactly like the DuckDB table (also for zero rows)."""
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(table.columns)
    schema = arrow_schema(table)
    return pa.Table.from_arrays(
        [pa.array(col, type=f.type) for col, f in zip(columns, schema, strict=True)], schema=schema
    )


def _span(s: Span | None) -> tuple[int | None, int | None, str | None]:
    return (s.start, s.end, s.text) if s is not None else (None, None, None)


def error_id(e: ErrorRecord) -> str:
    return stable_id(e.path, e.line, e.article_id, e.stage, e.message)


def error_row(e: ErrorRecord) -> Row:
    return (error_id(e), e.path, e.line, e.article_id, e.stage, e.message)


def article_row(
    a: Article, *, duplicate_of: str | None, similarity: float | None, model: str | None, seq: int
) -> Row:
    return (
        a.id, a.date, a.date_precision, a.title, a.source, a.url, a.path, a.line, a.n_chars, a.lang, a.text,
        duplicate_of, similarity, model, seq,
    )  # fmt: skip


def actor_rows(r: Result) -> tuple[list[Row], list[Row]]:
    actors, mentions = [], []
    for k, a in enumerate(r.actors):
        actors.append(
            (
                a.article_id,
                a.id,
                a.name,
                a.kind,
                a.country,
                a.sector,
                a.role,
                a.affiliation,
                a.rule,
                len(a.mentions),
                k,
                a.kb_id,
                a.code,
                a.kb_name,
            )
        )
        for j, m in enumerate(a.mentions):
            mentions.append((a.article_id, a.id, j, *_span(m.span), m.kind, m.resolved_by))
    return actors, mentions


def quote_row(q: Quote, seq: int) -> Row:
    s = q.speaker
    speaker = (s.name, s.actor_id, s.country, *_span(s.mention), s.resolved_by) if s else (None,) * 7
    return (
        q.article_id, q.id, q.kind, *speaker, *_span(q.cue), *_span(q.content), q.rule, q.confidence, seq,
        s.kb_id if s else None,
    )  # fmt: skip


def _participant(p: Participant | None) -> tuple[Any, ...]:
    return (p.name, p.actor_id, p.country, p.sector, *_span(p.span)) if p else (None,) * 7


def event_row(e: Event, seq: int) -> Row:
    loc = e.location
    location = (
        (loc.name, loc.country, loc.lat, loc.lon, loc.geonameid, loc.rule, *_span(loc.span))
        if loc
        else (None,) * 9
    )
    extra = [{"start": s.start, "end": s.end, "text": s.text} for s in e.extra_evidence]
    return (
        e.article_id, e.id, e.type, e.mode, e.context, *_participant(e.actor), *_participant(e.recipient),
        e.date, e.date_source, *_span(e.date_span), *location, *_span(e.trigger), *_span(e.evidence),
        e.rule, e.confidence, e.quote_id, e.claimant, extra, e.cameo, loc is not None, seq,
        *_identity(e.actor), *_identity(e.recipient),
    )  # fmt: skip


def _identity(p: Participant | None) -> tuple[str | None, str | None]:
    return (p.kb_id, p.code) if p else (None, None)


def result_rows(
    r: Result,
    *,
    duplicate_of: str | None = None,
    similarity: float | None = None,
    model: str | None = None,
    seq: int = 0,
) -> dict[str, list[Row]]:
    """Rows one result adds to each record table (errors included)."""
    actors, mentions = actor_rows(r)
    return {
        "articles": [
            article_row(r.article, duplicate_of=duplicate_of, similarity=similarity, model=model, seq=seq)
        ],
        "actors": actors,
        "mentions": mentions,
        "quotes": [quote_row(q, k) for k, q in enumerate(r.quotes)],
        "events": [event_row(e, k) for k, e in enumerate(r.events)],
        "errors": [error_row(e) for e in r.errors],
    }


# ---- rows → records -------------------------------------------------------------------------------


def _mkspan(d: Mapping[str, Any], prefix: str) -> Span | None:
    start = d[f"{prefix}_start"]
    return None if start is None else Span(start, d[f"{prefix}_end"], d[f"{prefix}_text"])


def _req_span(d: Mapping[str, Any], prefix: str) -> Span:
    s = _mkspan(d, prefix)
    if s is None:
        raise ValueError(f"row lacks the required span {prefix}")
    return s


def article_from_row(d: Mapping[str, Any]) -> Article:
    return Article(
        id=d["id"], text=d["text"], date=d["date"], date_precision=d["date_precision"], title=d["title"],
        source=d["source"], url=d["url"], path=d["path"], line=d["line"], lang=d["lang"],
    )  # fmt: skip


def _participant_from(d: Mapping[str, Any], role: str) -> Participant | None:
    span = _mkspan(d, role)
    if span is None:
        return None
    return Participant(
        d[f"{role}_name"], d[f"{role}_id"], d[f"{role}_country"], d[f"{role}_sector"], span,
        d.get(f"{role}_kb_id"), d.get(f"{role}_code"),
    )  # fmt: skip


def event_from_row(d: Mapping[str, Any]) -> Event:
    location = None
    if d["has_location"]:
        location = Location(
            d["location_name"], d["location_country"], d["location_lat"], d["location_lon"],
            _req_span(d, "location"), d["location_geonameid"], d["location_rule"],
        )  # fmt: skip
    return Event(
        id=d["id"], article_id=d["article_id"], type=d["type"], mode=d["mode"], context=d["context"],
        actor=_participant_from(d, "actor"), recipient=_participant_from(d, "recipient"), date=d["date"],
        date_source=d["date_source"], date_span=_mkspan(d, "date"), location=location,
        trigger=_req_span(d, "trigger"), evidence=_req_span(d, "evidence"), rule=d["rule"],
        confidence=d["confidence"], quote_id=d["quote_id"], claimant=d["claimant"],
        extra_evidence=tuple(Span(s["start"], s["end"], s["text"]) for s in d["extra_evidence"] or ()),
        cameo=d["cameo"],
    )  # fmt: skip


def quote_from_row(d: Mapping[str, Any]) -> Quote:
    mention = _mkspan(d, "speaker")
    speaker = None
    if d["speaker_name"] is not None and mention is not None:
        speaker = Speaker(
            d["speaker_name"], d["speaker_actor_id"], d["speaker_country"], mention, d["speaker_resolved_by"],
            d.get("speaker_kb_id"),
        )  # fmt: skip
    return Quote(
        d["id"], d["article_id"], d["kind"], speaker, _mkspan(d, "cue"), _req_span(d, "content"), d["rule"],
        d["confidence"],
    )  # fmt: skip


def error_from_row(d: Mapping[str, Any]) -> ErrorRecord:
    return ErrorRecord(d["path"], d["line"], d["article_id"], d["stage"], d["message"])


def results_from_rows(tables: Mapping[str, Iterable[Mapping[str, Any]]]) -> list[Result]:
    """Rebuild results (in ``ingest_seq`` order, children in ``seq`` order) from row dicts per table.

    Errors attach to the result of their article; errors without a stored article are not returned here.
    """
    by_article: dict[str, dict[str, list[Mapping[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for name in ("actors", "mentions", "quotes", "events", "errors"):
        for d in tables.get(name, ()):
            if d["article_id"] is not None:
                by_article[d["article_id"]][name].append(d)
    out = []
    for a in sorted(tables.get("articles", ()), key=lambda d: d["ingest_seq"] or 0):
        kids = by_article.get(a["id"], {})
        mentions: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
        for m in sorted(kids.get("mentions", ()), key=lambda d: d["seq"]):
            mentions[m["actor_id"]].append(m)
        actors = tuple(
            Actor(
                d["id"],
                d["article_id"],
                d["name"],
                d["kind"],
                d["country"],
                d["sector"],
                d["role"],
                tuple(
                    Mention(_req_span(m, "mention"), m["kind"], m["resolved_by"]) for m in mentions[d["id"]]
                ),
                d["affiliation"],
                d["rule"],
                d.get("kb_id"),
                d.get("code"),
                d.get("kb_name"),
            )  # fmt: skip
            for d in sorted(kids.get("actors", ()), key=lambda d: d["seq"])
        )
        quotes = tuple(quote_from_row(d) for d in sorted(kids.get("quotes", ()), key=lambda d: d["seq"]))
        events = tuple(event_from_row(d) for d in sorted(kids.get("events", ()), key=lambda d: d["seq"]))
        errors = tuple(error_from_row(d) for d in kids.get("errors", ()))
        out.append(Result(article_from_row(a), actors, quotes, events, errors))
    return out


TABLE_OF = {
    "articles": ARTICLES,
    "actors": ACTORS,
    "mentions": MENTIONS,
    "quotes": QUOTES,
    "events": EVENTS,
    "errors": ERRORS,
}
