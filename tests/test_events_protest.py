"""PROTEST: realistic sentences written for this test, run through the real model."""

from __future__ import annotations

import pytest

from test_events_helpers import assert_event

CASES = [
    ("Thousands of farmers protested in New Delhi against the new farm laws.", "farmers", None),
    ("Doctors in Kenya went on strike over unpaid salaries.", "Doctors", None),
    ("Opposition supporters blocked roads in Dhaka on Sunday.", "Opposition supporters", None),
    (
        "Palestinian prisoners began a hunger strike to protest their detention without trial.",
        "Palestinian prisoners",
        None,
    ),
    ("Thousands of teachers marched through Buenos Aires to protest against pay cuts.", "teachers", None),
    ("Workers at the port of Antwerp went on strike over pension reforms.", "Workers", None),
]


@pytest.mark.parametrize(("sentence", "actor", "recipient"), CASES)
def test_events_protest_sentence_is_coded(sentence: str, actor: str | None, recipient: str | None) -> None:
    assert_event(sentence, "PROTEST", actor, recipient)
