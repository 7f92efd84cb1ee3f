"""Conciliatory acts whose counterpart the story implies: who a concession or a promise is made to.

A concession is always made to someone, but news often names only the one who gives in: "Washington eases
some sanctions", "the rebels announced a unilateral ceasefire", "we have waived 46 trade barriers".  The
clause leaves the other side out because the story has already named it: the target of the sanctions, the
other party of the conflict or of the negotiation.  Coding such an act with half a dyad is useless, and
dropping it (as the events stage does for every dyadic act with no recipient) loses real events.

The counterpart is taken from the story itself, from the dyads of the other events coded in the article
(:func:`story_counterpart`): every event whose one side is the conceding party's *side* and whose other
side is not links that party to an opponent or partner; the side most often linked to it is its
counterpart (ties: the one named nearest before the act), named by its most frequently coded participant.
A party the story links to nobody has no counterpart, and its act is not coded.

A *side* is a country with a coarse sector: the state (government, army, police, courts, the country
itself or a party of it with no sector) against anyone of that country with another sector (rebels, the
opposition, civilians), so that a domestic conflict still has two sides; a party with no country is its own
side.

A promise to free captives is coded CONCEDE; when the captives are described only as people ("Hamas pledged
to release *women and children held in Gaza*") the same counterpart is its recipient: the ones freed are the
object of the act, the concession is made to the holder's adversary.  People named by their side ("promised
to release *Palestinians*") stay the recipient.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, replace

from newsevents.annotate.doc import AnnotatedDoc
from newsevents.extract.events.arguments import Frame
from newsevents.extract.events.lexicon import Lexicon, Trigger
from newsevents.extract.events.participants import ARRESTERS, Participants
from newsevents.extract.events.roles import verb_frame
from newsevents.extract.events.syntax import kids, prep_objects
from newsevents.model import Event, Participant, stable_id

# Sectors of the state: a government's army, police and courts are on its side of a domestic conflict.
STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}
# Entries whose act is a concession in itself (the lexicon's CONCEDE type: easing, ceasefires, backing down).
CONCESSION_TYPE = "CONCEDE"
PROMISE_TYPE = "AGREE"
RELEASE_TYPE, RELEASE_MODE = "RETREAT", "release"
# Modifiers that name the side of the people freed ("*Palestinian* prisoners", "*U.S.* detainees").
SIDE_ENTS = {"NORP", "GPE", "ORG", "PERSON"}
SIDE_DEPS = ("compound", "amod", "nmod", "poss")
# The rule suffix that says the recipient was taken from the story, not from the clause.
COUNTERPART_RULE = "story-counterpart"
HOLDER_RULE = "story-holder"  # the actor of an agentless release: who held the people freed
SIDES_RULE = "story-sides"  # the parties of an agentless renewal: the story's main dyad
RENEW_MODE = "renew"
ARREST_TYPE = "COERCE"
NATIONALITY_ENTS = {"NORP", "GPE"}
# The release of people named or referred to by a pronoun (``release_frames``); a thing is never "he".
RELEASE_PEOPLE = Trigger(
    "RETREAT",
    "release",
    "verb",
    frozenset({"release", "free"}),
    mode="release",
    object_is_recipient=True,
)
CUSTODY = {
    "prison",
    "jail",
    "gaol",
    "custody",
    "detention",
    "captivity",
    "arrest",
    "cell",
    "camp",
    "prisoner",
}
# A deadline: a time given to a party to act (``deadline_frames``).
DEADLINE = Trigger(
    "REQUEST",
    "deadline",
    "verb",
    frozenset({"give", "offer", "grant", "allow"}),
    mode="demand",
)
TIME_UNITS = {"hour", "day", "week", "month", "year"}
FREED_PRONOUNS = {
    "he",
    "she",
    "him",
    "her",
}  # "they were released" is as often results or figures


def side_of(p: Participant) -> str:
    """The side a party stands on (see the module docstring)."""
    if p.country:
        # no sector: the country itself or a thing of it ("Pakistani posts", "Israeli hostages")
        sector = p.sector or (p.code[3:6] if p.code and len(p.code) >= 6 else None)
        return f"{p.country}:{'state' if sector is None or sector in STATE_SECTORS else sector}"
    return p.actor_id or p.kb_id or p.name.lower()


def awaits_counterpart(doc: AnnotatedDoc, f: Frame) -> bool:
    """A frame coded even when its clause names no recipient: the story will give one.  Only concessions
    and promises to free people: an agreement, a request or a meeting with no counterpart in the clause is
    far more often no dyadic event at all."""
    return CONCESSION_TYPE in (f.entry.type, f.type_override) or f.entry.mode == RENEW_MODE


def promises_release(doc: AnnotatedDoc, lex: Lexicon, f: Frame) -> bool:
    """ "pledged / promised / agreed to release ...": the promise's own open complement frees people (the
    lexicon's release entry accepts it: "agreed to release *millions in cash*" frees nobody)."""
    return any(
        e.type == RELEASE_TYPE and e.mode == RELEASE_MODE
        for c in kids(doc, f.trigger, ("xcomp",))
        for e in lex.triggers_at(doc, c)
    )


