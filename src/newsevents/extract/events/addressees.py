"""Addressees of REQUESTs that their sentence does not name (issue 15; the frames are ``requests.py``'s).

The stage codes a REQUEST without addressee instead of dropping it (``stage.build_events``); here, once all
the article's events are known, each gets the addressee its passage names, keeps no recipient when it
appeals to all sides, or is dropped.  A demand for someone's release is redirected to their holder.
"""

from __future__ import annotations

from dataclasses import replace

from newsevents.annotate.doc import AnnotatedDoc
from newsevents.extract.actors.table import ActorTable
from newsevents.extract.events.mentions import same_party
from newsevents.extract.events.requests import DOCUMENT_NOUNS, STATEMENT_NOUNS
from newsevents.extract.events.syntax import kids, prep_objects
from newsevents.model import Event, Participant, stable_id

# -- requests whose addressee the sentence does not name ------------------------------------------------------
# "called for continued cooperation", "the missiles requested by Kiev": English leaves the addressee out
# when the passage has just named it.  A REQUEST with no addressee in its sentence takes the counterpart of
# the requester's nearest earlier event in its sentence or the CONTEXT_SENTENCES before it (the host of the
# visit, the supplier of the aid package): the request continues that exchange.  Only an event that names
# both sides counts, and the counterpart must be a named party other than the requester.
CONTEXT_SENTENCES = 3
# An appeal for calm or for an end to fighting ("called for an immediate halt to the fighting", "continues
# to push for a permanent cease-fire") is addressed to the requester's adversary: the other side of its
# nearest conflictual event, looked for a little further back (a conflict is named once, early).  With no
# adversary in the text, a call for a ceasefire or an end to fighting is addressed to the warring sides,
# which the guide codes with no recipient; a call for calm with nobody named is not coded.  Any other
# request without addressee is half a dyad and is not coded.
APPEALS_TO_ALL = {"halt", "end", "stop", "cessation", "ceasefire", "cease", "truce", "calm", "restraint",
                  "de-escalation", "deescalation", "peace", "pause", "quiet", "moratorium"}  # fmt: skip
# Kept with no recipient when no adversary is named: a ceasefire, or an end to fighting.
TRUCE_NOUNS = {"ceasefire", "cease", "truce", "armistice"}
END_NOUNS = {"halt", "end", "stop", "cessation", "pause", "moratorium"}
FIGHT_NOUNS = {"fighting", "violence", "war", "hostility", "hostilities", "clash", "clashes", "bloodshed",
               "attack", "attacks", "conflict", "killing", "killings", "offensive", "bombing", "shelling",
               "strike", "strikes", "airstrike", "airstrikes", "raid", "raids", "combat", "fight"}  # fmt: skip
ADVERSARY_TYPES = {"ASSAULT", "COERCE", "THREATEN", "SANCTION", "ACCUSE", "PROTEST", "REJECT"}
ADVERSARY_SENTENCES = 5
# Any other request continues an exchange (talks, a visit, an agreement, aid, an earlier demand): the
# partner of a conflictual act is not whom one asks for elections or weapons ("police arrested the
# opposition leader; the opposition called for fresh elections" asks nothing of the police).
EXCHANGE_TYPES = {"CONSULT", "AGREE", "COOPERATE", "AID", "SUPPORT", "CONCEDE", "REQUEST", "RETREAT"}
# Types whose recipient is as often a place as a party ("blocked roads in the capital", "deployed troops to
# the border"): no counterpart for a request.
PLACE_TYPES = {"PROTEST", "MOBILIZE"}


def _sentence(doc: AnnotatedDoc, e: Event) -> int:
    i = doc.token_at(e.trigger.start)
    return doc.tokens[i].sent if i is not None else -1


def _same(p: Participant, q: Participant, actors: ActorTable) -> bool:
    """One party: the mention rule of ``mentions.same_party``, or two names of one state ("Kiev" and
    "Ukraine": both places of one country)."""
    if same_party(p, q, by_country=False):
        return True
    if p.country is None or p.country != q.country:
        return False
    found = [actors.get(x.actor_id) for x in (p, q)]
    return all(a is not None and a.kind == "GPE" for a in found)


def _named(p: Participant | None) -> bool:
    return p is not None and bool(p.actor_id or p.kb_id or p.country)


def _counterpart(
    doc: AnnotatedDoc, req: Event, events: list[Event], actors: ActorTable, *, adversary: bool
) -> Participant | None:
    """The other side of the requester's nearest event in the passage (None when there is none); with
    ``adversary``, of its nearest conflictual event."""
    assert req.actor is not None
    s = _sentence(doc, req)
    back = ADVERSARY_SENTENCES if adversary else CONTEXT_SENTENCES
    near: list[tuple[int, int, Participant]] = []
    for e in events:
        if e.trigger == req.trigger or e.actor is None or e.recipient is None or e.type in PLACE_TYPES:
            continue
        if e.type not in (ADVERSARY_TYPES if adversary else EXCHANGE_TYPES):
            continue
        es = _sentence(doc, e)
        if not s - back <= es <= s or e.trigger.start >= req.trigger.start:
            continue  # the passage has named the addressee before the request, not after it
        for mine, other in ((e.actor, e.recipient), (e.recipient, e.actor)):
            if _same(req.actor, mine, actors) and _named(other) and not _same(req.actor, other, actors):
                near.append((s - es, abs(e.trigger.start - req.trigger.start), other))
    return min(near, key=lambda n: (n[0], n[1]))[2] if near else None


