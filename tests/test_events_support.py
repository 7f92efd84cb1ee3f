"""SUPPORT: realistic sentences written for this test, run through the real model."""

from __future__ import annotations

import pytest

from test_events_helpers import assert_event

CASES = [
    ("The European Union praised Kenya for its handling of the election.", "European Union", "Kenya"),
    ("Brazil's president thanked China for its help during the pandemic.", "Brazil", "China"),
    ("The opposition leader expressed solidarity with the striking miners.", "opposition leader", "miners"),
    ("Germany backed Poland's request for more NATO troops.", "Germany", "Poland"),
    (
        "Saudi Arabia and Iran restored diplomatic relations on Friday after talks in Beijing.",
        "Saudi",
        "Iran",
    ),
    ("Egyptian mediators praised Hamas for releasing two hostages.", "Egyptian", "Hamas"),
    ("Colombia's government and the ELN rebels signed a ceasefire agreement in Havana.", "Colombia", "ELN"),
    ("Poland thanked Germany for the Patriot missile batteries.", "Poland", "Germany"),
]


@pytest.mark.parametrize(("sentence", "actor", "recipient"), CASES)
def test_events_support_sentence_is_coded(sentence: str, actor: str | None, recipient: str | None) -> None:
    assert_event(sentence, "SUPPORT", actor, recipient)
