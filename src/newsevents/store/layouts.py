"""Other projects' event tables over our events: GDELT 2.0 (61 columns) and POLECAT/PLOVER, as SQL views.

Each layout is one ``SELECT`` over ``events`` joined to ``articles`` (and the CAMEO crosswalk, registered as
a table from ``ontology/plover_to_cameo.csv``), so an export or ``Store.events_frame(layout)`` runs it in
DuckDB; no row passes through Python.  Every column is documented in docs/store.md ("GDELT layout",
"POLECAT layout"), including the ones we cannot fill (NULL) and where our values differ in kind from the
original's (ISO 3166 alpha-3 instead of FIPS place codes, geonames ids, a Goldstein-style score).
"""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib import resources

import duckdb
import pyarrow as pa

from newsevents import __version__

LAYOUTS = ("gdelt", "polecat")

# The GDELT 2.0 event table, in the order of the files GDELT publishes (GDELT 2.0 Event Codebook).
GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)  # fmt: skip

POLECAT_COLUMNS = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title",
    "Actor Name Raw", "Wikipedia Actor ID",
    "Recipient Name", "Recipient Country", "Recipient COW", "Primary Recipient Sector", "Recipient Sectors",
    "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID",
    "Placename", "City", "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID",
    "Raw Placename", "Feature Type", "Source", "Publication Date", "Story People", "Story Organizations",
    "Story Locations", "Language", "Version",
)  # fmt: skip


@cache
def crosswalk() -> pa.Table:
    """``ontology/plover_to_cameo.csv`` (PLOVER type/mode → CAMEO code, QuadClass, Goldstein-style score)."""
    text = resources.files("newsevents.ontology").joinpath("plover_to_cameo.csv").read_text(encoding="utf-8")
    rows = list(
        csv.DictReader(io.StringIO("".join(ln for ln in text.splitlines(True) if not ln.startswith("#"))))
    )
    return pa.table(
        {
            "plover_type": [r["plover_type"] for r in rows],
            "plover_mode": [r["plover_mode"] for r in rows],
            "cameo_code": [r["cameo_code"] for r in rows],
            "quad_class": pa.array([int(r["quad_class"]) for r in rows], pa.int32()),
            "goldstein": pa.array([float(r["goldstein"]) for r in rows], pa.float64()),
        }
    )


def register(con: duckdb.DuckDBPyConnection) -> None:
    """Make ``_plover_cameo`` (the crosswalk) and ``_cameo_root`` (root → score) visible to the layout SQL."""
    con.register("_plover_cameo", crosswalk())
    con.execute(
        "CREATE OR REPLACE TEMP VIEW _cameo_root AS SELECT left(cameo_code, 2) AS root, "
        "any_value(goldstein) AS goldstein FROM _plover_cameo GROUP BY 1"
    )


# One row per event with its CAMEO code: the extractor's own code when it names a sub-code (3+ digits),
# else the crosswalk's for (type, mode), else the crosswalk's for the type alone.
_CODED = """
WITH coded AS (
  SELECT e.*, a.url AS a_url, a.source AS a_source, a.path AS a_path, a.date AS a_date, a.lang AS a_lang,
    a.text AS a_text,
    CASE WHEN length(e.cameo) >= 3 THEN e.cameo ELSE coalesce(xm.cameo_code, xt.cameo_code) END AS code,
    coalesce(xm.quad_class, xt.quad_class) AS quad,
    coalesce(TRY_CAST(e.date AS DATE), TRY_CAST(a.date AS DATE)) AS day
  FROM events e JOIN articles a ON a.id = e.article_id
  LEFT JOIN _plover_cameo xm ON xm.plover_type = e.type AND xm.plover_mode = e.mode
  LEFT JOIN _plover_cameo xt ON xt.plover_type = e.type AND xt.plover_mode = ''
  {where}
), scored AS (
  SELECT c.*, r.goldstein AS score FROM coded c LEFT JOIN _cameo_root r ON r.root = left(c.code, 2)
)
"""

