"""The embedded event database: one DuckDB file holding articles, actors, quotes, events, errors and clusters.

Writes are incremental and idempotent: ``add_results`` skips articles already stored (same id) unless
``reprocess`` is set, and commits everything one call adds — articles, all their records, error rows,
MinHash signatures — in one transaction, so a process killed at any moment leaves the file at a batch
boundary and a re-run completes it to exactly what one clean run gives.  Error rows are keyed by a hash of
(path, line, article id, stage, message), so re-reading a bad input never adds them twice.

DuckDB allows one writing process per file; readers in other processes open it with ``read_only=True``
when no writer holds it (see docs/store.md).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from newsevents.model import ErrorRecord, Result
from newsevents.store import rows as R
from newsevents.store.dedup import (
    SCHEME,
    DedupConfig,
    NearDuplicateIndex,
    signature,
    signature_bytes,
    signature_from_bytes,
)
from newsevents.store.schema import MINHASHES, SCHEMA_VERSION, TABLES_BY_NAME, VIEWS, missing_columns

DEFAULT_DB = "newsevents.duckdb"


def fetch_dicts(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """The pending result as dicts (column name → value); STRUCTs come back as dicts, LISTs as lists."""
    if cur.description is None:
        return []
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


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


_CHILD_TABLES = ("actors", "mentions", "quotes", "events", "errors", "minhashes")


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
    """A DuckDB event store at ``path`` (``":memory:"`` for a throw-away one)."""

    def __init__(
        self, path: str | Path = DEFAULT_DB, read_only: bool = False, *, dedup: DedupConfig | None = None
    ) -> None:
        self.path = str(path)
        self.read_only = read_only
        self.dedup_config = dedup or DedupConfig()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._index: NearDuplicateIndex | None = None
        self._next_seq: int | None = None
        self._lock = threading.Lock()  # one DuckDB connection is not safe to share between threads unguarded

    # ---- connection ---------------------------------------------------------------------------------

    def connect(self) -> duckdb.DuckDBPyConnection:
        """The open connection (opened, and for writers the schema created, on first use)."""
        if self._con is None:
            if self.read_only and self.path != ":memory:" and not Path(self.path).exists():
                raise FileNotFoundError(
                    f"no newsevents database at {self.path}; create it with `newsevents ingest`"
                )
            self._con = duckdb.connect(self.path, read_only=self.read_only)
            if not self.read_only:
                create_schema(self._con)
        return self._con

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    def __enter__(self) -> Store:
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
        with self._lock:
            con = self.connect()
            return fetch_dicts(con.execute(sql, params) if params is not None else con.execute(sql))

    def query_arrow(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> Any:
        """Run one SQL query; the result as a ``pyarrow.Table``."""
        with self._lock:
            con = self.connect()
            return con.sql(sql, params=params).to_arrow_table()

    def tables(self) -> dict[str, int]:
        """Row count of every table."""
        return {name: self.query(f"SELECT count(*) AS n FROM {name}")[0]["n"] for name in TABLES_BY_NAME}

    # ---- reads --------------------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return bool(self.query("SELECT 1 AS x FROM articles WHERE id = ? LIMIT 1", [article_id]))

    def article_ids(self) -> set[str]:
        return {r["id"] for r in self.query("SELECT id FROM articles")}

    def load_results(self, article_ids: Iterable[str] | None = None) -> list[Result]:
        """Records back as :class:`Result` objects (all articles, or the given ids), in ingest order."""
        con = self.connect()
        ids = None if article_ids is None else list(article_ids)
        tables: dict[str, list[dict[str, Any]]] = {}
        with self._lock:
            for name in ("articles", "actors", "mentions", "quotes", "events", "errors"):
                key = "id" if name == "articles" else "article_id"
                if ids is None:
                    rel = con.execute(f"SELECT * FROM {name}")
                else:
                    rel = con.execute(f"SELECT * FROM {name} WHERE {key} IN (SELECT unnest(?))", [ids])
                tables[name] = fetch_dicts(rel)
        return R.results_from_rows(tables)

    def get_result(self, article_id: str) -> Result | None:
        found = self.load_results([article_id])
        return found[0] if found else None

    # ---- writes -------------------------------------------------------------------------------------

    def _dedup_index(self) -> NearDuplicateIndex:
        if self._index is None:
            index = NearDuplicateIndex(self.dedup_config)
            rows = self.connect().execute(
                "SELECT m.article_id, m.signature, a.ingest_seq, a.duplicate_of FROM minhashes m "
                "JOIN articles a ON a.id = m.article_id WHERE m.num_perm = ? AND m.scheme = ? ORDER BY a.ingest_seq",
                [self.dedup_config.num_perm, SCHEME],
            )
            for article_id, blob, seq, dup in rows.fetchall():
                index.add(article_id, signature_from_bytes(blob, self.dedup_config), seq, dup)
            self._index = index
        return self._index

    def _seq_start(self) -> int:
        if self._next_seq is None:
            row = self.connect().execute("SELECT coalesce(max(ingest_seq) + 1, 0) FROM articles").fetchone()
            self._next_seq = int(row[0]) if row else 0
        return self._next_seq

    def add_results(
        self, items: Iterable[Result | ErrorRecord], *, reprocess: bool = False, model: str | None = None
    ) -> AddCounts:
        """Store results and error rows in ONE transaction; already-stored articles are skipped unless reprocess."""
        if self.read_only:
            raise PermissionError("this store was opened read-only")
        items = list(items)
        with self._lock:
            con = self.connect()
            index = self._dedup_index() if self.dedup_config.enabled else None
            seq = self._seq_start()
            ids = [it.article.id for it in items if isinstance(it, Result)]
            stored = self._stored_seqs(con, ids)
            counts = AddCounts()
            table_rows: dict[str, list[R.Row]] = {name: [] for name in (*R.TABLE_OF, "minhashes")}
            replaced: list[str] = []
            pending_index: list[tuple[str, Any, int, str | None]] = []
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
                    art_seq = stored[aid]  # a reprocessed article keeps its place in the ingest order
                else:
                    art_seq, seq = seq, seq + 1
                dup: tuple[str, float] | None = None
                sig = signature(item.article.text, self.dedup_config) if index is not None else None
                if index is not None and sig is not None:
                    dup = index.find(aid, sig, art_seq)
                    # Later articles of this same batch must see this one: add before the commit and undo on error.
                    index.add(aid, sig, art_seq, dup[0] if dup else None)
                    pending_index.append((aid, sig, art_seq, dup[0] if dup else None))
                    table_rows["minhashes"].append(
                        (aid, self.dedup_config.num_perm, SCHEME, signature_bytes(sig))
                    )
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
                con.commit()
            except BaseException:
                con.rollback()
                for aid, *_ in pending_index:
                    if index is not None:
                        index.remove(aid)
                self._index = None  # rebuilt from the file on next use: exact state after the rollback
                raise
            self._next_seq = seq
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
        table = MINHASHES if name == "minhashes" else R.TABLE_OF[name]
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
        from newsevents.store.clusters import ClusterRules, rebuild_clusters

        with self._lock:
            return rebuild_clusters(self.connect(), rules or ClusterRules())
