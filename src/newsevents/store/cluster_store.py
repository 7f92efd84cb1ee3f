"""Event clusters in the database: a full rebuild, and an incremental update that touches only new events.

Clustering (``clusters.py``) is greedy in ingest order, and an event joins the oldest cluster whose *first*
event it is compatible with.  New articles come after every stored one in that order, so clustering only
their events — against the stored clusters they could join, then against each other — gives exactly the
clusters of a full rebuild:

- ``event_clusters.rank`` keeps each cluster's creation order and ``first_event`` its first event;
- ``cluster_keys`` holds, per cluster, the keys of its first event's actor side and recipient side
  (``side`` a/r), its type, mode (``''`` unless ``same_mode``), date and month.  A new event's candidates
  are one SQL hash join on those keys — blocked by type, by participant key (name, surname|country,
  country|sector), and by month: the event probes every month a compatible first date can be in
  (``probe_months``), and the exact date window (prefix either way, or both days within ``max_day_gap``)
  filters the pairs — kept when both sides match (or both crosswise, for symmetric types).  That is exactly the set of clusters the in-memory index would
  offer, so the Python check that follows (dates, places, rank order) decides as a full rebuild does;
- ``meta``: ``clusters_upto`` (the last ``ingest_seq`` clustered), ``clusters_rules`` (JSON of the rules);
  a changed rule set, a store without them, or a reprocessed article (``clusters_stale``, set by
  ``Store.add_results``) makes the update a full rebuild.

The cost of an update grows with the new events and the clusters they meet, not with the store
(bench/store_bench.py: docs/performance.md).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterable, Sequence
from typing import Any

import duckdb
import pyarrow as pa

from newsevents.store.clusters import (
    ISO_DATE,
    Cluster,
    ClusterInput,
    ClusterRules,
    _day,
    cluster_events,
    side_keys,
)
from newsevents.store.rows import to_arrow
from newsevents.store.schema import CLUSTER_KEYS, EVENT_CLUSTERS

_INPUT_COLUMNS = (
    "e.article_id, e.id, e.type, e.mode, e.actor_name, e.actor_country, e.actor_sector, "
    "e.actor_start IS NOT NULL, e.recipient_name, e.recipient_country, e.recipient_sector, "
    "e.recipient_start IS NOT NULL, e.date, e.location_name, e.location_country, e.location_lat, "
    "e.location_lon, e.location_geonameid, coalesce(e.has_location, false), e.confidence"
)


def rules_json(rules: ClusterRules) -> str:
    return json.dumps(dataclasses.asdict(rules), sort_keys=True)


def stored_rules(con: duckdb.DuckDBPyConnection) -> ClusterRules | None:
    row = con.execute("SELECT value FROM meta WHERE key = 'clusters_rules'").fetchall()
    if not row:
        return None
    data = json.loads(row[0][0])
    data["symmetric_types"] = tuple(data.get("symmetric_types") or ())
    return ClusterRules(**data)


def _meta(con: duckdb.DuckDBPyConnection, key: str, value: str) -> None:
    con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])


def _inputs(con: duckdb.DuckDBPyConnection, where: str, params: Sequence[Any] = ()) -> list[ClusterInput]:
    cur = con.execute(
        f"SELECT {_INPUT_COLUMNS} FROM events e JOIN articles a ON a.id = e.article_id {where} "
        "ORDER BY a.ingest_seq, e.seq",
        list(params),
    )
    return [ClusterInput(*row) for row in cur.fetchall()]


def _key_rows(clusters: Iterable[Cluster], rules: ClusterRules) -> list[tuple[Any, ...]]:
    rows = []
    for c in clusters:
        f = c.first
        mode = (f.mode or "") if rules.same_mode else ""
        a_keys, r_keys = side_keys(f, rules)
        month = first_month(f.date)
        rows += [(c.rank, f.type, mode, "a", k, f.date, month) for k in sorted(a_keys)]
        rows += [(c.rank, f.type, mode, "r", k, f.date, month) for k in sorted(r_keys)]
    return rows


def first_month(date: str | None) -> str:
    """The blocking month of a cluster's first date: '2022-03', '2022' for a year, '*' for anything else."""
    return date[:7] if date and ISO_DATE.fullmatch(date) else "*"


