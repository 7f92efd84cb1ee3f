"""Third-person pronouns: which earlier (or, for cataphora, later) actor a he / she / they refers to.

A pronoun links to the best-scoring *compatible* actor: gender and number agree (he/she: one person whose
gender, from honorific, role word, forename or earlier pronouns, is not the other one; they/their: a group,
a plural description or a collective body; its: a body), and binding holds (in "Obama praised him", "him"
is not Obama: a plain pronoun is never a co-argument of its antecedent's verb).  The score is a salience
in the manner of Lappin & Leass (1994), with the signals the GAP paper found strongest for cheap systems:

* recency — each sentence back costs, each paragraph break between the two costs more;
* grammatical role — a subject (more so a subject of a reporting verb) is more salient than an object;
  *parallelism*: a subject pronoun prefers a subject antecedent;
* a possessive ("his", "her") prefers the subject of its own clause ("Petter met his future wife");
* topicality — an actor mentioned often so far, and the first person the text names;
* a he/she prefers a person whose gender is known to agree over one whose gender is unknown;
* with nobody compatible within three sentences, a he/she takes the last person of that gender named up to
  ten sentences back (``pronoun_distant``);
* clause structure (``syntax.py``) — binding with understood subjects ("Joel convinced Andy to help him":
  not Andy), and the subject of the nearest clause above the pronoun gains (``pronoun_governing_subject``);
  a possessive in a phrase conjoined to a name takes it ("Eva Berg and her husband", ``pronoun_conjunct``);
* a he/she may take a lone proper name the entity tagger called a body or place ("Magee experimented
  with ... and published his books"), when nothing marks it as one (:func:`person_like`);
* cataphora — a pronoun in a clause fronted before its sentence's subject refers forward to that subject
  ("While touring with his band, Lewis wrote ..."); and a he/she opening a text before anyone is named
  refers to the first person named in the next two sentences.

The weights are set on GAP development data (never on its validation split) and on the real-news dev
articles, by error class; each link records its rule in ``Mention.resolved_by``.
"""

from __future__ import annotations

import bisect
import math
import re
from typing import TYPE_CHECKING

from newsevents.extract.actors import syntax
from newsevents.extract.actors.gender import name_word
from newsevents.extract.actors.mentions import MentionCandidate
from newsevents.extract.actors.roles import lexicon
from newsevents.kb import countries

if TYPE_CHECKING:
    from newsevents.extract.actors.coref import Cluster, Resolver

WINDOW_SENTENCES = 3
DISTANT_SENTENCES = 10  # how far back a he/she with nobody in the window may look (same gender only)
# Salience weights (see the module docstring).
WEIGHTS: dict[str, float] = {
    "sentence": 3.75,  # cost of each sentence between antecedent and pronoun
    "paragraph": 1.5,  # extra cost of each paragraph break between them
    "subject": 1.5,
    "reporting": 1.0,
    "name": 0.5,
    "parallel": 1.5,  # subject pronoun, subject antecedent
    "own_clause": 3.0,  # possessive pronoun, subject of its own clause
    "frequency": 1.0,  # times log(1 + earlier mentions of the actor)
    "topic": 1.0,  # the first person the text names
    "unknown_gender": 1.0,  # cost for a he/she when the person's gender is unknown
    "fronted": 6.0,  # pronoun in a fronted clause, main-clause subject after it
    "words": 0.5,  # cost of each ten words between antecedent and pronoun (up to 40)
    "guessed_gender": 6.0,  # cost for a he/she when the forename suggests the other gender
    "governing": 5.0,
    "conjunct": 5.0,  # "Martha and her husband": the possessive's phrase is conjoined to the name
    "tagged_body": 1.0,  # cost for a he/she linking to a name the tagger called a body or place  # subject of the nearest clause above the pronoun (extract/actors/syntax.py)
}
# Dependents of a clause's verb that, placed before the subject, make a fronted clause or phrase.
FRONTED_DEPS = frozenset({"advcl", "prep", "npadvmod", "advmod", "ccomp", "xcomp", "pcomp"})


