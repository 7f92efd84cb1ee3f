"""Event frames of verb triggers: which tokens are the actor and the recipient of a matched verb.

Patterns (their ids end up in the event's ``rule``):

* ``verb``        active verb: actor = subject, recipient = dative / direct object / prepositional object;
* ``passive``     "was assassinated by the US": actor = agent ("by"), recipient = passive subject.

The recipient finder (:func:`recipient_from`) and the preposition preferences (:func:`preferred_preps`) are
shared with the event-noun frames of ``noun_roles``; subjects and agents come from ``arguments``.
"""

from __future__ import annotations

from newsevents.annotate.doc import AnnotatedDoc
from newsevents.extract.events.arguments import (
    NON_PARTICIPANT_ENTS,
    Frame,
    agent_of,
    antecedent,
    is_actor_like,
    own_kid,
    subject_of,
)
from newsevents.extract.events.lending import contacted, described, passive_partner, received, stray_agent
from newsevents.extract.events.lexicon import Lexicon, Trigger
from newsevents.extract.events.syntax import (
    OBJ,
    PASS_SUBJ,
    conjuncts,
    first_kid,
    is_passive,
    kids,
    prep_objects,
    semantic_head,
)

VERBAL_PREPS = ("against", "on", "upon", "with", "to", "toward", "towards", "for", "over", "between")
MATERIAL_PREPS = (*VERBAL_PREPS, "in", "into", "at", "near", "from", "inside", "across", "throughout")
MATERIAL_TYPES = {
    "CONCEDE",
    "COERCE",
    "ASSAULT",
    "MOBILIZE",
    "SANCTION",
    "PROTEST",
    "AID",
    "RETREAT",
}  # not COOPERATE: a partner is named with "with"/"to", never by the place ("an operation *in the region*")


def _participant_ok(doc: AnnotatedDoc, i: int) -> bool:
    t = doc.tokens[semantic_head(doc, i)]
    return t.ent_type not in NON_PARTICIPANT_ENTS and t.pos in ("NOUN", "PROPN", "PRON", "NUM", "ADJ", "X")


def recipient_from(doc: AnnotatedDoc, sources: list[int], preps: tuple[str, ...], lex: Lexicon,
                    skip: set[int], use_object: bool = True) -> list[int]:  # fmt: skip
    """Candidate recipients under ``sources`` in preference order (dative, object, prepositions)."""
    cands: list[int] = []
    for s in sources:
        for p, o in prep_objects(doc, s):
            if p == "dative" and o not in skip:
                cands.append(o)
        if not use_object:
            continue
        for o in kids(doc, s, ("dative", "iobj")):
            if o not in skip and doc.tokens[o].pos in ("NOUN", "PROPN", "PRON"):
                cands.append(o)
        for o in kids(doc, s, OBJ):
            if o not in skip:
                cands.append(o)
    for wanted in preps:
        for s in sources:
            for p, o in prep_objects(doc, s):
                if p == wanted and o not in skip:
                    cands.append(o)
    # "mobilised reservists for a possible war *against Iraq*": one level down
    for s in sources:
        for _, o in prep_objects(doc, s):
            cands.extend(
                o2 for p2, o2 in prep_objects(doc, o) if p2 in ("against", "on", "with") and o2 not in skip
            )
    cands = [c for c in dict.fromkeys(cands) if _participant_ok(doc, c)]
    liked = [c for c in cands if is_actor_like(doc, c, lex)]
    if liked:
        return [liked[0]]
    # an object that is a thing ("homes", "power lines"): a named entity inside it is the party affected,
    # or the party its "of" phrase names ("demanded the resignation *of the minister*")
    for c in cands[:1]:
        for p, o in prep_objects(doc, semantic_head(doc, c)):
            # "repulsed an attack *by the rebels*": an act's agent is the party acted against
            if p in ("of", "by") and o not in skip and is_actor_like(doc, o, lex):
                return [o]
        for j in doc.subtree(c):
            if doc.tokens[j].ent_type in ("GPE", "ORG", "NORP", "PERSON") and j not in skip:
                return [j]
    return []


