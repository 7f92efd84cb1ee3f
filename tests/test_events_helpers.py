"""Shared helpers for the events tests (no tests here): run the real pipeline once per text."""

from __future__ import annotations

from functools import cache

import newsevents
from newsevents.model import Event, Participant, Result
from newsevents.pipeline import Options

ARTICLE_DATE = "2023-03-15"  # a Wednesday


@cache
def extract(text: str, date: str = ARTICLE_DATE) -> Result:
    # min_confidence=0: these tests check the rules; the fitted cut has its own tests (test_confidence.py)
    return newsevents.extract(text, date=date, options=Options(min_confidence=0.0))


def events(text: str, date: str = ARTICLE_DATE) -> tuple[Event, ...]:
    return extract(text, date).events


def words(p: Participant | None) -> str:
    """Everything that names a participant: resolved name, country and the words of its mention."""
    if p is None:
        return ""
    return f"{p.name} | {p.country or ''} | {p.span.text}".lower()


def describe(found: tuple[Event, ...]) -> list[str]:
    return [f"{e.type}:{words(e.actor)}->{words(e.recipient)} ({e.rule})" for e in found]


def assert_spans_valid(result: Result) -> None:
    for s in result.spans():
        assert result.article.text[s.start : s.end] == s.text, s


def assert_event(sentence: str, type_: str, actor: str | None, recipient: str | None) -> Event:
    """An event of ``type_`` whose actor/recipient mention these words (None: not checked)."""
    found = events(sentence)
    assert_spans_valid(extract(sentence))
    for e in found:
        if e.type != type_:
            continue
        if actor is not None and actor.lower() not in words(e.actor):
            continue
        if recipient is not None and recipient.lower() not in words(e.recipient):
            continue
        assert e.rule.startswith("events."), e.rule
        assert 0.0 < e.confidence <= 1.0
        return e
    raise AssertionError(f"no {type_} {actor!r} -> {recipient!r} in {describe(found)}")
