"""What the direct and indirect quote finders share: the candidate record and parse helpers."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from newsevents.annotate.doc import AnnotatedDoc
from newsevents.extract.quotes.cues import Cues

QuoteKind = Literal["direct", "indirect", "mixed"]

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
NAME_ENTS = ("PERSON", "ORG", "GPE", "NORP", "FAC")
# Dependents that belong to a speaker's words ("the Iranian parliament speaker", "Hamas' political chief").
_NP_LEFT_DEPS = {
    "det",
    "amod",
    "compound",
    "poss",
    "case",
    "nmod",
    "nummod",
    "quantmod",
    "punct",
    "flat",
    "advmod",
}
_QUOTE_CHARS = "\"'“”‘’«»„‹›`"
_TRAILING_TRIM = set(" \t\n,;:.—–-") | {"(", "["}
_LEADING_TRIM = set(" \t\n,;:—–-") | {")", "]"}
_TRAILING_WORDS = {"and", "but", "or"}
_LEAD_IN_DASHES = {"—", "–", "-", "--"}
_NOMINAL_POS = {"PROPN", "NOUN", "PRON"}


@dataclass(frozen=True, slots=True)
class Candidate:
    """A quote found by one rule, before merging: character offsets, not yet records."""

    kind: QuoteKind
    start: int  # content
    end: int
    cue: tuple[int, int] | None
    speaker: tuple[int, int] | None
    rule: str
    confidence: float
    cue_token: int | None = None
    inherited: bool = False  # the speaker came from another clause ("..., adding that", a continued quote)
    speaker_head: tuple[int, int] | None = None  # the head word (or its name) inside ``speaker``

    def with_content(self, start: int, end: int) -> Candidate:
        return replace(self, start=start, end=end)


def np_span(doc: AnnotatedDoc, i: int) -> tuple[int, int]:
    """Character span of the noun phrase headed by token ``i`` (left modifiers, compounds, its entity)."""
    toks = doc.tokens
    left = i
    for j in sorted(doc.children[i]):
        if j < i and toks[j].dep in _NP_LEFT_DEPS:
            left = min(left, doc.subtree(j)[0])
    right = i
    for j in sorted(doc.children[i]):
        if j > i and toks[j].dep in ("compound", "flat", "flat:name") and j == right + 1:
            right = j
    k = doc.ent_of_token[i]
    if k is not None and doc.ents[k].label in NAME_ENTS:
        ent = doc.ents[k]
        left, right = min(left, ent.start_token), max(right, ent.end_token - 1)
    while left < i and toks[left].dep == "punct":
        left += 1
    return toks[left].start, toks[right].end


def head_span(doc: AnnotatedDoc, i: int) -> tuple[int, int]:
    """Character span of token ``i``, widened to the name entity it belongs to ("Saeed Khatibzadeh")."""
    k = doc.ent_of_token[i]
    if k is not None and doc.ents[k].label in NAME_ENTS:
        return doc.ents[k].start, doc.ents[k].end
    return doc.tokens[i].start, doc.tokens[i].end


def speaker_spans(doc: AnnotatedDoc, subj: int) -> tuple[tuple[int, int], tuple[int, int]]:
    """(phrase, head) character spans for the speaker token ``subj``.  A relative pronoun ("Kamin, who
    said that ...") is resolved through the noun its clause modifies: the phrase runs from that noun's
    phrase to the pronoun, the head is the noun."""
    tok = doc.tokens[subj]
    if tok.tag in ("WP", "WDT") and doc.tokens[tok.head].dep == "relcl":
        antecedent = doc.tokens[tok.head].head
        phrase = np_span(doc, antecedent)
        return (min(phrase[0], tok.start), max(phrase[1], tok.end)), head_span(doc, antecedent)
    return np_span(doc, subj), head_span(doc, subj)


def subject_of(doc: AnnotatedDoc, verb: int) -> int | None:
    """The subject token of ``verb``: nsubj, or the object of a passive's "by" agent.

    A subject that is only a lead-in (a time stamp or a dateline before a line break or dash, "9:30 p.m.⏎⏎",
    "LONDON (Reuters) —"; a date "Saturday at the convention Sen. Warren said") gives way to the words next
    to the verb: another subject, or the phrase inside its own subtree (:func:`_past_lead_in`)."""
    kids = doc.children[verb]
    subjects = [j for j in kids if doc.tokens[j].dep in SUBJECT_DEPS and doc.tokens[j].dep != "nsubjpass"]
    if subjects:
        # Of two subjects the one nearer the verb ('“Like Oakland. Or Ferguson,” Trump said'), but not a
        # floating quantifier ("figures — whose … — both suggested").
        before = [j for j in subjects if j < verb and doc.tokens[j].tag != "DT"]
        if not before and doc.tokens[subjects[0]].tag == "DT":  # the parse left the noun as a bare "dep"
            before = [
                j
                for j in kids
                if j < subjects[0] and doc.tokens[j].dep == "dep" and doc.tokens[j].pos in _NOMINAL_POS
            ]
        return _past_lead_in(doc, before[-1] if before else subjects[0], verb)
    for j in kids:
        if doc.tokens[j].dep == "agent":
            for g in doc.children[j]:
                if doc.tokens[g].dep == "pobj":
                    return g
    return None


def _lead_in_cut(doc: AnnotatedDoc, subj: int, verb: int) -> int | None:
    """The last line break, or (after a place or time: a dateline) spaced dash, between ``subj`` and ``verb``."""
    toks = doc.tokens
    place_or_time = toks[subj].ent_type in ("GPE", "LOC", "DATE", "TIME") or toks[subj].text.isupper()
    cut = None
    for k in range(subj + 1, verb):
        t = toks[k]
        dash = place_or_time and t.text in _LEAD_IN_DASHES and doc.text[t.start - 1].isspace()
        if dash or ("\n" in t.text and not t.text.strip()):
            cut = k
    return cut


def _past_lead_in(doc: AnnotatedDoc, subj: int, verb: int) -> int:
    """The speaker token when the parse made a lead-in the subject: past the cut (:func:`_lead_in_cut`), the
    root of the subject's words after it ("9:30 p.m.⏎⏎Donald Trump says", "CLEVELAND (UPI) — Michael
    Mukasey told"); for a date or time subject, the last name inside its phrase."""
    toks = doc.tokens
    if subj > verb:
        return subj
    cut = _lead_in_cut(doc, subj, verb)
    tree = [k for k in doc.subtree(subj) if k < verb]
    if cut is not None:
        after = [
            k for k in tree if k > cut and not (cut < toks[k].head < verb) and toks[k].pos in _NOMINAL_POS
        ]
        if after:
            return after[0]
    if toks[subj].ent_type in ("DATE", "TIME"):
        names = [k for k in tree if k > subj and toks[k].ent_type in ("PERSON", "ORG")]
        if names:
            return names[-1]
    return subj


def is_cue_verb(doc: AnnotatedDoc, i: int, cues: Cues) -> bool:
    t = doc.tokens[i]
    if t.pos not in ("VERB", "AUX") or t.dep in ("amod", "compound"):
        return False
    lemma = t.lemma.lower()
    if lemma in cues.speech_verbs:
        return True
    if lemma in cues.document_verbs:
        subj = subject_of(doc, i)
        return subj is not None and doc.tokens[subj].lemma.lower() in cues.document_nouns
    return False


def other_cue_within(doc: AnnotatedDoc, cand: Candidate, start: int, end: int, cues: Cues) -> bool:
    """Is a cue verb other than ``cand``'s own in characters ``[start, end)`` (someone else's words)?"""
    return any(i != cand.cue_token and is_cue_verb(doc, i, cues) for i in doc.tokens_within(start, end))


def trim(text: str, start: int, end: int, marks: frozenset[str] = frozenset()) -> tuple[int, int]:
    """Shrink ``[start, end)`` past surrounding punctuation and spaces, a leading word of ``marks`` ("that")
    and a dangling "and"/"but"/"or"."""
    changed = True
    while changed and start < end:
        changed = False
        while start < end and text[start] in _LEADING_TRIM:
            start, changed = start + 1, True
        while end > start and (text[end - 1] in _TRAILING_TRIM or text[end - 1].isspace()):
            end, changed = end - 1, True
        first = _first_word(text, start, end)
        after = start + len(first)
        if first and first.lower() in marks and after < end and (text[after].isspace() or text[after] == ","):
            start, changed = after, True
        last = _last_word(text, start, end)
        if (
            last
            and last.lower() in _TRAILING_WORDS
            and end - len(last) > start
            and text[end - len(last) - 1].isspace()
        ):
            end, changed = end - len(last), True
    return start, end


def _first_word(text: str, start: int, end: int) -> str:
    k = start
    while k < end and text[k].isalpha():
        k += 1
    return text[start:k]


def _last_word(text: str, start: int, end: int) -> str:
    k = end
    while k > start and text[k - 1].isalpha():
        k -= 1
    return text[k:end]


def has_quote_mark(text: str) -> bool:
    return any(c in _QUOTE_CHARS for c in text)


def word_count(text: str) -> int:
    return sum(1 for w in text.split() if any(c.isalnum() for c in w))
