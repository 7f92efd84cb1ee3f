"""Event frames of event nouns and of modal demands.

Patterns (their ids end up in the event's ``rule``):

* ``light-verb``  event noun as object of a light verb ("held talks with", "expressed gratitude to",
                  "imposed sanctions on"): actor = the light verb's subject, recipient from the noun's or the
                  verb's prepositions;
* ``noun-pp``     event noun inside a prepositional phrase of a verb ("made the comments *at a meeting with*
                  X"): actor = that verb's subject;
* ``noun``        an event noun with its own actor ("Israel's attack on", "talks between X and Y");
* ``modal-demand`` "X said Y must ..." / "X declared that Y should ...": REQUEST from X to Y.
"""

from __future__ import annotations

from newsevents.annotate.doc import AnnotatedDoc
from newsevents.extract.events.arguments import (
    NON_PARTICIPANT_ENTS,
    Frame,
    agent_of,
    is_actor_like,
    subject_of,
)
from newsevents.extract.events.lending import contacted
from newsevents.extract.events.lexicon import Lexicon, Trigger, lemma_variants
from newsevents.extract.events.roles import preferred_preps, recipient_from
from newsevents.extract.events.syntax import (
    OBJ,
    between_objects,
    first_kid,
    is_passive,
    is_stranded_prep,
    kids,
    prep_objects,
    semantic_head,
)

NOUN_PP_PREPS = {"at", "during", "after", "following", "in", "amid", "before", "since", "for"}
MODAL_DEMAND = {"must", "should", "ought"}
# Event nouns whose possessor undergoes the act ("Camacho's arrest") rather than performs it ("Israel's attack").
PATIENT_NOUNS = {"arrest", "detention", "release", "expulsion", "extradition", "killing", "assassination",
                 "execution", "ouster", "impeachment", "deportation", "abduction", "kidnapping", "conviction",
                 "sentencing", "imprisonment", "capture", "removal", "dismissal", "sacking", "prosecution"}  # fmt: skip
# Event nouns whose possessive pronoun, with no light verb around, is the actor ("her visit to Kenya").
OWN_PRONOUN_TYPES = {"CONSULT", "AGREE", "COOPERATE", "CONCEDE"}


def _stranded_prep(doc: AnnotatedDoc, verb: int) -> bool:
    """A passive verb whose preposition lost its object ("the call was *paid for* by ..."): the subject is
    the object of the prepositional verb ("pay for" = finance), not of the light verb ("pay a call")."""
    return any(is_stranded_prep(doc, p) for p in doc.children[verb])


