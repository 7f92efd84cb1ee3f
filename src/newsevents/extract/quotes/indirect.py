"""Indirect (reported) speech from the dependency parse: a reporting cue, its speaker and its content.

Constructions (rule names in parentheses):
- "X said (that) S", "X told reporters S", content after or before the cue (``quotes.indirect.clause``);
- "But, he added, S" and "S, he said, S" where the cue hangs off the content (``quotes.indirect.parenthetical``);
- "..., adding that S", "and stressed S": a new quote by the governing cue's speaker (``quotes.participial``);
- "urged Congress to act", "accused Russia of war crimes", "called for talks" (``quotes.indirect.object``);
- "according to X, S" / "S, according to X" (``quotes.indirect.according-to``).
"""

from __future__ import annotations

from newsevents.annotate.doc import AnnotatedDoc
from newsevents.extract.quotes.base import (
    Candidate,
    has_quote_mark,
    is_cue_verb,
    speaker_spans,
    subject_of,
    trim,
    word_count,
)
from newsevents.extract.quotes.cues import Cues

_OBJECT_DEPS = {"xcomp", "dobj", "oprd", "dative", "prep"}
_CONTENT_PREPS = {"for", "on", "of", "about", "against", "to"}
_INHERITING_DEPS = {"advcl", "conj", "xcomp", "dep", "parataxis", "acl"}
_PARENTHETICAL_DEPS = {"parataxis", "ccomp", "advcl", "dep", "conj"}
MIN_CONTENT_WORDS = 2
_CONFIDENCE = {"quotes.indirect.object": 0.6, "quotes.indirect.parenthetical": 0.7}
_NARRATIVE_ADVERBS = {"then", "later", "afterwards", "afterward", "subsequently", "soon"}
_LEAD_IN_DEPS = {"cc", "advmod", "punct", "intj", "mark"}
_BARE_PREPS = {"to", "on"}
_ASIDE_CONTENT_DEPS = {"ccomp", "advcl", "parataxis", "dep"}


def find_indirect(doc: AnnotatedDoc, cues: Cues) -> list[Candidate]:
    """Every indirect-speech candidate of ``doc``, in text order."""
    out: list[Candidate] = []
    for t in doc.tokens:
        cand = _according_to(doc, t.i, cues)
        if cand is None and is_cue_verb(doc, t.i, cues):
            cand = _reported(doc, t.i, cues)
        if cand is not None:
            out.append(cand)
    return out


def _reported(doc: AnnotatedDoc, i: int, cues: Cues) -> Candidate | None:
    tok = doc.tokens[i]
    subj = subject_of(doc, i)
    inherited = False
    if subj is None and is_continuation(doc, i, cues):
        subj = inherited_subject(doc, i, cues)
        inherited = subj is not None
    if subj is None:
        return None  # no one to attribute it to ("It was announced that ...", a gerund inside a clause)
    rng = _complement_range(doc, i, cues, subj)
    rule = "quotes.participial" if inherited else "quotes.indirect.clause"
    if rng is not None and rng[2] == "object":
        rule = "quotes.participial" if inherited else "quotes.indirect.object"
    if rng is None and subj is not None and not inherited:
        rng = _parenthetical_range(doc, i, cues)
        rule = "quotes.indirect.parenthetical"
    if rng is None:
        return None
    a, b, _ = rng
    aside = _aside_sentence(doc, i, subj) if rule == "quotes.indirect.clause" else None
    if aside is not None:
        a, b = aside  # "S1, the official said, that S2": the cue interrupts its content
    elif b < i and rule == "quotes.indirect.clause":
        a = _clause_start(doc, i)  # "S1, but S2, a source said": the whole lead-in is the content
    if b > i:
        b = _through_colon(doc, b)
    b = _cut_at_continuation(doc, i, a, b, cues)
    if b < a:
        return None
    start, end = _content_chars(doc, a, b, cues)
    if end <= start or word_count(doc.text[start:end]) < MIN_CONTENT_WORDS:
        return None
    speaker, head = speaker_spans(doc, subj)
    if speaker is not None and start <= speaker[0] and speaker[1] <= end and not start <= tok.start < end:
        return None  # the "content" holds the speaker but not the cue: a parse error
    confidence = _CONFIDENCE.get(rule, 0.8)
    return Candidate(
        "indirect",
        start,
        end,
        (tok.start, tok.end),
        speaker,
        rule,
        confidence,
        cue_token=i,
        inherited=inherited,
        speaker_head=head,
    )


