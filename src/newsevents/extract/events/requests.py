"""REQUEST events the lexicon's verbs cannot see: obligations one party puts on another (issue 15).

A demand is often said as an obligation: "Y must stop ...", "Y should hand over ...", "Y has to release
...", "it is incumbent on Y to refrain ...", "it is time for Y to withdraw ...", "it is up to Y to end
...".  Said by X (the subject of a reporting verb whose clause this is, or the speaker of a quote whose
sentence it is), it is a REQUEST from X to Y; ``roles.modal_demand_frames`` (a *must / should* clause
right under the reporting verb) and ``verbal.quote_demand_frames`` (a quoted *Y must*) cover the simplest
forms, this module the rest:

* a modal clause coordinated with the reported one ("said the relationship remains difficult, and if
  Y is serious about peace, *it should* hand over the suspects");
* *have to* / *need to* ("said Greece *needs to* cut spending");
* the impersonal obligations *incumbent on / upon Y*, *time for Y*, *up to Y* (+ *to*-infinitive);
* a quote whose speaker is a document ("..., *an earlier tweet* said"): the author is the speaker of
  the nearest earlier quote with a named speaker (the account the tweets come from).

Y must be someone other than the speaker: never *we, I, us, you*, and no passive clause ("the vote
should be held", "it must be said" oblige nobody named).  A negated clause is skipped ("need not",
"does not have to" are no demand).  A conditional or a question is no demand either ("if Iran should
attack", "whether Y must").
"""

from __future__ import annotations

from newsevents.annotate.doc import AnnotatedDoc
from newsevents.extract.actors.table import ActorTable
from newsevents.extract.events.arguments import Frame, agent_of, is_actor_like, subject_of
from newsevents.extract.events.lexicon import Lexicon, Trigger
from newsevents.extract.events.noun_roles import MODAL_DEMAND
from newsevents.extract.events.syntax import SUBJ, first_kid, is_passive, kids, prep_objects
from newsevents.extract.events.verbal import thing_owner
from newsevents.model import Quote

# Verbs that report a statement as well as the lexicon's reporting verbs (as roles.modal_demand_frames).
EXTRA_REPORTING = {"conclude", "remind", "declare", "reiterate", "note", "stress", "insist", "emphasise",
                   "emphasize", "underline", "argue", "write", "tweet"}  # fmt: skip
# An opinion is no demand: "Clinton *believes* businesses need to break free of ..." asks nothing of them.
OPINION_VERBS = {"believe", "think", "feel", "suggest", "acknowledge", "admit"}
# "Y has to / needs to <verb>": the semi-modals of obligation.
SEMI_MODALS = {"have", "need"}
# The impersonal obligations: "it is incumbent on Y to", "it is time for Y to", "it is up to Y to".
INCUMBENT = {"incumbent": ("on", "upon"), "up": ("to",)}
SELF_PRONOUNS = {"we", "i", "us", "you", "me", "our", "there", "this", "that", "everyone", "everybody"}
NOT_A_DEMAND_MARKS = {"if", "whether", "unless", "when", "once", "because", "since", "as", "while"}
# A speaker that is a message: its author is the account it came from.
DOCUMENT_NOUNS = {"tweet", "post", "message", "statement", "communique", "communiqué", "letter", "video",
                  "note", "release", "update"}  # fmt: skip
OBLIGATION_ENTRY = Trigger(
    "REQUEST", "obligation", "verb", frozenset({*MODAL_DEMAND, *SEMI_MODALS, *INCUMBENT, "time"}),
    mode="demand", confidence=0.8,
)  # fmt: skip


def _negated(doc: AnnotatedDoc, c: int) -> bool:
    return any(doc.tokens[k].dep == "neg" for k in doc.children[c])


def _conditional(doc: AnnotatedDoc, c: int) -> bool:
    return any(
        doc.tokens[k].dep == "mark" and doc.tokens[k].lower in NOT_A_DEMAND_MARKS for k in doc.children[c]
    )


def _to_infinitive(doc: AnnotatedDoc, v: int) -> bool:
    return any(doc.tokens[k].dep == "aux" and doc.tokens[k].lower == "to" for k in doc.children[v])


