"""Name mentions: spaCy's actor-like entities, and the people's names the tagger missed or mislabelled.

"The" and "'s" are trimmed from the lookup key, courtesy titles ("Mr.") kept; a body's name the tagger cut
in two is joined again; a known person's untagged surname and runs of untagged proper nouns that are
people's names become name mentions too.
"""

from __future__ import annotations

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
from newsevents.extract.actors.mentions import (
    ARGUMENT_DEPS,
    DEFINITE,
    NAME_LABELS,
    SUBJECT_DEPS,
    MentionCandidate,
    governor,
    read_syntax,
)
from newsevents.extract.actors.roles import Honorific, lexicon
from newsevents.kb import actor_dictionary, countries


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
        if place and doc.tokens[governor(doc, head)].dep not in SUBJECT_DEPS:
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
            doc.tokens[governor(doc, head)].dep in SUBJECT_DEPS
            and tok.ent_type == ""
            and not any(lex.role(w) or lex.sector_of_word(w) for w in words)
        )
        if not (forename_gender(words[0]) or any(w in person_words for w in words) or subject):
            continue
        if doc.tokens[governor(doc, head)].dep not in ARGUMENT_DEPS:
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
    read_syntax(doc, m)
    return m


def _city_or_state_country(name: str) -> tuple[str, str] | None:
    """(ISO alpha-3, how) of a city or US state the country index does not know ("Dallas", "Iowa")."""
    from newsevents.extract.places import gazetteer  # built on first use (~0.25 s), only when needed

    found = gazetteer().lookup(name)
    if found is None or not found[0].country:
        return None
    return found[0].country, found[0].kind
