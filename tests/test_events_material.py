"""Material event types on whole-article constructions (issue 15): crowd control, releases, backing off,
protest crowds taking buildings, deployed forces. Hand-made sentences run through the real model."""

from __future__ import annotations

import pytest

from test_events_helpers import assert_event, describe, events

CODED = [
    # tear gas and water cannon on people are ASSAULT (the real-dev convention), COERCE no longer
    ("Venezuelan security forces fired tear gas at protesters in Caracas on Saturday.", "ASSAULT",
     "security forces", "protesters"),
    ("Riot police used water cannons on the students outside the ministry.", "ASSAULT", "police", "students"),
    # releasing people held is RETREAT
    ("Cuba released 53 political prisoners last month.", "RETREAT", "Cuba", "prisoners"),
    ("The rebels freed four foreign hostages on Tuesday.", "RETREAT", "rebels", "hostages"),
    ("The ministry announced the release of two journalists by the militia.", "RETREAT", "militia", "journalists"),
    # backing off a vessel or a place is a retreat
    ("Chinese warships backed off the Philippine supply boat.", "RETREAT", "warships", "boat"),
    # a protest crowd taking a building is PROTEST, not ASSAULT
    ("Thousands of demonstrators stormed the presidential palace in Lima.", "PROTEST", "demonstrators", "palace"),
    ("Angry protesters took control of the state television building.", "PROTEST", "protesters", "building"),
    # agentless deployment: the forces deployed are the actor; a purpose clause names the target
    ("Riot police were deployed outside the court to disperse the crowd.", "MOBILIZE", "police", "crowd"),
    ("Thousands of Russian troops were deployed near the border.", "MOBILIZE", "troops", None),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "type_", "actor", "recipient"), CODED)
def test_material_construction_is_coded(sentence: str, type_: str, actor: str, recipient: str | None) -> None:
    assert_event(sentence, type_, actor, recipient)


NOT_CODED = [
    ("The army released a statement on Monday.", "RETREAT"),
    ("The senator backed off some of his earlier proposals.", "RETREAT"),
    ("Troops stormed the rebel base.", "PROTEST"),  # an attack, not a protest
    ("Fans stormed the pitch after the final whistle.", "PROTEST"),  # no protest crowd
    ("Israel released 39 Palestinian prisoners on Friday.", "CONCEDE"),  # one reading: RETREAT
    ("Police fired tear gas at protesters in Nairobi.", "COERCE"),
]


@pytest.mark.parametrize(("sentence", "type_"), NOT_CODED)
def test_material_reading_is_not_coded(sentence: str, type_: str) -> None:
    found = events(sentence)
    assert type_ not in {e.type for e in found}, describe(found)


def test_backing_off_a_vessel_is_a_retreat_not_support() -> None:
    found = events("Iran backed off the tanker when the destroyer arrived.")
    assert [e.type for e in found] == ["RETREAT"], describe(found)


def test_troops_stormed_is_still_an_attack() -> None:
    assert_event("Troops stormed the rebel base.", "ASSAULT", "troops", "base")
