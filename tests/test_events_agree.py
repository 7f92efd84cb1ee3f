"""AGREE: realistic sentences written for this test, run through the real model."""

from __future__ import annotations

import pytest

from test_events_helpers import assert_event

CASES = [
    ("Ukraine and Russia agreed on Tuesday to a prisoner exchange brokered by Turkey.", "Ukraine", None),
    (
        "The Colombian government promised to hand over land to former FARC fighters.",
        "Colombian government",
        None,
    ),
    (
        "Japan will provide Indonesia with a loan of 500 million dollars to rebuild ports.",
        "Japan",
        "Indonesia",
    ),
    ("Egypt offered to mediate between Hamas and Israel after the fighting.", "Egypt", None),
    ("Qatar pledged 500 million dollars in aid to Afghanistan.", "Qatar", "Afghanistan"),
    ("Germany will send 14 Leopard tanks to Ukraine.", "Germany", "Ukraine"),
    ("Japan agreed to provide Ukraine with 5.5 billion dollars in financial support.", "Japan", "Ukraine"),
]


@pytest.mark.parametrize(("sentence", "actor", "recipient"), CASES)
def test_events_agree_sentence_is_coded(sentence: str, actor: str | None, recipient: str | None) -> None:
    assert_event(sentence, "AGREE", actor, recipient)
