"""Actors stage, first cut: one actor per distinct entity name (PERSON, ORG, GPE, NORP).

The actors issue replaces this with mentions, coreference, country and sector.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsevents.extract.actor_table import ActorTable
from newsevents.model import Actor, Mention, stable_id
from newsevents.registry import stages

if TYPE_CHECKING:
    from newsevents.pipeline import Context

ACTOR_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "NORP": "NORP"}


@stages.register("actors", assigns=("actors",))
def extract_actors(ctx: Context) -> ActorTable:
    doc = ctx.doc
    groups: dict[tuple[str, str], list[Mention]] = {}
    for ent in doc.ents:
        kind = ACTOR_LABELS.get(ent.label)
        if kind is None:
            continue
        name = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
        groups.setdefault((kind, name), []).append(Mention(doc.char_span(ent.start, ent.end), "name", "name"))
    actors = [
        Actor(stable_id(ctx.article.id, kind, name), ctx.article.id, name, kind, mentions=tuple(ms))  # type: ignore[arg-type]
        for (kind, name), ms in groups.items()
    ]
    return ActorTable.build(actors)
