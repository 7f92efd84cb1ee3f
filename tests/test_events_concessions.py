"""Conciliatory acts whose counterpart the story implies (extract/events/concessions.py): short stories
written for this test, run through the real model, plus unit tests of the side and counterpart logic."""

from __future__ import annotations

import pytest

from newsevents.extract.events.concessions import (
    COUNTERPART_RULE,
    side_of,
    story_counterpart,
)
from newsevents.model import Event, Participant, Span
from test_events_helpers import assert_event, describe, events, words

# (story, type, actor words, recipient words): the clause of the act names no counterpart
STORIES = [
    (
        "Britain imposed new sanctions on Iran last year. British and Iranian diplomats met in Oman on Monday. "
        "On Tuesday London relaxed some of the restrictions to help the negotiations.",
        "CONCEDE",
        "london",
        "iran",
    ),
    (
        "The Karen National Union attacked a Myanmar army base near the border. Myanmar troops shelled "
        "positions of the Karen National Union on Friday. On Sunday the Karen National Union declared a "
        "unilateral ceasefire.",
        "CONCEDE",
        "karen",
        "myanmar",
    ),
    (
        "Colombian troops clashed with FARC guerrillas in Cauca. The guerrillas ambushed a Colombian army "
        "patrol a week later. The FARC promised to free the children held in its camps.",
        "CONCEDE",
        "farc",
        "colomb",
    ),
]


@pytest.mark.parametrize(("story", "type_", "actor", "recipient"), STORIES)
def test_events_concessions_counterpart_comes_from_the_story(
    story: str, type_: str, actor: str, recipient: str
) -> None:
    e = assert_event(story, type_, actor, recipient)
    assert e.rule.endswith(COUNTERPART_RULE), e.rule


def test_events_concessions_named_captives_stay_the_recipient() -> None:
    story = (
        "Israeli jets struck Hamas positions in Gaza. Hamas fired rockets at Israeli towns. "
        "Israel promised to release Palestinian prisoners held in its jails."
    )
    e = assert_event(story, "CONCEDE", "israel", "palestin")
    assert not e.rule.endswith(COUNTERPART_RULE)


@pytest.mark.parametrize(
    "story",
    [
        # a concession in a story with no dyad: nobody to concede to, nothing coded
        "The city council lifted the ban on street parking on Monday.",
        # freeing money is no release of captives
        "The insurers agreed to release millions in cash to the mining company.",
    ],
)
def test_events_concessions_no_counterpart_no_event(story: str) -> None:
    found = [e for e in events(story) if e.type == "CONCEDE" or e.rule.endswith(COUNTERPART_RULE)]
    assert not found, describe(tuple(found))


def test_events_concessions_counterpart_is_not_the_actors_own_side() -> None:
    story = (
        "Russian forces shelled Kharkiv and Ukrainian troops struck back at Russian positions. "
        "Moscow eased its restrictions."
    )
    for e in events(story):
        if e.type == "CONCEDE":
            assert "russia" not in words(e.recipient), describe((e,))


# -- unit tests of the side and counterpart logic ------------------------------------------------------------


def _party(name: str, country: str | None, sector: str | None = None, code: str | None = None) -> Participant:
    return Participant(name, f"id-{name}", country, sector, Span(0, len(name), name), code=code)


def _event(k: int, actor: Participant, recipient: Participant | None) -> Event:
    span = Span(k * 10, k * 10 + 3, "act")
    return Event(
        id=str(k), article_id="a", type="ASSAULT", mode=None, context=None, actor=actor, recipient=recipient,
        date=None, date_source=None, date_span=None, location=None, trigger=span, evidence=span,
        rule="events.assault.attack.verb", confidence=0.9,
    )  # fmt: skip


def test_events_concessions_sides_split_a_domestic_conflict() -> None:
    army = _party("army", "PHL", "MIL", "PHLMIL")
    government = _party("government", "PHL", "GOV", "PHLGOV")
    rebels = _party("rebels", "PHL", "REB", "PHLREB")
    country = _party("Philippines", "PHL", None, "PHL")
    assert side_of(army) == side_of(government) == side_of(country)
    assert side_of(rebels) != side_of(army)


def test_events_concessions_story_counterpart_most_linked_side() -> None:
    a, b, c = (
        _party("Aland", "AAA", code="AAA"),
        _party("Bland", "BBB", code="BBB"),
        _party("Cland", "CCC"),
    )
    story = [_event(0, a, b), _event(1, b, a), _event(2, a, c)]
    assert story_counterpart(story, a, 50) == b
    # the state's army stands on the state's side; rebels of the same country do not
    assert story_counterpart(story, _party("Aland army", "AAA", "MIL", "AAAMIL"), 50) == b
    assert story_counterpart(story, _party("Aland rebels", "AAA", "REB", "AAAREB"), 50) is None


