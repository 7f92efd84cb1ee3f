"""Participants across clauses and phrases (issue 15): hand-made sentences for each construction."""

from __future__ import annotations

import pytest

from test_events_helpers import assert_event, describe, events, words


@pytest.mark.parametrize(
    ("text", "type_", "actor", "recipient"),
    [
        # a participle coordinated with a passive is passive too: the shared subject undergoes both acts
        ("The rebel commander was tried and arrested by the army in Goma last week.", "COERCE", "army", "commander"),
        # a conjoined passive with its own auxiliary shares the subject and the first verb's agent
        ("Two Japanese fishing boats were blocked by Russian patrol ships and were threatened with arrest.",
         "THREATEN", "russia", "jap"),
    ],
)  # fmt: skip
def test_events_coordinated_passives_share_subject_and_agent(
    text: str, type_: str, actor: str, recipient: str
) -> None:
    assert_event(text, type_, actor, recipient)


def test_events_conjoined_participle_is_not_its_own_actor() -> None:
    found = events("The former mayor was charged and detained on Friday.")
    assert not any(e.actor and "mayor" in words(e.actor) for e in found), describe(found)


def test_events_agent_hung_on_the_instrument() -> None:
    # "by the navy" attaches to "cannon" in the parse; it is still who hit the boat
    assert_event(
        "A Vietnamese fishing boat was hit with a water cannon by the Chinese navy near the Paracel Islands.",
        "ASSAULT", "chin", "vietnam",
    )  # fmt: skip


def test_events_purpose_clause_counterpart_is_the_one_contacted() -> None:
    assert_event(
        "Alberto Fernandez faced protests. Lula contacted him Sunday to express his solidarity.",
        "SUPPORT", "lula", "fernandez",
    )  # fmt: skip
    # only a verb of contact lends its object: leaving a city does not make it the one supported
    found = events("Lula left Brasilia Sunday to express his solidarity.")
    assert not any(e.type == "SUPPORT" for e in found), describe(found)


def test_events_free_relative_description_names_the_target() -> None:
    assert_event(
        "The African Union condemned what it described as the brutal attacks of the Janjaweed militia.",
        "ACCUSE", "african union", "janjaweed",
    )  # fmt: skip


def test_events_receiver_of_a_donation() -> None:
    assert_event("Nepal on Monday received 20 ambulances donated by Japan.", "AID", "japan", "nepal")


def test_events_description_named_by_its_apposition() -> None:
    e = assert_event(
        "The OSCE's special monitoring team in the east, SMM, accused the separatists of shelling.",
        "ACCUSE", "smm", "separatists",
    )  # fmt: skip
    assert e.actor is not None and e.actor.name == "SMM"  # not the place or body named inside the description
