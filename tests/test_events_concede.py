"""CONCEDE: realistic sentences written for this test, run through the real model."""

from __future__ import annotations

import pytest

from test_events_helpers import assert_event

CASES = [
    ("The military government lifted the curfew in Yangon on Friday.", "military government", "Yangon"),
    ("The teachers' union called off its strike after talks with the ministry.", "union", None),
    ("The governor pardoned 53 political prisoners last month.", "governor", "prisoners"),
]


@pytest.mark.parametrize(("sentence", "actor", "recipient"), CASES)
def test_events_concede_sentence_is_coded(sentence: str, actor: str | None, recipient: str | None) -> None:
    assert_event(sentence, "CONCEDE", actor, recipient)
