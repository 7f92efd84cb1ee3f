"""Cross-cutting event rules: modality, reported events, dates, places, compounds, dedup, the seed article."""

from __future__ import annotations

import pytest

from test_events_helpers import assert_event, describe, events, extract, words


@pytest.mark.parametrize(
    ("sentence", "type_", "context_prefix"),
    [
        ("The Taliban did not meet the UN envoy on Monday.", "REJECT", "negated:CONSULT"),
        ("Serbia said it would not accept the peace plan drafted by the EU.", "REJECT", "negated:AGREE"),
        # refusing to take refugees in is refusing asylum (AID), not refusing an agreement
        ("Hungary said it would not accept refugees from Libya.", "REJECT", "negated:AID"),
        ("Japan will give Vietnam a loan for a new railway.", "AGREE", "future:AID"),
        ("The president said he would visit Kenya next month.", "AGREE", "future:CONSULT"),
        ("The junta said it would ban the opposition party.", "THREATEN", "future:COERCE"),
        ("The farmers plan to blockade the capital from Monday.", "THREATEN", "future:"),
    ],
)
def test_events_modality_recodes_negated_and_future(sentence: str, type_: str, context_prefix: str) -> None:
    found = [e for e in events(sentence) if e.type == type_]
    assert found, describe(events(sentence))
    assert any((e.context or "").startswith(context_prefix) for e in found), describe(events(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "Israeli aircraft did not bomb the camp, the army said.",
        "The rebels never attacked the convoy.",
    ],
)
def test_events_negated_conflict_is_dropped(sentence: str) -> None:
    assert not [e for e in events(sentence) if e.type == "ASSAULT"], describe(events(sentence))


def test_events_future_event_is_dated_by_the_statement_not_the_plan() -> None:
    e = assert_event("On Monday, the union said it would strike next Friday.", "THREATEN", "union", None)
    assert e.date == "2023-03-13"  # the Monday before the Wednesday article date


@pytest.mark.parametrize(
    ("sentence", "date", "source"),
    [
        ("Russian missiles struck Kyiv on Monday.", "2023-03-13", "text"),
        ("Russian missiles struck Kyiv on Wednesday.", "2023-03-15", "text"),  # the article's own weekday
        ("Russian missiles struck Kyiv in January 2020.", "2020-01", "text"),
        ("Russian missiles struck Kyiv last month.", "2023-02", "text"),
        ("Russian missiles struck Kyiv, officials said on Tuesday.", "2023-03-14", "text"),
        ("Russian missiles struck Kyiv.", "2023-03-15", "article"),
        # a year that modifies another noun dates that noun, not the strike
        ("Russian missiles struck Kyiv, the target of the 2022 offensive.", "2023-03-15", "article"),
        ("Russian missiles struck Kyiv on Monday, a year after the 2022 invasion.", "2023-03-13", "text"),
        (
            "On 5 October 2021 Russian forces struck Kyiv.",
            "2021-10-05",
            "text",
        ),  # date folded into the subject
    ],
)
def test_events_date_comes_from_the_trigger_clause(sentence: str, date: str, source: str) -> None:
    e = assert_event(sentence, "ASSAULT", "Russian", "Kyiv")
    assert (e.date, e.date_source) == (date, source)
    if source == "text":
        assert e.date_span is not None and e.date_span.text in sentence


def test_events_place_is_the_locative_toponym_of_the_clause() -> None:
    e = assert_event(
        "Gunmen killed 12 villagers in Burkina Faso on Sunday.", "ASSAULT", "gunmen", "villagers"
    )
    assert e.location is not None
    assert (e.location.name, e.location.country) == ("Burkina Faso", "BFA")
    assert e.location.lat is not None


@pytest.mark.parametrize(
    ("sentence", "country"),
    [
        ("Demonstrators blocked roads in Caracas on Monday.", "VEN"),
        ("Hundreds of students rioted at a university in Dhaka.", "BGD"),
    ],
)
def test_events_unnamed_group_takes_the_country_of_the_place(sentence: str, country: str) -> None:
    e = assert_event(sentence, "PROTEST", None, None)
    assert e.actor is not None and e.actor.country == country


def test_events_named_actor_keeps_its_own_country() -> None:
    e = assert_event("Iranian police arrested protesters in Paris.", "COERCE", "police", "protesters")
    assert e.actor is not None and e.actor.country == "IRN"


def test_events_possessive_toponym_is_not_the_place_and_city_of_x_is() -> None:
    text = (
        "Russia's top diplomat Sergei Lavrov held talks with his Ukrainian counterpart Dmytro Kuleba "
        "on Thursday in the Turkish resort city of Antalya."
    )
    e = assert_event(text, "CONSULT", "lavrov", "kuleba")  # "his" inside the phrase is not the recipient
    assert e.location is not None and (e.location.name, e.location.country) == ("Antalya", "TUR")


