"""Regression: a relative pronoun whose reporter leads back to a pronoun ("most of whom had announced
their support -- who praised her record") once sent the participant check round the loop
_political -> _reporter -> _political until RecursionError, and the article lost all its events."""

from __future__ import annotations

import pytest

import newsevents

LOOPING_SENTENCES = [
    "The senator released a list of pledges from 40 former ambassadors -- many of whom had already declared "
    "their backing -- who praised her record as a governor in contrast to the rival candidate who lacks "
    "experience abroad and has attacked allies as well as enemies.",
    "The governor published a letter from 30 retired judges -- most of whom had earlier announced their "
    "support -- who cited his record in contrast to the challenger who has attacked allies and rivals alike.",
]


@pytest.mark.parametrize("text", LOOPING_SENTENCES)
def test_reporter_chain_ends(text: str) -> None:
    result = newsevents.extract(text)
    assert [e.message for e in result.errors] == []
