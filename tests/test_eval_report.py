"""Eval report rendering: which parts show, overall rows, confusion layout, Markdown escaping, JSON."""

from __future__ import annotations

from collections import Counter

import pytest

from newsevents.evaluation.matching import NO_PREDICTION, PRF, Accuracy
from newsevents.evaluation.report import (
    confusion_rows,
    event_rows,
    markdown,
    md_table,
    off_diagonal_rows,
    quote_rows,
    report_json,
)
from newsevents.evaluation.runner import ErrorItem, EvalReport, Score, _report


def _quotes_file() -> Score:
    return Score(
        "news", articles=2, quote_articles=2, quotes=PRF(8, 2, 2), speaker=Accuracy(6, 8), content_f1_sum=6.0
    )


def _events_file() -> Score:
    return Score(
        "sentences",
        articles=3,
        event_articles=3,
        events=PRF(2, 1, 1),
        per_type={"ASSAULT": PRF(tp=2), "AID": PRF(fp=1, fn=1)},
        confusion=Counter({("ASSAULT", "ASSAULT"): 2, ("AID", "SUPPORT"): 1, ("REJECT", NO_PREDICTION): 1}),
        errors=[ErrorItem("s1", "event", "miss", "Japan | sent aid", "AID(Japan -> Kenya)")],
    )


def _two_files() -> EvalReport:
    return _report("newsevents", [_quotes_file(), _events_file()])


def test_eval_report_parts_show_only_for_files_that_score_them() -> None:
    report = _two_files()
    assert [r[0] for r in quote_rows(report)] == ["news", "overall"]
    assert [r[0] for r in event_rows(report)] == ["sentences", "overall"]
    news = quote_rows(report)[0]
    assert news[2:5] == ["80.0", "80.0", "80.0"] and news[6] == "75.0 (6/8)"
    assert news[7] == "—"  # no speaker name counts in this hand-made score
    assert news[8] == "75.0"  # mean content token F1 of the 8 matched quotes


def test_eval_report_single_file_has_no_overall_row() -> None:
    report = _report("x", [_quotes_file()])
    assert [r[0] for r in quote_rows(report)] == ["news"]
    assert event_rows(report) == []


def test_eval_report_confusion_layout() -> None:
    score = _two_files().overall
    header, rows = confusion_rows(score)
    assert header[-1] == NO_PREDICTION  # "no prediction" is the last column
    assert [r[0] for r in rows] == ["AID", "ASSAULT", "REJECT"]
    assert off_diagonal_rows(score) == [["AID", "SUPPORT", "1"], ["REJECT", NO_PREDICTION, "1"]]


def test_eval_report_markdown_escapes_pipes_and_lists_errors() -> None:
    assert md_table(["a"], [["x | y"]]).splitlines()[-1] == "| x \\| y |"
    text = markdown(_two_files(), errors=True)
    assert "Japan \\| sent aid" in text
    assert "### newsevents: quotes (%)" in text and "### newsevents: events (%)" in text


def test_eval_report_json_marks_unscored_parts_none() -> None:
    data = report_json(_two_files())
    news, sentences = data["files"]
    assert news["events"] is None and news["quotes"]["f1"] == pytest.approx(0.8)
    assert sentences["quotes"] is None and sentences["dates"] == {"right": 0, "total": 0, "accuracy": None}
    assert "errors" not in data["overall"]
    assert report_json(_two_files(), errors=True)["overall"]["errors"][0]["kind"] == "miss"
