"""The record schema: frozen dataclasses only.

Every piece of evidence is a :class:`Span` — half-open character offsets into ``Article.text`` (the text
*after* any ``date`` header was stripped) plus the text itself, so that ``text[s.start:s.end] == s.text``
can be checked for every record the pipeline emits.  Records hold tuples, never lists, and name the
stage/rule that produced them.  ``to_dict`` gives the JSON shape documented in ``docs/schema.md``.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

DatePrecision = Literal["day", "month", "year"]
SCHEMA_VERSION = "1"


def stable_id(*parts: object, length: int = 16) -> str:
    """A short, deterministic id from its parts: the same input gives the same id on every run."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:length]


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open ``[start, end)`` character offsets into the article text, with the text they cover."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start, end, text[start:end])

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Article:
    """One input article as read, before any analysis."""

    id: str
    text: str
    date: str | None = None  # "YYYY-MM-DD", "YYYY-MM" or "YYYY"
    date_precision: DatePrecision | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    path: str | None = None
    line: int | None = None  # 1-based line/record number inside ``path`` when the format has lines
    lang: str = "en"

    @staticmethod
    def make_id(text: str, source: str | None = None) -> str:
        return stable_id(source or "", text)

    @property
    def n_chars(self) -> int:
        return len(self.text)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "date": self.date,
            "date_precision": self.date_precision,
            "title": self.title,
            "source": self.source,
            "url": self.url,
            "path": self.path,
            "n_chars": self.n_chars,
            "lang": self.lang,
        }


@dataclass(frozen=True, slots=True)
class Mention:
    """One textual reference to an actor: a name, a nominal ("the spokesman") or a pronoun."""

    span: Span
    kind: Literal["name", "nominal", "pronoun"]
    resolved_by: str  # rule that linked this mention to its actor ("name", "surname", "apposition", ...)

    def to_dict(self) -> dict[str, Any]:
        return {**self.span.to_dict(), "kind": self.kind, "resolved_by": self.resolved_by}


@dataclass(frozen=True, slots=True)
class Actor:
    """One entity of one article, with every mention that refers to it."""

    id: str
    article_id: str
    name: str
    kind: Literal["PERSON", "ORG", "GPE", "NORP", "OTHER"]
    country: str | None = None  # ISO 3166 alpha-3
    sector: str | None = None  # GOV, LEG, MIL, REB, POL, MED, BUS, NGO, IGO, CIV, JUD, REL, ...
    role: str | None = None  # "parliament speaker"
    mentions: tuple[Mention, ...] = ()
    affiliation: str | None = None  # actor id of the organisation this person belongs to
    rule: str = "actors.v1"
    # Knowledge-base link: a stable id, the same in every article (None when the actor has no KB entry),
    # the CAMEO-style actor code ("RUSGOV", "PSEREB", "IGOUNO") and the KB's canonical name.
    kb_id: str | None = None
    code: str | None = None
    kb_name: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article_id": self.article_id,
            "name": self.name,
            "kind": self.kind,
            "country": self.country,
            "sector": self.sector,
            "role": self.role,
            "affiliation": self.affiliation,
            "mentions": [m.to_dict() for m in self.mentions],
            "rule": self.rule,
            "kb_id": self.kb_id,
            "code": self.code,
            "kb_name": self.kb_name,
        }


