"""Explicit pyarrow schemas for the five output tables, mirroring the records' ``to_dict`` shapes.

Inferring types from the rows would fail (or give ``null`` columns) on a batch where a field is always
None — e.g. no event has a location — and would give different files different types.  These schemas
fix every column's type; ``tests/test_output.py`` checks them against ``model.py`` so a new record
field cannot be dropped silently.  ``docs/schema.md`` documents the same tables.
"""

from __future__ import annotations

import pyarrow as pa

SPAN = pa.struct([("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())])

MENTION = pa.struct(
    [
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("text", pa.string()),
        ("kind", pa.string()),
        ("resolved_by", pa.string()),
    ]
)

SPEAKER = pa.struct(
    [
        ("name", pa.string()),
        ("actor_id", pa.string()),
        ("country", pa.string()),
        ("mention", SPAN),
        ("resolved_by", pa.string()),
        ("kb_id", pa.string()),
    ]
)

PARTICIPANT = pa.struct(
    [
        ("name", pa.string()),
        ("actor_id", pa.string()),
        ("country", pa.string()),
        ("sector", pa.string()),
        ("span", SPAN),
        ("kb_id", pa.string()),
        ("code", pa.string()),
    ]
)

LOCATION = pa.struct(
    [
        ("name", pa.string()),
        ("country", pa.string()),
        ("lat", pa.float64()),
        ("lon", pa.float64()),
        ("span", SPAN),
        ("geonameid", pa.int64()),
        ("rule", pa.string()),
    ]
)

ARTICLES = pa.schema(
    [
        ("id", pa.string()),
        ("date", pa.string()),
        ("date_precision", pa.string()),
        ("title", pa.string()),
        ("source", pa.string()),
        ("url", pa.string()),
        ("path", pa.string()),
        ("n_chars", pa.int64()),
        ("lang", pa.string()),
    ]
)

ACTORS = pa.schema(
    [
        ("id", pa.string()),
        ("article_id", pa.string()),
        ("name", pa.string()),
        ("kind", pa.string()),
        ("country", pa.string()),
        ("sector", pa.string()),
        ("role", pa.string()),
        ("affiliation", pa.string()),
        ("mentions", pa.list_(MENTION)),
        ("rule", pa.string()),
        ("kb_id", pa.string()),
        ("code", pa.string()),
        ("kb_name", pa.string()),
    ]
)

QUOTES = pa.schema(
    [
        ("id", pa.string()),
        ("article_id", pa.string()),
        ("kind", pa.string()),
        ("speaker", SPEAKER),
        ("cue", SPAN),
        ("content", SPAN),
        ("rule", pa.string()),
        ("confidence", pa.float64()),
    ]
)

EVENTS = pa.schema(
    [
        ("id", pa.string()),
        ("article_id", pa.string()),
        ("type", pa.string()),
        ("mode", pa.string()),
        ("context", pa.string()),
        ("actor", PARTICIPANT),
        ("recipient", PARTICIPANT),
        ("date", pa.string()),
        ("date_source", pa.string()),
        ("date_span", SPAN),
        ("location", LOCATION),
        ("trigger", SPAN),
        ("evidence", SPAN),
        ("rule", pa.string()),
        ("confidence", pa.float64()),
        ("quote_id", pa.string()),
        ("claimant", pa.string()),
        ("extra_evidence", pa.list_(SPAN)),
        ("cameo", pa.string()),
    ]
)

ERRORS = pa.schema(
    [
        ("path", pa.string()),
        ("line", pa.int64()),
        ("article_id", pa.string()),
        ("stage", pa.string()),
        ("message", pa.string()),
    ]
)

TABLE_SCHEMAS: dict[str, pa.Schema] = {
    "articles": ARTICLES,
    "actors": ACTORS,
    "quotes": QUOTES,
    "events": EVENTS,
    "errors": ERRORS,
}
