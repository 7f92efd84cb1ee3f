"""Events stage (placeholder until the events issue lands: emits nothing)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsevents.model import Event
from newsevents.registry import stages

if TYPE_CHECKING:
    from newsevents.pipeline import Context


@stages.register("events", requires=("actors", "quotes"), assigns=("events",))
def extract_events(ctx: Context) -> tuple[Event, ...]:
    return ()
