"""The event frame record and the grammatical arguments of a clause: who is its subject or agent, and
whether a noun phrase names a party at all.

Subjects missing from a clause are inherited the way English grammar does it: open complements take the
object of an object-control verb ("urged the EU to support") or else the governor's subject, coordinated
verbs share the subject, a relative pronoun subject is its antecedent ("Soleimani, who was assassinated").
The frame builders (``roles`` for verbs, ``noun_roles`` for event nouns) and the later stages
(participants, modality, verbal recipients) share these finders.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsevents.annotate.doc import AnnotatedDoc
from newsevents.extract.events.lexicon import Lexicon, Trigger
from newsevents.extract.events.syntax import (
    OBJ,
    PASS_SUBJ,
    RELATIVE_PRONOUNS,
    SUBJ,
    first_kid,
    in_dateline,
    is_passive,
    kids,
    np_tokens,
    prep_objects,
    semantic_head,
)

NON_PARTICIPANT_ENTS = {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}
ACTOR_ENTS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
# Verbs whose object is the understood subject of their "to"-complement ("urged X to ...").
OBJECT_CONTROL = {"urge", "ask", "order", "force", "tell", "persuade", "allow", "call", "invite", "press",
                  "pressure", "encourage", "compel", "push", "advise", "request", "instruct", "require"}  # fmt: skip
# Agent nouns by their form: miners, protesters, activists, civilians, residents, migrants, Shiites
AGENT_SUFFIX = re.compile(r"(?:[^e]ers?|ists?|istas?|ians?|ants?|ents?|ites?|ees?|[a-z]{3}m[ae]n)$")


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


def antecedent(doc: AnnotatedDoc, tok: int, verb: int) -> int:
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
        return antecedent(doc, s, v)
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
                return antecedent(doc, ps, head)
        return subject_of(doc, head, depth + 1)
    if t.dep in ("conj", "advcl", "pcomp"):
        if is_passive(doc, head) and t.dep == "conj":  # "was indicted ... and will resign"
            ps = own_kid(doc, head, PASS_SUBJ)
            return antecedent(doc, ps, head) if ps is not None else None
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
