"""Material events that the lexicon's verb and noun patterns cannot frame, because the roles are not where
those patterns look for them (issue 15, whole articles):

* ``between``  a fight named by a noun whose two sides stand in a "between X and Y" phrase, on the noun or on
               the verb it is the subject of: *six were killed in an **encounter** between government forces
               and rebels*, *fresh **clashes** erupted between Armenian and Azerbaijani troops* — ASSAULT, the
               first side as actor (the real-dev annotators code it so, the reverse as optional);
* ``receive``  aid named as what a party received: *Timor-Leste **received** vaccines **donated by** China*,
               *Ukraine **received** weapons **from** the United States* — AID from the giver to the receiver
               (the subject), the inverse of the lexicon's *give / donate / send* entries.

Both build ordinary :class:`~newsevents.extract.events.arguments.Frame` records, so modality, participants,
dates, places and merging treat them like every other frame.
"""

from __future__ import annotations

from newsevents.annotate.doc import AnnotatedDoc
from newsevents.extract.events.arguments import Frame, is_actor_like, subject_of
from newsevents.extract.events.lexicon import Lexicon, Trigger, lemma_variants
from newsevents.extract.events.syntax import (
    OBJ,
    QUANTITY_HEADS,
    between_objects,
    conjuncts,
    coordinated_modifiers,
    kids,
    prep_objects,
    semantic_head,
)

# Nouns that name armed fighting between two sides. "battle" and "confrontation" also name contests and
# disputes: those need a side that is armed or a body of the state (see _armed_sides).
FIGHT_NOUNS = {"clash", "clashes", "fighting", "encounter", "skirmish", "gunfight", "firefight", "gunbattle",
               "battle", "confrontation", "hostility", "hostilities", "shootout", "fight"}  # fmt: skip
CONTEST_NOUNS = {"battle", "confrontation", "fight", "encounter"}
# "a diplomatic confrontation", "a legal battle", "a verbal clash": no violence
FIGURATIVE = {"diplomatic", "political", "verbal", "legal", "court", "trade", "rhetorical", "electoral",
              "ideological", "war", "word", "budget", "custody", "tariff", "price", "media", "twitter"}  # fmt: skip
# A side of an armed fight: forces, police, fighters ...
ARMED = {"force", "forces", "troop", "troops", "soldier", "army", "military", "police", "policeman", "rebel",
         "militant", "guerrilla", "militia", "militiaman", "insurgent", "fighter", "gunman", "separatist",
         "jihadist", "officer", "guard", "protester", "demonstrator", "rioter", "mob", "gang", "navy",
         "marine", "commando", "unit", "enforcement"}  # fmt: skip
# Verbs whose subject is a fight taking place: "clashes *erupted* between ..."
HAPPEN_VERBS = {"erupt", "break", "occur", "take", "continue", "flare", "resume", "rage", "intensify",
                "escalate", "ensue", "happen", "begin", "start", "renew"}  # fmt: skip

# Prepositions that place an act in time relative to a fight ("detained them *after* the clashes")
TIME_PREPS = {"after", "during", "amid", "following", "since", "in"}

# "a rally demanding / calling for the resignation of X": X is the protest's target
DEMAND_VERBS = {"demand", "call", "seek", "urge", "press"}
REMOVAL_NOUNS = {"resignation", "ouster", "removal", "impeachment", "departure", "exit", "downfall", "overthrow",
                 "dismissal", "sacking", "fall"}  # fmt: skip

RECEIVE_VERBS = {"receive", "get", "obtain", "accept", "secure"}  # not "take": "took fuel from the depot"
GIVE_PARTICIPLES = {"donate", "provide", "send", "supply", "give", "gift", "deliver", "ship", "grant", "offer",
                    "pledge", "fund", "finance", "airlift"}  # fmt: skip
# What is received as aid: the objects of the lexicon's give-aid and send-weapons entries, and donations.
AID_ENTRY_IDS = ("give-aid", "send-weapons")
EXTRA_AID_THINGS = {"donation", "consignment", "vaccine", "dose", "shipment", "package", "tranche"}
NOT_AID = {"support", "protection", "training", "troop", "peacekeeper", "cash", "money", "million",
           "billion", "dollar", "good", "credit"}  # fmt: skip  # votes, prizes, ransom, bribes, payments

