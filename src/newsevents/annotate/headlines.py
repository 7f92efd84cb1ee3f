"""Title Case lines (headlines, section titles) parsed in sentence case.

The small English model tags nearly every capitalised word as a proper noun, so a headline such as
*Rebels In Ethiopia Accuse Government Of Launching Air Strike* comes out as one long name: no verb, no
subject, no object, and one ORG entity over half of it.  Such a line is parsed a second time in sentence
case and its tags, lemmas, dependencies, sentence bounds and entities replace the first parse's; the text
and the character offsets stay those of the original (the copy has the same length, only letters change
case).

Which capitals to keep is decided from the article itself (document-internal truecasing): a word keeps its
capital when the body writes it capitalised at least as often as in lower case away from sentence starts
(*Ethiopia*, *Tigray*, *President* before names), and otherwise is lower-cased (*rebels*, *accuse*,
*government*); a word in capitals throughout (*ECOWAS*, *U.S.*) and the first word of the line or of a
clause inside it (after a colon, a semicolon or an opening quote) keep theirs.  A line is Title Case only
when every content word is capitalised and at least two of them are written in lower case in the body:
a byline or a list of names (*By Vivian Sequera, Matt Spetalnick*) is left alone.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Words that Title Case styles leave in lower case; they say nothing about whether a line is Title Case.
MINOR_WORDS = frozenset({
    "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in", "of", "off",
    "on", "per", "to", "up", "via", "vs", "from", "into", "onto", "over", "than", "with", "upon", "out",
})  # fmt: skip
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
MIN_WORDS = 4
MIN_EVIDENCE = 2  # content words of the line that the body writes in lower case
CLAUSE_OPENERS = set(":;?!‘“'\"([—–")


def title_case_lines(text: str) -> list[tuple[int, int]]:
    """Character ranges (without surrounding blanks) of lines whose content words are all capitalised."""
    out = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        words = _WORD.findall(line)
        if len(words) < MIN_WORDS:
            continue
        content = [w for w in words if w.lower() not in MINOR_WORDS]
        if len(content) < MIN_WORDS - 1 or not all(w[0].isupper() for w in content):
            continue
        if all(w.isupper() for w in content):
            continue  # a line in capitals is another style (a shouted heading); its words keep no clue
        lead = len(line) - len(line.lstrip())
        out.append((start + lead, end - (len(line) - len(line.rstrip()))))
    return out


def _evidence(doc: Doc, skip: list[tuple[int, int]]) -> tuple[Counter[str], Counter[str], set[str]]:
    """How often the body writes each word in lower case and capitalised away from a sentence start, and
    the words it capitalises anywhere."""
    lower: Counter[str] = Counter()
    upper: Counter[str] = Counter()
    capitalised: set[str] = set()
    spans = iter(sorted(skip))
    cur = next(spans, None)
    prev_open = True
    for t in doc:
        while cur is not None and t.idx >= cur[1]:
            cur = next(spans, None)
        if cur is not None and cur[0] <= t.idx < cur[1]:
            prev_open = True
            continue
        text = t.text
        if t.is_alpha:
            if text.islower():
                lower[text] += 1
            elif text[0].isupper() and not text.isupper():
                capitalised.add(t.lower_)
                if not (t.is_sent_start or prev_open):
                    upper[t.lower_] += 1
        prev_open = t.is_space or (t.is_punct and text in CLAUSE_OPENERS)
    return lower, upper, capitalised


def sentence_case(doc: Doc, ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """``(start, end, text)`` for each Title Case range worth re-parsing: the line in sentence case."""
    ranges = list(ranges)
    if not ranges:
        return []
    lower, upper, capitalised = _evidence(doc, ranges)
    text = doc.text
    out = []
    for start, end in ranges:
        chars = list(text[start:end])
        evidence = 0
        opener = True
        for t in doc.char_span(start, end, alignment_mode="expand") or ():
            w = t.text
            begins_clause = opener
            opener = t.is_punct and w in CLAUSE_OPENERS
            if not t.is_alpha or begins_clause or not w[0].isupper() or (w.isupper() and len(w) > 1):
                continue
            low = w.lower()
            if low not in MINOR_WORDS and lower[low]:
                evidence += 1
            if upper[low] >= lower[low] and (upper[low] or low in capitalised):
                continue  # a name or a title the body capitalises (at a sentence start at least, never lower)
            k = t.idx - start
            if len(chars[k].lower()) == 1:
                chars[k] = chars[k].lower()
        if evidence >= MIN_EVIDENCE:
            out.append((start, end, "".join(chars)))
    return out
