"""Cooperative and diplomatic events on whole-article constructions: the pair named before (*the two
leaders*), a bloc's members acting together, a possessor who visits, the place a state visit goes to.
Sentences written for this test, run through the real model."""

from __future__ import annotations

import pytest

from test_events_helpers import assert_event, describe, events, words

PAIR_CASES = [
    (
        "Chilean President Gabriel Boric welcomed Argentine President Alberto Fernandez to Santiago on "
        "Monday. The two leaders held talks on lithium exports.",
        "CONSULT",
        ("boric", "fernandez"),
    ),
    (
        "Fighting between Armenia and Azerbaijan flared again in the mountains. A ceasefire deal between "
        "the two sides was signed in Moscow on Friday.",
        "AGREE|SUPPORT",  # signing a treaty: the real-dev coders accept either
        ("armenia", "azerbaijan"),
    ),
    (
        "Peru recalled its ambassador from Mexico last month. On Tuesday the two countries held talks "
        "in Lima to mend relations.",
        "CONSULT",
        ("peru", "mexico"),
    ),
]


@pytest.mark.parametrize(("text", "type_", "sides"), PAIR_CASES)
def test_a_pair_phrase_is_the_pair_named_before(text: str, type_: str, sides: tuple[str, str]) -> None:
    found = [e for e in events(text) if e.type in type_.split("|") and e.actor and e.recipient]
    pairs = [{words(e.actor), words(e.recipient)} for e in found]
    assert any(any(sides[0] in w for w in p) and any(sides[1] in w for w in p) for p in pairs), describe(
        events(text)
    )


def test_an_agreement_signed_at_a_summit_is_between_the_summits_parties() -> None:
    text = (
        "Japanese Prime Minister Fumio Kishida held a summit with South Korean President Yoon Suk Yeol in "
        "Tokyo on Thursday. Four agreements on energy and trade were signed at the summit."
    )
    found = [e for e in events(text) if e.type in ("AGREE", "SUPPORT") and e.actor and e.recipient]
    assert any(
        {"kishida", "yoon"}
        <= {w for e2 in (e.actor, e.recipient) for w in ("kishida", "yoon") if w in words(e2)}
        for e in found
    ), describe(events(text))


def test_an_agentless_signing_with_no_meeting_before_names_nobody() -> None:
    text = "Four agreements on energy and trade were signed at the summit on Thursday."
    assert not [e for e in events(text) if e.type in ("AGREE", "SUPPORT")], describe(events(text))


def test_a_pair_phrase_with_no_pair_before_it_is_not_coded() -> None:
    # nobody is named before "the two leaders": no half-dyad is made up
    text = "The two leaders held talks on lithium exports on Monday."
    assert not [e for e in events(text) if e.type == "CONSULT"], describe(events(text))


def test_the_two_countries_are_states_not_cities() -> None:
    text = (
        "The minister flew from Nairobi to Dar es Salaam, where Kenya and Tanzania disputed the border. "
        "Later the two countries signed a trade agreement."
    )
    found = [e for e in events(text) if e.actor and e.recipient and e.type in ("AGREE", "SUPPORT")]
    assert found, describe(events(text))
    for e in found:
        assert "dar es salaam" not in words(e.actor) + words(e.recipient), describe(events(text))


def test_bloc_members_meeting_among_themselves_need_no_counterpart() -> None:
    e = assert_event(
        "ASEAN foreign ministers held a special meeting on the crisis in Jakarta on Wednesday.",
        "CONSULT",
        "asean",
        None,
    )
    assert e.recipient is None


def test_a_single_state_meeting_without_counterpart_is_still_not_coded() -> None:
    text = "Brazil held a meeting on the budget on Wednesday."
    assert not [e for e in events(text) if e.type == "CONSULT"], describe(events(text))


def test_a_possessive_pronoun_is_the_visitor() -> None:
    assert_event(
        "Nigerian President Bola Tinubu said on Monday that his visit to Ghana had strengthened trade.",
        "CONSULT",
        "tinubu",
        "ghana",
    )


def test_a_possessive_pronoun_is_not_the_agent_of_an_arrest() -> None:
    text = "Police in Lagos said his arrest followed a raid on Monday."
    for e in events(text):
        assert not (e.actor and e.actor.span.text.lower() == "his"), describe(events(text))


