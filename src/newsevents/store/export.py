"""Export the store as files: the flat POLECAT-like ``events_flat`` table plus every record table, or one
table in another project's layout (GDELT 2.0, POLECAT: ``layouts.py``), optionally partitioned by month.

DuckDB's ``COPY`` writes Parquet, CSV (with header) and JSON Lines directly from SQL, so no row passes
through Python.  With ``partition="month"`` the tables that have a date are written Hive-style —
``<table>/month=2022-03/data_0.parquet`` — which Dask, Spark, pandas/pyarrow and DuckDB read back as one
dataset with a ``month`` column.  Signatures and metadata stay inside the database.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from newsevents.store import layouts
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
FORMATS = {"parquet": "FORMAT parquet", "csv": "FORMAT csv, HEADER true", "jsonl": "FORMAT json"}
# GDELT publishes tab-separated files without a header; POLECAT tab-separated with one.
LAYOUT_CSV = {
    "gdelt": "FORMAT csv, DELIMITER '\t', HEADER false",
    "polecat": "FORMAT csv, DELIMITER '\t', HEADER true",
}
PARTITIONS = ("month",)
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
# The date a partitioned table is split on ("YYYY-MM-DD", "YYYY-MM" or "YYYY" strings).
_DATE_OF = {"articles": "date", "events": "date", "events_flat": "date", "event_clusters": "date"}
_LAYOUT_DATE = {"gdelt": "CAST(SQLDATE AS VARCHAR)", "polecat": '"Event Date"'}


def month_of(date_sql: str) -> str:
    """SQL for the partition value: 'YYYY-MM', 'YYYY' for a year-only date, 'undated' for none."""
    d = f"replace(CAST({date_sql} AS VARCHAR), '-', '')"  # GDELT's SQLDATE is 20220304
    return (
        f"CASE WHEN length({d}) >= 6 THEN substr({d}, 1, 4) || '-' || substr({d}, 5, 2) "
        f"WHEN length({d}) = 4 THEN {d} ELSE 'undated' END"
    )


def _quoted(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def export(
    store: Store,
    out_dir: str | Path,
    fmt: str = "parquet",
    *,
    partition: str | None = None,
    layout: str = "tables",
) -> dict[str, Path]:
    """Write ``out_dir/<table>.<ext>`` per table (``layout="tables"``) or ``out_dir/<layout>_events.<ext>``.

    With ``partition="month"`` dated tables become directories of Hive partitions. Returns table → path.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; use {', '.join(FORMATS)}")
    if partition is not None and partition not in PARTITIONS:
        raise ValueError(f"unknown partition {partition!r}; use {', '.join(PARTITIONS)}")
    if partition is not None and fmt == "jsonl":
        raise ValueError("--partition needs --format parquet or csv")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    ext = "csv" if fmt == "csv" and layout == "gdelt" else fmt
    written = {}
    with store.using() as con:
        if layout == "tables":
            jobs = [
                (name, f"SELECT * FROM {name} {_ORDER[name]}", _DATE_OF.get(name)) for name in EXPORT_TABLES
            ]
        elif layout in layouts.LAYOUTS:
            layouts.register(con)
            jobs = [(f"{layout}_events", layouts.layout_sql(layout), _LAYOUT_DATE[layout])]
        else:
            raise ValueError(f"unknown layout {layout!r}; use tables, {', '.join(layouts.LAYOUTS)}")
        options = LAYOUT_CSV[layout] if fmt == "csv" and layout in LAYOUT_CSV else FORMATS[fmt]
        for name, sql, date_col in jobs:
            if partition and date_col:
                path = out / name
                if path.exists():
                    shutil.rmtree(path)  # a re-export replaces the dataset instead of mixing two
                sql = f"SELECT *, {month_of(date_col)} AS month FROM ({sql})"
                con.execute(f"COPY ({sql}) TO {_quoted(path)} ({options}, PARTITION_BY (month))")
            else:
                path = out / f"{name}.{ext}"
                con.execute(f"COPY ({sql}) TO {_quoted(path)} ({options})")
            written[name] = path
    return written
