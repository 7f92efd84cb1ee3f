"""The two sides of a symmetric event when the text does not name them where the event is told.

News names the pair once and then refers to it as a pair: *Modi accepted Hasina's invitation ... as **the
two leaders** interacted during a virtual summit*, *a ceasefire between Israel and Hamas ... a truce deal
between **the two parties***.  PLOVER codes such a CONSULT / AGREE / COOPERATE between the two named sides
(one as actor, the other as recipient), so the pair phrase is resolved here to the two sides named just
before it:

1. the latest coordination of two named parties (*between Israel and the Gaza Strip's ruling militant
   group*, *Tanzania and Kenya*), else
2. the two latest distinct named parties (outermost mentions: *the Gaza Strip's ruling militant group*, not
   the *Gaza Strip* inside it),

of the kind the pair noun asks for (*leaders* are people, *countries* are states, *sides* and *parties* may
be either), within the pair phrase's sentence and the three before it.  With no such pair the phrase stays
unresolved and the event is not coded (a dyadic type needs its counterpart).

A multilateral body acting alone (*ASEAN foreign ministers held a special meeting*, *the regional bloc's
leaders agreed ...*) is a meeting or agreement among its members: PLOVER coders leave its counterpart
empty, so a CONSULT or AGREE whose actor is an intergovernmental organisation is kept without recipient
(:func:`multilateral`).
"""

from __future__ import annotations

from newsevents.annotate.doc import AnnotatedDoc, Token
from newsevents.extract.actors.table import ActorTable
from newsevents.extract.events.arguments import Frame
from newsevents.extract.events.syntax import between_objects, kids, np_tokens, prep_objects, semantic_head
from newsevents.kb import actor_dictionary, countries
from newsevents.model import Actor

PERSON_PAIRS = {"leader", "president", "minister", "premier", "head", "counterpart", "man", "woman",
                "official", "diplomat", "envoy", "chief", "king", "monarch", "foreign", "prime"}  # fmt: skip
STATE_PAIRS = {"country", "nation", "state", "government", "neighbour", "neighbor", "power"}
ANY_PAIRS = {"side", "party", "delegation", "camp", "ally", "rival", "adversary", "foe", "partner",
             "belligerent", "enemy"}  # fmt: skip
STATE_KINDS = {"GPE", "NORP"}
PARTY_KINDS = {"PERSON", "ORG", "GPE", "NORP"}
LOOKBACK_SENTENCES = 3
# Types whose two sides are symmetric (PLOVER codes one as actor and the other as recipient).
MULTILATERAL_TYPES = {"CONSULT", "AGREE"}
MEETING_NOUNS = {"summit", "meeting", "talks", "talk", "conference", "visit", "session", "sidelines"}
# Plural heads that stand for the members of a body ("ASEAN foreign *ministers*", "*leaders* of ECOWAS").
MEMBER_NOUNS = {"leader", "minister", "head", "member", "state", "country", "nation", "delegate",
                "representative", "official", "envoy", "diplomat", "president", "premier"}  # fmt: skip


def _singular(t: Token) -> str:
    """The tagger leaves a capitalised plural as its own lemma ("Foreign *Ministers*")."""
    low = t.lemma.lower()
    if low != t.lower or not low.endswith("s") or low.endswith("ss"):
        return low
    return low[:-3] + "y" if low.endswith("ies") else low[:-1]


def pair_kinds(doc: AnnotatedDoc, head: int) -> frozenset[str] | None:
    """The actor kinds a pair phrase stands for ("*the two leaders*" → people), or None when ``head`` is no
    pair phrase.  A pair phrase is a plural pair noun counted as two ("the two sides") or with "both"."""
    t = doc.tokens[head]
    lemma = _singular(t)
    if t.tag not in ("NNS", "NNPS") and not t.lower.endswith("s"):
        return None
    counted = any(
        doc.tokens[c].lower in ("two", "both")
        for c in kids(doc, head, ("nummod", "det", "predet", "quantmod"))
    )
    if not counted:
        return None
    if lemma in PERSON_PAIRS:
        return frozenset({"PERSON"})
    if lemma in STATE_PAIRS:
        return frozenset(STATE_KINDS)
    if lemma in ANY_PAIRS:
        return frozenset(PARTY_KINDS)
    return None


def _kind_ok(actor: Actor, kinds: frozenset[str]) -> bool:
    if kinds == STATE_KINDS:
        # "the two countries" are states: Oregon or Dar es Salaam is no side of a treaty
        return actor.kind in kinds and actor.country is not None and countries().any(actor.name) is not None
    return actor.kind in kinds and actor.sector != "MED"  # the news agency is no side


def _outermost(actors: ActorTable, start: int, end: int) -> list[tuple[int, int, Actor]]:
    """Mentions in ``[start, end)`` that lie inside no other actor's mention, as (start, end, actor)."""
    found = [(m.span.start, m.span.end, a) for m, a in actors.mentions_in(start, end)]
    return [
        (s, e, a)
        for s, e, a in found
        if not any(s2 <= s and e <= e2 and (s2, e2) != (s, e) and a2.id != a.id for s2, e2, a2 in found)
    ]


