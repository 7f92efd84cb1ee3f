"""When and where an event happened, on small hand-written articles (never gold sentences).

Dates: a clause's own date first; else the article's story date (the latest relative day or lead date before
the event); else the article date.  Places: the clause's locative toponym, then the dateline, then the lead's
place, then the country the article is about.
"""

from __future__ import annotations

import pytest

from newsevents.model import Event
from test_events_helpers import describe, events, extract

WEDNESDAY = "2023-03-15"


def find(text: str, type_: str, date: str = WEDNESDAY, words: str = "") -> Event:
    found = [e for e in events(text, date) if e.type == type_ and words.lower() in e.evidence.text.lower()]
    assert found, describe(events(text, date))
    return found[0]


# ------------------------------------------------------------------------------------------------ dates
def test_when_undated_statement_takes_the_story_date_before_it() -> None:
    text = (
        "Mining unions held a general strike in Lima on Tuesday.\n\n"
        "Later, the labour minister praised the union leaders for their restraint."
    )
    e = find(text, "SUPPORT")
    assert (e.date, e.date_source) == ("2023-03-14", "text")
    assert e.date_span is not None and e.date_span.text.endswith("Tuesday")


def test_when_headline_event_takes_the_lead_date() -> None:
    text = "Ghana condemns Togo\n\nGhana's foreign minister on Monday condemned the border closure by Togo."
    e = find(text, "ACCUSE", words="Ghana condemns")
    assert e.date == "2023-03-13"


def test_when_absolute_date_far_down_is_no_story_date() -> None:
    text = (
        "Police detained twenty activists outside parliament in Tbilisi.\n\n"
        "The activists had set up tents. The interior ministry said the detentions were lawful.\n\n"
        "Many residents joined them in the evening. Shops stayed closed.\n\n"
        "The country has been tense for weeks. The prime minister resigned on March 13 over the dispute."
    )
    e = find(text, "COERCE", words="detained")
    assert (e.date, e.date_source) == (WEDNESDAY, "article")


def test_when_since_gives_no_date() -> None:
    e = find("The king visited Ramallah on Monday, his first trip to the city since 2017.", "CONSULT")
    assert e.date == "2023-03-13"


def test_when_wire_stamp_date_is_not_the_event_date() -> None:
    text = (
        "BEIJING, March 16 (Reuters) - China on Tuesday condemned Japan over the island dispute.\n\n"
        "The foreign ministry also criticised Australia for its comments."
    )
    e = find(text, "ACCUSE", date="2023-03-16", words="Australia")
    assert e.date == "2023-03-14"


def test_when_kind_of_day_is_not_a_date() -> None:
    text = (
        "The cleric praised the last Friday of Ramadan as a day of unity, and thanked Iran for its support."
    )
    for e in events(text):
        assert e.date == WEDNESDAY, describe(events(text))


def test_when_event_noun_keeps_its_own_date() -> None:
    text = (
        "Following his meeting with Serbian President Vucic on 5 March, the envoy said talks should resume."
    )
    e = find(text, "CONSULT")
    assert e.date == "2023-03-05"


# ----------------------------------------------------------------------------------------------- places
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Baku: Azerbaijan accused Armenia of shelling its positions, the ministry said.", "Baku"),
        ("PHNOM PENH: Cambodia's prime minister praised Vietnam for its help.", "Phnom Penh"),
        (
            "CARACAS/WASHINGTON, March 14 (Reuters) - Venezuela's president praised Colombia for its help.",
            "Caracas",
        ),
        ("Talks resume\n\nNAIROBI – Kenya's president thanked Uganda for its help.", "Nairobi"),
    ],
)
def test_where_dateline_forms(text: str, name: str) -> None:
    located = [e for e in events(text) if e.location is not None]
    assert located, describe(events(text))
    for e in located:
        assert e.location is not None
        assert e.location.name == name and e.location.rule.endswith(".dateline"), e.location


def test_where_dateline_under_body_text_is_a_bureau() -> None:
    body = (
        "Officials from the health ministry and the embassy attended the handover ceremony of the donated "
        "vaccines at the airport in Dili, which was held in the morning after a short delay."
    )
    text = (
        f"Vaccines arrive\n\n{body}\n\nJAKARTA, March 14 (Xinhua) -- The minister thanked China for the gift."
    )
    e = find(text, "SUPPORT", words="thanked")
    assert e.location is not None and e.location.name == "Dili", e.location


def test_where_a_non_locative_toponym_is_not_the_place() -> None:
    text = "DILI – The health minister thanked China for the donation of vaccines from China."
    e = find(text, "SUPPORT")
    assert e.location is not None and e.location.name == "Dili", e.location


def test_where_lead_place_dates_the_rest() -> None:
    text = (
        "Regional leaders met at a summit in Accra on Friday and agreed to lift sanctions on Mali.\n\n"
        "The bloc also urged partners to increase their humanitarian support to Mali."
    )
    e = find(text, "REQUEST", words="urged")
    assert e.location is not None and e.location.name == "Accra" and e.location.rule.endswith(".lead")


def test_where_focus_country_when_nothing_else() -> None:
    text = (
        "Prime minister quits\n\nItalian Prime Minister Mario Draghi resigned today after his coalition "
        "collapsed.\n\nThe Italian president must now accept the resignation. Italian markets fell."
    )
    e = find(text, "RETREAT")
    assert e.location is not None and e.location.country == "ITA" and e.location.rule.endswith(".focus")


def test_where_evidence_spans_are_the_article_text() -> None:
    text = "Baku: Azerbaijan accused Armenia of shelling its positions on Tuesday."
    result = extract(text)
    for e in result.events:
        for span in (e.location.span if e.location else None, e.date_span):
            if span is not None:
                assert text[span.start : span.end] == span.text


def test_where_possessive_country_of_a_place_noun_is_locative() -> None:
    text = "Rebels shelled a market in Syria's northern province, residents said."
    e = find(text, "ASSAULT")
    assert e.location is not None and e.location.country == "SYR" and e.location.rule.endswith(".clause")


def test_when_a_planned_visit_day_is_not_the_statement_date() -> None:
    text = "Myanmar's leader will visit Washington on Thursday."
    e = find(text, "AGREE", date="2016-09-16")  # a Friday: "on Thursday" here is next week's
    assert (e.date, e.date_source) == ("2016-09-16", "article")


def test_when_a_plan_is_dated_by_its_reporting_clause() -> None:
    text = "The president will meet Putin in Geneva next week, the Kremlin said on Tuesday."
    e = find(text, "AGREE", date="2016-09-16")
    assert e.date == "2016-09-13"
