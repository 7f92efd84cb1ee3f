"""Recipients of verbal events (ACCUSE, SUPPORT, REQUEST, REJECT, THREATEN) whose object is a thing or an act.

One condemns, praises, rejects or asks for *something of someone*: the party the PLOVER coder records is
whose the thing is, not the thing.  "condemned *the coast guard's* use of water cannon", "praised *Egypt's*
role", "vetoed a *Security Council* resolution", "rejected a *Senegalese* peace plan", "investigated crimes
committed *by government forces*", "condemned the hostile acts *of the rebels*", "called for *his*
extradition".  The owner is, in order: the possessor; the agent of the noun or of its participle
(*by*-phrase); its *of* object when that is a party; a modifier that names a country or an organisation.
"condemned what it described as X": the description X is the object.

For ACCUSE, the possessor of an undergone act (*arrest*, *ouster*, …: ``noun_roles.PATIENT_NOUNS``) is its
victim, not the party criticised ("criticised *Castillo's* ouster" criticises whoever ousted him), so only
the agent counts; for REQUEST and SUPPORT the patient is the party concerned ("called for his extradition"),
as the existing *of* rule already does ("demanded the resignation *of the minister*").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsevents.annotate.doc import AnnotatedDoc
from newsevents.extract.events.arguments import ACTOR_ENTS, AGENT_SUFFIX, Frame, agent_of, own_kid, subject_of
from newsevents.extract.events.lexicon import Lexicon, Trigger
from newsevents.extract.events.noun_roles import MODAL_DEMAND, PATIENT_NOUNS
from newsevents.extract.events.syntax import (
    OBJ,
    PASS_SUBJ,
    SUBJ,
    conjuncts,
    first_kid,
    is_passive,
    kids,
    prep_objects,
    semantic_head,
)
from newsevents.kb import countries
from newsevents.model import Quote

if TYPE_CHECKING:
    from newsevents.extract.events.participants import Participants

VERBAL_TYPES = frozenset({"ACCUSE", "SUPPORT", "REQUEST", "REJECT", "THREATEN"})
# "condemned what it *described as* X", "denounced what they *called* X"
DESCRIBE_VERBS = {"describe", "call", "term", "label", "brand", "dub", "characterize", "characterise"}
# Where a verbal act names its object when the verb takes no direct object ("called *for* his extradition",
# "an investigation *into* crimes", "complained *about* the ministry's decision").
OBJECT_PREPS = ("for", "of", "into", "against", "over", "about", "on", "to")
OWNER_MODIFIERS = ("compound", "amod", "nmod")
# Participles whose agent is the author of the thing: "crimes *committed by* X", "a plan *proposed by* Y";
# not "a compromise *rebuffed by* Republicans", where the agent is another party again.
AUTHOR_VERBS = {"commit", "perpetrate", "carry", "conduct", "launch", "stage", "cause", "make", "take", "use",
                "adopt", "impose", "issue", "propose", "draft", "sponsor", "table", "submit", "introduce",
                "announce", "put", "present", "unveil", "pass", "enact", "order", "lead", "organise",
                "organize", "plan", "orchestrate", "fire", "deploy", "build", "run", "write"}  # fmt: skip
# Bodies the shared actor-noun list lacks: "the American *media*", "the oversight *board*" are the party.
BODY_NOUNS = {"media", "press", "board", "commission", "department", "tribunal", "panel", "bureau", "network",
              "newspaper", "outlet", "campaign", "team", "club", "channel", "broadcaster"}  # fmt: skip


def _is_party(doc: AnnotatedDoc, sem: int, lex: Lexicon) -> bool:
    """The head itself names people, a group or a state (not a thing that merely mentions one)."""
    t = doc.tokens[sem]
    if t.pos in ("PROPN", "PRON") or t.ent_type in ACTOR_ENTS:
        return True
    lemma = t.lemma.lower()
    if (
        lemma in lex.actor_nouns
        or t.lower in lex.actor_nouns
        or (lemma in BODY_NOUNS or t.lower in BODY_NOUNS)
    ):
        return True
    # the agent suffixes also catch "statement", "payment", "agreement": those are things
    return bool(AGENT_SUFFIX.search(t.lower)) and not lemma.endswith("ment")


def _described(doc: AnnotatedDoc, sem: int) -> int | None:
    """ "what it described as *the hostile acts*", "what he called *a smear campaign*"."""
    t = doc.tokens[sem]
    if t.lower != "what" or doc.tokens[t.head].lemma.lower() not in DESCRIBE_VERBS:
        return None
    v = t.head
    for p, o in prep_objects(doc, v):
        if p == "as":
            return o
    return first_kid(doc, v, ("oprd", "attr", "xcomp"))


def thing_owner(doc: AnnotatedDoc, head: int, lex: Lexicon, type_: str, depth: int = 0) -> int | None:
    """Whose thing or act the phrase at ``head`` is, or None when it is a party itself or names no owner."""
    sem = semantic_head(doc, head)
    described = _described(doc, sem)
    if described is not None and depth == 0:
        return thing_owner(doc, described, lex, type_, depth + 1) or described
    t = doc.tokens[sem]
    if _is_party(doc, sem, lex) or t.pos not in ("NOUN", "X"):
        return None
    patient = t.lemma.lower() in PATIENT_NOUNS
    own = first_kid(doc, sem, ("poss",))
    if own is not None and not (patient and type_ == "ACCUSE"):
        return own
    agent = agent_of(doc, sem)
    if agent is None:
        for c in kids(doc, sem, ("acl",)):  # "crimes *committed by* Croat forces"
            if doc.tokens[c].lemma.lower() not in AUTHOR_VERBS:
                continue
            agent = agent_of(doc, c)
            if agent is not None:
                break
    if agent is not None:
        return agent
    if patient and type_ == "ACCUSE":
        return None  # "criticised the arrest of X": the arrester is criticised, and the text does not say who
    for p, o in prep_objects(doc, sem):
        if p == "of" and _is_party(doc, semantic_head(doc, o), lex):
            return o
    for c in kids(doc, sem, OWNER_MODIFIERS):
        ct = doc.tokens[c]
        # a country or an organisation: "a *Senegalese* plan", "a *Security Council* resolution"; not a
        # creed or a style ("radical *Islamic* ideology")
        if ct.ent_type in ("GPE", "ORG") or (
            ct.pos in ("PROPN", "ADJ") and countries().any(ct.text) is not None
        ):
            return c
    return None


def _objects(doc: AnnotatedDoc, f: Frame) -> list[int]:
    """What a verbal act is about when the role finder found no party: the object, a prepositional object
    of the verb or of the event noun, or a "what ... described as" clause."""
    sources = [f.trigger] if f.trigger == f.verb else [f.trigger, f.verb]
    out: list[int] = []
    for s in sources:
        out.extend(k for k in kids(doc, s, OBJ) if k not in f.consumed)
        for c in kids(doc, s, ("ccomp",)):
            out.extend(k for k in kids(doc, c, OBJ) if doc.tokens[k].lower == "what")
        for wanted in OBJECT_PREPS:
            out.extend(o for p, o in prep_objects(doc, s) if p == wanted and o not in f.consumed)
    return [o for o in dict.fromkeys(out) if o not in f.actors and o != f.trigger]


def owned_recipients(
    doc: AnnotatedDoc, f: Frame, heads: list[int], people: Participants, lex: Lexicon, type_: str
) -> list[int]:
    """The recipient heads of a verbal frame with things replaced by their owners; when the role finder
    found no recipient, the owner of the act's object (or nothing)."""
    if type_ not in VERBAL_TYPES:
        return heads
    if heads:
        out = []
        for h in heads:
            o = thing_owner(doc, h, lex, type_)
            if o is not None and _owner_ok(o, f, people, type_):
                out.append(o)
            elif not (type_ == "ACCUSE" and _undergone(doc, h)):
                out.append(h)  # "criticised X's arrest" names no party criticised: the arrester is unnamed
        return out
    for c in _objects(doc, f):
        o = thing_owner(doc, c, lex, type_)
        if o is not None and _owner_ok(o, f, people, type_):
            return [o]
    return []


