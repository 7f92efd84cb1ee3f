"""Verbal events (ACCUSE, SUPPORT, REQUEST, REJECT, THREATEN): hand-made sentences for ``extract/events/verbal``."""

from __future__ import annotations

import pytest

from test_events_helpers import assert_event, describe, events, words


@pytest.mark.parametrize(
    ("text", "type_", "actor", "recipient"),
    [
        # the possessor owns the act or the thing
        ("The navy condemned the Chinese coast guard's reckless use of water cannon.", "ACCUSE", "navy",
         "chinese coast guard"),
        ("Albania denounced Serbia's crackdown on protesters.", "ACCUSE", "albania", "serbia"),
        ("The foreign minister praised Egypt's role in the negotiations.", "SUPPORT", "minister", "egypt"),
        ("The senator criticised the government's decision to raise taxes.", "ACCUSE", "senator",
         "government"),
        # a modifier that names a country or an organisation
        ("The rebels rejected a Senegalese peace plan on Friday.", "REJECT", "rebels", "sen"),
        ("Russia vetoed a Security Council resolution on Syria.", "REJECT", "russia", "security council"),
        # the author of the act, by its participle
        ("The agency launched an investigation into crimes committed by government forces.", "ACCUSE",
         "agency", "government forces"),
        # "what X described as Y": the description is the object
        ("The UN mission condemned what it described as the hostile acts of the rebels.", "ACCUSE",
         "mission", "rebels"),
    ],
)  # fmt: skip
def test_events_verbal_recipient_owns_the_thing(text: str, type_: str, actor: str, recipient: str) -> None:
    e = assert_event(text, type_, actor, recipient)
    assert "events." in e.rule


def test_events_verbal_own_thing_keeps_its_counterpart() -> None:
    # "his" is the actor himself: the counterpart is the thing's own "to" phrase
    text = "President Aldo Berisha has reneged on his commitment to the opposition parties."
    assert_event(text, "REJECT", "berisha", "opposition")
    assert not any(e.recipient and "berisha" in words(e.recipient) for e in events(text)), describe(
        events(text)
    )


@pytest.mark.parametrize(
    "text",
    [
        # the agent of "rebuffed" is not the author of the compromise
        "The governor called for lower taxes in a compromise rebuffed by the unions.",
        # no owner named: no recipient, no event
        "Hamas condemned the attack.",
    ],
)
def test_events_verbal_no_owner_no_recipient(text: str) -> None:
    found = [e for e in events(text) if e.type in ("REQUEST", "ACCUSE")]
    assert not any(e.recipient and "union" in words(e.recipient) for e in found), describe(found)
    if "Hamas" in text:
        assert not found, describe(found)


def test_events_verbal_undergone_act_is_not_the_party_accused() -> None:
    # criticising "X's arrest" criticises whoever arrested X, whom this sentence does not name
    text = "Rights groups criticised Omar Haddad’s arrest in the capital."
    assert not any(
        e.type == "ACCUSE" and e.recipient and "haddad" in words(e.recipient) for e in events(text)
    ), describe(events(text))


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        ("President Amara called his rival Kofi Mensah a “traitor” on Sunday.", "amara", "mensah"),
        ("The opposition leader described the prime minister as a puppet of Washington.", "opposition leader",
         "prime minister"),
        ("Obrador had labelled Boluarte a usurper.", "obrador", "boluarte"),
    ],
)  # fmt: skip
def test_events_verbal_insulting_name_is_an_accusation(text: str, actor: str, recipient: str) -> None:
    e = assert_event(text, "ACCUSE", actor, recipient)
    assert e.rule == "events.accuse.label.label"


@pytest.mark.parametrize(
    "text",
    [
        "The minister called the deal a great success for Kenya.",
        "The president described his counterpart as a close friend.",
    ],
)
def test_events_verbal_a_kind_name_is_no_accusation(text: str) -> None:
    assert not [e for e in events(text) if e.type == "ACCUSE"], describe(events(text))


@pytest.mark.parametrize(
    ("text", "type_", "actor", "recipient"),
    [
        ("India and Pakistan traded accusations over the border clash.", "ACCUSE", "india", "pakistan"),
        (
            "The two neighbours, Ghana and Togo, exchanged threats after the raid.",
            "THREATEN",
            "ghana",
            "togo",
        ),
    ],
)
def test_events_verbal_mutual_accusations(text: str, type_: str, actor: str, recipient: str) -> None:
    e = assert_event(text, type_, actor, recipient)
    assert e.rule.endswith(".mutual.mutual")


def test_events_verbal_quoted_demand_is_the_speakers_request() -> None:
    # the demand is a sentence of its own inside the quote: no reporting verb governs it
    text = "President Felix Tshisekedi said on Monday: “Our patience is over. Kagame must stop supporting the rebels.”"
    e = assert_event(text, "REQUEST", "tshisekedi", "kagame")
    assert e.rule == "events.request.quote-demand.modal-demand"
    assert e.quote_id is not None


@pytest.mark.parametrize(
    "text",
    [
        "“We must stay calm,” President Felix Tshisekedi said on Monday.",
        "“There must be an inquiry,” President Felix Tshisekedi said on Monday.",
    ],
)
def test_events_verbal_quoted_self_exhortation_is_no_request(text: str) -> None:
    assert not [e for e in events(text) if e.type == "REQUEST"], describe(events(text))


@pytest.mark.parametrize(
    "text",
    [
        "The former minister Ana Duarte has rejected all charges against her.",
        "Opposition leader Kofi Mensah refused to accept the result of the election.",
    ],
)
def test_events_verbal_rejected_charges_need_no_recipient(text: str) -> None:
    found = [e for e in events(text) if e.type == "REJECT"]
    assert found and found[0].recipient is None, describe(events(text))


def test_events_verbal_other_rejections_still_need_a_counterpart() -> None:
    text = "The minister rejected the proposal on Monday."
    assert not [e for e in events(text) if e.type == "REJECT"], describe(events(text))
