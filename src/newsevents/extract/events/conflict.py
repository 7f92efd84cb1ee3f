"""Contentious events in the street and on the battlefield whose counterpart, or whose actor, the lexicon's
patterns cannot find where they look (issue 15, whole articles).  The PROTEST rules live in
:mod:`.conflict_protest`, the attackers of "came under fire from" and "killed in clashes with" in
:mod:`.conflict_fights`; this module runs them all.

News often leaves one side of a protest or a fight implicit: the protesters are named once and later their
protests "continue against her"; a fight "erupted between the arch foes" named a sentence before; troops
"recaptured the base" that the other side had taken.  Each rule below takes the missing side from a place
English grammar or the story's discourse fixes, and says nothing when that place is empty:

PROTEST
* ``protest-happens``  a protest noun as subject of a verb of happening (*protests erupted / continued
                       against X*): the actor is its possessor or agent, else the story's protesters (the
                       nearest *protesters* / *demonstrators* in that sentence or the three before it);
* ``protest-join``     *joined / led the protests against X*: the subject protests ("rally" only with a
                       target: "joined a rally" is also what campaign crowds do);
* ``protest-camp``     *pitched protest tents*, *set up a protest camp*: the subject protests (no recipient);
* every protest's target may be a modifier: *anti-government protests* (X of "anti-X" is the recipient).

ASSAULT
* ``fight-pair``       a fight *between the arch foes / the two sides / the rivals*: the pair named before
                       (:func:`~newsevents.extract.events.parties.two_sides`); "between" licenses the pair reading;
* ``fight-before``     *after last week's clashes, the rebel fighters advanced*: an armed subject of the act
                       the fight is the time of fought in it (the other side stays open when the text gives
                       none; a fight with two named sides is ``nominal``'s);
* ``break-through``    *forces attempted to break through the border / the lines*: the owner of what is broken
                       through is attacked;
* ``recapture``        *the army recaptured / retook the town (from X)*: the recipient is X, else whoever the
                       article said had captured, seized, overrun or occupied the same place before;
* the victims counted with a nationality (*injured ten people including six Saudis*) are that group.

COERCE
* ``surround``         *the house was surrounded by police*, *troops encircled the village*: only by police or
                       armed forces ("surrounded by supporters" is no coercion); a surrounded thing stands for its
                       possessor ("*his* home");
* a participle modifying an actor (*coast guard ships blocking two boats*) has that actor as its subject, not
  the subject of the clause the actor phrase sits in.

MOBILIZE
* ``advance``          *rebel fighters have made advances / advanced on the town*: armed subjects only (bills,
                       markets and teams advance too);
* ``in-force``         *police were out in force for the protests*: armed subjects only; a protest named as the
                       purpose stands for the story's protesters.

Everything builds ordinary :class:`~newsevents.extract.events.roles.Frame` records, so modality, participants,
dates, places and merging treat these frames like every other.
"""

from __future__ import annotations

from newsevents.annotate.doc import AnnotatedDoc
from newsevents.extract.actors.table import ActorTable
from newsevents.extract.events.arguments import Frame, agent_of, is_actor_like, own_kid, subject_of
from newsevents.extract.events.conflict_fights import UNDER_ATTACK, armed, fight_agent, under_attack
from newsevents.extract.events.conflict_protest import (
    BREAK_UP,
    PROTEST_CAMP,
    PROTEST_HAPPENS,
    PROTEST_JOIN,
    PROTEST_NOUNS,
    anti_target,
    break_up,
    crowd_of_protest,
    protest_noun,
    protest_purpose,
    story_protesters,
)
from newsevents.extract.events.lexicon import Lexicon, Trigger, lemma_variants
from newsevents.extract.events.nominal import FIGHT_NOUNS, FIGURATIVE, HAPPEN_VERBS
from newsevents.extract.events.parties import ANY_PAIRS, PARTY_KINDS, STATE_KINDS, STATE_PAIRS, two_sides
from newsevents.extract.events.syntax import OBJ, PASS_SUBJ, conjuncts, kids, prep_objects, semantic_head
from newsevents.kb import countries
from newsevents.model import Participant

# What is broken through by force: a border, the other side's lines or defences.
BREACH_OBJECTS = {"border", "line", "lines", "frontline", "front", "defence", "defense", "defences", "defenses",
                  "position", "cordon", "perimeter", "blockade", "encirclement"}  # fmt: skip
