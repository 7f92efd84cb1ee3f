"""Content boundaries of reported speech: a cue that interrupts its content, content that runs on past a
colon, and object verbs whose bare noun object is not speech."""

from __future__ import annotations

import pytest

from test_quotes_support import assert_spans_valid, only_quote, quotes, speaker_words


@pytest.mark.parametrize(
    ("text", "before", "after"),
    [
        (
            "The reform is so costly, the finance minister said, that if it passed the deficit would double.",
            "The reform is so costly",
            "the deficit would double",
        ),
        (
            "There is no risk of a blackout this winter, grid operators insist, because reserves are full.",
            "There is no risk of a blackout",
            "because reserves are full",
        ),
        (
            "Rather than cutting the budget, said Tom Reyes, a union leader, the state should raise wages.",
            "Rather than cutting the budget",
            "the state should raise wages",
        ),
    ],
)
def test_quotes_cue_in_mid_sentence_takes_both_halves(text: str, before: str, after: str) -> None:
    q = only_quote(text)
    assert q.content.text.startswith(before)
    assert q.content.text.endswith(after)
    assert_spans_valid(text, q)


@pytest.mark.parametrize(
    "text",
    [
        "The strike will end soon, the union said in a statement on Friday, adding that talks would resume.",
        "In Brussels, the commissioner said the rules would change next year.",
    ],
)
def test_quotes_cue_not_set_off_keeps_its_own_content(text: str) -> None:
    q = quotes(text)[0]
    assert "said" not in q.content.text


@pytest.mark.parametrize(
    ("text", "tail"),
    [
        (
            "Many farmers have said the subsidy fails for one reason: the money never reaches small farms.",
            "the money never reaches small farms",
        ),
        (
            "The coach said the team had one weakness: its defenders are too slow.",
            "its defenders are too slow",
        ),
    ],
)
def test_quotes_indirect_content_runs_on_past_a_colon(text: str, tail: str) -> None:
    q = only_quote(text)
    assert q.content.text.endswith(tail)


def test_quotes_colon_of_a_lead_in_still_introduces_a_direct_quote() -> None:
    text = "The senator told reporters on Monday:\n\n“We will not vote for this budget.”"
    q = only_quote(text)
    assert q.kind == "direct"
    assert q.content.text.startswith("We will not vote for this budget")


@pytest.mark.parametrize(
    "text",
    [
        "The company denied the report on Friday.",
        "The militia has pledged its loyalty to the new government.",
        "After lunch the teacher asked the older students once more.",
        "Last spring the governor called Maria Ortiz at her office.",
        "Most of the candidates have proposed new, deep tax cuts for corporations.",
        "The airline announced on Tuesday.",
    ],
)
def test_quotes_bare_noun_object_is_not_speech(text: str) -> None:
    assert [q for q in quotes(text) if q.rule == "quotes.indirect.object"] == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Opposition leaders demanded the immediate resignation of the minister.",
            "the immediate resignation",
        ),
        ("The senator called on the agency to release the files.", "on the agency to release"),
        ("She called the new tax ''a betrayal of working families.''", "the new tax"),
        ("The generals promised to withdraw their troops by March.", "to withdraw their troops"),
        ("The ruling party accused the opposition of stoking unrest.", "the opposition of stoking"),
    ],
)
def test_quotes_object_content_that_is_speech_is_kept(text: str, content: str) -> None:
    q = only_quote(text)
    assert q.content.text.startswith(content)


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Last week the Treasury Department announced new rules on corporate inversions.",
            "new rules",
            "Treasury",
        ),
        ("The mayor of Denver announced her candidacy for governor on Monday.", "her candidacy", "mayor"),
        ("Two months later, Acme Corp. announced 4,000 layoffs at its Ohio plants.", "4,000 layoffs", "Acme"),
        (
            "The health ministry has announced plans to close three rural hospitals.",
            "plans to close",
            "ministry",
        ),
    ],
)
def test_quotes_announced_noun_object_is_content(text: str, content: str, speaker: str) -> None:
    q = only_quote(text)
    assert q.content.text.startswith(content)
    assert speaker in speaker_words(q)
    assert_spans_valid(text, q)
