"""The country an article is about, and which unnamed actors may take it.

An article about one country names it over and over, most often not as a noun but as a modifier: "Somali
soldiers", "the Philippine coast guard", "Philippine Army".  Those words count as much as "Somalia" for the
article's focus.  The focus is only a last resort for actors that nothing else places: a named person with no
KB entry, and descriptions of the state's people and bodies, or of its parties, that carry no word of anyone
else ("officials said", "local officials", "senior administration officials", "opposition parties") — but
never a description that names another body, person or place ("officials of the UN agency", "Hamas
officials": those take their owner's country or none).
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from newsevents.extract.actors.credits import credit_regions, inside
from newsevents.extract.actors.roles import country_clue
from newsevents.kb import countries

if TYPE_CHECKING:
    from newsevents.annotate.doc import AnnotatedDoc
    from newsevents.extract.actors.coref import Cluster

# Descriptions of these sectors take the focus country: the state's branches, and political parties and
# their leaders (an article's "opposition parties" are that country's).
FOCUS_DESCRIPTION_SECTORS = frozenset({"GOV", "LEG", "MIL", "COP", "JUD", "POL"})
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
OWNER_PREPS = frozenset({"of", "for", "from", "at", "with", "in", "to"})
# "Parties" are often the sides of a conflict or of talks ("the two parties", "parties to the conflict"):
# only a word of politics makes them political parties of the article's country.
PARTY_HEADS = frozenset({"party", "parties"})
POLITICAL_WORDS = frozenset({"opposition", "ruling", "political", "governing"})
MIN_MENTIONS = 2  # the focus country is named at least twice ...
MIN_SHARE = 0.4  # ... and holds at least 40% of the country mentions, more than any other
MIN_SENTENCES_FOR_MODIFIERS = 2


def article_focus(doc: AnnotatedDoc, clusters: list[Cluster]) -> str | None:
    """The country most mentioned, when it clearly leads (≥ 2 and ≥ 40% of country mentions).

    Counted: name mentions of countries and their places (their cluster's country) and, in a text of more
    than one sentence, demonyms and country names used as modifiers ("Somali soldiers") and country words
    inside an organisation's name ("the Philippine Army").  Datelines and credits do not count: they say
    where the reporter was.  A tie gives no focus.
    """
    counts: Counter[str] = Counter()
    taken: set[int] = set()
    # In a single sentence a demonym says little about what a text is about ("Palestinian bombers killed
    # 23 people in Tel Aviv, police said"): there, as in short texts generally, names alone decide.
    extended = len(doc.sents) >= MIN_SENTENCES_FOR_MODIFIERS

    for c in clusters:
        for m, _ in c.mentions:
            if m.kind != "name":
                continue
            taken.update(range(m.start, m.end))
            if c.label in ("GPE", "NORP") and c.country:
                counts[c.country] += 1
            elif c.label == "ORG" and extended:
                hit = country_clue(doc, list(range(m.start, m.end)))
                if hit is not None:
                    counts[hit[0]] += 1
    index = countries()
    credits = credit_regions(doc.text)
    for e in doc.ents if extended else ():
        if e.label not in ("GPE", "NORP") or taken.intersection(range(e.start_token, e.end_token)):
            continue
        if inside(credits, e.start, e.end):
            continue
        hit = index.any(e.text)
        if hit is not None:
            counts[hit[0]] += 1
    ranked = counts.most_common(2)
    if not ranked:
        return None
    iso, n = ranked[0]
    if len(ranked) > 1 and ranked[1][1] == n:
        return None  # a tie: no country leads
    return iso if n >= MIN_MENTIONS and n >= MIN_SHARE * sum(counts.values()) else None


def unowned_description(doc: AnnotatedDoc, c: Cluster) -> bool:
    """Whether every mention of a nameless actor is a pronoun or a description that names nobody else.

    A description names someone else when a word of it (other than its head) is part of a name or a proper
    noun past the sentence's first word ("Hamas officials"), or when a prepositional phrase after it holds
    one ("officials of the UN agency", "officials in Kabul").  Parties need a word of politics ("opposition
    parties"): "the two parties", "parties to the conflict" are the sides of talks or of a war.
    """
    for m, _ in c.mentions:
        if m.kind == "pronoun":
            continue
        if m.kind != "nominal":
            return False
        words = set((m.role or "").split())
        if doc.tokens[m.head].lower in PARTY_HEADS and not words & POLITICAL_WORDS:
            return False
        for i in range(m.start, m.end):
            if i != m.head and _names_someone(doc, i):
                return False
        for k in doc.children[m.head]:
            tok = doc.tokens[k]
            owned = k > m.head and tok.dep == "prep" and tok.lower in OWNER_PREPS
            if owned and any(_names_someone(doc, j) for j in doc.subtree(k)[1:]):
                return False
    return True


def _names_someone(doc: AnnotatedDoc, i: int) -> bool:
    tok = doc.tokens[i]
    k = doc.ent_of_token[i]
    if k is not None and doc.ents[k].label in NAME_LABELS:
        return True
    first = doc.sentence_of(i).start_token
    return tok.pos == "PROPN" and i != first


OWNER_OF = frozenset({"of", "for", "from"})  # "the government *of* President X": X's; not "envoy *to* Iran"


def owner_country(doc: AnnotatedDoc, c: Cluster, names_at: dict[int, Cluster]) -> str | None:
    """The country of the one named actor a nameless description belongs to: a name among its modifiers
    ("Gbagbo's government") or the object of "of/for/from" right after it ("the government of President
    Laurent Gbagbo").  None when the owners disagree or have no country."""
    found: set[str] = set()
    for m, _ in c.mentions:
        if m.kind != "nominal":
            continue
        tokens = [i for i in range(m.start, m.end) if i != m.head]
        for k in doc.children[m.head]:
            if k > m.head and doc.tokens[k].dep == "prep" and doc.tokens[k].lower in OWNER_OF:
                tokens.extend(j for j in doc.children[k] if doc.tokens[j].dep == "pobj")
        for i in tokens:
            owner = names_at.get(i)
            if owner is not None and owner is not c and owner.country:
                found.add(owner.country)
    return found.pop() if len(found) == 1 else None
