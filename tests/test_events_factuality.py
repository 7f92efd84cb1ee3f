"""Factuality and sense on hand-built sentences: prevented, wished, hypothetical and capacity readings are
not events; metaphors, idioms and particle verbs are not the lexicon entry's act; trade bans are SANCTION."""

from __future__ import annotations

import pytest

from test_events_helpers import assert_event, describe, events


@pytest.mark.parametrize(
    "text",
    [
        "The navy said it stopped the militia from seizing the tanker.",  # prevented
        "The president feared meeting the rebels.",  # feared, not done
        "The minister hopes to visit Kenya.",  # a wish
        "Farmers reserve the right to protest against the government.",  # a capacity
        "The premier could resign if the vote fails.",  # a guess
        "Iran backed off from its earlier remarks.",  # "back off" is no support, nor a retreat from words
        "The new president was sworn in by parliament.",  # an inauguration, not a vow
        "The soldiers committed atrocities against villagers.",  # committing a crime is no promise
        "Parliament approved a motion against the ambassador.",  # a vote, not an agreement
        "The army destroyed a drone launched by the rebels.",  # air defence
        "The government abused its power to silence critics.",  # misuse, not torture
        "North Korea test-fired missiles into the sea.",  # a weapons test, not an attack
        "The senator attacked her rival's tax plan in a debate.",  # campaign metaphor
        "The Democrats are fighting hard for every vote in the primary.",  # campaign metaphor
        "Shares in the bank were hit by fears of a recession.",  # market metaphor
        "The governor vowed to fight the new tax law in court.",  # a legal fight
        "The opposition leader later withdrew his petition.",  # a filing, not a retreat
    ],
)
def test_events_not_an_act(text: str) -> None:
    assert not events(text), describe(events(text))


def test_events_negation_is_not_shared_by_and_coordination() -> None:
    # "never ratified" does not negate "withdrew"
    found = events("Russia never ratified the treaty, and withdrew its troops from Syria in 2016.")
    assert [e.type for e in found] == ["RETREAT"], describe(found)
    assert found[0].context is None


def test_events_negation_is_shared_by_or_coordination() -> None:
    assert not [e for e in events("The rebels did not attack or shell the town.") if e.type == "ASSAULT"]


def test_events_plans_noun_makes_a_planned_act() -> None:
    e = assert_event("The opposition announced plans to blockade the port.", "THREATEN", "opposition", "port")
    assert (e.context or "").startswith("future:")


def test_events_a_decision_is_the_act() -> None:
    e = assert_event(
        "Algeria decided to cut diplomatic relations with Morocco.", "SANCTION", "algeria", "morocco"
    )
    assert e.context is None


def test_events_trade_ban_is_a_sanction() -> None:
    assert_event("Saudi Arabia banned imports from Turkey.", "SANCTION", "saudi", "turkey")
    assert not [e for e in events("Saudi Arabia banned imports from Turkey.") if e.type == "COERCE"]


def test_events_one_reading_per_verb() -> None:
    found = events("Rebels vowed to fight the army until the end.")
    assert [e.type for e in found] == ["THREATEN"], describe(found)
    assert_event("China vowed countermeasures against US sanctions.", "THREATEN", "china", "us")
