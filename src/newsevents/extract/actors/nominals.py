"""Nominal mentions: noun phrases headed by a role noun ("the top Iranian lawmaker", "Kenyan police") and
the title words before a person's name ("Iranian Parliament Speaker" Mohammad Baqer Qalibaf).

spaCy 3.8's noun chunks are not carried over, so a nominal's extent is rebuilt from the dependency parse: the
role noun plus its left-hand modifiers (determiner, adjectives, compounds, possessor), which is what
``noun_chunks`` would give for these heads.  Role text, country, sector and affiliation are read off it.
"""

from __future__ import annotations

from newsevents.annotate.doc import AnnotatedDoc
from newsevents.extract.actors.mentions import (
    ARGUMENT_DEPS,
    DEFINITE,
    INDEFINITE,
    NAME_LABELS,
    MentionCandidate,
    read_syntax,
)
from newsevents.extract.actors.roles import country_clue, lexicon, sector_clue
from newsevents.kb import countries

# Dependents that sit on the left of a noun inside its noun phrase.
NP_LEFT_DEPS = frozenset(
    {"det", "amod", "compound", "poss", "nummod", "nmod", "quantmod", "predet", "advmod"}
)
AFFILIATION_PREPS = frozenset({"of", "for", "from", "at", "with"})
COUNTRY_PREPS = frozenset({"of", "for", "from"})


def _np_start(doc: AnnotatedDoc, head: int) -> int:
    """Left edge of the noun phrase headed by ``head``: its left modifiers with their subtrees."""
    start = head
    for c in doc.children[head]:
        if c < head and doc.tokens[c].dep in NP_LEFT_DEPS:
            start = min(start, doc.subtree(c)[0])
    sent = doc.sentence_of(head)
    start = max(start, sent.start_token)
    while start < head and doc.tokens[start].ent_type in ("DATE", "TIME"):
        start += 1  # a fronted date the parse folded into the phrase: "On 5 October 2021 Russian forces"
    return start


def _describe(doc: AnnotatedDoc, m: MentionCandidate, modifier_tokens: list[int]) -> None:
    """Fill role, country, sector and affiliation of a nominal or title from its modifier tokens."""
    lex = lexicon()
    index = countries()
    extra: list[int] = []  # "of Hamas", "for the ministry": where a person belongs
    country_extra: list[int] = []  # "of Iran", "from Russia": whose the person or body is
    for c in doc.children[m.head]:
        prep = doc.tokens[c]
        if c > m.head and prep.dep == "prep" and prep.lower in AFFILIATION_PREPS:
            extra.extend(doc.subtree(c)[1:])
            if prep.lower in COUNTRY_PREPS:
                country_extra.extend(doc.subtree(c)[1:])
    m.country = country_clue(doc, modifier_tokens + country_extra)
    words: list[str] = []
    possessor = {j for c in doc.children[m.head] if doc.tokens[c].dep == "poss" for j in doc.subtree(c)}
    for i in modifier_tokens:
        tok = doc.tokens[i]
        if i in possessor or tok.dep in ("det", "case", "punct") or tok.pos in ("DET", "PUNCT", "PRON"):
            continue
        k = doc.ent_of_token[i]
        if k is not None and doc.ents[k].label in NAME_LABELS:
            continue
        if index.demonym(tok.text) or index.country(tok.text):
            continue
        words.append(tok.lower)
    words.append(doc.tokens[m.head].lower)
    m.role = " ".join(words)
    for i in modifier_tokens:
        tok = doc.tokens[i]
        if (
            tok.text[:1].isupper()
            and tok.pos in ("PROPN", "ADJ", "NOUN")
            and not (i == m.start and tok.pos == "DET")
        ):
            m.modifiers.add(tok.lower)
    m.sector = sector_clue(words)
    for i in modifier_tokens + extra:
        k = doc.ent_of_token[i]
        if k is not None and doc.ents[k].label in ("ORG", "PERSON", "NORP") and i not in m.affiliation_tokens:
            m.affiliation_tokens.append(i)
    role = lex.role(m.role_lemma or "")
    if role and role.gender:
        m.gender = role.gender