def _named_side(doc: AnnotatedDoc, head: int) -> bool:
    """People named by their side: a name, or a national or party modifier ("Palestinian prisoners",
    "two U.S. detainees"); "women and children held in Gaza" are not."""
    t = doc.tokens[head]
    if t.ent_type in SIDE_ENTS:
        return True
    return any(doc.tokens[k].ent_type in SIDE_ENTS for k in kids(doc, head, SIDE_DEPS))


def promised_releases(doc: AnnotatedDoc, lex: Lexicon, frames: list[Frame]) -> None:
    """A promise to free captives is a concession in itself (CONCEDE, as the real-dev annotators code it:
    it gives in to the other side's demand), and two such promises in one deal stay two acts.  Captives
    described only as people are no recipient: the story's counterpart of the promiser becomes it
    (:func:`with_counterparts`)."""
    for f in frames:
        if f.entry.type == PROMISE_TYPE and promises_release(doc, lex, f) and f.type_override is None:
            f.type_override = CONCESSION_TYPE
            if not any(_named_side(doc, r) for r in f.recipients):
                f.recipients = []


def _dyads(events: list[Event], skip: set[int]) -> list[tuple[int, Participant, Participant]]:
    out = []
    for k, e in enumerate(events):
        if k in skip or e.actor is None or e.recipient is None:
            continue
        if side_of(e.actor) != side_of(e.recipient):
            out.append((e.trigger.start, e.actor, e.recipient))
    return out


def _representative(parties: list[tuple[int, Participant]], at: int) -> Participant:
    """The participant that stands for a side: the one coded most often, a coded actor before a bare
    phrase, then the one named nearest before ``at``."""
    counts = Counter(p.name.lower() for _, p in parties)

    def rank(item: tuple[int, Participant]) -> tuple[int, int, int]:
        pos, p = item
        return (counts[p.name.lower()], int(bool(p.code or p.kb_id)), -abs(at - pos))

    return max(parties, key=rank)[1]


def story_counterpart(
    events: list[Event], actor: Participant, at: int, skip: set[int] | None = None
) -> Participant | None:
    """The party on the other side of ``actor`` in this story (see the module docstring), or None."""
    mine = side_of(actor)
    linked: dict[str, list[tuple[int, Participant]]] = defaultdict(list)
    for pos, a, r in _dyads(events, skip or set()):
        if side_of(a) == mine:
            linked[side_of(r)].append((pos, r))
        elif side_of(r) == mine:
            linked[side_of(a)].append((pos, a))
    if not linked:
        return None
    # most links first; among equals the side named nearest before the act
    best = max(
        linked,
        key=lambda s: (len(linked[s]), -min(abs(at - pos) for pos, _ in linked[s])),
    )
    return _representative(linked[best], at)


def deadline_frames(doc: AnnotatedDoc, lex: Lexicon, frames: list[Frame]) -> list[Frame]:
    """ "offered the junta *a month to propose* a timetable", "gave the government *12 months to hold*
    elections": a time given to a party to act is a deadline, a demand on it (REQUEST), not an offer.  An
    offer frame on the verb is re-read; a verb of giving with no frame gets one."""
    by_trigger = {f.trigger: f for f in frames}
    out = []
    for t in doc.tokens:
        if t.pos != "VERB" or t.lemma.lower() not in DEADLINE.lemmas:
            continue
        spans = [k for k in kids(doc, t.i, ("npadvmod", "dobj")) if doc.tokens[k].lemma.lower() in TIME_UNITS]
        acts = [k for k in kids(doc, t.i, ("advcl", "xcomp")) if kids(doc, k, ("aux",))]
        if not spans or not any(doc.tokens[j].lower == "to" for k in acts for j in kids(doc, k, ("aux",))):
            continue
        if t.i in by_trigger:
            by_trigger[t.i].type_override = DEADLINE.type
            continue
        f = verb_frame(doc, t.i, DEADLINE, lex)
        if f is not None:
            f.recipients = [r for r in f.recipients if r not in spans]
            out.append(f)
    return out


def release_frames(doc: AnnotatedDoc, lex: Lexicon, frames: list[Frame]) -> list[Frame]:
    """Releases of a named person or a personal pronoun ("police freed *Bobi Wine*", "*he* was released on
    bail"): the lexicon's release entry lists only the nouns of captives (prisoner, hostage ...), a name or
    "he" cannot be listed there."""
    taken = {f.trigger for f in frames if f.entry.type == RELEASE_TYPE}
    out = []
    for t in doc.tokens:
        if t.i in taken or t.pos != "VERB" or t.lemma.lower() not in RELEASE_PEOPLE.lemmas:
            continue
        freed = [*kids(doc, t.i, ("dobj",)), *kids(doc, t.i, ("nsubjpass",))]
        if any(p == "from" and doc.tokens[o].lemma.lower() not in CUSTODY for p, o in prep_objects(doc, t.i)):
            continue  # "released from hospital", "freed him from his contract": no captivity ended
        if any(doc.tokens[o].ent_type == "PERSON" or doc.tokens[o].lower in FREED_PRONOUNS for o in freed):
            f = verb_frame(doc, t.i, RELEASE_PEOPLE, lex)
            if f is not None and f.recipients:
                out.append(f)
    return out


