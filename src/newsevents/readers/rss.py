"""RSS and Atom feeds: each item is one article (its full content, else its summary).

feedparser parses every RSS/Atom dialect and sanitises the HTML inside items; the HTML is turned into
plain text with lxml, keeping paragraph breaks.  Title, link and the published (else updated) date come
from the item; the source is the feed's title.  ``line`` is the 1-based item number in the feed.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from typing import Any, BinaryIO

from newsevents.model import ErrorRecord
from newsevents.readers.base import ReadStream, make_article
from newsevents.registry import readers

# Elements after which a reader sees a line break.
BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "tr",
        "table",
        "section",
        "article",
        "header",
        "footer",
        "figure",
    ]
)
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


def html_fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment, one line per block element.

    lxml's ``text_content()`` would glue ``<p>a</p><p>b</p>`` into ``ab``; trafilatura's extractors expect
    whole pages and drop short fragments as boilerplate, so block elements get their line breaks here.
    """
    import lxml.html

    if "<" not in fragment:
        import html

        return _SPACES.sub(" ", html.unescape(fragment)).strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # noqa: BLE001 - lxml raises several types on junk; treat it as plain text
        return _SPACES.sub(" ", re.sub(r"<[^>]+>", " ", fragment)).strip()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in BLOCK_TAGS:
            el.tail = "\n" + (el.tail or "")
    lines = (_SPACES.sub(" ", line).strip() for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def local_date(raw: str | None, parsed: Any) -> str | None:
    """The item's calendar date as the publisher wrote it.

    feedparser's ``*_parsed`` fields are converted to UTC, which moves an item published at 01:30+05:00
    to the previous day; the raw string keeps the publisher's day, so it is read first.
    """
    if raw:
        raw = raw.strip()
        try:
            return dt.datetime.fromisoformat(raw.replace("Z", "+00:00")).date().isoformat()
        except ValueError:
            pass
        try:
            return email.utils.parsedate_to_datetime(raw).date().isoformat()
        except (TypeError, ValueError, IndexError):
            pass
    if parsed:
        try:
            return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat()
        except (AttributeError, ValueError):
            return None
    return None


def _item_text(entry: Any) -> str:
    candidates = [c for c in entry.get("content") or [] if c.get("value")]
    detail = entry.get("summary_detail") or {}
    if not candidates and entry.get("summary"):
        candidates = [{"value": entry.get("summary"), "type": detail.get("type", "text/html")}]
    for content in candidates:
        value = str(content.get("value") or "")
        kind = str(content.get("type") or "text/html")
        text = value.strip() if kind == "text/plain" else html_fragment_text(value)
        if text:
            return text
    return ""


@readers.register("rss", extensions=(".rss", ".atom", ".xml"))
def read_rss(path: str, stream: BinaryIO, *, date: str | None = None) -> ReadStream:
    """Every item of an RSS/Atom feed with its content (or summary), title, link and date."""
    import feedparser

    data = stream.read()
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 feeds have NULs
        yield ErrorRecord(path, None, None, "read", "binary data (NUL bytes), not a feed")
        return
    try:
        feed = feedparser.parse(data)
    except Exception as exc:  # noqa: BLE001 - feedparser is lenient, but a crash on one file stays local
        yield ErrorRecord(path, None, None, "read", f"feed unreadable: {type(exc).__name__}: {exc}")
        return
    if not feed.entries:
        reason = f"not a feed: {feed.get('bozo_exception')}" if feed.get("bozo") else "feed has no items"
        yield ErrorRecord(path, None, None, "read", reason)
        return
    source = feed.feed.get("title") or None
    for number, entry in enumerate(feed.entries, start=1):
        item_id = entry.get("id") or None
        text = _item_text(entry)
        if not text:
            yield ErrorRecord(path, number, item_id, "read", "empty feed item: no content or summary")
            continue
        item_date = local_date(entry.get("published"), entry.get("published_parsed")) or local_date(
            entry.get("updated"), entry.get("updated_parsed")
        )
        yield make_article(
            text,
            date=item_date or date,
            title=entry.get("title") or None,
            source=source,
            url=entry.get("link") or None,
            path=path,
            line=number,
        )
