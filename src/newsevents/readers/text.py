"""Plain-text articles, optionally opening with the seed format's `` date YYYY-MM-DD `` header."""

from __future__ import annotations

import re
from pathlib import Path
from typing import BinaryIO

from newsevents.model import ErrorRecord
from newsevents.readers.base import ReadStream, decode_bytes, make_article
from newsevents.registry import readers

# A leading space is optional; the header ends at the first space after the date.
HEADER_RE = re.compile(r"^ ?date (\S+) ")


def split_header(raw: str) -> tuple[str | None, str]:
    """Return (date string or None, text without the header)."""
    m = HEADER_RE.match(raw)
    if not m:
        return None, raw
    return m.group(1), raw[m.end() :]


def read_text_string(
    raw: str, *, path: str | None = None, date: str | None = None, source: str | None = None
) -> ReadStream:
    header_date, text = split_header(raw)
    if not text.strip():
        yield ErrorRecord(path, None, None, "read", "empty article: no text after the header")
        return
    yield make_article(text, date=header_date or date, path=path, source=source)


@readers.register("text", extensions=(".txt", ".text"))
def read_text(path: str, stream: BinaryIO, *, date: str | None = None) -> ReadStream:
    """A text file: one article, seed-format date header optional."""
    try:
        raw = decode_bytes(stream.read(), path)
    except ValueError as exc:
        yield ErrorRecord(path, None, None, "read", str(exc))
        return
    yield from read_text_string(raw, path=path, date=date, source=Path(path).name if path != "-" else None)
