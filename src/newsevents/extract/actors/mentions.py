"""Mention detection: the mention record, its syntax, pronouns, and apposition / acronym pairs.

Works on the spaCy-free :class:`AnnotatedDoc`.  Names are found in ``names`` and role nominals ("the top Iranian lawmaker") in ``nominals``; both build
:class:`MentionCandidate` records and read their syntax with :func:`read_syntax` from here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsevents.annotate.doc import AnnotatedDoc
from newsevents.extract.actors.roles import Honorific, PronounInfo, lexicon
from newsevents.model import Span

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Positions where a noun heads a phrase that can refer to an actor.
ARGUMENT_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj", "attr", "dative", "ROOT", "poss", "oprd", "agent"}
)
INDEFINITE = frozenset({"a", "an", "another", "some", "any", "one", "several", "many", "few", "other", "no"})
DEFINITE = frozenset({"the", "this", "that", "these", "those"})


@dataclass
class MentionCandidate:
    """A mention before coreference: its tokens, what it says about its referent, and its syntax."""

    start: int  # first token (inclusive)
    end: int  # last token + 1
    head: int
    kind: str  # name | nominal | pronoun
    label: str  # entity label for names; role kind (person/group/org/country) for nominals; "pronoun"
    sent: int
    span: Span
    text_key: str = ""  # name text without "the", honorifics and "'s"
    number: str = "sg"
    gender: str | None = None
    gender_guessed: bool = False  # gender read off a forename only: evidence, not a constraint
    country: tuple[str, str] | None = None  # (ISO alpha-3, how it was found)
    sector: str | None = None
    role: str | None = None
    role_lemma: str | None = None
    definite: bool = True
    subject: bool = False
    reporting: bool = False  # subject of a reporting verb
    possessive: bool = False
    acts: bool = False  # subject, or possessor of a role noun ("Moscow's representative")
    honorific: Honorific | None = None
    affiliation_tokens: list[int] = field(default_factory=list)
    modifiers: set[str] = field(default_factory=set)  # capitalised modifier words, lower-cased


def governor(doc: AnnotatedDoc, i: int) -> int:
    """The verb a noun depends on, looking through appositions and conjunctions ("X, the spokesman, said")."""
    j = i
    for _ in range(4):
        tok = doc.tokens[j]
        if tok.dep in ("appos", "conj") and tok.head != j:
            j = tok.head
        else:
            break
    return j


def read_syntax(doc: AnnotatedDoc, m: MentionCandidate) -> None:
    lex = lexicon()
    j = governor(doc, m.head)
    tok = doc.tokens[j]
    if tok.dep in SUBJECT_DEPS:
        m.subject = True
        m.reporting = doc.tokens[tok.head].lemma.lower() in lex.reporting_verbs
    head_tok = doc.tokens[m.head]
    m.possessive = head_tok.dep == "poss" or head_tok.tag == "PRP$"
    if m.subject or m.possessive and lex.role(doc.tokens[head_tok.head].lemma):
        m.acts = True


def pronoun_mentions(doc: AnnotatedDoc) -> list[MentionCandidate]:
    """Third-person pronouns (he, his, she, they, their, its, ...)."""
    lex = lexicon()
    out = []
    for tok in doc.tokens:
        info = lex.pronouns.get(tok.lower)
        if info is None and tok.lower == "it" and _reporting_subject(doc, tok.i):
            info = IT_REPORTS  # "It said": a body speaking, not the expletive "it"
        if info is None or tok.pos not in ("PRON", "DET"):
            continue
        m = MentionCandidate(
            tok.i,
            tok.i + 1,
            tok.i,
            "pronoun",
            "pronoun",
            tok.sent,
            doc.span(tok.i, tok.i + 1),
            number=info.number,
            gender=info.gender if info.gender != "n" else None,
        )
        read_syntax(doc, m)
        m.label = "pronoun:" + info.gender
        out.append(m)
    return out


IT_REPORTS = PronounInfo("n", "sg")


def _reporting_subject(doc: AnnotatedDoc, i: int) -> bool:
    tok = doc.tokens[i]
    return tok.dep == "nsubj" and doc.tokens[tok.head].lemma.lower() in lexicon().reporting_verbs


def appositive_pairs(
    doc: AnnotatedDoc, by_head: dict[int, MentionCandidate]
) -> list[tuple[MentionCandidate, MentionCandidate]]:
    """(name, description) pairs joined by apposition, in either order ("X, a senior official" / "the
    spokesman, X"), and two names in apposition ("Palestinian Resistance Movement, Hamas")."""
    pairs = []
    for head, m in by_head.items():
        tok = doc.tokens[head]
        if tok.dep != "appos" or tok.head == head:
            continue
        other = by_head.get(tok.head)
        if other is None or other is m:
            continue
        if m.kind == "name" and other.kind == "name":
            pairs.append((other, m))
        elif m.kind == "name":
            pairs.append((m, other))
        elif other.kind == "name":
            pairs.append((other, m))
    return pairs


def acronym_pairs(
    doc: AnnotatedDoc, names: list[MentionCandidate]
) -> list[tuple[MentionCandidate, MentionCandidate]]:
    """A name followed by its acronym in brackets: "Democratic People's Republic of Korea (DPRK)"."""
    out = []
    by_start = {m.start: m for m in names}
    for m in names:
        k = m.end
        if k + 2 < len(doc.tokens) and doc.tokens[k].text == "(" and doc.tokens[k + 2].text == ")":
            inner = by_start.get(k + 1)
            word = doc.tokens[k + 1].text
            if inner is not None and word.isupper() and 2 <= len(word) <= 8:
                out.append((m, inner))
    return out
