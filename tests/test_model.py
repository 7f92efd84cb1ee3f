from __future__ import annotations

import pytest

from newsevents.model import Article, Span, stable_id


def test_model_span_of_slices_text() -> None:
    text = "Qalibaf met al-Hayya in Tehran."
    s = Span.of(text, 24, 30)
    assert s.text == "Tehran"
    assert s.to_dict() == {"start": 24, "end": 30, "text": "Tehran"}


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [((0, 5), (4, 8), True), ((0, 5), (5, 8), False), ((2, 3), (0, 10), True)],
)
def test_model_span_overlap(a: tuple[int, int], b: tuple[int, int], overlap: bool) -> None:
    assert Span(*a, "").overlaps(Span(*b, "")) is overlap


def test_model_ids_are_stable_and_distinct() -> None:
    assert stable_id("a", "b") == stable_id("a", "b")
    assert stable_id("a", "b") != stable_id("ab", "")
    assert Article.make_id("text", "src") != Article.make_id("text", "other")


def test_model_records_are_frozen() -> None:
    s = Span(0, 1, "x")
    with pytest.raises(AttributeError):
        s.start = 3  # type: ignore[misc]
