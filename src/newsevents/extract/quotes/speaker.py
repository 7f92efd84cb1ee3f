"""A speaker found inside quoted words is a misparse: the speaker is looked for outside the quote marks.

A cue after a quote sometimes gets a subject from inside the quote ("“We were wrong,” Ramos, 58, told AFP"
parsed with "We" as the subject; "“… Trump articulates it,” he points out"). Nobody speaks from inside the
marks of the sentence that attributes them, so such a speaker is replaced by the actor mention of the cue's
sentence that lies outside every quote: a subject nearest the cue first, then the nearest mention before the
cue, then the first one after it ("said Ramos"); objects of the cue ("told AFP") are never the speaker.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from newsevents.annotate.doc import AnnotatedDoc
from newsevents.extract.actors.table import ActorTable
from newsevents.extract.quotes.base import Candidate

_OBJECT_DEPS = {"dobj", "dative", "pobj", "iobj", "obj"}


def _inside(start: int, quoted: Sequence[tuple[int, int]]) -> bool:
    return any(a <= start < b for a, b in quoted)


def outside_quotes(
    doc: AnnotatedDoc, actors: ActorTable, cand: Candidate, quoted: Sequence[tuple[int, int]]
) -> Candidate:
    """``cand`` with its speaker moved out of quoted words when the parse put it inside them."""
    if cand.speaker is None or cand.cue is None or cand.inherited:
        return cand
    if not _inside(cand.speaker[0], quoted) or _inside(cand.cue[0], quoted):
        return cand
    cue = doc.token_at(cand.cue[0])
    if cue is None:
        return cand
    sent = doc.sentence_of(cue)
    best: tuple[tuple[int, int], tuple[int, int]] | None = None
    for mention, _ in actors.mentions_in(sent.start, sent.end):
        span = mention.span
        if _inside(span.start, quoted) or cand.start <= span.start < cand.end:
            continue
        head = doc.token_at(span.end - 1)
        if head is None:
            continue
        dep = doc.tokens[head].dep
        if dep in _OBJECT_DEPS:
            continue
        before = span.end <= cand.cue[0]
        distance = cand.cue[0] - span.end if before else span.start - cand.cue[1]
        key = (0 if dep.startswith("nsubj") else 1 if before else 2, distance)
        if best is None or key < best[0]:
            best = (key, (span.start, span.end))
    if best is None:
        return cand
    return replace(cand, speaker=best[1], speaker_head=best[1])