RECAPTURE_VERBS = {"recapture", "retake", "reclaim", "regain", "liberate", "recover"}
CAPTURE_VERBS = {"capture", "seize", "take", "overrun", "occupy", "storm", "grab", "control", "hold"}
SURROUND_VERBS = {"surround", "encircle", "cordon"}
SETTING_TYPES = {"ASSAULT", "COERCE", "PROTEST"}
# Arrest nouns whose pronoun possessor was arrested ("after *their* arrest"), with the lexicon's entry.
ARREST_NOUNS = {"arrest", "detention", "abduction", "kidnapping"}
TIME_MARKS = {"as", "when", "after", "before", "since", "until", "once", "while", "whilst"}
TIME_PREPS = {"after", "following", "since", "during", "amid", "before"}
PAIR_NOUNS = ANY_PAIRS | STATE_PAIRS | {"foe", "neighbour", "neighbor", "arch-rival", "archrival", "arch-foe"}
# Counted victims that a nationality among them names: "ten *people* including six Saudis".
VICTIM_HEADS = {"people", "person", "civilian", "passenger", "worker", "resident", "national", "tourist",
                "pilgrim", "migrant", "others"}  # fmt: skip

FIGHT_PAIR = Trigger("ASSAULT", "fight-pair", "noun", frozenset(FIGHT_NOUNS), mode="firearms")
FIGHT_BEFORE = Trigger("ASSAULT", "fight-before", "noun", frozenset(FIGHT_NOUNS), mode="firearms")
BREAK_THROUGH = Trigger(
    "ASSAULT", "break-through", "verb", frozenset({"break", "push", "punch"}), mode="firearms"
)
RECAPTURE = Trigger("ASSAULT", "recapture", "verb", frozenset(RECAPTURE_VERBS), mode="heavy-weapons")
SURROUND = Trigger("COERCE", "surround", "verb", frozenset(SURROUND_VERBS), mode="restrict")
ADVANCE = Trigger("MOBILIZE", "advance", "verb", frozenset({"advance", "push", "make"}), mode="troops")
IN_FORCE = Trigger("MOBILIZE", "in-force", "verb", frozenset({"be", "turn", "come"}), mode="troops")
# A fight whose other side is implicit may be coded without a recipient (the guide's null recipient).
OPEN_ENDED = {FIGHT_BEFORE.id}


def hosts_nothing(f: Frame) -> bool:
    """These frames are acts, not verbs with a complement: "tried to break through the border *before being
    repelled*" tells a second act (the repelling), not what the first one was about."""
    return f.entry in (PROTEST_HAPPENS, PROTEST_JOIN, PROTEST_CAMP, FIGHT_PAIR, FIGHT_BEFORE, BREAK_THROUGH,
                       RECAPTURE, SURROUND, ADVANCE, IN_FORCE, BREAK_UP, UNDER_ATTACK)  # fmt: skip


def protest_target_crowd(doc: AnnotatedDoc, f: Frame) -> Participant | None:
    """The recipient of forces out in force *for the protests*, of police who *dispersed the rally*, when the
    story names no protesters: the protests' crowd, as for :func:`protest_crowd` (the protest noun is in the
    frame's ``consumed``; None for other frames)."""
    if f.entry.type not in ("MOBILIZE", "COERCE", "ASSAULT") or f.recipients:
        return None
    protest = next((i for i in sorted(f.consumed) if _lemma(doc, i) in PROTEST_NOUNS), None)
    if protest is None:
        return None
    return Participant("protesters", None, None, None, doc.span(protest, protest + 1))


def own_clause(doc: AnnotatedDoc, f: Frame) -> bool:
    """A frame of these rules told in a time clause ("*as* protests continued", "*when* troops advanced"), or
    a material event noun with its own actor in a time phrase, is an act of its own beside the main clause's,
    not its complement (first clause up from the trigger)."""
    t = doc.tokens[f.trigger]
    if f.entry.pos == "noun" and f.entry.type in SETTING_TYPES and t.dep == "pobj":
        # "Israel's offensive *following an attack on Israel by militants*": the attack is the offensive's
        # time, not its content
        return doc.tokens[t.head].lower in TIME_PREPS and bool(f.actors)
    if not hosts_nothing(f):
        return False
    j = f.trigger
    for _ in range(4):
        t = doc.tokens[j]
        if t.dep == "advcl":
            return any(doc.tokens[k].lower in TIME_MARKS for k in kids(doc, j, ("mark", "advmod")))
        if t.pos in ("VERB", "AUX") and t.dep != "acl" or t.head == j:
            return False
        j = t.head
    return False