def _obliged(doc: AnnotatedDoc, t: int) -> tuple[int, int] | None:
    """(clause head, obliged party) when token ``t`` is the word of an obligation, else None."""
    tok = doc.tokens[t]
    word = tok.lemma.lower()
    if word in MODAL_DEMAND and tok.dep == "aux":  # "Y must / should / ought to stop"
        c = tok.head
        if is_passive(doc, c):
            return None
        y = first_kid(doc, c, SUBJ)
        return (c, y) if y is not None else None
    if word in SEMI_MODALS and tok.pos in ("VERB", "AUX") and tok.dep in ("ccomp", "conj", "ROOT"):
        # "Y has to release", "Y needs to cut": the open complement carries the act
        xc = [k for k in kids(doc, t, ("xcomp",)) if _to_infinitive(doc, k) and not is_passive(doc, k)]
        y = first_kid(doc, t, SUBJ)
        return (t, y) if xc and y is not None else None
    if tok.lower in ("incumbent", "up") and tok.dep in ("acomp", "prep", "advmod"):
        # "it is incumbent on Y to ...", "it is up to Y to ...": the copula's expletive subject is "it"
        c = tok.head
        if doc.tokens[c].lemma.lower() != "be" or not _expletive(doc, c):
            return None
        if not any(
            _to_infinitive(doc, k) for k in kids(doc, c, ("xcomp", "advcl")) + kids(doc, t, ("xcomp",))
        ):
            return None
        for p, o in _preps_deep(doc, t):
            if p in INCUMBENT[tok.lower]:
                return c, o
        return None
    if tok.lower == "time" and tok.dep == "attr":
        # "it is time for Y to withdraw" (the parser makes "Y to withdraw" a relative clause of "time")
        c = tok.head
        if doc.tokens[c].lemma.lower() != "be" or not _expletive(doc, c):
            return None
        for r in kids(doc, t, ("relcl", "acl")):
            if _to_infinitive(doc, r) and any(doc.tokens[m].lower == "for" for m in kids(doc, r, ("mark",))):
                y = first_kid(doc, r, SUBJ)
                if y is not None:
                    return c, y
        for p, o in prep_objects(doc, t):
            if p == "for":
                return c, o
    return None


def _resolved_it(doc: AnnotatedDoc, y: int, actors: ActorTable) -> bool:
    """ "it should hand over ...": "it" counts when coreference made it a state or an organisation."""
    t = doc.tokens[y]
    if t.lower != "it":
        return False
    hit = actors.mention_at(t.start, t.end)
    return hit is not None and hit[1].kind in ("GPE", "ORG")


def _conditional_subject(doc: AnnotatedDoc, c: int, y: int) -> int:
    """ "if Islamabad is serious about peace, *it* should hand over ...": a pronoun subject after an
    if-clause stands for that clause's named subject (English puts the name first, the pronoun after)."""
    t = doc.tokens[y]
    if t.pos != "PRON" or t.lower not in ("it", "they"):
        return y
    for a in kids(doc, c, ("advcl",)):
        if any(doc.tokens[m].lower == "if" for m in kids(doc, a, ("mark",))):
            s = first_kid(doc, a, SUBJ)
            if s is not None and doc.tokens[s].pos == "PROPN":
                return s
    return y


def _expletive(doc: AnnotatedDoc, c: int) -> bool:
    s = first_kid(doc, c, SUBJ)
    return s is not None and doc.tokens[s].lower == "it"


def _preps_deep(doc: AnnotatedDoc, t: int) -> list[tuple[str, int]]:
    """Prepositional objects of ``t``, also through a nested preposition ("up *to* the government")."""
    out = list(prep_objects(doc, t))
    for k in kids(doc, t, ("prep",)):
        out.extend(prep_objects(doc, k))
        o = first_kid(doc, k, ("pobj",))
        if o is not None:
            out.append((doc.tokens[k].lower, o))
    return out


def _reporter(doc: AnnotatedDoc, c: int, lex: Lexicon) -> tuple[int, int] | None:
    """(reporting verb, speaker) of the clause ``c``: climbs coordinated and adverbial clauses to the reported
    one ("said ties remain difficult because ..., and if ..., Y should hand over ...")."""
    top = c
    while doc.tokens[top].dep in ("conj", "advcl") and doc.tokens[top].head != top:
        top = doc.tokens[top].head
    if doc.tokens[top].dep != "ccomp":
        return None
    r = doc.tokens[top].head
    lemma = doc.tokens[r].lemma.lower()
    if lemma not in lex.reporting_verbs | EXTRA_REPORTING or lemma in OPINION_VERBS:
        return None
    speaker = agent_of(doc, r) if is_passive(doc, r) else subject_of(doc, r)
    return (r, speaker) if speaker is not None else None


def _quote_of(quotes: tuple[Quote, ...], start: int) -> Quote | None:
    return next((q for q in quotes if q.content.start <= start < q.content.end), None)


def _quoted(
    doc: AnnotatedDoc, c: int, quotes: tuple[Quote, ...], actors: ActorTable
) -> tuple[int, int] | None:
    """(cue, speaker token) when ``c`` heads a sentence of a direct quote ("'... Y must stop!' X said")."""
    top = c
    while doc.tokens[top].dep == "conj" and doc.tokens[top].head != top:
        top = doc.tokens[top].head
    if doc.tokens[top].dep != "ROOT":
        return None
    q = _quote_of(quotes, doc.tokens[c].start)
    if q is None or q.kind == "indirect" or q.speaker is None or q.cue is None:
        return None
    cue = doc.token_at(q.cue.start)
    sp = speaker_token(doc, quotes, q, actors)
    return (cue, sp) if cue is not None and sp is not None else None


