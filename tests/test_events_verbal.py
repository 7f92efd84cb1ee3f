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
