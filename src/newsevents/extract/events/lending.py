"""Participants a neighbouring clause or phrase lends to an event frame (used by ``roles`` and ``noun_roles``).

English often names a participant once for two clauses: coordinated passives share their subject and
agent, a purpose clause's counterpart is the object of the verb of contact it depends on, a free relative
("what it described as ...") names the object, a receiving verb's subject receives what a participle
reports as given.  The parse-level tests live here; whether a token names a party (``actor_like``) and
the subject / agent finders are passed in by the frame builders (they live in ``arguments``).
"""

from __future__ import annotations

from collections.abc import Callable

from newsevents.annotate.doc import AnnotatedDoc
from newsevents.extract.events.syntax import PASS_SUBJ, SUBJ, first_kid, is_passive, kids, prep_objects

Pred = Callable[[int], bool]
Find = Callable[[int], "int | None"]

# Verbs of contact whose object is the counterpart of a purpose clause: "called *him* to express solidarity",
# "summoned *the ambassador* to protest", "visited *Kenya* to sign ...".
CONTACT_VERBS = {"call", "phone", "telephone", "ring", "visit", "meet", "host", "receive", "summon", "contact",
                 "write", "invite"}  # fmt: skip
# Verbs that name what their free-relative object is: "condemned *what it described as* the acts of M23".
DESCRIBE_VERBS = {"describe", "call", "term", "label", "brand", "characterize", "characterise", "dub"}
# Verbs whose object is taken in: "Timor-Leste *received* vaccines donated by China" (the receiver is the
# recipient of the donation the object's participle reports).
RECEIVE_VERBS = {"receive", "get", "obtain", "accept", "welcome"}


def passive_partner(doc: AnnotatedDoc, v: int) -> int | None:
    """The passive verb that ``v`` is coordinated with and shares its subject with: "Castillo was impeached
    and *arrested*", "the ships were blocked by X and *were threatened* with water cannons" (None when ``v``
    has a subject of its own or is an active form: "was indicted and *will resign*")."""
    t = doc.tokens[v]
    if t.dep != "conj" or kids(doc, v, SUBJ) or kids(doc, v, PASS_SUBJ):
        return None
    h = t.head
    if not is_passive(doc, h) or doc.tokens[h].pos not in ("VERB", "AUX"):
        return None
    if is_passive(doc, v):
        return h
    own_aux = any(doc.tokens[k].dep == "aux" for k in doc.children[v])
    return h if t.tag == "VBN" and not own_aux else None


def stray_agent(doc: AnnotatedDoc, v: int, actor_like: Pred, agent_of: Find) -> int | None:
    """A "by" agent the parser hung on the verb's prepositional object: "was hit with a water cannon *by the
    Chinese coast guard*" (only when it names a party: "a cannon made by Boeing" is not one)."""
    for _, o in prep_objects(doc, v):
        a = agent_of(o)
        if a is not None and actor_like(a):
            return a
    return None


def received(doc: AnnotatedDoc, n: int, actor_like: Pred, subject_of: Find) -> int | None:
    """The receiver of a thing that is the object of a receiving verb: "Timor-Leste received vaccines (and
    syringes) donated by China" -> Timor-Leste; None when the noun is not such an object."""
    first = n
    while doc.tokens[first].dep == "conj" and doc.tokens[first].head != first:
        first = doc.tokens[first].head
    v = doc.tokens[first].head
    if doc.tokens[first].dep != "dobj" or doc.tokens[v].lemma.lower() not in RECEIVE_VERBS:
        return None
    s = subject_of(v)
    return s if s is not None and actor_like(s) else None


def contacted(doc: AnnotatedDoc, v: int, actor_like: Pred, skip: set[int]) -> list[int]:
    """The one contacted, for a purpose clause of a verb of contact: "Maduro called *him* to express his
    solidarity" (the clause's own counterpart is missing)."""
    t = doc.tokens[v]
    if t.dep not in ("advcl", "xcomp") or not any(doc.tokens[k].lower == "to" for k in doc.children[v]):
        return []
    head = t.head
    if doc.tokens[head].lemma.lower() not in CONTACT_VERBS:
        return []
    obj = first_kid(doc, head, ("dobj",))
    if obj is None or obj in skip or not actor_like(obj):
        return []
    return [obj]


def described(doc: AnnotatedDoc, v: int) -> list[int]:
    """ "condemned *what it described as the hostile acts of M23*": the free relative's description is the
    object (its "of" phrase then names the party, as for any abstract object)."""
    for c in kids(doc, v, ("ccomp", "dobj")):
        if doc.tokens[c].lemma.lower() not in DESCRIBE_VERBS:
            continue
        if not any(doc.tokens[k].lower == "what" for k in doc.children[c]):
            continue
        named = [o for p, o in prep_objects(doc, c) if p == "as"] + kids(doc, c, ("oprd",))
        if named:
            return named[:1]
    return []
