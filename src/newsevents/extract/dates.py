"""Event dates: find date expressions in a text span and resolve them against the article date.

Finding and normalising are separate on purpose (FIELD-NOTES): dateparser's own search finds false dates
("may", "a second"), so candidate spans come from spaCy DATE entities plus the patterns below, and only the
candidate text is handed to ``dateparser`` (``languages=['en']``, ``RELATIVE_BASE`` = article date,
``PREFER_DATES_FROM='past'``, ``PREFER_DAY_OF_MONTH='first'``).  News conventions dateparser does not know
are handled here, each with its reason:

* a weekday equal to the article's weekday means the article day, not the week before;
* "earlier this month/week", "the previous day", "a day earlier", "last <Month>" have no dateparser result;
* durations ("six months", "the next three years", "48-hour") are not dates, although dateparser parses some.

Precision is kept: ``day`` (YYYY-MM-DD), ``month`` (YYYY-MM) or ``year`` (YYYY).  A week-level expression
("last week", "earlier this week") cannot name a day, so it resolves to the month holding that week.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

Precision = Literal["day", "month", "year"]
Tense = Literal["past", "present", "future"]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_WD = "|".join(WEEKDAYS)

# Patterns for date expressions spaCy often misses or cuts short; each finds a candidate span only.
DATE_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        rf"\b(?:(?:late|early)\s+(?:on\s+)?)?(?:last\s+|next\s+|this\s+)?(?:{_WD})(?:\s+(?:night|morning|afternoon|evening))?\b",
        r"\b(?:earlier|later)\s+(?:this|in\s+the|that)\s+(?:week|month|year)\b",
        r"\b(?:the\s+)?(?:previous|following)\s+(?:day|week|month|year|night)\b",
        r"\b(?:a|one)\s+day\s+(?:earlier|before|later)\b",
        r"\b(?:last|this|next)\s+(?:week|month|year|weekend)\b",
        r"\b(?:yesterday|today|tonight|overnight)\b",
        rf"\b(?:(?:last|early|late|mid)[-\s]+)?(?:{MONTHS})\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+\d{{4}})?\b",
        rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS})(?:,?\s+\d{{4}})?\b",
        r"\b(?:in|since|during)\s+(?:19|20)\d{2}\b",
    )
)
# Month words (the names and the abbreviations of MONTHS) -> month number, for :func:`_month_form`.
MONTH_NUMBERS = {
    word: k
    for k, words in enumerate(
        ("january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul", "august aug",
         "september sep sept", "october oct", "november nov", "december dec"),
        start=1,
    )
    for word in words.split()
}  # fmt: skip
_ORDINAL_SUFFIX = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}
# "november", "feb. 2", "march 1st 2012", "5 october 2021", "december 2010" (lower-cased, commas dropped)
_MONTH_FORM = re.compile(
    rf"(?:(?P<m>{MONTHS})\.?(?: (?P<d>\d{{1,2}})(?P<o>st|nd|rd|th)?)?"
    rf"|(?P<d2>\d{{1,2}})(?P<o2>st|nd|rd|th)? (?P<m2>{MONTHS})\.?)(?: (?P<y>(?:19|20)\d{{2}}))?"
)
# The same patterns for lower-cased text: without IGNORECASE the regex engine runs about twice as fast.
_LOWER_DATE_PATTERNS = tuple(re.compile(p.pattern) for p in DATE_PATTERNS)
# Characters that IGNORECASE matches to an ASCII letter although lower() keeps them apart ("ı" ~ "i",
# "ſ" ~ "s"): a text holding one is searched with the IGNORECASE patterns.
_CASE_FOLD_ONLY = ("\u0131", "\u017f")
# "May" and "March" are also words: a bare month counts only when capitalised.
_AMBIGUOUS_MONTHS = {"may", "march"}
_DURATION = re.compile(
    r"^(?:for\s+|over\s+|within\s+|the\s+)?(?:the\s+)?(?:past|next|last|first|coming|recent)?\s*"
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|many|"
    r"\d+-(?:hour|day|week|month|year))[-\s]*"
    r"(?:hours?|days?|weeks?|months?|years?|decades?|centuries|century)?(?:-old|-long)?$",
    re.IGNORECASE,
)
_NOT_POINT = re.compile(r"\b(?:\d{4}\s*[-–]\s*\d{4}|\d{4}s|centur|decade|era|war|world)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    value: str  # "YYYY-MM-DD", "YYYY-MM" or "YYYY"
    precision: Precision
    tense: Tense  # relative to the article date
    rule: str


def _fmt(d: dt.date, precision: Precision) -> str:
    if precision == "day":
        return d.isoformat()
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return f"{d.year:04d}"


def _tense(d: dt.date, base: dt.date, precision: Precision) -> Tense:
    if _fmt(d, precision) == _fmt(base, precision):
        return "present"
    return "future" if d > base else "past"


def _resolved(d: dt.date, base: dt.date, precision: Precision, rule: str) -> ResolvedDate:
    return ResolvedDate(_fmt(d, precision), precision, _tense(d, base, precision), rule)


@lru_cache(maxsize=64)
def _parser(base: dt.date) -> DateDataParser:
    """One dateparser object per article date (construction is the slow part; FIELD-NOTES)."""
    from dateparser.date import DateDataParser

    settings = {
        "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day, 12, 0),
        "PREFER_DATES_FROM": "past",
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_TIME_AS_PERIOD": True,
    }
    return DateDataParser(languages=["en"], settings=settings)


def parse_article_date(value: str | None) -> tuple[dt.date, Precision] | None:
    """The article's ``YYYY[-MM[-DD]]`` date as a date plus its precision."""
    if not value:
        return None
    parts = value.split("-")
    try:
        nums = [int(p) for p in parts[:3]]
        if len(nums) == 3:
            return dt.date(*nums), "day"
        if len(nums) == 2:
            return dt.date(nums[0], nums[1], 1), "month"
        return dt.date(nums[0], 1, 1), "year"
    except ValueError:
        return None


