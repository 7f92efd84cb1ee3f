"""Mixed and indirect speech whose content the parse cuts short: quoted stretches and conjuncts kept whole."""

from __future__ import annotations

import pytest

from test_quotes_support import assert_spans_valid, only_quote


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The governor told supporters on Friday that the state has “weathered every storm they’ve "
            "thrown at us, and we are still standing.”",
            "the state has “weathered every storm they’ve thrown at us, and we are still standing",
            "governor",
        ),
        (
            "Johnson said that the plan “will not survive a single winter. Nobody in this building "
            "believes otherwise.”",
            "the plan “will not survive a single winter. Nobody in this building believes otherwise",
            "Johnson",
        ),
        (
            "According to the report, “the agency failed to act on repeated warnings. Several inspectors "
            "resigned in protest.”",
            "“the agency failed to act on repeated warnings. Several inspectors resigned in protest",
            "report",
        ),
        (
            "Mayor Alvarez tells reporters that “if the council stalls again, we will take this to the "
            "voters. They deserve a say.”",
            "“if the council stalls again, we will take this to the voters. They deserve a say",
            "Alvarez",
        ),
    ],
)
def test_quotes_mixed_content_runs_to_the_closing_mark(text: str, content: str, speaker: str) -> None:
    q = only_quote(text)
    assert q.kind == "mixed"
    assert q.content.text == content
    assert q.speaker is not None and speaker in f"{q.speaker.name} {q.speaker.mention.text}"
    assert_spans_valid(text, q)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The coach said “we got outworked” in the second half of the game.",
            "“we got outworked” in the second half of the game",
        ),
        (
            "Senator Diaz says “the budget is a fantasy” because the revenue figures were never audited.",
            "“the budget is a fantasy” because the revenue figures were never audited",
        ),
    ],
)
def test_quotes_mixed_quote_after_cue_with_the_clause_going_on(text: str, content: str) -> None:
    q = only_quote(text)
    assert q.kind == "mixed"
    assert q.content.text == content
    assert_spans_valid(text, q)


@pytest.mark.parametrize(
    "text",
    ["The mayor said “enough is enough.”", "The mayor said “enough is enough”, and left the room."],
)
def test_quotes_mixed_quote_ending_its_clause_stays_direct(text: str) -> None:
    assert only_quote(text).kind == "direct"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Okafor says that the clinic has enough staff for the winter, but the county still owes it "
            "two months of funding.",
            "the clinic has enough staff for the winter, but the county still owes it two months of funding",
        ),
        (
            "The union claimed that wages had stagnated for a decade, and management had ignored every "
            "proposal.",
            "wages had stagnated for a decade, and management had ignored every proposal",
        ),
        ("Reyes said the bridge was safe, and then he drove home.", "the bridge was safe"),
    ],
)
def test_quotes_mixed_second_conjunct_of_reported_clause_is_content(text: str, content: str) -> None:
    assert only_quote(text).content.text == content