def open_ended(f: Frame) -> bool:
    """The frame is coded even when no recipient is found."""
    return f.entry.id in OPEN_ENDED


def _lemma(doc: AnnotatedDoc, i: int) -> str:
    return doc.tokens[i].lemma.lower()


def conflict_frames(doc: AnnotatedDoc, lex: Lexicon, frames: list[Frame], consumed: set[int]) -> list[Frame]:
    """``frames`` with the counterparts filled in and the frames of the rules above added."""
    for f in frames:
        _participle_actor(doc, lex, f)
        if f.entry.type == "PROTEST" and not f.recipients:
            f.recipients = anti_target(doc, f.trigger)
        if f.entry.type == "PROTEST":
            protest_purpose(
                doc, lex, f
            )  # "rallied in Tunis *in protest against* X", "*anti-government* protesters"
        fight_agent(doc, lex, f)  # "were killed in clashes *with police*"
        if f.entry.type in ("ASSAULT", "COERCE"):
            f.recipients = [_counted_group(doc, r) for r in f.recipients]
            crowd_of_protest(doc, f)
        if (
            f.entry.type == "COERCE"
            and f.entry.pos == "noun"
            and not f.recipients
            and not _told(frames, f.trigger)
        ):
            f.recipients = _arrested_pronoun(doc, f.trigger)  # "after their arrest by police"
    taken = {f.trigger for f in frames} | {f.verb for f in frames} | consumed
    out = list(frames)
    for t in doc.tokens:
        if t.i in taken:
            continue
        lemma = t.lemma.lower()
        new: Frame | None = None
        if t.pos == "NOUN" and lemma in PROTEST_NOUNS:
            new = protest_noun(doc, lex, t.i)
        elif t.pos == "NOUN" and lemma in ARREST_NOUNS and not _told(frames, t.i):
            new = _own_arrest(doc, lex, t.i)
        elif t.pos == "NOUN" and (lemma in FIGHT_NOUNS or t.lower in FIGHT_NOUNS):
            new = _fight_pair(doc, t.i) or _fight_before(doc, lex, t.i)
        elif t.pos in ("VERB", "AUX"):
            new = (
                _break_through(doc, lex, t.i)
                or _recapture(doc, lex, t.i)
                or _surround(doc, lex, t.i)
                or _advance(doc, t.i)
                or _in_force(doc, lex, t.i)
                or break_up(doc, lex, t.i)
                or under_attack(doc, lex, t.i)
            )
        if new is not None:
            out.append(new)
            taken.add(new.trigger)  # not the verb: "after the clashes, fighters *made* advances" is two acts
    return out


# -- ASSAULT --------------------------------------------------------------------------------------------------
def _between_side(doc: AnnotatedDoc, n: int) -> int | None:
    sides = [o for p, o in prep_objects(doc, n) if p == "between"]
    t = doc.tokens[n]
    if not sides and t.dep in ("nsubj", "nsubjpass") and _lemma(doc, t.head) in HAPPEN_VERBS:
        sides = [o for p, o in prep_objects(doc, t.head) if p == "between"]
    return sides[0] if sides else None


def _fight_pair(doc: AnnotatedDoc, n: int) -> Frame | None:
    """ "clashes erupted between *the arch foes*": one plural pair noun stands for the two sides; which two
    is resolved against the article's actors in the events stage (:func:`fight_sides`)."""
    if {_lemma(doc, c) for c in kids(doc, n, ("amod", "compound"))} & FIGURATIVE:
        return None
    side = _between_side(doc, n)
    if side is None or conjuncts(doc, side) != [side] or pair_noun_kinds(doc, side) is None:
        return None
    return Frame(n, FIGHT_PAIR, n, [side], [], pattern="noun")