def speaker_token(doc: AnnotatedDoc, quotes: tuple[Quote, ...], q: Quote, actors: ActorTable) -> int | None:
    """The token that stands for the quote's speaker.  A message stands for its author: the party its
    phrase names ("*his* tweet", "a tweet on *his* official account", "a statement from *the ministry*"),
    else the author of the nearest earlier quote ("..., an earlier tweet said": the tweets of one account
    are quoted one after another)."""
    sp = doc.token_at(q.speaker.mention.end - 1) if q.speaker is not None else None
    if sp is None or q.speaker is None:
        return None
    if q.speaker.actor_id is not None or doc.tokens[sp].lemma.lower() not in DOCUMENT_NOUNS:
        return sp
    earlier = sorted(
        (p for p in quotes if p.content.end <= q.content.start and p.speaker is not None),
        key=lambda p: p.content.start,
        reverse=True,
    )
    for p in [q, *earlier]:
        assert p.speaker is not None
        head = doc.token_at(p.speaker.mention.end - 1)
        if head is None:
            continue
        if doc.tokens[head].lemma.lower() not in DOCUMENT_NOUNS:
            return head if p is not q else None
        named = [j for j in doc.subtree(head) if j != head and _author(doc, j, actors)]
        if named:
            return named[0]
    return None


def _author(doc: AnnotatedDoc, j: int, actors: ActorTable) -> bool:
    t = doc.tokens[j]
    hit = actors.mention_at(t.start, t.end)
    return hit is not None and hit[1].kind in ("PERSON", "ORG", "GPE", "NORP")


def obligation_frames(
    doc: AnnotatedDoc, lex: Lexicon, quotes: tuple[Quote, ...], actors: ActorTable, found: list[Frame]
) -> list[Frame]:
    """REQUEST frames for obligations put on a named party by a reporter or a quote's speaker."""
    taken = {f.trigger: f for f in found if f.pattern == "modal-demand"}
    out = []
    for t in doc.tokens:
        hit = _obliged(doc, t.i)
        if hit is None:
            continue
        c, y = hit
        if _negated(doc, c) or _conditional(doc, c) or doc.tokens[y].lower in SELF_PRONOUNS:
            continue
        y = _conditional_subject(doc, c, y)
        if not (is_actor_like(doc, y, lex) or _resolved_it(doc, y, actors)):
            continue
        said = _reporter(doc, c, lex) or _quoted(doc, c, quotes, actors)
        if said is None:
            continue
        cue, speaker = said
        if speaker == y:
            continue
        if t.i in taken:  # the quote-demand pattern's frame: its speaker may be a message ("a tweet said")
            known = taken[t.i]
            if known.actors and doc.tokens[known.actors[0]].lemma.lower() in DOCUMENT_NOUNS:
                known.actors = [speaker]
            continue
        out.append(Frame(t.i, OBLIGATION_ENTRY, cue, [speaker], [y], pattern="modal-demand"))
    return out


def add_obligations(
    doc: AnnotatedDoc, lex: Lexicon, quotes: tuple[Quote, ...], actors: ActorTable, frames: list[Frame]
) -> list[Frame]:
    """``frames`` with the obligation frames added and the acts they oblige dropped: "it is time for Moscow
    to withdraw" is a demand, not a withdrawal (``modality`` already drops the acts under *must, should,
    have to, need to*; the impersonal forms are this module's)."""
    new = obligation_frames(doc, lex, quotes, actors, frames)
    for f in frames:
        _statement_author(doc, f, lex)
        _no_passive_addressee(doc, f)
    obliged: set[int] = set()
    for f in new:
        if doc.tokens[f.trigger].lower in ("incumbent", "up", "time"):
            c = doc.tokens[f.trigger].head
            for k in [*kids(doc, c, ("xcomp", "advcl")), *kids(doc, f.trigger, ("xcomp", "relcl", "acl"))]:
                if _to_infinitive(doc, k):
                    obliged.update(doc.subtree(k))
    return [f for f in frames if f.trigger not in obliged] + new


# -- "It further called on ...": a statement speaks for its author -------------------------------------------
# News goes on quoting a statement with "It": "In the statement the leaders demanded ... It further called
# on the government to ...".  The pronoun is the statement, which speaks for whoever issued it: the subject
# of the clause the statement is in ("X said in a statement", "in the statement X demanded"), its
# possessor ("ECOWAS's statement") or its "by" / "from" phrase.  Only the subject of a verbal act (a
# demand, a condemnation, praise, a rejection, a warning) opening its sentence ("It further called on ..."),
# and only a statement named in the same sentence or the two before.
STATEMENT_NOUNS = {"statement", "communique", "communiqué", "declaration", "letter"}
SPEECH_TYPES = {"REQUEST", "ACCUSE", "SUPPORT", "REJECT", "THREATEN"}


