"""Mention detection: names (spaCy entities), role nominals ("the top Iranian lawmaker") and pronouns.

Works on the spaCy-free :class:`AnnotatedDoc`.  spaCy 3.8's noun chunks are not carried over, so a nominal's
extent is rebuilt from the dependency parse: the role noun plus its left-hand modifiers (determiner,
adjectives, compounds, possessor), which is what ``noun_chunks`` would give for these heads.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsevents.annotate.doc import AnnotatedDoc, Entity
from newsevents.extract.actors.credits import credit_regions, is_credit
from newsevents.extract.actors.gender import (
    MISLABELLED,
    family_names_alone,
    forename_gender,
    lone_forename,
    name_word,
    people_named_alone,
    person_gender,
    personal_name,
)
from newsevents.extract.actors.roles import Honorific, PronounInfo, country_clue, lexicon, sector_clue
from newsevents.kb import actor_dictionary, countries
from newsevents.model import Span

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Dependents that sit on the left of a noun inside its noun phrase.
NP_LEFT_DEPS = frozenset(
    {"det", "amod", "compound", "poss", "nummod", "nmod", "quantmod", "predet", "advmod"}
)
# Positions where a noun heads a phrase that can refer to an actor.
ARGUMENT_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj", "attr", "dative", "ROOT", "poss", "oprd", "agent"}
)
INDEFINITE = frozenset({"a", "an", "another", "some", "any", "one", "several", "many", "few", "other", "no"})
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
AFFILIATION_PREPS = frozenset({"of", "for", "from", "at", "with"})
COUNTRY_PREPS = frozenset({"of", "for", "from"})


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


def _governor(doc: AnnotatedDoc, i: int) -> int:
    """The verb a noun depends on, looking through appositions and conjunctions ("X, the spokesman, said")."""
    j = i
    for _ in range(4):
        tok = doc.tokens[j]
        if tok.dep in ("appos", "conj") and tok.head != j:
            j = tok.head
        else:
            break
    return j


def _syntax(doc: AnnotatedDoc, m: MentionCandidate) -> None:
    lex = lexicon()
    j = _governor(doc, m.head)
    tok = doc.tokens[j]
    if tok.dep in SUBJECT_DEPS:
        m.subject = True
        m.reporting = doc.tokens[tok.head].lemma.lower() in lex.reporting_verbs
    head_tok = doc.tokens[m.head]
    m.possessive = head_tok.dep == "poss" or head_tok.tag == "PRP$"
    if m.subject or m.possessive and lex.role(doc.tokens[head_tok.head].lemma):
        m.acts = True


def _ent_head(doc: AnnotatedDoc, start: int, end: int) -> int:
    """The token of ``[start, end)`` whose head lies outside it (the last one on ties)."""
    for i in range(end - 1, start - 1, -1):
        h = doc.tokens[i].head
        if h < start or h >= end or h == i:
            return i
    return end - 1


def name_mentions(
    doc: AnnotatedDoc, article_date: str | None = None, user_file: str | None = None
) -> list[MentionCandidate]:
    """One mention per actor-like entity; "the" and "'s" trimmed, courtesy titles ("Mr.") kept."""
    lex = lexicon()
    known = actor_dictionary(user_file)
    out: list[MentionCandidate] = []
    credits = credit_regions(doc.text)
    for ent in _joined_bodies(doc):
        if ent.label not in NAME_LABELS or is_credit(doc, ent.start, ent.end, credits, known, article_date):
            continue
        start, end = ent.start_token, ent.end_token
        span_start = start  # the mention keeps "The" ("The New York Times"); its lookup key does not
        while start < end and doc.tokens[start].lower in DEFINITE:
            start += 1
        while end > start and doc.tokens[end - 1].text.replace("\u2019", "'") in ("'s", "'", ",", "."):
            if doc.tokens[end - 1].text == "." and end - start == 1:
                break
            end -= 1
        if start >= end:
            continue
        head = _ent_head(doc, start, end)
        head_tok = doc.tokens[head]
        text_key = doc.text[doc.tokens[start].start : doc.tokens[end - 1].end]
        modifier = ent.label == "NORP" and (head_tok.dep in ("amod", "compound") or head_tok.pos == "ADJ")
        if modifier and known.lookup(text_key, article_date) is None:
            continue  # "Iranian" in "the Iranian capital": a modifier, not a mention
        place = ent.label in ("FAC", "LOC") and known.lookup(text_key, article_date) is None
        if place and doc.tokens[_governor(doc, head)].dep not in SUBJECT_DEPS:
            continue  # places that do not act are left to the places stage
        label = ent.label
        role = lex.role(head_tok.lemma) if label == "ORG" else None
        if role is not None and role.kind == "person":
            label = "PERSON"  # "Foreign Office Spokesperson": a person named by office, not the office
        elif label in ("ORG", *MISLABELLED) and personal_name(doc, start, end, text_key, article_date, known):
            label = "PERSON"  # "Brandi Chastain" tagged as an organisation
        elif label in ("ORG", "GPE", "NORP") and lone_forename(
            doc, start, end, text_key, article_date, known
        ):
            label = "PERSON"  # "Matilda" tagged as a place
        honorific = None
        if label == "PERSON" and start > 0:
            h = lex.honorific(doc.tokens[start - 1].text)
            if h is not None and doc.tokens[start - 1].sent == doc.tokens[start].sent:
                honorific, start, span_start = h, start - 1, start - 1
        out.append(_name_candidate(doc, start, end, head, label, text_key, honorific, span_start))
    out.extend(_unrecognised_surnames(doc, out))
    out.extend(_untagged_people(doc, out, article_date, user_file))
    people_named_alone(doc, out, known, article_date)
    family_names_alone(out)
    return out


def _joined_bodies(doc: AnnotatedDoc) -> list[Entity]:
    """Entities, with a body's name the tagger cut in two joined again: "US Department" + "of the" +
    "Treasury" is one organisation (the first part ends in a body word: department, ministry, office)."""
    lex = lexicon()
    out: list[Entity] = []
    ents = doc.ents
    k = 0
    while k < len(ents):
        e = ents[k]
        if k + 1 < len(ents) and e.label == "ORG" and ents[k + 1].label in ("ORG", "GPE"):
            nxt = ents[k + 1]
            between = [t.lower for t in doc.tokens[e.end_token : nxt.start_token]]
            role = lex.role(doc.tokens[e.end_token - 1].lemma)
            if between in (["of"], ["of", "the"]) and role is not None and role.kind == "org":
                text = doc.text[e.start : nxt.end]
                out.append(Entity("ORG", e.start_token, nxt.end_token, e.start, nxt.end, text))
                k += 2
                continue
        out.append(e)
        k += 1
    return out


def _untagged_people(
    doc: AnnotatedDoc, names: list[MentionCandidate], date: str | None, user_file: str | None
) -> list[MentionCandidate]:
    """Runs of proper nouns the parser left untagged (or tagged as a thing) that are people's names.

    A run counts when its first word is a forename the names dataset knows ("Brandi Chastain", "Isabel"),
    or when one of its words is a word of a person named elsewhere in the text.  Words that name a country
    or a known actor are never people.
    """
    taken = {i for m in names for i in range(m.start, m.end)}
    person_words = {w for m in names if m.label == "PERSON" for w in m.text_key.split() if len(w) > 2}
    lex = lexicon()
    known = actor_dictionary(user_file)
    index = countries()
    out: list[MentionCandidate] = []
    i = 0
    while i < len(doc.tokens):
        tok = doc.tokens[i]
        if not name_word(tok.text) or tok.pos != "PROPN" or tok.ent_type not in MISLABELLED or i in taken:
            i += 1
            continue
        j = i
        while (
            j + 1 < len(doc.tokens)
            and doc.tokens[j + 1].pos == "PROPN"
            and name_word(doc.tokens[j + 1].text)
            and doc.tokens[j + 1].ent_type == tok.ent_type
            and j + 1 not in taken
            and doc.tokens[j + 1].sent == tok.sent
        ):
            j += 1
        start, end = i, j + 1
        i = end
        if lex.honorific(doc.tokens[start].text) or lex.role(doc.tokens[start].text):
            start += 1  # "Lieutenant George": the title is not the name
        if start >= end or end - start > 3:
            continue
        words = [doc.tokens[k].text for k in range(start, end)]
        text = " ".join(words)
        if any(index.any(w) or known.lookup(w, date) for w in words) or known.lookup(text, date):
            continue
        head = _ent_head(doc, start, end)
        subject = (
            doc.tokens[_governor(doc, head)].dep in SUBJECT_DEPS
            and tok.ent_type == ""
            and not any(lex.role(w) or lex.sector_of_word(w) for w in words)
        )
        if not (forename_gender(words[0]) or any(w in person_words for w in words) or subject):
            continue
        if doc.tokens[_governor(doc, head)].dep not in ARGUMENT_DEPS:
            continue
        h = lex.honorific(doc.tokens[start - 1].text) if start > 0 else None
        span_start = start - 1 if h is not None else start
        out.append(_name_candidate(doc, span_start, end, head, "PERSON", text, h, span_start))
    return out


def _unrecognised_surnames(doc: AnnotatedDoc, names: list[MentionCandidate]) -> list[MentionCandidate]:
    """A known person's surname that spaCy left untagged later on ("Chaffetz said"): a name mention too."""
    surnames = {
        m.text_key.split()[-1]: m for m in names if m.label == "PERSON" and len(m.text_key.split()) > 1
    }
    if not surnames:
        return []
    lex = lexicon()
    out = []
    for tok in doc.tokens:
        if tok.pos == "PROPN" and tok.ent_type == "" and tok.text in surnames:
            start = tok.i
            h = lex.honorific(doc.tokens[start - 1].text) if start > 0 else None
            if h is not None:
                start -= 1
            out.append(_name_candidate(doc, start, tok.i + 1, tok.i, "PERSON", tok.text, h, start))
    return out