def pair_noun_kinds(doc: AnnotatedDoc, head: int) -> frozenset[str] | None:
    """The kinds of party a plural pair noun stands for: "the (two) *sides*", "the arch *foes*", "the
    *neighbours*" (inside "between", which says there are two)."""
    t = doc.tokens[head]
    low = t.lemma.lower()
    if t.tag not in ("NNS", "NNPS") or low not in PAIR_NOUNS:
        return None
    return frozenset(STATE_KINDS) if low in STATE_PAIRS else frozenset(PARTY_KINDS)


def fight_sides(doc: AnnotatedDoc, actors: ActorTable, f: Frame) -> tuple[list[int], list[int]] | None:
    """Actor and recipient heads of a ``fight-pair`` frame (None for other frames or when the text names no
    pair before the phrase)."""
    if f.entry is not FIGHT_PAIR or not f.actors:
        return None
    kinds = pair_noun_kinds(doc, f.actors[0])
    pair = two_sides(doc, actors, f.actors[0], kinds) if kinds is not None else []
    pair = pair or _named_pair(doc, actors, f.actors[0])
    return ([pair[0]], [pair[1]]) if len(pair) == 2 else ([], [])


def _named_pair(doc: AnnotatedDoc, actors: ActorTable, head: int) -> list[int]:
    """The latest "X and Y" of two proper names, each an actor or a country name, in the sentence of ``head``
    or the three before it: the entity recogniser misses some country names ("Baku: *Armenia* and
    Azerbaijan"), which :func:`two_sides` then cannot see."""

    def named(i: int) -> bool:
        t = doc.tokens[i]
        return t.pos == "PROPN" and (
            actors.mention_at(t.start, t.end) is not None or countries().any(t.text) is not None
        )

    first = doc.sents[max(0, doc.tokens[head].sent - 3)].start_token
    for j in range(head - 1, first - 1, -1):
        t = doc.tokens[j]
        if (
            t.dep == "conj"
            and t.head != j
            and named(j)
            and named(t.head)
            and t.text != doc.tokens[t.head].text
        ):
            return [t.head, j]
    return []


def _fight_before(doc: AnnotatedDoc, lex: Lexicon, n: int) -> Frame | None:
    t = doc.tokens[n]
    if t.dep != "pobj" or doc.tokens[t.head].lower not in TIME_PREPS or _between_side(doc, n) is not None:
        return None
    if {_lemma(doc, c) for c in kids(doc, n, ("amod", "compound"))} & FIGURATIVE:
        return None
    v = doc.tokens[t.head].head
    if doc.tokens[v].pos not in ("VERB", "AUX"):
        return None
    subj = own_kid(doc, v, ("nsubj",))
    if subj is None or not armed(doc, subj):
        return None
    others = [o for p, o in prep_objects(doc, n) if p in ("with", "against") and is_actor_like(doc, o, lex)]
    return Frame(n, FIGHT_BEFORE, v, [subj], others[:1], pattern="noun-pp")


def _owner(doc: AnnotatedDoc, lex: Lexicon, thing: int) -> int | None:
    """Whose a thing is: its possessor or a national / named modifier ("*Armenia's* border", "*rebel*
    lines"); the thing itself when it names a party."""
    if is_actor_like(doc, thing, lex, with_pps=False):
        return thing
    for c in kids(doc, thing, ("poss", "compound", "amod", "nmod")):
        if (
            doc.tokens[c].ent_type in ("GPE", "NORP", "ORG", "PERSON")
            or doc.tokens[c].pos == "PRON"
            or (_lemma(doc, c) in lex.actor_nouns)
        ):
            return c
    for p, o in prep_objects(doc, thing):
        if p == "of" and is_actor_like(doc, o, lex):
            return o
    return None


def _break_through(doc: AnnotatedDoc, lex: Lexicon, v: int) -> Frame | None:
    if _lemma(doc, v) not in BREAK_THROUGH.lemmas:
        return None
    objs = [o for p, o in prep_objects(doc, v) if p == "through"]
    if not objs or _lemma(doc, objs[0]) not in BREACH_OBJECTS:
        return None
    subj = subject_of(doc, v)
    if subj is None or not armed(doc, subj):
        return None  # protesters "broke through police lines" is a protest's obstruction, not an attack
    owner = _owner(doc, lex, objs[0])
    return Frame(v, BREAK_THROUGH, v, [subj], [owner] if owner is not None else [], consumed={objs[0]})