def compatible(m: MentionCandidate, c: Cluster, strict: bool = False) -> bool:
    """Gender and number agreement between a pronoun and an actor (``strict``: a gender guessed from a
    forename counts as known; otherwise it only costs in :func:`salience`)."""
    gender = m.label.split(":")[1]
    if gender in ("m", "f"):
        agree = c.gender in (None, gender) or (c.gender_guessed and not strict)
        return c.person and c.number == "sg" and agree
    if m.number == "pl":
        return c.label in COLLECTIVE or c.number == "pl"
    return c.label in ("ORG", "GPE", "org", "country") and c.number == "sg"


COLLECTIVE = frozenset({"ORG", "GPE", "NORP", "org", "group", "country", "FAC", "LOC"})
TAGGED_NAMES = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC"})


def person_like(r: Resolver, c: Cluster) -> bool:
    """A name the entity tagger called a body or a place that may still be a person's ("Magee experimented
    with ..."): one to three capitalised proper nouns, no knowledge-base entry, no country, and no word of an
    office, body, sector or country (the small tagger often labels a lone surname ORG or GPE)."""
    if c.label not in TAGGED_NAMES or c.kb is not None or c.country or c.role_lemmas or c.number != "sg":
        return False
    lex = lexicon()
    index = countries()
    names = [x for x, _ in c.mentions if x.kind != "pronoun"]
    if not names or any(x.kind != "name" for x in names):
        return False
    for x in names:
        toks = r.doc.tokens[x.start : x.end]
        words = [t.text for t in toks if t.lower not in ("the", "'s")]
        if not 1 <= len(words) <= 3 or len(words) != len(toks):
            return False
        # Any part of speech: the tagger may call a name a verb ("Laming said").  "O'Rourke" is a name word.
        if any(not name_word(re.sub(r"^(O|D)['’]", "", t.text)) for t in toks):
            return False
        if any(lex.role(w) or lex.sector_of_word(w) or index.any(w) or _brand_case(w) for w in words):
            return False
    return True


def _brand_case(word: str) -> bool:
    """ "ZimLive", "YouTube": a capital inside a word marks a brand, not a surname ("McNair", "O'Neil",
    "LeBron" and "Jean-Luc" aside)."""
    for prefix in ("Mac", "Mc", "O'", "De", "Di", "Le", "La"):
        if word.startswith(prefix) and len(word) > len(prefix) and word[len(prefix)].isupper():
            word = word[len(prefix) :]
            break
    return any(ch.isupper() for part in word.split("-") for ch in part[1:])


def _paragraph_breaks(r: Resolver, prev: MentionCandidate, m: MentionCandidate) -> int:
    paras = r.doc.paragraph_of_sentence
    return max(0, paras[m.sent] - paras[prev.sent]) if paras else 0


def _earlier_mentions(c: Cluster, m: MentionCandidate) -> int:
    return sum(1 for x, _ in c.mentions if x.start < m.start)


def _topic(r: Resolver) -> Cluster | None:
    """The first person the text names (the page's or article's subject, most often)."""
    for _, _, x in r.history:
        if x.kind == "name" and x.label == "PERSON":
            return r.cluster_of(x)
    return None


def salience(r: Resolver, m: MentionCandidate, prev: MentionCandidate, c: Cluster) -> float:
    """How likely ``m`` refers to ``c``, seen through ``c``'s mention ``prev`` before it."""
    w = WEIGHTS
    distance = m.sent - prev.sent
    score = -w["sentence"] * distance - w["paragraph"] * _paragraph_breaks(r, prev, m)
    if prev.subject:
        score += w["subject"] + (w["parallel"] if m.subject else 0.0)
        if prev.reporting:
            score += w["reporting"]
        if distance == 0 and m.possessive and r.clause_head(prev.head) == r.clause_head(m.head):
            score += w["own_clause"]
    if prev.kind == "name":
        score += w["name"]
    score += w["frequency"] * math.log1p(_earlier_mentions(c, m))
    if c.person and c is _topic(r):
        score += w["topic"]
    gender = m.label.split(":")[1]
    if gender in ("m", "f") and c.gender is None:
        score -= w["unknown_gender"]
    elif gender in ("m", "f") and c.gender != gender:
        score -= w["guessed_gender"]  # the forename suggested the other gender
    # Nearness in words as well: of two candidates in one sentence, the nearer is the likelier.
    score -= w["words"] * min(m.start - prev.end, 40) / 10 if prev.end <= m.start else 0.0
    return score