def _name_candidate(
    doc: AnnotatedDoc,
    start: int,
    end: int,
    head: int,
    label: str,
    text_key: str,
    honorific: Honorific | None,
    span_start: int,
) -> MentionCandidate:
    head_tok = doc.tokens[head]
    m = MentionCandidate(
        start,
        end,
        head,
        "name",
        label,
        doc.tokens[head].sent,
        doc.span(span_start, end),
        text_key=text_key,
        honorific=honorific,
        number="pl" if head_tok.tag in ("NNPS", "NNS") else "sg",
    )
    if label == "PERSON":
        m.gender, m.gender_guessed = person_gender(doc, span_start, end, head, text_key, honorific)
    elif label in ("GPE", "NORP"):
        m.country = countries().any(text_key) or (
            _city_or_state_country(text_key) if label == "GPE" else None
        )
    _syntax(doc, m)
    return m


def _city_or_state_country(name: str) -> tuple[str, str] | None:
    """(ISO alpha-3, how) of a city or US state the country index does not know ("Dallas", "Iowa")."""
    from newsevents.extract.places import gazetteer  # built on first use (~0.25 s), only when needed

    found = gazetteer().lookup(name)
    if found is None or not found[0].country:
        return None
    return found[0].country, found[0].kind


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
        _syntax(doc, m)
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
        _syntax(doc, m)
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