def probe_months(date: str, max_day_gap: int) -> list[str]:
    """Every ``first_month`` a first date compatible with ``date`` can have (``dates_compatible``), and '*'.

    A first date that is a prefix of ``date`` has its year or month; one that ``date`` is a prefix of has,
    for a year, that year or one of its months; one within ``max_day_gap`` days, a month of that window.
    """
    months = {"*", date[:4], date[:7]}
    if len(date) == 4:
        months |= {f"{date}-{m:02d}" for m in range(1, 13)}
    day = _day(date)
    if day is not None:
        for k in range(-max_day_gap, max_day_gap + 1):
            months.add((day + dt.timedelta(days=k)).isoformat()[:7])
    return sorted(months)


def _insert(con: duckdb.DuckDBPyConnection, table: Any, rows: list[tuple[Any, ...]]) -> None:
    if not rows:
        return
    cols = ", ".join(f'"{c}"' for c in table.column_names)
    con.register("_newsevents_cl", to_arrow(table, rows))
    try:
        con.execute(f"INSERT INTO {table.name} ({cols}) SELECT {cols} FROM _newsevents_cl")
    finally:
        con.unregister("_newsevents_cl")


def _upto(con: duckdb.DuckDBPyConnection) -> int:
    row = con.execute("SELECT coalesce(max(ingest_seq), -1) FROM articles").fetchall()
    return int(row[0][0])


def rebuild_clusters(con: duckdb.DuckDBPyConnection, rules: ClusterRules) -> int:
    """Recompute ``event_clusters`` from every stored event in one transaction; returns the cluster count."""
    upto = _upto(con)
    where = "WHERE a.duplicate_of IS NULL" if rules.exclude_duplicates else ""
    clusters = cluster_events(_inputs(con, where), rules)
    con.begin()
    try:
        con.execute("DELETE FROM event_clusters")
        con.execute("DELETE FROM cluster_keys")
        _insert(con, EVENT_CLUSTERS, [c.row() for c in clusters])
        _insert(con, CLUSTER_KEYS, _key_rows(clusters, rules))
        _meta(con, "clusters_rules", rules_json(rules))
        _meta(con, "clusters_upto", str(upto))
        _meta(con, "clusters_stale", "0")
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return len(clusters)


# Stored clusters one of the new events could join: a key of each side shared (or both crosswise for a
# symmetric type), and a compatible first date (the Python check after it is exact; this may only keep more).
_CANDIDATES = """
WITH m AS (
  SELECT p.idx, p.sym, k.rank, k.side AS cs, p.side AS ps
  FROM _newsevents_probe p
  JOIN cluster_keys k ON k.type = p.type AND k.mode = p.mode AND k.key = p.key AND k.first_month = p.month
  WHERE k.first_date <> '' AND (
    starts_with(k.first_date, p.date) OR starts_with(p.date, k.first_date)
    OR (length(k.first_date) = 10 AND length(p.date) = 10 AND (
      TRY_CAST(k.first_date AS DATE) IS NULL OR TRY_CAST(p.date AS DATE) IS NULL
      OR abs(date_diff('day', TRY_CAST(k.first_date AS DATE), TRY_CAST(p.date AS DATE))) <= ?)))
), pairs AS (
  SELECT idx, rank, any_value(sym) AS sym,
    bool_or(cs = 'a' AND ps = 'a') AS aa, bool_or(cs = 'r' AND ps = 'r') AS rr,
    bool_or(cs = 'a' AND ps = 'r') AS ar, bool_or(cs = 'r' AND ps = 'a') AS ra
  FROM m GROUP BY idx, rank
)
SELECT DISTINCT rank FROM pairs WHERE (aa AND rr) OR (sym AND ar AND ra)
"""

_PROBE_SCHEMA = pa.schema(
    [("idx", pa.int64()), ("type", pa.string()), ("mode", pa.string()), ("side", pa.string()),
     ("key", pa.string()), ("date", pa.string()), ("sym", pa.bool_()), ("month", pa.string())]
)  # fmt: skip


