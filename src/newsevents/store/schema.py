"""DuckDB schema of the newsevents store: one table per record kind, spans flattened to columns.

Every span of the record schema (``docs/schema.md``) becomes three columns ``<field>_start``,
``<field>_end``, ``<field>_text`` (``end`` alone is an SQL keyword, so the prefix keeps queries free of
quoting).  Nested participants (event actor/recipient, quote speaker, event location) are flattened to
``<role>_<field>`` columns, so ``SELECT actor_name, recipient_country FROM events`` needs no unnesting.
Actor mentions live in their own ``mentions`` table (one row per mention) because that is what one joins
and filters on; an event's ``extra_evidence`` is a short list and stays a ``STRUCT[]`` column.

The column lists here are the single source of truth: the DDL, the row builders in ``rows.py`` and the
Parquet export all read them.
"""

from __future__ import annotations

from dataclasses import dataclass

# 2: knowledge-base identity columns (actors.kb_id/code/kb_name, events.actor_/recipient_kb_id/code,
#    quotes.speaker_kb_id), appended at the end of their tables so ``migrate`` can add them to a version-1 file.
# 3: incremental clusters (event_clusters.rank/first_event, cluster_keys) and SQL near-duplicate look-up
#    (lsh_bands); a version-2 file gets them, and its clusters and bands are rebuilt once.
SCHEMA_VERSION = "3"

SPAN_STRUCT = 'STRUCT("start" INTEGER, "end" INTEGER, "text" VARCHAR)'


def span_columns(prefix: str) -> tuple[tuple[str, str], ...]:
    return ((f"{prefix}_start", "INTEGER"), (f"{prefix}_end", "INTEGER"), (f"{prefix}_text", "VARCHAR"))


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[tuple[str, str], ...]
    primary_key: tuple[str, ...] = ()
    doc: str = ""

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.columns)

    def ddl(self) -> str:
        cols = [f'"{name}" {sql_type}' for name, sql_type in self.columns]
        if self.primary_key:
            cols.append(f"PRIMARY KEY ({', '.join(self.primary_key)})")
        return f"CREATE TABLE IF NOT EXISTS {self.name} (\n  " + ",\n  ".join(cols) + "\n)"


ARTICLES = Table(
    "articles",
    (
        ("id", "VARCHAR"),
        ("date", "VARCHAR"),
        ("date_precision", "VARCHAR"),
        ("title", "VARCHAR"),
        ("source", "VARCHAR"),
        ("url", "VARCHAR"),
        ("path", "VARCHAR"),
        ("line", "INTEGER"),
        ("n_chars", "INTEGER"),
        ("lang", "VARCHAR"),
        ("text", "VARCHAR"),
        ("duplicate_of", "VARCHAR"),  # id of the earlier near-duplicate article, or NULL
        ("similarity", "DOUBLE"),  # estimated Jaccard similarity to duplicate_of
        ("model", "VARCHAR"),  # spaCy pipeline the records were made with
        ("ingest_seq", "BIGINT"),  # input order: ORDER BY ingest_seq gives the order of the first clean run
    ),
    primary_key=("id",),
    doc="One row per article (the text after any date header; all spans index into it).",
)

ACTORS = Table(
    "actors",
    (
        ("article_id", "VARCHAR"),
        ("id", "VARCHAR"),  # article-local: unique only together with article_id
        ("name", "VARCHAR"),
        ("kind", "VARCHAR"),
        ("country", "VARCHAR"),
        ("sector", "VARCHAR"),
        ("role", "VARCHAR"),
        ("affiliation", "VARCHAR"),
        ("rule", "VARCHAR"),
        ("n_mentions", "INTEGER"),
        ("seq", "INTEGER"),  # position in the result, to rebuild records in order
        ("kb_id", "VARCHAR"),  # knowledge-base id: the same actor in every article (NULL: no KB entry)
        ("code", "VARCHAR"),  # CAMEO-style actor code ("RUSGOV")
        ("kb_name", "VARCHAR"),  # the KB's canonical name
    ),
    doc="One row per actor of one article; actor ids are article-local.",
)

MENTIONS = Table(
    "mentions",
    (
        ("article_id", "VARCHAR"),
        ("actor_id", "VARCHAR"),
        ("seq", "INTEGER"),
        *span_columns("mention"),
        ("kind", "VARCHAR"),
        ("resolved_by", "VARCHAR"),
    ),
    doc="One row per textual mention of an actor.",
)

