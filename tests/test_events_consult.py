"""CONSULT: realistic sentences written for this test, run through the real model."""

from __future__ import annotations

import pytest

from test_events_helpers import assert_event

CASES = [
    (
        "French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin on Monday.",
        "Macron",
        "Scholz",
    ),
    (
        "Indian Prime Minister Narendra Modi held talks with Japanese Prime Minister Fumio Kishida in Tokyo.",
        "Modi",
        "Kishida",
    ),
    ("Secretary of State Antony Blinken visited Kyiv on Thursday.", "Blinken", "Kyiv"),
    (
        "The Saudi foreign minister spoke by phone with his Iranian counterpart on Sunday.",
        "Saudi foreign minister",
        None,
    ),
    (
        "Turkish President Recep Tayyip Erdogan hosted Israeli President Isaac Herzog in Ankara.",
        "Erdogan",
        "Herzog",
    ),
    ("Armenia and Azerbaijan held talks in Washington last week.", "Armenia", "Azerbaijan"),
    (
        "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi on Tuesday.",
        "Ruto",
        "Abiy",
    ),
]


@pytest.mark.parametrize(("sentence", "actor", "recipient"), CASES)
def test_events_consult_sentence_is_coded(sentence: str, actor: str | None, recipient: str | None) -> None:
    assert_event(sentence, "CONSULT", actor, recipient)
