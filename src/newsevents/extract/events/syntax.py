"""Small dependency-tree helpers shared by the event lexicon matcher and the role finder.

They read the spaCy-free :class:`AnnotatedDoc` (ClearNLP-style labels of the English spaCy models).
"""

from __future__ import annotations

from collections.abc import Callable

from newsevents.annotate.doc import AnnotatedDoc

SUBJ = ("nsubj", "csubj", "expl")
PASS_SUBJ = ("nsubjpass", "csubjpass")
OBJ = ("dobj", "obj")
RELATIVE_PRONOUNS = {"who", "which", "that", "whom", "whose"}
# Quantity and group words whose "of" object is the real participant ("thousands of students").
QUANTITY_HEADS = {
    "thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "million", "millions", "group",
    "number", "some", "most", "many", "one", "two", "three", "four", "five", "all", "majority", "third",
    "half", "tens", "members", "member", "team", "band", "crowd", "delegation", "contingent", "deployment", "scores",
    "score", "handful", "part", "rest", "each", "several", "both", "none", "unit", "batch",
}  # fmt: skip
# Dependents that are not part of a participant's noun phrase.
NP_CUT = {"relcl", "acl", "cc", "conj", "advcl", "parataxis", "prep", "appos", "dep", "mark"}
NP_KEEP_PREPS = {"of", "in", "from", "for", "to"}


def kids(doc: AnnotatedDoc, i: int, deps: tuple[str, ...] | set[str]) -> list[int]:
    return [c for c in doc.children[i] if doc.tokens[c].dep in deps]


def first_kid(doc: AnnotatedDoc, i: int, deps: tuple[str, ...] | set[str]) -> int | None:
    found = kids(doc, i, deps)
    return found[0] if found else None


TIME_ENTS = ("DATE", "TIME")

# Adverbial particles the small model sometimes attaches as advmod or as an object-less prep
# ("brushed *aside* the criticism", "backed *out* of the deal").
LOOSE_PARTICLES = {"aside", "away", "back", "down", "off", "out"}


def is_stranded_prep(doc: AnnotatedDoc, i: int) -> bool:
    """A preposition without its object ("paid *for* by", "backed *out*"): a particle in all but name."""
    return doc.tokens[i].dep == "prep" and not kids(doc, i, ("pobj", "pcomp"))


def particle(doc: AnnotatedDoc, i: int) -> str | None:
    k = first_kid(doc, i, ("prt",))
    if k is not None:
        return doc.tokens[k].lower
    n = i + 1
    loose = n < len(doc.tokens) and doc.tokens[n].head == i and doc.tokens[n].lower in LOOSE_PARTICLES
    if loose and (doc.tokens[n].dep == "advmod" or is_stranded_prep(doc, n)):
        return doc.tokens[n].lower
    return None


def prep_objects(doc: AnnotatedDoc, i: int) -> list[tuple[str, int]]:
    """``(preposition, object)`` pairs under token ``i`` ("met *with* X", "an attack *on* Y")."""
    out = []
    for p in kids(doc, i, ("prep", "agent", "dative")):
        t = doc.tokens[p]
        if t.dep == "dative" and t.pos in ("NOUN", "PROPN", "PRON"):
            out.append(("dative", p))
            continue
        for o in kids(doc, p, ("pobj", "pcomp")):
            out.append(("by" if t.dep == "agent" else t.lower, o))
        # "between X and Y", "on behalf of X": a second-level prep keeps the first preposition
        if not kids(doc, p, ("pobj", "pcomp")):
            for _, o in prep_objects(doc, p):
                out.append((t.lower, o))
    return out


def is_passive(doc: AnnotatedDoc, i: int) -> bool:
    if kids(doc, i, PASS_SUBJ) or kids(doc, i, ("auxpass",)):
        return True
    t = doc.tokens[i]
    # participle modifier "a camp attacked by militiamen"
    return t.dep == "acl" and t.tag == "VBN"


def semantic_head(doc: AnnotatedDoc, i: int) -> int:
    """Descend from quantity/group words to their "of" object: "thousands of students" -> students."""
    seen = 0
    while doc.tokens[i].lower in QUANTITY_HEADS and seen < 3:
        nxt = [o for p, o in prep_objects(doc, i) if p == "of"]
        if not nxt:
            break
        i, seen = nxt[0], seen + 1
    return i