def preferred_preps(entry: Trigger) -> tuple[str, ...]:
    if entry.pos == "noun" and entry.recipient_preps:
        return entry.recipient_preps  # an event noun's counterpart comes with its own preposition
    base = MATERIAL_PREPS if entry.type in MATERIAL_TYPES else VERBAL_PREPS
    return (*entry.recipient_preps, *(p for p in base if p not in entry.recipient_preps))


def verb_frame(doc: AnnotatedDoc, v: int, entry: Trigger, lex: Lexicon) -> Frame | None:
    """Frame for a verb trigger; None when the entry demands a participant object and there is none."""
    frame = _verb_frame(doc, v, entry, lex)
    if entry.object_actor and not frame.recipients:
        return None
    if entry.object_actor and entry.object_required:
        # The one hosted or phoned is the object itself: "received *a suspension* for shoving X" hosts nobody.
        obj = first_kid(doc, v, ("dobj",))
        if obj is not None and not is_actor_like(doc, obj, lex, with_pps=False):
            return None
    return frame


def _verb_frame(doc: AnnotatedDoc, v: int, entry: Trigger, lex: Lexicon) -> Frame:
    frame = Frame(v, entry, v)
    obj_tok = entry.object_token(doc, v) if entry.objects else None
    if obj_tok is not None:
        frame.consumed.add(obj_tok)
        if entry.object_is_recipient and is_actor_like(doc, obj_tok, lex):  # "released *prisoners*"
            frame.recipients = [obj_tok]
    partner = passive_partner(doc, v)
    passive = is_passive(doc, v) or partner is not None
    agent = agent_of(doc, v)
    if agent is None and partner is not None:
        agent = agent_of(doc, partner)  # "were blocked by X and were threatened with ...": X did both
    if passive and agent is None:
        agent = stray_agent(doc, v, lambda i: is_actor_like(doc, i, lex), lambda i: agent_of(doc, i))
    if passive and entry.preps and agent is None:
        passive = False  # adjectival passive: "Israel *is opposed to* French mediation"
    if passive:
        frame.pattern = "passive"
        if entry.type == "MOBILIZE" and agent is None:
            return _deployed_forces(doc, v, entry, lex, frame)
        if agent is not None:
            frame.actors = [agent]
        ps = own_kid(doc, v, PASS_SUBJ)
        ps_verb = v
        if ps is None and partner is not None:
            ps, ps_verb = own_kid(doc, partner, PASS_SUBJ), partner  # the coordinated verbs' one subject
        if ps is not None and ps not in frame.consumed:
            frame.recipients = [antecedent(doc, ps, ps_verb)]
        elif doc.tokens[v].dep == "acl":
            head = doc.tokens[v].head
            receiver = (
                None
                if is_actor_like(doc, head, lex)
                else received(doc, head, lambda i: is_actor_like(doc, i, lex), lambda i: subject_of(doc, i))
            )
            frame.recipients = [receiver if receiver is not None else head]
        elif doc.tokens[v].dep in ("pcomp", "advcl") and (s := subject_of(doc, v)) is not None:
            frame.recipients = [s]  # "attempted to cross *before being repelled* by X": who attempted
        if not frame.recipients:
            skip = frame.consumed | set(frame.actors)
            frame.recipients = recipient_from(doc, [v], preferred_preps(entry), lex, skip)
        return frame
    subj = subject_of(doc, v)
    if subj is None and not is_passive(doc, v):
        pass
    elif subj is None:
        ps = own_kid(doc, v, PASS_SUBJ)
        subj = antecedent(doc, ps, v) if ps is not None else None
    if subj is not None:
        frame.actors = [subj]
    skip = set(frame.consumed) | set(frame.actors)
    # "launched artillery, mortar and rocket fire *against* ...": the prepositions may hang on any conjunct
    sources = [v] + (conjuncts(doc, obj_tok) if obj_tok is not None else [])
    if not frame.recipients:
        # mobilised troops are the actor's own forces, never the counterpart
        own_forces = entry.type == "MOBILIZE"
        frame.recipients = recipient_from(
            doc, sources, preferred_preps(entry), lex, skip, use_object=not own_forces
        )
    if not frame.recipients and obj_tok is not None and entry.type == "CONSULT":
        # "joined a meeting *hosted by Egypt* / *hosted in Israel*": the host is the counterpart
        frame.recipients = _host_of(doc, obj_tok, lex, skip)
    if not frame.recipients:
        # "threatened to stop talks *if the United States* goes ahead": the condition names the target
        for c in doc.subtree(v):
            if doc.tokens[c].dep == "advcl" and any(
                doc.tokens[k].dep == "mark" and doc.tokens[k].lower in ("if", "unless")
                for k in doc.children[c]
            ):
                s = subject_of(doc, c)
                if s is not None and is_actor_like(doc, s, lex) and s not in skip:
                    frame.recipients = [s]
                    break
    if not frame.recipients and entry.type in ("THREATEN", "REJECT", "AGREE"):
        # "threatened to close *the Strait of Hormuz*", "refused to receive *the envoy*": the complement's object
        for c in kids(doc, v, ("xcomp",)):
            frame.recipients = recipient_from(doc, [c], VERBAL_PREPS, lex, skip)
            if frame.recipients:
                break
    if not frame.recipients:
        frame.recipients = described(doc, v)
    if not frame.recipients and entry.type in ("REQUEST", "ACCUSE", "THREATEN", "AGREE", "REJECT"):
        # "demanded that the US cancel ...": the subject of the complement clause is addressed
        for c in kids(doc, v, ("ccomp",)):
            s = subject_of(doc, c)
            if s is not None and is_actor_like(doc, s, lex) and s not in skip:
                frame.recipients = [s]
                break
    if not frame.recipients:
        frame.recipients = contacted(doc, v, lambda i: is_actor_like(doc, i, lex), skip)
    return frame


