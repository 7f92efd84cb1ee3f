"""COOPERATE: realistic sentences written for this test, run through the real model."""

from __future__ import annotations

import pytest

from test_events_helpers import assert_event

CASES = [
    ("Kenya extradited a suspected Somali militant to the United States on Tuesday.", "Kenya", "militant"),
    (
        "Jordanian intelligence shared information with Israel about the plot.",
        "Jordanian intelligence",
        "Israel",
    ),
]


@pytest.mark.parametrize(("sentence", "actor", "recipient"), CASES)
def test_events_cooperate_sentence_is_coded(sentence: str, actor: str | None, recipient: str | None) -> None:
    assert_event(sentence, "COOPERATE", actor, recipient)
