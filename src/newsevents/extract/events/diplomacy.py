"""Diplomatic acts that the clause structure hides or that another event swallows (issue 15).

Each test here decides between "one happening" and "two happenings" where the generic rules of ``stage``
(embedded complements, coordinated verbs of one type, mentions of one happening) guess the wrong way for
diplomacy, or names a party the role patterns do not reach:

* a **purpose clause of a contact** is an act of its own: *Lula called him to express his solidarity* is a
  call (CONSULT) and an expression of support (SUPPORT); the generic rule would read the purpose clause as
  the content of the call and drop it (:func:`purpose_of_contact`);
* **coordinated speech acts with their own objects** are two acts: *welcomed the outcome of the talks and
  praised the ministry's role* is praise of the ministry as well as a welcome, whereas *killed one soldier
  and wounded two* stays one attack (:func:`own_speech_act`);
* **a meeting in a time phrase** is not the content of the clause it dates: *after their summit, the
  leaders agreed to ...* reports the summit and the agreement (:func:`dated_by_meeting`);
* **visits in opposite directions** are two visits: *Kenyatta was in Tanzania on a state visit* and *her
  recent visit to Kenya* are not one happening told twice (:func:`opposite_visits`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsevents.annotate.doc import AnnotatedDoc
from newsevents.extract.events.lending import CONTACT_VERBS
from newsevents.extract.events.syntax import OBJ, kids

if TYPE_CHECKING:
    from newsevents.extract.events.arguments import Frame
    from newsevents.model import Event

# Speech acts whose object says what the act is about: two such verbs coordinated with an object each are
# two acts ("welcomed X and praised Y"); material acts coordinated are one attack or one raid.
SPEECH_TYPES = {"SUPPORT", "ACCUSE", "REQUEST", "REJECT", "THREATEN"}
# Prepositions that date a clause by a meeting rather than make the meeting what the clause is about.
TIME_PREPS = {"after", "following", "before", "since", "ahead"}


def purpose_of_contact(doc: AnnotatedDoc, f: Frame, gov: Frame) -> bool:
    """``f`` is what a contact was for: a "to"-infinitive adverbial clause of a verb of contact ("called him
    Sunday *to express* his solidarity", "visited Kenya *to sign* a trade pact").  Such a clause reports a
    second act done in the call or visit, not the content of the first."""
    if gov.entry.type != "CONSULT" or f.entry.type == "CONSULT":
        return False  # "met to discuss": one meeting
    if doc.tokens[gov.trigger].lemma.lower() not in CONTACT_VERBS:
        return False
    v = f.verb
    t = doc.tokens[v]
    if t.dep != "advcl" or t.head != gov.trigger:
        return False
    return any(doc.tokens[k].lower == "to" for k in kids(doc, v, ("aux",)))


def own_speech_act(doc: AnnotatedDoc, f: Frame, host: Frame) -> bool:
    """``f`` is a speech act coordinated with ``host`` of the same type but with an object of its own, as
    the host has: "welcomed the implementation of the deal *and praised the ministry's role*" (a shared
    object, "condemned and denounced the raid", stays one act)."""
    if f.entry.type not in SPEECH_TYPES:
        return False
    return bool(kids(doc, f.trigger, OBJ)) and bool(kids(doc, host.trigger, OBJ))


def dated_by_meeting(doc: AnnotatedDoc, f: Frame) -> bool:
    """A meeting noun in a time phrase of another act's clause: "*after their summit* in Accra the leaders
    agreed ...", "*following talks* with Kyiv, Ankara announced ...".  The meeting happened; it is not the
    content of the act it dates."""
    if f.entry.type != "CONSULT" or f.pattern != "noun-pp":
        return False
    head = doc.tokens[f.trigger].head
    word = doc.tokens[head].lower
    if word == "of" and doc.tokens[doc.tokens[head].head].lower == "ahead":
        return True  # "ahead of the summit"
    return word in TIME_PREPS


def opposite_visits(a: Event, b: Event) -> bool:
    """Two visits whose visitor and host are swapped are two journeys, not one told twice: the generic
    merge reads CONSULT either way round ("X met Y" = "Y met X"), which is right for talks, not for visits."""
    return a.mode == "visit" and b.mode == "visit"
