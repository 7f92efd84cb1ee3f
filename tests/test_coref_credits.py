"""Datelines, bylines, photo credits and wire credits name no actor; an agency that speaks still does."""

from __future__ import annotations

import pytest

from newsevents.extract.actors.credits import credit_regions
from test_actors_helpers import actors_result


def _names(text: str) -> set[str]:
    return {m.span.text for a in actors_result(text).actors for m in a.mentions}


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("COLOMBO – The finance ministry said on Monday that fuel prices would rise next week.", "COLOMBO"),
        (
            "KAMPALA, Uganda, March 3 (Reuters) – The electoral commission said the vote would be delayed.",
            "Reuters",
        ),
        ("Lusaka (AFP) — The central bank said it would cut interest rates by half a point.", "AFP"),
        (
            "NEW DELHI: The foreign ministry said that talks with its neighbour would resume in the spring.",
            "NEW DELHI",
        ),
    ],
)
def test_coref_dateline_is_no_actor(text: str, credit: str) -> None:
    assert not any(credit in n for n in _names(text))
    start = text.index(credit)
    assert any(a <= start < b for a, b in credit_regions(text))


def test_coref_byline_and_photo_credit_are_no_actors() -> None:
    text = (
        "Farmers block roads over diesel prices\n"
        "By Maria Gonzalez\n"
        "Farmers blocked the main roads into the capital on Tuesday.\n"
        "Tractors on the ring road. — Courtesy Reuters"
    )
    names = _names(text)
    assert not any("Maria Gonzalez" in n or "Reuters" in n for n in names)


def test_coref_bracketed_wire_credit_is_no_actor_but_acronym_is() -> None:
    text = (
        "The Citizens Coalition for Change (CCC) said on Friday (ANI) that its members had been freed. "
        "The CCC said it would appeal."
    )
    names = _names(text)
    assert "ANI" not in names
    assert "CCC" in names


def test_coref_agency_that_reports_stays_an_actor() -> None:
    text = "Reuters reported that the talks had collapsed after two days in Geneva."
    result = actors_result(text)
    reuters = [a for a in result.actors if any(m.span.text == "Reuters" for m in a.mentions)]
    assert reuters and reuters[0].sector == "MED"
