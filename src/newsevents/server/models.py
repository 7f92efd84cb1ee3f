"""Pydantic models of the HTTP API: request bodies and responses.

Record models mirror ``Record.to_dict()`` of ``newsevents.model`` field for field, so the API, the CLI's
JSONL and the Python API share one shape (documented in docs/schema.md).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"


class SpanModel(BaseModel):
    start: int
    end: int
    text: str


class MentionModel(SpanModel):
    kind: str
    resolved_by: str


class ActorModel(BaseModel):
    id: str
    article_id: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    role: str | None
    affiliation: str | None
    mentions: list[MentionModel]
    rule: str
    kb_id: str | None = Field(default=None, description="knowledge-base id, the same in every article")
    code: str | None = Field(default=None, description='CAMEO-style actor code, e.g. "RUSGOV"')
    kb_name: str | None = Field(default=None, description="the knowledge base's canonical name")


class SpeakerModel(BaseModel):
    name: str
    actor_id: str | None
    country: str | None
    mention: SpanModel
    resolved_by: str
    kb_id: str | None = None


class QuoteModel(BaseModel):
    id: str
    article_id: str
    kind: str
    speaker: SpeakerModel | None
    cue: SpanModel | None
    content: SpanModel
    rule: str
    confidence: float


class ParticipantModel(BaseModel):
    name: str
    actor_id: str | None
    country: str | None
    sector: str | None
    span: SpanModel
    kb_id: str | None = None
    code: str | None = None


class LocationModel(BaseModel):
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    span: SpanModel
    geonameid: int | None
    rule: str


class EventModel(BaseModel):
    id: str
    article_id: str
    type: str
    mode: str | None
    context: str | None
    actor: ParticipantModel | None
    recipient: ParticipantModel | None
    date: str | None
    date_source: str | None
    date_span: SpanModel | None
    location: LocationModel | None
    trigger: SpanModel
    evidence: SpanModel
    rule: str
    confidence: float
    quote_id: str | None
    claimant: str | None
    extra_evidence: list[SpanModel]
    cameo: str | None


class ErrorModel(BaseModel):
    path: str | None
    line: int | None
    article_id: str | None
    stage: str
    message: str


class ArticleModel(BaseModel):
    id: str
    date: str | None
    date_precision: str | None
    title: str | None
    source: str | None
    url: str | None
    path: str | None
    n_chars: int
    lang: str


class ArticleWithText(ArticleModel):
    text: str


class ArticleSummary(ArticleModel):
    n_quotes: int
    n_events: int
    n_actors: int
    duplicate_of: str | None


class ResultModel(BaseModel):
    """One article with every record extracted from it (spans index into ``article.text``)."""

    article: ArticleWithText
    actors: list[ActorModel]
    quotes: list[QuoteModel]
    events: list[EventModel]
    errors: list[ErrorModel]


class Page(BaseModel):
    total: int = Field(description="rows matching the filters, ignoring limit/offset")
    limit: int
    offset: int


class ArticlePage(Page):
    items: list[ArticleSummary]


class EventPage(Page):
    items: list[EventModel]


class QuotePage(Page):
    items: list[QuoteModel]


class ActorSummary(BaseModel):
    name: str
    kind: str
    country: str | None
    sector: str | None
    n_articles: int
    n_mentions: int
    n_events: int = Field(description="events with this actor as actor or recipient (matched by name)")
    kb_id: str | None = Field(default=None, description="knowledge-base id: /api/actors/{kb_id} has its page")


class ActorPage(Page):
    items: list[ActorSummary]


class CountBy(BaseModel):
    key: str
    n: int


class ActorEvent(EventModel):
    """An event of one actor's page, with the side the actor is on and the article it comes from."""

    role: Literal["actor", "recipient"]
    article_title: str | None
    article_url: str | None
    article_date: str | None


class ActorQuote(QuoteModel):
    article_title: str | None
    article_url: str | None
    article_date: str | None


class Counterpart(BaseModel):
    """The other side of this actor's events: keyed by its kb_id when it has one, else by its name."""

    kb_id: str | None
    name: str
    country: str | None
    n: int = Field(description="events between the two (either direction)")
    types: list[CountBy] = Field(description="those events per PLOVER type, most frequent first")


class NameCount(BaseModel):
    name: str
    n: int


class ActorProfile(BaseModel):
    """One knowledge-base actor across all articles: its events (for a timeline), counterparts and quotes."""

    kb_id: str
    name: str = Field(description="the KB's canonical name, else the most frequent surface name")
    code: str | None
    kind: str | None
    country: str | None
    sector: str | None
    names: list[NameCount] = Field(description="surface names used in articles, most frequent first")
    n_articles: int
    n_events: int = Field(description="all events with this actor as actor or recipient")
    n_quotes: int = Field(description="all quotes this actor is the speaker of")
    events_by_type: list[CountBy]
    first_date: str | None
    last_date: str | None
    events: list[ActorEvent] = Field(description="date order (undated last), at most `limit`")
    counterparts: list[Counterpart] = Field(description="most events first, at most `limit`")
    quotes: list[ActorQuote] = Field(description="article date order, at most `limit`")


class Stats(BaseModel):
    tables: dict[str, int]
    events_by_type: list[CountBy]
    quotes_by_kind: list[CountBy]
    top_speakers: list[CountBy]
    first_date: str | None
    last_date: str | None


class TimelineBucket(BaseModel):
    bucket: str = Field(description="day (YYYY-MM-DD) or Monday of the ISO week")
    type: str
    n: int


class Timeline(BaseModel):
    interval: Literal["day", "week"]
    buckets: list[TimelineBucket]
    undated: int = Field(description="matching events without a day-precision date")


class NetworkNode(BaseModel):
    id: str
    name: str
    country: str | None
    n: int


class NetworkEdge(BaseModel):
    source: str
    target: str
    type: str
    n: int


class Network(BaseModel):
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


class Place(BaseModel):
    name: str
    country: str | None
    lat: float
    lon: float
    n: int
    types: list[str]


class ArticleIn(BaseModel):
    """An article to analyse: its text (a leading `` date YYYY-MM-DD `` header is honoured) and optional date."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="the article text (plain text)")
    date: str | None = Field(default=None, pattern=DATE_PATTERN, description="YYYY, YYYY-MM or YYYY-MM-DD")


class ArticleIngest(ArticleIn):
    title: str | None = Field(default=None, max_length=1000)
    source: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=4000)


class IngestResponse(BaseModel):
    article_id: str
    stored: bool = Field(description="false when an article with this id was already stored")
    n_actors: int
    n_quotes: int
    n_events: int
    errors: list[ErrorModel]


class Problem(BaseModel):
    detail: str
