"""ASSAULT frames whose attacker stands in a phrase the lexicon's patterns do not read (see :mod:`.conflict`,
which runs them):

* ``under-attack``  *the convoy **came under attack / fire from** Taliban fighters*: the armed side in the "from"
                    (or "by") phrase attacked the subject (*came under fire from critics* is criticism);
* a passive harm with no agent told *in clashes / fighting **with** X* (*two protesters were killed in clashes
  with police*): X is the agent (the other side of the fight the victims were in).
"""

from __future__ import annotations

from newsevents.annotate.doc import AnnotatedDoc
from newsevents.extract.events.arguments import Frame, is_actor_like, subject_of
from newsevents.extract.events.lexicon import Lexicon, Trigger
from newsevents.extract.events.nominal import ARMED, FIGHT_NOUNS
from newsevents.extract.events.syntax import kids, prep_objects, semantic_head

# Sides that may attack, surround, advance or be out in force: armed bodies of a state or an armed group
# (a protest crowd is a side of a fight, not an armed body).
FORCE_WORDS = ARMED - {"protester", "demonstrator", "rioter", "mob", "gang"} | {
    "personnel", "fighters", "rebels", "troops", "forces", "gendarmerie", "paramilitary", "security"
}  # fmt: skip
# What one comes under: "came under *attack / fire / shelling*".
UNDER_NOUNS = {"attack", "fire", "shelling", "bombardment", "assault", "gunfire", "siege", "rocket", "mortar"}
UNDER_ATTACK = Trigger("ASSAULT", "under-attack", "noun", frozenset(UNDER_NOUNS), mode="firearms")


def under_attack(doc: AnnotatedDoc, lex: Lexicon, v: int) -> Frame | None:
    """ "The convoy came under attack from Taliban fighters": ASSAULT fighters -> convoy."""
    if doc.tokens[v].lemma.lower() not in ("come", "fall"):
        return None
    noun = next(
        (o for p, o in prep_objects(doc, v) if p == "under" and doc.tokens[o].lemma.lower() in UNDER_NOUNS),
        None,
    )
    if noun is None:
        return None
    attackers = [o for src in (v, noun) for p, o in prep_objects(doc, src) if p in ("from", "by")]
    # "the minister came under fire from critics" is criticism: only armed attackers make it an attack
    attackers = [a for a in attackers if is_actor_like(doc, a, lex) and armed(doc, a)]
    target = subject_of(doc, v)
    if not attackers or target is None:
        return None
    return Frame(noun, UNDER_ATTACK, v, attackers[:1], [target], pattern="noun-pp")


def fight_agent(doc: AnnotatedDoc, lex: Lexicon, f: Frame) -> None:
    """ "Two protesters were killed *in clashes with police*": the other side of the fight is the agent of an
    agentless passive harm."""
    if f.entry.type != "ASSAULT" or f.pattern != "passive" or f.actors:
        return
    for p, o in prep_objects(doc, f.verb):
        if p not in ("in", "during", "amid") or doc.tokens[o].lemma.lower() not in FIGHT_NOUNS | {"clash"}:
            continue
        side = [w for q, w in prep_objects(doc, o) if q in ("with", "against") and is_actor_like(doc, w, lex)]
        if side and side[0] not in f.recipients:
            f.actors = side[:1]
            return


def armed(doc: AnnotatedDoc, head: int) -> bool:
    """A phrase that names an armed body: "police", "the M23 rebel fighters", "Azerbaijani troops"."""
    sem = semantic_head(doc, head)
    words = {doc.tokens[j].lemma.lower() for j in (head, sem)} | {doc.tokens[j].lower for j in (head, sem)}
    words |= {doc.tokens[c].lemma.lower() for c in kids(doc, sem, ("compound", "amod"))}
    return bool(words & FORCE_WORDS)