QUOTES = Table(
    "quotes",
    (
        ("article_id", "VARCHAR"),
        ("id", "VARCHAR"),
        ("kind", "VARCHAR"),
        ("speaker_name", "VARCHAR"),
        ("speaker_actor_id", "VARCHAR"),
        ("speaker_country", "VARCHAR"),
        *span_columns("speaker"),
        ("speaker_resolved_by", "VARCHAR"),
        *span_columns("cue"),
        *span_columns("content"),
        ("rule", "VARCHAR"),
        ("confidence", "DOUBLE"),
        ("seq", "INTEGER"),
        ("speaker_kb_id", "VARCHAR"),
    ),
    doc="One row per quote; speaker_* columns are NULL when no speaker was found.",
)

EVENTS = Table(
    "events",
    (
        ("article_id", "VARCHAR"),
        ("id", "VARCHAR"),
        ("type", "VARCHAR"),
        ("mode", "VARCHAR"),
        ("context", "VARCHAR"),
        ("actor_name", "VARCHAR"),
        ("actor_id", "VARCHAR"),
        ("actor_country", "VARCHAR"),
        ("actor_sector", "VARCHAR"),
        *span_columns("actor"),
        ("recipient_name", "VARCHAR"),
        ("recipient_id", "VARCHAR"),
        ("recipient_country", "VARCHAR"),
        ("recipient_sector", "VARCHAR"),
        *span_columns("recipient"),
        ("date", "VARCHAR"),
        ("date_source", "VARCHAR"),
        *span_columns("date"),
        ("location_name", "VARCHAR"),
        ("location_country", "VARCHAR"),
        ("location_lat", "DOUBLE"),
        ("location_lon", "DOUBLE"),
        ("location_geonameid", "BIGINT"),
        ("location_rule", "VARCHAR"),
        *span_columns("location"),
        *span_columns("trigger"),
        *span_columns("evidence"),
        ("rule", "VARCHAR"),
        ("confidence", "DOUBLE"),
        ("quote_id", "VARCHAR"),
        ("claimant", "VARCHAR"),
        ("extra_evidence", f"{SPAN_STRUCT}[]"),
        ("cameo", "VARCHAR"),
        ("has_location", "BOOLEAN"),  # location_* set (an empty location name is still a location)
        ("seq", "INTEGER"),
        ("actor_kb_id", "VARCHAR"),
        ("actor_code", "VARCHAR"),
        ("recipient_kb_id", "VARCHAR"),
        ("recipient_code", "VARCHAR"),
    ),
    doc="One row per event; actor_id/recipient_id are the article-local actor ids.",
)

ERRORS = Table(
    "errors",
    (
        ("id", "VARCHAR"),  # stable hash of (path, line, article_id, stage, message): re-runs add nothing
        ("path", "VARCHAR"),
        ("line", "INTEGER"),
        ("article_id", "VARCHAR"),
        ("stage", "VARCHAR"),
        ("message", "VARCHAR"),
    ),
    primary_key=("id",),
    doc="One row per problem with one input item.",
)

MINHASHES = Table(
    "minhashes",
    (("article_id", "VARCHAR"), ("num_perm", "INTEGER"), ("scheme", "VARCHAR"), ("signature", "BLOB")),
    primary_key=("article_id",),
    doc="MinHash signature of each article's word shingles, so the LSH index is rebuilt at each ingest.",
)

EVENT_CLUSTERS = Table(
    "event_clusters",
    (
        ("id", "VARCHAR"),  # stable hash of the supporting event ids
        ("type", "VARCHAR"),
        ("mode", "VARCHAR"),
        ("actor_key", "VARCHAR"),
        ("recipient_key", "VARCHAR"),
        ("actor_name", "VARCHAR"),
        ("actor_country", "VARCHAR"),
        ("actor_sector", "VARCHAR"),
        ("recipient_name", "VARCHAR"),
        ("recipient_country", "VARCHAR"),
        ("recipient_sector", "VARCHAR"),
        ("date", "VARCHAR"),  # the most precise date among the supporting events
        ("location_name", "VARCHAR"),
        ("location_country", "VARCHAR"),
        ("location_lat", "DOUBLE"),
        ("location_lon", "DOUBLE"),
        ("n_events", "INTEGER"),
        ("n_articles", "INTEGER"),
        ("event_ids", "VARCHAR[]"),  # "<article_id>/<event_id>" of every supporting event
        ("article_ids", "VARCHAR[]"),
        ("rank", "BIGINT"),  # creation order of the greedy clustering (cluster_store.py)
        ("first_event", "VARCHAR"),  # the event the others were compared with
    ),
    primary_key=("id",),
    doc="Cross-article de-duplicated events (one row per real-world event), updated after each ingest.",
)

