"""Refit the event confidence model from the gold files: one command, from the repository root::

    python scripts/fit_confidence.py            # real-dev + plover-dev from ../shared/gold

1. runs the pipeline on each gold file with the rules' own confidence and no cut
   (``Options.extra["raw_confidence"]``);
2. labels every predicted event with the scorer's matcher (1: takes a required gold event, 0: false
   positive; one taking an optional gold event is left out) — ``newsevents.evaluation.confidence``;
3. fits a scikit-learn logistic regression over ``newsevents.extract.events.confidence.features`` (one-hot
   values seen fewer than ``MIN_COUNT`` times left out; a value the model does not know gets its group's
   mean weight at run time, ``unseen`` in the data file): held-out probabilities from folds grouped by article (a
   PLOVER sentence is its own article; an article's fold is a hash of its id, ``confidence.fold_of``), C
   chosen by held-out log-loss, so no figure is in-sample;
4. picks the cut (the default ``--min-confidence``): the lowest whose held-out micro F1 over the sets is within
   ``CUT_TOLERANCE`` of the best (the curve is flat; its exact maximum is noise) with a held-out precision
   of at least ``PRECISION_FLOOR`` on each set, refits on
   everything and writes the coefficients, and those of each fold model, as JSON into the package
   (``src/newsevents/extract/events/confidence.json``);
5. runs ``newsevents eval --held-out`` on the same files (each article's events scored by the fold model
   that never saw it: the scorer's exact held-out figures at the cut) and writes the precision–recall plot
   (``docs/img/confidence-pr.svg``) and the figures section of ``docs/evaluation.md``.

``--dry-run`` prints the held-out figures of a refit and writes nothing (to compare before landing one).
Deterministic: the folds are fixed by the article ids and lbfgs has no randomness.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT.parent / "shared" / "gold"
GOLD_FILES = ("real-dev.jsonl", "plover-dev.jsonl")
DATA_OUT = ROOT / "src" / "newsevents" / "extract" / "events" / "confidence.json"
SVG_OUT = ROOT / "docs" / "img" / "confidence-pr.svg"
DOC = ROOT / "docs" / "evaluation.md"
FOLDS = 5
C_GRID = (0.1, 0.3, 1.0, 3.0)
# the cut: the lowest whose held-out micro F1 is within this of the best (about two predictions' worth)
CUT_TOLERANCE = 0.0025
PRECISION_FLOOR = 0.75  # ... and whose held-out precision on each set is at least this (the project's floor)
MIN_COUNT = 5  # a one-hot feature seen in fewer labelled predictions than this is left out (too rare to fit)


def collect(path: Path) -> tuple[list[dict[str, float]], list[int], list[str], int]:
    """Features, labels and groups (article ids) of one gold file's predictions, and its number of required
    gold events."""
    from newsevents.evaluation.confidence import label_predictions
    from newsevents.evaluation.gold import read_gold
    from newsevents.evaluation.predictions import from_result
    from newsevents.extract.events.confidence import features
    from newsevents.model import Result
    from newsevents.pipeline import Options, process
    from newsevents.readers import read_path

    golds = {g.line: g for g in read_gold(path) if g.events_scored}
    options = Options(extra={"raw_confidence": True})
    X: list[dict[str, float]] = []
    y: list[int] = []
    groups: list[str] = []
    required = sum(1 for g in golds.values() for e in g.events if not e.optional)
    for item in process(read_path(str(path), "jsonl"), options):
        if not isinstance(item, Result) or item.article.line not in golds:
            continue
        gold = golds[item.article.line]
        pred = from_result(item).events or ()
        # the group is the article id: what the pipeline hashes to find an article's fold (--held-out)
        for lab in label_predictions(gold.events, pred, item.article.id):
            X.append(features(item.events[lab.index], len(item.article.text)))
            y.append(lab.label)
            groups.append(item.article.id)
    return X, y, groups, required


def kept_values(X: list[dict[str, float]]) -> tuple[list[dict[str, float]], dict[str, int]]:
    """The rows without the one-hot values seen fewer than MIN_COUNT times (too rare to fit: such a row has
    no value in that group), and the counts of what is kept."""
    counts: dict[str, int] = {}
    for x in X:
        for k in x:
            counts[k] = counts.get(k, 0) + 1
    keep = {k for k, n in counts.items() if "=" not in k or n >= MIN_COUNT}
    return [{k: v for k, v in x.items() if k in keep} for x in X], {k: counts[k] for k in keep}


def fit(X: list[dict[str, float]], y: Any, C: float) -> dict[str, Any]:
    """One logistic model as data: intercept, weights and the weight of each group's unseen values: the
    group's mean weight over the training rows (a row whose value was too rare counting 0, as it was
    fitted), so that a rule the model has not seen is scored as an average rule of its kind."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows, counts = kept_values(X)
    vec = DictVectorizer(sparse=False)
    M = vec.fit_transform(rows)
    model = LogisticRegression(C=C, max_iter=5000).fit(M, y)
    weights = {
        name: round(float(w), 6) for name, w in zip(vec.get_feature_names_out(), model.coef_[0], strict=True)
    }
    unseen: dict[str, float] = {}
    for group in sorted({k.split("=", 1)[0] for k in weights if "=" in k}):
        members = [(counts[k], w) for k, w in weights.items() if k.startswith(group + "=")]
        unseen[group] = round(sum(n * w for n, w in members) / len(rows), 6)
    return {"intercept": round(float(model.intercept_[0]), 6), "weights": dict(sorted(weights.items())),
            "unseen": unseen}  # fmt: skip


