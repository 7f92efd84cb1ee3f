"""ASSAULT: realistic sentences written for this test, run through the real model."""

from __future__ import annotations

import pytest

from test_events_helpers import assert_event

CASES = [
    ("Russian missiles struck Kyiv early on Monday, killing three civilians.", "Russian missiles", "Kyiv"),
    ("Gunmen killed 12 villagers in northern Burkina Faso on Sunday.", "Gunmen", "villagers"),
    ("Israeli aircraft bombed Hamas positions in Gaza overnight.", "Israeli aircraft", "Hamas"),
    ("A journalist was shot dead by soldiers in Jenin.", "soldiers", "journalist"),
    ("Ethiopian troops shelled rebel positions in Tigray late on Wednesday.", "Ethiopian", "rebel"),
    ("Hezbollah fired dozens of rockets at northern Israel on Sunday.", "Hezbollah", "Israel"),
    ("Rebels ambushed a military convoy near Goma, killing five soldiers.", "Rebels", None),
    ("A suicide bomber killed 30 people at a mosque in Peshawar.", "bomber", "people"),
]


@pytest.mark.parametrize(("sentence", "actor", "recipient"), CASES)
def test_events_assault_sentence_is_coded(sentence: str, actor: str | None, recipient: str | None) -> None:
    assert_event(sentence, "ASSAULT", actor, recipient)
