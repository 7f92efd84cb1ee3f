"""Predictions → :mod:`matching` records, from a pipeline :class:`Result` or from a predictions JSONL file.

A predictions file holds one JSON object per article: ``{"id": ..., "quotes": [...], "events": [...],
"actors": [...]}`` where quotes, events and actors have the shape of ``Quote.to_dict()``,
``Event.to_dict()`` and ``Actor.to_dict()`` (``Result.to_dict()`` plus an ``id`` works as it is; the
article id may also come from ``article.id``).  Offsets are into the article text (header stripped).  A
record without an ``events`` key predicts no events *and is not scored on events* (a quotes-only system
such as the textacy baseline); the same for ``quotes``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsevents.evaluation.coverage import Coverage, coverage_of
from newsevents.evaluation.matching import PredEvent, PredQuote, PredSide
from newsevents.evaluation.places import place_texts, place_texts_dict
from newsevents.model import Actor, Participant, Result


@dataclass(frozen=True, slots=True)
class ArticlePredictions:
    id: str
    quotes: tuple[PredQuote, ...] | None  # None: this system does not predict quotes
    events: tuple[PredEvent, ...] | None
    coverage: Coverage | None = None  # actor coding coverage (from a pipeline Result only)


def transnational_prefix(code: object) -> str | None:
    """The first three letters of a CAMEO code that has no country (``IGOUNO`` → ``IGO``; also NGO, IMG):
    the code's country slot, which is what PLOVER's gold writes for the UN or NATO."""
    if isinstance(code, str) and code[:3] in ("IGO", "NGO", "IMG"):
        return code[:3]
    return None


# ------------------------------------------------------------------------------------ from a Result
def _actor_texts(actor: Actor | None) -> tuple[str, ...]:
    if actor is None:
        return ()
    return (actor.name, actor.country or "", *(m.span.text for m in actor.mentions))


def _side(p: Participant | None, actors: Mapping[str, Actor]) -> PredSide | None:
    if p is None:
        return None
    actor = actors.get(p.actor_id) if p.actor_id else None
    texts = (p.name, p.country or "", p.sector or "", p.span.text, *_actor_texts(actor))
    country = p.country or (actor.country if actor is not None else None)
    country = country or transnational_prefix(p.code or (actor.code if actor is not None else None))
    return PredSide(p.name, tuple(t for t in texts if t), country or None)


def from_result(result: Result) -> ArticlePredictions:
    actors = {a.id: a for a in result.actors}
    quotes = []
    for q in result.quotes:
        s = q.speaker
        actor = actors.get(s.actor_id) if s and s.actor_id else None
        texts: tuple[str, ...] = ()
        names: tuple[str, ...] = ()
        if s is not None:
            names = (s.name, s.country or "")
            if actor is not None:
                names += (actor.name, actor.country or "")
            texts = (*names, s.mention.text)
        quotes.append(
            PredQuote(
                content=q.content.text,
                speaker=s.name if s else None,
                speaker_texts=tuple(t for t in texts if t),
                speaker_span=(s.mention.start, s.mention.end) if s else None,
                content_span=(q.content.start, q.content.end),
                kind=q.kind,
                speaker_names=tuple(t for t in names if t),
            )
        )
    events = tuple(
        PredEvent(
            type=e.type,
            actor=_side(e.actor, actors),
            recipient=_side(e.recipient, actors),
            date=e.date,
            evidence=e.evidence.text,
            place=place_texts(e.location),
        )
        for e in result.events
    )
    return ArticlePredictions(result.article.id, tuple(quotes), events, coverage_of(result))


# ---------------------------------------------------------------------------------- from JSON dicts
def _text(span: Any) -> str:
    if isinstance(span, Mapping):
        return str(span.get("text") or "")
    return str(span or "")


def _offsets(span: Any) -> tuple[int, int] | None:
    if isinstance(span, Mapping) and isinstance(span.get("start"), int) and isinstance(span.get("end"), int):
        return (span["start"], span["end"])
    return None


def _actor_texts_dict(actor: Mapping[str, Any] | None) -> tuple[str, ...]:
    if not actor:
        return ()
    mentions = tuple(_text(m) for m in actor.get("mentions") or ())
    return (str(actor.get("name") or ""), str(actor.get("country") or ""), *mentions)


def _side_dict(p: Any, actors: Mapping[str, Mapping[str, Any]]) -> PredSide | None:
    if not isinstance(p, Mapping):
        return None
    actor = actors.get(str(p.get("actor_id"))) if p.get("actor_id") else None
    texts = (
        str(p.get("name") or ""),
        str(p.get("country") or ""),
        str(p.get("sector") or ""),
        _text(p.get("span")),
        *_actor_texts_dict(actor),
    )
    country = p.get("country") or (actor.get("country") if actor else None)
    country = country or transnational_prefix(p.get("code") or (actor.get("code") if actor else None))
    label = str(p.get("name") or _text(p.get("span")))
    return PredSide(label, tuple(t for t in texts if t), str(country) if country else None)


def _quote_dict(q: Mapping[str, Any], actors: Mapping[str, Mapping[str, Any]]) -> PredQuote:
    s = q.get("speaker") if isinstance(q.get("speaker"), Mapping) else None
    texts: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    if s is not None:
        actor = actors.get(str(s.get("actor_id"))) if s.get("actor_id") else None
        names = (str(s.get("name") or ""), str(s.get("country") or ""))
        if actor:
            names += (str(actor.get("name") or ""), str(actor.get("country") or ""))
        texts = (*names, _text(s.get("mention")))
    return PredQuote(
        content=_text(q.get("content")),
        speaker=str(s.get("name")) if s and s.get("name") else None,
        speaker_texts=tuple(t for t in texts if t),
        speaker_span=_offsets(s.get("mention")) if s else None,
        content_span=_offsets(q.get("content")),
        kind=str(q.get("kind") or ""),
        speaker_names=tuple(t for t in names if t),
    )


def from_dict(rec: Mapping[str, Any]) -> ArticlePredictions:
    article = rec.get("article")
    rid = str(rec.get("id") or (article.get("id") if isinstance(article, Mapping) else "") or "")
    actors = {str(a.get("id")): a for a in rec.get("actors") or () if isinstance(a, Mapping)}
    quotes = None
    if "quotes" in rec:
        quotes = tuple(_quote_dict(q, actors) for q in rec["quotes"] or () if isinstance(q, Mapping))
    events = None
    if "events" in rec:
        events = tuple(
            PredEvent(
                type=str(e.get("type") or "").upper(),
                actor=_side_dict(e.get("actor"), actors),
                recipient=_side_dict(e.get("recipient"), actors),
                date=e.get("date"),
                evidence=_text(e.get("evidence")),
                place=place_texts_dict(e.get("location")),
            )
            for e in rec["events"] or ()
            if isinstance(e, Mapping)
        )
    return ArticlePredictions(rid, quotes, events)


def read_predictions(path: str | Path) -> Iterator[ArticlePredictions]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield from_dict(json.loads(line))