ResolvedBy = Literal["name", "pronoun", "nominal", "organisation", "none"]


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who said a quote: the resolved actor, the words that name them, and the rule that linked them."""

    name: str
    actor_id: str | None
    country: str | None
    mention: Span
    resolved_by: ResolvedBy
    kb_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "actor_id": self.actor_id,
            "country": self.country,
            "mention": self.mention.to_dict(),
            "resolved_by": self.resolved_by,
            "kb_id": self.kb_id,
        }


@dataclass(frozen=True, slots=True)
class Quote:
    """One statement: direct (in quote marks), indirect (reported) or mixed, with cue, content and speaker."""

    id: str
    article_id: str
    kind: Literal["direct", "indirect", "mixed"]
    speaker: Speaker | None
    cue: Span | None
    content: Span
    rule: str
    confidence: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article_id": self.article_id,
            "kind": self.kind,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "content": self.content.to_dict(),
            "rule": self.rule,
            "confidence": self.confidence,
        }


@dataclass(frozen=True, slots=True)
class Participant:
    """The actor or recipient side of an event."""

    name: str
    actor_id: str | None
    country: str | None
    sector: str | None
    span: Span
    kb_id: str | None = None
    code: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "actor_id": self.actor_id,
            "country": self.country,
            "sector": self.sector,
            "span": self.span.to_dict(),
            "kb_id": self.kb_id,
            "code": self.code,
        }


@dataclass(frozen=True, slots=True)
class Location:
    """Where an event happened: a geocoded toponym with its evidence span and the rule that picked it."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    span: Span
    geonameid: int | None = None
    rule: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "span": self.span.to_dict(),
            "geonameid": self.geonameid,
            "rule": self.rule,
        }


@dataclass(frozen=True, slots=True)
class Event:
    """One PLOVER-coded event: who did what to whom, when and where, with trigger and evidence spans."""

    id: str
    article_id: str
    type: str  # PLOVER type
    mode: str | None
    context: str | None
    actor: Participant | None
    recipient: Participant | None
    date: str | None  # "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    date_source: Literal["article", "text"] | None
    date_span: Span | None
    location: Location | None
    trigger: Span
    evidence: Span
    rule: str
    confidence: float
    quote_id: str | None = None  # set when the event is reported inside a quote
    claimant: str | None = None  # speaker name of that quote
    extra_evidence: tuple[Span, ...] = ()  # further mentions of the same fact in this article
    cameo: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article_id": self.article_id,
            "type": self.type,
            "mode": self.mode,
            "context": self.context,
            "actor": self.actor.to_dict() if self.actor else None,
            "recipient": self.recipient.to_dict() if self.recipient else None,
            "date": self.date,
            "date_source": self.date_source,
            "date_span": self.date_span.to_dict() if self.date_span else None,
            "location": self.location.to_dict() if self.location else None,
            "trigger": self.trigger.to_dict(),
            "evidence": self.evidence.to_dict(),
            "rule": self.rule,
            "confidence": self.confidence,
            "quote_id": self.quote_id,
            "claimant": self.claimant,
            "extra_evidence": [s.to_dict() for s in self.extra_evidence],
            "cameo": self.cameo,
        }


@dataclass(frozen=True, slots=True)
class ErrorRecord:
    """A problem with one input item: it is reported, never raised through a batch."""

    path: str | None
    line: int | None
    article_id: str | None
    stage: str  # "read", "annotate", "extract:actors", ...
    message: str

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True, slots=True)
class Result:
    """Everything extracted from one article."""

    article: Article
    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    errors: tuple[ErrorRecord, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article.to_dict(),
            "actors": [a.to_dict() for a in self.actors],
            "quotes": [q.to_dict() for q in self.quotes],
            "events": [e.to_dict() for e in self.events],
            "errors": [e.to_dict() for e in self.errors],
        }

    def spans(self) -> list[Span]:
        """Every span this result carries (for the span invariant check)."""
        out: list[Span] = []
        for a in self.actors:
            out.extend(m.span for m in a.mentions)
        for q in self.quotes:
            out.append(q.content)
            if q.cue:
                out.append(q.cue)
            if q.speaker:
                out.append(q.speaker.mention)
        for e in self.events:
            out.extend([e.trigger, e.evidence, *e.extra_evidence])
            for p in (e.actor, e.recipient):
                if p:
                    out.append(p.span)
            if e.date_span:
                out.append(e.date_span)
            if e.location:
                out.append(e.location.span)
        return out
