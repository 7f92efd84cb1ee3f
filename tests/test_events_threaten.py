"""THREATEN: realistic sentences written for this test, run through the real model."""

from __future__ import annotations

import pytest

from test_events_helpers import assert_event

CASES = [
    ("North Korea threatened to attack South Korea if the drills continued.", "North Korea", "South Korea"),
    ("Turkey warned Sweden against allowing protests near its embassy.", "Turkey", "Sweden"),
    ("The union said it will strike next week unless the government raises wages.", "union", None),
    ("South Korea warned North Korea against further missile launches.", "South Korea", "North Korea"),
    ("Iran threatened to close the Strait of Hormuz if sanctions were tightened.", "Iran", None),
]


@pytest.mark.parametrize(("sentence", "actor", "recipient"), CASES)
def test_events_threaten_sentence_is_coded(sentence: str, actor: str | None, recipient: str | None) -> None:
    assert_event(sentence, "THREATEN", actor, recipient)