def _undergone(doc: AnnotatedDoc, h: int) -> bool:
    return doc.tokens[semantic_head(doc, h)].lemma.lower() in PATIENT_NOUNS


def _owner_ok(o: int, f: Frame, people: Participants, type_: str) -> bool:
    """The owner is a political actor other than the frame's actor: "reneged on *his* commitment to the
    people" keeps the thing (and its own "to" phrase), as it is the actor's own."""
    if o in f.actors or people.actor_head(o, type_) != o:  # the owner itself, not its own owner
        return False
    mine = people.resolve(o)
    for a in f.actors:
        theirs = people.resolve(a)
        if mine is not None and theirs is not None and mine.actor_id and mine.actor_id == theirs.actor_id:
            return False
    return True


# -- verbal acts the lexicon cannot see ----------------------------------------------------------------------
# Names that are an accusation when one party gives them to another ("called his predecessor a
# 'genocidist'", "labelled Boluarte a 'usurper'", "branded the vote a sham").  A hand list: the sentiment
# lexicons (VADER, AFINN) lack most political insults (usurper, genocidist, puppet, junta) and score
# "enemy" or "radical" by their everyday sense.
PEJORATIVES = {
    "usurper", "genocidist", "genocidal", "terrorist", "terrorists", "criminal", "criminals", "murderer",
    "murderers", "killer", "killers", "thug", "thugs", "traitor", "traitors", "liar", "liars", "fraud",
    "fraudulent", "flawed", "illegitimate", "illegal", "puppet", "puppets", "dictator", "dictatorship",
    "tyrant", "tyrants", "fascist", "fascists", "nazi", "nazis", "racist", "racists", "corrupt", "thief",
    "thieves", "crook", "crooks", "butcher", "butchers", "aggressor", "aggressors", "invader", "invaders",
    "occupier", "occupiers", "sham", "farce", "travesty", "hypocrite", "hypocrites", "hypocritical",
    "disgrace", "disgraceful", "shameful", "rogue", "mafia", "gang", "gangster", "gangsters", "bandit",
    "bandits", "clown", "clowns", "coward", "cowards", "cowardly", "cowardice", "bully", "bullies",
    "extremist", "extremists", "warmonger", "warmongers", "mercenary", "mercenaries", "despot", "despots",
    "autocrat", "autocrats", "oppressor", "oppressors", "enemy", "enemies", "menace", "provocation",
    "provocative", "irresponsible", "reckless", "unacceptable", "outrageous", "lies", "lie", "propaganda",
    "smear", "hoax", "coup", "rigged", "stolen", "criminality", "atrocity", "atrocities", "genocide",
    "aggression", "interference", "blackmail", "illegitimacy", "charlatan", "demagogue", "scoundrel",
    "villain", "villains", "pariah", "regime", "junta",
}  # fmt: skip
# Verbs that give a name: "called X a Y", "labelled X (as) Y", "described X as Y".
NAMING_VERBS = {"call", "label", "brand", "dub", "term", "describe", "characterize", "characterise", "portray",
                "denounce", "decry", "condemn"}  # fmt: skip
