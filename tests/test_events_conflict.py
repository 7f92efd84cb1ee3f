"""Contentious events with an implicit side (extract/events/conflict.py): sentences written for this test,
run through the real model."""

from __future__ import annotations

import pytest

from test_events_helpers import assert_event, describe, events

CASES = [
    # a protest noun that happens, its protesters named before, its target in an "against" phrase
    (
        "Hundreds of demonstrators gathered in Quito on Monday. President Jorge Marin called for calm as "
        "the protests continued against him.",
        "PROTEST", "demonstrators", "Marin",
    ),
    # no protesters named at all: the crowd of the protests, the target of "anti-"
    ("Protests erupted in Dhaka on Sunday against the government.", "PROTEST", "protesters", "government"),
    ("Thousands of students joined anti-government protests in Caracas on Tuesday.", "PROTEST", "students", "government"),
    ("Farmers pitched protest tents outside the parliament in Kathmandu.", "PROTEST", "Farmers", None),
    # a fight between a pair named before
    (
        "Ethiopia and Eritrea signed a peace deal in 2018. On Tuesday, fresh clashes broke out between the "
        "two neighbours along the border.",
        "ASSAULT", "Ethiopia", "Eritrea",
    ),
    ("Following Sunday's clashes, the rebel fighters advanced towards the provincial capital.", "ASSAULT", "rebel fighters", None),
    ("Serbian troops tried to break through Kosovo's border on Tuesday, the ministry said.", "ASSAULT", "Serbian troops", "Kosovo"),
    (
        "Islamist militants captured an army outpost near the town on Monday. The army recaptured the outpost "
        "on Wednesday.",
        "ASSAULT", "army", "militants",
    ),
    ("Government troops retook the town from the rebels on Friday.", "ASSAULT", "troops", "rebels"),
    ("A drone attack launched by the rebels injured twelve people including four Egyptians.", "ASSAULT", "rebels", "Egyptians"),
    # coercion by an armed body surrounding a party's home; a participle's own subject
    (
        "Opposition leader Kizza Besigye spoke to reporters on Monday. On Tuesday his home was surrounded by "
        "police and soldiers, his lawyer said.",
        "COERCE", "police", "Besigye",
    ),
    ("Troops encircled the village of Kibati on Thursday.", "COERCE", "Troops", "Kibati"),
    (
        "The navy said it had spotted five Chinese coast guard ships and two militia boats blocking a "
        "Vietnamese supply vessel.",
        "COERCE", "Chinese", "Vietnamese",
    ),
    # forces out in force, advancing
    ("Police were out in force for the protests in Nairobi, where demonstrators burned tyres.", "MOBILIZE", "Police", "demonstrators"),
    ("Riot police were out in force for the rallies in Harare on Saturday.", "MOBILIZE", "police", "protesters"),
    ("Russian forces have made advances along the highway near Bakhmut.", "MOBILIZE", "Russian forces", None),
    # a fight in a time phrase is an act of its own; the verb of its clause stays free for its own act
    (
        "The ceasefire is the first pause since the army's offensive on the rebels following an attack on "
        "Kenyan troops by al-Shabaab fighters.",
        "ASSAULT", "al-Shabaab", "Kenyan troops",
    ),
    ("After Monday's clashes, the rebel fighters have made gains near the airport.", "MOBILIZE", "rebel fighters", None),
    # an act on a protest is an act on its protesters
    ("Riot police dispersed the rally in Minsk on Sunday.", "COERCE", "police", "protesters"),
    (
        "Hundreds of students marched in Dhaka on Monday. Police used tear gas and batons to break up the "
        "protests.",
        "ASSAULT", "Police", "students",
    ),
    ("Soldiers broke up the demonstration outside the palace in Conakry.", "COERCE", "Soldiers", "protesters"),
    # attackers in a "from" phrase, the other side of a fight, shots fired, a protest's purpose
    ("A Kenyan army convoy came under attack from al-Shabaab fighters near Mandera.", "ASSAULT", "al-Shabaab", "Kenyan"),
    ("Two demonstrators were killed in clashes with police in Khartoum on Monday.", "ASSAULT", "police", "demonstrators"),
    ("Chinese boats fired shots at a Philippine patrol vessel in the disputed waters.", "ASSAULT", "Chinese", "Philippine"),
    ("Thousands rallied in Tunis in protest against President Kais Saied.", "PROTEST", "Thousands", "Saied"),
    ("Demonstrators blocked a highway near Cusco to protest against the new government.", "PROTEST", "Demonstrators", "government"),
    # "their" in the time phrase of a clause stands for that clause's plural party
    (
        "A judge released 14 opposition activists on bail on Friday, a week after their arrest by police in Accra.",
        "COERCE", "police", "activists",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "type_", "actor", "recipient"), CASES)
