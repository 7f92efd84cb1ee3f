"""HTML pages: the main text via trafilatura, title and date from the page's metadata.

trafilatura drops navigation, footers, share buttons and comments and keeps the article body (see
``docs/readers.md`` for its measured recall on 181 real pages).  The date comes from the page metadata
(htmldate: ``<meta>`` tags, JSON-LD, ``<time>``, the URL); when the page has none, the caller's fallback
(the WARC record date, or ``--date``) is used.  ``.html.gz`` files are gunzipped by the dispatcher.
"""

from __future__ import annotations

import logging
from typing import BinaryIO
from urllib.parse import urlparse

from newsevents.model import ErrorRecord
from newsevents.readers.base import ReadItem, ReadStream, make_article
from newsevents.registry import readers

HTML_EXTENSIONS = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz")
MAX_HTML_BYTES = 20_000_000
MIN_WORDS = 5  # fewer words than this is a menu or an error page, not an article
# Only dates the page states (meta tags, JSON-LD, <time>, URL): htmldate's extensive search also guesses
# from free text, turning "© 2023" in a footer into 2023-01-01 — worse than the WARC/--date fallback.
DATE_PARAMS = {
    "extensive_search": False,
    "original_date": True,
}  # a page beyond this is not an article; parsing it would only eat memory

# trafilatura and htmldate log every page they find nothing in; the reader reports that as an error row.
for _noisy in ("trafilatura", "htmldate"):
    logging.getLogger(_noisy).setLevel(logging.CRITICAL)


def looks_binary(data: bytes) -> bool:
    """NUL bytes near the start: an image, archive or other binary, not markup."""
    return b"\x00" in data[:4096]


def article_from_html(
    data: bytes,
    *,
    path: str | None,
    line: int | None = None,
    url: str | None = None,
    fallback_date: str | None = None,
) -> ReadItem:
    """One HTML document → an article (main text, title, date, url, source) or an error row."""
    if not data.strip():
        return ErrorRecord(path, line, None, "read", "empty HTML document")
    if looks_binary(data):
        return ErrorRecord(path, line, None, "read", "binary data (NUL bytes), not an HTML page")
    if len(data) > MAX_HTML_BYTES:
        return ErrorRecord(path, line, None, "read", f"HTML page too large ({len(data):,} bytes)")
    import trafilatura  # imported here: it pulls lxml/htmldate/justext, costly for text-only runs

    try:
        doc = trafilatura.bare_extraction(
            data,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params=DATE_PARAMS,
        )
    except Exception as exc:  # noqa: BLE001 - a parser crash on one page must not stop the batch
        return ErrorRecord(path, line, None, "read", f"HTML extraction failed: {type(exc).__name__}: {exc}")
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    if len(text.split()) < MIN_WORDS:
        return ErrorRecord(path, line, None, "read", "no article text found in the HTML page")
    page_url = url or getattr(doc, "url", None) or None
    source = getattr(doc, "sitename", None) or getattr(doc, "hostname", None) or _host(page_url)
    page_date = getattr(doc, "date", None) or None
    item = make_article(
        text,
        date=page_date or fallback_date,
        title=getattr(doc, "title", None),
        source=source,
        url=page_url,
        path=path,
        line=line,
    )
    if isinstance(item, ErrorRecord) and page_date and fallback_date:
        # The page's own date was unusable: the fallback (WARC date, --date) is still a real date.
        return make_article(
            text,
            date=fallback_date,
            title=getattr(doc, "title", None),
            source=source,
            url=page_url,
            path=path,
            line=line,
        )
    return item


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(url).hostname
    return host.removeprefix("www.") if host else None


@readers.register("html", extensions=HTML_EXTENSIONS)
def read_html(path: str, stream: BinaryIO, *, date: str | None = None) -> ReadStream:
    """One HTML page per file: its main text, title and date (the page's own date wins over ``--date``)."""
    yield article_from_html(stream.read(), path=path, fallback_date=date)