LABEL_ENTRY = Trigger("ACCUSE", "label", "verb", frozenset(NAMING_VERBS), mode="disapprove", confidence=0.8)
# "Armenia and Azerbaijan *traded accusations*": each side accuses the other.
MUTUAL_VERBS = {"trade", "exchange"}
MUTUAL_NOUNS = {
    "accusation": "ACCUSE", "allegation": "ACCUSE", "blame": "ACCUSE", "insult": "ACCUSE", "barb": "ACCUSE",
    "criticism": "ACCUSE", "charge": "ACCUSE", "recrimination": "ACCUSE", "jibe": "ACCUSE",
    "threat": "THREATEN", "warning": "THREATEN",
}  # fmt: skip
MUTUAL_ENTRIES = {
    t: Trigger(t, "mutual", "noun", frozenset(n for n, tt in MUTUAL_NOUNS.items() if tt == t), mode="mutual")
    for t in set(MUTUAL_NOUNS.values())
}
QUOTE_DEMAND_ENTRY = Trigger("REQUEST", "quote-demand", "verb", frozenset(MODAL_DEMAND), mode="demand",
                             confidence=0.8)  # fmt: skip
SELF_PRONOUNS = {"we", "i", "us", "you", "it", "they", "this", "that", "there", "everyone", "everybody"}


def _pejorative(doc: AnnotatedDoc, pred: int) -> bool:
    """The name given is an insult: its head or a modifier of it ("a *sham* election", "*war* criminals")."""
    words = [pred, *kids(doc, pred, ("amod", "compound", "nmod"))]
    return any(
        doc.tokens[w].lower in PEJORATIVES or doc.tokens[w].lemma.lower() in PEJORATIVES for w in words
    )


def _name_given(doc: AnnotatedDoc, v: int) -> int | None:
    """The name of "called X *a traitor*", "described X *as a puppet*" (object predicate or *as* phrase)."""
    pred = first_kid(doc, v, ("oprd", "xcomp"))
    if pred is not None and doc.tokens[pred].pos in ("NOUN", "ADJ", "PROPN"):
        return pred
    for p, o in prep_objects(doc, v):
        if p == "as":
            return o
    return None


def label_frames(doc: AnnotatedDoc, lex: Lexicon) -> list[Frame]:
    """ "X called / labelled / branded Y a traitor", "Y was described by X as a puppet": ACCUSE X -> Y."""
    out = []
    for t in doc.tokens:
        if t.pos != "VERB" or t.lemma.lower() not in NAMING_VERBS:
            continue
        pred = _name_given(doc, t.i)
        if pred is None or not _pejorative(doc, pred):
            continue
        if is_passive(doc, t.i):
            agent, target = agent_of(doc, t.i), own_kid(doc, t.i, PASS_SUBJ)
        else:
            agent, target = subject_of(doc, t.i), first_kid(doc, t.i, OBJ)
        if agent is None or target is None or target == pred:
            continue
        out.append(Frame(t.i, LABEL_ENTRY, t.i, [agent], [target], pattern="label"))
    return out


