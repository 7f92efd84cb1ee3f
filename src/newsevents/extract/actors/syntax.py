"""Clause structure around a pronoun, read off the dependency parse: which clause holds it, who is (even
implicitly) the subject of that clause and of each clause above it, and which noun phrases binding theory
rules out as its antecedent.

A salience score sees only "subject / not subject" and distances; inside one sentence the clause structure
decides instead (Hobbs 1978; binding conditions A and B of Chomsky 1981, in the form coreference sieves use):

* a non-reflexive pronoun is not the subject of its own clause, counting an *implicit* subject: "Joel
  convinced Andy to help him" (the subject of *help* is Andy: him ≠ Andy), "Steve was responsible for
  introducing him" (him ≠ Steve), "Mutai pulled ahead and led him" (him ≠ Mutai);
* a possessive in the predicate of a copula, or in an apposition, is not that clause's subject or the noun it
  stands beside: "Zoe was her bridesmaid", "Nick Cook, his neighbour";
* a reflexive is the subject of its own clause ("Halberstam saw himself ...");
* otherwise the nearest clause above the pronoun that has another subject names the likeliest antecedent:
  "Murray's attorney stated that Jackson had a pulse when he was taken out" (Jackson, not the attorney),
  "Blaine forced Averell to signal his men" (the subject of *signal* is Averell).

Everything here works on :class:`~newsevents.annotate.doc.AnnotatedDoc` token indices, without spaCy.
"""

from __future__ import annotations

from newsevents.annotate.doc import AnnotatedDoc

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
OBJECT_DEPS = frozenset({"dobj", "dative"})
RELATIVE_WORDS = frozenset({"who", "whom", "which", "that", "whose"})
# Dependents through which a noun phrase still names the same referent as its head ("composer Rudolf Friml",
# "Khalil al-Hayya, a senior official", "Mutai and Biwott").
SAME_REFERENT_DEPS = frozenset({"compound", "flat", "appos"})
MAX_DEPTH = 12  # dependency trees of real sentences are shallower; guards against parse cycles


def is_clause(doc: AnnotatedDoc, i: int) -> bool:
    """A verb (or copula) heading a clause, or any word with a subject of its own."""
    tok = doc.tokens[i]
    if tok.pos in ("VERB", "AUX") and tok.dep not in ("aux", "auxpass"):
        return True
    return any(doc.tokens[k].dep in SUBJECT_DEPS for k in doc.children[i])


def clause_of(doc: AnnotatedDoc, i: int) -> int | None:
    """The lowest clause above token ``i`` (not ``i`` itself)."""
    j = i
    for _ in range(MAX_DEPTH):
        h = doc.tokens[j].head
        if h == j:
            return None
        if is_clause(doc, h):
            return h
        j = h
    return None


def explicit_subject(doc: AnnotatedDoc, v: int) -> int | None:
    for k in doc.children[v]:
        if doc.tokens[k].dep in SUBJECT_DEPS:
            return k
    return None


def subject_of(doc: AnnotatedDoc, v: int, depth: int = 0) -> int | None:
    """The head token of clause ``v``'s subject, explicit or understood.

    Understood subjects: a conjoined verb shares its first conjunct's ("X pulled ahead and led him"); an
    infinitive complement takes the object of the verb above when there is one (object control: "forced Y
    to go", "called on Y to unite"), else its subject ("X tried to go"); a participle or gerund without a subject takes the subject
    of the clause it hangs from ("Walking home, X ...", "responsible for introducing him"); a relative
    clause's "who" is the noun it modifies.
    """
    if depth > MAX_DEPTH:
        return None
    tok = doc.tokens[v]
    s = explicit_subject(doc, v)
    if s is not None:
        if doc.tokens[s].lower in RELATIVE_WORDS and tok.dep in ("relcl", "acl") and tok.head != v:
            return tok.head
        return s
    if tok.head == v:
        return None
    h = tok.head
    if tok.dep == "conj" and is_clause(doc, h):
        return subject_of(doc, h, depth + 1)
    if tok.dep == "xcomp":
        controller = _controller(doc, h, v)
        if controller is not None:
            return controller
        return subject_of(doc, h, depth + 1) if is_clause(doc, h) else None
    if tok.dep in ("acl", "relcl") and not is_clause(doc, h):
        return h  # "the man sitting there"
    if tok.dep in ("advcl", "pcomp", "acl", "csubj", "prep", "advmod", "npadvmod", "acomp"):
        up = h if is_clause(doc, h) else clause_of(doc, h)
        return subject_of(doc, up, depth + 1) if up is not None else None
    return None


def _controller(doc: AnnotatedDoc, verb: int, comp: int) -> int | None:
    """The object of ``verb`` that is the understood subject of its infinitive ``comp``: "forced Y to go",
    "called on Y to unite", "waited for Y to arrive"."""
    for k in doc.children[verb]:
        if doc.tokens[k].dep in OBJECT_DEPS:
            return k
    for k in doc.children[verb]:
        if doc.tokens[k].dep == "prep" and verb < k < comp:  # after the verb: not "Following X, Y refused to"
            for j in doc.children[k]:
                if doc.tokens[j].dep == "pobj":
                    return j
    return None


