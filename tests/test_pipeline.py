from __future__ import annotations

import newsevents
from newsevents.model import Article, ErrorRecord, Result
from newsevents.pipeline import Options, process


def test_pipeline_seed_article_date_and_actors(seed_result: Result) -> None:
    assert seed_result.article.date == "2022-04-28"
    assert seed_result.article.date_precision == "day"
    assert not seed_result.article.text.startswith(" date")
    names = {a.name for a in seed_result.actors}
    for expected in ("Qalibaf", "Khalil al-Hayya", "Hamas", "Hezbollah", "Iran"):
        assert any(expected in n for n in names), expected


def test_pipeline_span_invariant_on_seed(seed_result: Result) -> None:
    text = seed_result.article.text
    spans = seed_result.spans()
    assert spans
    for s in spans:
        assert text[s.start : s.end] == s.text


def test_pipeline_bad_articles_become_error_rows_and_batch_goes_on() -> None:
    good = Article("good", "The minister met the ambassador in Paris on Monday.")
    items = [
        Article("empty", "   \n"),
        ErrorRecord("f.jsonl", 3, None, "read", "malformed JSON"),
        Article("huge", "word " * 50_000),
        good,
    ]
    out = list(process(items, Options(max_chars=100_000)))
    errors = [o for o in out if isinstance(o, ErrorRecord)]
    results = [o for o in out if isinstance(o, Result)]
    assert [e.article_id for e in errors] == ["empty", None, "huge"]
    assert "too long" in errors[2].message
    assert [r.article.id for r in results] == ["good"]


def test_pipeline_failing_stage_is_reported_not_raised(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from newsevents.pipeline import _ensure_stages_registered
    from newsevents.registry import stages

    _ensure_stages_registered()
    entry = stages.get("quotes")

    def boom(ctx):  # type: ignore[no-untyped-def]
        raise RuntimeError("kaput")

    monkeypatch.setitem(stages.entries, "quotes", type(entry)(entry.name, boom, assigns=entry.assigns))
    result = newsevents.extract("The president said the talks failed.")
    assert any(e.stage == "extract:quotes" and "kaput" in e.message for e in result.errors)
    assert result.actors is not None


def test_pipeline_impossible_date_is_an_error() -> None:
    result = newsevents.extract(" date 2022-13-45 The president said the talks failed.")
    assert result.errors and "impossible date" in result.errors[0].message


def test_pipeline_time_budget_skips_remaining_stages_with_an_error() -> None:
    result = newsevents.extract("The minister said the talks failed.", options=Options(time_budget_s=-1.0))
    assert any("time budget" in e.message and "actors" in e.message for e in result.errors)
    assert result.actors == () and result.quotes == ()
