"""ACCUSE: realistic sentences written for this test, run through the real model."""

from __future__ import annotations

import pytest

from test_events_helpers import assert_event

CASES = [
    ("Iran accused Israel of sabotaging its nuclear facility at Natanz.", "Iran", "Israel"),
    (
        "The Polish government condemned Belarus for the attack on its embassy.",
        "Polish government",
        "Belarus",
    ),
    ("Prosecutors in Argentina charged the former president with corruption.", "Prosecutors", "president"),
    ("Serbia blamed Kosovo for the violence at the border.", "Serbia", "Kosovo"),
    (
        "The Philippine coast guard accused Chinese vessels of blocking a resupply mission.",
        "coast guard",
        "Chinese",
    ),
    (
        "The Chinese foreign ministry criticised the United States for its arms sales to Taiwan.",
        "Chinese",
        "United States",
    ),
    ("Moldova accused Russia of plotting a coup.", "Moldova", "Russia"),
]


@pytest.mark.parametrize(("sentence", "actor", "recipient"), CASES)
def test_events_accuse_sentence_is_coded(sentence: str, actor: str | None, recipient: str | None) -> None:
    assert_event(sentence, "ACCUSE", actor, recipient)