def test_a_state_visit_goes_to_the_place_the_visitor_was_in() -> None:
    assert_event(
        "Kenyan President William Ruto, who was in Uganda for a three-day state visit, praised the trade deal.",
        "CONSULT",
        "ruto",
        "uganda",
    )


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        ("Brazilian President Lula called Argentine President Javier Milei on Tuesday.", "lula", "milei"),
        ("Chancellor Scholz called his French counterpart to discuss the budget.", "scholz", "counterpart"),
    ],
)
def test_calling_a_person_is_a_phone_call(text: str, actor: str, recipient: str) -> None:
    assert_event(text, "CONSULT", actor, recipient)


@pytest.mark.parametrize(
    "text",
    [
        "Senator Warren called the governor a coward in a speech.",
        "Senator Warren called the senator “a disgrace” on Monday.",
        "The Kenyan opposition called off the protest on Friday.",
        "Prime Minister Sanchez called elections for July.",
        "Senator Warren calls Medicare ‘a broken system’ during campaign stop.",
    ],
)
def test_calling_someone_names_or_summons_no_call(text: str) -> None:
    assert not [e for e in events(text) if e.rule.startswith("events.consult.call")], describe(events(text))


def test_a_day_after_call_is_no_call_on() -> None:
    # "on Tuesday" dates the call; it does not make "called ... on" an appeal
    text = "Brazilian President Lula called Argentine President Javier Milei on Tuesday."
    assert not [e for e in events(text) if e.type == "REQUEST"], describe(events(text))


def test_an_act_joined_by_while_is_not_the_complement_of_the_first() -> None:
    text = "Hamas pledged to stop firing rockets, while Israel promised to release 30 Palestinian prisoners."
    found = [e for e in events(text) if e.type in ("AGREE", "CONCEDE") and "israel" in words(e.actor)]
    assert found, describe(events(text))


def test_have_to_engage_is_a_demand_not_a_meeting() -> None:
    text = "Serbia and Kosovo have to engage in talks with the European Union, the envoy said."
    assert not [e for e in events(text) if e.type == "CONSULT"], describe(events(text))


def test_a_legislature_approving_by_votes_is_no_agreement() -> None:
    text = (
        "On Thursday, Chilean lawmakers approved by 80 votes to 30 a motion against the Bolivian president."
    )
    assert not [e for e in events(text) if e.type == "AGREE"], describe(events(text))


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        (
            "Egyptian President Abdel Fattah al-Sisi attended a summit hosted by Saudi Arabia.",
            "sisi",
            "saudi",
        ),
        (
            "Ministers from three Gulf states joined a meeting hosted in Jordan on Sunday.",
            "ministers",
            "jordan",
        ),
    ],
)
def test_joining_a_hosted_meeting_is_a_consultation_with_the_host(
    text: str, actor: str, recipient: str
) -> None:
    assert_event(text, "CONSULT", actor, recipient)


def test_joining_an_organisation_is_no_meeting() -> None:
    text = "Finland joined NATO in April after decades of neutrality."
    assert not [e for e in events(text) if e.rule.startswith("events.consult.attend")], describe(events(text))


def test_a_mediation_effort_between_two_sides_is_a_consultation() -> None:
    assert_event(
        "Kenyan President William Ruto launched a mediation effort between Sudan and South Sudan on Monday.",
        "CONSULT",
        "ruto",
        "sudan",
    )


def test_two_leaders_speaking_by_phone_consult_each_other() -> None:
    assert_event("Emmanuel Macron and Olaf Scholz spoke by phone on Monday.", "CONSULT", "macron", "scholz")


def test_declaring_a_ceasefire_with_rebels_is_a_concession() -> None:
    assert_event(
        "The Sudanese army declared a ceasefire with the rebels on Monday.", "CONCEDE", "army", "rebels"
    )


def test_an_invitation_to_visit_is_an_offer_not_the_visit() -> None:
    text = "Turkish President Erdogan invited Russian President Putin to visit Ankara."
    assert_event(text, "AGREE", "erdogan", "putin")
    assert not [e for e in events(text) if e.type == "CONSULT"], describe(events(text))


def test_an_invitation_to_a_seat_is_no_diplomacy() -> None:
    text = "The senator invited the governor to sit in the front row at the debate."
    assert not [e for e in events(text) if e.rule.startswith("events.agree.invite")], describe(events(text))
