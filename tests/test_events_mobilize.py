"""MOBILIZE: realistic sentences written for this test, run through the real model."""

from __future__ import annotations

import pytest

from test_events_helpers import assert_event

CASES = [
    ("India deployed additional troops to the Ladakh region.", "India", "Ladakh"),
    ("Russia mobilized 300,000 reservists in September.", "Russia", None),
    ("Chinese warships were put on alert near Taiwan.", None, None),
    ("India moved additional troops to its border with China.", "India", None),
]


@pytest.mark.parametrize(("sentence", "actor", "recipient"), CASES)
def test_events_mobilize_sentence_is_coded(sentence: str, actor: str | None, recipient: str | None) -> None:
    assert_event(sentence, "MOBILIZE", actor, recipient)