# -- releases whose clause names no one who freed the people: the story says who held them -----------------

HOLDER_STORIES = [
    # the one who arrested that person
    (
        "Soldiers detained the opposition leader Amina Diallo in Bamako on Monday. She was freed two days "
        "later.",
        "soldiers",
        "diallo",
    ),
    # foreign nationals: the party the story sets against their country
    (
        "A British delegation visited Tehran in March. Iran had seized a British tanker in the Gulf. "
        "The talks led to the release of three British sailors.",
        "iran",
        "brit",
    ),
    # no arrest coded: the story's police
    (
        "Thousands marched through Nairobi on Tuesday. The march's organiser, Peter Kamau, was taken away "
        "by police. He was released on bail in the evening.",
        "police",
        "kamau",
    ),
]


@pytest.mark.parametrize(("story", "actor", "recipient"), HOLDER_STORIES)
def test_events_concessions_agentless_release_takes_the_holder(
    story: str, actor: str, recipient: str
) -> None:
    e = assert_event(story, "RETREAT", actor, recipient)
    assert e.rule.endswith("story-holder"), e.rule


@pytest.mark.parametrize(
    "story",
    [
        "Police arrested the opposition leader Kizza Besigye on Monday. He was released from hospital on "
        "Tuesday.",
        "Police said the suspects would be charged. The film was released in March.",
        # nobody held him in this story: no actor, nothing coded
        "The singer Joe Okello was released on Friday, his lawyer said.",
    ],
)
def test_events_concessions_no_captivity_no_release(story: str) -> None:
    found = [e for e in events(story) if e.type == "RETREAT"]
    assert not found, describe(tuple(found))


def test_events_concessions_named_person_release_is_coded() -> None:
    assert_event(
        "Police in Harare released the journalist Hopewell Chin'ono on Friday.",
        "RETREAT",
        "police",
        "chin",
    )


# -- renewals, offers of readiness and invitations -----------------------------------------------------------


def test_events_concessions_agentless_renewal_is_between_the_story_sides() -> None:
    story = (
        "Indian troops shelled Pakistani posts in Kashmir. Pakistani soldiers fired on Indian patrols. "
        "Indian and Pakistani generals signed a ceasefire agreement on Monday. "
        "On Friday the ceasefire was extended for another month."
    )
    e = assert_event(story, "AGREE", None, None)
    found = [e for e in events(story) if e.type == "AGREE" and e.rule.endswith("story-sides")]
    assert found, describe(events(story))
    sides = {words(found[0].actor), words(found[0].recipient)}
    assert any("ind" in w for w in sides) and any("pak" in w for w in sides), describe(tuple(found))
    assert e.rule.startswith("events.agree.")


def test_events_concessions_renewal_is_its_own_happening() -> None:
    story = (
        "Russia and Ukraine signed a grain deal in Istanbul in July. Russian forces shelled Ukrainian ports. "
        "Russia renewed the grain deal in November."
    )
    agree = [e for e in events(story) if e.type == "AGREE"]
    assert any(e.mode == "renew" for e in agree), describe(tuple(agree))


@pytest.mark.parametrize(
    ("sentence", "actor", "recipient"),
    [
        (
            "Qatar expressed its readiness to mediate between Ethiopia and Egypt.",
            "qatar",
            None,
        ),
        (
            "The Norwegian envoy extended an invitation to the rebel commander Ali Hassan.",
            "envoy",
            "hassan",
        ),
    ],
)
def test_events_concessions_offers_are_agree(sentence: str, actor: str, recipient: str | None) -> None:
    assert_event(sentence, "AGREE", actor, recipient)


def test_events_concessions_readiness_to_fight_is_no_offer() -> None:
    found = [e for e in events("The army expressed its readiness to attack the rebels.") if e.type == "AGREE"]
    assert not found, describe(tuple(found))


@pytest.mark.parametrize(
    ("sentence", "actor", "recipient"),
    [
        (
            "The regional bloc offered the ruling junta a month to propose an election timetable.",
            "bloc",
            "junta",
        ),
        (
            "The African Union gave Sudan's military rulers 15 days to hand power to civilians.",
            "african union",
            "sudan",
        ),
    ],
)
def test_events_concessions_deadline_is_a_demand(sentence: str, actor: str, recipient: str) -> None:
    assert_event(sentence, "REQUEST", actor, recipient)
    assert not [e for e in events(sentence) if e.type == "AGREE"], describe(events(sentence))


def test_events_concessions_offer_without_deadline_stays_agree() -> None:
    assert_event(
        "Turkey offered Sweden a compromise on the membership talks.",
        "AGREE",
        "turkey",
        "sweden",
    )
