"""Direct quotes: quoted stretches that stand as a statement, attributed through a nearby reporting cue.

Rules (names in ``Quote.rule``):
- ``quotes.direct.after``: the cue follows the quote ("“...,” Kuleba told reporters", "“...?” he asked");
- ``quotes.direct.before``: the cue precedes it ("He said: “...”", "The statement reads: “...”", or a
  sentence ending in a colon just before the quote's paragraph: "Caddell continued:");
- an interrupted quote ("“A,” he said. “B.”" or "“A,” he said, “B.”") is one quote whose content runs from
  the first fragment to the last, as attribution corpora annotate it;
- a quote with no cue of its own that opens a sentence right after a quote in the same or the previous
  paragraph ("“A,” she said.⏎⏎“B.”") continues that quote: one quote from A to B, as attribution corpora
  annotate a speaker's run of quoted paragraphs;
- ``quotes.direct.continued``: such a quote when someone else's cue stands between the two ("“A,” he
  said, citing X, who warned that Y.⏎⏎“B.”") is a quote of its own that inherits the speaker.

A quoted stretch that sits inside a clause ("called them “deplorables”") is a fragment, not a direct
quote: the indirect finder reports the clause as a mixed quote.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from newsevents.annotate.doc import AnnotatedDoc
from newsevents.extract.quotes.base import (
    Candidate,
    is_cue_verb,
    other_cue_within,
    speaker_spans,
    subject_of,
    trim,
    word_count,
)
from newsevents.extract.quotes.cues import Cues
from newsevents.extract.quotes.indirect import inherited_subject
from newsevents.extract.quotes.marks import Stretch

_STANDALONE_AFTER = set(":,;—–-(.!?…)”’\"'»")
MAX_INTRO_WORDS = 8  # words between a cue and the quote it introduces ("told reporters in Kyiv on Monday:")
MAX_CUE_DISTANCE = 12  # tokens between a quote and its cue ("“...,” said Jane Doe, a spokeswoman for X,")


def find_direct(doc: AnnotatedDoc, cues: Cues, stretches: Sequence[Stretch]) -> list[Candidate]:
    """Direct-quote candidates of ``doc`` from its quoted ``stretches`` (see :func:`find_stretches`)."""
    text = doc.text
    out: list[Candidate] = []
    last: tuple[Candidate, int] | None = None  # the previous direct quote and its paragraph
    for k, st in enumerate(stretches):
        if word_count(text[st.inner_start : st.inner_end]) == 0:
            continue
        para = _paragraph_of(text, st.start)
        before_text = text[_paragraph_start(text, st.start) : st.start].strip()
        if not _standalone(doc, st, before_text, cues):
            continue
        next_start = stretches[k + 1].start if k + 1 < len(stretches) else len(text)
        prev_end = stretches[k - 1].end if k > 0 else 0
        cue = _cue_after(doc, st, next_start, cues)
        rule = "quotes.direct.after"
        if cue is None:
            cue = _cue_before(doc, st, prev_end, before_text, cues)
            rule = "quotes.direct.before"
        start, end = trim(text, st.inner_start, st.inner_end)
        if end <= start:
            continue
        if last is not None:
            prev, prev_para = last
            same_cue = cue is not None and cue == prev.cue_token
            interrupted = (
                cue is None
                and prev_para == para
                and prev.cue is not None
                and prev.end <= prev.cue[0] < st.start
            )
            if same_cue or interrupted:
                merged = prev.with_content(prev.start, end)
                out[-1] = merged
                last = (merged, para)
                continue
        if cue is not None:
            subj = subject_of(doc, cue)
            if subj is None:
                subj = inherited_subject(doc, cue, cues)
            tok = doc.tokens[cue]
            speaker, head = speaker_spans(doc, subj) if subj is not None else (None, None)
            cand = Candidate(
                "direct",
                start,
                end,
                (tok.start, tok.end),
                speaker,
                rule,
                0.9,
                cue_token=cue,
                speaker_head=head,
            )
        elif (
            last is not None and para - last[1] <= 1 and not before_text and word_count(text[start:end]) >= 3
        ):
            prev = last[0]
            if not other_cue_within(doc, prev, prev.end, st.start, cues):
                merged = prev.with_content(prev.start, end)
                out[-1] = merged
                last = (merged, para)
                continue
            cand = Candidate(
                "direct",
                start,
                end,
                prev.cue,
                prev.speaker,
                "quotes.direct.continued",
                0.7,
                inherited=True,
                speaker_head=prev.speaker_head,
            )
        else:
            continue
        out.append(cand)
        last = (cand, para)
    return out


def _standalone(doc: AnnotatedDoc, st: Stretch, before_text: str, cues: Cues) -> bool:
    """A quote that stands as a statement: it opens its paragraph or follows ":" "," or a cue verb."""
    if not before_text or before_text[-1] in _STANDALONE_AFTER:
        return True
    j = _token_before(doc, st.start)
    return j is not None and is_cue_verb(doc, j, cues) and not _clause_goes_on(doc.text, st.end)


def _clause_goes_on(text: str, end: int) -> bool:
    """Do words follow the quote in its clause ("said “it gets me mad” every time ...")?  Then the quote is
    a fragment of the reported clause, and the indirect finder reports the whole clause as mixed speech."""
    rest = text[end : end + 40].lstrip(" \t\xa0")
    return bool(rest) and (rest[0].isalnum() or rest[0] in '“"‘')


def _cue_after(doc: AnnotatedDoc, st: Stretch, limit: int, cues: Cues) -> int | None:
    """The first cue verb after the quote, in the rest of its sentence (or the next short one)."""
    j0 = _token_from(doc, st.end)
    if j0 is None or "\n" in doc.text[st.end : doc.tokens[j0].start]:
        return None
    sent = doc.tokens[j0].sent  # a quote ending its sentence ("“...?” he asked.") gets the next one
    for j in range(j0, min(len(doc.tokens), j0 + MAX_CUE_DISTANCE)):
        t = doc.tokens[j]
        if t.start >= limit or t.sent != sent or "\n" in doc.text[st.end : t.start]:
            return None
        if is_cue_verb(doc, j, cues):
            return j
    return None


def _cue_before(doc: AnnotatedDoc, st: Stretch, prev_end: int, before_text: str, cues: Cues) -> int | None:
    """The last cue verb before the quote in its sentence, or in a preceding sentence ending with a colon."""
    first = _token_from(doc, st.inner_start)
    if first is None:
        return None
    if before_text:
        sent = doc.sentence_of(first)
        lo = max(sent.start, prev_end, _paragraph_start(doc.text, st.start))
        for j in range(first - 1, -1, -1):
            t = doc.tokens[j]
            if t.start < lo:
                break
            if t.end <= st.start and is_cue_verb(doc, j, cues):
                return j if _introduces(doc, j, first) else None
        return None
    # The quote opens its paragraph: a lead-in sentence ending with ":" ("Caddell continued:")?
    colon = _token_before(doc, st.start)
    if colon is None or doc.tokens[colon].text != ":" or doc.tokens[colon].end <= prev_end:
        return None
    lead = doc.sentence_of(colon)
    for c in range(colon - 1, lead.start_token - 1, -1):
        if doc.tokens[c].end <= prev_end:
            break
        if is_cue_verb(doc, c, cues):
            return c
    return None


def _introduces(doc: AnnotatedDoc, cue: int, quote_first: int) -> bool:
    """Does the cue introduce the quote ("said in a statement on Monday: “...”") rather than a clause that
    merely holds a quoted fragment ("said the plan, in his words, was “a disgrace”")?"""
    between = [t for t in doc.tokens[cue + 1 : quote_first] if t.pos not in ("PUNCT", "SPACE")]
    if len(between) > MAX_INTRO_WORDS:
        return False
    return not any(t.pos in ("VERB", "AUX") or (t.dep == "mark" and t.lower == "that") for t in between)


def _token_from(doc: AnnotatedDoc, char: int) -> int | None:
    """The first token starting at or after ``char``."""
    k = bisect.bisect_left(doc._token_starts, char)
    return k if k < len(doc.tokens) else None


def _token_before(doc: AnnotatedDoc, char: int) -> int | None:
    """The last non-space token ending at or before ``char``."""
    k = _token_from(doc, char)
    j = (k if k is not None else len(doc.tokens)) - 1
    while j >= 0 and (doc.tokens[j].end > char or doc.tokens[j].pos == "SPACE"):
        j -= 1
    return j if j >= 0 else None


def _paragraph_start(text: str, char: int) -> int:
    return text.rfind("\n", 0, char) + 1


def _paragraph_of(text: str, char: int) -> int:
    """Paragraph number (blank lines do not count) of ``char``."""
    return sum(1 for line in text[:char].split("\n")[:-1] if line.strip())