BETWEEN_ENTRY = Trigger("ASSAULT", "clash-between", "noun", frozenset(FIGHT_NOUNS), mode="firearms")
RECEIVE_ENTRY = Trigger("AID", "receive-aid", "verb", frozenset(RECEIVE_VERBS), mode="economic")


def nominal_frames(doc: AnnotatedDoc, lex: Lexicon, frames: list[Frame], consumed: set[int]) -> list[Frame]:
    """``frames`` plus the fights between two sides and the aid received. A fight replaces the meeting
    reading of its noun when a side is armed: *an encounter between government forces and rebels* is no
    meeting (*an encounter between the two leaders* stays one)."""
    for f in frames:
        if f.entry.type == "SANCTION" and f.entry.id == "recall-envoy":
            _envoy_host(doc, lex, f)
        if f.entry.type == "PROTEST":  # the demand names the target better than the place ("marched in Lima")
            f.recipients = _protest_target(doc, lex, f) or f.recipients
    by_trigger = {f.trigger: f for f in frames}
    out = list(frames)
    aid_things = _aid_things(lex)
    for t in doc.tokens:
        if t.i in consumed:
            continue
        have = by_trigger.get(t.i)
        if t.pos == "NOUN" and (t.lemma.lower() in FIGHT_NOUNS or t.lower in FIGHT_NOUNS):
            if have is not None and have.entry.type != "CONSULT":
                continue
            fight = _between_frame(doc, lex, t.i, armed=have is not None)
            if fight is not None:
                out = [g for g in out if g is not have] + [fight]
        elif t.pos == "VERB" and set(lemma_variants(doc, t.i)) & RECEIVE_VERBS:
            if have is not None and have.entry.type != "CONSULT":
                continue
            aid = _receive_frame(doc, lex, t.i, aid_things)
            if aid is not None:  # receiving aid is no hosting ("received a consignment of medicines")
                out = [g for g in out if g is not have] + [aid]
    return out


def _between_frame(doc: AnnotatedDoc, lex: Lexicon, n: int, armed: bool = False) -> Frame | None:
    t = doc.tokens[n]
    mods = {doc.tokens[c].lemma.lower() for c in kids(doc, n, ("amod", "compound", "nmod"))}
    if mods & FIGURATIVE:
        return None
    sides = between_objects(doc, n)
    if not sides and t.dep in ("nsubj", "nsubjpass") and doc.tokens[t.head].lemma.lower() in HAPPEN_VERBS:
        sides = between_objects(doc, t.head)  # "clashes erupted between ..."
    if not sides:
        return None
    pair = _two_sides(doc, sides[0])
    if pair is None:
        return None
    actor, recipient = pair
    if not (is_actor_like(doc, actor, lex) and is_actor_like(doc, recipient, lex)):
        return None
    if (armed or t.lemma.lower() in CONTEST_NOUNS) and not _armed_sides(doc, (actor, recipient)):
        return None  # "a battle between the two candidates", "an encounter between the two leaders"
    return Frame(n, BETWEEN_ENTRY, n, [actor], [recipient], pattern="noun")


def _envoy_host(doc: AnnotatedDoc, lex: Lexicon, frame: Frame) -> None:
    """The recall of an envoy is a measure against the country the envoy is posted to: "the recall of
    Peru's ambassador *to Mexico*", "*in Kigali*"."""
    for p, envoy in prep_objects(doc, frame.trigger):
        if p != "of":
            continue
        host = next((o for q, o in prep_objects(doc, envoy) if q in ("to", "in")), None)
        if host is not None and is_actor_like(doc, host, lex):
            frame.recipients = [host]
            return
    if frame.recipients and doc.tokens[frame.recipients[0]].lemma.lower() in (
        "ambassador",
        "envoy",
        "diplomat",
    ):
        frame.recipients = []  # the envoy recalled is not the counterpart


def _protest_target(doc: AnnotatedDoc, lex: Lexicon, frame: Frame) -> list[int]:
    """ "held a rally *demanding the resignation of the prime minister*": whose removal a protest demands is
    its target (not whose release: "demanding Camacho's release" targets his jailers)."""
    for host in dict.fromkeys((frame.trigger, frame.verb)):
        for c in kids(doc, host, ("advcl", "acl", "xcomp")):
            if doc.tokens[c].lemma.lower() not in DEMAND_VERBS:
                continue
            objs = kids(doc, c, OBJ) + [o for p, o in prep_objects(doc, c) if p == "for"]
            for o in objs:
                if doc.tokens[o].lemma.lower() not in REMOVAL_NOUNS:
                    continue
                owner = kids(doc, o, ("poss",)) + [w for p, w in prep_objects(doc, o) if p == "of"]
                # "the resignation of PM Sheikh Hasina": a title with the name in apposition
                if owner and (
                    is_actor_like(doc, owner[0], lex)
                    or any(doc.tokens[j].pos == "PROPN" for j in doc.subtree(owner[0]))
                ):
                    return owner[:1]
    return []


