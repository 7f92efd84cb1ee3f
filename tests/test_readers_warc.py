"""WARC reader: HTML responses become articles (url, crawl-date fallback); other records are skipped;
damaged archives keep what was read and add one error row."""

from __future__ import annotations

import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsevents.model import Article, ErrorRecord
from newsevents.readers import format_for, read_path

STORIES = {
    "https://news.example.com/2024/03/chile-fires": (
        "Firefighters in central Chile battled more than 160 wildfires on Sunday as the death toll rose to 112. "
        "President Gabriel Boric declared two days of national mourning and said the government would rebuild "
        "every home lost in Viña del Mar. Officials in Valparaíso said hundreds of people were still missing."
    ),
    "https://news.example.com/2024/03/ghana-vote": (
        "Ghana's parliament passed a bill on Wednesday that tightens rules on political party financing. "
        "The speaker said the vote followed months of consultation with civil society groups in Accra. "
        "The opposition walked out before the final reading, calling the measure rushed and unfair."
    ),
}


def _page(text: str, *, dated: bool) -> bytes:
    meta = '<meta property="article:published_time" content="2024-02-04T08:00:00Z">' if dated else ""
    paragraphs = "".join(f"<p>{s.strip()}.</p>" for s in text.split(". ") if s.strip())
    return (
        f"<html><head><title>News</title>{meta}</head><body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav>"
        f"<article>{paragraphs}</article><footer>Contact us · Terms</footer></body></html>"
    ).encode()


def _response(
    writer, url, payload, *, status="200 OK", ctype="text/html; charset=utf-8", date="2024-02-05T11:30:00Z"
):  # type: ignore[no-untyped-def]
    headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url,
        "response",
        payload=io.BytesIO(payload),
        http_headers=headers,
        warc_headers_dict={"WARC-Date": date},
    )
    writer.write_record(record)


def build_warc(*, gzip: bool = True, dated_first: bool = False) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("crawl.warc.gz", {"software": "test-crawler"}))
    (url1, text1), (url2, text2) = STORIES.items()
    request = writer.create_warc_record(url1, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
    writer.write_record(request)
    _response(writer, url1, _page(text1, dated=dated_first))
    _response(
        writer, "https://news.example.com/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(300), ctype="image/png"
    )
    _response(writer, "https://news.example.com/gone", _page(text2, dated=False), status="404 Not Found")
    _response(writer, url2, _page(text2, dated=False), date="2024-03-06T23:10:00Z")
    return buf.getvalue()


@pytest.mark.parametrize(("gzip", "name"), [(True, "crawl.warc.gz"), (False, "crawl.warc")])
def test_readers_warc_html_responses_become_articles(tmp_path, gzip, name) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_bytes(build_warc(gzip=gzip))
    assert format_for(str(path)) == "warc"
    items = list(read_path(str(path)))
    assert all(isinstance(i, Article) for i in items), items  # request, image and 404 are skipped
    assert [a.url for a in items] == list(STORIES)
    for article in items:
        first_sentence = STORIES[article.url].split(". ")[0]
        assert first_sentence in article.text
        assert "Contact us" not in article.text
        assert article.path == str(path) and article.line is not None
    # No date on the pages: the crawl date of each record is used.
    assert [a.date for a in items] == ["2024-02-05", "2024-03-06"]


def test_readers_warc_page_date_wins_over_crawl_date(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(build_warc(dated_first=True))
    first = next(iter(read_path(str(path))))
    assert isinstance(first, Article) and first.date == "2024-02-04"


@pytest.mark.parametrize("gzip", [True, False])
def test_readers_warc_truncated_keeps_earlier_records_and_reports(tmp_path, gzip) -> None:  # type: ignore[no-untyped-def]
    data = build_warc(gzip=gzip)
    path = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
    path.write_bytes(data[: len(data) - 200])  # the last page is cut short
    items = list(read_path(str(path)))
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, ErrorRecord)]
    assert [a.url for a in articles] == list(STORIES)[:1]
    assert len(errors) == 1 and errors[0].path == str(path) and errors[0].line is not None


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        (b"<html><body>not an archive</body></html>\n", "WARC unreadable"),
        (b"PK\x03\x04" + bytes(400), "WARC unreadable"),
        (b"", "no HTML"),
    ],
)
def test_readers_warc_garbage_is_one_error_row(tmp_path, payload, reason) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "junk.warc"
    path.write_bytes(payload)
    items = list(read_path(str(path)))
    assert len(items) == 1 and isinstance(items[0], ErrorRecord) and reason in items[0].message
