"""The month forms ``dates`` reads without dateparser must give exactly dateparser's answer."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from newsevents.extract.dates import (
    _ORDINAL_SUFFIX,
    MONTH_NUMBERS,
    _dateparser_date,
    _month_form,
    find_candidates,
    resolve,
)

BASES = [
    dt.date(2021, 3, 15),
    dt.date(2020, 2, 29),
    dt.date(2019, 12, 31),
    dt.date(2023, 1, 1),
    dt.date(2016, 7, 4),
    dt.date(2022, 11, 30),
    dt.date(2024, 3, 1),
    dt.date(2018, 6, 10),
]


def _cases(n: int) -> list[tuple[str, dt.date]]:
    """Month, month-day, day-month forms, with and without a year, ordinals and abbreviation dots."""
    rnd = random.Random(15)
    words = [*MONTH_NUMBERS, *(w + "." for w in MONTH_NUMBERS)]
    out = [(w, b) for b in BASES[:2] for w in MONTH_NUMBERS]  # every month word alone
    while len(out) < n:
        base = rnd.choice(BASES)
        word = rnd.choice(words)
        day = rnd.choice([1, 2, 3, 11, 21, 22, 28, 29, 30, 31, base.day, min(31, base.day + 1)])
        suffix = rnd.choice(["", "", _ORDINAL_SUFFIX.get(day, "th")])
        text = rnd.choice([word, f"{word} {day}{suffix}", f"{day}{suffix} {word}"])
        year = rnd.choice(["", "", str(base.year), str(base.year - 1), "1999"])
        out.append((f"{text} {year}".strip(), base))
    return out


@pytest.mark.parametrize(("text", "base"), _cases(260))
def test_month_form_is_what_dateparser_reads(text: str, base: dt.date) -> None:
    fast = _month_form(text, base)
    if fast is not None:
        assert fast == _dateparser_date(text, base)


@pytest.mark.parametrize(
    "text", ["february 30", "february 29", "2st march", "march 3th", "spring 2020", "mayday"]
)
def test_month_form_leaves_the_rest_to_dateparser(text: str) -> None:
    assert _month_form(text, dt.date(2021, 3, 15)) is None


def test_a_yearless_date_after_the_article_is_last_years() -> None:
    found = resolve("on March 20", "2021-03-15")
    assert found is not None and (found.value, found.tense) == ("2020-03-20", "past")
    found = resolve("in November", "2021-03-15")
    assert found is not None and (found.value, found.precision) == ("2020-11", "month")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("They met on MONDAY and on Dec. 5 2020.", ["MONDAY", "Dec. 5 2020"]),
        ("İstanbul talks began on Tuesday.", ["Tuesday"]),  # "İ" lower-cases to two characters
        ("The vote is on ſunday.", ["ſunday"]),  # IGNORECASE reads "ſ" as "s", lower() does not
    ],
)
def test_date_candidates_whatever_the_case(text: str, found: list[str]) -> None:
    assert [text[s:e] for s, e in find_candidates(text, 0, len(text))] == found
