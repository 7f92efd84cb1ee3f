"""PROTEST frames whose actor or target the lexicon's patterns cannot find (see :mod:`.conflict`, which
runs them): a protest noun that happens (*protests erupted / continued against X*), protests joined or led,
protest camps set up, and the target an "anti-X" modifier names.  A protest told without its protesters is
theirs: the nearest *protesters* / *demonstrators* the story names around it, else the crowd itself."""

from __future__ import annotations

from newsevents.annotate.doc import AnnotatedDoc
from newsevents.extract.events.arguments import Frame, agent_of, is_actor_like, own_kid, subject_of
from newsevents.extract.events.lexicon import Lexicon, Trigger
from newsevents.extract.events.nominal import FIGURATIVE, HAPPEN_VERBS
from newsevents.extract.events.participants import CROWD_NUMBERS
from newsevents.extract.events.syntax import OBJ, kids, prep_objects, semantic_head
from newsevents.model import Participant

PROTEST_NOUNS = {"protest", "demonstration", "rally", "march", "sit-in", "strike", "walkout", "uprising"}
PROTESTER_NOUNS = {"protester", "protestor", "demonstrator", "rioter", "marcher", "striker"}
PROTEST_VERBS = {"protest", "march", "demonstrate", "rally", "riot"}
PROTEST_LOOKBACK = 3  # sentences before the protest noun where its protesters may be named
# Verbs of taking part in a protest another organised: "joined the protests", "led a march".
JOIN_VERBS = {"join", "lead", "swell", "attend"}
# Protest crowds whose nature the modifier makes no protest: "a campaign rally", "a victory march".
NOT_PROTEST_MODS = {"campaign", "election", "electoral", "re-election", "victory", "party", "fundraising",
                    "birthday", "memorial", "funeral", "parade", "pride", "peace", "unity", "pro"}  # fmt: skip
# Things a protest sets up: "pitched protest *tents*", "set up a protest *camp*".
CAMP_NOUNS = {"tent", "camp", "encampment", "barricade", "site", "shelter", "hut", "stage"}
BUILD_VERBS = {"pitch", "install", "erect", "build", "set", "put", "establish", "raise"}
PROTEST_HAPPENS = Trigger("PROTEST", "protest-happens", "noun", frozenset(PROTEST_NOUNS), mode="demo-org")
PROTEST_JOIN = Trigger("PROTEST", "protest-join", "verb", frozenset(JOIN_VERBS), mode="demo-org")
PROTEST_CAMP = Trigger("PROTEST", "protest-camp", "verb", frozenset(BUILD_VERBS), mode="obstruct")


def _lemma(doc: AnnotatedDoc, i: int) -> str:
    return doc.tokens[i].lemma.lower()


def protest_crowd(doc: AnnotatedDoc, f: Frame) -> Participant | None:
    """The actor of a protest whose story names no protesters ("as demonstrations continue against her"):
    PLOVER coders write "protesters"; the evidence is the protest noun itself (None for other frames)."""
    if f.entry is not PROTEST_HAPPENS:
        return None
    return Participant("protesters", None, None, None, doc.span(f.trigger, f.trigger + 1))


def story_protesters(doc: AnnotatedDoc, i: int) -> int | None:
    """The protesters the story names for a protest told without them (*protesters*, *demonstrators* ..., or
    the subject of a protest verb: *students marched*): nearest first in the sentence of
    ``i``, then the three sentences before it (protesters named later belong to later events: "police
    *also arrested 17 protesters*" would merge with the act on the crowd).  None when the story names none
    before: the caller falls back on the protest's crowd."""
    sent = doc.tokens[i].sent
    for s in range(sent, max(-1, sent - PROTEST_LOOKBACK - 1), -1):
        sn = doc.sents[s]
        hits = [
            j
            for j in range(sn.start_token, sn.end_token)
            if _lemma(doc, j) in PROTESTER_NOUNS and doc.tokens[j].pos == "NOUN"
            and doc.tokens[j].dep not in ("compound", "amod")
        ]  # fmt: skip
        # "hundreds of students *marched*": the subject of a protest verb protested
        hits += [
            semantic_head(doc, k)
            for j in range(sn.start_token, sn.end_token)
            if doc.tokens[j].pos == "VERB" and _lemma(doc, j) in PROTEST_VERBS
            for k in kids(doc, j, ("nsubj",))
            if doc.tokens[semantic_head(doc, k)].pos == "NOUN"
        ]
        if hits:
            return min(hits, key=lambda j: abs(j - i))
    return None