def mention_over(r: Resolver, tok: int) -> MentionCandidate | None:
    """The placed mention whose head is token ``tok``, else one whose tokens hold it (a name's inner word)."""
    m = r.mention_with_head(tok)
    if m is not None:
        return m
    k = bisect.bisect_left(r.history, (tok - 12, -1))
    for _, _, x in r.history[k : k + 32]:
        if x.start <= tok < x.end:
            return x
    return None


def bound_clusters(r: Resolver, m: MentionCandidate) -> set[int]:
    """Binding: "Obama praised him" — a plain pronoun is not a co-argument of its antecedent's verb, nor the
    understood subject of its clause ("Joel convinced Andy to help him"); "Zoe was her bridesmaid"."""
    out = set()
    for head in syntax.bound_heads(r.doc, m.head, m.possessive):
        x = mention_over(r, head)
        c = r.cluster_of(x) if x is not None else None
        if c is not None:
            out.add(id(c))
    if m.possessive or m.span.text.lower().endswith("self"):
        return out
    verb = r.clause_head(m.head)
    if verb == m.head:
        return out
    for prev in r.recent(m, 0):
        c = r.cluster_of(prev)
        if c is not None and r.clause_head(prev.head) == verb:
            out.add(id(c))
    return out


def governing(r: Resolver, m: MentionCandidate, bound: set[int]) -> list[tuple[MentionCandidate, Cluster]]:
    """Mentions (and their clusters) that are subjects of the clauses above ``m``, nearest clause first."""
    out = []
    for head, _level in syntax.governing_subjects(r.doc, m.head, set()):
        x = mention_over(r, head)
        c = r.cluster_of(x) if x is not None else None
        if x is None and r.doc.tokens[head].pos == "PROPN":
            break  # a name the tagger missed governs the pronoun: no clause higher up does
        if x is None or c is None or id(c) in bound or x is m:
            continue
        if x.kind == "nominal" and not x.definite:
            continue  # "one soldier had died, although he ...": an indefinite introduces someone new
        out.append((x, c))
    return out


def _fronted_subject(r: Resolver, m: MentionCandidate) -> MentionCandidate | None:
    """The main-clause subject named after ``m`` when ``m`` sits in a clause or phrase fronted before it."""
    doc = r.doc
    j = m.head
    for _ in range(12):  # climb to the dependent of the sentence's main verb that holds the pronoun
        tok = doc.tokens[j]
        if tok.head == j or doc.tokens[tok.head].dep == "ROOT":
            break
        j = tok.head
    tok = doc.tokens[j]
    if tok.dep not in FRONTED_DEPS or tok.head == j or doc.tokens[tok.head].dep != "ROOT":
        return None
    verb = tok.head
    for k in doc.children[verb]:
        if doc.tokens[k].dep in ("nsubj", "nsubjpass") and k > m.head and j < k:
            return r.mention_with_head(k)
    return None


def _forward_ok(r: Resolver, m: MentionCandidate, c: Cluster) -> bool:
    """May a he/she refer forward to ``c``: a person whose known gender agrees, or a name tagged as a body
    that may be a person's."""
    if c.person:
        return compatible(m, c, strict=True)
    return not m.reporting and person_like(r, c)