def _deployed_forces(doc: AnnotatedDoc, v: int, entry: Trigger, lex: Lexicon, frame: Frame) -> Frame:
    """ "Police were deployed at the gate to stop the protesters": the forces moved are the actor (a
    deployment is done by a side with its own forces), the one a purpose clause acts on is the recipient."""
    ps = own_kid(doc, v, PASS_SUBJ)
    if ps is None:
        return frame
    frame.actors = [antecedent(doc, ps, v)]
    skip = {*frame.actors, *frame.consumed}
    for c in kids(doc, v, ("advcl", "xcomp")):
        if any(doc.tokens[k].lower == "to" for k in doc.children[c]):
            frame.recipients = recipient_from(doc, [c], VERBAL_PREPS, lex, skip)
            if frame.recipients:
                return frame
    frame.recipients = recipient_from(doc, [v], preferred_preps(entry), lex, skip, use_object=False)
    return frame


def _host_of(doc: AnnotatedDoc, meeting: int, lex: Lexicon, skip: set[int]) -> list[int]:
    """The host of a meeting a participle names: "a summit *hosted by Egypt*", "a meeting *hosted in
    Israel*" (a country or city hosting is its government)."""
    for c in kids(doc, meeting, ("acl",)):
        if doc.tokens[c].lemma.lower() not in ("host", "organise", "organize", "convene"):
            continue
        agent = agent_of(doc, c)
        if agent is not None and agent not in skip and is_actor_like(doc, agent, lex):
            return [agent]
        for p, o in prep_objects(doc, c):
            if p == "in" and doc.tokens[semantic_head(doc, o)].ent_type == "GPE" and o not in skip:
                return [o]
    return []
