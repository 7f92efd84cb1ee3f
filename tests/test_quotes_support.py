"""Shared helpers for the quotes tests (no tests here): run the real pipeline once per text."""

from __future__ import annotations

from functools import cache

import newsevents
from newsevents.model import Quote, Result


@cache
def extract(text: str) -> Result:
    return newsevents.extract(text)


def quotes(text: str) -> tuple[Quote, ...]:
    return extract(text).quotes


def only_quote(text: str) -> Quote:
    found = quotes(text)
    assert len(found) == 1, [q.content.text for q in found]
    return found[0]


def speaker_words(q: Quote) -> str:
    """Everything that names the speaker (resolved name and the words of the mention)."""
    assert q.speaker is not None, q
    return f"{q.speaker.name} | {q.speaker.mention.text}"


def assert_spans_valid(text: str, q: Quote) -> None:
    article_text = extract(text).article.text
    for span in (q.content, q.cue, q.speaker.mention if q.speaker else None):
        if span is not None:
            assert article_text[span.start : span.end] == span.text