_GDELT = (
    _CODED
    + """
SELECT
  ('0x' || substr(md5(s.article_id || '/' || s.id), 1, 15))::BIGINT AS GLOBALEVENTID,
  strftime(s.day, '%Y%m%d')::INTEGER AS SQLDATE, strftime(s.day, '%Y%m')::INTEGER AS MonthYear,
  year(s.day)::INTEGER AS Year,
  round(year(s.day) + dayofyear(s.day) / 365.0, 4) AS FractionDate,
  coalesce(s.actor_code, s.actor_country || coalesce(s.actor_sector, '')) AS Actor1Code,
  upper(s.actor_name) AS Actor1Name, s.actor_country AS Actor1CountryCode,
  NULL::VARCHAR AS Actor1KnownGroupCode, NULL::VARCHAR AS Actor1EthnicCode,
  NULL::VARCHAR AS Actor1Religion1Code, NULL::VARCHAR AS Actor1Religion2Code,
  s.actor_sector AS Actor1Type1Code, NULL::VARCHAR AS Actor1Type2Code, NULL::VARCHAR AS Actor1Type3Code,
  coalesce(s.recipient_code, s.recipient_country || coalesce(s.recipient_sector, '')) AS Actor2Code,
  upper(s.recipient_name) AS Actor2Name, s.recipient_country AS Actor2CountryCode,
  NULL::VARCHAR AS Actor2KnownGroupCode, NULL::VARCHAR AS Actor2EthnicCode,
  NULL::VARCHAR AS Actor2Religion1Code, NULL::VARCHAR AS Actor2Religion2Code,
  s.recipient_sector AS Actor2Type1Code, NULL::VARCHAR AS Actor2Type2Code, NULL::VARCHAR AS Actor2Type3Code,
  -- the lead paragraph (before the first blank line) holds the story's main events
  CASE WHEN s.evidence_start < coalesce(nullif(strpos(s.a_text, chr(10) || chr(10)), 0), length(s.a_text) + 1)
    THEN 1 ELSE 0 END AS IsRootEvent,
  s.code AS EventCode, left(s.code, 3) AS EventBaseCode, left(s.code, 2) AS EventRootCode,
  s.quad AS QuadClass, s.score AS GoldsteinScale,
  (1 + len(coalesce(s.extra_evidence, [])))::INTEGER AS NumMentions, 1 AS NumSources,
  coalesce(cl.n_articles, 1)::INTEGER AS NumArticles, NULL::DOUBLE AS AvgTone,
  NULL::INTEGER AS Actor1Geo_Type, NULL::VARCHAR AS Actor1Geo_FullName, NULL::VARCHAR AS Actor1Geo_CountryCode,
  NULL::VARCHAR AS Actor1Geo_ADM1Code, NULL::VARCHAR AS Actor1Geo_ADM2Code, NULL::DOUBLE AS Actor1Geo_Lat,
  NULL::DOUBLE AS Actor1Geo_Long, NULL::VARCHAR AS Actor1Geo_FeatureID,
  NULL::INTEGER AS Actor2Geo_Type, NULL::VARCHAR AS Actor2Geo_FullName, NULL::VARCHAR AS Actor2Geo_CountryCode,
  NULL::VARCHAR AS Actor2Geo_ADM1Code, NULL::VARCHAR AS Actor2Geo_ADM2Code, NULL::DOUBLE AS Actor2Geo_Lat,
  NULL::DOUBLE AS Actor2Geo_Long, NULL::VARCHAR AS Actor2Geo_FeatureID,
  CASE WHEN NOT coalesce(s.has_location, false) THEN NULL WHEN s.location_lat IS NULL THEN 1 ELSE 4 END
    AS ActionGeo_Type,
  s.location_name AS ActionGeo_FullName, s.location_country AS ActionGeo_CountryCode,
  NULL::VARCHAR AS ActionGeo_ADM1Code, NULL::VARCHAR AS ActionGeo_ADM2Code,
  s.location_lat AS ActionGeo_Lat, s.location_lon AS ActionGeo_Long,
  CAST(s.location_geonameid AS VARCHAR) AS ActionGeo_FeatureID,
  (strftime(TRY_CAST(s.a_date AS DATE), '%Y%m%d') || '000000')::BIGINT AS DATEADDED,
  coalesce(s.a_url, s.a_source, s.a_path) AS SOURCEURL
FROM scored s
LEFT JOIN (SELECT n_articles, unnest(event_ids) AS event_key FROM event_clusters) cl
  ON cl.event_key = s.article_id || '/' || s.id
"""
)

