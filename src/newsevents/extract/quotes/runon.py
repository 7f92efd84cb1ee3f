"""Reported speech that runs on into a quoted sentence with no cue of its own.

"Clinton said she and Obama had made progress. “I really believe the president has done a great job.”" and
"Sanders “has become a leader,” said Borosage. “This movement now has two voices.”": the quoted sentence
after the indirect or mixed quote has no cue, so no finder attributes it, and attribution corpora
(PolNeAR) count it as part of the quote before it.  The quote's content runs on to that sentence's closing
mark, provided nothing but the rest of the quote's own sentence (its cue, its speaker) stands between them
in the same paragraph.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsevents.annotate.doc import AnnotatedDoc
from newsevents.extract.quotes.base import Candidate, other_cue_within, trim, word_count
from newsevents.extract.quotes.cues import Cues
from newsevents.extract.quotes.marks import Stretch

MIN_RUN_ON_WORDS = 3
_SENTENCE_END = (".", "?", "!", "…")
_CLOSING_MARKS = "\"'”’»"


def run_on(
    doc: AnnotatedDoc, cands: Sequence[Candidate], stretches: Sequence[Stretch], cues: Cues
) -> list[Candidate]:
    """``cands`` with each indirect or mixed quote extended over the cue-less quoted sentences after it."""
    closed = [st for st in stretches if st.closed]
    out = list(cands)
    for n, cand in enumerate(out):
        if cand.kind == "direct":
            continue
        end = cand.end
        for st in closed:
            if st.start < end:
                continue
            if not _runs_on(doc, cand, end, st, out, cues):
                break
            end = trim(doc.text, st.inner_start, st.inner_end)[1]
        if end != cand.end:
            out[n] = cand.with_content(cand.start, end)
    return out


def _runs_on(
    doc: AnnotatedDoc, cand: Candidate, end: int, st: Stretch, cands: Sequence[Candidate], cues: Cues
) -> bool:
    text = doc.text
    gap = text[end : st.start]
    if "\n" in gap or not gap.strip(_CLOSING_MARKS + " ").endswith(_SENTENCE_END) and gap.strip():
        return False  # another paragraph, or the quote opens inside a sentence ("the plan, “a farce”")
    inner = text[st.inner_start : st.inner_end].rstrip()
    if word_count(inner) < MIN_RUN_ON_WORDS or not inner.endswith(_SENTENCE_END):
        return False
    if any(c.start < st.end and st.start < c.end for c in cands):
        return False  # someone's quote already
    after = text[st.end : text.find("\n", st.end) if "\n" in text[st.end :] else len(text)].lstrip()
    if after and not (after[0].isupper() or after[0] in _CLOSING_MARKS + "“‘«"):
        return False  # the sentence goes on after the closing mark: "“We lost.” he said" is the next cue's
    # another cue between them or inside the quoted sentence
    return not other_cue_within(doc, cand, end, st.end, cues)
