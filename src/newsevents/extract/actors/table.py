"""The resolved actors of one article, indexed so quotes and events can ask "who is this token?".

This is the contract between the actors stage (which builds it) and the quotes/events stages (which read
it).  Keep its methods stable; the actors stage may add more.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field

from newsevents.model import Actor, Mention, Participant, Span, Speaker


@dataclass
class ActorTable:
    actors: tuple[Actor, ...] = ()
    _by_id: dict[str, Actor] = field(default_factory=dict, repr=False)
    _starts: list[int] = field(default_factory=list, repr=False)
    _entries: list[tuple[Mention, Actor]] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._by_id = {a.id: a for a in self.actors}
        pairs = sorted(((m, a) for a in self.actors for m in a.mentions), key=lambda p: p[0].span.start)
        self._entries = pairs
        self._starts = [m.span.start for m, _ in pairs]

    @classmethod
    def build(cls, actors: Iterable[Actor]) -> ActorTable:
        return cls(tuple(actors))

    def get(self, actor_id: str | None) -> Actor | None:
        return self._by_id.get(actor_id) if actor_id else None

    def mention_at(self, start: int, end: int) -> tuple[Mention, Actor] | None:
        """The mention overlapping ``[start, end)`` best (largest overlap; the shorter mention on ties)."""
        k = bisect.bisect_left(self._starts, end)
        best: tuple[int, int, Mention, Actor] | None = None
        # Mentions are short; scan back a bounded window of candidates that start before ``end``.
        for j in range(k - 1, max(-1, k - 64), -1):
            m, a = self._entries[j]
            ov = min(end, m.span.end) - max(start, m.span.start)
            if ov > 0:
                key = (ov, -(m.span.end - m.span.start))
                if best is None or key > (best[0], best[1]):
                    best = (key[0], key[1], m, a)
        return (best[2], best[3]) if best else None

    def head_mention(self, start: int, end: int) -> tuple[Mention, Actor] | None:
        """The mention that heads the phrase ``[start, end)``: the one whose overlap begins first, then the
        largest overlap, then the shorter mention.

        For a whole subject phrase this is the phrase's own referent, not a name buried in a modifier:
        "A spokeswoman for Hillary Clinton" → the spokeswoman; "Richard Revesz, director of the Institute
        for Policy Integrity" → Revesz.  For a single word it is the same as :meth:`mention_at`.
        """
        k = bisect.bisect_left(self._starts, end)
        best: tuple[tuple[int, int, int], Mention, Actor] | None = None
        for j in range(k - 1, max(-1, k - 64), -1):
            m, a = self._entries[j]
            ov = min(end, m.span.end) - max(start, m.span.start)
            if ov > 0:
                key = (-max(start, m.span.start), ov, -(m.span.end - m.span.start))
                if best is None or key > best[0]:
                    best = (key, m, a)
        return (best[1], best[2]) if best else None

    def mentions_in(self, start: int, end: int) -> list[tuple[Mention, Actor]]:
        """All mentions lying inside ``[start, end)``, in text order."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return [p for p in self._entries[lo:hi] if p[0].span.end <= end]

    # -- record helpers shared by the quotes and events stages ---------------------------------------------
    def speaker_for(self, span: Span) -> Speaker:
        """A speaker record for the words at ``span``: resolved to the actor of the mention heading them."""
        hit = self.head_mention(span.start, span.end)
        if hit is None:
            return Speaker(span.text, None, None, span, "none")
        mention, actor = hit
        resolved = {"pronoun": "pronoun", "nominal": "nominal"}.get(mention.kind)
        if resolved is None:
            resolved = "organisation" if actor.kind in ("ORG", "GPE", "NORP") else "name"
        return Speaker(actor.name, actor.id, actor.country, span, resolved, actor.kb_id)  # type: ignore[arg-type]

    def participant_for(self, span: Span) -> Participant:
        """A participant record for the words at ``span`` (the actor of the mention heading them)."""
        hit = self.head_mention(span.start, span.end)
        if hit is None:
            return Participant(span.text, None, None, None, span)
        _, actor = hit
        return Participant(actor.name, actor.id, actor.country, actor.sector, span, actor.kb_id, actor.code)