def nominal_mentions(doc: AnnotatedDoc, name_tokens: set[int]) -> list[MentionCandidate]:
    """Noun phrases headed by a role noun that lie outside names ("the spokesman", "Iranian officials")."""
    lex = lexicon()
    out: list[MentionCandidate] = []
    for tok in doc.tokens:
        if tok.pos not in ("NOUN", "PROPN") or tok.dep not in ARGUMENT_DEPS or tok.i in name_tokens:
            continue
        role = lex.role(tok.lemma) or lex.role(tok.text)
        if role is None:
            continue
        k = doc.ent_of_token[tok.i]
        if k is not None and doc.ents[k].label in NAME_LABELS and doc.ents[k].label != "NORP":
            continue
        start = _np_start(doc, tok.i)
        first = doc.tokens[start].lower
        plural = tok.tag in ("NNS", "NNPS") or role.kind == "group" and tok.lemma != tok.lower
        if tok.lower == "police":
            plural = True
        has_poss = any(doc.tokens[c].dep == "poss" for c in doc.children[tok.i])
        if role.kind == "country" and not (first in DEFINITE and not has_poss):
            continue  # only "the country" refers back; "his country" is a possession, not a mention
        m = MentionCandidate(
            start,
            tok.i + 1,
            tok.i,
            "nominal",
            role.kind,
            tok.sent,
            doc.span(start, tok.i + 1),
            number="pl" if plural else "sg",
            role_lemma=role.lemma,
            definite=(first in DEFINITE or has_poss)
            or (start < tok.i and first not in INDEFINITE and not plural),
        )
        _describe(doc, m, list(range(start, tok.i)))
        if m.sector is None:
            m.sector = role.sector
        read_syntax(doc, m)
        if role.kind in ("group", "org"):
            m.span = doc.span(start, _members_end(doc, tok.i))
        out.append(m)
    return out


def _members_end(doc: AnnotatedDoc, head: int) -> int:
    """A body named by its members keeps them in its words: "a coalition of human rights groups", "the
    group of 10 watchdogs" (the end token of the phrase; ``head + 1`` when there is no such "of")."""
    for c in doc.children[head]:
        if c > head and doc.tokens[c].dep == "prep" and doc.tokens[c].lower == "of":
            objs = [g for g in doc.children[c] if doc.tokens[g].dep == "pobj"]
            if objs and doc.tokens[objs[0]].tag in ("NNS", "NNPS"):
                return doc.subtree(objs[0])[-1] + 1
    return head + 1


def title_mention(doc: AnnotatedDoc, name: MentionCandidate) -> MentionCandidate | None:
    """The title words right before a person's name ("Iranian Parliament Speaker" Mohammad Baqer Qalibaf)."""
    lex = lexicon()
    sent = doc.sentence_of(name.head)
    j = name.start - 1
    while j >= sent.start_token:
        tok = doc.tokens[j]
        if tok.dep == "punct" or name.head not in doc.ancestors(j):
            break
        k = doc.ent_of_token[j]
        if k is not None and doc.ents[k].label == "PERSON" and tok.dep != "compound":
            break
        j -= 1
    start = j + 1
    while start < name.start and doc.tokens[start].dep == "det":
        start += 1
    if start >= name.start:
        return None
    words = [doc.tokens[i] for i in range(start, name.start)]
    role_words = [t for t in words if lex.role(t.lemma) or lex.role(t.text) or lex.sector_of_word(t.text)]
    if not role_words:
        return None
    last = role_words[-1]
    role = lex.role(last.lemma) or lex.role(last.text)
    m = MentionCandidate(
        start,
        name.start,
        last.i,
        "nominal",
        "person",
        name.sent,
        doc.span(start, name.start),
        role_lemma=role.lemma if role else None,
    )
    _describe(doc, m, [t.i for t in words if t.i != last.i])
    if m.sector is None and role is not None:
        m.sector = role.sector
    return m