def _infinitive(doc: AnnotatedDoc, v: int) -> bool:
    """A "to" infinitive complement ("allowed him to sit")."""
    return doc.tokens[v].dep in ("ccomp", "xcomp") and any(
        doc.tokens[k].lower == "to" and doc.tokens[k].dep == "aux" for k in doc.children[v]
    )


def referent_head(doc: AnnotatedDoc, i: int) -> int:
    """The head of the whole noun phrase that token ``i`` belongs to by compound, flat name or apposition."""
    j = i
    for _ in range(MAX_DEPTH):
        tok = doc.tokens[j]
        if tok.dep in SAME_REFERENT_DEPS and tok.head != j:
            j = tok.head
        else:
            break
    return j


def clause_chain(doc: AnnotatedDoc, i: int) -> list[tuple[int, int | None]]:
    """(clause, subject) for each clause above token ``i``, lowest first."""
    out: list[tuple[int, int | None]] = []
    v = clause_of(doc, i)
    while v is not None and len(out) < MAX_DEPTH:
        out.append((v, subject_of(doc, v)))
        v = clause_of(doc, v)
    return out


def is_reflexive(doc: AnnotatedDoc, i: int) -> bool:
    return doc.tokens[i].lower.endswith(("self", "selves"))


def bound_heads(doc: AnnotatedDoc, p: int, possessive: bool) -> set[int]:
    """Heads of noun phrases that binding rules out as the antecedent of pronoun token ``p``."""
    if is_reflexive(doc, p):
        return set()
    out: set[int] = set()
    chain = clause_chain(doc, p)
    if not chain:
        return out
    v, subj = chain[0]
    tok = doc.tokens[p]
    if possessive:
        # "X was her bridesmaid", "X became his successor": the predicate noun's possessor is not X.
        np = tok.head
        if doc.tokens[np].dep in ("attr", "oprd") and doc.tokens[np].head == v and subj is not None:
            out.add(referent_head(doc, subj))
        # "Nick Cook, his neighbour": an apposition's possessor is not the noun it describes.
        if doc.tokens[np].dep == "appos" and doc.tokens[np].head != np:
            out.add(referent_head(doc, doc.tokens[np].head))
        return out
    if tok.dep in SUBJECT_DEPS:
        # "X allowed him to sit": the subject of an infinitive is the object of the verb above, so not that
        # verb's subject.
        if _infinitive(doc, v) and len(chain) > 1 and chain[1][1] is not None:
            out.add(referent_head(doc, chain[1][1]))
        # "Although he tours with Thompson, Zorn ...": a subject pronoun is not its own clause's object.
        for k in doc.children[v]:
            dep = doc.tokens[k].dep
            if dep in OBJECT_DEPS:
                out.add(referent_head(doc, k))
            elif dep in ("prep", "agent") and k > p:
                out.update(referent_head(doc, j) for j in doc.children[k] if doc.tokens[j].dep == "pobj")
        return out
    if subj is None:
        return out
    # A plain pronoun that is an argument of its clause (object, indirect object, object of the clause's
    # own preposition) is not that clause's subject, explicit or understood.
    argument = tok.dep in ("dobj", "dative", "attr", "oprd") and tok.head == v
    if tok.dep == "pobj":
        prep = tok.head
        argument = doc.tokens[prep].head == v and doc.tokens[prep].dep in ("prep", "dative", "agent")
    if argument:
        out.add(referent_head(doc, subj))
    return out


def governing_subjects(doc: AnnotatedDoc, p: int, excluded: set[int]) -> list[tuple[int, int]]:
    """Subjects of the clauses above pronoun token ``p``, nearest first, with their level (0: the pronoun's
    own clause), leaving out ``p`` itself, noun phrases in ``excluded`` (binding) and expletives."""
    out: list[tuple[int, int]] = []
    for level, (_, subj) in enumerate(clause_chain(doc, p)):
        if subj is None or subj == p or _expletive(doc, subj) or subj in doc.ancestors(p):
            continue  # "His brother said ...": a subject holding the pronoun is not its antecedent
        head = referent_head(doc, subj)
        if head not in excluded and all(h != head for h, _ in out):
            out.append((head, level))
    return out


def _expletive(doc: AnnotatedDoc, i: int) -> bool:
    return doc.tokens[i].lower in ("it", "there", "this", "that", "which", "what")


def conjoined_owner(doc: AnnotatedDoc, p: int) -> int | None:
    """For a possessive pronoun in a noun phrase conjoined to a name, that name's head: "Martha and her
    husband", "Moore and all of her daughters" (the owner is the first conjunct)."""
    tok = doc.tokens[p]
    if tok.head == p:
        return None
    np = tok.head
    for _ in range(3):  # "all of her daughters", "two of his sons": the quantity word heads the phrase
        t = doc.tokens[np]
        prep = t.head
        if t.dep == "pobj" and doc.tokens[prep].dep == "prep" and doc.tokens[prep].head != prep:
            above = doc.tokens[prep].head
            if doc.tokens[above].pos in ("NOUN", "PRON", "NUM", "DET", "ADJ"):
                np = above
                continue
        break
    t = doc.tokens[np]
    if t.dep != "conj" or t.head == np:
        return None
    return referent_head(doc, t.head)
