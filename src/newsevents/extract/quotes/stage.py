"""Quotes stage: direct, indirect and mixed speech, each attributed to a speaker resolved by the actors stage.

The finders (``quotes_direct``, ``quotes_indirect``) propose candidates; this module merges overlapping
detections of the same statement, labels indirect speech holding quoted words as ``mixed``, and turns
candidates into :class:`~newsevents.model.Quote` records whose speaker comes from
``ctx.actors.speaker_for`` (coreference lives in the actors stage, not here).  See ``docs/quotes.md``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from newsevents.annotate.doc import AnnotatedDoc
from newsevents.extract.actors.table import ActorTable
from newsevents.extract.quotes.base import Candidate, trim
from newsevents.extract.quotes.cues import load_cues
from newsevents.extract.quotes.direct import find_direct
from newsevents.extract.quotes.indirect import find_indirect
from newsevents.extract.quotes.marks import Stretch, find_stretches
from newsevents.extract.quotes.runon import run_on
from newsevents.extract.quotes.speaker import body_speaker, outside_quotes, relayed
from newsevents.model import Quote, Span, Speaker, stable_id
from newsevents.registry import stages

if TYPE_CHECKING:
    from newsevents.extract.context import Context

ACCORDING_RULE = "quotes.indirect.according-to"
DUPLICATE_OVERLAP = 0.5  # two detections sharing more than half of each one's content are one statement


@stages.register("quotes", requires=("actors",), assigns=("quotes",))
def extract_quotes(ctx: Context) -> tuple[Quote, ...]:
    return quotes_of(ctx.doc, ctx.actors, ctx.article.id)


def quotes_of(doc: AnnotatedDoc, actors: ActorTable, article_id: str) -> tuple[Quote, ...]:
    """All quotes of one annotated article, in text order."""
    stretches = find_stretches(doc.text)
    quoted = [(st.inner_start, st.inner_end) for st in stretches if st.closed]
    return tuple(
        _record(doc, actors, article_id, outside_quotes(doc, actors, relayed(doc, c), quoted))
        for c in find_candidates(doc, stretches)
    )


def find_candidates(doc: AnnotatedDoc, stretches: Sequence[Stretch] | None = None) -> list[Candidate]:
    """Merged quote candidates of ``doc`` in text order (the record-free core, handy for tests);
    ``stretches`` are the text's quoted stretches when the caller has found them already."""
    cues = load_cues()
    stretches = find_stretches(doc.text) if stretches is None else stretches
    direct = find_direct(doc, cues, stretches)
    indirect = [
        _with_kind(_whole_stretches(doc.text, c, stretches), stretches) for c in find_indirect(doc, cues)
    ]
    merged = run_on(doc, sorted(merge(direct, indirect), key=lambda c: (c.start, c.end)), stretches, cues)
    return [c if c.kind == "direct" else _with_kind(c, stretches) for c in merged]


def merge(direct: Sequence[Candidate], indirect: Sequence[Candidate]) -> list[Candidate]:
    """Direct quotes first, then indirect ones that are not another detection of an accepted statement."""
    accepted: list[Candidate] = list(direct)
    direct_cues = {c.cue_token for c in direct if c.cue_token is not None}
    for cand in sorted(indirect, key=_precedence):
        if cand.cue_token in direct_cues:
            continue  # that cue attributes a direct quote
        if any(_duplicate(cand, other) for other in accepted):
            continue
        if any(d.start <= cand.start and cand.end <= d.end for d in accepted):
            continue  # speech reported inside another statement belongs to that statement
        if cand.cue and any(d.rule == ACCORDING_RULE and d.start <= cand.cue[0] < d.end for d in accepted):
            continue  # "X told donors that S, according to Y": Y reports it all
        accepted.append(cand)
    return accepted


def _precedence(c: Candidate) -> tuple[float, bool, int, int]:
    """Surer detections first; of equal ones "according to" first, since its source is the outermost one
    ("X said S, according to the Times": the Times reports all of "X said S"), then the longer one."""
    return (-c.confidence, c.rule != ACCORDING_RULE, -(c.end - c.start), c.start)


def _duplicate(a: Candidate, b: Candidate) -> bool:
    overlap = min(a.end, b.end) - max(a.start, b.start)
    if overlap <= 0:
        return False
    if a.cue_token is not None and a.cue_token == b.cue_token:
        return True
    return overlap > DUPLICATE_OVERLAP * (a.end - a.start) and overlap > DUPLICATE_OVERLAP * (b.end - b.start)


def _whole_stretches(text: str, cand: Candidate, stretches: Sequence[Stretch]) -> Candidate:
    """Indirect content never cuts a quoted stretch in half: content that opens a quote ("told backers that
    Cruz has “taken every punch, and he's standing tall.”") runs to its closing mark, even past the end of
    the clause or sentence the parse gave it, and content that starts at a quote's first word keeps its
    opening mark."""
    start, end = cand.start, cand.end
    for st in stretches:
        if st.closed and st.start < start <= st.inner_start:
            start = st.start  # the parse left the opening mark to the cue: "said “we lost” badly"
        if st.closed and start <= st.start < end < st.inner_end:
            end = st.inner_end
    if (start, end) == (cand.start, cand.end):
        return cand
    return cand.with_content(*trim(text, start, end))


def _with_kind(cand: Candidate, stretches: Sequence[Stretch]) -> Candidate:
    """Indirect speech that holds quoted words ("said they had made “no progress”") is mixed."""
    for st in stretches:
        if st.closed and cand.start <= st.start and st.inner_start < cand.end:
            return replace(cand, kind="mixed")
    return cand


def _speaker(doc: AnnotatedDoc, actors: ActorTable, cand: Candidate) -> Speaker | None:
    """Resolve the speaker's head word ("minister" in "Turkey's foreign minister", not "Turkey"); the record
    keeps the whole phrase as its mention.  A phrase no actor covers keeps its own words (``none``), and so
    does a generic one ("officials") whose actor is never named: it keeps the actor link but is unresolved."""
    assert cand.speaker is not None
    text = doc.text
    phrase = Span.of(text, *cand.speaker)
    head = Span.of(text, *(cand.speaker_head or cand.speaker))
    resolved = actors.speaker_for(head)
    if resolved.actor_id is None:
        return body_speaker(doc, actors, phrase, head)  # a document's issuer, else the words
    actor = actors.get(resolved.actor_id)
    named = actor is not None and any(m.kind == "name" for m in actor.mentions)
    return replace(resolved, mention=phrase, resolved_by=resolved.resolved_by if named else "none")


def _record(doc: AnnotatedDoc, actors: ActorTable, article_id: str, cand: Candidate) -> Quote:
    text = doc.text
    speaker = _speaker(doc, actors, cand) if cand.speaker is not None else None
    cue = Span.of(text, *cand.cue) if cand.cue else None
    content = Span.of(text, cand.start, cand.end)
    return Quote(
        id=stable_id(article_id, "quote", cand.start, cand.end),
        article_id=article_id,
        kind=cand.kind,
        speaker=speaker,
        cue=cue,
        content=content,
        rule=cand.rule,
        confidence=cand.confidence,
    )
