"""RETREAT: realistic sentences written for this test, run through the real model."""

from __future__ import annotations

import pytest

from test_events_helpers import assert_event

CASES = [
    ("Russian forces withdrew from Kherson on Friday.", "Russian forces", "Kherson"),
    ("The prime minister of Peru resigned on Sunday amid protests.", "prime minister", None),
    ("Hundreds of rebel fighters surrendered to the army in North Kivu.", "rebel fighters", "army"),
    ("Sri Lanka's president resigned after months of protests.", "president", None),
    ("Russian forces pulled out of the city of Kherson in November.", "Russian forces", "Kherson"),
]


@pytest.mark.parametrize(("sentence", "actor", "recipient"), CASES)
def test_events_retreat_sentence_is_coded(sentence: str, actor: str | None, recipient: str | None) -> None:
    assert_event(sentence, "RETREAT", actor, recipient)
