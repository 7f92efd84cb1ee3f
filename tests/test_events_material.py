"""Material event types on whole-article constructions (issue 15): crowd control, releases, backing off,
protest crowds taking buildings, deployed forces. Hand-made sentences run through the real model."""

from __future__ import annotations

import pytest

from test_events_helpers import assert_event, describe, events, words

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
    # a fight named by a noun whose sides stand in "between X and Y"
    ("Four people died in clashes between police and striking miners in Potosi.", "ASSAULT", "police", "miners"),
    ("Heavy fighting broke out between Sudanese army units and the paramilitary forces on Saturday.", "ASSAULT",
     "army", "paramilitary"),
    ("Police detained 12 students after a confrontation between officers and students at the gate.", "ASSAULT",
     "officers", "students"),
    # an encounter between armed sides is a fight, not a meeting
    ("Three rebels were killed in an encounter between soldiers and guerrillas in Abra province.", "ASSAULT",
     "soldiers", "guerrillas"),
    # aid named by what a party received
    ("Nepal on Monday received a consignment of medicines donated by India.", "AID", "India", "Nepal"),
    ("Ukraine received 30 tanks from Poland last week.", "AID", "Poland", "Ukraine"),
    # the recall of an envoy is a measure against the country the envoy is posted to
    ("On Friday the president ordered the recall of Chile's ambassador to Venezuela.", "SANCTION", "president",
     "Venezuela"),
    # a state of emergency or a police state falls on the actor's own country: no counterpart needed
    ("The military government imposed a state of emergency in the capital on Tuesday.", "COERCE", "government",
     None),
    ("The new government imposed a police state on Sunday.", "COERCE", "government", None),
    # coast guards blocking or intercepting another side's vessels
    ("Two Chinese coast guard ships blocked a Philippine supply boat near the shoal.", "COERCE", "coast guard",
     "Philippine"),
    ("Three Vietnamese fishing boats were intercepted by Chinese coast guard vessels.", "COERCE", "Chinese",
     "Vietnamese"),
    # listed for sanctions
    ("The Treasury designated five Iranian officials on Friday.", "SANCTION", "Treasury", "officials"),
    # a protest's target is whose removal it demands
    ("Thousands of students rallied in Dhaka demanding the resignation of Prime Minister Sheikh Hasina.",
     "PROTEST", "students", "Hasina"),
    # invasion as a noun; repelled attackers
    ("Prices have risen since Russia's invasion of Ukraine.", "ASSAULT", "Russia", "Ukraine"),
    ("Azerbaijani troops tried to cross the border before being repelled by Armenian forces.", "ASSAULT",
     "Armenian", "Azerbaijani"),
    ("Russian artillery pounded Kharkiv overnight.", "ASSAULT", "Russian", "Kharkiv"),
    # a material act in a relative clause is a fact of its own, even inside another event's phrase
    ("The coup was condemned by neighbours, including Senegal, which deployed troops to the border.", "MOBILIZE",
     "Senegal", None),
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
    ("A legal battle between the two companies began in March.", "ASSAULT"),  # a contest, not a fight
    ("The diplomatic confrontation between Paris and Algiers deepened.", "ASSAULT"),
    ("The encounter between the two presidents lasted an hour.", "ASSAULT"),  # nobody armed: a meeting
    ("The governor declared a state of emergency after the hurricane.", "COERCE"),  # a disaster, not coercion
    ("The company announced the recall of two million cars.", "SANCTION"),
    ("The club received a donation from a local businessman.", "AID"),  # nobody political gives or gets
    ("The ruling party designated its leader as prime minister.", "SANCTION"),  # an appointment
    ("The senator has been pounding his rival in every debate.", "ASSAULT"),  # campaign metaphor
    ("The minister repelled criticism of the plan.", "ASSAULT"),
]


@pytest.mark.parametrize(("sentence", "type_"), NOT_CODED)
def test_material_reading_is_not_coded(sentence: str, type_: str) -> None:
    found = events(sentence)
    assert type_ not in {e.type for e in found}, describe(found)


def test_backing_off_a_vessel_is_a_retreat_not_support() -> None:
    found = events("Iran backed off the tanker when the destroyer arrived.")
    assert [e.type for e in found] == ["RETREAT"], describe(found)


def test_a_lead_arrest_takes_the_police_named_just_after_it() -> None:
    text = (
        "The opposition leader was arrested on Monday during a rally in the capital. "
        "Riot police later surrounded his house."
    )
    assert_event(text, "COERCE", "police", "leader")


def test_killed_in_clashes_between_two_sides_keeps_the_fight() -> None:
    found = events("Six people were killed in clashes between the army and the rebels on Friday.")
    fights = [e for e in found if e.type == "ASSAULT" and e.rule.startswith("events.assault.clash-between")]
    assert fights, describe(found)
    assert "army" in words(fights[0].actor) and "rebels" in words(fights[0].recipient)


def test_troops_stormed_is_still_an_attack() -> None:
    assert_event("Troops stormed the rebel base.", "ASSAULT", "troops", "base")
