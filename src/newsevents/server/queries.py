"""SQL for the read endpoints: WHERE clauses built from filters, user input ONLY ever as parameters.

Every clause below is a constant string with ``?`` placeholders; filter values travel in the parameter list,
so quotes, semicolons or comment markers in a filter are just characters to match.  ``LIKE`` wildcards in
user text are escaped too, so ``%`` and ``_`` match themselves instead of everything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

LIKE_ESCAPE = "\\"


def like_pattern(text: str) -> str:
    """``%text%`` with LIKE's own wildcards (and the escape character) escaped."""
    escaped = (
        text.replace(LIKE_ESCAPE, LIKE_ESCAPE * 2)
        .replace("%", LIKE_ESCAPE + "%")
        .replace("_", LIKE_ESCAPE + "_")
    )
    return f"%{escaped}%"


@dataclass
class Where:
    """An AND of clauses and their parameters."""

    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def contains(self, columns: tuple[str, ...], text: str | None) -> None:
        """Case-insensitive substring match on any of ``columns`` (constant column names, never user input)."""
        if text:
            pattern = like_pattern(text)
            ors = " OR ".join(f"{c} ILIKE ? ESCAPE '\\'" for c in columns)
            self.add(f"({ors})", *([pattern] * len(columns)))

    def equals(self, column: str, value: Any) -> None:
        if value is not None and value != "":
            self.add(f"{column} = ?", value)

    def sql(self) -> str:
        return (" WHERE " + " AND ".join(self.clauses)) if self.clauses else ""


@dataclass(frozen=True)
class EventFilters:
    """Filters shared by /api/events, /api/timeline, /api/network and /api/places."""

    type: str | None = None
    actor: str | None = None
    country: str | None = None
    place: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    q: str | None = None
    article_id: str | None = None

    def where(self) -> Where:
        w = Where()
        w.equals("type", self.type)
        w.contains(("actor_name", "recipient_name"), self.actor)
        if self.country:
            w.add(
                "(actor_country = ? OR recipient_country = ? OR location_country = ?)",
                *([self.country.upper()] * 3),
            )
        w.contains(("location_name",), self.place)
        # Dates are ISO strings of varying precision ("2022", "2022-04", "2022-04-28"): string order is
        # date order, and a bound "2022-04" keeps "2022-04-28" (>=) — documented in docs/server.md.
        if self.date_from:
            w.add("date >= ?", self.date_from)
        if self.date_to:
            w.add("substr(date, 1, ?) <= ?", len(self.date_to), self.date_to)
        w.contains(("evidence_text", "trigger_text"), self.q)
        w.equals("article_id", self.article_id)
        return w


def quote_where(speaker: str | None, q: str | None, kind: str | None, article_id: str | None) -> Where:
    w = Where()
    w.contains(("speaker_name",), speaker)
    w.contains(("content_text",), q)
    w.equals("kind", kind)
    w.equals("article_id", article_id)
    return w


def article_where(q: str | None, source: str | None, date_from: str | None, date_to: str | None) -> Where:
    w = Where()
    w.contains(("title", "text"), q)
    w.contains(("source",), source)
    if date_from:
        w.add("date >= ?", date_from)
    if date_to:
        w.add("substr(date, 1, ?) <= ?", len(date_to), date_to)
    return w


def actor_where(name: str | None, country: str | None, kind: str | None) -> Where:
    w = Where()
    w.contains(("name",), name)
    w.equals("country", country.upper() if country else None)
    w.equals("kind", kind)
    return w


ARTICLE_LIST = """
SELECT a.id, a.date, a.date_precision, a.title, a.source, a.url, a.path, a.n_chars, a.lang, a.duplicate_of,
  (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS n_quotes,
  (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS n_events,
  (SELECT count(*) FROM actors x WHERE x.article_id = a.id) AS n_actors
FROM articles a {where} ORDER BY a.ingest_seq LIMIT ? OFFSET ?
"""

ACTOR_LIST = """
WITH grouped AS (
  SELECT name, kind, country, sector, kb_id, count(DISTINCT article_id) AS n_articles,
         CAST(sum(n_mentions) AS BIGINT) AS n_mentions
  FROM actors {where} GROUP BY name, kind, country, sector, kb_id
), involved AS (
  SELECT name, count(*) AS n_events FROM (
    SELECT actor_name AS name FROM events WHERE actor_name IS NOT NULL
    UNION ALL SELECT recipient_name FROM events WHERE recipient_name IS NOT NULL
  ) GROUP BY name
)
SELECT g.*, coalesce(i.n_events, 0) AS n_events, count(*) OVER () AS total
FROM grouped g LEFT JOIN involved i USING (name)
ORDER BY g.n_mentions DESC, g.name LIMIT ? OFFSET ?
"""