def link_pronoun(r: Resolver, m: MentionCandidate) -> None:
    """Attach ``m`` to its best antecedent, or leave it unresolved when nothing compatible is near."""
    best: tuple[float, Cluster, str] | None = None
    bound = bound_clusters(r, m)
    gendered = m.label.split(":")[1] in ("m", "f")
    govern: Cluster | None = None  # the nearest governing subject that agrees with the pronoun
    for x, g in governing(r, m, bound):
        if compatible(m, g) or gendered and not m.reporting and person_like(r, g):
            govern = g
            # A subject named after the pronoun: "Before she joined the band, Ella Berg ..."
            if x.start > m.start and gendered and _forward_ok(r, m, g):
                best = (WEIGHTS["governing"] + salience(r, m, x, g), g, "pronoun_governing_subject")
            break
    owner: Cluster | None = None  # "Martha and her husband": the name the possessive's phrase is joined to
    k = syntax.conjoined_owner(r.doc, m.head) if m.possessive else None
    joined = mention_over(r, k) if k is not None else None
    if joined is not None and joined.start < m.start:
        owner = r.cluster_of(joined)
        if owner is not None and compatible(m, owner):
            govern = None  # the nearer relation decides: the phrase's own conjunct, not the clause's subject
    if gendered:
        later = _fronted_subject(r, m)
        f = r.cluster_of(later) if later is not None else None
        if later is not None and f is not None and _forward_ok(r, m, f):
            score = WEIGHTS["fronted"] + salience(r, m, later, f)
            if best is None or score > best[0]:
                best = (score, f, "pronoun_fronted_clause")
    for prev in r.recent(m, WINDOW_SENTENCES):
        c = r.cluster_of(prev)
        if c is None or id(c) in bound:
            continue
        tagged_body = (
            gendered
            and not compatible(m, c)
            and not m.reporting  # "..., she said": a speaker is a person the text names as one
            and (prev.sent == m.sent or prev.sent == m.sent - 1 and prev.subject)
            and person_like(r, c)
        )
        if not compatible(m, c) and not tagged_body:
            continue
        if c.label == "GPE" and m.number == "pl" and not prev.subject:
            continue  # "they" are rarely a place that is only mentioned
        score = salience(r, m, prev, c) - (WEIGHTS["tagged_body"] if tagged_body else 0.0)
        rule = "pronoun_reporting_subject" if prev.reporting else "pronoun_subject"
        rule = rule if prev.subject else "pronoun_recent"
        if c is govern and prev.sent == m.sent:
            score += WEIGHTS["governing"]
            rule = "pronoun_governing_subject"
        if c is owner:
            score += WEIGHTS["conjunct"]
            rule = "pronoun_conjunct"
        if best is None or score > best[0]:
            best = (score, c, rule)
    if best is None and gendered:
        best = _distant(r, m, bound)
    if best is not None:
        r.attach(m, best[1], best[2])
        return
    if m.sent <= 1 and gendered:
        cataphora(r, m)


def _distant(r: Resolver, m: MentionCandidate, bound: set[int]) -> tuple[float, Cluster, str] | None:
    """Nobody within the window: a he/she still means the last person of that gender named further back
    ("..., she said" after a paragraph about the talks), when that person's gender is known to agree."""
    gender = m.label.split(":")[1]
    best: tuple[float, Cluster, str] | None = None
    for prev in r.recent(m, DISTANT_SENTENCES):
        c = r.cluster_of(prev)
        if c is None or id(c) in bound or not c.person or c.number != "sg" or c.gender != gender:
            continue
        score = salience(r, m, prev, c)
        if best is None or score > best[0]:
            best = (score, c, "pronoun_distant")
    return best


def cataphora(r: Resolver, m: MentionCandidate) -> None:
    """ "He said ... \n\n Qalibaf made the comments": an opening pronoun names the next person."""
    for _, _, earlier in r.history:
        if earlier.start >= m.start:
            break
        c = r.cluster_of(earlier)
        if c is not None and c.person:
            return  # a person was named before: this is no article-opening pronoun
    for _, _, later in r.history:
        if later.start <= m.start or later.kind != "name" or later.sent > m.sent + 2:
            continue
        c = r.cluster_of(later)
        if c is not None and c.person and compatible(m, c, strict=True):
            r.attach(m, c, "cataphora")
            return