def _recapture(doc: AnnotatedDoc, lex: Lexicon, v: int) -> Frame | None:
    if not ({*lemma_variants(doc, v), doc.tokens[v].lower} & (RECAPTURE_VERBS | {"retook", "retaken"})):
        return None  # the small model leaves "retook" as its own lemma
    obj = next(iter(kids(doc, v, OBJ)), None)
    if obj is None:
        return None
    if _lemma(doc, obj) == "control":  # "regained control of the town"
        obj = next((o for p, o in prep_objects(doc, obj) if p == "of"), None)
        if obj is None:
            return None
    elif set(lemma_variants(doc, v)) & {"regain", "recover", "reclaim"}:
        return None  # "regained consciousness", "recovered the bodies", "reclaimed the title"
    subj = subject_of(doc, v)
    if subj is None or not (
        armed(doc, subj) or doc.tokens[semantic_head(doc, subj)].ent_type in ("GPE", "NORP")
    ):
        return None
    taken_from = [o for p, o in prep_objects(doc, v) if p == "from" and is_actor_like(doc, o, lex)]
    held_by = taken_from[:1] or _previous_captor(doc, lex, obj, v)
    return Frame(v, RECAPTURE, v, [subj], held_by, consumed={obj})


def _previous_captor(doc: AnnotatedDoc, lex: Lexicon, place: int, before: int) -> list[int]:
    """Who the article said had taken the same place (same head word) before it was recaptured: "militants
    *captured* a military base ... the army recaptured the base" -> the militants."""
    want = _lemma(doc, semantic_head(doc, place))
    for j in range(before - 1, -1, -1):
        t = doc.tokens[j]
        if t.pos != "VERB" or t.lemma.lower() not in CAPTURE_VERBS:
            continue
        things = kids(doc, j, OBJ) + kids(doc, j, PASS_SUBJ)
        if not any(_lemma(doc, semantic_head(doc, o)) == want for o in things):
            continue
        taker = agent_of(doc, j) if kids(doc, j, PASS_SUBJ) else subject_of(doc, j)
        if taker is not None and is_actor_like(doc, taker, lex):
            return [taker]
    return []


def _counted_group(doc: AnnotatedDoc, r: int) -> int:
    """ "injured ten people *including six Saudis*": a nationality among counted victims names them."""
    sem = semantic_head(doc, r)
    if _lemma(doc, sem) not in VICTIM_HEADS and doc.tokens[sem].pos != "NUM":
        return r
    for p, o in prep_objects(doc, sem) + (prep_objects(doc, r) if sem != r else []):
        if p != "including":
            continue
        for m in conjuncts(doc, o):
            if doc.tokens[m].ent_type in ("NORP", "GPE"):
                return m
    return r


# -- COERCE ---------------------------------------------------------------------------------------------------
def _own_arrest(doc: AnnotatedDoc, lex: Lexicon, n: int) -> Frame | None:
    """ "a week *after their arrest* (by police)", "*his detention on Monday*": a pronoun possessor of an arrest
    noun was arrested (a named possessor is the lexicon pattern's).  Only where the arrest is told as a fact:
    the time of another act, or dated itself ("calls for his arrest" is a demand, not an arrest)."""
    own = _arrested_pronoun(doc, n)
    if not own:
        return None
    entry = next((e for e in lex.triggers_at(doc, n) if e.type == "COERCE" and e.pos == "noun"), None)
    if entry is None:
        return None
    agent = agent_of(doc, n)
    return Frame(n, entry, n, [agent] if agent is not None else [], own, pattern="noun")


def _told(frames: list[Frame], before: int) -> bool:
    """An arrest the article has told before: "released three days *after their arrest*" then repeats it."""
    return any(f.entry.mode == "arrest" and f.trigger < before and f.recipients for f in frames)


def _arrested_pronoun(doc: AnnotatedDoc, n: int) -> list[int]:
    """Who "their" stands for in "(the court released 12 activists) *after their arrest*": the plural object,
    else the plural subject, of the clause the arrest is the time of.  Only "their" in a time phrase, whose
    antecedent the clause itself gives (a singular "his" is left to coreference, which the subject attracts)."""
    t = doc.tokens[n]
    own = next(iter(kids(doc, n, ("poss",))), None)
    if t.lemma.lower() not in ARREST_NOUNS or own is None or doc.tokens[own].lower != "their":
        return []
    if t.dep != "pobj" or doc.tokens[t.head].lower not in TIME_PREPS:
        return []
    v = doc.tokens[t.head].head
    for c in kids(doc, v, OBJ) + kids(doc, v, PASS_SUBJ) + kids(doc, v, ("nsubj",)):
        if doc.tokens[semantic_head(doc, c)].tag in ("NNS", "NNPS"):
            return [c]
    return []


