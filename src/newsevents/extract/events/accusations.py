"""ACCUSE without an accusing verb: a speaker who attributes a wrongful act to a party accuses that party.

PLOVER coders code "Rwanda's persistent *aggression* against the DRC", said the spokesman, as an
accusation by the spokesman against Rwanda, though no word of the sentence means *accuse*.  The rules here
find, inside the content of a quote whose speaker the quotes stage resolved, a word from the vocabulary of
blame (``ontology/blame.yaml``) and the party it blames; the speaker is the accuser:

* ``blame-noun``   a wrongful act or vice and its owner: the possessor ("*Rwanda's* aggression"), the
                   *by* agent ("crimes committed *by* X"), the *of* party ("the hostile acts *of* X"; not
                   for acts whose *of* phrase is the victim: "the abuse *of* prisoners"), a national
                   modifier ("*Russian* aggression"), or the subject of a verb of doing it ("X has never
                   stopped *carrying out* hostile actions", "X openly *practices* terrorism");
* ``blame-act``    an act made wrongful by its adjective ("*illegal* sanctions", "*hostile* actions",
                   "an *unprovoked* invasion"), with the same owners;
* ``blame-verb``   a verb of doing a wrong and its subject or agent ("X has *betrayed* Kenyans",
                   "saying X *stole* the votes"), or a verb of instigation with a violent act as object
                   ("X *encouraged* the attack");
* ``blame-pred``   a predicate of blame: "X is (directly) *responsible for* the killings", "X is *guilty
                   of* ...", "it is *criminal for X to* ...", "X's decision is *unjustified*";
* ``grievance``    "expressed *concern* / voiced *outrage* over X's actions": the grievance's subject
                   blames the owner of the act (narrative or speech).

Not coded: a wrong that is negated ("X has not violated ..."), hypothetical ("if X attacks", "X could
...", "would"), asked, denied or doubted ("denied that X rigged ..."), one the speaker does himself (the
party blamed must be a political actor other than the speaker), and any wrong told by the narrative itself
(a description of violence there is an ASSAULT, not an ACCUSE).  An accusation inside another event's
complement ("accused X of aggression") is that event's content (``modality.governing_frame``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import yaml

from newsevents.annotate.doc import AnnotatedDoc
from newsevents.extract.events.arguments import Frame, agent_of, own_kid, subject_of
from newsevents.extract.events.lexicon import PERSON_TITLES, Lexicon, Trigger
from newsevents.extract.events.participants import Participants
from newsevents.extract.events.syntax import OBJ, PASS_SUBJ, SUBJ, first_kid, kids, prep_objects
from newsevents.extract.events.verbal import PEJORATIVES
from newsevents.model import Quote

if TYPE_CHECKING:
    from newsevents.extract.actors.table import ActorTable

BLAME_ENTRY = Trigger("ACCUSE", "blame", "noun", frozenset(), mode="allege", confidence=0.75)
HOLD_ENTRY = Trigger("ACCUSE", "hold-responsible", "verb", frozenset({"hold"}), mode="allege", confidence=0.8)
GRIEVANCE_ENTRY = Trigger("ACCUSE", "grievance", "noun", frozenset(), mode="disapprove", confidence=0.75)
# The speaker's own side: never the party blamed.
SELF_WORDS = {"i", "me", "my", "we", "us", "our", "ours", "myself", "ourselves", "you", "your"}
NATIONAL_ENTS = ("NORP", "GPE", "ORG")
HYPOTHETICAL_AUX = {"would", "could", "might", "may", "will", "shall", "'ll", "wo"}
CONDITIONAL_MARKS = {"if", "unless", "whether", "lest"}
# "never *stopped* carrying out": a negated ending of an act says the act went on.
ENDING_VERBS = {"stop", "cease", "quit", "end"}


@dataclass(frozen=True, slots=True)
class BlameWords:
    """The vocabulary of ``ontology/blame.yaml`` (see the comments there)."""

    wrong_nouns: frozenset[str]
    victim_of_nouns: frozenset[str]
    wrong_adjectives: frozenset[str]
    wrong_verbs: frozenset[str]
    doing_verbs: frozenset[str]
    instigating_verbs: frozenset[str]
    instigated_nouns: frozenset[str]
    blame_predicates: frozenset[str]
    harm_nouns: frozenset[str]
    act_nouns: frozenset[str]
    grievance_nouns: frozenset[str]
    grievance_verbs: frozenset[str]
    grievance_preps: frozenset[str]
    doubting_verbs: frozenset[str]
    label_statuses: frozenset[str]
    responsible_words: frozenset[str]


@lru_cache(maxsize=1)
def blame_words() -> BlameWords:
    raw = yaml.safe_load(resources.files("newsevents.ontology").joinpath("blame.yaml").read_text("utf-8"))
    return BlameWords(**{k: frozenset(str(w).lower() for w in raw[k]) for k in BlameWords.__slots__})


def _lemma(doc: AnnotatedDoc, i: int) -> str:
    return doc.tokens[i].lemma.lower()


def _is(doc: AnnotatedDoc, i: int, words: frozenset[str]) -> bool:
    t = doc.tokens[i]
    return t.lemma.lower() in words or t.lower in words


# -- who did the wrong ----------------------------------------------------------------------------------------
def _owners(doc: AnnotatedDoc, n: int, w: BlameWords) -> list[int]:
    """Who owns the act named by noun ``n``: possessor, *by* agent (of the noun or of its participle),
    *of* party (unless the act's *of* names its victim), a national modifier; then the subject of the verb
    it is the object of, when that verb is one of doing ("carried out hostile actions")."""
    victim_of = _is(doc, n, w.victim_of_nouns)
    own = first_kid(doc, n, ("poss",))
    if own is not None:
        return [own]
    agent = agent_of(doc, n)
    if agent is None:  # "crimes *committed by* X"; not "a warrant for crimes *issued by* the court"
        agent = next(
            (
                a
                for c in kids(doc, n, ("acl",))
                if _is(doc, c, w.doing_verbs) and (a := agent_of(doc, c)) is not None
            ),
            None,
        )
    if agent is not None:
        return [agent]
    if not victim_of:
        of = [o for p, o in prep_objects(doc, n) if p == "of"]
        if of:
            return of
        mods = [
            c for c in kids(doc, n, ("amod", "compound", "nmod")) if doc.tokens[c].ent_type in NATIONAL_ENTS
        ]
        if mods:
            return mods
    return _doer(doc, n, w)


def _doer(doc: AnnotatedDoc, n: int, w: BlameWords) -> list[int]:
    """The subject of a verb of doing whose object (or *in* / *to* object) the act is: "X has *carried out*
    hostile actions", "X *engaged in* terrorism", "X *resorted to* violence"; a passive's agent."""
    t = doc.tokens[n]
    v = t.head
    if t.dep == "pobj" and doc.tokens[v].lower in ("in", "to"):
        v = doc.tokens[v].head
    elif t.dep not in OBJ and t.dep not in PASS_SUBJ:
        return []
    if v == n or doc.tokens[v].pos != "VERB" or not _is(doc, v, w.doing_verbs):
        return []
    if t.dep in PASS_SUBJ:
        a = agent_of(doc, v)
        return [a] if a is not None else []
    s = subject_of(doc, v)
    return [s] if s is not None else []


def _wrong_noun(doc: AnnotatedDoc, n: int, w: BlameWords) -> str | None:
    """The pattern when noun ``n`` names a wrong: the word itself, or an act with a wrongful adjective."""
    t = doc.tokens[n]
    if t.pos not in ("NOUN", "PROPN"):
        return None
    if _is(doc, n, w.wrong_nouns):
        return "blame-noun"
    if _is(doc, n, w.act_nouns) and any(_is(doc, a, w.wrong_adjectives) for a in kids(doc, n, ("amod",))):
        return "blame-act"
    return None


def _culprits(doc: AnnotatedDoc, i: int, w: BlameWords) -> list[tuple[int, str]]:
    """(wrongdoer head, pattern) pairs that token ``i`` blames."""
    t = doc.tokens[i]
    out: list[tuple[int, str]] = []
    pattern = _wrong_noun(doc, i, w)
    if pattern is not None and not _predicated(doc, i, w):
        out.extend((o, pattern) for o in _owners(doc, i, w))
    elif t.pos == "VERB":
        if _is(doc, i, w.wrong_verbs) and _really_wrong_verb(doc, i):
            if kids(doc, i, PASS_SUBJ):
                agent = agent_of(doc, i)
                out.extend((a, "blame-verb") for a in ([agent] if agent is not None else []))
            else:
                out.extend((s, "blame-verb") for s in _subjects(doc, i))
        elif _is(doc, i, w.instigating_verbs):
            obj = first_kid(doc, i, OBJ)
            if obj is not None and _is(doc, obj, w.instigated_nouns | w.wrong_nouns):
                out.extend((s, "blame-verb") for s in _subjects(doc, i))
    elif t.pos == "ADJ":
        out.extend((c, "blame-pred") for c in _predicate_culprits(doc, i, w))
    elif t.lower == "behind" and t.dep == "prep" and _lemma(doc, t.head) == "be":
        # "X was behind the attack"
        objs = kids(doc, i, ("pobj",))
        subj = own_kid(doc, t.head, ("nsubj",))
        if subj is not None and any(
            _is(doc, o, w.harm_nouns | w.instigated_nouns | w.wrong_nouns) for o in objs
        ):
            out.append((subj, "blame-pred"))
    if not out and t.dep in ("attr", "acomp") and _lemma(doc, t.head) == "be" and _insult(doc, i, w):
        # "X is a fraud / a terrorist state", "X is corrupt": the subject is called what the predicate says
        subj = own_kid(doc, t.head, ("nsubj",))
        if subj is not None and doc.tokens[subj].lower != "it":
            out.append((subj, "blame-label"))
    return out


def _insult(doc: AnnotatedDoc, i: int, w: BlameWords) -> bool:
    """The predicate or one of its modifiers is an insult (the label rule's list, less plain statuses such
    as *regime* or *enemy*) or a wrongful quality."""
    words = [i, *kids(doc, i, ("amod", "compound"))]
    return any(
        (_is(doc, j, frozenset(PEJORATIVES)) and not _is(doc, j, w.label_statuses))
        or (doc.tokens[j].pos == "ADJ" and _is(doc, j, w.wrong_adjectives))
        for j in words
    )


def _subjects(doc: AnnotatedDoc, v: int) -> list[int]:
    """The subject of ``v`` (inherited if need be), then its other subject dependents: the small model
    splits "the ex-president" into three subjects."""
    first = subject_of(doc, v)
    rest = [k for k in kids(doc, v, ("nsubj",)) if k != first]
    return ([first] if first is not None else []) + rest


def _really_wrong_verb(doc: AnnotatedDoc, v: int) -> bool:
    """ "lie" is also "the problem *lies* in ...": only "lied" / "lying to / about" accuse."""
    if _lemma(doc, v) != "lie":
        return True
    return doc.tokens[v].lower == "lied" or any(p in ("to", "about") for p, _ in prep_objects(doc, v))


def _predicated(doc: AnnotatedDoc, n: int, w: BlameWords) -> bool:
    """The wrong is the object of a predicate of blame: "X is responsible for *Russia's* aggression"
    blames X, coded by the predicate rule, not the act's owner as well."""
    t = doc.tokens[n]
    if t.dep != "pobj":
        return False
    p = doc.tokens[t.head]
    return p.lower in ("for", "of") and _is(doc, p.head, w.blame_predicates)


def _predicate_culprits(doc: AnnotatedDoc, a: int, w: BlameWords) -> list[int]:
    """ "X is responsible for / guilty of <wrong>", "it is criminal for X to ...", "it is deplorable that
    X ...", "X's move is unjustified"."""
    t = doc.tokens[a]
    if t.dep not in ("acomp", "oprd", "attr") or doc.tokens[t.head].lemma.lower() != "be":
        return []
    be = t.head
    subj = own_kid(doc, be, SUBJ)
    if _is(doc, a, w.blame_predicates):
        objs = [o for p, o in prep_objects(doc, a) if p in ("for", "of")]
        harmful = w.harm_nouns | w.wrong_nouns
        if subj is None or not any(
            _is(doc, o, harmful) or _wrong_noun(doc, o, w) is not None or _lemma(doc, a) == "guilty"
            for o in objs
        ):
            return []
        return [subj]
    if not _is(doc, a, w.wrong_adjectives) or subj is None:
        return []
    if doc.tokens[subj].lower == "it":
        # "it is criminal for X to continue ...": the subject of the infinitive clause
        for c in kids(doc, be, ("advcl", "xcomp", "ccomp", "csubj")) + kids(
            doc, a, ("xcomp", "advcl", "ccomp")
        ):
            s = own_kid(doc, c, ("nsubj",))
            if s is not None:
                return [s]
        return []
    if doc.tokens[subj].pos == "NOUN":
        return _owners(doc, subj, w) if _is(doc, subj, w.act_nouns | w.wrong_nouns) else []
    return []


# -- is it alleged as a fact? ---------------------------------------------------------------------------------
def _asserted(doc: AnnotatedDoc, i: int, cue: int | None, w: BlameWords) -> bool:
    """The wrong is stated as a fact by the speaker: not negated, hypothetical, asked or doubted on the
    path from the trigger up to the quote's cue (or the sentence root)."""
    if any(
        doc.tokens[c].lower in ("no", "never") and doc.tokens[c].dep in ("det", "neg")
        for c in doc.children[i]
    ):
        return False  # "there was no aggression"
    sent = doc.sentence_of(i)
    if doc.tokens[sent.end_token - 1].text == "?" or (
        sent.end_token >= 2 and doc.tokens[sent.end_token - 2].text == "?"
    ):
        return False
    j, prev = i, None
    for _ in range(12):
        tj = doc.tokens[j]
        if tj.pos in ("VERB", "AUX") or j == i:
            ks = doc.children[j]
            if any(
                doc.tokens[c].dep == "neg"
                or (doc.tokens[c].lower == "never" and doc.tokens[c].dep == "advmod")
                for c in ks
            ) and not (
                _lemma(doc, j) in ENDING_VERBS and prev is not None and doc.tokens[prev].dep == "xcomp"
            ):
                return False
            if any(doc.tokens[c].dep == "aux" and doc.tokens[c].lower in HYPOTHETICAL_AUX for c in ks):
                return False
            if any(doc.tokens[c].dep == "mark" and doc.tokens[c].lower in CONDITIONAL_MARKS for c in ks):
                return False
            if j != i and _is(doc, j, w.doubting_verbs):
                return False
        if j == cue or tj.head == j:
            return True
        prev, j = j, tj.head
    return True


# -- frames -----------------------------------------------------------------------------------------------------
def _same_party(people: Participants, a: int, b: int) -> bool:
    pa, pb = people.resolve(a), people.resolve(b)
    if pa is None or pb is None:
        return False
    if pa.actor_id and pa.actor_id == pb.actor_id:
        return True
    return pa.span.start <= pb.span.start and pb.span.end <= pa.span.end


def _own_victim(doc: AnnotatedDoc, people: Participants, v: int, head: int) -> bool:
    """ "they have betrayed *them*" with both pronouns resolved to one party: a coreference slip, not an
    accusation (nobody wrongs himself in these verbs)."""
    obj = first_kid(doc, v, OBJ) if doc.tokens[v].pos == "VERB" else None
    return obj is not None and _same_party(people, obj, head)


def blame_frames(
    doc: AnnotatedDoc, lex: Lexicon, quotes: tuple[Quote, ...], actors: ActorTable, found: list[Frame]
) -> list[Frame]:
    """ACCUSE frames from the vocabulary of blame inside quotes, and grievances anywhere."""
    w = blame_words()
    people = Participants(doc, actors, lex)
    taken = {f.trigger for f in found}
    out: list[Frame] = []
    seen: set[tuple[int, str]] = set()  # (sentence, party): "has abused force, overreacted and ..." is one
    for q in quotes:
        if q.speaker is None:
            continue
        sp = doc.token_at(q.speaker.mention.end - 1)
        cue = doc.token_at(q.cue.start) if q.cue is not None else None
        if sp is None:
            continue
        for i in doc.tokens_within(q.content.start, q.content.end):
            if i in taken:
                continue
            culprits = _culprits(doc, i, w)  # cheap and mostly empty: the walk of _asserted only for a wrong
            if not culprits or not _asserted(doc, i, cue, w):
                continue
            for culprit, pattern in culprits:
                head = (
                    None if doc.tokens[culprit].lower in SELF_WORDS else people.actor_head(culprit, "ACCUSE")
                )
                if head is None or _same_party(people, sp, head) or _own_victim(doc, people, i, head):
                    continue
                p = people.resolve(head)
                if (
                    p is None
                    or not (p.actor_id or p.country)
                    or (p.actor_id is None and _lemma(doc, head) in PERSON_TITLES)
                ):
                    continue  # "the president" whom coreference did not name: no party to blame
                key = (doc.tokens[i].sent, p.actor_id or p.name.lower())
                if key not in seen:
                    seen.add(key)
                    out.append(Frame(i, BLAME_ENTRY, i, [sp], [head], pattern=pattern))
                break  # one party blamed per word
    out.extend(grievance_frames(doc, w, people, taken))
    out.extend(hold_frames(doc, w, people, taken))
    return out


def hold_frames(doc: AnnotatedDoc, w: BlameWords, people: Participants, taken: set[int]) -> list[Frame]:
    """ "X holds Y responsible for the attack": ACCUSE X -> Y (narrative or speech); not a promise to
    ("will hold those responsible accountable"): that is a threat, and the modal keeps it out."""
    out = []
    for t in doc.tokens:
        if t.i in taken or t.pos != "VERB" or t.lemma.lower() != "hold":
            continue
        pred = [k for k in doc.children[t.i] if doc.tokens[k].dep in ("oprd", "acomp", "xcomp", "ccomp")]
        if not any(_is(doc, k, w.responsible_words) for k in pred):
            continue
        target = first_kid(doc, t.i, OBJ)
        if target is None:  # "holds Y responsible" parsed as a clause: "Y" is the predicate's subject
            target = next((s for k in pred if (s := own_kid(doc, k, ("nsubj",))) is not None), None)
        actor = subject_of(doc, t.i)
        if target is None or actor is None or not _asserted(doc, t.i, None, w):
            continue
        head = people.actor_head(target, "ACCUSE")
        if head is None or doc.tokens[target].lower in SELF_WORDS or _same_party(people, actor, head):
            continue
        out.append(Frame(t.i, HOLD_ENTRY, t.i, [actor], [head], pattern="verb"))
    return out


def _grievance_verb(doc: AnnotatedDoc, n: int, w: BlameWords) -> int | None:
    """The verb that expresses grievance noun ``n``: its head when ``n`` is the object, else climbing the
    coordination that joins it to an earlier object ("expressed support to X and *concern* over ...",
    which the parser often hangs on the last noun before "and")."""
    j = n
    if doc.tokens[j].dep != "conj":
        v = doc.tokens[j].head
        return v if doc.tokens[j].dep in OBJ and _is(doc, v, w.grievance_verbs) else None
    for _ in range(6):
        t = doc.tokens[j]
        if t.head == j:
            return None
        if t.dep in OBJ:
            return t.head if _is(doc, t.head, w.grievance_verbs) else None
        if t.dep not in ("conj", "pobj", "prep"):
            return None
        j = t.head
    return None


def grievance_frames(doc: AnnotatedDoc, w: BlameWords, people: Participants, taken: set[int]) -> list[Frame]:
    """ "X expressed concern over Y's actions", "voiced outrage at Y's decision": ACCUSE X -> Y."""
    out = []
    for t in doc.tokens:
        if t.i in taken or not _is(doc, t.i, w.grievance_nouns) or t.pos != "NOUN":
            continue
        n = t.i
        v = _grievance_verb(doc, n, w)
        if v is None:
            continue
        actor = subject_of(doc, v)
        if actor is None:
            continue
        for p, o in prep_objects(doc, n):
            if p not in w.grievance_preps:
                continue
            if not (_is(doc, o, w.act_nouns) or _wrong_noun(doc, o, w) is not None):
                continue
            for owner in _owners(doc, o, w)[:1]:
                head = people.actor_head(owner, "ACCUSE")
                if head is None or doc.tokens[owner].lower in SELF_WORDS or _same_party(people, actor, head):
                    continue
                if not _asserted(doc, n, None, w):
                    continue
                out.append(Frame(n, GRIEVANCE_ENTRY, n, [actor], [head], pattern="grievance"))
    return out