def anti_target(doc: AnnotatedDoc, n: int) -> list[int]:
    """ "*anti-government* protests", "*anti-Chinese* rallies": the X of an "anti-X" modifier is the target
    when it names a party (the parser splits "anti", "-", "government" into sibling modifiers)."""
    mods = sorted(kids(doc, n, ("amod", "compound", "nmod")))
    for a, b in zip(mods, mods[1:], strict=False):
        if doc.tokens[a].lower in ("anti", "anti-") or doc.tokens[a].lower.startswith("anti-"):
            cand = b if doc.tokens[b].text != "-" else next((m for m in mods if m > b), None)
            if cand is not None and _party_word(doc, cand):
                return [cand]
    return []


def _party_word(doc: AnnotatedDoc, i: int) -> bool:
    t = doc.tokens[i]
    return t.ent_type in ("NORP", "GPE", "ORG", "PERSON") or t.lemma.lower() in (
        "government", "regime", "junta", "president", "military", "police", "establishment",
    )  # fmt: skip


def _protest_ok(doc: AnnotatedDoc, n: int) -> bool:
    mods = {_lemma(doc, c) for c in kids(doc, n, ("amod", "compound", "nmod"))}
    return not (mods & NOT_PROTEST_MODS or mods & FIGURATIVE)


def _protest_targets(doc: AnnotatedDoc, lex: Lexicon, hosts: list[int]) -> list[int]:
    for h in hosts:
        for p, o in prep_objects(doc, h):
            if p == "against" and is_actor_like(doc, o, lex):
                return [o]
    return anti_target(doc, hosts[0])


def protest_noun(doc: AnnotatedDoc, lex: Lexicon, n: int) -> Frame | None:
    t = doc.tokens[n]
    if not _protest_ok(doc, n) or (_lemma(doc, n) == "strike" and not kids(doc, n, ("amod", "compound"))):
        return None  # a bare "strike" is as often an air strike
    head = t.head
    if t.dep == "nsubj" and _lemma(doc, head) in HAPPEN_VERBS:
        own = next(iter(kids(doc, n, ("poss",))), None) or agent_of(doc, n)
        actor = own if own is not None and is_actor_like(doc, own, lex) else story_protesters(doc, n)
        actors = [actor] if actor is not None else []  # else the crowd itself (:func:`protest_crowd`)
        return Frame(n, PROTEST_HAPPENS, head, actors, _protest_targets(doc, lex, [n, head]), pattern="noun")
    if t.dep in OBJ and _lemma(doc, head) in JOIN_VERBS:
        targets = _protest_targets(doc, lex, [n, head])
        if _lemma(doc, n) == "rally" and not targets:
            return None
        subj = subject_of(doc, head)
        if subj is None or not (is_actor_like(doc, subj, lex) or doc.tokens[subj].lower in CROWD_NUMBERS):
            return None  # "thousands joined the protests": a crowd
        return Frame(n, PROTEST_JOIN, head, [subj], targets, pattern="light-verb")
    if t.dep == "compound" and _lemma(doc, n) == "protest" and _lemma(doc, head) in CAMP_NOUNS:
        v = doc.tokens[head].head
        if doc.tokens[head].dep not in OBJ or _lemma(doc, v) not in BUILD_VERBS:
            return None
        # a gerund under a preposition has no subject of its own: the one the parse lends it may be anyone's
        subj = own_kid(doc, v, ("nsubj",)) if doc.tokens[v].dep == "pcomp" else subject_of(doc, v)
        if subj is None or not is_actor_like(doc, subj, lex):
            return None
        return Frame(v, PROTEST_CAMP, v, [subj], [], pattern="verb", consumed={head, n})
    return None


