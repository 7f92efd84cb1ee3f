"""Refit the event confidence model from the gold files: one command, from the repository root::

    python scripts/fit_confidence.py            # real-dev + plover-dev from ../shared/gold

1. runs the pipeline on each gold file with the rules' own confidence and no cut
   (``Options.extra["raw_confidence"]``);
2. labels every predicted event with the scorer's matcher (1: takes a required gold event, 0: false
   positive; one taking an optional gold event is left out) — ``newsevents.evaluation.confidence``;
3. fits a scikit-learn logistic regression over ``newsevents.extract.events.confidence.features``: C chosen
   by grouped cross-validated log-loss, then held-out probabilities from ``GroupKFold`` by article (a PLOVER
   sentence is its own article), so no figure is in-sample;
4. picks the cut with the best held-out micro F1 over the sets (the default ``--min-confidence``), refits on
   everything and writes the coefficients as JSON into the package
   (``src/newsevents/extract/events/confidence.json``), the precision–recall plot
   (``docs/img/confidence-pr.svg``) and the figures section of ``docs/evaluation.md``.

Deterministic: the folds are fixed by article order and lbfgs has no randomness.
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
MIN_COUNT = 5  # a one-hot feature seen in fewer labelled predictions than this is left out (too rare to fit)


def collect(path: Path) -> tuple[list[dict[str, float]], list[int], list[str], int]:
    """Features, labels and groups of one gold file's predictions, and its number of required gold events."""
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
        group = f"{path.stem}:{gold.id}"
        pred = from_result(item).events or ()
        for lab in label_predictions(gold.events, pred, group):
            X.append(features(item.events[lab.index], len(item.article.text)))
            y.append(lab.label)
            groups.append(group)
    return X, y, groups, required


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold-dir", type=Path, default=GOLD_DIR)
    parser.add_argument("--no-docs", action="store_true", help="write only the data file")
    args = parser.parse_args(argv)

    import numpy as np
    import sklearn
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import average_precision_score, log_loss
    from sklearn.model_selection import GroupKFold, cross_val_predict

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
    groups = np.array([g for s in per_set.values() for g in s[2]])
    counts: dict[str, int] = {}
    for x in X:
        for k in x:
            counts[k] = counts.get(k, 0) + 1
    keep = {k for k, n in counts.items() if "=" not in k or n >= MIN_COUNT}
    X = [{k: v for k, v in x.items() if k in keep} for x in X]
    vec = DictVectorizer(sparse=False)
    M = vec.fit_transform(X)
    cv = GroupKFold(n_splits=FOLDS)

    def held_out(c: float) -> Any:
        model = LogisticRegression(C=c, max_iter=5000)
        return cross_val_predict(model, M, y, groups=groups, cv=cv, method="predict_proba")[:, 1]

    losses = {c: log_loss(y, held_out(c)) for c in C_GRID}
    C = min(C_GRID, key=lambda c: (losses[c], c))
    probs = held_out(C)

    # per-set held-out figures
    sets: list[tuple[list[int], list[float], int]] = []
    start = 0
    names = list(per_set)
    for name in names:
        n = len(per_set[name][1])
        sets.append(
            (list(y[start : start + n]), [float(p) for p in probs[start : start + n]], per_set[name][3])
        )
        start += n
    candidates = sorted({round(k * 0.01, 2) for k in range(0, 96)})
    threshold, _ = best_threshold(sets, candidates)
    all_labels = [v for s in sets for v in s[0]]
    all_probs = [p for s in sets for p in s[1]]
    total_gold = sum(s[2] for s in sets)
    held = {
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

    final = LogisticRegression(C=C, max_iter=5000).fit(M, y)
    weights = {
        name: round(float(w), 6) for name, w in zip(vec.get_feature_names_out(), final.coef_[0], strict=True)
    }
    data = {
        "about": "Event confidence model (newsevents.extract.events.confidence); refit: python scripts/fit_confidence.py",
        "fitted_on": [p.name for p in paths],
        "sklearn": sklearn.__version__,
        "C": C,
        "folds": FOLDS,
        "threshold": threshold,
        "intercept": round(float(final.intercept_[0]), 6),
        "weights": dict(sorted(weights.items())),
        "training": {"labelled": int(len(y)), "positives": int(y.sum()), "negatives": int(len(y) - y.sum())},
        "held_out": held,
    }
    DATA_OUT.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {DATA_OUT.relative_to(ROOT)} (C={C}, threshold={threshold})", file=sys.stderr)
    if not args.no_docs:
        SVG_OUT.write_text(svg_curve(held["curve"]), encoding="utf-8")
        DOC.write_text(replace_section(DOC.read_text(encoding="utf-8"), docs_section(data)), encoding="utf-8")
        print(
            f"wrote {SVG_OUT.relative_to(ROOT)} and the confidence section of {DOC.relative_to(ROOT)}",
            file=sys.stderr,
        )
    for name in names:
        a, b = held["sets"][name]["no_cut"], held["sets"][name]["at_threshold"]
        print(f"{name}: held-out F1 {a['f1']:.3f} (no cut) -> {b['f1']:.3f} (cut {threshold})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