def noun_frame(doc: AnnotatedDoc, n: int, entry: Trigger, lex: Lexicon) -> Frame | None:
    """Frame for an event noun, or None when nothing ties it to an actor or a counterpart."""
    t = doc.tokens[n]
    frame = Frame(n, entry, n, pattern="noun")
    own = first_kid(doc, n, ("poss",))
    patient = (
        own is not None
        and doc.tokens[own].pos != "PRON"
        and doc.tokens[own].ent_type not in NON_PARTICIPANT_ENTS
    )
    if patient and own is not None and t.lemma.lower() in PATIENT_NOUNS:
        # "Camacho's arrest", "their detention", "his ouster": the possessor undergoes the act
        frame.recipients = [own]
        agent = agent_of(doc, n)
        frame.actors = [agent] if agent is not None else []
        return frame
    pron_own = own if own is not None and doc.tokens[own].pos == "PRON" else None
    if pron_own is not None:
        own = None  # "held *their* first meeting": the possessor is the light verb's subject
    if own is not None and doc.tokens[own].ent_type in NON_PARTICIPANT_ENTS:
        own = None  # "*last week's* talks": a time, not a party
    if own is None:
        own = agent_of(doc, n)
    if own is None:
        # "the release of six hostages *by Hamas*": the parser hangs the agent on the "of" object
        own = next(
            (a for p, o in prep_objects(doc, n) if p == "of" and (a := agent_of(doc, o)) is not None), None
        )
    if own is None:
        for c in kids(doc, n, ("compound", "amod", "nmod")):
            if doc.tokens[c].ent_type in ("GPE", "NORP", "ORG"):
                own = c
                break
    between = between_objects(doc, n)
    frame.recipients = recipient_from(
        doc, [n], preferred_preps(entry), lex, {own} if own is not None else set()
    )
    frame.recipients = [r for r in frame.recipients if r not in between] or frame.recipients
    head = t.head
    if (
        t.dep in (*OBJ, "nsubjpass", "attr", "oprd")
        and any(v in lex.light_verbs for v in lemma_variants(doc, head))
        and not (t.dep == "nsubjpass" and _stranded_prep(doc, head))
    ):
        frame.pattern, frame.verb = "light-verb", head
        if own is None:
            own = agent_of(doc, head) if is_passive(doc, head) else subject_of(doc, head)
        if not frame.recipients:
            frame.recipients = recipient_from(
                doc, [head], preferred_preps(entry), lex, {n} | ({own} if own else set())
            )
        if not frame.recipients:
            frame.recipients = contacted(
                doc, head, lambda i: is_actor_like(doc, i, lex), {n} | ({own} if own else set())
            )
    elif t.dep == "pobj" and doc.tokens[head].lower in NOUN_PP_PREPS and not entry.light_only:
        gv = doc.tokens[head].head
        if doc.tokens[gv].pos in ("VERB", "AUX") and not is_passive(doc, gv):
            frame.pattern, frame.verb = "noun-pp", gv
            if own is None:
                own = subject_of(doc, gv)
            if entry.mode == "visit" and not frame.recipients:
                # "X was *in Nairobi* for a state visit", "arrived *in* Moscow on a visit": the place visited
                frame.recipients = [
                    o
                    for p, o in prep_objects(doc, gv)
                    if p in ("in", "to") and o != head and _visited(doc, o, lex)
                ][:1]
    elif own is None and entry.light_only:
        return None
    if own is None and between:
        frame.actors = [between[0]]
        frame.recipients = [c for c in _conj_rest(doc, between[0])][:1] or frame.recipients
        return frame
    if (
        own is None
        and pron_own is not None
        and entry.type in OWN_PRONOUN_TYPES
        and t.lemma.lower() not in PATIENT_NOUNS
    ):
        own = pron_own  # "*her* recent visit to Kenya", "*his* talks with Putin": the possessor met
    if own is None:
        if entry.light_only or not frame.recipients:
            return None
    else:
        frame.actors = [own]
    return frame


def _visited(doc: AnnotatedDoc, i: int, lex: Lexicon) -> bool:
    """A place a state visit goes to: a named country or city, or "the country" of the story."""
    t = doc.tokens[semantic_head(doc, i)]
    return t.ent_type == "GPE" or t.lemma.lower() in ("country", "nation", "capital")


def _conj_rest(doc: AnnotatedDoc, i: int) -> list[int]:
    return [c for c in doc.children[i] if doc.tokens[c].dep == "conj"]


def modal_demand_frames(doc: AnnotatedDoc, lex: Lexicon, request_entry: Trigger) -> list[Frame]:
    """ "X said/declared/reiterated that Y must ..." -> REQUEST X -> Y (the modal is the trigger)."""
    out = []
    for t in doc.tokens:
        if t.lemma.lower() not in MODAL_DEMAND or t.dep != "aux":
            continue
        c = t.head
        if doc.tokens[c].dep not in ("ccomp", "conj") or any(
            doc.tokens[k].dep == "neg" for k in doc.children[c]
        ):
            continue
        r = doc.tokens[c].head
        if doc.tokens[r].lemma.lower() not in lex.reporting_verbs | {
            "conclude",
            "remind",
            "declare",
            "reiterate",
        }:
            continue
        speaker = subject_of(doc, r) if not is_passive(doc, r) else agent_of(doc, r)
        addressee = subject_of(doc, c)
        if speaker is None or addressee is None or not is_actor_like(doc, addressee, lex):
            continue
        if doc.tokens[addressee].pos == "PRON" and doc.tokens[addressee].lower in ("we", "i", "us"):
            continue  # a self-exhortation, not a demand on someone else ("the US" is not "us")
        out.append(Frame(t.i, request_entry, r, [speaker], [addressee], pattern="modal-demand"))
    return out
