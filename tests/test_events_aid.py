"""AID: realistic sentences written for this test, run through the real model."""

from __future__ import annotations

import pytest

from test_events_helpers import assert_event

CASES = [
    ("The World Bank gave Pakistan 300 million dollars in flood relief.", "World Bank", "Pakistan"),
    ("Sweden granted asylum to two Belarusian journalists.", "Sweden", "journalists"),
    ("The United States sent humanitarian aid to Turkey after the earthquake.", "United States", "Turkey"),
    ("The United Nations sent food aid to Haiti in March.", "United Nations", "Haiti"),
]


@pytest.mark.parametrize(("sentence", "actor", "recipient"), CASES)
def test_events_aid_sentence_is_coded(sentence: str, actor: str | None, recipient: str | None) -> None:
    assert_event(sentence, "AID", actor, recipient)
