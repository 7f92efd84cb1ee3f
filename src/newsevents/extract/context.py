"""What a stage receives: the article, its annotation, the run's options and what earlier stages filled.

It lives here, not in the pipeline that runs the stages, so that extractors never import the pipeline.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newsevents.annotate.doc import AnnotatedDoc
from newsevents.extract.actors.table import ActorTable
from newsevents.model import Article, ErrorRecord, Event, Quote

DEFAULT_STAGES = ("actors", "quotes", "events")
DEFAULT_MAX_CHARS = 200_000  # ~30k words; longer texts get an error row rather than an out-of-memory
DEFAULT_TIME_BUDGET_S = 30.0  # a long article takes ~1 s; 30 s means something pathological


@dataclass
class Options:
    """Per-run settings every stage can read."""

    model: str | None = None
    max_chars: int = DEFAULT_MAX_CHARS
    actors_file: str | None = None  # user actor dictionary (YAML/CSV)
    stages: tuple[str, ...] = DEFAULT_STAGES
    batch_size: int = 32
    # Seconds of extraction (after parsing) one article may use: stages left when it is spent are skipped
    # and reported. Pure-Python stages cannot be pre-empted safely, so the check runs between stages.
    time_budget_s: float = DEFAULT_TIME_BUDGET_S
    # Events whose fitted confidence is below this are dropped; None: the shipped model's F1-best threshold
    # (extract/events/confidence.py), 0: keep every event.
    min_confidence: float | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Context:
    """What stages read and fill for one article."""

    article: Article
    doc: AnnotatedDoc
    options: Options
    actors: ActorTable = field(default_factory=ActorTable)
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    errors: list[ErrorRecord] = field(default_factory=list)
