"""Writers for extraction results: one file per table (articles, actors, quotes, events, errors).

JSON Lines stream as results arrive; Parquet (pyarrow) collects each table and writes it on close.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import TracebackType
from typing import Any, TextIO

from newsevents.model import ErrorRecord, Result

TABLES = ("articles", "actors", "quotes", "events", "errors")


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
        if fmt not in ("jsonl", "parquet"):
            raise ValueError(f"unknown output format {fmt!r}; use jsonl or parquet")
        self.out_dir, self.fmt = Path(out_dir), fmt
        self.counts = dict.fromkeys(TABLES, 0)
        self._files: dict[str, TextIO] = {}
        self._rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}

    def __enter__(self) -> RecordWriter:
        self.out_dir.mkdir(parents=True, exist_ok=True)
        if self.fmt == "jsonl":
            self._files = {t: open(self.out_dir / f"{t}.jsonl", "w", encoding="utf-8") for t in TABLES}
        return self

    def write(self, item: Result | ErrorRecord) -> None:
        for table, rows in result_rows(item).items():
            self.counts[table] += len(rows)
            if self.fmt == "jsonl":
                f = self._files[table]
                for row in rows:
                    f.write(json.dumps(row, ensure_ascii=False) + "\n")
            else:
                self._rows[table].extend(rows)

    def close(self) -> None:
        if self.fmt == "jsonl":
            for f in self._files.values():
                f.close()
            self._files = {}
            return
        import pyarrow as pa
        import pyarrow.parquet as pq

        for table, rows in self._rows.items():
            # An empty table still gets a file, so readers always find all five.
            pq.write_table(pa.Table.from_pylist(rows) if rows else pa.table({}), self.out_dir / f"{table}.parquet")

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
