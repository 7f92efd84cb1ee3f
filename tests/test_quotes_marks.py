"""Quote-mark scanning: every style of mark, paragraphs, apostrophes, and stray marks that must not cost quotes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.extract.quotes.marks import find_stretches


def inner_texts(text: str) -> list[str]:
    return [text[s.inner_start : s.inner_end] for s in find_stretches(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We will win,” she said.", ["We will win,"]),
        ('"Prices will fall," the governor said.', ["Prices will fall,"]),
        ("''It is over,'' the coach said.", ["It is over,"]),
        ("``We are ready,'' he said.", ["We are ready,"]),
        ("«Nous resterons» a-t-il dit.", ["Nous resterons"]),
        ("He called the plan ‘a disgrace’ on Monday.", ["a disgrace"]),
        ("She called it 'a farce' and left.", ["a farce"]),
    ],
)
def test_quotes_marks_every_style_of_quote_mark(text: str, expected: list[str]) -> None:
    assert inner_texts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The country’s voters don't trust the party's leaders.",
        "Investors' worries grew in the '90s near the Joneses' house.",
        "The 6' fence and the 12\" pipe were fine.",
    ],
)
def test_quotes_marks_apostrophes_and_measures_are_not_quotes(text: str) -> None:
    assert find_stretches(text) == []


def test_quotes_marks_nested_quotes_stay_inside_the_outer_one() -> None:
    text = "“He told me ‘never again’ and meant it,” she said."
    assert inner_texts(text) == ["He told me ‘never again’ and meant it,"]


def test_quotes_marks_paragraph_continuation_spans_paragraphs() -> None:
    text = '"The first paragraph of the letter.\n\n"The second paragraph," it ends.\n\nAfter.'
    stretches = find_stretches(text)
    assert len(stretches) == 1
    assert text[stretches[0].inner_start : stretches[0].inner_end].endswith("The second paragraph,")


def test_quotes_marks_unclosed_quote_ends_with_its_paragraph() -> None:
    text = "He said “we will never leave.\n\nThe army withdrew. “It is over,” a soldier said."
    texts = inner_texts(text)
    assert texts == ["we will never leave.", "It is over,"]


@pytest.mark.parametrize(
    "text",
    [
        'He shouted "hello and then left. “We are safe,” the guard said.',
        '“We are safe,” the guard said. Then he shouted "hello and left.',
        "A ” stray closer first. “We are safe,” the guard said.",
    ],
)
def test_quotes_marks_odd_number_of_marks_keeps_the_real_quote(text: str) -> None:
    assert "We are safe," in inner_texts(text)


@given(st.text(alphabet=st.sampled_from(list("ab .,:\n'\"“”‘’«»`„")), max_size=80))
@settings(max_examples=300, deadline=None)
def test_quotes_marks_any_text_gives_ordered_disjoint_stretches(text: str) -> None:
    previous_end = 0
    for s in find_stretches(text):
        assert previous_end <= s.start <= s.inner_start <= s.inner_end <= s.end <= len(text)
        previous_end = s.end


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We lost," she said.\xa0"We will be back next year."', ["We lost,", "We will be back next year."]),
        ("He called it\xa0'a farce' and left.", ["a farce"]),
        ('The mayor replied:\u2009"Not on my watch."', ["Not on my watch."]),
    ],
)
def test_quotes_marks_open_after_no_break_and_thin_spaces(text: str, expected: list[str]) -> None:
    assert inner_texts(text) == expected