_POLECAT = (
    _CODED
    + """, story AS (
  SELECT article_id,
    list_sort(list_distinct(list(name) FILTER (WHERE kind = 'PERSON'))) AS people,
    list_sort(list_distinct(list(name) FILTER (WHERE kind = 'ORG'))) AS orgs,
    list_sort(list_distinct(list(name) FILTER (WHERE kind = 'GPE'))) AS places
  FROM actors GROUP BY article_id
)
SELECT
  s.article_id || '/' || s.id AS "Event ID", coalesce(s.date, s.a_date) AS "Event Date",
  s.type AS "Event Type", s.mode AS "Event Mode", s.score AS "Event Intensity", s.quad AS "Quad Code",
  s.context AS "Contexts",
  s.actor_name AS "Actor Name", s.actor_country AS "Actor Country", NULL::VARCHAR AS "Actor COW",
  s.actor_sector AS "Primary Actor Sector", s.actor_sector AS "Actor Sectors", xa.role AS "Actor Title",
  s.actor_text AS "Actor Name Raw", s.actor_kb_id AS "Wikipedia Actor ID",
  s.recipient_name AS "Recipient Name", s.recipient_country AS "Recipient Country",
  NULL::VARCHAR AS "Recipient COW", s.recipient_sector AS "Primary Recipient Sector",
  s.recipient_sector AS "Recipient Sectors", xr.role AS "Recipient Title", s.recipient_text AS "Recipient Name Raw",
  s.recipient_kb_id AS "Wikipedia Recipient ID",
  s.location_name AS "Placename", NULL::VARCHAR AS "City", NULL::VARCHAR AS "District",
  NULL::VARCHAR AS "Province", s.location_country AS "Country", s.location_lat AS "Latitude",
  s.location_lon AS "Longitude", s.location_geonameid AS "GeoNames ID", s.location_text AS "Raw Placename",
  NULL::VARCHAR AS "Feature Type", s.a_source AS "Source", s.a_date AS "Publication Date",
  array_to_string(st.people, ';') AS "Story People", array_to_string(st.orgs, ';') AS "Story Organizations",
  array_to_string(st.places, ';') AS "Story Locations", s.a_lang AS "Language",
  'newsevents-{version}' AS "Version"
FROM scored s
LEFT JOIN actors xa ON xa.article_id = s.article_id AND xa.id = s.actor_id
LEFT JOIN actors xr ON xr.article_id = s.article_id AND xr.id = s.recipient_id
LEFT JOIN story st ON st.article_id = s.article_id
"""
)


def layout_sql(layout: str, *, unique_only: bool = False) -> str:
    """The SELECT of ``layout`` (``register`` must have run on the connection), in a fixed row order."""
    where = "WHERE a.duplicate_of IS NULL" if unique_only else ""
    if layout == "gdelt":
        sql = _GDELT.replace("{where}", where)
    elif layout == "polecat":
        sql = _POLECAT.replace("{where}", where).replace("{version}", __version__)
    else:
        raise ValueError(f"unknown layout {layout!r}; use {', '.join(LAYOUTS)}")
    order = (
        "SQLDATE NULLS LAST, GLOBALEVENTID" if layout == "gdelt" else '"Event Date" NULLS LAST, "Event ID"'
    )
    return f"SELECT * FROM ({sql}) ORDER BY {order}"
