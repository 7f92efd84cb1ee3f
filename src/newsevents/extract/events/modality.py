"""Modality of an event frame (negated, future/hypothetical, obligation) and how it changes the coding.

Rules (documented in docs/events.md):

* **negated** ("did not meet", "will not accept"): a negated cooperative act (AGREE, CONSULT, SUPPORT,
  CONCEDE, COOPERATE, AID, RETREAT) is a refusal and is coded REJECT (mode ``refuse-act``, context
  ``negated:<TYPE>``); any other negated event did not happen and is dropped.
* **future / hypothetical** ("will visit", "would meet", "plans to impose", "ready to host", "if ..."):
  a promised cooperative act is coded AGREE (mode ``promise``), an announced conflictual act (SANCTION,
  COERCE, ASSAULT, MOBILIZE, PROTEST) is coded THREATEN; both get context ``future:<TYPE>``.  Verbal types
  keep their type with context ``future``.  Their date is the date of the statement, never a future date.
* **obligation** ("Iraq must cooperate"): not an event; the demand is coded by the modal-demand pattern.
* **embedded**: an event inside the complement of another event's trigger ("threatened *to shell*",
  "accused X *of attacking*", "agreed *to open borders*") is the content of that event, not a separate
  fact: it is dropped and lends its recipient to the governing event when that one has none.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsevents.annotate.doc import AnnotatedDoc
from newsevents.extract.events.arguments import Frame
from newsevents.extract.events.lexicon import Lexicon, lemma_variants
from newsevents.extract.events.syntax import kids

OBLIGATION = {"must", "should", "ought"}
OBLIGATION_GOVERNORS = {"have", "has", "need", "needs"}  # present tense: "had to leave" did leave
NEGATING_GOVERNORS = {"avoid", "refrain", "fail", "neglect", "stop"}
# Governors whose complement is wished or feared, not done or announced: the event is not coded.
HYPOTHETICAL_GOVERNORS = {
    "fear",
    "hope",
    "wish",
    "want",
    "dream",
    "imagine",
    "consider",
    "mull",
    "contemplate",
}
PLAN_NOUNS = {"plan", "intention", "bid", "readiness", "proposal", "attempt", "effort", "willingness", "threat",
              "promise", "pledge", "vow", "desire", "hope", "wish", "offer"}  # fmt: skip
CAPACITY_NOUNS = {"right", "freedom", "ability", "permission", "chance", "opportunity", "capacity", "power",
                  "authority", "licence", "license"}  # fmt: skip
PREVENTING_VERBS = {"stop", "prevent", "bar", "block", "keep", "deter", "discourage", "prohibit", "restrain"}
SPECULATIVE_AUX = {"could", "might", "may"}
CONDITIONAL_MARKS = {"if", "unless", "until"}
# Conjunctions that join two acts side by side rather than make one the content of the other.
CONTRAST_MARKS = {"while", "whereas", "although", "though", "whilst"}
# Material acts told in a relative clause are facts of their own; speech acts there ("Sharon, who has vowed
# not to return ...", "whom authorities blame") are more often background or generic (plover-dev)
RELATIVE_FACT_TYPES = {"ASSAULT", "COERCE", "AID", "SANCTION", "MOBILIZE", "RETREAT", "PROTEST"}
EMBEDDING_DEPS = {
    "xcomp",
    "ccomp",
    "pcomp",
    "pobj",
    "dobj",
    "advcl",
    "acl",
    "prep",
    "nsubjpass",
    "oprd",
    "aux",
}


@dataclass(frozen=True, slots=True)
class Modality:
    negated: bool = False
    future: bool = False
    obligation: bool = False
    ultimatum: bool = False  # "... unless Baghdad accepts": the act is announced as a threat
    unreal: bool = False  # wished, feared or a mere capacity ("hopes to meet", "the right to protest")
    speculative: bool = False  # "could", "might", "may": a possibility, not an announcement


def _aux_lemmas(doc: AnnotatedDoc, v: int) -> set[str]:
    return {doc.tokens[c].lower for c in doc.children[v] if doc.tokens[c].dep in ("aux", "auxpass")}


def modality(doc: AnnotatedDoc, frame: Frame, lex: Lexicon) -> Modality:
    negated = future = obligation = ultimatum = False
    chain = [frame.trigger] if frame.verb == frame.trigger else [frame.trigger, frame.verb]
    # climb open complements: "plans to impose", "is ready to host", "would be prepared to lift"
    negatable = list(chain)  # the verbs whose negation is the event's own
    unreal = speculative = False
    j = frame.verb
    for _ in range(4):
        t = doc.tokens[j]
        if t.dep not in ("xcomp", "acomp", "conj") or t.head == j:
            break
        j = t.head
        chain.append(j)
        if t.dep == "conj":
            # a coordinated verb shares auxiliaries, not the governor's planning sense; it shares a negation
            # only through "or"/"nor" ("did not meet or call"), not "never ratified it, and withdrew ..."
            if any(
                doc.tokens[c].dep == "cc" and doc.tokens[c].lower in ("or", "nor") for c in doc.children[j]
            ):
                negatable.append(j)
            continue
        negatable.append(j)
        if t.dep == "xcomp" and doc.tokens[j].lower in OBLIGATION_GOVERNORS:
            obligation = True  # "they *have to* engage in the dialogue": a demand, not an act
        lemmas = set(lemma_variants(doc, j))  # the small model lemmatises "hopes" as "hop"
        if lemmas & HYPOTHETICAL_GOVERNORS:
            unreal = True  # "feared travelling", "hopes to meet": a wish, not an act
        if lemmas & lex.planning_verbs or doc.tokens[j].lower in lex.planning_verbs:
            future = True
        if lemmas & NEGATING_GOVERNORS:
            negated = True  # "avoided condemning", "failed to meet"
    governor = _noun_governor(doc, frame.verb)
    if governor in PLAN_NOUNS:
        future = True  # "announced plans to collect signatures", "a bid to oust"
    elif governor in CAPACITY_NOUNS:
        unreal = True  # "the right to protest", "the power to arrest": a capacity, not an act
    if _prevented(doc, frame.verb):
        negated = True  # "stopped Iran from seizing tankers"
    for k in chain:
        kids = doc.children[k]
        if k in negatable and any(doc.tokens[c].dep == "neg" for c in kids):
            negated = True
        if k in negatable and any(
            doc.tokens[c].lower in ("no", "never") and doc.tokens[c].dep in ("det", "neg") for c in kids
        ):
            negated = True
        aux = _aux_lemmas(doc, k)
        if aux & OBLIGATION:
            obligation = True
        if aux & lex.future_aux:
            future = True
        if aux & SPECULATIVE_AUX:
            speculative = True
        if any(doc.tokens[c].dep == "mark" and doc.tokens[c].lower in CONDITIONAL_MARKS for c in kids):
            future = True
        if any(doc.tokens[c].dep == "advcl" and "unless" in _marks(doc, c) for c in kids):
            ultimatum = True
    return Modality(negated, future, obligation, ultimatum and future, unreal, speculative)


def _noun_governor(doc: AnnotatedDoc, v: int) -> str | None:
    """The noun whose complement the clause is ("plans *to collect*", "the right *to protest*")."""
    t = doc.tokens[v]
    if t.dep in ("acl", "xcomp", "relcl") and doc.tokens[t.head].pos == "NOUN":
        return doc.tokens[t.head].lemma.lower()
    return None


def _prevented(doc: AnnotatedDoc, v: int) -> bool:
    """ "stopped / prevented / barred X *from* V-ing": the act did not take place."""
    t = doc.tokens[v]
    if t.dep != "pcomp" or doc.tokens[t.head].lower != "from":
        return False
    return doc.tokens[doc.tokens[t.head].head].lemma.lower() in PREVENTING_VERBS


def _marks(doc: AnnotatedDoc, v: int) -> set[str]:
    return {doc.tokens[c].lower for c in doc.children[v] if doc.tokens[c].dep == "mark"}


def recode(frame_type: str, mode: str, m: Modality, lex: Lexicon) -> tuple[str, str, str | None] | None:
    """(type, mode, context) after modality, or None when the event is dropped."""
    if m.obligation or m.unreal:
        return None
    cooperative = frame_type in lex.cooperative_types or frame_type == "AGREE"
    if m.negated:
        if cooperative:
            return "REJECT", "refuse-act", f"negated:{frame_type}"
        return None
    if m.ultimatum and frame_type not in ("THREATEN", "REQUEST"):
        return "THREATEN", "ultimatum", f"ultimatum:{frame_type}"
    if m.future:
        if frame_type == "RETREAT":  # an announced resignation or withdrawal is reported as the act
            return None if m.speculative else (frame_type, mode, "future")  # "could pull out": a guess
        if frame_type in lex.cooperative_types:
            return "AGREE", "promise", f"future:{frame_type}"
        if frame_type in lex.conflictual_types:
            return "THREATEN", mode or "violence", f"future:{frame_type}"
        return frame_type, mode, "future"
    return frame_type, mode, None


def governing_frame(doc: AnnotatedDoc, frame: Frame, by_verb: dict[int, Frame]) -> Frame | None:
    """The frame whose trigger verb embeds this frame's trigger as a complement, if any."""
    host = by_verb.get(frame.verb)
    if frame.verb != frame.trigger and host is not None and host is not frame:
        # an event noun under another event's verb: "blamed Israel *for the bombing*", "offered concessions"
        return host
    j, path = frame.trigger, []
    for _ in range(8):
        t = doc.tokens[j]
        if t.head == j:
            return None
        path.append(t.dep)
        if t.dep == "advcl" and any(doc.tokens[k].lower in CONTRAST_MARKS for k in kids(doc, j, ("mark",))):
            return None  # "Hamas pledged ..., *while* Israel promised ...": a second act, not a complement
        if t.dep == "relcl" and frame.entry.type in RELATIVE_FACT_TYPES:
            return None  # a relative clause states its own act ("X, which deployed troops ...")
        j = t.head
        if j in by_verb and by_verb[j] is not frame and j != frame.verb:
            if "nsubj" in path:
                return None  # inside the host's subject ("Ruto, who was in Kampala on a visit, praised ...")
            if any(d in EMBEDDING_DEPS for d in path) and "conj" not in path[-1:]:
                return by_verb[j]
            return None
        if j == frame.verb:
            continue
    return None
