"""Speakers of quotes: lead-ins the parse makes the subject, and subjects found inside quoted words."""

from __future__ import annotations

import pytest
from tests.test_quotes_support import only_quote, quotes, speaker_words


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a live-blog time stamp glued onto the next paragraph's subject
        (
            "9:45 a.m.\n\nSenator Maria Lopez says the farm bill will pass the Senate next week.",
            "Maria Lopez",
        ),
        (
            "The Latest on the budget fight (all times local):\n\n4:10 p.m.\n\n"
            "Governor Daniel Reyes has told lawmakers that he will veto the spending plan.",
            "Daniel Reyes",
        ),
        # a dateline before a dash
        (
            "BOSTON (AP) — Mayor Thomas Walsh told reporters that the city would cut its budget.",
            "Thomas Walsh",
        ),
        (
            "Washington (AFP) – Republican Senator Susan Collins has criticised the White House over its "
            "budget, saying that deep cuts would hurt rural hospitals.",
            "Susan Collins",
        ),
        (
            "10:05 a.m.\n\nPresident Barack Obama says that despite the claims of his critics, he is not "
            "trying to take anyone’s guns.",
            "Barack Obama",
        ),
    ],
)
def test_lead_in_is_not_the_speaker(text: str, speaker: str) -> None:
    q = only_quote(text)
    assert speaker in speaker_words(q)


def test_dashes_inside_a_subject_phrase_keep_the_subject() -> None:
    q = only_quote(
        "Party leaders — whose unity was once their pride — both said the nominee must change course."
    )
    assert "Party leaders" in speaker_words(q)


def test_hyphenated_party_label_is_not_a_dateline() -> None:
    q = only_quote("Sen. Joe Manchin (D-W.Va.) said the tax plan would hurt working families.")
    assert "Manchin" in speaker_words(q)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The governor emailed donors saying: “The campaign continues” and vowing to stay in the race "
            "until the convention.",
            "The governor",
        ),
        (
            "The senator texted volunteers saying: “The work goes on” and pledging to campaign in every county.",
            "The senator",
        ),
        ("“We were wrong to wait so long,” Garcia, 61, told reporters in Madrid on Monday.", "Garcia"),
    ],
)
def test_speaker_is_not_taken_from_inside_the_quote(text: str, speaker: str) -> None:
    found = [q for q in quotes(text) if q.kind == "direct"]
    assert found, quotes(text)
    assert speaker in speaker_words(found[0])