def mutual_frames(doc: AnnotatedDoc) -> list[Frame]:
    """ "X and Y traded accusations / exchanged threats": one event, the first side towards the second."""
    out = []
    for t in doc.tokens:
        type_ = MUTUAL_NOUNS.get(t.lemma.lower())
        if type_ is None or t.dep not in OBJ or doc.tokens[t.head].lemma.lower() not in MUTUAL_VERBS:
            continue
        s = subject_of(doc, t.head)
        sides = conjuncts(doc, s) if s is not None else []
        if s is not None and len(sides) < 2:
            # "the neighbours, Armenia and Azerbaijan, traded ..."; "Baku: Armenia and Azerbaijan traded ..."
            # (the parser makes the dateline the subject and the pair its apposition)
            sides = next(
                (conjuncts(doc, a) for a in kids(doc, s, ("appos",)) if len(conjuncts(doc, a)) > 1), sides
            )
        if len(sides) < 2:
            continue
        out.append(Frame(t.i, MUTUAL_ENTRIES[type_], t.head, [sides[0]], [sides[1]], pattern="mutual"))
    return out


def quote_demand_frames(doc: AnnotatedDoc, quotes: tuple[Quote, ...], lex: Lexicon) -> list[Frame]:
    """A quoted sentence whose main clause is "Y must / should ...": REQUEST from the quote's speaker to Y
    ("'Museveni must stop intimidating the people!' Wine said").  Y must be named (a name or a proper noun),
    never "we", "it", "there"; the speaker is the quote's resolved speaker.  The frame's clause verb is the
    quote's cue, as for the modal-demand pattern: the date, the place and the modality are the report's
    (the modal itself would read as an unfulfilled obligation)."""
    out = []
    for q in quotes:
        if q.speaker is None or q.cue is None or q.kind == "indirect":
            continue  # an indirect quote's "said that Y must" is the modal-demand pattern already
        sp = doc.token_at(q.speaker.mention.end - 1)
        cue = doc.token_at(q.cue.start)
        if sp is None or cue is None or doc.tokens[cue].pos != "VERB":
            continue
        for i in doc.tokens_within(q.content.start, q.content.end):
            t = doc.tokens[i]
            if t.lemma.lower() not in MODAL_DEMAND or t.dep != "aux":
                continue
            c = t.head
            if (
                doc.tokens[c].dep not in ("ROOT", "conj")
                or not q.content.start <= doc.tokens[c].start < q.content.end
            ):
                continue
            y = own_kid(doc, c, SUBJ) or own_kid(doc, c, PASS_SUBJ)
            if y is None or doc.tokens[y].lower in SELF_PRONOUNS:
                continue
            yt = doc.tokens[y]
            if yt.ent_type not in ("PERSON", "ORG", "GPE", "NORP") and yt.pos != "PROPN":
                continue
            out.append(Frame(i, QUOTE_DEMAND_ENTRY, cue, [sp], [y], pattern="modal-demand"))
    return out


def verbal_frames(
    doc: AnnotatedDoc, lex: Lexicon, quotes: tuple[Quote, ...], found: list[Frame]
) -> list[Frame]:
    """The frames of this module, less those whose trigger already carries a frame of the same type
    ("denounced X as a puppet" is already the lexicon's *denounce*)."""
    taken = {(f.trigger, f.entry.type) for f in found} | {(f.verb, f.entry.type) for f in found}
    new = [*label_frames(doc, lex), *mutual_frames(doc), *quote_demand_frames(doc, quotes, lex)]
    return [f for f in new if (f.trigger, f.entry.type) not in taken and (f.verb, f.entry.type) not in taken]


# What is rejected without anyone to name: charges, claims, an election's result ("rejected all charges",
# "refused to accept the result").  The guide codes these REJECT with no recipient.
VERDICT_NOUNS = {"charge", "accusation", "allegation", "claim", "result", "outcome", "verdict", "ruling",
                 "finding", "sentence", "conviction"}  # fmt: skip


def rejects_a_verdict(doc: AnnotatedDoc, f: Frame, type_: str) -> bool:
    """A REJECT of charges, claims or a result: kept without recipient (the accuser or the count is implicit)."""
    if type_ != "REJECT" or f.entry.type != "REJECT":
        return False
    heads = [f.trigger, *kids(doc, f.trigger, ("xcomp",))]  # "refused *to accept* the result"
    objs = [o for h in heads for o in kids(doc, h, OBJ)]
    return any(doc.tokens[semantic_head(doc, o)].lemma.lower() in VERDICT_NOUNS for o in objs)