# Day-precision dates only: a month or a year cannot be placed on a day/week axis (counted as undated).
TIMELINE = """
SELECT strftime(CASE WHEN ? = 'week' THEN date_trunc('week', d) ELSE d END, '%Y-%m-%d') AS bucket,
       type, count(*) AS n
FROM (SELECT type, TRY_CAST(date AS DATE) AS d FROM events {where})
WHERE d IS NOT NULL GROUP BY bucket, type ORDER BY bucket, type
"""

NETWORK_EDGES = """
SELECT actor_name AS source, recipient_name AS target, type, count(*) AS n
FROM events {where}
GROUP BY source, target, type ORDER BY n DESC, source, target, type LIMIT ?
"""

PLACES = """
SELECT location_name AS name, any_value(location_country) AS country, location_lat AS lat,
       location_lon AS lon, count(*) AS n, list_sort(list_distinct(list(type))) AS types
FROM events {where}
GROUP BY location_name, location_lat, location_lon ORDER BY n DESC, name LIMIT ?
"""

# ---- one knowledge-base actor (GET /api/actors/{kb_id}) ------------------------------------------------
# Events and quotes of near-duplicate articles are left out, as in unique_events: a wire copy of a story
# must not put the same meeting twice on the actor's timeline.

ACTOR_IDENTITY = """
SELECT any_value(kb_name) AS kb_name, mode(code) AS code, mode(kind) AS kind, mode(country) AS country,
       mode(sector) AS sector, count(DISTINCT article_id) AS n_articles
FROM actors WHERE kb_id = ?
"""

ACTOR_NAMES = """
SELECT name, count(*) AS n FROM actors WHERE kb_id = ? GROUP BY name ORDER BY n DESC, name LIMIT 20
"""

ACTOR_EVENT_SUMMARY = """
SELECT type AS key, count(*) AS n, min(date) AS first_date, max(date) AS last_date,
       count(DISTINCT article_id) AS n_articles
FROM unique_events WHERE actor_kb_id = ? OR recipient_kb_id = ? GROUP BY type ORDER BY n DESC, key
"""

ACTOR_EVENTS = """
SELECT e.*, CASE WHEN e.actor_kb_id = ? THEN 'actor' ELSE 'recipient' END AS role,
       a.title AS article_title, a.url AS article_url, a.date AS article_date
FROM events e JOIN articles a ON a.id = e.article_id
WHERE a.duplicate_of IS NULL AND (e.actor_kb_id = ? OR e.recipient_kb_id = ?)
ORDER BY e.date NULLS LAST, a.ingest_seq, e.seq LIMIT ?
"""

# The other side of each event, keyed by its kb_id when it has one, else by its name.
ACTOR_COUNTERPARTS = """
WITH sides AS (
  SELECT type,
         CASE WHEN actor_kb_id = ? THEN recipient_kb_id ELSE actor_kb_id END AS kb_id,
         CASE WHEN actor_kb_id = ? THEN recipient_name ELSE actor_name END AS name,
         CASE WHEN actor_kb_id = ? THEN recipient_country ELSE actor_country END AS country
  FROM unique_events WHERE actor_kb_id = ? OR recipient_kb_id = ?
), others AS (
  SELECT *, coalesce('kb:' || kb_id, 'name:' || name) AS key FROM sides
  WHERE name IS NOT NULL AND kb_id IS DISTINCT FROM ?
), top AS (
  SELECT key, count(*) AS n FROM others GROUP BY key ORDER BY n DESC, key LIMIT ?
)
SELECT o.key, any_value(o.kb_id) AS kb_id, mode(o.name) AS name, mode(o.country) AS country, o.type,
       count(*) AS n_type, any_value(t.n) AS n
FROM others o JOIN top t USING (key) GROUP BY o.key, o.type ORDER BY n DESC, o.key, n_type DESC, o.type
"""

ACTOR_QUOTE_COUNT = """
SELECT count(*) AS n FROM quotes q JOIN articles a ON a.id = q.article_id
WHERE a.duplicate_of IS NULL AND q.speaker_kb_id = ?
"""

ACTOR_QUOTES = """
SELECT q.*, a.title AS article_title, a.url AS article_url, a.date AS article_date
FROM quotes q JOIN articles a ON a.id = q.article_id
WHERE a.duplicate_of IS NULL AND q.speaker_kb_id = ?
ORDER BY a.date NULLS LAST, a.ingest_seq, q.seq LIMIT ?
"""
