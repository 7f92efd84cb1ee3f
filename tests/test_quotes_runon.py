"""Reported speech that runs on into a quoted sentence with no cue of its own (``quotes_runon``)."""

from __future__ import annotations

import pytest

from test_quotes_support import assert_spans_valid, quotes


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        (
            'The mayor said the bridge would reopen by June. "We have the money and the crews are ready."',
            "the bridge would reopen",
            "the crews are ready",
        ),
        (
            "Ortega promised that she would stay in the race until the convention. "
            "“Let me be as clear as I can be: we are in it until the last vote is cast!”",
            "she would stay in the race",
            "until the last vote is cast",
        ),
        (
            'Whatever happens next, the senator "has become a real leader," said Robert Vance, a pollster. '
            '"He will be a powerful voice for years to come."',
            "has become a real leader",
            "a powerful voice for years",
        ),
    ],
)
def test_quotes_report_runs_on_into_cue_less_quoted_sentence(text: str, first: str, last: str) -> None:
    found = [q for q in quotes(text) if first in q.content.text]
    assert len(found) == 1, [q.content.text for q in quotes(text)]
    assert last in found[0].content.text
    assert found[0].kind == "mixed"
    assert_spans_valid(text, found[0])


@pytest.mark.parametrize(
    "text",
    [
        'Smith said the plan would fail. "It is a disaster for the city," Jones replied.',
        'Smith said the plan would fail.\n\n"It is a disaster for the city and its people."',
        'Smith said the plan would fail. The "Hamilton" tour was a hit in Chicago.',
    ],
)
def test_quotes_report_does_not_run_on_into_other_words(text: str) -> None:
    q = next(q for q in quotes(text) if "plan would fail" in q.content.text)
    assert q.content.text.endswith("the plan would fail")
