"""SANCTION: realistic sentences written for this test, run through the real model."""

from __future__ import annotations

import pytest

from test_events_helpers import assert_event

CASES = [
    ("The United States imposed sanctions on Iranian oil companies.", "United States", "oil companies"),
    ("Lithuania expelled three Russian diplomats on Monday.", "Lithuania", "diplomats"),
    ("Morocco cut diplomatic ties with Iran in 2018.", "Morocco", "Iran"),
    (
        "The European Union imposed new sanctions on Belarus over the forced landing of a Ryanair jet.",
        "European Union",
        "Belarus",
    ),
    ("The Malian junta expelled the French ambassador on Monday.", "junta", "ambassador"),
    ("France recalled its ambassador from Niger after the coup.", "France", "Niger"),
]


@pytest.mark.parametrize(("sentence", "actor", "recipient"), CASES)
def test_events_sanction_sentence_is_coded(sentence: str, actor: str | None, recipient: str | None) -> None:
    assert_event(sentence, "SANCTION", actor, recipient)
