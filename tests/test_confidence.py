"""Event confidence: the fitted logistic model, its cut, the shipped data file and the PR-curve helpers."""

from __future__ import annotations

import json
import math
from importlib import resources

import pytest
from typer.testing import CliRunner

import newsevents
from newsevents.cli import app
from newsevents.evaluation.confidence import (
    best_threshold,
    curve_point,
    label_predictions,
    markdown_section,
    replace_section,
    svg_curve,
)
from newsevents.evaluation.matching import GoldEvent, PredEvent, PredSide
from newsevents.extract.events.confidence import ConfidenceModel, calibrate, features, fold_of, load_model
from newsevents.model import Event, Location, Participant, Span
from newsevents.pipeline import Options

TEXT = "Kenyan police arrested twelve protesters in Nairobi on Monday."


def _event(rule: str = "events.coerce.arrest.verb", recipient: bool = True, confidence: float = 0.8) -> Event:
    actor = Participant("Kenyan police", "a1", "KEN", "police", Span(0, 13, "Kenyan police"))
    rec = Participant("protesters", None, None, None, Span(30, 40, "protesters")) if recipient else None
    return Event(
        id="e1", article_id="a", type="COERCE", mode=None, context=None, actor=actor, recipient=rec,
        date="2023-03-13", date_source="text", date_span=None,
        location=Location("Nairobi", "KEN", None, None, Span(44, 51, "Nairobi"), None, "places.city.clause"),
        trigger=Span(14, 22, "arrested"), evidence=Span(0, len(TEXT), TEXT), rule=rule, confidence=confidence,
    )  # fmt: skip


def test_confidence_features_are_the_rules_own() -> None:
    f = features(_event(), len(TEXT))
    for key in ("type=COERCE", "pattern=verb", "entry=events.coerce.arrest", "actor=actor", "recipient=phrase",
                "date=text", "place=clause", "context=none", "mode=none"):  # fmt: skip
        assert f.get(key) == 1.0, key
    assert f["first_sentence"] == 1.0 and f["position"] == 0.0 and f["rule_confidence"] == 0.8
    assert features(_event(recipient=False), len(TEXT))["recipient=none"] == 1.0


def test_confidence_is_the_logistic_of_the_weighted_features() -> None:
    model = ConfidenceModel(-1.0, {"type=COERCE": 2.0, "recipient=none": -3.0}, 0.5)
    kept = calibrate([_event()], len(TEXT), model=model)
    assert len(kept) == 1 and kept[0].confidence == round(1 / (1 + math.exp(-1.0)), 3)
    # without a recipient: z = -1 + 2 - 3 = -2, p = 0.119 < 0.5 (the model's cut) -> dropped
    assert calibrate([_event(recipient=False)], len(TEXT), model=model) == ()
    # an explicit cut overrides the model's; 0 keeps everything
    assert len(calibrate([_event(recipient=False)], len(TEXT), 0.0, model=model)) == 1
    assert calibrate([_event()], len(TEXT), 0.9, model=model) == ()


def test_confidence_shipped_model_is_data_with_held_out_figures() -> None:
    raw = resources.files("newsevents.extract.events").joinpath("confidence.json").read_text("utf-8")
    data = json.loads(raw)
    model = load_model()
    assert model is not None and 0.0 <= model.threshold < 1.0
    assert all(math.isfinite(w) for w in model.weights.values())
    assert data["folds"] >= 2 and set(data["held_out"]["sets"]) == {"real-dev", "plover-dev"}
    for figures in data["held_out"]["sets"].values():
        assert figures["at_threshold"]["threshold"] == data["threshold"]


def test_confidence_cut_applies_in_the_pipeline() -> None:
    everything = newsevents.extract(TEXT, date="2023-03-15", options=Options(min_confidence=0.0)).events
    assert everything and all(0.0 < e.confidence < 1.0 for e in everything)
    assert newsevents.extract(TEXT, date="2023-03-15", options=Options(min_confidence=1.0)).events == ()
    raw = newsevents.extract(TEXT, date="2023-03-15", options=Options(extra={"raw_confidence": True})).events
    assert [e.rule for e in raw] == [e.rule for e in everything]


def test_confidence_cli_option(tmp_path) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "a.txt"
    src.write_text(TEXT, encoding="utf-8")
    runner = CliRunner()
    kept = runner.invoke(
        app, ["extract", str(src), "-o", "-", "--date", "2023-03-15", "--min-confidence", "0"]
    )
    none = runner.invoke(
        app, ["extract", str(src), "-o", "-", "--date", "2023-03-15", "--min-confidence", "1"]
    )
    assert kept.exit_code == 0 and none.exit_code == 0, kept.output + none.output
    assert json.loads(kept.stdout.splitlines()[0])["events"]
    assert json.loads(none.stdout.splitlines()[0])["events"] == []
    bad = runner.invoke(app, ["extract", str(src), "-o", "-", "--min-confidence", "2"])
    assert bad.exit_code != 0


# ------------------------------------------------------------------------------------ evaluation side
SIDE = PredSide("Kenya", ("Kenya", "KEN"), "KEN")


def test_confidence_labels_follow_the_matcher() -> None:
    gold = [
        GoldEvent(("COERCE",), ("Kenya",), None),
        GoldEvent(("PROTEST",), ("Kenya",), None, optional=True),
    ]
    preds = [
        PredEvent("PROTEST", SIDE, None),
        PredEvent("COERCE", SIDE, None),
        PredEvent("ASSAULT", SIDE, None),
    ]
    labels = label_predictions(gold, preds, "a")
    assert [(x.index, x.label) for x in labels] == [(1, 1), (2, 0)]  # the optional match is left out


