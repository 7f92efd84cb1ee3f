"""CSV with a header row naming ``id, date, title, text, url, source`` (only ``text`` required).

The file is streamed row by row (bounded memory).  Each row goes through the same record logic as JSON
Lines, so the two formats accept the same fields (``raw`` with a date header included).  A row the csv
module cannot parse, one with invalid UTF-8, or one with too many fields is an error row naming its
1-based line number (the line the row starts on); the rows around it still land.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from typing import BinaryIO

from newsevents.model import ErrorRecord
from newsevents.readers.base import ReadStream
from newsevents.readers.jsonl import article_from_record
from newsevents.registry import readers

# The csv module refuses fields over 128 KiB by default; a long article should instead reach the
# pipeline's length check, which reports it with the limit and the option to raise it.
FIELD_LIMIT = 64 * 1024 * 1024
_BAD_BYTES = re.compile("[\udc80-\udcff]")  # bytes that were not UTF-8 (kept by surrogateescape)


def _lines(stream: BinaryIO) -> Iterator[str]:
    for raw in stream:
        # surrogateescape keeps undecodable bytes so the row holding them can be reported, not the file.
        yield raw.decode("utf-8", "surrogateescape")


@readers.register("csv", extensions=(".csv", ".csv.gz", ".tsv"))
def read_csv(path: str, stream: BinaryIO, *, date: str | None = None) -> ReadStream:
    """Each row an article; the header row names the fields."""
    csv.field_size_limit(max(csv.field_size_limit(), FIELD_LIMIT))
    head = getattr(stream, "peek", lambda n: b"")(4096)[:4096]
    if b"\x00" in head:
        yield ErrorRecord(path, None, None, "read", "binary file (NUL bytes), not CSV")
        return
    dialect = "excel-tab" if path.lower().endswith(".tsv") else "excel"
    reader = csv.reader(_lines(stream), dialect=dialect, strict=True)
    try:
        header = next(reader)
    except StopIteration:
        yield ErrorRecord(path, None, None, "read", "empty CSV file")
        return
    except (csv.Error, UnicodeError) as exc:
        yield ErrorRecord(path, 1, None, "read", f"unreadable CSV header: {exc}")
        return
    fields = [h.strip().lstrip("\ufeff").lower() for h in header]
    if "text" not in fields and "raw" not in fields:
        yield ErrorRecord(
            path, 1, None, "read", f"CSV header has no 'text' column (found: {', '.join(fields)})"
        )
        return
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            reason = str(exc)
            if "unexpected end of data" in reason:
                reason = "a quoted field opened here is never closed (runs to the end of the file)"
            yield ErrorRecord(path, start, None, "read", f"malformed CSV row: {reason}")
            start = reader.line_num + 1
            continue
        line, start = start, reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue  # blank line
        if any(_BAD_BYTES.search(cell) for cell in row):
            yield ErrorRecord(path, line, None, "read", "row is not valid UTF-8; re-encode the file as UTF-8")
            continue
        if len(row) > len(fields):
            yield ErrorRecord(
                path, line, None, "read", f"row has {len(row)} fields, the header names {len(fields)}"
            )
            continue
        record = {name: value for name, value in zip(fields, row, strict=False) if value != ""}
        yield from article_from_record(record, path=path, line=line, date=date)
