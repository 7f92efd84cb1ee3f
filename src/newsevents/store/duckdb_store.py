"""The embedded event database: one DuckDB file holding articles, actors, quotes, events, errors and clusters.

Writes are incremental and idempotent: ``add_results`` skips articles already stored (same id) unless
``reprocess`` is set, and commits everything one call adds — articles, all their records, error rows,
MinHash signatures — in one transaction, so a process killed at any moment leaves the file at a batch
boundary and a re-run completes it to exactly what one clean run gives.  Error rows are keyed by a hash of
(path, line, article id, stage, message), so re-reading a bad input never adds them twice.

DuckDB lets one process at a time hold a file.  ``keep_open=False`` makes every operation open the file,
do its work and close it again, so two processes (``newsevents serve`` and ``newsevents ingest``) take
turns; a refused open is retried for up to ``lock_timeout`` seconds (``locking.py``, docs/store.md).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from newsevents.model import ErrorRecord, Result
from newsevents.store import rows as R
from newsevents.store.dedup import SCHEME, DedupConfig, signature, signature_bytes
from newsevents.store.locking import open_with_retry
from newsevents.store.lsh import BatchDuplicates, band_rows, ensure_bands
from newsevents.store.schema import (
    LSH_BANDS,
    MINHASHES,
    SCHEMA_VERSION,
    TABLES_BY_NAME,
    VIEWS,
    missing_columns,
)

DEFAULT_DB = "newsevents.duckdb"


def fetch_dicts(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """The pending result as dicts (column name → value); STRUCTs come back as dicts, LISTs as lists."""
    if cur.description is None:
        return []
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def schema_version(con: duckdb.DuckDBPyConnection) -> str | None:
    """The file's ``meta.schema_version`` (None for a new file)."""
    try:
        row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except duckdb.CatalogException:
        return None
    return str(row[0]) if row else None


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create the tables and views; bring a file of an older schema version up to this one (columns added)."""
    for table in TABLES_BY_NAME.values():
        con.execute(table.ddl())
    existing: dict[str, list[str]] = {}
    for table_name, column in con.execute(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = 'main' ORDER BY ordinal_position"
    ).fetchall():
        existing.setdefault(table_name, []).append(column)
    for stmt in missing_columns(existing):
        con.execute(stmt)
    for view in VIEWS:
        con.execute(view)
    con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])


_CHILD_TABLES = ("actors", "mentions", "quotes", "events", "errors", "minhashes", "lsh_bands")


@dataclass
class AddCounts:
    """What one or more ``add_results`` calls did."""

    articles: int = 0
    skipped: int = 0
    duplicates: int = 0
    events: int = 0
    errors: int = 0
    tables: dict[str, int] = field(default_factory=dict)

    def merge(self, other: AddCounts) -> None:
        self.articles += other.articles
        self.skipped += other.skipped
        self.duplicates += other.duplicates
        self.events += other.events
        self.errors += other.errors
        for k, v in other.tables.items():
            self.tables[k] = self.tables.get(k, 0) + v


class Store:
    """A DuckDB event store at ``path`` (``":memory:"`` for a throw-away one).

    ``keep_open=False``: each operation opens the file and closes it after (to share it with another
    process); ``lock_timeout``: seconds to wait for a file another process holds before
    :class:`~newsevents.store.locking.StoreBusyError`; ``defer_to_writer``: also wait while a writer process
    waits for the file (what a server does, so its readers cannot starve an ingest).
    """

    def __init__(
        self,
        path: str | Path = DEFAULT_DB,
        read_only: bool = False,
        *,
        dedup: DedupConfig | None = None,
        keep_open: bool = True,
        lock_timeout: float = 30.0,
        defer_to_writer: bool = False,
    ) -> None:
        self.path = str(path)
        self.read_only = read_only
        self.dedup_config = dedup or DedupConfig()
        self.keep_open = keep_open or self.path == ":memory:"
        self.lock_timeout = lock_timeout
        self.defer_to_writer = defer_to_writer
        self._con: duckdb.DuckDBPyConnection | None = None
        self._lock = threading.RLock()  # one DuckDB connection is not safe to share between threads unguarded

    # ---- connection ---------------------------------------------------------------------------------

    def connect(self) -> duckdb.DuckDBPyConnection:
        """The open connection (opened, and for writers the schema created, on first use)."""
        if self._con is None:
            if self.read_only and self.path != ":memory:" and not Path(self.path).exists():
                raise FileNotFoundError(
                    f"no newsevents database at {self.path}; create it with `newsevents ingest`"
                )
            con = open_with_retry(
                self.path, self.read_only, self.lock_timeout, defer_to_writer=self.defer_to_writer
            )
            if not self.read_only:
                try:
                    if schema_version(con) != SCHEMA_VERSION:  # not on every open of a current file
                        create_schema(con)
                except BaseException:
                    con.close()
                    raise
            self._con = con
        return self._con

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    @contextmanager
    def using(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """The connection for one operation, under the store's lock; closed after unless ``keep_open``."""
        with self._lock:
            try:
                yield self.connect()
            finally:
                if not self.keep_open:
                    self.close()

    def __enter__(self) -> Store:
        if self.keep_open:
            self.connect()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A new cursor on the same database: use one per thread (e.g. per HTTP request)."""
        return self.connect().cursor()

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run one SQL statement; rows as dicts (column name → value)."""
        with self.using() as con:
            return fetch_dicts(con.execute(sql, params) if params is not None else con.execute(sql))

    def query_arrow(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> Any:
        """Run one SQL query; the result as a ``pyarrow.Table``."""
        with self.using() as con:
            return con.sql(sql, params=params).to_arrow_table()

    def tables(self) -> dict[str, int]:
        """Row count of every table."""
        sql = " UNION ALL ".join(
            f"SELECT '{name}' AS name, count(*) AS n FROM {name}" for name in TABLES_BY_NAME
        )
        counts = {r["name"]: int(r["n"]) for r in self.query(sql)}
        return {name: counts[name] for name in TABLES_BY_NAME}

    # ---- reads --------------------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return bool(self.query("SELECT 1 AS x FROM articles WHERE id = ? LIMIT 1", [article_id]))

    def article_ids(self) -> set[str]:
        return {r["id"] for r in self.query("SELECT id FROM articles")}

    def load_results(self, article_ids: Iterable[str] | None = None) -> list[Result]:
        """Records back as :class:`Result` objects (all articles, or the given ids), in ingest order."""
        ids = None if article_ids is None else list(article_ids)
        tables: dict[str, list[dict[str, Any]]] = {}
        with self.using() as con:
            for name in ("articles", "actors", "mentions", "quotes", "events", "errors"):
                key = "id" if name == "articles" else "article_id"
                if ids is None:
                    rel = con.execute(f"SELECT * FROM {name}")
                else:
                    rel = con.execute(f"SELECT * FROM {name} WHERE {key} IN (SELECT unnest(?))", [ids])
                tables[name] = fetch_dicts(rel)
        return R.results_from_rows(tables)

    def events_frame(self, layout: str = "flat", *, unique_only: bool = False) -> Any:
        """Events as a pandas DataFrame: ``flat`` (the ``events_flat`` view), ``events`` (the table),
        ``gdelt`` (GDELT 2.0's 61 columns) or ``polecat`` (POLECAT's columns); see docs/store.md.

        ``unique_only`` leaves out the events of near-duplicate articles.
        """
        from newsevents.store import layouts

        with self.using() as con:
            if layout in layouts.LAYOUTS:
                layouts.register(con)
                sql = layouts.layout_sql(layout, unique_only=unique_only)
            elif layout in ("flat", "events"):
                if layout == "flat":
                    where = " WHERE duplicate_of_article IS NULL" if unique_only else ""
                    sql = f"SELECT * FROM events_flat{where}"
                else:
                    where = (
                        " WHERE article_id IN (SELECT id FROM articles WHERE duplicate_of IS NULL)"
                        if unique_only
                        else ""
                    )
                    sql = f"SELECT * FROM events{where} ORDER BY article_id, seq"
            else:
                raise ValueError(f"unknown layout {layout!r}; use flat, events, {', '.join(layouts.LAYOUTS)}")
            return con.sql(sql).df()

    def get_result(self, article_id: str) -> Result | None:
        found = self.load_results([article_id])
        return found[0] if found else None

    # ---- writes -------------------------------------------------------------------------------------

    @staticmethod
    def _seq_start(con: duckdb.DuckDBPyConnection) -> int:
        # Read at every batch, not cached: another process may have added articles in between.
        row = con.execute("SELECT coalesce(max(ingest_seq) + 1, 0) FROM articles").fetchone()
        return int(row[0]) if row else 0

    def add_results(
        self, items: Iterable[Result | ErrorRecord], *, reprocess: bool = False, model: str | None = None
    ) -> AddCounts:
        """Store results and error rows in ONE transaction; already-stored articles are skipped unless reprocess."""
        if self.read_only:
            raise PermissionError("this store was opened read-only")
        items = list(items)
        with self.using() as con:
            seq = self._seq_start(con)
            ids = [it.article.id for it in items if isinstance(it, Result)]
            stored = self._stored_seqs(con, ids)
            counts = AddCounts()
            table_rows: dict[str, list[R.Row]] = {
                name: [] for name in (*R.TABLE_OF, "minhashes", "lsh_bands")
            }
            replaced: list[str] = []
            todo: list[tuple[Result, int]] = []
            seen: set[str] = set()
            for item in items:
                if isinstance(item, ErrorRecord):
                    table_rows["errors"].append(R.error_row(item))
                    continue
                aid = item.article.id
                if aid in seen or (aid in stored and not reprocess):
                    counts.skipped += 1
                    continue
                seen.add(aid)
                if aid in stored:
                    replaced.append(aid)
                    todo.append(
                        (item, stored[aid])
                    )  # a reprocessed article keeps its place in the ingest order
                else:
                    todo.append((item, seq))
                    seq += 1
            sigs = {}
            finder = None
            if self.dedup_config.enabled:
                ensure_bands(con, self.dedup_config)
                for item, _ in todo:
                    sig = signature(item.article.text, self.dedup_config)
                    if sig is not None:
                        sigs[item.article.id] = sig
                finder = BatchDuplicates(con, self.dedup_config)
                finder.prefetch(list(sigs.items()))
            for item, art_seq in todo:
                aid = item.article.id
                dup: tuple[str, float] | None = None
                sig = sigs.get(aid)
                if finder is not None and sig is not None:
                    # Later articles of this same batch see this one (find_and_add), as in one clean run.
                    dup = finder.find_and_add(aid, sig, art_seq)
                    table_rows["minhashes"].append(
                        (aid, self.dedup_config.num_perm, SCHEME, signature_bytes(sig))
                    )
                    table_rows["lsh_bands"].extend(band_rows(aid, sig, self.dedup_config))
                for name, rows in R.result_rows(
                    item,
                    duplicate_of=dup[0] if dup else None,
                    similarity=dup[1] if dup else None,
                    model=model,
                    seq=art_seq,
                ).items():
                    table_rows[name].extend(rows)
                counts.articles += 1
                counts.duplicates += dup is not None
                counts.events += len(item.events)
            table_rows["errors"] = list({r[0]: r for r in table_rows["errors"]}.values())
            counts.errors = len(table_rows["errors"])
            try:
                con.begin()
                if replaced:
                    for name in (*_CHILD_TABLES, "articles"):
                        key = "id" if name == "articles" else "article_id"
                        con.execute(f"DELETE FROM {name} WHERE {key} IN (SELECT unnest(?))", [replaced])
                for name, rows in table_rows.items():
                    if rows:
                        self._insert(con, name, rows)
                    counts.tables[name] = len(rows)
                if replaced:  # an article changed in place: the clusters after it need a full rebuild
                    con.execute("INSERT OR REPLACE INTO meta VALUES ('clusters_stale', '1')")
                con.commit()
            except BaseException:
                con.rollback()
                raise
            return counts

    @staticmethod
    def _stored_seqs(con: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, int]:
        if not ids:
            return {}
        rows = con.execute(
            "SELECT id, ingest_seq FROM articles WHERE id IN (SELECT unnest(?))", [ids]
        ).fetchall()
        return {aid: int(seq) for aid, seq in rows}

    @staticmethod
    def _insert(con: duckdb.DuckDBPyConnection, name: str, rows: list[R.Row]) -> None:
        table = {"minhashes": MINHASHES, "lsh_bands": LSH_BANDS}.get(name) or R.TABLE_OF[name]
        arrow = R.to_arrow(table, rows)
        verb = "INSERT OR IGNORE INTO" if table.primary_key and name != "articles" else "INSERT INTO"
        cols = ", ".join(f'"{c}"' for c in table.column_names)
        con.register("_newsevents_rows", arrow)
        try:
            # Columns by name, not position: a migrated file may order them differently from a new one.
            con.execute(f"{verb} {name} ({cols}) SELECT {cols} FROM _newsevents_rows")
        finally:
            con.unregister("_newsevents_rows")

    def add_stream(
        self,
        items: Iterable[Result | ErrorRecord],
        *,
        batch_size: int = 64,
        reprocess: bool = False,
        model: str | None = None,
    ) -> Iterator[AddCounts]:
        """Commit ``items`` in batches of ``batch_size`` articles; yields the counts of each committed batch."""
        batch: list[Result | ErrorRecord] = []
        n_articles = 0
        for item in items:
            batch.append(item)
            n_articles += isinstance(item, Result)
            if n_articles >= batch_size:
                yield self.add_results(batch, reprocess=reprocess, model=model)
                batch, n_articles = [], 0
        if batch:
            yield self.add_results(batch, reprocess=reprocess, model=model)

    def recluster(self, rules: Any = None) -> int:
        """Rebuild ``event_clusters`` from all stored events (see ``clusters.py``); returns the cluster count."""
        from newsevents.store.cluster_store import rebuild_clusters
        from newsevents.store.clusters import ClusterRules

        with self.using() as con:
            return rebuild_clusters(con, rules or ClusterRules())

    def update_clusters(self, rules: Any = None) -> int:
        """Cluster only the events stored since the last clustering (``cluster_store.py``): the same clusters
        as ``recluster``, at a cost that grows with the new events.  ``rules`` None keeps the stored ones."""
        from newsevents.store.cluster_store import update_clusters

        with self.using() as con:
            return update_clusters(con, rules)