def held_out_probabilities(
    X: list[dict[str, float]], y: Any, groups: list[str], C: float
) -> tuple[list[float], list[dict[str, Any]]]:
    """Each prediction scored by the model of the fold that left its article out (folds by article-id hash,
    as ``newsevents eval --held-out`` finds them), rounded as the pipeline rounds; and the fold models."""
    import numpy as np

    from newsevents.extract.events.confidence import ConfidenceModel, fold_of

    fold = np.array([fold_of(g, FOLDS) for g in groups])
    probs = [0.0] * len(X)
    models = []
    for k in range(FOLDS):
        train = [i for i in range(len(X)) if fold[i] != k]
        data = fit([X[i] for i in train], y[train], C)
        models.append(data)
        m = ConfidenceModel.from_dict({**data, "threshold": 0.0})
        for i in range(len(X)):
            if fold[i] == k:
                probs[i] = round(m.probability(X[i]), 3)
    return probs, models


def exact_held_out(paths: list[Path], threshold: float) -> dict[str, dict[str, Any]]:
    """``newsevents eval --held-out`` on the gold files with the data file just written: the scorer's own
    figures at the default cut (exact, where the curve assumes the matching fixed)."""
    from newsevents.evaluation import evaluate
    from newsevents.extract.events.confidence import load_model
    from newsevents.pipeline import Options

    load_model.cache_clear()
    report = evaluate([str(p) for p in paths], Options(extra={"held_out": True}))
    out = {}
    for f in report.files:
        e = f.events
        out[Path(f.name).stem] = {"threshold": threshold, "tp": e.tp, "fp": e.fp, "fn": e.fn,
                                  "precision": e.precision, "recall": e.recall, "f1": e.f1}  # fmt: skip
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold-dir", type=Path, default=GOLD_DIR)
    parser.add_argument("--no-docs", action="store_true", help="write only the data file")
    parser.add_argument(
        "--dry-run", action="store_true", help="print the held-out figures, write nothing (compare a refit)"
    )
    args = parser.parse_args(argv)

    import numpy as np
    import sklearn
    from sklearn.metrics import average_precision_score, log_loss

    from newsevents.evaluation.confidence import (
        best_threshold,
        curve,
        curve_point,
        docs_section,
        replace_section,
        svg_curve,
    )

    paths = [args.gold_dir / name for name in GOLD_FILES]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        print(f"gold files missing: {', '.join(missing)}", file=sys.stderr)
        return 2
    per_set: dict[str, tuple[list[dict[str, float]], list[int], list[str], int]] = {}
    for p in paths:
        print(f"running the pipeline on {p.name} ...", file=sys.stderr)
        per_set[p.stem] = collect(p)
    X = [x for s in per_set.values() for x in s[0]]
    y = np.array([v for s in per_set.values() for v in s[1]])
    groups = [g for s in per_set.values() for g in s[2]]

    runs = {c: held_out_probabilities(X, y, groups, c) for c in C_GRID}
    losses = {c: log_loss(y, np.clip(runs[c][0], 1e-6, 1 - 1e-6)) for c in C_GRID}
    C = min(C_GRID, key=lambda c: (losses[c], c))
    probs, fold_models = runs[C]

    # per-set held-out figures
    sets: list[tuple[list[int], list[float], int]] = []
    start = 0
    names = list(per_set)
    for name in names:
        n = len(per_set[name][1])
        sets.append((list(y[start : start + n]), probs[start : start + n], per_set[name][3]))
        start += n
    candidates = sorted({round(k * 0.01, 2) for k in range(0, 96)})
    threshold, _ = best_threshold(sets, candidates, CUT_TOLERANCE, PRECISION_FLOOR)
    all_labels = [v for s in sets for v in s[0]]
    all_probs = [p for s in sets for p in s[1]]
    total_gold = sum(s[2] for s in sets)
    held: dict[str, Any] = {
        "sets": {
            name: {
                "no_cut": curve_point(lab, pr, gold, 0.0).to_dict(),
                "at_threshold": curve_point(lab, pr, gold, threshold).to_dict(),
                "average_precision": float(average_precision_score(lab, pr)),
            }
            for name, (lab, pr, gold) in zip(names, sets, strict=True)
        },
        "curve": [pt.to_dict() for pt in curve(all_labels, all_probs, total_gold)],
        "log_loss_by_C": {str(c): round(v, 4) for c, v in losses.items()},
    }
    for name in names:
        a, b = held["sets"][name]["no_cut"], held["sets"][name]["at_threshold"]
        print(f"{name}: held-out F1 {a['f1']:.3f} (no cut) -> {b['f1']:.3f} (cut {threshold})")
    if args.dry_run:
        return 0

    final = fit(X, y, C)
    data = {
        "about": "Event confidence model (newsevents.extract.events.confidence); refit: python scripts/fit_confidence.py",
        "fitted_on": [p.name for p in paths],
        "sklearn": sklearn.__version__,
        "C": C,
        "folds": FOLDS,
        "fold_key": "blake2b-8 of the article id, modulo folds (newsevents.extract.events.confidence.fold_of)",
        "threshold": threshold,
        **final,
        "training": {"labelled": int(len(y)), "positives": int(y.sum()), "negatives": int(len(y) - y.sum())},
        "held_out": held,
        "fold_models": fold_models,
    }
    DATA_OUT.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {DATA_OUT.relative_to(ROOT)} (C={C}, threshold={threshold})", file=sys.stderr)
    held["eval"] = exact_held_out(paths, threshold)
    DATA_OUT.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    for name, pt in held["eval"].items():
        print(
            f"{name}: newsevents eval --held-out P {pt['precision']:.3f} R {pt['recall']:.3f} F1 {pt['f1']:.3f}"
        )
    if not args.no_docs:
        SVG_OUT.write_text(svg_curve(held["curve"]), encoding="utf-8")
        DOC.write_text(replace_section(DOC.read_text(encoding="utf-8"), docs_section(data)), encoding="utf-8")
        print(
            f"wrote {SVG_OUT.relative_to(ROOT)} and the confidence section of {DOC.relative_to(ROOT)}",
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