def np_tokens(doc: AnnotatedDoc, head: int, keep_appos: bool = True) -> list[int]:
    """Token indices of the noun phrase headed by ``head`` (no relative clauses, no coordination)."""
    out = [head]
    for c in doc.children[head]:
        t = doc.tokens[c]
        if t.dep == "appos" and keep_appos:
            out.extend(np_tokens(doc, c, keep_appos=False))
            continue
        if t.dep == "prep" and t.lower in NP_KEEP_PREPS:
            for o in kids(doc, c, ("pobj",)):
                out.append(c)
                out.extend(np_tokens(doc, o, keep_appos=False))
            continue
        if t.dep in NP_CUT:
            continue
        out.extend(doc.subtree(c))
    out = sorted(set(out))
    # keep a contiguous run around the head (a parse error must not make a span swallow the sentence)
    run = [head]
    for k in sorted((j for j in out if j < head), reverse=True):
        if k == run[0] - 1:
            run.insert(0, k)
    for k in (j for j in out if j > head):
        if k == run[-1] + 1:
            run.append(k)
    while len(run) > 1 and doc.tokens[run[-1]].pos == "PUNCT":
        run.pop()
    # nor a fronted date the parse folded in: "On 5 October 2021 *Russian forces* struck ..."
    while len(run) > 1 and (
        doc.tokens[run[0]].pos == "PUNCT"
        or doc.tokens[run[0]].ent_type in TIME_ENTS
        or doc.tokens[run[0]].dep == "case"
    ):
        run.pop(0)
    return run


def conjuncts(doc: AnnotatedDoc, i: int) -> list[int]:
    """``i`` and the heads coordinated with it ("Lavrov and Cavusoglu")."""
    out, stack = [], [i]
    nominal = doc.tokens[i].pos in ("NOUN", "PROPN", "PRON")
    while stack:
        j = stack.pop()
        out.append(j)
        stack.extend(
            c
            for c in doc.children[j]
            if doc.tokens[c].dep == "conj" and (not nominal or doc.tokens[c].pos in ("NOUN", "PROPN", "PRON"))
        )
    return sorted(out)


def between_objects(doc: AnnotatedDoc, i: int) -> list[int]:
    """The objects of ``i``'s "between" phrases: the first side of "talks *between X and Y*"."""
    return [o for p, o in prep_objects(doc, i) if p == "between"]


def coordinated_modifiers(doc: AnnotatedDoc, head: int, names_side: Callable[[int], bool]) -> list[int]:
    """The coordinated modifiers of ``head`` that each name one side, when ``names_side`` holds for all of
    them: "*U.S. and Russian* negotiators", "between *Armenian and Azerbaijani* troops" (empty when none)."""
    for c in kids(doc, head, ("compound", "amod", "nmod")):
        members = [c, *(k for k in doc.subtree(c) if doc.tokens[k].dep == "conj")]
        if len(members) > 1 and all(names_side(m) for m in members):
            return members
    return []


def clause_verb(doc: AnnotatedDoc, i: int) -> int:
    """The verb governing token ``i`` (itself when it is a verb)."""
    j = i
    for _ in range(12):
        t = doc.tokens[j]
        if t.pos in ("VERB", "AUX") and t.dep not in ("amod", "compound"):
            return j
        if t.head == j:
            return j
        j = t.head
    return j


DATELINE_SEPARATORS = {"—", "–", "-", "--", ":"}


def dateline_end(doc: AnnotatedDoc, sent_i: int) -> int | None:
    """Index of the separator closing a dateline at the start of sentence ``sent_i``, else None.

    A dateline ("SAN PEDRO CITY —", "Phnom Penh, MINA –", "ALGIERS, Aug 25:") opens a paragraph with a
    place, perhaps an agency and a date, then a dash or a colon.  The parser often makes the place a second
    subject of the first verb; it names where the story was filed, never who acted."""
    s = doc.sents[sent_i]
    if s.start > 0 and "\n" not in doc.text[max(0, s.start - 2) : s.start]:
        return None  # a dateline opens a paragraph (or the text)
    for j in range(s.start_token, min(s.end_token, s.start_token + 9)):
        t = doc.tokens[j]
        if t.text in DATELINE_SEPARATORS:
            return j if j > s.start_token and doc.tokens[s.start_token].pos == "PROPN" else None
        if t.pos not in ("PROPN", "NUM", "PUNCT") and t.ent_type not in ("GPE", "DATE", "ORG"):
            return None
    return None


def in_dateline(doc: AnnotatedDoc, i: int) -> bool:
    end = dateline_end(doc, doc.tokens[i].sent)
    return end is not None and i < end