def two_sides(
    doc: AnnotatedDoc, actors: ActorTable, head: int, kinds: frozenset[str] | None = None
) -> list[int]:
    """Token heads of the two sides a pair phrase refers to, or [] when the text names no such pair
    (``kinds``: the kinds the caller has already read off the phrase, e.g. "between the arch foes")."""
    kinds = kinds or pair_kinds(doc, head)
    if kinds is None:
        return []
    sent = doc.tokens[head].sent
    first = doc.sents[max(0, sent - LOOKBACK_SENTENCES)]
    phrase_start = doc.tokens[min(doc.subtree(head))].start
    window_start = doc.tokens[first.start_token].start

    def actor_of(tok: int) -> Actor | None:
        t = doc.tokens[tok]
        hit = actors.mention_at(t.start, t.end)
        return hit[1] if hit is not None and _kind_ok(hit[1], kinds) else None

    def same(a: Actor, b: Actor) -> bool:
        if a.id == b.id:
            return True
        # "Israel" and "Israeli" are one state side
        return kinds == STATE_KINDS and a.country is not None and a.country == b.country

    # 1. the latest coordination of two named parties before the phrase
    for j in range(head - 1, first.start_token - 1, -1):
        t = doc.tokens[j]
        if t.dep != "conj" or t.pos not in ("NOUN", "PROPN") or t.end > phrase_start:
            continue
        a, b = actor_of(t.head), actor_of(j)
        if a is not None and b is not None and not same(a, b):
            return [t.head, j]
    # 2. the two latest distinct named parties before the phrase
    picked: list[tuple[int, Actor]] = []
    for _s, e, a in reversed(_outermost(actors, window_start, phrase_start)):
        if not _kind_ok(a, kinds) or any(same(a, b) for _, b in picked):
            continue
        tok = doc.token_at(e - 1)
        if tok is not None:
            picked.append((tok, a))
        if len(picked) == 2:
            return sorted(t for t, _ in picked)
    return []


def between_parties(doc: AnnotatedDoc, f: Frame) -> list[int]:
    """An agentless agreement names its parties in its noun: "*a truce deal between Israel and Hamas* was
    signed", "a ceasefire deal *between the two sides* was signed" (the first member; coordination and
    :func:`two_sides` give the rest)."""
    nouns = sorted(f.consumed) + ([f.trigger] if f.entry.pos == "noun" else [])
    for n in nouns:
        found = between_objects(doc, n)
        if found:
            return found[:1]
    return []


def signed_at_meeting(doc: AnnotatedDoc, f: Frame) -> bool:
    """ "Seven agreements were signed *at the summit*": an agentless signing whose parties are the
    meeting's, already coded as the CONSULT dyad the article reported before (:func:`meeting_parties`)."""
    if f.actors or f.entry.mode != "sign" or f.entry.type not in ("AGREE", "SUPPORT"):
        return False
    return any(
        p in ("at", "during", "on") and doc.tokens[o].lemma.lower() in MEETING_NOUNS
        for v in dict.fromkeys((f.verb, f.trigger))
        for p, o in prep_objects(doc, v)
    )


def meeting_parties(dyads: list[tuple[int, int, int]], trigger: int) -> list[int]:
    """The two sides of the latest meeting coded before ``trigger``: (trigger, actor, recipient) dyads."""
    before = [d for d in dyads if d[0] < trigger]
    return list(before[-1][1:]) if before else []


def _igo(actor: Actor | None) -> bool:
    return actor is not None and (actor.sector == "IGO" or (actor.code or "").startswith("IGO"))


def multilateral(doc: AnnotatedDoc, actors: ActorTable, head: int) -> bool:
    """The members of an intergovernmental body acting together, who meet or agree among themselves:
    *ASEAN foreign ministers*, *leaders of ECOWAS*, *EU member states*, or *they* resolved to such a body.
    The body alone (*the EU agreed ...*) usually has a counterpart in the text and does not count."""
    t = doc.tokens[semantic_head(doc, head)]
    if t.pos == "PRON":
        if t.lower not in ("they", "them"):
            return False
        hit = actors.mention_at(t.start, t.end)
        return hit is not None and _igo(hit[1])
    if _singular(t) not in MEMBER_NOUNS or t.tag not in ("NNS", "NNPS"):
        return False
    known = actor_dictionary()
    for j in np_tokens(doc, t.i):
        tok = doc.tokens[j]
        if tok.pos != "PROPN" or j == t.i:
            continue
        hit = actors.mention_at(tok.start, tok.end)
        if _igo(hit[1] if hit else None):
            return True
        entry = known.lookup(tok.text)
        if entry is not None and entry.sector == "IGO":
            return True
    return False
