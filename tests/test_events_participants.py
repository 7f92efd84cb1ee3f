"""Participants are political actors: hand-built sentences for each rule of ``extract/events/participants``."""

from __future__ import annotations

import pytest

from test_events_helpers import assert_event, describe, events, words


def _sides(text: str) -> list[str]:
    return [words(p) for e in events(text) for p in (e.actor, e.recipient) if p is not None]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("KANDAHAR — Six were killed in an ambush near the border on Monday.", "kandahar"),
        ("Vienna, AFP – Iranian negotiators held talks with European envoys on Monday.", "vienna"),
    ],
)
def test_events_dateline_is_never_a_participant(text: str, place: str) -> None:
    assert not any(s.startswith(place) for s in _sides(text)), describe(events(text))


def test_events_dateline_gives_way_to_the_real_subject() -> None:
    assert_event(
        "Vienna, AFP – Iranian negotiators held talks with European envoys.", "CONSULT", "iran", "europe"
    )


@pytest.mark.parametrize(
    "text",
    [
        "We are protesting for our missing sons.",  # an unresolved "we"
        "I accept the offer.",
        "The right to protest peacefully is sacred.",  # an abstraction
        "Heavy floods killed 40 villagers across the province.",  # nature, not a party
        "The activist was arrested on Monday.",  # a passive without agent: nobody is named as the actor
    ],
)
def test_events_no_political_actor_no_event(text: str) -> None:
    assert not events(text), describe(events(text))


def test_events_weapon_stands_for_its_launcher() -> None:
    assert_event("A drone launched by the rebels struck the airport in Jazan.", "ASSAULT", "rebels", None)


def test_events_unclaimed_weapon_is_kept_for_an_assault() -> None:
    # PLOVER codes the bomb as the source (its country from the place) when nobody is named
    assert_event("A roadside bomb killed three soldiers near Kandahar.", "ASSAULT", "bomb", "soldiers")


def test_events_coordinated_national_modifiers_are_the_two_sides() -> None:
    e = assert_event("Saudi and Iranian diplomats held talks in Baghdad.", "CONSULT", None, None)
    assert e.actor is not None and e.recipient is not None
    assert {e.actor.country, e.recipient.country} == {"SAU", "IRN"}


def test_events_crowd_numbers_are_people() -> None:
    assert_event("Thousands protested against the government in the capital.", "PROTEST", "thousands", None)


@pytest.mark.parametrize(
    ("text", "type_", "recipient"),
    [
        ("The opposition demanded the release of the detained journalists.", "REQUEST", "journalists"),
        ("Rights groups condemned the arrest of two students.", "ACCUSE", "students"),
    ],
)
def test_events_act_on_behalf_of_someone_names_them_in_its_of_phrase(
    text: str, type_: str, recipient: str
) -> None:
    assert_event(text, type_, None, recipient)


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("The minister called for calm.", "REQUEST"),  # whom? the text does not say
        ("The two leaders agreed on the need for stability.", "AGREE"),
        ("Hamas condemned the violence.", "ACCUSE"),
    ],
)
def test_events_dyadic_type_without_counterpart_is_not_coded(text: str, type_: str) -> None:
    assert not [e for e in events(text) if e.type == type_], describe(events(text))


def test_events_reported_pronoun_is_the_reporter() -> None:
    assert_event("The junta said it had expelled the French ambassador.", "SANCTION", "junta", "ambassador")


def test_events_unnamed_arrester_is_the_storys_police() -> None:
    text = "Police fired tear gas at the crowd. Another 11 activists were arrested in other towns."
    assert_event(text, "COERCE", "police", "activists")


def test_events_possessor_of_an_arrest_is_the_one_arrested() -> None:
    text = "Police surrounded the square. Camacho's arrest on Wednesday angered his supporters."
    assert_event(text, "COERCE", "police", "camacho")


def test_events_buildings_are_targets() -> None:
    assert_event(
        "Bolsonaristas stormed the presidential palace on Sunday.", "ASSAULT", "bolsonaristas", "palace"
    )


def test_events_possessed_country_is_the_possessors() -> None:
    text = "Algeria's Foreign Minister Ramtane Lamamra said his country had severed relations with Morocco."
    e = assert_event(text, "SANCTION", None, "morocco")
    assert e.actor is not None and e.actor.country == "DZA"


def test_events_cooperation_partner_is_never_a_place() -> None:
    assert not [
        e for e in events("The army launched a joint operation in the region.") if e.type == "COOPERATE"
    ]
