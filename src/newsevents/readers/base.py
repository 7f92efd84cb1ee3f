"""What every reader shares: the item type it yields, date checking, and decoding with clear errors."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Union

from newsevents.errors import DateError
from newsevents.model import Article, DatePrecision, ErrorRecord

ReadItem = Union[Article, ErrorRecord]  # noqa: UP007 - used at run time as a type alias
ReadStream = Iterator[ReadItem]

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def parse_article_date(value: str) -> tuple[str, DatePrecision]:
    """Validate ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (also a full ISO timestamp, whose day is kept).

    Raises :class:`DateError` with the reason for impossible dates such as ``2022-13-45``.
    """
    raw = value.strip()
    iso = re.match(r"^(\d{4}-\d{2}-\d{2})[T ]", raw)
    if iso:
        raw = iso.group(1)
    m = _DATE_RE.match(raw)
    if not m:
        raise DateError(f"unrecognised date {value!r}; expected YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = m.group(1), m.group(2), m.group(3)
    try:
        if day is not None:
            d = dt.date(int(year), int(month), int(day))
            return d.isoformat(), "day"
        if month is not None:
            dt.date(int(year), int(month), 1)
            return f"{int(year):04d}-{int(month):02d}", "month"
    except ValueError as exc:
        raise DateError(f"impossible date {value!r}: {exc}") from None
    return f"{int(year):04d}", "year"


def decode_bytes(data: bytes, path: str | None) -> str:
    """Decode text input; binary data is refused with a reason rather than turned into mojibake."""
    if b"\x00" in data[:8192]:
        raise ValueError("binary file (NUL bytes), not text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); re-encode the file as UTF-8"
        ) from None


def make_article(
    text: str,
    *,
    id: str | None = None,
    date: str | None = None,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    path: str | None = None,
    line: int | None = None,
) -> ReadItem:
    """Build an :class:`Article`, or an :class:`ErrorRecord` if its date is impossible."""
    precision: DatePrecision | None = None
    if date:
        try:
            date, precision = parse_article_date(str(date))
        except DateError as exc:
            return ErrorRecord(path, line, id, "read", str(exc))
    else:
        date = None
    article_id = str(id) if id not in (None, "") else Article.make_id(text, source or url)
    return Article(
        id=article_id,
        text=text,
        date=date,
        date_precision=precision,
        title=title or None,
        source=source or None,
        url=url or None,
        path=path,
        line=line,
    )
