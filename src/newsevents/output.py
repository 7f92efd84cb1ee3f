"""Writers for extraction results: one file per table (articles, actors, quotes, events, errors).

JSON Lines stream as results arrive.  Parquet (pyarrow) streams too: each table is written in row groups
of :data:`PARQUET_ROW_GROUP` rows with the fixed schema of :mod:`newsevents.output_schema`, so memory stays
bounded on big runs and a table whose fields happen to be all null still gets its real column types.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import TracebackType
from typing import Any, TextIO

from newsevents.model import ErrorRecord, Result

TABLES = ("articles", "actors", "quotes", "events", "errors")
FORMATS = ("jsonl", "parquet")
PARQUET_ROW_GROUP = 5_000


def result_rows(item: Result | ErrorRecord) -> dict[str, list[dict[str, Any]]]:
    """The rows one pipeline output adds to each table."""
    if isinstance(item, ErrorRecord):
        return {"errors": [item.to_dict()]}
    return {
        "articles": [item.article.to_dict()],
        "actors": [a.to_dict() for a in item.actors],
        "quotes": [q.to_dict() for q in item.quotes],
        "events": [e.to_dict() for e in item.events],
        "errors": [e.to_dict() for e in item.errors],
    }


class RecordWriter:
    """Context manager writing each table to ``out_dir/<table>.<ext>``; ``counts`` tracks rows written."""

    def __init__(self, out_dir: str | Path, fmt: str = "jsonl") -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown output format {fmt!r}; use jsonl or parquet")
        self.out_dir, self.fmt = Path(out_dir), fmt
        self.counts = dict.fromkeys(TABLES, 0)
        self._files: dict[str, TextIO] = {}
        self._rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
        self._parquet: dict[str, Any] = {}  # table → pyarrow.parquet.ParquetWriter
        self._open = False

    def __enter__(self) -> RecordWriter:
        self.out_dir.mkdir(parents=True, exist_ok=True)
        if self.fmt == "jsonl":
            # Closed in close(): the files live as long as the writer, not one block.
            self._files = {
                t: open(self.out_dir / f"{t}.jsonl", "w", encoding="utf-8")  # noqa: SIM115
                for t in TABLES
            }
        else:
            import pyarrow.parquet as pq

            from newsevents.output_schema import TABLE_SCHEMAS

            self._parquet = {
                t: pq.ParquetWriter(self.out_dir / f"{t}.parquet", TABLE_SCHEMAS[t]) for t in TABLES
            }
        self._open = True
        return self

    def write(self, item: Result | ErrorRecord) -> None:
        if not self._open:
            raise RuntimeError("RecordWriter.write called outside its 'with' block")
        for table, rows in result_rows(item).items():
            self.counts[table] += len(rows)
            if self.fmt == "jsonl":
                f = self._files[table]
                for row in rows:
                    f.write(json.dumps(row, ensure_ascii=False) + "\n")
            else:
                self._rows[table].extend(rows)
                if len(self._rows[table]) >= PARQUET_ROW_GROUP:
                    self._flush(table)

    def _flush(self, table: str) -> None:
        import pyarrow as pa

        rows = self._rows[table]
        if rows:
            writer = self._parquet[table]
            writer.write_table(pa.Table.from_pylist(rows, schema=writer.schema))
            rows.clear()

    def close(self) -> None:
        if not self._open:
            return
        self._open = False
        if self.fmt == "jsonl":
            for f in self._files.values():
                f.close()
            self._files = {}
            return
        for table in TABLES:  # a table with no rows still gets a file with its schema
            self._flush(table)
            self._parquet[table].close()
        self._parquet = {}

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