def _month_shift(d: dt.date, months: int) -> dt.date:
    k = d.year * 12 + d.month - 1 + months
    return dt.date(k // 12, k % 12 + 1, 1)


def _relative_news_terms(t: str, base: dt.date) -> ResolvedDate | None:
    """News phrases dateparser has no answer (or the wrong answer) for."""
    if re.search(r"\b(?:today|tonight|this (?:morning|afternoon|evening))\b", t):
        return _resolved(base, base, "day", "dates.today")
    if re.search(r"\b(?:previous (?:day|night)|day (?:earlier|before)|yesterday|last night|overnight)\b", t):
        return _resolved(base - dt.timedelta(days=1), base, "day", "dates.previous-day")
    if re.search(r"\b(?:following day|day later|tomorrow)\b", t):
        return _resolved(base + dt.timedelta(days=1), base, "day", "dates.next-day")
    m = re.search(r"\b(earlier|later) (?:this|in the|that) (week|month|year)\b", t)
    if m:
        return _resolved(base, base, "year" if m.group(2) == "year" else "month", f"dates.{m.group(1)}-this")
    if re.search(r"\b(?:this|the) weekend\b", t):
        return _resolved(base, base, "month", "dates.weekend")
    m = re.search(r"\b(last|previous|next|this) (week|month|year)\b", t)
    if m:
        step = {"last": -1, "previous": -1, "next": 1, "this": 0}[m.group(1)]
        if m.group(2) == "year":
            return _resolved(dt.date(base.year + step, 1, 1), base, "year", f"dates.{m.group(1)}-year")
        if m.group(2) == "month":
            return _resolved(_month_shift(base, step), base, "month", f"dates.{m.group(1)}-month")
        return _resolved(base + dt.timedelta(weeks=step), base, "month", f"dates.{m.group(1)}-week")
    for k, name in enumerate(WEEKDAYS):
        if re.search(rf"\b{name}\b", t):
            delta = (base.weekday() - k) % 7  # 0: the article's own weekday means the article day
            if re.search(rf"\bnext {name}\b", t):
                return _resolved(
                    base + dt.timedelta(days=(k - base.weekday()) % 7 or 7), base, "day", "dates.weekday"
                )
            if re.search(rf"\blast {name}\b", t) and delta == 0:
                delta = 7
            return _resolved(base - dt.timedelta(days=delta), base, "day", "dates.weekday")
    return None


@lru_cache(maxsize=4096)  # a pure function of its two strings; an article repeats its dates ("in November")
def resolve(text: str, article_date: str | None) -> ResolvedDate | None:
    """Normalise one date expression (``"on Monday"``, ``"in January 2020"``) against the article date."""
    parsed = parse_article_date(article_date)
    if parsed is None:
        return None
    base, _ = parsed
    t = " ".join(text.lower().replace(",", " ").split())
    t = re.sub(r"^(?:on|in|at|since|during|by|from|until|late|early|late on|early on)\s+", "", t)
    if re.fullmatch(r"(?:19|20)\d{2}", t):
        return _resolved(dt.date(int(t), 1, 1), base, "year", "dates.year")
    if not t or _DURATION.match(t) or _NOT_POINT.search(t):
        return None
    news = _relative_news_terms(t, base)
    if news is not None:
        return news
    t = re.sub(rf"^(?:last|early|late|mid)[-\s]+(?=(?:{MONTHS})\b)", "", t)
    return _month_form(t, base) or _dateparser_date(t, base)


def _dateparser_date(t: str, base: dt.date) -> ResolvedDate | None:
    """What dateparser reads in ``t`` (normalised by :func:`resolve`), with the article date as its base."""
    data = _parser(base).get_date_data(t)
    if data is None or data.date_obj is None:
        return None
    period = data.period
    precision: Precision
    if period in ("day", "part_of_day"):
        precision = "day"
    elif period == "month":
        precision = "month"
    elif period == "year":
        precision = "year"
    elif period == "week":
        precision = "month"
    else:  # "time" and unknown periods are parser noise for the spans we hand it
        return None
    return _resolved(data.date_obj.date(), base, precision, f"dates.dateparser.{period}")


def _month_form(t: str, base: dt.date) -> ResolvedDate | None:
    """A month, a month and day, or either with a year, read without dateparser (the commonest date forms in
    news; dateparser takes about a millisecond each): the same answer dateparser gives with this module's
    settings — a year-less date is the latest one not after the article date (``PREFER_DATES_FROM='past'``),
    a month alone its first day (``PREFER_DAY_OF_MONTH='first'``) — checked form by form against dateparser
    in tests/test_dates_month_forms.py.  None for anything else (an impossible day, "2st"), which dateparser
    then reads."""
    m = _MONTH_FORM.fullmatch(t)
    if m is None:
        return None
    month = MONTH_NUMBERS[m["m"] or m["m2"]]
    day, suffix = (m["d"], m["o"]) if m["m"] else (m["d2"], m["o2"])
    year = int(m["y"]) if m["y"] else None
    if day is None:
        if year is None:
            year = base.year if month <= base.month else base.year - 1
        return _resolved(dt.date(year, month, 1), base, "month", "dates.dateparser.month")
    d = int(day)
    if suffix is not None and suffix != _ORDINAL_SUFFIX.get(d, "th"):
        return None
    try:
        date = dt.date(year if year is not None else base.year, month, d)
        if year is None and date > base:
            date = dt.date(base.year - 1, month, d)
    except ValueError:
        return None
    return _resolved(date, base, "day", "dates.dateparser.day")


def find_candidates(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Character spans of date expressions in ``text[start:end]`` found by the patterns above."""
    out: list[tuple[int, int]] = []
    chunk = text[start:end]
    low = chunk.lower()
    # Lower-casing keeps every offset when it keeps the length (no character lower-cases to two)
    lowered = len(low) == len(chunk) and not any(c in chunk for c in _CASE_FOLD_ONLY)
    for pattern in _LOWER_DATE_PATTERNS if lowered else DATE_PATTERNS:
        for m in pattern.finditer(low if lowered else chunk):
            word = chunk[m.start() : m.end()]
            if word.lower() in _AMBIGUOUS_MONTHS and not word[0].isupper():
                continue
            if word.lower() in ("may",):  # "may" the modal, even capitalised at a sentence start
                continue
            out.append((start + m.start(), start + m.end()))
    # keep the longest of overlapping candidates
    out.sort(key=lambda se: (se[0], -(se[1] - se[0])))
    merged: list[tuple[int, int]] = []
    for s, e in out:
        if merged and s < merged[-1][1]:
            if e > merged[-1][1]:
                merged[-1] = (merged[-1][0], e)
            continue
        merged.append((s, e))
    return merged