CLUSTER_KEYS = Table(
    "cluster_keys",
    (
        ("rank", "BIGINT"),
        ("type", "VARCHAR"),
        ("mode", "VARCHAR"),  # '' unless ClusterRules.same_mode
        ("side", "VARCHAR"),  # a: actor, r: recipient
        ("key", "VARCHAR"),  # participant key of the cluster's first event (clusters.participant_keys)
        ("first_date", "VARCHAR"),
        ("first_month", "VARCHAR"),  # first 7 characters of an ISO first_date ("2022-03", "2022"), else '*'
    ),
    doc="Blocking keys of each cluster's first event: new events find the clusters they could join in SQL.",
)

LSH_BANDS = Table(
    "lsh_bands",
    (("article_id", "VARCHAR"), ("band", "INTEGER"), ("key", "BIGINT")),
    doc="MinHash LSH band keys of each article (lsh.py): near-duplicate candidates are one join.",
)

META = Table("meta", (("key", "VARCHAR"), ("value", "VARCHAR")), primary_key=("key",))

RECORD_TABLES = (ARTICLES, ACTORS, MENTIONS, QUOTES, EVENTS)
TABLES = (*RECORD_TABLES, ERRORS, MINHASHES, EVENT_CLUSTERS, CLUSTER_KEYS, LSH_BANDS, META)
TABLES_BY_NAME = {t.name: t for t in TABLES}

# Events whose article is not a near-duplicate of another: what counts and what is clustered.
VIEWS = (
    """CREATE OR REPLACE VIEW unique_events AS
    SELECT e.* FROM events e JOIN articles a ON a.id = e.article_id WHERE a.duplicate_of IS NULL""",
    # The flat POLECAT-like event table: one row per event with who did what to whom, when, where, and
    # the evidence; ``cluster_id`` names its de-duplicated real-world event (NULL for duplicate articles).
    """CREATE OR REPLACE VIEW events_flat AS
    SELECT e.article_id || '/' || e.id AS event_key, e.id AS event_id, e.article_id, a.url, a.title,
      a.source, a.date AS article_date, e.type, e.mode, e.context,
      e.actor_name, e.actor_country, e.actor_sector, e.recipient_name, e.recipient_country,
      e.recipient_sector, e.actor_kb_id, e.actor_code, e.recipient_kb_id, e.recipient_code, e.cameo,
      len(e.extra_evidence) + 1 AS n_mentions, e.date, e.date_source, e.location_name AS place, e.location_country AS place_country,
      e.location_lat AS lat, e.location_lon AS lon, e.trigger_text, e.evidence_text, e.evidence_start,
      e.evidence_end, e.quote_id, e.claimant, e.confidence, e.rule, a.duplicate_of AS duplicate_of_article,
      c.cluster_id, c.n_articles AS cluster_n_articles
    FROM events e JOIN articles a ON a.id = e.article_id
    LEFT JOIN (SELECT id AS cluster_id, n_articles, unnest(event_ids) AS event_key FROM event_clusters) c
      ON c.event_key = e.article_id || '/' || e.id
    ORDER BY a.ingest_seq, e.seq""",
)


def ddl_statements() -> list[str]:
    return [t.ddl() for t in TABLES] + list(VIEWS)


def missing_columns(existing: dict[str, list[str]]) -> list[str]:
    """``ALTER TABLE`` statements adding the columns a file of an older schema lacks (table → its columns).

    Newer columns are only ever appended to a table, so after the ALTERs the column order is the one above.
    """
    out = []
    for table in TABLES:
        have = existing.get(table.name)
        if have is None:
            continue  # created by the DDL
        for name, sql_type in table.columns:
            if name not in have:
                out.append(f'ALTER TABLE {table.name} ADD COLUMN "{name}" {sql_type}')
    return out