def test_confidence_curve_and_best_cut() -> None:
    labels, probs = [1, 1, 0, 1, 0], [0.9, 0.8, 0.7, 0.4, 0.2]
    pt = curve_point(labels, probs, 4, 0.5)
    assert (pt.tp, pt.fp, pt.fn) == (2, 1, 2)
    t, f1 = best_threshold([(labels, probs, 4)], [0.0, 0.3, 0.5, 0.75])
    # 0.3: TP 3 FP 1 FN 1 -> F1 0.75, better than 0.0 (3/2/1: 0.667) and 0.5 (0.571)
    assert t == 0.3 and f1 == pytest.approx(0.75)
    # within a tolerance of the best, the lowest cut wins (it keeps the most recall)
    assert best_threshold([(labels, probs, 4)], [0.0, 0.3, 0.5, 0.75], tolerance=0.1)[0] == 0.0
    # ... unless it falls below the precision floor (0.0: P 0.6; 0.3: P 0.75)
    assert best_threshold([(labels, probs, 4)], [0.0, 0.3, 0.5, 0.75], 0.1, min_precision=0.7)[0] == 0.3
    # no cut reaches the floor: the best F1
    assert best_threshold([(labels, probs, 4)], [0.0, 0.3], 0.1, min_precision=0.99)[0] == 0.3


def test_confidence_docs_section_replaces_between_markers() -> None:
    point = {"threshold": 0.0, "tp": 1, "fp": 1, "fn": 1, "precision": 0.5, "recall": 0.5, "f1": 0.5}
    data = {
        "C": 1.0, "folds": 5, "threshold": 0.4,
        "training": {"labelled": 2, "positives": 1, "negatives": 1},
        "held_out": {"sets": {"s": {"no_cut": point, "at_threshold": {**point, "threshold": 0.4},
                                     "average_precision": 0.5}}, "curve": [point]},
    }  # fmt: skip
    section = markdown_section(data)
    assert "| s | 0.4 | 50.0 | 50.0 | 50.0 | 1/1/1 |" in section
    page = replace_section("# Evaluation\n", section)
    again = replace_section(page.replace("50.0", "x"), section)
    assert again == page and page.count("confidence:start") == 1
    assert svg_curve([point]).startswith("<svg") and "polyline" in svg_curve([point])


# ------------------------------------------------------------------------------ unseen values, held-out
def test_confidence_unseen_value_takes_its_groups_mean_weight() -> None:
    model = ConfidenceModel(
        0.0, {"entry=events.coerce.arrest": 1.0, "entry=events.coerce.raid": -0.5, "pattern=verb": 0.5}, 0.5,
        unseen={"entry": 0.25, "pattern": 0.1},
    )  # fmt: skip
    seen = features(_event(), len(TEXT))
    new_entry = features(_event(rule="events.coerce.brand-new.verb"), len(TEXT))
    new_pattern = features(_event(rule="events.coerce.arrest.brand-new-pattern"), len(TEXT))

    def z(f: dict[str, float]) -> float:
        p = model.probability(f)
        return math.log(p / (1 - p))

    assert z(seen) == pytest.approx(1.0 + 0.5)
    assert z(new_entry) == pytest.approx(0.25 + 0.5)  # the entry group's mean weight, not a silent 0
    assert z(new_pattern) == pytest.approx(1.0 + 0.1)


def test_confidence_shipped_model_has_a_weight_for_every_unseen_group() -> None:
    model = load_model()
    assert model is not None
    groups = {k.split("=", 1)[0] for k in model.weights if "=" in k}
    assert groups <= set(model.unseen)
    # a rule added after the fit is scored as an average rule of its kind, between the known extremes
    for group in groups:
        known = [0.0, *(w for k, w in model.weights.items() if k.startswith(group + "="))]  # 0: too rare
        assert min(known) - 1e-9 <= model.unseen[group] <= max(known) + 1e-9


def test_confidence_fold_of_is_stable_and_spread() -> None:
    assert fold_of("article-1", 5) == fold_of("article-1", 5)
    assert {fold_of(f"a{i}", 5) for i in range(50)} == set(range(5))


def test_confidence_held_out_uses_the_fold_model_that_left_the_article_out() -> None:
    folds = tuple(ConfidenceModel(float(k), {}, 0.5) for k in range(5))
    model = ConfidenceModel(-9.0, {}, 0.5, fold_models=folds)
    key = "some-article"
    out = calibrate([_event()], len(TEXT), 0.0, model=model, held_out_key=key)
    assert out[0].confidence == round(1 / (1 + math.exp(-float(fold_of(key, 5)))), 3)
    full = calibrate([_event()], len(TEXT), 0.0, model=model)
    assert full[0].confidence == round(1 / (1 + math.exp(9.0)), 3)
    raw = resources.files("newsevents.extract.events").joinpath("confidence.json").read_text("utf-8")
    shipped = load_model()
    assert shipped is not None and len(shipped.fold_models) == json.loads(raw)["folds"]


def test_confidence_eval_held_out_option(tmp_path) -> None:  # type: ignore[no-untyped-def]
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({"id": "g1", "date": "2023-03-15", "text": TEXT, "quotes": [], "events": [
        {"types": ["COERCE"], "actor": ["police"], "recipient": ["protesters"], "date": "", "location": None,
         "trigger": "arrested", "evidence": TEXT}]}) + "\n", encoding="utf-8")  # fmt: skip
    runner = CliRunner()
    res = runner.invoke(app, ["eval", str(gold), "--held-out", "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    events = data["files"][0]["events"]
    assert "held-out" in data["system"] and events["tp"] + events["fn"] == 1
