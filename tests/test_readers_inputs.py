"""Input expansion: files, directories, globs and stdin; choosing the reader by ending or --format."""

from __future__ import annotations

import io
import json
import sys

import pytest

from newsevents.errors import UnknownFormatError
from newsevents.model import Article, ErrorRecord
from newsevents.readers import format_for, read_inputs, read_path


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("seed-article.txt", "text"),
        ("no-ending", "text"),
        ("batch.jsonl", "jsonl"),
        ("batch.JSONL.GZ", "jsonl"),
        ("rows.csv", "csv"),
        ("page.htm", "html"),
        ("page.html.gz", "html"),
        ("CC-NEWS-2024.warc.gz", "warc"),
        ("feed.atom", "rss"),
    ],
)
def test_readers_inputs_format_by_ending(name, fmt) -> None:  # type: ignore[no-untyped-def]
    assert format_for(name) == fmt


def _corpus(tmp_path):  # type: ignore[no-untyped-def]
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(
        " date 2022-01-03 Tanks massed near the border on Monday.", encoding="utf-8"
    )
    (tmp_path / "sub" / "b.jsonl").write_text(
        json.dumps({"text": "The central bank raised rates by half a point."}) + "\n", encoding="utf-8"
    )
    (tmp_path / "LICENSE").write_text("Permission is hereby granted, free of charge...", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Not read.", encoding="utf-8")
    return tmp_path


def test_readers_inputs_directory_reads_known_endings_recursively(tmp_path) -> None:  # type: ignore[no-untyped-def]
    items = list(read_inputs([str(_corpus(tmp_path))]))
    assert [type(i) for i in items] == [Article, Article]
    assert [i.path.rsplit("/", 1)[-1] for i in items] == ["a.txt", "b.jsonl"]


def test_readers_inputs_directory_with_format_reads_every_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    items = list(read_inputs([str(_corpus(tmp_path))], "text"))
    assert sorted(i.path.rsplit("/", 1)[-1] for i in items if isinstance(i, Article)) == [
        "LICENSE",
        "a.txt",
        "b.jsonl",
    ]


def test_readers_inputs_globs_and_missing_paths(tmp_path) -> None:  # type: ignore[no-untyped-def]
    _corpus(tmp_path)
    items = list(
        read_inputs(
            [
                str(tmp_path / "**" / "*.jsonl"),
                str(tmp_path / "nope" / "*.txt"),
                str(tmp_path / "missing.txt"),
            ]
        )
    )
    assert isinstance(items[0], Article) and items[0].text.startswith("The central bank")
    assert [e.message for e in items[1:]] == ["glob matched no files", "no such file or directory"]
    assert all(isinstance(e, ErrorRecord) and e.path for e in items[1:])


def test_readers_inputs_empty_directory_is_an_error_row(tmp_path) -> None:  # type: ignore[no-untyped-def]
    [error] = list(read_inputs([str(tmp_path)]))
    assert isinstance(error, ErrorRecord) and "no files" in error.message


@pytest.mark.parametrize(
    ("fmt", "data", "expected_text"),
    [
        (None, b" date 2022-04-28 Ceasefire talks opened in Doha.", "Ceasefire talks opened in Doha."),
        (
            "jsonl",
            b'{"text": "Ceasefire talks opened in Doha."}\n{"text": "They stalled."}\n',
            "Ceasefire talks opened in Doha.",
        ),
        ("csv", b"text\nCeasefire talks opened in Doha.\n", "Ceasefire talks opened in Doha."),
    ],
)
def test_readers_inputs_stdin(monkeypatch, fmt, data, expected_text) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(data)), encoding="utf-8"))
    items = list(read_inputs(["-"], fmt))
    assert isinstance(items[0], Article) and items[0].text == expected_text and items[0].path == "-"


def test_readers_inputs_unknown_format_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "a.txt"
    path.write_text("Text.", encoding="utf-8")
    with pytest.raises(UnknownFormatError):
        list(read_path(str(path), "docx"))
