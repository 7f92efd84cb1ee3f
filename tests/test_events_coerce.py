"""COERCE: realistic sentences written for this test, run through the real model."""

from __future__ import annotations

import pytest

from test_events_helpers import assert_event

CASES = [
    ("Iranian police arrested dozens of protesters in Tehran on Saturday.", "Iranian police", "protesters"),
    ("The junta banned the main opposition party.", "junta", "opposition party"),
    ("Israeli forces demolished Palestinian homes in East Jerusalem.", "Israeli forces", "Palestinian"),
    ("The authorities imposed a curfew in the city of Jos.", "authorities", "Jos"),
    (
        "Pakistani police detained 200 supporters of former prime minister Imran Khan in Lahore.",
        "police",
        "supporters",
    ),
    ("The Taliban banned women from working for aid agencies.", "Taliban", "women"),
]


@pytest.mark.parametrize(("sentence", "actor", "recipient"), CASES)
def test_events_coerce_sentence_is_coded(sentence: str, actor: str | None, recipient: str | None) -> None:
    assert_event(sentence, "COERCE", actor, recipient)