def is_continuation(doc: AnnotatedDoc, i: int, cues: Cues, *, set_off: bool = False) -> bool:
    """A subjectless cue continuing someone's words: ", adding that ...", "and stressed that ...", "a
    statement saying ..." (not a gerund inside a clause: "pilloried for acknowledging that ...").  With
    ``set_off`` a participle must follow a comma or "and", as a continuation that ends the previous quote."""
    tok = doc.tokens[i]
    if tok.dep not in _INHERITING_DEPS or subject_of(doc, i) is not None:
        return False
    if tok.tag == "VBG" and set_off:
        first = doc.subtree(i)[0]
        return first > 0 and doc.tokens[first - 1].text in (",", ";", "—", "–", "and", "while")
    return tok.tag == "VBG" or tok.dep in ("conj", "xcomp")  # "went on to say that ..."


def inherited_subject(doc: AnnotatedDoc, i: int, cues: Cues) -> int | None:
    """The speaker of a subjectless cue ("..., adding that"): the subject of the nearest governing cue verb,
    else of the nearest governing verb."""
    fallback: int | None = None
    for j in doc.ancestors(i):
        if doc.tokens[j].sent != doc.tokens[i].sent:
            break
        subj = subject_of(doc, j)
        if is_cue_verb(doc, j, cues):
            if subj is not None:
                return subj
            continue
        if subj is not None and fallback is None and doc.tokens[j].pos in ("VERB", "AUX"):
            fallback = subj
    return fallback


def _complement_range(doc: AnnotatedDoc, i: int, cues: Cues, subj: int | None) -> tuple[int, int, str] | None:
    """Token range ``[a, b]`` of the cue's content clause (ccomp), or of its object-like complements."""
    kids = doc.children[i]
    for j in kids:
        if doc.tokens[j].dep == "ccomp":
            sub = doc.subtree(j)
            return sub[0], _through_misattached_conjunct(doc, i, sub[-1], cues), "clause"
    if not cues.takes_object_content(doc.tokens[i].lemma):
        return None
    parts: list[int] = []
    for j in kids:
        t = doc.tokens[j]
        if j < i or j == subj or t.dep not in _OBJECT_DEPS:
            continue
        if t.dep == "prep" and t.lower not in _CONTENT_PREPS:
            continue
        parts.extend(doc.subtree(j))
    if not parts or _bare_noun_object(doc, i, parts, cues):
        return None
    return min(parts), max(parts), "object"


def _bare_noun_object(doc: AnnotatedDoc, i: int, parts: list[int], cues: Cues) -> bool:
    """Only a noun phrase (and "to"/"on" + noun): "denied the report on Friday", "pledged loyalty to the
    group", "asked the students" are not speech content unless the verb takes noun content (``noun_object_verbs``)."""
    toks = doc.tokens
    heads = [j for j in parts if toks[j].head == i]
    if any(
        toks[j].dep not in ("dobj", "prep") or toks[j].dep == "prep" and toks[j].lower not in _BARE_PREPS
        for j in heads
    ):
        return False
    if any(toks[j].pos in ("VERB", "AUX") or has_quote_mark(toks[j].text) for j in parts):
        return False  # a clause, or quoted words ("called Mrs. Schlafly an ''Aunt Tom''")
    # a noun-content verb still needs a direct object: "announced on Tuesday" says nothing
    return not cues.takes_noun_content(toks[i].lemma) or not any(toks[j].dep == "dobj" for j in heads)