def _statement_author(doc: AnnotatedDoc, f: Frame, lex: Lexicon) -> None:
    if f.entry.type not in SPEECH_TYPES or len(f.actors) != 1 or doc.tokens[f.actors[0]].lower != "it":
        return
    it = f.actors[0]
    if (
        doc.tokens[it].dep != "nsubj"
        or doc.tokens[it].head != f.trigger
        or doc.tokens[f.trigger].dep != "ROOT"
    ):
        return  # only "It <verb> ..." opening a sentence of its own, not an inherited or embedded "it"
    first = doc.sents[max(0, doc.tokens[it].sent - 2)].start_token
    for j in range(it - 1, first - 1, -1):
        if doc.tokens[j].lemma.lower() not in STATEMENT_NOUNS or doc.tokens[j].pos != "NOUN":
            continue
        author = _issuer(doc, j)
        if author is not None and doc.tokens[author].lower != "it" and is_actor_like(doc, author, lex):
            f.actors = [author]
        return  # the nearest statement decides, named or not


def _issuer(doc: AnnotatedDoc, n: int) -> int | None:
    """Who issued the statement at ``n``: possessor, "by" / "from" phrase, or the subject of the clause it
    is a prepositional phrase of ("X said *in a statement*", "*in the statement* X demanded")."""
    own = first_kid(doc, n, ("poss",))
    if own is not None:
        return own
    for p, o in prep_objects(doc, n):
        if p in ("by", "from"):
            return o
    t = doc.tokens[n]
    if t.dep == "pobj" and doc.tokens[t.head].dep == "prep":
        v = doc.tokens[t.head].head
        if doc.tokens[v].pos in ("VERB", "AUX"):
            return subject_of(doc, v)
    return None


def _no_passive_addressee(doc: AnnotatedDoc, f: Frame) -> None:
    """ "demanded that he be reinstated", "demanded the vote be scrapped": the subject of a passive
    complement is what the demand is about, not whom it is made of (the unnamed agent is); the request is
    then one without addressee in its sentence."""
    if f.entry.type != "REQUEST" or f.pattern != "verb" or len(f.recipients) != 1:
        return
    r = f.recipients[0]
    t = doc.tokens[r]
    if t.dep == "nsubjpass" and doc.tokens[t.head].dep == "ccomp" and doc.tokens[t.head].head == f.trigger:
        f.recipients = []


# -- what is asked for names the addressee ----------------------------------------------------------------------
# "called for an investigation into police conduct": an inquiry into someone's acts is asked against them;
# the party is the owner of what is investigated: a group noun modifying it ("*police* conduct", "*army*
# abuses"), or its possessor / agent / "of" party as ``verbal.thing_owner`` finds them.
INQUIRY_NOUNS = {"investigation", "inquiry", "enquiry", "probe", "review", "audit", "accountability"}


def inquiry_target(doc: AnnotatedDoc, f: Frame, lex: Lexicon, type_: str) -> list[int]:
    """The party whose acts a requested inquiry looks into (empty when there is none)."""
    if type_ != "REQUEST":
        return []
    sources = [f.trigger] if f.trigger == f.verb else [f.trigger, f.verb]
    objs = [o for s in sources for o in kids(doc, s, ("dobj",))]
    objs += [o for s in sources for p, o in prep_objects(doc, s) if p in ("for", "on", "upon")]
    for o in objs:
        if doc.tokens[o].lemma.lower() not in INQUIRY_NOUNS:
            continue
        for p, x in prep_objects(doc, o):
            if p not in ("into", "of", "over", "on"):
                continue
            owner = thing_owner(doc, x, lex, "ACCUSE")  # an inquiry targets the author, not the victim
            if owner is not None:
                return [owner]
            for m in kids(doc, x, ("compound", "nmod")):
                if doc.tokens[m].lemma.lower() in lex.actor_nouns or doc.tokens[m].lower in lex.actor_nouns:
                    return [m]
    return []


# -- a demand stated beside another act ---------------------------------------------------------------------------
def demand_stands_alone(doc: AnnotatedDoc, f: Frame, host: Frame) -> bool:
    """ "announced a strike, *demanding* X's release", "marched through the capital *calling for* new
    elections": a participle clause states the demand as an act of its own beside the host's (the strike
    and the demand are two events), not as the host's complement."""
    t = doc.tokens[f.trigger]
    return f.entry.type == "REQUEST" and f.trigger == f.verb and t.tag == "VBG" and t.dep in ("advcl", "acl")
