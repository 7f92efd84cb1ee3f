"""JSON Lines: one article per line with ``id, date, title, text, url, source`` (only ``text`` required).

Gold files use ``raw`` (the text reader's input, date header included); that field is accepted too, so the
evaluation reads gold through the same code a user's data goes through.
"""

from __future__ import annotations

import json
from typing import BinaryIO

from newsevents.model import ErrorRecord
from newsevents.readers.base import ReadStream, make_article
from newsevents.readers.text import split_header
from newsevents.registry import readers


def _optional_str(value: object) -> str | None:
    """Metadata fields are strings in the schema; numbers are kept as text, lists/objects dropped."""
    if isinstance(value, str):
        return value or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def article_from_record(rec: object, *, path: str, line: int, date: str | None = None) -> ReadStream:
    """One JSON/CSV record → an article or an error row."""
    if not isinstance(rec, dict):
        yield ErrorRecord(path, line, None, "read", f"expected a JSON object, got {type(rec).__name__}")
        return
    text = rec.get("text")
    header_date = None
    if text is None and isinstance(rec.get("raw"), str):
        header_date, text = split_header(rec["raw"])
    rid = rec.get("id")
    if not isinstance(text, str):
        yield ErrorRecord(path, line, str(rid) if rid else None, "read", "missing or non-string 'text' field")
        return
    if not text.strip():
        yield ErrorRecord(path, line, str(rid) if rid else None, "read", "empty article: 'text' is blank")
        return
    yield make_article(
        text,
        id=rid,
        date=rec.get("date") or header_date or date,
        title=_optional_str(rec.get("title")),
        source=_optional_str(rec.get("source")),
        url=_optional_str(rec.get("url")),
        path=path,
        line=line,
    )


@readers.register("jsonl", extensions=(".jsonl", ".ndjson", ".jsonl.gz", ".json"))
def read_jsonl(path: str, stream: BinaryIO, *, date: str | None = None) -> ReadStream:
    """Each line a JSON object; a broken line is an error row and the rest still lands."""
    for lineno, raw_line in enumerate(stream, start=1):  # streamed: bounded memory on big files
        if lineno == 1:
            if b"\x00" in raw_line[:4096]:
                yield ErrorRecord(path, None, None, "read", "binary file (NUL bytes), not JSON Lines")
                return
            raw_line = raw_line.removeprefix(b"\xef\xbb\xbf")  # a UTF-8 byte-order mark json refuses
        if not raw_line.strip():
            continue
        try:
            rec = json.loads(raw_line)
        except UnicodeDecodeError as exc:
            yield ErrorRecord(
                path, lineno, None, "read", f"line is not valid UTF-8: {exc.reason} at byte {exc.start}"
            )
            continue
        except json.JSONDecodeError as exc:
            yield ErrorRecord(path, lineno, None, "read", f"malformed JSON: {exc}")
            continue
        yield from article_from_record(rec, path=path, line=lineno, date=date)