def _through_misattached_conjunct(doc: AnnotatedDoc, i: int, b: int, cues: Cues) -> int:
    """The parse often hangs the second half of "X says that A, but B" on the cue instead of on A: a
    conjunct of the cue right after the content, with a subject of its own and no cue inside, is content."""
    toks = doc.tokens
    for j in doc.children[i]:
        if j <= b or toks[j].dep != "conj" or toks[j].pos not in ("VERB", "AUX"):
            continue
        sub = doc.subtree(j)
        gap = [k for k in range(b + 1, sub[0])]
        if not all(toks[k].dep in ("cc", "punct") or toks[k].pos == "SPACE" for k in gap):
            continue
        if not any(toks[k].dep == "cc" for k in range(b + 1, j)):
            continue
        if subject_of(doc, j) is None or any(is_cue_verb(doc, k, cues) for k in sub):
            continue
        if any(toks[k].dep == "advmod" and toks[k].lower in _NARRATIVE_ADVERBS for k in doc.children[j]):
            continue  # "said the bridge was safe, and then he drove home": the story goes on
        return sub[-1]
    return b


def _parenthetical_range(doc: AnnotatedDoc, i: int, cues: Cues) -> tuple[int, int, str] | None:
    """Content of a cue that hangs off its content: "But, he added, S" / "S, he said" / "S, he said, S"."""
    tok = doc.tokens[i]
    if tok.dep not in _PARENTHETICAL_DEPS or tok.head == i:
        return None
    head = tok.head
    if doc.tokens[head].sent != tok.sent or is_cue_verb(doc, head, cues):
        return None
    whole = doc.subtree(head)
    cue_part = doc.subtree(i)
    if not _set_off(doc, cue_part, whole):
        return None  # "X said that Moscow would respond": a clause inside the content, not an aside
    a, b = whole[0], whole[-1]
    lead_in = [j for j in whole if j < cue_part[0]]
    if all(doc.tokens[j].dep in _LEAD_IN_DEPS for j in lead_in):
        a = cue_part[-1] + 1  # "But, he added, S": only connectives precede the cue
    elif cue_part[-1] >= b:
        b = cue_part[0] - 1  # "S, he said."
    return (a, b, "clause") if a <= b else None


def _aside_sentence(doc: AnnotatedDoc, i: int, subj: int) -> tuple[int, int] | None:
    """The content around a cue set off by commas in mid-sentence ("S1, officials insist, because S2",
    "Rather than S1, said Smith, a spokesman, S2"): from the clause start to the end of the cue's clause
    after the second comma; None when the cue does not interrupt its content."""
    toks = doc.tokens
    sent = doc.sentence_of(i)
    group = [i, *doc.subtree(subj)]
    left, right = min(group), max(group)
    start = _clause_start(doc, i)
    if left - 1 <= start or toks[left - 1].text != ",":
        return None
    for j in doc.children[i]:
        if j <= right or toks[j].dep not in _ASIDE_CONTENT_DEPS:
            continue
        sub = doc.subtree(j)
        before = [k for k in range(right, sub[0]) if toks[k].pos != "SPACE"]
        if toks[before[-1]].text != "," or toks[j].tag == "VBG":
            return None  # "S, he said in a statement on Friday, adding that T": a continuation
        tail = [k for k in range(sub[-1] + 1, sent.end_token) if toks[k].pos not in ("PUNCT", "SPACE")]
        return (start, sub[-1]) if not tail else None
    return None


