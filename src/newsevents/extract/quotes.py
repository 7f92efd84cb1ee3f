"""Quotes stage (placeholder until the quotes issue lands: emits nothing)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsevents.model import Quote
from newsevents.registry import stages

if TYPE_CHECKING:
    from newsevents.pipeline import Context


@stages.register("quotes", requires=("actors",), assigns=("quotes",))
def extract_quotes(ctx: Context) -> tuple[Quote, ...]:
    return ()
