"""Export the store as files: the flat POLECAT-like ``events_flat`` table plus every record table.

DuckDB's ``COPY`` writes Parquet, CSV (with header) and JSON Lines directly from SQL, so no row passes
through Python.  Signatures and metadata stay inside the database.
"""

from __future__ import annotations

from pathlib import Path

from newsevents.store.duckdb_store import Store

EXPORT_TABLES = (
    "events_flat",
    "articles",
    "actors",
    "mentions",
    "quotes",
    "events",
    "errors",
    "event_clusters",
)
FORMATS = {"parquet": "(FORMAT parquet)", "csv": "(FORMAT csv, HEADER true)", "jsonl": "(FORMAT json)"}
_ORDER = {
    "articles": "ORDER BY ingest_seq",
    "actors": "ORDER BY article_id, seq",
    "mentions": "ORDER BY article_id, actor_id, seq",
    "quotes": "ORDER BY article_id, seq",
    "events": "ORDER BY article_id, seq",
    "errors": "ORDER BY path, line, id",
    "event_clusters": "ORDER BY id",
    "events_flat": "",
}


def export(store: Store, out_dir: str | Path, fmt: str = "parquet") -> dict[str, Path]:
    """Write one file per table to ``out_dir`` (``<table>.parquet|csv|jsonl``); returns table → file."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; use {', '.join(FORMATS)}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    con = store.connect()
    written = {}
    for name in EXPORT_TABLES:
        path = out / f"{name}.{fmt}"
        quoted = str(path).replace("'", "''")
        con.execute(f"COPY (SELECT * FROM {name} {_ORDER[name]}) TO '{quoted}' {FORMATS[fmt]}")
        written[name] = path
    return written
