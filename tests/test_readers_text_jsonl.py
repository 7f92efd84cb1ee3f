"""Text and JSON Lines readers: date headers, fields, and every bad line as an error row."""

from __future__ import annotations

import gzip
import json

import pytest

from newsevents.model import Article, ErrorRecord
from newsevents.readers import read_path

STORY = (
    "The foreign ministers of Egypt and Jordan met in Cairo on Monday to discuss the crisis in Gaza. "
    "“We will not accept any forced displacement,” the Egyptian minister told reporters."
)


def _articles(items):  # type: ignore[no-untyped-def]
    return [i for i in items if isinstance(i, Article)]


def _errors(items):  # type: ignore[no-untyped-def]
    return [i for i in items if isinstance(i, ErrorRecord)]


@pytest.mark.parametrize(
    ("header", "date", "precision"),
    [
        (" date 2022-04-28 ", "2022-04-28", "day"),
        ("date 2022-04-28 ", "2022-04-28", "day"),
        (" date 2021-11 ", "2021-11", "month"),
    ],
)
def test_readers_text_header_sets_date_and_is_stripped(tmp_path, header, date, precision) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "story.txt"
    path.write_text(header + STORY, encoding="utf-8")
    [article] = list(read_path(str(path)))
    assert isinstance(article, Article)
    assert (article.date, article.date_precision) == (date, precision)
    assert article.text == STORY
    assert article.path == str(path)


def test_readers_text_without_header_uses_date_option_or_none(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    [undated] = list(read_path(str(path)))
    [dated] = list(read_path(str(path), date="2023-10-09"))
    assert isinstance(undated, Article) and undated.date is None
    assert isinstance(dated, Article) and dated.date == "2023-10-09"


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        (b" date 2022-13-45 " + STORY.encode(), "impossible date"),
        ("Caf\u00e9 talks in Montr\u00e9al ended.".encode("latin-1"), "UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        (b" date 2022-04-28 \n  \n", "empty"),
    ],
)
def test_readers_text_bad_file_is_one_error_row(tmp_path, payload, reason) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bad.txt"
    path.write_bytes(payload)
    items = list(read_path(str(path)))
    assert len(items) == 1 and isinstance(items[0], ErrorRecord)
    assert items[0].path == str(path)
    assert reason.lower() in items[0].message.lower()


def test_readers_jsonl_fields_and_stable_ids(tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = [
        {
            "id": "a1",
            "date": "2023-03-02",
            "title": "Talks",
            "text": STORY,
            "url": "https://x.org/1",
            "source": "X",
        },
        {"text": "Protesters marched through Nairobi on Saturday demanding lower food prices."},
        {"raw": " date 2019-07 Lawmakers in Lima voted to dissolve the commission."},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    first, second, third = list(read_path(str(path)))
    assert isinstance(first, Article) and isinstance(second, Article) and isinstance(third, Article)
    assert (first.id, first.date, first.title, first.url, first.source, first.line) == (
        "a1", "2023-03-02", "Talks", "https://x.org/1", "X", 1,
    )  # fmt: skip
    assert third.date == "2019-07" and third.date_precision == "month"
    assert third.text.startswith("Lawmakers")
    again = list(read_path(str(path)))
    assert [a.id for a in again] == [first.id, second.id, third.id]  # re-runs never duplicate


def test_readers_jsonl_bad_lines_are_error_rows_good_lines_land(tmp_path) -> None:  # type: ignore[no-untyped-def]
    good = json.dumps({"text": STORY, "date": "2022-04-28"}).encode()
    lines = [
        good,
        b'{"text": "The talks collapsed", ',  # 2: malformed JSON
        json.dumps({"text": "   "}).encode(),  # 3: empty article
        '{"text": "Caf\u00e9 owners protested."}'.encode("latin-1"),  # 4: not UTF-8
        json.dumps({"text": STORY, "date": "2022-13-45"}).encode(),  # 5: impossible date
        json.dumps({"title": "no text"}).encode(),  # 6: missing text
        json.dumps(["a", "list"]).encode(),  # 7: not an object
        good.replace(b"2022-04-28", b"2022-05-01"),
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    items = list(read_path(str(path)))
    assert [a.line for a in _articles(items)] == [1, 8]
    errors = {e.line: e.message for e in _errors(items)}
    assert sorted(errors) == [2, 3, 4, 5, 6, 7]
    assert "malformed JSON" in errors[2]
    assert "empty" in errors[3]
    assert "UTF-8" in errors[4]
    assert "impossible date" in errors[5]
    assert "text" in errors[6]
    assert all(e.path == str(path) for e in _errors(items))


def test_readers_jsonl_gzip_bom_and_binary(tmp_path) -> None:  # type: ignore[no-untyped-def]
    gz = tmp_path / "in.jsonl.gz"
    gz.write_bytes(gzip.compress(b"\xef\xbb\xbf" + json.dumps({"text": STORY}).encode() + b"\n"))
    [article] = list(read_path(str(gz)))
    assert isinstance(article, Article) and article.text == STORY
    binary = tmp_path / "blob.jsonl"
    binary.write_bytes(b"\x00\x01\x02" * 1000 + b"\n" + b"\x00" * 50)
    items = list(read_path(str(binary)))
    assert len(items) == 1 and isinstance(items[0], ErrorRecord) and "binary" in items[0].message