# -- protests broken up ---------------------------------------------------------------------------------------
# Verbs (with their particle) that act on a protest: "police *broke up* the rally", "troops *dispersed* the march".
BREAK_UP_VERBS = {
    "break": "up",
    "put": "down",
    "disperse": None,
    "crush": None,
    "quell": None,
    "suppress": None,
}
BREAK_UP = Trigger("COERCE", "break-up", "verb", frozenset(BREAK_UP_VERBS), mode="restrict")


def _protest_object(doc: AnnotatedDoc, v: int) -> int | None:
    objs = kids(doc, v, OBJ) + kids(doc, v, ("nsubjpass",))
    return next((o for o in objs if _lemma(doc, o) in PROTEST_NOUNS), None)


def crowd_of_protest(doc: AnnotatedDoc, f: Frame) -> None:
    """A coercive act on a protest ("dispersed *the rally* in Minsk", "banned *the march*") is an act on its
    protesters: the story's protesters, else (the protest noun kept in ``consumed``) the protest's crowd."""
    if f.entry.pos != "verb":
        return
    protest = _protest_object(doc, f.trigger)
    if protest is None:
        return
    found = story_protesters(doc, protest)
    f.recipients = [found] if found is not None else []
    f.consumed.add(protest)


def break_up(doc: AnnotatedDoc, lex: Lexicon, v: int) -> Frame | None:
    """ "Police used batons to *break up* the protests": COERCE by who broke it up, on its protesters."""
    lemma = _lemma(doc, v)
    if lemma not in BREAK_UP_VERBS:
        return None
    prt = BREAK_UP_VERBS[lemma]
    if prt is not None and not any(doc.tokens[k].lower == prt for k in kids(doc, v, ("prt",))):
        return None
    if _protest_object(doc, v) is None:
        return None
    passive = bool(kids(doc, v, ("nsubjpass", "auxpass")))
    actor = agent_of(doc, v) if passive else subject_of(doc, v)
    if actor is None or not is_actor_like(doc, actor, lex):
        return None
    f = Frame(v, BREAK_UP, v, [actor], [], pattern="passive" if passive else "verb")
    crowd_of_protest(doc, f)
    return f


# -- a protest's target in its purpose -------------------------------------------------------------------------
PLACE_PREPS = {"in", "at", "outside", "near", "through", "across", "around", "into", "on"}
PURPOSE_VERBS = {"protest", "denounce", "condemn", "oppose", "decry", "challenge"}


def protest_purpose(doc: AnnotatedDoc, lex: Lexicon, f: Frame) -> None:
    """A protest's target named by its purpose: "rallied *in protest against / at* X", "blocked a highway *to
    protest (against)* X".  It replaces a recipient that is only
    where the protest was ("marched in Lima"), never a party the pattern found."""
    if f.recipients and not all(_where(doc, r) for r in f.recipients):
        return
    target = _purpose_target(doc, lex, f.verb)
    if target:
        f.recipients = target


def _where(doc: AnnotatedDoc, r: int) -> bool:
    """The recipient is only where the protest was: the object of a place preposition ("marched *in* Lima")."""
    t = doc.tokens[r]
    return t.dep == "pobj" and doc.tokens[t.head].lower in PLACE_PREPS


def _purpose_target(doc: AnnotatedDoc, lex: Lexicon, v: int) -> list[int]:
    for p, o in prep_objects(doc, v):
        if p == "in" and _lemma(doc, o) == "protest":  # "in protest against / at / over X"
            for q, w in prep_objects(doc, o):
                if q in ("against", "at", "over", "of") and is_actor_like(doc, w, lex):
                    return [w]
    for c in kids(doc, v, ("advcl", "xcomp")):
        if _lemma(doc, c) not in PURPOSE_VERBS or not any(
            doc.tokens[k].lower == "to" for k in doc.children[c]
        ):
            continue
        cands = kids(doc, c, OBJ) + [o for p, o in prep_objects(doc, c) if p in ("against", "at", "over")]
        for o in cands:
            if is_actor_like(doc, o, lex):
                return [o]
    return []
