"""Readers: turn files (or stdin) into :class:`~newsevents.model.Article` items, or error rows.

Each format is one module registered by name in :data:`newsevents.registry.readers` with the file
endings it handles; ``--format`` overrides the choice.  Inputs may be files, directories (read
recursively), globs, or ``-`` for stdin.  No reader ever raises for one bad item: it yields an
:class:`~newsevents.model.ErrorRecord` naming file, line and reason, and goes on.
"""

from __future__ import annotations

import contextlib
import glob
import gzip
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from newsevents.errors import UnknownFormatError
from newsevents.model import Article, ErrorRecord
from newsevents.readers import jsonl, text  # noqa: F401 - registration
from newsevents.readers.base import ReadItem, ReadStream, parse_article_date
from newsevents.registry import readers

# Optional formats register themselves on import; a missing one must not break the others.
for _mod in ("csv_reader", "html", "warc", "rss"):
    with contextlib.suppress(ImportError):  # optional dependency absent
        __import__(f"newsevents.readers.{_mod}")

__all__ = [
    "ReadItem",
    "format_for",
    "known_ending",
    "parse_article_date",
    "read_inputs",
    "read_path",
    "expand_inputs",
]


def format_for(path: str) -> str:
    """The registered reader for ``path``'s ending (longest match wins); text for unknown endings."""
    name = path.lower()
    best, best_len = "text", 0
    for entry in readers.entries.values():
        for ext in entry.extensions:
            if name.endswith(ext) and len(ext) > best_len:
                best, best_len = entry.name, len(ext)
    return best


def known_ending(path: str) -> bool:
    """Whether some registered reader claims this file name's ending."""
    name = path.lower()
    return any(name.endswith(ext) for e in readers.entries.values() for ext in e.extensions)


def expand_inputs(inputs: Iterable[str], fmt: str | None = None) -> Iterator[str | ErrorRecord]:
    """Files, directories (recursively, sorted) and globs → file paths; ``-`` stays ``-``.

    Inside a directory only files with a registered ending are read (a LICENSE or README next to the
    articles is not an article), unless ``fmt`` names the format of every file.
    """
    for item in inputs:
        if item == "-":
            yield item
            continue
        p = Path(item)
        if p.is_dir():
            files = sorted(
                f
                for f in p.rglob("*")
                if f.is_file() and not f.name.startswith(".") and (fmt or known_ending(f.name))
            )
            if not files:
                yield ErrorRecord(item, None, None, "read", "directory holds no files with a known ending")
            yield from (str(f) for f in files)
        elif p.is_file():
            yield item
        elif any(ch in item for ch in "*?["):
            matches = sorted(m for m in glob.glob(item, recursive=True) if Path(m).is_file())
            if not matches:
                yield ErrorRecord(item, None, None, "read", "glob matched no files")
            yield from matches
        else:
            yield ErrorRecord(item, None, None, "read", "no such file or directory")


def _open(path: str) -> BinaryIO:
    if path == "-":
        return sys.stdin.buffer
    if path.lower().endswith(".gz") and not path.lower().endswith((".warc.gz", ".arc.gz")):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


def read_path(path: str, fmt: str | None = None, *, date: str | None = None) -> ReadStream:
    """Read one file with the reader for ``fmt`` (or its ending); errors become error rows."""
    name = fmt or (format_for(path) if path != "-" else "text")
    if name not in readers:
        raise UnknownFormatError(f"unknown format {name!r}; known: {', '.join(readers.names())}")
    entry = readers.get(name)
    try:
        with _open(path) as stream:
            yield from entry.func(path, stream, date=date)
    except Exception as exc:  # noqa: BLE001 - unreadable file, truncated gzip, a reader bug: one row, batch goes on
        yield ErrorRecord(path, None, None, "read", f"{type(exc).__name__}: {exc}")


def read_inputs(inputs: Iterable[str], fmt: str | None = None, *, date: str | None = None) -> ReadStream:
    """Every article (or error row) from every input, in order."""
    if date:
        parse_article_date(date)  # fail fast on a bad --date: it is the user's option, not one item
    for item in expand_inputs(inputs, fmt):
        if isinstance(item, ErrorRecord):
            yield item
        else:
            yield from read_path(item, fmt, date=date)


def read_string(raw: str, *, date: str | None = None) -> Article | ErrorRecord:
    """The text reader on a string (header optional): what ``newsevents.extract(text)`` uses."""
    return next(text.read_text_string(raw, date=date), ErrorRecord(None, None, None, "read", "empty"))
