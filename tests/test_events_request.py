"""REQUEST: realistic sentences written for this test, run through the real model."""

from __future__ import annotations

import pytest

from test_events_helpers import assert_event

CASES = [
    ("China demanded that Japan withdraw its coast guard vessels.", "China", "Japan"),
    ("The UN chief urged both sides to return to the negotiating table.", "UN chief", "sides"),
    ("Human Rights Watch called on Egypt to release detained activists.", "Human Rights Watch", "Egypt"),
    ("Iraq's foreign minister said Turkey must stop its strikes in the north.", "foreign minister", "Turkey"),
    (
        "Nigeria's president urged the military to end the insurgency in the northeast.",
        "president",
        "military",
    ),
    ("The opposition demanded the resignation of the interior minister.", "opposition", None),
]


@pytest.mark.parametrize(("sentence", "actor", "recipient"), CASES)
def test_events_request_sentence_is_coded(sentence: str, actor: str | None, recipient: str | None) -> None:
    assert_event(sentence, "REQUEST", actor, recipient)