def _candidate_ranks(
    con: duckdb.DuckDBPyConnection, events: list[ClusterInput], rules: ClusterRules
) -> list[int]:
    rows = []
    for idx, ev in enumerate(events):
        if not ev.date or ev.confidence < rules.min_confidence:
            continue  # an undated event joins nothing
        mode = (ev.mode or "") if rules.same_mode else ""
        sym = ev.type in rules.symmetric_types
        a_keys, r_keys = side_keys(ev, rules)
        if ISO_DATE.fullmatch(ev.date):
            months = probe_months(ev.date, rules.max_day_gap)
        else:  # not an ISO date: no month blocking (the first months of all stored clusters)
            months = [r[0] for r in con.execute("SELECT DISTINCT first_month FROM cluster_keys").fetchall()]
        for side, keys in (("a", a_keys), ("r", r_keys)):
            rows += [(idx, ev.type, mode, side, k, ev.date, sym, m) for k in keys for m in months]
    if not rows:
        return []
    cols = list(zip(*rows, strict=True))
    probe = pa.Table.from_arrays(
        [pa.array(c, type=f.type) for c, f in zip(cols, _PROBE_SCHEMA, strict=True)], schema=_PROBE_SCHEMA
    )
    con.register("_newsevents_probe", probe)
    try:
        return sorted(int(r[0]) for r in con.execute(_CANDIDATES, [rules.max_day_gap]).fetchall())
    finally:
        con.unregister("_newsevents_probe")


_PAIR_SCHEMA = pa.schema([("article_id", pa.string()), ("id", pa.string())])


def _by_key(con: duckdb.DuckDBPyConnection, keys: list[str]) -> dict[str, ClusterInput]:
    """The events named ``article_id/event_id`` (a join on the two columns: no string built per stored row)."""
    if not keys:
        return {}
    pairs = [k.rsplit("/", 1) for k in keys]
    table = pa.Table.from_arrays(
        [pa.array([p[0] for p in pairs], pa.string()), pa.array([p[1] for p in pairs], pa.string())],
        schema=_PAIR_SCHEMA,
    )
    con.register("_newsevents_keys", table)
    try:
        cur = con.execute(
            f"SELECT {_INPUT_COLUMNS} FROM events e JOIN articles a ON a.id = e.article_id "
            "SEMI JOIN _newsevents_keys k ON k.article_id = e.article_id AND k.id = e.id"
        )
        found = [ClusterInput(*row) for row in cur.fetchall()]
    finally:
        con.unregister("_newsevents_keys")
    return {f"{i.article_id}/{i.event_id}": i for i in found}


def update_clusters(con: duckdb.DuckDBPyConnection, rules: ClusterRules | None = None) -> int:
    """Cluster the events of articles stored since the last update; a full rebuild when that is needed.

    ``rules`` None: those of the last build (default rules for a store that has none).  Returns the
    number of clusters.
    """
    kept = stored_rules(con)
    rules = rules or kept or ClusterRules()
    meta = dict(
        con.execute("SELECT key, value FROM meta WHERE key IN ('clusters_upto', 'clusters_stale')").fetchall()
    )
    if kept != rules or "clusters_upto" not in meta or meta.get("clusters_stale") == "1":
        return rebuild_clusters(con, rules)
    since, upto = int(meta["clusters_upto"]), _upto(con)
    dup = "AND a.duplicate_of IS NULL" if rules.exclude_duplicates else ""
    new = _inputs(con, f"WHERE a.ingest_seq > ? {dup}", [since])
    ranks = _candidate_ranks(con, new, rules)
    seeds: list[Cluster] = []
    if ranks:
        stored = con.execute(
            "SELECT rank, first_event, event_ids FROM event_clusters WHERE rank IN (SELECT unnest(?))",
            [ranks],
        ).fetchall()
        firsts = _by_key(con, [r[1] for r in stored])
        seeds = [Cluster(firsts[first], [], int(rank), list(ids)) for rank, first, ids in stored]
    next_rank = con.execute("SELECT coalesce(max(rank) + 1, 0) FROM event_clusters").fetchall()[0][0]
    clusters = cluster_events(new, rules, seed=seeds, first_rank=int(next_rank))
    changed = [c for c in clusters if c.stored_ids and c.members]
    created = [c for c in clusters if not c.stored_ids]
    members = _by_key(con, [k for c in changed for k in c.stored_ids])
    for c in changed:
        c.members[:0] = [members[k] for k in c.stored_ids]
    con.begin()
    try:
        if changed:
            con.execute(
                "DELETE FROM event_clusters WHERE rank IN (SELECT unnest(?))", [[c.rank for c in changed]]
            )
        _insert(con, EVENT_CLUSTERS, [c.row() for c in (*changed, *created)])
        _insert(con, CLUSTER_KEYS, _key_rows(created, rules))
        _meta(con, "clusters_upto", str(upto))
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return int(con.execute("SELECT count(*) FROM event_clusters").fetchall()[0][0])
