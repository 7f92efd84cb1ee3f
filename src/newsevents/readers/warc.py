"""WARC files (web crawls such as Common Crawl's CC-NEWS): each HTML response record is one article.

warcio reads plain and gzipped WARCs (per-record gzip members).  Only successful (2xx) HTML ``response``
records (and HTML ``resource`` records) become articles, through the HTML reader's logic; requests,
metadata, redirects and images are skipped.  The article url is the record's ``WARC-Target-URI``; its date
falls back to ``WARC-Date`` (the crawl date) when the page carries none.  ``line`` in articles and error
rows is the 1-based record number inside the WARC.  A truncated or corrupt WARC yields every record read
before the damage plus one error row.
"""

from __future__ import annotations

from typing import Any, BinaryIO

from newsevents.model import ErrorRecord
from newsevents.readers.base import ReadStream
from newsevents.readers.html import article_from_html
from newsevents.registry import readers

HTML_TYPES = ("text/html", "application/xhtml+xml")


def _content_type(record: Any) -> str:
    headers = record.http_headers if record.rec_type == "response" else record.rec_headers
    if headers is None:
        return ""
    return (headers.get_header("Content-Type") or "").split(";")[0].strip().lower()


def _is_html_page(record: Any) -> bool:
    if record.rec_type not in ("response", "resource"):
        return False
    if record.rec_type == "response":
        status = record.http_headers.get_statuscode() if record.http_headers else ""
        if not str(status).startswith("2"):
            return False
    return _content_type(record) in HTML_TYPES


@readers.register("warc", extensions=(".warc", ".warc.gz", ".arc", ".arc.gz"))
def read_warc(path: str, stream: BinaryIO, *, date: str | None = None) -> ReadStream:
    """Every HTML page inside a WARC, with url and crawl date from the record headers."""
    from warcio.archiveiterator import ArchiveIterator

    number, pages = 0, 0
    try:
        for record in ArchiveIterator(stream, arc2warc=True):
            number += 1
            if not _is_html_page(record):
                continue
            pages += 1
            url = record.rec_headers.get_header("WARC-Target-URI")
            warc_date = record.rec_headers.get_header("WARC-Date")
            body = record.content_stream().read()
            if getattr(record.raw_stream, "limit", 0) > 0:  # fewer bytes than Content-Length: cut short
                yield ErrorRecord(
                    path, number, None, "read", f"WARC truncated inside record {number} ({url})"
                )
                return
            yield article_from_html(body, path=path, line=number, url=url, fallback_date=warc_date or date)
    except Exception as exc:  # noqa: BLE001 - warcio raises many types on damaged input; keep what was read
        yield ErrorRecord(
            path,
            number + 1,
            None,
            "read",
            f"WARC unreadable after record {number}: {type(exc).__name__}: {str(exc)[:200]}",
        )
        return
    if pages == 0:
        yield ErrorRecord(path, None, None, "read", f"no HTML response records among {number} WARC records")
