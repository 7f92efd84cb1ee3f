"""Event frames from the parse: which tokens are the actor and the recipient of a matched trigger.

Patterns (their ids end up in the event's ``rule``):

* ``verb``        active verb: actor = subject, recipient = dative / direct object / prepositional object;
* ``passive``     "was assassinated by the US": actor = agent ("by"), recipient = passive subject;
* ``light-verb``  event noun as object of a light verb ("held talks with", "expressed gratitude to",
                  "imposed sanctions on"): actor = the light verb's subject, recipient from the noun's or the
                  verb's prepositions;
* ``noun-pp``     event noun inside a prepositional phrase of a verb ("made the comments *at a meeting with*
                  X"): actor = that verb's subject;
* ``noun``        an event noun with its own actor ("Israel's attack on", "talks between X and Y");
* ``modal-demand`` "X said Y must ..." / "X declared that Y should ...": REQUEST from X to Y.

Subjects missing from a clause are inherited the way English grammar does it: open complements take the
object of an object-control verb ("urged the EU to support") or else the governor's subject, coordinated
verbs share the subject, a relative pronoun subject is its antecedent ("Soleimani, who was assassinated").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsevents.annotate.doc import AnnotatedDoc
from newsevents.extract.events.lending import contacted, described, passive_partner, received, stray_agent
from newsevents.extract.events.lexicon import Lexicon, Trigger, lemma_variants
from newsevents.extract.events.syntax import (
    OBJ,
    PASS_SUBJ,
    RELATIVE_PRONOUNS,
    SUBJ,
    conjuncts,
    first_kid,
    in_dateline,
    is_passive,
    is_stranded_prep,
    kids,
    np_tokens,
    prep_objects,
    semantic_head,
)

NON_PARTICIPANT_ENTS = {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}
ACTOR_ENTS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
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
NOUN_PP_PREPS = {"at", "during", "after", "following", "in", "amid", "before", "since", "for"}
# Verbs whose object is the understood subject of their "to"-complement ("urged X to ...").
OBJECT_CONTROL = {"urge", "ask", "order", "force", "tell", "persuade", "allow", "call", "invite", "press",
                  "pressure", "encourage", "compel", "push", "advise", "request", "instruct", "require"}  # fmt: skip
# Agent nouns by their form: miners, protesters, activists, civilians, residents, migrants, Shiites
AGENT_SUFFIX = re.compile(r"(?:[^e]ers?|ists?|istas?|ians?|ants?|ents?|ites?|ees?|[a-z]{3}m[ae]n)$")
MODAL_DEMAND = {"must", "should", "ought"}
# Event nouns whose possessor undergoes the act ("Camacho's arrest") rather than performs it ("Israel's attack").
PATIENT_NOUNS = {"arrest", "detention", "release", "expulsion", "extradition", "killing", "assassination",
                 "execution", "ouster", "impeachment", "deportation", "abduction", "kidnapping", "conviction",
                 "sentencing", "imprisonment", "capture", "removal", "dismissal", "sacking", "prosecution"}  # fmt: skip


# Event nouns whose possessive pronoun, with no light verb around, is the actor ("her visit to Kenya").
OWN_PRONOUN_TYPES = {"CONSULT", "AGREE", "COOPERATE", "CONCEDE"}


@dataclass
class Frame:
    trigger: int
    entry: Trigger
    verb: int  # the clause verb that carries the event (the trigger itself for verb triggers)
    actors: list[int] = field(default_factory=list)
    recipients: list[int] = field(default_factory=list)
    pattern: str = "verb"
    type_override: str | None = None  # set when an embedded act changes the reading ("vowed to ban")
    consumed: set[int] = field(default_factory=set)  # tokens that belong to the trigger phrase

    @property
    def rule(self) -> str:
        return f"{self.entry.rule}.{self.pattern}"


def _antecedent(doc: AnnotatedDoc, tok: int, verb: int) -> int:
    """A relative pronoun stands for the noun its clause modifies."""
    if doc.tokens[tok].lower in RELATIVE_PRONOUNS and doc.tokens[verb].dep == "relcl":
        return doc.tokens[verb].head
    return tok


def own_kid(doc: AnnotatedDoc, v: int, deps: tuple[str, ...]) -> int | None:
    """The first dependent of ``v`` with one of ``deps`` that is not part of a dateline: the parser makes
    "SAN PEDRO CITY —" a second subject of the lead's verb."""
    return next((k for k in kids(doc, v, deps) if not in_dateline(doc, k)), None)