def _set_off(doc: AnnotatedDoc, cue_part: list[int], whole: list[int]) -> bool:
    """An aside is set off by punctuation on both sides, or by connectives before it ("But, he added, S")
    or the end of its clause after it ("S, he said.")."""
    toks = doc.tokens
    before, after = cue_part[0] - 1, cue_part[-1] + 1
    left = (
        toks[cue_part[0]].pos == "PUNCT"
        or (before >= 0 and toks[before].pos == "PUNCT")
        or all(toks[j].dep in _LEAD_IN_DEPS for j in whole if j < cue_part[0])
    )
    right = toks[cue_part[-1]].pos == "PUNCT" or after > whole[-1] or toks[after].pos == "PUNCT"
    return left and right


def _through_colon(doc: AnnotatedDoc, b: int) -> int:
    """Content that ends at a colon goes on with what the colon introduces ("said it falls flat for one
    reason: the pride ...", "said a deal was possible: ''In business, ...''"), up to that sentence's end."""
    toks = doc.tokens
    k = b + 1
    if k + 1 >= len(toks) or toks[k].text != ":" or toks[k + 1].pos == "SPACE" and "\n" in toks[k + 1].text:
        return b
    end = doc.sentence_of(k + 1).end_token - 1
    while end > k and toks[end].pos in ("PUNCT", "SPACE") and toks[end].text not in "\"'”’":
        end -= 1
    return end if end > k else b


def _clause_start(doc: AnnotatedDoc, i: int) -> int:
    """The first token of the cue's sentence, or the one after an earlier cue or colon in that sentence."""
    sent = doc.sentence_of(i)
    for j in range(i - 1, sent.start_token - 1, -1):
        if doc.tokens[j].text == ":":
            return j + 1
    return sent.start_token


def _cut_at_continuation(doc: AnnotatedDoc, i: int, a: int, b: int, cues: Cues) -> int:
    """End the content before a participial continuation inside it ("S, adding that T"): T is its own quote."""
    for j in range(a, b + 1):
        t = doc.tokens[j]
        if (
            j != i
            and t.tag == "VBG"
            and is_cue_verb(doc, j, cues)
            and is_continuation(doc, j, cues, set_off=True)
        ):
            return min(b, doc.subtree(j)[0] - 1)
    return b


def _content_chars(doc: AnnotatedDoc, a: int, b: int, cues: Cues) -> tuple[int, int]:
    toks = doc.tokens
    while a <= b and (
        toks[a].dep == "mark" and toks[a].lower in cues.content_marks or toks[a].pos == "PUNCT"
    ):
        if toks[a].pos == "PUNCT" and toks[a].text in "“\"‘'«":
            break
        a += 1
    if a > b:
        return 0, 0
    return trim(doc.text, toks[a].start, toks[b].end)


def _according_to(doc: AnnotatedDoc, i: int, cues: Cues) -> Candidate | None:
    """ "according to X, S" / "S, according to X": X speaks, the rest of the sentence is the content."""
    toks = doc.tokens
    first = toks[i].lower
    for phrase in cues.according_phrases:
        n = len(phrase)
        # the first word decides for almost every token; the whole phrase is compared only when it matches
        if phrase[0] != first or i + n > len(toks) or tuple(t.lower for t in toks[i : i + n]) != phrase:
            continue
        last = i + n - 1
        objs = [j for j in doc.children[last] if toks[j].dep == "pobj"]
        if not objs:
            return None
        sent = doc.sentence_of(i)
        phrase_tokens = [i, *doc.subtree(last)]
        p0, p1 = min(phrase_tokens), max(phrase_tokens)
        a, b = sent.start_token, sent.end_token - 1
        if p0 - a <= 1:  # leading ("But according to ...")
            a = p1 + 1
        elif b - p1 <= 1:
            b = p0 - 1
        start, end = _content_chars(doc, a, b, cues)
        if end <= start or word_count(doc.text[start:end]) < MIN_CONTENT_WORDS:
            return None
        cue = (toks[i].start, toks[last].end)
        speaker, head = speaker_spans(doc, objs[0])
        rule = "quotes.indirect.according-to"
        return Candidate("indirect", start, end, cue, speaker, rule, 0.8, cue_token=i, speaker_head=head)
    return None
