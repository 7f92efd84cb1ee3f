"""REJECT: realistic sentences written for this test, run through the real model."""

from __future__ import annotations

import pytest

from test_events_helpers import assert_event

CASES = [
    ("Hamas rejected the Egyptian ceasefire proposal on Wednesday.", "Hamas", "Egyptian"),
    ("The Taliban refused to meet the UN envoy in Kabul.", "Taliban", "envoy"),
    ("Russia vetoed a Security Council resolution on Syria.", "Russia", "Security Council"),
    ("Hungary said it would not accept refugees from Libya.", "Hungary", None),
    ("The Kremlin rejected a Ukrainian proposal for a Christmas truce.", "Kremlin", "Ukrainian"),
]


@pytest.mark.parametrize(("sentence", "actor", "recipient"), CASES)
def test_events_reject_sentence_is_coded(sentence: str, actor: str | None, recipient: str | None) -> None:
    assert_event(sentence, "REJECT", actor, recipient)
