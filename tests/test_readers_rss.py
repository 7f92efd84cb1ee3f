"""RSS/Atom reader: each item's content (else summary) as plain text, with title, link and local date."""

from __future__ import annotations

import pytest

from newsevents.model import Article, ErrorRecord
from newsevents.readers import format_for, read_path
from newsevents.readers.rss import html_fragment_text

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Asia Desk</title><link>https://asia.example.net/</link><description>Latest</description>
<item>
  <title>Talks between Seoul and Tokyo resume</title>
  <link>https://asia.example.net/seoul-tokyo</link>
  <guid>https://asia.example.net/seoul-tokyo</guid>
  <pubDate>Thu, 28 Apr 2022 01:30:00 +0900</pubDate>
  <description>&lt;p&gt;Short teaser.&lt;/p&gt;</description>
  <content:encoded><![CDATA[<p>South Korea's foreign minister met his <b>Japanese counterpart</b> in Tokyo.</p>
  <p>Both sides agreed to meet again in June.</p>]]></content:encoded>
</item>
<item>
  <title>Floods in Assam</title>
  <link>https://asia.example.net/assam</link>
  <pubDate>Fri, 29 Apr 2022 18:00:00 GMT</pubDate>
  <description>Heavy rain displaced 40,000 people in Assam &amp; Meghalaya, officials said.</description>
</item>
<item><title>Photo gallery</title><link>https://asia.example.net/photos</link><description></description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Policy Watch</title><id>urn:x:policy</id>
<updated>2021-09-30T23:30:00-05:00</updated>
<entry><title>Senate delays vote</title><link href="https://policy.example.org/senate"/>
<id>urn:x:policy:1</id><updated>2021-09-30T23:30:00-05:00</updated>
<content type="html">&lt;p&gt;The Senate postponed a vote on the spending bill until next week.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Democrats blamed the delay on Republicans.&lt;/li&gt;&lt;/ul&gt;</content>
</entry></feed>"""


def test_readers_rss_items_with_content_or_summary(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "asia.rss"
    path.write_text(RSS, encoding="utf-8")
    first, second, empty = list(read_path(str(path)))
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.text == (
        "South Korea's foreign minister met his Japanese counterpart in Tokyo.\n"
        "Both sides agreed to meet again in June."
    )  # content wins over the teaser; markup gone, paragraphs kept
    assert (first.title, first.url, first.source, first.line) == (
        "Talks between Seoul and Tokyo resume", "https://asia.example.net/seoul-tokyo", "Asia Desk", 1,
    )  # fmt: skip
    # 01:30 in Seoul is still 27 April in UTC: the publisher's calendar day is kept.
    assert first.date == "2022-04-28"
    assert second.text == "Heavy rain displaced 40,000 people in Assam & Meghalaya, officials said."
    assert second.date == "2022-04-29"
    assert isinstance(empty, ErrorRecord) and empty.line == 3 and "empty" in empty.message


@pytest.mark.parametrize("name", ["policy.atom", "policy.xml"])
def test_readers_rss_atom_entries(tmp_path, name) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_text(ATOM, encoding="utf-8")
    assert format_for(str(path)) == "rss"
    [entry] = list(read_path(str(path)))
    assert isinstance(entry, Article)
    assert entry.text.splitlines() == [
        "The Senate postponed a vote on the spending bill until next week.",
        "Democrats blamed the delay on Republicans.",
    ]
    assert entry.date == "2021-09-30" and entry.url == "https://policy.example.org/senate"


def test_readers_rss_undated_items_take_the_date_option(tmp_path) -> None:  # type: ignore[no-untyped-def]
    feed = RSS.replace("<pubDate>Fri, 29 Apr 2022 18:00:00 GMT</pubDate>", "")
    path = tmp_path / "asia.rss"
    path.write_text(feed, encoding="utf-8")
    items = list(read_path(str(path), date="2022-05-02"))
    assert [i.date for i in items if isinstance(i, Article)] == ["2022-04-28", "2022-05-02"]


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        (b"<html><body>Not a feed at all</body></html>", "feed"),
        (b"\x00\x01\x02\x03" * 100, "binary"),
        (
            b'<?xml version="1.0"?><rss version="2.0"><channel><title>Empty</title></channel></rss>',
            "no items",
        ),
    ],
)
def test_readers_rss_non_feeds_are_one_error_row(tmp_path, payload, reason) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "odd.rss"
    path.write_bytes(payload)
    items = list(read_path(str(path)))
    assert len(items) == 1 and isinstance(items[0], ErrorRecord) and reason in items[0].message


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ("<p>One.</p><p>Two &amp; three.</p>", "One.\nTwo & three."),
        ("Line one<br>line two", "Line one\nline two"),
        ("plain &quot;quoted&quot; text", 'plain "quoted" text'),
        ("<div><p>  spaced   out </p></div>", "spaced out"),
    ],
)
def test_readers_rss_html_fragment_text(fragment, expected) -> None:  # type: ignore[no-untyped-def]
    assert html_fragment_text(fragment) == expected