def test_events_time_possessive_is_no_party() -> None:
    e = assert_event(
        "Last week's talks between Iran and Qatar ended without a deal.", "CONSULT", "Iran", "Qatar"
    )
    assert e.date == "2023-03"


def test_events_dateline_is_the_fallback_place() -> None:
    text = "NAIROBI, March 14 (Reuters) - The talks ended late on Monday. The president thanked Uganda for its help."
    e = assert_event(text, "SUPPORT", "president", "Uganda")
    assert e.location is not None and e.location.name == "Nairobi" and e.location.rule.endswith(".dateline")


def test_events_passive_agent_is_the_actor() -> None:
    e = assert_event(
        "The journalist was killed by militiamen in Beni.", "ASSAULT", "militiamen", "journalist"
    )
    assert e.rule.endswith(".passive")


def test_events_compound_actor_is_one_listed_participant() -> None:
    # one happening, one record: coordinated actors are listed in one participant, as recipients are
    found = [e for e in events("Iran and Syria condemned Israel.") if e.type == "ACCUSE"]
    assert len(found) == 1, describe(found)
    actor = found[0].actor
    assert actor is not None and actor.name == "Iran + Syria" and actor.country == "IRN"


def test_events_coordinated_recipients_form_one_listed_participant() -> None:
    found = [e for e in events("Hamas thanked Iran and Qatar for their support.") if e.type == "SUPPORT"]
    assert len(found) == 1, describe(found)
    recipient = found[0].recipient
    assert recipient is not None and recipient.name == "Iran + Qatar"
    assert recipient.country == "IRN" and recipient.span.text == "Iran and Qatar"


def test_events_symmetric_compound_gives_one_pair() -> None:
    found = [e for e in events("Israel and Lebanon renewed negotiations on Tuesday.") if e.type == "CONSULT"]
    assert len(found) == 1
    assert {found[0].actor.name, found[0].recipient.name} == {"Israel", "Lebanon"}  # type: ignore[union-attr]


def test_events_repeated_mentions_merge_with_extra_evidence() -> None:
    text = (
        "Putin met Erdogan in Sochi on Monday. The two discussed grain exports.\n\n"
        "Putin met Erdogan in Sochi on Monday for four hours, officials said."
    )
    found = [e for e in events(text) if e.type == "CONSULT"]
    assert len(found) == 1, describe(events(text))
    assert len(found[0].extra_evidence) == 1
    assert found[0].extra_evidence[0].start > found[0].evidence.start


def test_events_reported_event_carries_quote_and_claimant() -> None:
    text = "The army spokesman said that Israeli aircraft bombed Hamas positions in Gaza on Monday."
    e = assert_event(text, "ASSAULT", "Israeli", "Hamas")
    result = extract(text)
    if not result.quotes:
        pytest.skip("quotes stage found no quote here")
    assert e.quote_id in {q.id for q in result.quotes}
    assert e.claimant is not None and "spokesman" in e.claimant.lower()


@pytest.mark.parametrize(
    ("sentence", "type_"),
    [
        ("Iran accused Israel of attacking its ships.", "ACCUSE"),
        ("North Korea threatened to attack South Korea.", "THREATEN"),
        ("China demanded that Japan withdraw its vessels.", "REQUEST"),
    ],
)
def test_events_speech_act_content_is_not_a_second_event(sentence: str, type_: str) -> None:
    found = events(sentence)
    assert any(e.type == type_ for e in found)
    assert not any(e.type == "ASSAULT" or e.type == "RETREAT" for e in found), describe(found)


def test_events_every_event_names_rule_cameo_and_evidence() -> None:
    text = "Egypt hosted Israeli and Palestinian negotiators in Cairo on Sunday."
    for e in events(text):
        assert (
            e.rule.startswith(f"events.{e.type.lower()}.") or ".modal-demand" in e.rule or "events." in e.rule
        )
        assert e.cameo is not None
        assert e.trigger.text in e.evidence.text


def test_events_seed_article_targets(seed_result) -> None:  # type: ignore[no-untyped-def]
    found = seed_result.events

    def has(type_: str, actor: str, recipient: str) -> list:  # type: ignore[type-arg]
        return [
            e for e in found
            if e.type == type_ and actor in words(e.actor) and recipient in words(e.recipient)
        ]  # fmt: skip

    consult = has("CONSULT", "qalibaf", "hayya") or has("CONSULT", "hayya", "qalibaf")
    assert consult, describe(found)
    assert consult[0].date == "2022-04-28" and consult[0].location and consult[0].location.name == "Tehran"
    assert has("SUPPORT", "hamas", "hezbollah"), describe(found)
    assault = has("ASSAULT", "us", "soleimani")
    assert assault and assault[0].date == "2020-01" and assault[0].date_source == "text"
    assert assault[0].location is not None and assault[0].location.name == "Iraq"