def _participle_actor(doc: AnnotatedDoc, lex: Lexicon, f: Frame) -> None:
    """ "spotted six coast guard ships *blocking* two boats": an active participle modifying an actor phrase
    has that phrase as its subject (the first conjunct of a coordination), whatever clause holds the phrase."""
    if f.entry.type not in ("COERCE", "ASSAULT", "MOBILIZE") or f.pattern != "verb":
        return
    t = doc.tokens[f.trigger]
    if t.dep != "acl" or t.tag != "VBG":
        return
    head = t.head
    while doc.tokens[head].dep == "conj" and doc.tokens[head].head != head:
        head = doc.tokens[head].head
    if is_actor_like(doc, head, lex, with_pps=False) and head not in f.recipients:
        f.actors = [head]


def _surround(doc: AnnotatedDoc, lex: Lexicon, v: int) -> Frame | None:
    if _lemma(doc, v) not in SURROUND_VERBS:
        return None
    t = doc.tokens[v]
    passive = t.tag == "VBN" and (bool(kids(doc, v, ("auxpass",) + PASS_SUBJ)) or t.dep == "acl")
    actor = agent_of(doc, v) if passive else subject_of(doc, v)
    if actor is None or not armed(doc, actor):
        return None
    if passive:
        thing = own_kid(doc, v, PASS_SUBJ)
        if thing is None and t.dep in ("acl", "ROOT"):
            thing = t.head if t.dep == "acl" else None
    else:
        thing = next(iter(kids(doc, v, OBJ)), None)
    if thing is None:
        return None
    owner = _owner(doc, lex, thing)
    return Frame(
        v,
        SURROUND,
        v,
        [actor],
        [owner if owner is not None else thing],
        pattern="passive" if passive else "verb",
    )


# -- MOBILIZE -------------------------------------------------------------------------------------------------
def _advance(doc: AnnotatedDoc, v: int) -> Frame | None:
    lemma = _lemma(doc, v)
    if lemma == "advance":
        ok = not kids(doc, v, OBJ)  # "advanced their interests"
    elif lemma == "make":  # "made advances / gains"
        ok = any(_lemma(doc, o) in ("advance", "gain", "inroad") for o in kids(doc, v, OBJ))
    elif lemma == "push":  # "pushed towards the city", "pushed deeper into"
        ok = any(p in ("toward", "towards", "into") for p, _ in prep_objects(doc, v))
    else:
        ok = False
    if not ok:
        return None
    subj = subject_of(doc, v)
    if subj is None or not armed(doc, subj):
        return None
    return Frame(v, ADVANCE, v, [subj], [])


def _in_force(doc: AnnotatedDoc, lex: Lexicon, v: int) -> Frame | None:
    if _lemma(doc, v) not in IN_FORCE.lemmas:
        return None
    pps = [(p, o) for p, o in prep_objects(doc, v) if _lemma(doc, o) == "force" and p == "in"]
    for a in kids(doc, v, ("advmod", "prt", "acomp")):  # "out in force": the parser hangs "in" on "out"
        pps += [(p, o) for p, o in prep_objects(doc, a) if _lemma(doc, o) == "force" and p == "in"]
    if not pps:
        return None
    subj = subject_of(doc, v)
    if subj is None or not armed(doc, subj):
        return None  # "supporters turned out in force" is a crowd, not a deployment
    recipients: list[int] = []
    consumed = {pps[0][1]}
    for p, o in prep_objects(doc, v) + prep_objects(doc, pps[0][1]):  # "in force *for the protests*"
        if p in ("for", "against", "at") and _lemma(doc, o) in PROTEST_NOUNS:
            found = story_protesters(doc, o)
            recipients = [found] if found is not None else []
            consumed.add(o)  # with no protesters named, the protest's crowd (:func:`protest_target_crowd`)
        elif p in ("for", "against") and is_actor_like(doc, o, lex):
            recipients = [o]
    return Frame(pps[0][1], IN_FORCE, v, [subj], recipients[:1], consumed=consumed)
