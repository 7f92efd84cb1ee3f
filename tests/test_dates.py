"""The date resolver, one construction at a time, against a fixed article date (a Thursday)."""

from __future__ import annotations

import pytest

from newsevents.extract.dates import find_candidates, parse_article_date, resolve

ARTICLE = "2022-04-28"  # Thursday


@pytest.mark.parametrize(
    ("expression", "value", "precision"),
    [
        ("on Monday", "2022-04-25", "day"),
        ("late on Wednesday", "2022-04-27", "day"),
        ("Thursday", "2022-04-28", "day"),  # the article's weekday is the article day, not a week before
        ("Friday night", "2022-04-22", "day"),
        ("last Thursday", "2022-04-21", "day"),
        ("yesterday", "2022-04-27", "day"),
        ("the previous day", "2022-04-27", "day"),
        ("today", "2022-04-28", "day"),
        ("on February 22", "2022-02-22", "day"),
        ("on 3 March 2019", "2019-03-03", "day"),
        ("September 29", "2021-09-29", "day"),  # no year and later than the article: last year's
        ("in January 2020", "2020-01", "month"),
        ("last month", "2022-03", "month"),
        ("earlier this month", "2022-04", "month"),
        ("earlier in the week", "2022-04", "month"),
        ("last November", "2021-11", "month"),
        ("in 2019", "2019", "year"),
        ("last year", "2021", "year"),
        ("two years ago", "2020", "year"),
    ],
)
def test_dates_resolves_news_expressions(expression: str, value: str, precision: str) -> None:
    r = resolve(expression, ARTICLE)
    assert r is not None, expression
    assert (r.value, r.precision) == (value, precision)


@pytest.mark.parametrize(
    "expression", ["six months", "the next three years", "1991-1995", "the 1990s", "48-hour"]
)
def test_dates_durations_and_ranges_are_not_event_dates(expression: str) -> None:
    assert resolve(expression, ARTICLE) is None


@pytest.mark.parametrize(
    ("expression", "tense"), [("next week", "future"), ("on Monday", "past"), ("today", "present")]
)
def test_dates_reports_tense_relative_to_article(expression: str, tense: str) -> None:
    r = resolve(expression, ARTICLE)
    assert r is not None and r.tense == tense


def test_dates_needs_an_article_date() -> None:
    assert resolve("on Monday", None) is None
    assert parse_article_date("2022-04") == (parse_article_date("2022-04-01")[0], "month")  # type: ignore[index]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Yeltsin on Saturday hosted Hashimoto.", ["Saturday"]),
        ("Rebels blew up power lines last month, the agency reported today.", ["last month", "today"]),
        ("They may go there in May 2020 or on 3 March.", ["May 2020", "3 March"]),
        ("He said it earlier this week.", ["earlier this week"]),
    ],
)
def test_dates_candidate_patterns_find_expressions_not_modals(text: str, found: list[str]) -> None:
    assert [text[s:e] for s, e in find_candidates(text, 0, len(text))] == found
