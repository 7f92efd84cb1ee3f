"""Words of an article that name no actor: datelines, bylines, photo credits and wire credits.

"COLOMBO, Nov 5 (Reuters) –", "Washington (AFP) —", "Baghdad: ...", "By Jane Doe / AFP", "— Courtesy
USAID", "(ANI)": the place, the agency and the reporter there are the story's origin, not someone in it, so no
mention is made of them.  An agency that is the subject of a speech verb ("Reuters reported that ...") is
outside these regions and stays a (media) actor.

Patterns over lines (a line break ends a paragraph in news text), not the parse: datelines are where the
parser is weakest (no verb, capitals, dashes).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsevents.annotate.doc import AnnotatedDoc
    from newsevents.kb import ActorDictionary

# "COLOMBO –", "Washington (AFP) —", "LAGOS, Nigeria, May 3 (Reuters) -", "NEW DELHI, Dec 17 (PTI):"
_DATELINE = re.compile(
    r"^[ \t]*(?:[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})"  # the place, capitalised words
    r"(?:[ \t]*,[ \t]*[\w.'’ \t]{1,30}?)?"  # ", Nigeria" / ", Nov 5"
    r"(?:[ \t]*,[ \t]*[\w.'’ \t]{1,30}?)?"
    r"(?:[ \t]*\([\w.&/ \t-]{2,40}\))?"  # "(Reuters)"
    r"[ \t]*(?:[–—]|--?|:)[ \t]",
    re.MULTILINE,
)
# A colon dateline is only a single place word or a capitalised one ("Baghdad:", "NEW DELHI:") before a
# long line, not a headline's "Iran: talks to resume".
_MIN_LINE_AFTER_COLON = 60
_BYLINE = re.compile(r"^[ \t]*(?:By|BY|by)[ \t]+[A-Z][^\n]{0,80}$", re.MULTILINE)
_CREDIT_WORDS = (
    r"(?:[—–-][ \t]*)?\b(?:Courtesy|Photo(?:graph)?s?[ \t]*(?::|by|credit)|File[ \t]+photo|Credit:|Image:|"
    r"Picture:|Source:)[^\n]{0,80}"
)
_CREDIT = re.compile(
    _CREDIT_WORDS + r"|\b[\w.]+[ \t]*/[ \t]*(?:Getty[ \t]+Images|AFP|Reuters|AP|EPA|Xinhua)\b", re.IGNORECASE
)
# The same without the "Name / Agency" branch, which cannot match a text with no slash: the search is then
# twice as fast, and its matches are the same.
_CREDIT_NO_SLASH = re.compile(_CREDIT_WORDS, re.IGNORECASE)


@functools.lru_cache(maxsize=4)  # asked by the mention finder and by the article-focus count
def credit_regions(text: str) -> tuple[tuple[int, int], ...]:
    """Character ranges of datelines, bylines and photo credits."""
    out: list[tuple[int, int]] = []
    for m in _DATELINE.finditer(text):
        head = m.group(0)
        if head.rstrip().endswith(":"):
            line_end = text.find("\n", m.end())
            rest = (text[m.end() : line_end] if line_end >= 0 else text[m.end() :]).strip()
            if len(rest) < _MIN_LINE_AFTER_COLON or len(head.split()) > 2:
                continue
        out.append((m.start(), m.end()))
    out.extend((m.start(), m.end()) for m in _BYLINE.finditer(text))
    credit = _CREDIT if "/" in text else _CREDIT_NO_SLASH
    out.extend((m.start(), m.end()) for m in credit.finditer(text))
    return tuple(sorted(out))


def in_brackets(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` the whole of a bracket ("(ANI)")?  A news outlet's name there is a wire
    credit; the caller checks that it names one (an organisation's acronym in brackets is no credit)."""
    return text[start - 1 : start] == "(" and text[end : end + 1] == ")"


def inside(regions: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Does ``[start, end)`` lie within one of ``regions``?"""
    return any(a <= start and end <= b for a, b in regions)


def is_credit(
    doc: AnnotatedDoc,
    start: int,
    end: int,
    credits: Sequence[tuple[int, int]],
    known: ActorDictionary,
    date: str | None,
) -> bool:
    """Words of a dateline, byline or photo credit, or a news outlet's name in brackets ("(ANI)")."""
    if inside(credits, start, end):
        return True
    if not in_brackets(doc.text, start, end):
        return False
    name = doc.text[start:end]
    if name.lower() in news_agencies():
        return True
    hit = known.lookup(name, date)
    return hit is not None and hit.sector == "MED"


@functools.cache
def news_agencies() -> frozenset[str]:
    """Lower-cased names of wire services (``kb/news_agencies.csv``), read once per process."""
    text = resources.files("newsevents.kb").joinpath("news_agencies.csv").read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    return frozenset(line.lower() for line in lines if line and not line.startswith("#") and line != "name")