def subject_of(doc: AnnotatedDoc, v: int, depth: int = 0) -> int | None:
    """The (possibly inherited) active subject of verb ``v``; None when the clause has none."""
    s = own_kid(doc, v, SUBJ)
    if s is not None:
        if doc.tokens[s].lower in ("there",):
            return None
        return _antecedent(doc, s, v)
    if depth > 4:
        return None
    t = doc.tokens[v]
    head = t.head
    if head == v:
        return None
    if t.dep in ("xcomp", "advcl") and t.dep == "xcomp":
        obj = first_kid(doc, head, OBJ)
        if obj is not None and doc.tokens[head].lemma.lower() in OBJECT_CONTROL:
            return obj
        if is_passive(doc, head):  # "X was asked to ..." -> X
            ps = own_kid(doc, head, PASS_SUBJ)
            if ps is not None:
                return _antecedent(doc, ps, head)
        return subject_of(doc, head, depth + 1)
    if t.dep in ("conj", "advcl", "pcomp"):
        if is_passive(doc, head) and t.dep == "conj":  # "was indicted ... and will resign"
            ps = own_kid(doc, head, PASS_SUBJ)
            return _antecedent(doc, ps, head) if ps is not None else None
        return subject_of(doc, head if t.dep != "pcomp" else _governing_verb(doc, head), depth + 1)
    if t.dep == "relcl" and not is_passive(doc, v):
        return head
    if t.dep == "acl" and not is_passive(doc, v):
        # "forces launching an attack" -> forces; "issued a declaration demanding ..." -> the issuer;
        # "converged for a rally to protest ..." -> those who converged
        hd = doc.tokens[head]
        if hd.dep in ("nsubj", "nsubjpass") or hd.head == head:
            return head
        gv = _governing_verb(doc, hd.head)
        return subject_of(doc, gv, depth + 1) if gv != v else head
    if t.dep in ("amod", "acomp") and doc.tokens[head].pos in ("NOUN", "PROPN"):
        return None
    if t.dep == "acomp" or doc.tokens[head].lemma.lower() in ("be",):
        return subject_of(doc, head, depth + 1)
    return None


def _governing_verb(doc: AnnotatedDoc, i: int) -> int:
    j = i
    for _ in range(6):
        if doc.tokens[j].pos in ("VERB", "AUX") or doc.tokens[j].head == j:
            return j
        j = doc.tokens[j].head
    return j


def agent_of(doc: AnnotatedDoc, i: int) -> int | None:
    for p, o in prep_objects(doc, i):
        if p == "by" and doc.tokens[o].ent_type not in NON_PARTICIPANT_ENTS:
            return o
    return None


def is_actor_like(doc: AnnotatedDoc, head: int, lex: Lexicon, *, with_pps: bool = True) -> bool:
    """A noun phrase that names or describes people, groups, organisations or states.

    ``with_pps=False`` judges the head and its own modifiers only, not its "of"-phrases: "the backing *of
    Republican voters*" is a thing, though a group is named inside it."""
    sem = semantic_head(doc, head)
    t = doc.tokens[sem]
    if t.ent_type in NON_PARTICIPANT_ENTS:
        return False
    if t.pos == "PRON":
        return t.lower not in ("it", "this", "that", "which", "what", "itself", "something", "anything")
    if t.pos == "PROPN":  # a name the NER missed ("Kyiv") is still a name
        return True
    if t.lemma.lower() in lex.actor_nouns or t.lower in lex.actor_nouns or AGENT_SUFFIX.search(t.lower):
        return True
    np = np_tokens(doc, head) if with_pps else [head, *kids(doc, head, ("compound", "amod", "nmod"))]
    if any(doc.tokens[j].ent_type in ACTOR_ENTS for j in np):
        return True
    # "*rebel* positions", "*army* bases": a group noun modifying the head names whose they are
    return any(doc.tokens[j].dep == "compound" and doc.tokens[j].lemma.lower() in lex.actor_nouns for j in np)


def _participant_ok(doc: AnnotatedDoc, i: int) -> bool:
    t = doc.tokens[semantic_head(doc, i)]
    return t.ent_type not in NON_PARTICIPANT_ENTS and t.pos in ("NOUN", "PROPN", "PRON", "NUM", "ADJ", "X")


def _recipient_from(doc: AnnotatedDoc, sources: list[int], preps: tuple[str, ...], lex: Lexicon,
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


def _pref(entry: Trigger) -> tuple[str, ...]:
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
            frame.recipients = [_antecedent(doc, ps, ps_verb)]
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
            frame.recipients = _recipient_from(doc, [v], _pref(entry), lex, skip)
        return frame
    subj = subject_of(doc, v)
    if subj is None and not is_passive(doc, v):
        pass
    elif subj is None:
        ps = own_kid(doc, v, PASS_SUBJ)
        subj = _antecedent(doc, ps, v) if ps is not None else None
    if subj is not None:
        frame.actors = [subj]
    skip = set(frame.consumed) | set(frame.actors)
    # "launched artillery, mortar and rocket fire *against* ...": the prepositions may hang on any conjunct
    sources = [v] + (conjuncts(doc, obj_tok) if obj_tok is not None else [])
    if not frame.recipients:
        # mobilised troops are the actor's own forces, never the counterpart
        own_forces = entry.type == "MOBILIZE"
        frame.recipients = _recipient_from(doc, sources, _pref(entry), lex, skip, use_object=not own_forces)
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
            frame.recipients = _recipient_from(doc, [c], VERBAL_PREPS, lex, skip)
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
    frame.actors = [_antecedent(doc, ps, v)]
    skip = {*frame.actors, *frame.consumed}
    for c in kids(doc, v, ("advcl", "xcomp")):
        if any(doc.tokens[k].lower == "to" for k in doc.children[c]):
            frame.recipients = _recipient_from(doc, [c], VERBAL_PREPS, lex, skip)
            if frame.recipients:
                return frame
    frame.recipients = _recipient_from(doc, [v], _pref(entry), lex, skip, use_object=False)
    return frame


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
    between = [o for p, o in prep_objects(doc, n) if p == "between"]
    frame.recipients = _recipient_from(doc, [n], _pref(entry), lex, {own} if own is not None else set())
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
            frame.recipients = _recipient_from(
                doc, [head], _pref(entry), lex, {n} | ({own} if own else set())
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
