"""Shared helpers for the actor/coreference tests: run only the actors stage on a text (model cached)."""

from __future__ import annotations

import functools

from newsevents.model import Actor, Result
from newsevents.pipeline import Options


@functools.lru_cache(maxsize=256)
def actors_result(text: str, date: str | None = None, actors_file: str | None = None) -> Result:
    import newsevents

    return newsevents.extract(text, date=date, options=Options(stages=("actors",), actors_file=actors_file))


def actor_with(result: Result, mention_text: str, nth: int = 0) -> Actor:
    """The actor holding the ``nth`` mention whose text is ``mention_text`` (or ends with it after a title:
    a titled name's mention spans "German Chancellor Angela Merkel")."""
    hits = [(m.span.start, a) for a in result.actors for m in a.mentions if _is(m.span.text, mention_text)]
    hits.sort(key=lambda p: p[0])
    assert len(hits) > nth, f"no mention {mention_text!r} (#{nth}) in {[a.name for a in result.actors]}"
    return hits[nth][1]


def rule_of(result: Result, mention_text: str, nth: int = 0) -> str:
    hits = sorted(
        (m.span.start, m.resolved_by)
        for a in result.actors
        for m in a.mentions
        if m.span.text == mention_text
    )
    return hits[nth][1]


def _is(text: str, wanted: str) -> bool:
    return text == wanted or text.endswith(" " + wanted)