@dataclass(frozen=True)
class HolderHint:
    """What the text around an agentless release says about who held the people freed."""

    police: Participant | None  # the story's police or authorities named nearest to the release
    nationals: bool  # the freed are named by a nationality ("two U.S. detainees", "Israeli hostages")


def agent_from_story(f: Frame) -> bool:
    """An act whose clause names no agent but whose agent the story gives (:func:`with_counterparts`): a
    release of people ("He was later released", "the release of two U.S. detainees"), made by the one who
    held them; the renewal of an agreement ("the truce has been extended"), made by the story's two sides."""
    if f.entry.mode == RENEW_MODE:
        return True
    return f.entry.type == RELEASE_TYPE and f.entry.mode == RELEASE_MODE and bool(f.recipients)


def holder_hint(people: Participants, f: Frame) -> HolderHint:
    doc = people.doc
    police = [
        j
        for j, t in enumerate(doc.tokens)
        if t.lemma.lower() in ARRESTERS and t.pos in ("NOUN", "PROPN") and t.dep not in ("compound", "amod")
    ]
    # a release is told after the arrest: the police named before it first, then the nearest after it
    near = min(police, key=lambda j: (j > f.trigger, abs(j - f.trigger)), default=None)
    nationals = any(
        doc.tokens[k].ent_type in NATIONALITY_ENTS
        for r in f.recipients
        for k in [r, *kids(doc, r, SIDE_DEPS)]
    )
    return HolderHint(people.resolve(near) if near is not None else None, nationals)


def _holder(events: list[Event], e: Event, hint: HolderHint, skip: set[int]) -> Participant | None:
    """Who freed the recipient of ``e``: who arrested that party in this story; for foreign nationals the
    story counterpart of their country; else the story's police."""
    freed = e.recipient
    if freed is None:
        return None
    for k, other in enumerate(events):
        if k in skip or other.type != ARREST_TYPE or other.actor is None or other.recipient is None:
            continue
        if (
            freed.actor_id and other.recipient.actor_id == freed.actor_id
        ) or other.recipient.name == freed.name:
            return other.actor
    if hint.nationals:
        held_by = story_counterpart(events, freed, e.trigger.start, skip)
        if held_by is not None:
            return held_by
    return hint.police


def main_dyad(events: list[Event], skip: set[int]) -> tuple[Participant, Participant] | None:
    """The story's two sides: the pair of sides that most of its events link (at least two events; ties:
    the pair told first), each named by its most often coded participant, the side named first as actor."""
    pairs: dict[frozenset[str], list[tuple[int, Participant, Participant]]] = defaultdict(list)
    for pos, a, r in _dyads(events, skip):
        pairs[frozenset((side_of(a), side_of(r)))].append((pos, a, r))
    if not pairs:
        return None
    main = max(pairs, key=lambda k: (len(pairs[k]), -min(pos for pos, _, _ in pairs[k])))
    if len(pairs[main]) < 2:
        return None  # one event is no story line
    parties = [(pos, p) for pos, a, r in pairs[main] for p in (a, r)]
    first = min(parties, key=lambda item: item[1].span.start)[1]
    one = [(pos, p) for pos, p in parties if side_of(p) == side_of(first)]
    other = [(pos, p) for pos, p in parties if side_of(p) != side_of(first)]
    return _representative(one, 0), _representative(other, 0)


def with_counterparts(
    events: list[Event], pending: set[int], holders: dict[int, HolderHint] | None = None
) -> list[Event]:
    """The events, those in ``pending`` (indices of acts coded without a recipient) given the story's
    counterpart as recipient, those in ``holders`` (releases coded without an actor) the party that held
    the people freed as actor; either dropped when the story gives no one."""
    holders = holders or {}
    unfinished = pending | set(holders)
    out = []
    for k, e in enumerate(events):
        actor, recipient, how = e.actor, e.recipient, ""
        if k in pending and actor is not None:
            recipient, how = (
                story_counterpart(events, actor, e.trigger.start, unfinished),
                COUNTERPART_RULE,
            )
        elif k in holders and e.mode == RENEW_MODE:
            actor, recipient = main_dyad(events, unfinished) or (None, None)
            how = SIDES_RULE
        elif k in holders:
            actor, how = _holder(events, e, holders[k], unfinished), HOLDER_RULE
        if k in unfinished and (actor is None or recipient is None or actor == recipient):
            continue
        if not how:
            out.append(e)
            continue
        assert actor is not None and recipient is not None
        new_id = stable_id(e.article_id, e.type, e.trigger.start, _key(actor), _key(recipient))
        out.append(replace(e, id=new_id, actor=actor, recipient=recipient, rule=f"{e.rule}.{how}"))
    return out


def _key(p: Participant) -> str:
    return p.actor_id or p.name.lower()
