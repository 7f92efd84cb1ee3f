"""Property tests: any text through the whole pipeline yields records obeying the span invariant, or errors."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsevents

FAST = settings(max_examples=30, deadline=None)
LONG = settings(max_examples=2000, deadline=None)

words = st.sampled_from(
    [
        "The",
        "minister",
        "said",
        "that",
        "Iran",
        "met",
        "Hamas",
        "in",
        "Tehran",
        "on",
        "Monday",
        ",",
        ".",
        "“",
        "”",
        '"',
        "'",
        "he",
        "added",
        "warned",
        "sanctions",
        "\u200b",
        "\u200f",
        "\u202e",
        "\ufeff",
        "שלום",
        "مرحبا",
        "\n\n",
        "\r\n",
        "\t",
        "x" * 300,
        "2020",
        "January",
        "according to",
        "(",
        ")",
        "—",
        "🙂",
        "\u0301",
        "e\u0301",
    ]
)
texts = st.one_of(
    st.lists(words, max_size=60).map(" ".join),
    st.text(max_size=300),
)
headers = st.sampled_from(
    ["", " date 2022-04-28 ", "date 2022-04 ", " date 2022-13-45 ", " date 0000-00-00 "]
)


def _check(raw: str) -> None:
    result = newsevents.extract(raw)
    text = result.article.text
    for span in result.spans():
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start : span.end] == span.text
    if not result.actors and not result.quotes and not result.events:
        return
    assert not any(e.stage == "read" for e in result.errors)


@FAST
@given(header=headers, body=texts)
def test_fuzz_pipeline_span_invariant(header: str, body: str) -> None:
    _check(header + body)


@pytest.mark.slow
@LONG
@given(header=headers, body=texts)
def test_fuzz_pipeline_span_invariant_long(header: str, body: str) -> None:
    _check(header + body)


@pytest.mark.parametrize(
    "raw",
    [
        "",
        " date 2022-04-28 ",
        "\u200b" * 1000,
        "word" * 20_000,  # one enormous token
        "He said that " + "the talks failed and " * 2000 + "nothing more.",  # one enormous sentence
        "“" * 51 + "Unclosed quote said the minister.",
        "\r\n".join(["The minister said the talks failed."] * 50),
    ],
)
def test_fuzz_pipeline_hostile_texts_do_not_raise(raw: str) -> None:
    result = newsevents.extract(raw)
    if not raw.strip() or raw.strip() == "date 2022-04-28":
        assert result.errors
    _check(raw)
