"""newsevents: dated news articles → verifiable PLOVER events, quotes and actors.

Nothing heavy happens at import time: the spaCy pipeline loads on first use.
"""

from newsevents.core import extract, extract_many
from newsevents.errors import NewsEventsError
from newsevents.model import (
    Actor,
    Article,
    ErrorRecord,
    Event,
    Location,
    Mention,
    Participant,
    Quote,
    Result,
    Span,
    Speaker,
)
from newsevents.pipeline import Options

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "ErrorRecord",
    "Event",
    "Location",
    "Mention",
    "NewsEventsError",
    "Options",
    "Participant",
    "Quote",
    "Result",
    "Span",
    "Speaker",
    "__version__",
    "extract",
    "extract_many",
]