def fight_stands_alone(doc: AnnotatedDoc, frame: Frame, host: Frame) -> bool:
    """A fight between two sides is not embedded in the act whose phrase it sits in when that act is the
    fight's own outcome (*killed in clashes between ...*) or follows it in time (*detained 20 activists
    after a confrontation between ...*); it still is in *called for an end to the clashes between ...*."""
    if frame.entry is not BETWEEN_ENTRY:
        return False
    if host.entry.type == frame.entry.type:
        return True
    head = doc.tokens[frame.trigger].head
    return doc.tokens[frame.trigger].dep == "pobj" and doc.tokens[head].lower in TIME_PREPS


def _two_sides(doc: AnnotatedDoc, first: int) -> tuple[int, int] | None:
    """ "between X and Y" -> (X, Y); "between Armenian and Azerbaijani troops" -> the two national modifiers."""
    members = conjuncts(doc, first)
    if len(members) >= 2:
        a, b = members[0], members[1]
        # "between government forces and members *of the NPA*": the parser hangs the "of" phrase that follows
        # the second side on the first; "members of X" is X (a group word gives way to its "of" object)
        late_of = [o for p, o in prep_objects(doc, a) if p == "of" and o > b]
        if late_of and doc.tokens[b].lower in QUANTITY_HEADS:
            b = late_of[0]
        return a, b
    # the small model tags some demonyms PERSON ("Azerbaijani")
    mods = coordinated_modifiers(
        doc, first, lambda m: doc.tokens[m].ent_type in ("NORP", "GPE", "ORG", "PERSON")
    )
    return (mods[0], mods[1]) if mods else None


def _armed_sides(doc: AnnotatedDoc, sides: tuple[int, int]) -> bool:
    for s in sides:
        words = {doc.tokens[j].lemma.lower() for j in (s, semantic_head(doc, s))}
        words |= {doc.tokens[c].lemma.lower() for c in kids(doc, s, ("compound",))}
        if words & ARMED:
            return True
    return False


def _aid_things(lex: Lexicon) -> frozenset[str]:
    things: set[str] = set(EXTRA_AID_THINGS)
    for entries in lex.by_lemma.values():
        for e in entries:
            if e.type == "AID" and e.id in AID_ENTRY_IDS:
                things |= e.objects
    return frozenset(things - NOT_AID)


def _receive_frame(doc: AnnotatedDoc, lex: Lexicon, v: int, aid_things: frozenset[str]) -> Frame | None:
    """ "X received aid from Y" / "X received vaccines donated by Y": AID Y -> X."""
    obj = next(iter(kids(doc, v, OBJ)), None)
    if obj is None:
        return None
    # "a consignment *of medicines*", "a batch of vaccines": the container and what it holds
    heads = [j for c in conjuncts(doc, obj) for j in (c, semantic_head(doc, c))]
    heads += [o for j in heads for p, o in prep_objects(doc, j) if p == "of"]
    things = list(dict.fromkeys(k for j in heads for k in conjuncts(doc, j)))  # "vaccines and syringes"
    if not any(doc.tokens[j].lemma.lower() in aid_things for j in things):
        return None
    giver = None
    for src in (v, *things):
        giver = next(
            (o for p, o in prep_objects(doc, src) if p == "from" and is_actor_like(doc, o, lex)), None
        )
        if giver is not None:
            break
    if giver is None:
        # "vaccines donated by China": the participle's agent gave them
        for j in things:
            for c in kids(doc, j, ("acl",)):
                if doc.tokens[c].lemma.lower() in GIVE_PARTICIPLES:
                    giver = next((o for p, o in prep_objects(doc, c) if p == "by"), None)
                    if giver is not None:
                        break
            if giver is not None:
                break
    receiver = subject_of(doc, v)
    if giver is None or receiver is None or not is_actor_like(doc, giver, lex):
        return None
    return Frame(v, RECEIVE_ENTRY, v, [giver], [receiver], pattern="verb", consumed={obj})
