"""CSV reader: header-named fields, multi-line quoted text, and broken rows as error rows with line numbers."""

from __future__ import annotations

import csv
import io

import pytest

from newsevents.model import Article, ErrorRecord
from newsevents.readers import read_path


def _write_csv(path, header, rows) -> None:  # type: ignore[no-untyped-def]
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(header)
    writer.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


def test_readers_csv_reads_named_columns_in_any_order(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "news.csv"
    text = (
        'The prime minister said on Friday that "no deal is better than a bad deal".\nTalks resume next week.'
    )
    _write_csv(
        path,
        ["source", "text", "date", "id", "title", "url"],
        [
            ["Reuters", text, "2020-10-16", "r-1", "Brexit talks", "https://r.example/1"],
            ["", "Rescue teams reached the flooded villages in Sindh province.", "", "", "", ""],
        ],
    )
    first, second = list(read_path(str(path)))
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.text == text  # quoted field with a newline and doubled quotes survives
    assert (first.id, first.date, first.source, first.title, first.line) == (
        "r-1", "2020-10-16", "Reuters", "Brexit talks", 2,
    )  # fmt: skip
    assert second.line == 4  # the first row spans lines 2-3
    assert second.date is None and second.source is None and second.id


def test_readers_csv_only_text_is_required(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "plain.csv"
    _write_csv(path, ["text"], [["Ukraine and Poland signed a grain transit agreement in Warsaw."]])
    [article] = list(read_path(str(path), date="2023-09-21"))
    assert isinstance(article, Article) and article.date == "2023-09-21"


def test_readers_csv_header_without_text_column_is_an_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "wrong.csv"
    _write_csv(path, ["headline", "body"], [["A", "B"]])
    [error] = list(read_path(str(path)))
    assert isinstance(error, ErrorRecord) and error.line == 1 and "'text'" in error.message


def test_readers_csv_broken_rows_are_error_rows_good_rows_land(tmp_path) -> None:  # type: ignore[no-untyped-def]
    lines = [
        b"id,date,text",
        b"1,2022-04-28,Sudan's army and the RSF agreed to a week-long ceasefire.",
        b'2,,"The envoy said "now" twice",',  # 3: stray quote inside a quoted field
        b"3,2022-13-45,Protests spread to Khartoum.",  # 4: impossible date
        "4,,Caf\u00e9 owners in Montr\u00e9al went on strike.".encode("latin-1"),  # 5: not UTF-8
        b"5,,Too many,fields,here",  # 6
        b"6,,   ",  # 7: empty article
        b"7,2022-05,Mediators in Jeddah said the truce largely held.",
    ]
    path = tmp_path / "mixed.csv"
    path.write_bytes(b"\r\n".join(lines) + b"\r\n")
    items = list(read_path(str(path)))
    assert [i.line for i in items if isinstance(i, Article)] == [2, 8]
    errors = {e.line: e.message for e in items if isinstance(e, ErrorRecord)}
    assert sorted(errors) == [3, 4, 5, 6, 7]
    assert "malformed CSV" in errors[3]
    assert "impossible date" in errors[4]
    assert "UTF-8" in errors[5]
    assert "fields" in errors[6]
    assert "empty" in errors[7]


def test_readers_csv_unclosed_quote_names_its_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "cut.csv"
    path.write_bytes(b'text\nThe vote passed.\n"The vote was\nnever counted\n')
    good, error = list(read_path(str(path)))
    assert isinstance(good, Article)
    assert isinstance(error, ErrorRecord) and error.line == 3 and "never closed" in error.message


def test_readers_csv_long_field_reaches_the_pipeline(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # The csv module's default 128 KiB field limit must not turn a long article into a parse error.
    body = "The committee met again. " * 20_000
    path = tmp_path / "long.csv"
    _write_csv(path, ["text"], [[body]])
    [article] = list(read_path(str(path)))
    assert isinstance(article, Article) and len(article.text) == len(body)


@pytest.mark.parametrize("payload", [b"", b"\x00\x01\x02PK\x03\x04" * 200])
def test_readers_csv_empty_or_binary_file(tmp_path, payload) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "odd.csv"
    path.write_bytes(payload)
    items = list(read_path(str(path)))
    assert len(items) == 1 and isinstance(items[0], ErrorRecord)
