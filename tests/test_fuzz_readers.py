"""Property tests: no reader, on any bytes, raises; every item is an article or an error row.

Runs every registered reader (so new formats are fuzzed automatically). The CI profile keeps the example
count small; `-m slow` runs the long profile reported in docs/reliability.md.
"""

from __future__ import annotations

import gzip
import io
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsevents.model import Article, ErrorRecord
from newsevents.readers import read_path
from newsevents.registry import readers

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
LONG = settings(max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# Byte soup biased towards the characters that break parsers: quotes, separators, markup, line endings.
interesting = st.sampled_from(
    [
        b'"',
        b"'",
        b",",
        b"\n",
        b"\r\n",
        b"\r",
        b"{",
        b"}",
        b"<",
        b">",
        b"</p>",
        b"<html>",
        b"\x00",
        b"\xff",
        b"\xe2\x80\x8f",
        b"\xe2\x80\x8b",
        b" date 2022-13-45 ",
        b" date 2022-04-28 ",
        b"WARC/1.0\r\n",
        b"<rss>",
    ]
)
byte_soup = st.lists(st.one_of(st.binary(max_size=64), interesting), max_size=40).map(b"".join)


def _run_all_readers(tmp_path, data: bytes) -> None:  # type: ignore[no-untyped-def]
    for name in readers.names():
        path = tmp_path / f"input.{name}"
        path.write_bytes(data)
        for item in read_path(str(path), name):
            assert isinstance(item, (Article, ErrorRecord)), (name, type(item))
            if isinstance(item, Article):
                assert item.text.strip(), f"{name} yielded an empty article instead of an error row"
                assert item.id
            else:
                assert item.message and item.stage


@FAST
@given(data=byte_soup)
def test_fuzz_readers_never_raise_on_bytes(tmp_path, data: bytes) -> None:  # type: ignore[no-untyped-def]
    _run_all_readers(tmp_path, data)


@pytest.mark.slow
@LONG
@given(data=byte_soup)
def test_fuzz_readers_never_raise_on_bytes_long(tmp_path, data: bytes) -> None:  # type: ignore[no-untyped-def]
    _run_all_readers(tmp_path, data)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=8), kids, max_size=4),
    max_leaves=12,
)
records = st.fixed_dictionaries(
    {},
    optional={
        "id": json_values,
        "date": st.one_of(
            json_values, st.sampled_from(["2022-04-28", "2022-13-45", "2022-02", "2022", "yesterday"])
        ),
        "text": st.one_of(json_values, st.text(min_size=1, max_size=200)),
        "title": json_values,
        "url": json_values,
        "source": json_values,
    },
)


@FAST
@given(recs=st.lists(records, max_size=8), broken=st.lists(st.integers(0, 7), max_size=3))
def test_fuzz_jsonl_every_good_line_lands(tmp_path, recs, broken) -> None:  # type: ignore[no-untyped-def]
    lines = [json.dumps(r) for r in recs]
    for k in broken:
        if k < len(lines):
            lines[k] = lines[k][: len(lines[k]) // 2]  # truncate: a broken line
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    items = list(read_path(str(path)))
    # One item per non-blank line at most, and an Article for every intact line with a non-blank string text.
    assert len(items) <= len(lines)
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue  # a line truncated to nothing is a blank line, which JSON Lines readers skip
        try:
            rec = json.loads(line)
        except json.JSONDecodeError:
            assert any(isinstance(i, ErrorRecord) and i.line == lineno for i in items)
            continue
        got = [i for i in items if i.line == lineno]
        assert len(got) == 1
        text = rec.get("text") if isinstance(rec, dict) else None
        if isinstance(text, str) and text.strip() and isinstance(got[0], Article):
            assert got[0].text == text


@FAST
@given(data=st.binary(min_size=1, max_size=2000), cut=st.integers(1, 200))
def test_fuzz_truncated_gzip_is_an_error_row(tmp_path, data: bytes, cut: int) -> None:  # type: ignore[no-untyped-def]
    blob = gzip.compress(b'{"text": "The minister met the ambassador."}\n' + data)
    path = tmp_path / "in.jsonl.gz"
    path.write_bytes(blob[: max(1, len(blob) - cut)])
    items = list(read_path(str(path)))
    assert all(isinstance(i, (Article, ErrorRecord)) for i in items)


def test_fuzz_stdin_like_stream_is_read(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import sys

    fake = io.TextIOWrapper(io.BytesIO(b" date 2022-04-28 The talks ended."), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    items = list(read_path("-"))
    assert isinstance(items[0], Article) and items[0].date == "2022-04-28"
