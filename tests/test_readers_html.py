"""HTML reader: main text without boilerplate, title and date from metadata, .html.gz, bad pages."""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter

import pytest

from conftest import CORPUS, shared_file
from newsevents.model import Article, ErrorRecord
from newsevents.readers import format_for, read_path
from newsevents.readers.html import article_from_html

PARAGRAPHS = (
    "Kenya's president on Tuesday signed a bill raising taxes on fuel and mobile money transfers, "
    "despite weeks of protests in Nairobi and Mombasa.",
    "Opposition leader Raila Odinga called the law an attack on ordinary families and urged supporters "
    "to stay home on Friday.",
    "The finance ministry said the new taxes would raise about 200 billion shillings a year and help the "
    "country meet its obligations to the International Monetary Fund.",
    "Police said 23 people had been arrested in the capital since the weekend.",
)
BOILERPLATE = ("Subscribe to our newsletter", "Cookie settings", "Most read this week")


def news_page(
    *, date_meta: str | None = "2023-06-27", title: str = "Kenya's president signs tax bill"
) -> str:
    meta = (
        f'<meta property="article:published_time" content="{date_meta}T09:15:00+03:00">' if date_meta else ""
    )
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{title} | Daily Example</title><meta property="og:title" content="{title}">
<meta property="og:site_name" content="Daily Example">{meta}</head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<div class="promo">{BOILERPLATE[0]}</div></header>
<main><article><h1>{title}</h1>{body}</article></main>
<aside><h2>{BOILERPLATE[2]}</h2><ul><li><a href="/a">Floods hit the coast</a></li>
<li><a href="/b">Election date set</a></li></ul></aside>
<footer><a href="/privacy">Privacy</a> <a href="/cookies">{BOILERPLATE[1]}</a> © 2023 Daily Example</footer>
</body></html>"""


def test_readers_html_keeps_article_drops_boilerplate(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "page.html"
    path.write_text(news_page(), encoding="utf-8")
    [article] = list(read_path(str(path)))
    assert isinstance(article, Article)
    for paragraph in PARAGRAPHS:
        assert paragraph in article.text
    for junk in BOILERPLATE:
        assert junk not in article.text
    assert article.title == "Kenya's president signs tax bill"
    assert (article.date, article.date_precision) == ("2023-06-27", "day")
    assert article.source == "Daily Example"


def test_readers_html_gz_is_gunzipped_by_ending(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(news_page().encode("utf-8")))
    assert format_for(str(path)) == "html"
    [article] = list(read_path(str(path)))
    assert isinstance(article, Article) and PARAGRAPHS[2] in article.text


def test_readers_html_page_date_wins_over_fallback_and_fallback_fills_gaps() -> None:
    dated = article_from_html(news_page().encode(), path="p.html", fallback_date="2020-01-01")
    assert isinstance(dated, Article) and dated.date == "2023-06-27"
    undated = article_from_html(
        news_page(date_meta=None).encode(),
        path="p.html",
        url="https://example.org/news/kenya-tax",
        fallback_date="2023-06-28",
    )
    assert isinstance(undated, Article) and undated.date == "2023-06-28"
    assert undated.url == "https://example.org/news/kenya-tax"


def test_readers_html_non_utf8_page_is_decoded_from_its_charset(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = news_page(title="Café owners in Montréal strike").replace(
        'charset="utf-8"', 'charset="iso-8859-1"'
    )
    path = tmp_path / "latin.html"
    path.write_bytes(page.encode("latin-1"))
    [article] = list(read_path(str(path)))
    assert isinstance(article, Article) and article.title == "Café owners in Montréal strike"


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "binary"),
        (b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article text"),
    ],
)
def test_readers_html_pages_without_article_are_error_rows(tmp_path, payload, reason) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "odd.html"
    path.write_bytes(payload)
    items = list(read_path(str(path)))
    assert len(items) == 1 and isinstance(items[0], ErrorRecord)
    assert reason in items[0].message and items[0].path == str(path)


def test_readers_html_page_over_the_size_limit_is_refused_before_parsing(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import newsevents.readers.html as html_reader

    page = news_page().encode("utf-8")
    monkeypatch.setattr(html_reader, "MAX_HTML_BYTES", len(page) - 1)
    big = tmp_path / "big.html"
    big.write_bytes(page)
    items = list(read_path(str(big)))
    assert len(items) == 1 and isinstance(items[0], ErrorRecord) and "too large" in items[0].message
    monkeypatch.setattr(html_reader, "MAX_HTML_BYTES", len(page))
    assert isinstance(next(iter(read_path(str(big)))), Article)  # at the limit it is still read


def _tokens(text: str) -> Counter[str]:
    return Counter(t.lower() for t in re.findall(r"\w+", text))


def test_readers_html_recall_on_real_pages() -> None:
    # A sample of the real-page corpus (bench/html_extraction.py measures all 181 pages).
    corpus = shared_file(CORPUS / "html-pages")
    truth = json.loads((corpus / "ground-truth.json").read_text(encoding="utf-8"))
    recalls = []
    for page_id in sorted(truth)[:12]:
        [item] = list(read_path(str(corpus / "html" / f"{page_id}.html.gz")))
        assert isinstance(item, Article)
        want, have = _tokens(truth[page_id]["articleBody"]), _tokens(item.text)
        recalls.append(sum((want & have).values()) / sum(want.values()))
    recalls.sort()
    assert recalls[len(recalls) // 2] > 0.9
