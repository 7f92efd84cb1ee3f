"""Gold records (``../shared/gold/*.jsonl``) → :mod:`matching` records, with spans moved to article offsets.

Gold spans are offsets into ``raw``, which opens with the `` date YYYY-MM-DD `` header; predictions are
offsets into the article text, i.e. ``raw`` with that header stripped by the text reader's
:func:`~newsevents.readers.text.split_header`.  The header length is subtracted here, once.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsevents.evaluation.matching import GoldEvent, GoldQuote
from newsevents.readers.text import split_header


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    line: int  # 1-based line in the gold file (the reader's ``Article.line``)
    raw: str
    offset: int  # characters of header before the article text
    quotes_scored: bool
    events_scored: bool
    quotes: tuple[GoldQuote, ...]
    events: tuple[GoldEvent, ...]

    @property
    def text(self) -> str:
        return self.raw[self.offset :]


def header_offset(raw: str) -> int:
    """Characters the text reader strips from the front of ``raw`` (0 without a header)."""
    _, text = split_header(raw)
    return len(raw) - len(text)


def _aliases(value: Any) -> tuple[str, ...] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value if str(v).strip())


def _span(value: Any, offset: int) -> tuple[int, int] | None:
    if not value:
        return None
    start, end = int(value[0]) - offset, int(value[1]) - offset
    return (start, end) if end > start >= 0 else None


def gold_quote(rec: dict[str, Any], offset: int) -> GoldQuote:
    return GoldQuote(
        content=str(rec.get("content") or ""),
        speaker=_aliases(rec.get("speaker")),
        speaker_span=_span(rec.get("speaker_span"), offset),
        content_span=_span(rec.get("content_span"), offset),
        cue=rec.get("cue"),
        kind=str(rec.get("kind") or ""),
        optional=bool(rec.get("optional", False)),
    )


def gold_event(rec: dict[str, Any]) -> GoldEvent:
    return GoldEvent(
        types=tuple(str(t).upper() for t in rec.get("types") or ()),
        actor=_aliases(rec.get("actor")),
        recipient=_aliases(rec.get("recipient")),
        date=str(rec.get("date") or ""),
        optional=bool(rec.get("optional", False)),
        location=_aliases(rec.get("location")) or None,
    )


def gold_article(rec: dict[str, Any], line: int) -> GoldArticle:
    raw = str(rec.get("raw") or rec.get("text") or "")
    offset = header_offset(raw) if "raw" in rec else 0
    quotes = tuple(gold_quote(q, offset) for q in rec.get("quotes") or ())
    events = tuple(gold_event(e) for e in rec.get("events") or ())
    return GoldArticle(
        id=str(rec.get("id") or f"line-{line}"),
        line=line,
        raw=raw,
        offset=offset,
        # An absent flag means the part is annotated (PLOVER sentences carry only ``quotes_scored``).
        quotes_scored=bool(rec.get("quotes_scored", True)),
        events_scored=bool(rec.get("events_scored", True)),
        quotes=quotes,
        events=events,
    )


def read_gold(path: str | Path) -> Iterator[GoldArticle]:
    """Every gold article of a JSONL file, in order (blank lines skipped, line numbers kept)."""
    with open(path, encoding="utf-8-sig") as f:
        for line_no, line in enumerate(f, start=1):
            if line.strip():
                yield gold_article(json.loads(line), line_no)
