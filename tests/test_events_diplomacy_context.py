"""Diplomatic acts hidden by clause structure (extract/events/diplomacy.py, issue 15): hand-made sentences."""

from __future__ import annotations

import pytest

from test_events_helpers import assert_event, describe, events, words


@pytest.mark.parametrize(
    ("text", "type_", "actor", "recipient"),
    [
        # the purpose of a call or a visit is a second act, not the content of the contact
        ("Chile's president phoned Alberto Fernandez on Monday to express his support.",
         "SUPPORT", "chile", "fernandez"),
        ("Chile's president phoned Alberto Fernandez on Monday to express his support.",
         "CONSULT", "chile", "fernandez"),
        ("The Polish prime minister called Emmanuel Macron on Tuesday to urge him to send more tanks.",
         "REQUEST", "pol", "macron"),
    ],
)  # fmt: skip
def test_events_purpose_of_a_contact_is_its_own_act(
    text: str, type_: str, actor: str, recipient: str
) -> None:
    assert_event(text, type_, actor, recipient)


def test_events_talks_to_discuss_stay_one_meeting() -> None:
    found = events("Olaf Scholz met Emmanuel Macron in Paris on Monday to discuss energy prices.")
    consults = [e for e in found if e.type == "CONSULT"]
    assert len(consults) == 1, describe(found)


def test_events_coordinated_speech_acts_with_their_own_objects() -> None:
    text = (
        "The Turkish foreign minister welcomed the outcome of the negotiations and thanked the Qatari "
        "government's mediators for their work."
    )
    assert_event(text, "SUPPORT", "turk", "qatar")


def test_events_coordinated_acts_on_one_object_stay_one() -> None:
    found = events("Canada condemned and denounced the Russian strike on Kharkiv.")
    accusations = [e for e in found if e.type == "ACCUSE"]
    assert len(accusations) <= 1, describe(found)


def test_events_material_acts_coordinated_stay_one_attack() -> None:
    found = events("Rebels in North Kivu killed four soldiers and wounded six policemen on Friday.")
    assert len([e for e in found if e.type == "ASSAULT"]) == 1, describe(found)


def test_events_a_meeting_that_dates_the_clause_is_coded() -> None:
    text = "After talks with Recep Tayyip Erdogan in Ankara, Viktor Orban signed a gas deal with Azerbaijan."
    assert_event(text, "CONSULT", "orban", "erdogan")


def test_events_visits_in_opposite_directions_are_two_visits() -> None:
    text = (
        "President Lula was in Argentina on Monday for a two-day state visit. Alberto Fernandez said his "
        "recent visit to Brazil had doubled trade between the two countries."
    )
    found = events(text)
    visits = [e for e in found if e.type == "CONSULT"]
    assert any("lula" in words(e.actor) for e in visits), describe(found)
    assert any("fernandez" in words(e.actor) and "bra" in words(e.recipient) for e in visits), describe(found)


def test_events_title_case_headline_is_parsed() -> None:
    text = (
        "Kurdish Rebels In Turkey Accuse Government Of Shelling Villages Near Border\n\n"
        "Kurdish rebels in southeastern Turkey said on Monday that the government had shelled two villages "
        "near the border with Iraq."
    )
    assert_event(text, "ACCUSE", "rebels", "government")