def _own_act(doc: AnnotatedDoc, req: Event) -> bool:
    """The request is made by its actor, not by a text that calls for something: "softer language *calling
    for* assistance", "a platform *urging* ..." (a participle on a thing); a statement or a letter calling
    for something is its issuer's act."""
    i = doc.token_at(req.trigger.start)
    if i is None:
        return False
    t = doc.tokens[i]
    if t.dep != "acl" or t.tag == "VBN":
        return True
    return doc.tokens[t.head].lemma.lower() in DOCUMENT_NOUNS | STATEMENT_NOUNS


def _requested(doc: AnnotatedDoc, req: Event) -> list[int]:
    """What the request asks for: the trigger's object or its *for* / *on* object."""
    i = doc.token_at(req.trigger.start)
    if i is None:
        return []
    return [*kids(doc, i, ("dobj",)), *(o for p, o in prep_objects(doc, i) if p in ("for", "on", "upon"))]


def _words(doc: AnnotatedDoc, o: int) -> list[int]:
    """The head and its modifiers: "a *cease-fire*" is "cease", "-", "fire"; "*peace* talks"."""
    return [o, *kids(doc, o, ("compound", "amod", "nmod"))]


def _appeal_to_all(doc: AnnotatedDoc, req: Event) -> bool:
    """The request asks for calm or for an end to violence."""
    return any(
        doc.tokens[w].lemma.lower() in APPEALS_TO_ALL for o in _requested(doc, req) for w in _words(doc, o)
    )


def _end_of_fighting(doc: AnnotatedDoc, req: Event) -> bool:
    """The request asks for a ceasefire or for an end to fighting ("an immediate halt to the fighting"):
    made of the warring sides, whom it need not name.  A call for calm or restraint with nobody named is
    not coded (the addressee may be anyone: "the minister called for calm")."""
    for o in _requested(doc, req):
        if any(doc.tokens[w].lemma.lower() in TRUCE_NOUNS for w in _words(doc, o)):
            return True
        if doc.tokens[o].lemma.lower() in END_NOUNS:
            for p, x in prep_objects(doc, o):
                if p in ("to", "of") and doc.tokens[x].lemma.lower() in FIGHT_NOUNS:
                    return True
    return False


# "demanded X's release", "called for the release of X": the demand is made of whoever holds X, not of X.
# The holder is the actor of the arrest, detention or abduction of X the article codes; with none coded
# the recipient stays X (whose country is, most often, the holder's).
RELEASE_NOUNS = {"release", "freedom", "freeing", "liberation", "return"}
HOLDING_TYPES = {"COERCE", "ASSAULT"}


def _released(doc: AnnotatedDoc, req: Event) -> bool:
    """The recipient is the one whose release the request asks for."""
    i = doc.token_at(req.trigger.start)
    if i is None or req.recipient is None:
        return False
    objs = [*kids(doc, i, ("dobj",)), *(o for p, o in prep_objects(doc, i) if p in ("for", "on"))]
    span = req.recipient.span
    for o in objs:
        if doc.tokens[o].lemma.lower() in RELEASE_NOUNS:
            sub = doc.subtree(o)
            if doc.tokens[sub[0]].start <= span.start and span.end <= doc.tokens[sub[-1]].end:
                return True
    return False


def _holder(req: Event, events: list[Event], actors: ActorTable) -> Participant | None:
    assert req.recipient is not None
    for e in events:
        held = (
            e.type in HOLDING_TYPES and e.recipient is not None and _same(e.recipient, req.recipient, actors)
        )
        if held and e.actor is not None and _named(e.actor):
            return e.actor
    return None


def address_requests(doc: AnnotatedDoc, events: list[Event], actors: ActorTable) -> list[Event]:
    """REQUESTs the stage coded without addressee get the counterpart the passage names, keep no recipient
    when they appeal to all sides for calm or an end to fighting, or are dropped (half a dyad).  A demand
    for someone's release goes to their holder."""
    out = []
    for e in events:
        held = e.recipient if e.type == "REQUEST" and _released(doc, e) else None
        if held is not None:
            # the holder, else the one held: a prisoner is most often held by their own country's
            # authorities, and the country is what the coders read
            holder = _holder(e, events, actors)
            if holder is not None and not _same(holder, held, actors):
                rid = stable_id(e.article_id, e.type, e.trigger.start, _key(e.actor), _key(holder))
                e = replace(e, id=rid, recipient=holder, rule=f"{e.rule}.holder")
        if e.type != "REQUEST" or e.recipient is not None or e.actor is None:
            out.append(e)
            continue
        to_all = _appeal_to_all(doc, e)
        other = _counterpart(doc, e, events, actors, adversary=to_all) if _own_act(doc, e) else None
        if other is not None:
            rid = stable_id(e.article_id, e.type, e.trigger.start, _key(e.actor), _key(other))
            out.append(replace(e, id=rid, recipient=other, rule=f"{e.rule}.context"))
        elif to_all and _end_of_fighting(doc, e):
            out.append(e)
    return out


def _key(p: Participant | None) -> str:
    if p is None:
        return ""
    return p.actor_id or p.name.lower()
