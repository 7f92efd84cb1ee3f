"""Events stage: PLOVER-coded who-did-what-to-whom with date, place, evidence, rule and confidence.

Pipeline for one article (each step in its own module):

1. match trigger lexicon entries on tokens (``events_lexicon``) and build frames: trigger, clause verb,
   actor and recipient heads (``roles`` for verbs, ``noun_roles`` for event nouns, ``arguments``);
2. drop frames embedded in another event's complement, recode negated / future / obligation frames
   (``events_context``);
3. resolve heads to participants through the actors stage's :class:`ActorTable` (coreference is the actors
   stage's job; a pronoun it leaves unresolved inside a reported clause falls back to the reporter);
4. compound actors give one event per actor (one event per pair for symmetric types with no recipient:
   "Israel and Lebanon renewed negotiations" -> Israel <-> Lebanon);
5. date and place (``events_where_when``), quote and claimant when the trigger lies in a quote's content;
6. one event per fact: the same type, actor, recipient and date in one article merge, later mentions
   becoming ``extra_evidence``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsevents.annotate.doc import AnnotatedDoc
from newsevents.extract.events.accusations import blame_frames
from newsevents.extract.events.addressees import address_requests
from newsevents.extract.events.arguments import Frame, is_actor_like
from newsevents.extract.events.concessions import (
    HolderHint,
    agent_from_story,
    awaits_counterpart,
    deadline_frames,
    holder_hint,
    promised_releases,
    release_frames,
    with_counterparts,
)
from newsevents.extract.events.confidence import calibrate
from newsevents.extract.events.conflict import (
    conflict_frames,
    fight_sides,
    hosts_nothing,
    open_ended,
    own_clause,
    protest_target_crowd,
)
from newsevents.extract.events.conflict_protest import protest_crowd
from newsevents.extract.events.diplomacy import dated_by_meeting, own_speech_act, purpose_of_contact
from newsevents.extract.events.lexicon import Lexicon, Trigger, load_lexicon
from newsevents.extract.events.mentions import merge_mentions
from newsevents.extract.events.modality import governing_frame, modality, recode
from newsevents.extract.events.nominal import BETWEEN_ENTRY, fight_stands_alone, nominal_frames
from newsevents.extract.events.noun_roles import modal_demand_frames, noun_frame
from newsevents.extract.events.participants import NAME_ENTS, Participants
from newsevents.extract.events.parties import (
    MULTILATERAL_TYPES,
    between_parties,
    meeting_parties,
    multilateral,
    signed_at_meeting,
    two_sides,
)
from newsevents.extract.events.requests import add_obligations, demand_stands_alone, inquiry_target
from newsevents.extract.events.roles import verb_frame
from newsevents.extract.events.syntax import conjuncts, particle
from newsevents.extract.events.verbal import owned_recipients, rejects_a_verdict, verbal_frames
from newsevents.extract.events.where_when import WhereWhen
from newsevents.model import Event, Participant, Quote, Span, stable_id
from newsevents.registry import stages

if TYPE_CHECKING:
    from newsevents.extract.context import Context

PATTERN_CONFIDENCE = {
    "verb": 1.0, "passive": 0.95, "light-verb": 0.95, "noun-pp": 0.85, "noun": 0.75, "modal-demand": 0.7,
}  # fmt: skip
# A particle the entry does not ask for makes another verb of it ("back off" is no support).
SENSE_PARTICLES = {"off", "away", "in"}
MODAL_DEMAND_ENTRY = Trigger(
    "REQUEST", "modal-demand", "verb", frozenset({"must"}), mode="demand", confidence=0.8
)


def find_frames(doc: AnnotatedDoc, lex: Lexicon) -> list[Frame]:
    """Every frame the lexicon and patterns produce, before modality and embedding."""
    verb_frames: list[Frame] = []
    nouns: list[tuple[int, Trigger]] = []
    for t in doc.tokens:
        if t.ent_type in NAME_ENTS and t.pos != "VERB":
            continue  # "Palestinian Resistance *Movement*", "Economic *Cooperation*": part of a name
        for entry in lex.triggers_at(doc, t.i):
            if entry.pos == "verb" and entry.particle is None and particle(doc, t.i) in SENSE_PARTICLES:
                continue  # "backed *off*", "was sworn *in*", "fought *off*": another verb than the entry's
            if entry.pos == "verb":
                vf = verb_frame(doc, t.i, entry, lex)
                if vf is not None:
                    verb_frames.append(vf)
            else:
                nouns.append((t.i, entry))
    # one reading per verb: "vowed (to fight)" is a threat or a promise, not both; the most specific entry wins
    best: dict[int, Frame] = {}
    for vf in verb_frames:
        if vf.trigger not in best or vf.entry.specificity > best[vf.trigger].entry.specificity:
            best[vf.trigger] = vf
    verb_frames = [vf for vf in verb_frames if best[vf.trigger] is vf]
    consumed = {c for f in verb_frames for c in f.consumed}
    frames = list(verb_frames)
    for i, entry in nouns:
        if i in consumed:
            continue
        f = noun_frame(doc, i, entry, lex)
        if f is not None:
            frames.append(f)
    frames.extend(modal_demand_frames(doc, lex, MODAL_DEMAND_ENTRY))
    # fights "between X and Y", aid "received from Y": roles the lexicon patterns do not look for
    frames = nominal_frames(doc, lex, frames, consumed)
    frames = conflict_frames(doc, lex, frames, consumed)  # implicit sides of protests and fights
    return _merge_same_event(doc, frames)


def _merge_same_event(doc: AnnotatedDoc, frames: list[Frame]) -> list[Frame]:
    """A noun naming the event that is also a participant of a same-type verb ("a bombing killed ...")."""
    by_token = {(f.trigger, f.entry.type): f for f in frames if f.entry.pos == "verb"}
    out = []
    for f in frames:
        t = doc.tokens[f.trigger]
        host_verb = by_token.get((t.head, f.entry.type)) if t.dep == "conj" else None
        if f.entry.pos == "verb" and host_verb is not None and not own_speech_act(doc, f, host_verb):
            continue  # "killed one soldier and wounded two others": one attack
        if f.entry.pos == "noun":
            v = doc.tokens[f.trigger].head
            host = by_token.get((v, f.entry.type))
            if host is not None and doc.tokens[f.trigger].dep in ("nsubj", "nsubjpass", "dobj", "pobj"):
                continue
        out.append(f)
    return out


def _shared_modifier_conjuncts(people: Participants, heads: list[int]) -> list[int]:
    """Drop conjuncts that name nobody when the first one does: "Israeli helicopters and tanks" is one
    actor (the modifier is shared), not Israel plus an unknown "tanks"."""
    if len(heads) < 2:
        return heads
    first = people.resolve(heads[0])
    if first is None or (first.actor_id is None and first.country is None):
        return heads
    return [heads[0], *(h for h in heads[1:] if is_actor_like(people.doc, h, people.lex))]


def _key(p: Participant | None) -> str:
    if p is None:
        return ""
    return p.actor_id or p.name.lower()


def _quote_for(quotes: tuple[Quote, ...], start: int) -> Quote | None:
    for q in quotes:
        if q.content.start <= start < q.content.end:
            return q
    return None


def _trigger_span(doc: AnnotatedDoc, f: Frame) -> Span:
    a, b = sorted((f.trigger, f.verb))
    if f.pattern == "light-verb" and b - a <= 4:
        return doc.span(a, b + 1)
    return doc.span(f.trigger, f.trigger + 1)


def build_events(ctx: Context) -> tuple[Event, ...]:
    doc, lex, article = ctx.doc, load_lexicon(), ctx.article
    frames = find_frames(doc, lex)
    frames += verbal_frames(doc, lex, ctx.quotes, frames)  # labels, mutual accusations, quoted demands
    frames += blame_frames(doc, lex, ctx.quotes, ctx.actors, frames)  # "X's aggression", said Y: Y accuses X
    frames += release_frames(doc, lex, frames)  # "police freed Bobi Wine", "he was released"
    frames += deadline_frames(doc, lex, frames)  # "gave the junta a month to propose a timetable"
    # "Y should / has to ...", "it is time for Y to ...", "It further called on ..." (a statement's author)
    frames = add_obligations(doc, lex, ctx.quotes, ctx.actors, frames)
    by_trigger = {f.trigger: f for f in frames if f.pattern != "modal-demand"}
    for f in frames:
        if f.pattern != "modal-demand" and f.verb not in by_trigger:
            by_trigger.setdefault(f.verb, f)
    kept: list[Frame] = []
    for f in frames:
        # a grievance is the object of its own verb ("expressed concern over"), never another act's content
        gov = governing_frame(doc, f, by_trigger) if f.pattern not in ("modal-demand", "grievance") else None
        if gov is not None and (fight_stands_alone(doc, f, gov) or hosts_nothing(gov) or own_clause(doc, f)):
            gov = None  # "six were killed in clashes between X and Y": the fight says who fought whom
        if gov is not None and (purpose_of_contact(doc, f, gov) or dated_by_meeting(doc, f)):
            gov = None  # "called him to express solidarity", "after their summit, they agreed": two acts
        if gov is not None and demand_stands_alone(doc, f, gov):
            gov = None  # "announced a strike, demanding X's release": the strike and the demand
        if gov is not None:
            if not gov.recipients and f.recipients and f.recipients[0] not in gov.actors:
                gov.recipients = list(f.recipients)
            if gov.entry.type == "AGREE" and f.entry.type in lex.conflictual_types:
                gov.type_override = "THREATEN"  # "vowed to ban", "pledged to destroy": a promise of harm
            continue
        kept.append(f)
    # "pledged to free women held in Gaza": a concession to the holder's foe
    promised_releases(doc, lex, kept)
    # agentless signings at a meeting come last: their parties are those of a meeting coded before them
    kept.sort(key=lambda f: signed_at_meeting(doc, f))
    dyads: list[tuple[int, int, int]] = []  # (trigger, actor head, recipient head) of the CONSULTs coded
    people = Participants(doc, ctx.actors, lex)
    where_when = WhereWhen(doc, article)
    events: list[Event] = []
    pending: set[int] = set()  # concessions whose counterpart the story gives (concessions.py)
    holders: dict[int, HolderHint] = {}  # releases whose actor the story gives (concessions.py)
    for f in kept:
        m = modality(doc, f, lex)
        coded = recode(f.type_override or f.entry.type, f.entry.mode, m, lex)
        if coded is None:
            continue
        type_, mode, context = coded
        # "clashes between police and protesters", "X and Y traded accusations": the frame has split the pair
        # into actor and recipient
        sides = f.entry is BETWEEN_ENTRY or f.pattern == "mutual"
        actor_heads = [c for h in f.actors for c in ([h] if sides else conjuncts(doc, h))]
        if not actor_heads:  # "a truce between X and Y was signed"; "agreements were signed at the summit"
            heads = between_parties(doc, f) or (
                meeting_parties(dyads, f.trigger) if signed_at_meeting(doc, f) else []
            )
            actor_heads = [c for h in heads for c in conjuncts(doc, h)]
        recip_heads = [c for h in f.recipients for c in conjuncts(doc, h) if c not in actor_heads]
        # "condemned *Serbia's* crackdown", "called for *his* extradition": a verbal act's party owns the thing
        recip_heads = owned_recipients(doc, f, recip_heads, people, lex, type_)
        # "called for an investigation into police conduct": the party investigated
        recip_heads = recip_heads or inquiry_target(doc, f, lex, type_)
        if (pair := fight_sides(doc, ctx.actors, f)) is not None:
            actor_heads, recip_heads = pair  # "clashes between the arch foes": the pair named before
        if len(actor_heads) == 1 and not recip_heads and (type_ in lex.symmetric_types or type_ == "SUPPORT"):
            # "the two leaders held talks", "a truce between the two parties": the pair named before
            actor_heads = two_sides(doc, ctx.actors, actor_heads[0]) or actor_heads
        actor_heads = _shared_modifier_conjuncts(people, actor_heads)
        recip_heads = _shared_modifier_conjuncts(people, recip_heads)
        # only political actors take part: no dateline, number, unresolved "I"/"it" or abstraction
        actor_heads = list(
            dict.fromkeys(h for a in actor_heads if (h := people.actor_head(a, type_)) is not None)
        )
        recip_heads = [
            h for r in recip_heads if (h := people.recipient_head(r)) is not None and h not in actor_heads
        ]
        if not actor_heads and f.entry.type == "COERCE" and f.entry.mode == "arrest":
            arrester = people.implicit_arrester(f.trigger)  # "X was arrested": by the story's police
            actor_heads = [arrester] if arrester is not None else []
        reciprocal = type_ in lex.symmetric_types or (type_ == "SUPPORT" and not recip_heads)
        if reciprocal and len(actor_heads) == 1 and not recip_heads:
            # "U.S. and Russian negotiators met": one side as actor, the other as recipient
            actor_heads = people.coordinated_owners(actor_heads[0]) or actor_heads
        pairs: list[tuple[int | None, int | None]]
        if reciprocal and len(actor_heads) > 1:
            pairs = [(actor_heads[0], other) for other in actor_heads[1:]]
        else:
            # coordinated actors of one act are one party, as recipients are ("the US, the EU and their
            # allies expressed support": one happening, one record)
            actor_opts: list[int | None] = list(actor_heads[:1]) or [None]
            recip_opts: list[int | None] = list(recip_heads[:1]) or [None]
            pairs = [(a, r) for a in actor_opts for r in recip_opts]
        trigger_span = _trigger_span(doc, f)
        sent = doc.sentence_of(f.trigger)
        evidence = doc.char_span(sent.start, sent.end)
        when = where_when.event_date(f.trigger, f.verb, future=bool(m.future))
        # the actor is never the place; a recipient is only when it is a locative ("blocked roads in Caracas")
        exclude = set(actor_heads) | {h for h in recip_heads if not where_when.is_locative(h)}
        where = where_when.event_place(f.trigger, f.verb, exclude)
        quote = _quote_for(ctx.quotes, trigger_span.start)
        for a, r in pairs:
            if a is None:
                actor = None
            else:
                actor = people.resolve(a) if reciprocal else people.resolve_group(actor_heads)
            if r is None:
                recipient = None
            else:
                recipient = people.resolve(r) if reciprocal else people.resolve_group(recip_heads)
            # "as demonstrations continued": by the protesters; "police were out in force for the protests"
            actor, recipient = actor or protest_crowd(doc, f), recipient or protest_target_crowd(doc, f)
            if actor is None:
                if not agent_from_story(f):
                    continue  # an event is coded only when the text says who did it
                holders[len(events)] = holder_hint(people, f)
            if f.entry.cameo and recipient is None:
                continue  # a compiled CAMEO pattern codes a full dyad or nothing (precision first)
            actor, recipient = people.localise(actor, where), people.localise(recipient, where)
            if actor and recipient and actor.actor_id and actor.actor_id == recipient.actor_id:
                recipient = None
            # a bloc's members meeting or agreeing among themselves have no counterpart to name; a curfew or a
            # state of emergency falls on the actor's own country
            bloc = type_ in MULTILATERAL_TYPES and a is not None and multilateral(doc, ctx.actors, a)
            own_country = f.entry.mode == "curfew"
            if (
                recipient is None
                and (f.type_override or f.entry.type) in lex.needs_recipient
                and not (bloc or own_country or open_ended(f) or rejects_a_verdict(doc, f, type_))
                and type_ != "REQUEST"  # its addressee may be in the passage: addressees.address_requests
            ):
                if not awaits_counterpart(doc, f):
                    continue  # a dyadic act with no counterpart in the text: half a dyad is not coded
                pending.add(len(events))
            conf = f.entry.confidence * PATTERN_CONFIDENCE.get(f.pattern, 0.8)
            conf *= (1.0 if actor else 0.85) * (1.0 if recipient else 0.9) * (0.9 if context else 1.0)
            events.append(
                Event(
                    id=stable_id(article.id, type_, trigger_span.start, _key(actor), _key(recipient)),
                    article_id=article.id,
                    type=type_,
                    mode=mode or None,
                    context=context,
                    actor=actor,
                    recipient=recipient,
                    date=when.value or None,
                    date_source="text" if when.source == "text" else ("article" if when.value else None),
                    date_span=when.span,
                    location=where,
                    trigger=trigger_span,
                    evidence=evidence,
                    rule=f.rule,
                    confidence=round(conf, 3),
                    quote_id=quote.id if quote else None,
                    claimant=quote.speaker.name if quote and quote.speaker else None,
                    cameo=lex.cameo(type_, f.entry),
                )
            )
            if type_ == "CONSULT" and a is not None and r is not None:
                dyads.append((f.trigger, a, r))
    return merge_mentions(address_requests(doc, with_counterparts(events, pending, holders), ctx.actors))


@stages.register("events", requires=("actors", "quotes"), assigns=("events",))
def extract_events(ctx: Context) -> tuple[Event, ...]:
    """PLOVER events with actor, recipient, date, place, evidence, rule and confidence."""
    if ctx.options.extra.get("raw_confidence"):
        return build_events(ctx)  # the rules' own confidence, nothing dropped: what the model is fitted on
    # held_out (newsevents eval --held-out): the fold model that never saw this article scores it
    key = ctx.article.id if ctx.options.extra.get("held_out") else None
    return calibrate(build_events(ctx), len(ctx.doc.text), ctx.options.min_confidence, held_out_key=key)