def test_events_conflict_implicit_side_is_coded(
    text: str, type_: str, actor: str, recipient: str | None
) -> None:
    assert_event(text, type_, actor, recipient)


# Metaphors, contests and crowds that are no armed side: nothing contentious is coded.
NOT_CODED = [
    ("Supporters turned out in force for the candidate's rally in Ohio.", {"MOBILIZE", "PROTEST"}),
    ("The senator joined a campaign rally in Des Moines on Monday.", {"PROTEST"}),
    ("After last week's clashes over the budget, the senators advanced the bill.", {"ASSAULT", "MOBILIZE"}),
    ("Fresh clashes broke out between the two candidates during the televised debate.", {"ASSAULT"}),
    ("Stocks advanced on Tuesday after the central bank cut rates.", {"MOBILIZE"}),
    ("The champion regained the title after a bruising fight.", {"ASSAULT"}),
    ("Fans surrounded the singer outside the hotel.", {"COERCE"}),
    ("The company broke through the market's defences with a cheaper phone.", {"ASSAULT"}),
    ("After the clashes, the United Nations called for calm.", {"ASSAULT"}),
    ("Protesters broke through police lines outside the parliament.", {"ASSAULT"}),
    ("The union broke up the meeting after an hour of shouting.", {"COERCE"}),
    (
        "The two reporters were detained in Kano on Monday. A judge freed them three days after their arrest.",
        {"COERCE"},
    ),
    ("Police in Accra said on Monday that they would seek his arrest.", {"COERCE"}),
    ("The restaurant came under fire from critics for its prices.", {"ASSAULT"}),
    ("The minister came under fire from opposition lawmakers over the budget.", {"ASSAULT"}),
    ("The navy fired warning shots at a Russian submarine.", {"ASSAULT"}),
]


@pytest.mark.parametrize(("text", "types"), NOT_CODED)
def test_events_conflict_metaphors_are_not_coded(text: str, types: set[str]) -> None:
    found = [e for e in events(text) if e.type in types and e.rule.split(".")[2] in _CONFLICT_RULES]
    assert not found, describe(tuple(found))


_CONFLICT_RULES = {"protest-happens", "protest-join", "protest-camp", "fight-pair", "fight-before",
                   "break-through", "recapture", "surround", "advance", "in-force", "break-up", "arrests",
                   "under-attack", "launch-fire"}  # fmt: skip


def test_events_conflict_time_clause_is_its_own_act() -> None:
    """ "as people joined protests" is an act beside the main clause's, not its complement."""
    text = "Police fired tear gas on the opposition convoy as thousands joined anti-government protests in Lusaka."
    assert_event(text, "PROTEST", "thousands", "government")
    assert_event(text, "ASSAULT", "Police", "convoy")


def test_events_conflict_repelled_after_break_through_is_kept() -> None:
    text = "The ministry said Serbian forces tried to break through the border before being repelled by Kosovo police."
    assert_event(text, "ASSAULT", "Kosovo police", "Serbian forces")
