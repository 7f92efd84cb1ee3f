"""Labels and precision–recall figures for the event confidence model (``scripts/fit_confidence.py``).

A predicted event is labelled by the gold matcher (:func:`~.matching.match_events`, the scorer's own rules):
1 when it takes a *required* gold event, 0 when it is a false positive; one that takes an optional gold
event is neither (it changes no score) and is left out.  The curve counts, for each cut ``t``, the labelled
predictions at or above it: TP(t) and FP(t), and FN(t) = required gold events − TP(t).  This treats the
matching as fixed; dropping a prediction could in principle let another take its gold event, so
``newsevents eval --min-confidence t`` is the exact figure (and is what the tests compare with).

Everything here is plain Python over lists, so the figures can be rendered without scikit-learn.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from newsevents.evaluation.matching import PRF, GoldEvent, PredEvent, match_events


@dataclass(frozen=True, slots=True)
class Labelled:
    """One predicted event with its label and the group (article) it belongs to."""

    group: str
    label: int  # 1: takes a required gold event; 0: false positive
    index: int  # position in the article's predictions


def label_predictions(
    gold: Sequence[GoldEvent], predicted: Sequence[PredEvent], group: str
) -> list[Labelled]:
    m = match_events(gold, predicted)
    out = [Labelled(group, 1, pi) for gi, pi in m.pairs if not gold[gi].optional]
    out += [Labelled(group, 0, pi) for pi in m.false_positives]
    return sorted(out, key=lambda x: x.index)


@dataclass(frozen=True, slots=True)
class CurvePoint:
    threshold: float
    tp: int
    fp: int
    fn: int

    # the scorer's own tally does the arithmetic
    @property
    def precision(self) -> float | None:
        return PRF(self.tp, self.fp, self.fn).precision

    @property
    def recall(self) -> float | None:
        return PRF(self.tp, self.fp, self.fn).recall

    @property
    def f1(self) -> float:
        return PRF(self.tp, self.fp, self.fn).f1 or 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "threshold": self.threshold,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


def curve_point(labels: Sequence[int], probs: Sequence[float], required_gold: int, t: float) -> CurvePoint:
    tp = sum(1 for y, p in zip(labels, probs, strict=True) if y == 1 and p >= t)
    fp = sum(1 for y, p in zip(labels, probs, strict=True) if y == 0 and p >= t)
    return CurvePoint(round(t, 3), tp, fp, required_gold - tp)


def curve(
    labels: Sequence[int], probs: Sequence[float], required_gold: int, step: float = 0.05
) -> list[CurvePoint]:
    n = int(round(1 / step))
    return [curve_point(labels, probs, required_gold, k * step) for k in range(n)]


def best_threshold(
    sets: Sequence[tuple[Sequence[int], Sequence[float], int]],
    candidates: Sequence[float],
    tolerance: float = 0.0,
    min_precision: float = 0.0,
) -> tuple[float, float]:
    """The lowest cut whose micro F1 over all sets together is within ``tolerance`` of the highest and whose
    precision on every set is at least ``min_precision`` (the best cut when none is), and that F1.

    The held-out F1 curve is flat over a wide range of cuts (one prediction moves it by about a tenth of a
    point), so its exact maximum is noise; among cuts as good as the best, the lowest keeps the most recall,
    as long as it keeps the precision the project requires."""
    scored = []
    for t in sorted(candidates):
        tp = fp = fn = 0
        precise = True
        for labels, probs, gold in sets:
            pt = curve_point(labels, probs, gold, t)
            tp, fp, fn = tp + pt.tp, fp + pt.fp, fn + pt.fn
            precise = precise and (pt.precision or 0.0) >= min_precision
        scored.append((t, CurvePoint(t, tp, fp, fn).f1, precise))
    top = max(f1 for _, f1, _ in scored)
    good = [(t, f1) for t, f1, precise in scored if precise and f1 >= top - tolerance - 1e-12]
    return good[0] if good else max(((t, f1) for t, f1, _ in scored), key=lambda x: (x[1], -x[0]))


# ---------------------------------------------------------------------------------------------- output
def _pct(x: float | None) -> str:
    return "—" if x is None else f"{100 * x:.1f}"


def markdown_section(data: dict[str, Any]) -> str:
    """The docs/evaluation.md section: held-out figures and the precision–recall table, from the data file."""
    held = data["held_out"]
    names = list(held["sets"])
    lines = [
        f"Fitted by `python scripts/fit_confidence.py` on {', '.join(names)} "
        f"({data['training']['labelled']} labelled predictions: {data['training']['positives']} right, "
        f"{data['training']['negatives']} false positives; logistic regression, C={data['C']}, "
        f"{data['folds']}-fold cross-validation grouped by article). Every figure below is from the held-out "
        "folds: each prediction scored by a model that never saw its article. The default "
        f"`--min-confidence` is **{data['threshold']}**, the lowest cut whose held-out F1 over the sets together "
        "is within a quarter point of the best (the curve is flat: its exact maximum is noise) and whose held-out "
        "precision is at least 0.75 on each set. "
        "`newsevents eval` on these same files with the default cut is in-sample (the model saw those articles); "
        "`newsevents eval --held-out` scores each article with the fold model that never saw it (an article's "
        "fold is a hash of its id) and gives the held-out figures. Rows: each set without a cut and at the "
        "default cut, counted over the labelled predictions (the matching held fixed), and, where present, "
        "`newsevents eval --held-out` at the default cut (the scorer's exact figures).",
        "",
        "| set | cut | P | R | F1 | TP/FP/FN |",
        "|---|---|---|---|---|---|",
    ]
    exact = held.get("eval", {})
    for name in names:
        rows = [(held["sets"][name][key], "") for key in ("no_cut", "at_threshold")]
        if name in exact:
            rows.append((exact[name], " (`eval --held-out`)"))
        for pt, how in rows:
            lines.append(
                f"| {name} | {pt['threshold']}{how} | {_pct(pt['precision'])} | {_pct(pt['recall'])} | "
                f"{_pct(pt['f1'])} | {pt['tp']}/{pt['fp']}/{pt['fn']} |"
            )
    lines += [
        "",
        "Held-out average precision: "
        + ", ".join(f"{n} {held['sets'][n]['average_precision']:.3f}" for n in names)
        + ".",
        "",
        "Precision–recall by cut (held-out, micro over the sets):",
        "",
        "| cut | P | R | F1 |",
        "|---|---|---|---|",
    ]
    for pt in held["curve"]:
        lines.append(
            f"| {pt['threshold']:.2f} | {_pct(pt['precision'])} | {_pct(pt['recall'])} | {_pct(pt['f1'])} |"
        )
    return "\n".join(lines)


def docs_section(data: dict[str, Any]) -> str:
    return markdown_section(data) + "\n\n![held-out precision–recall](img/confidence-pr.svg)\n"


def svg_curve(points: Sequence[dict[str, Any]], width: int = 420, height: int = 320) -> str:
    """A small precision–recall plot (SVG: text, no plotting library needed for one polyline)."""
    pad = 40
    w, h = width - 2 * pad, height - 2 * pad

    def xy(r: float, p: float) -> str:
        return f"{pad + r * w:.1f},{pad + (1 - p) * h:.1f}"

    pts = [(pt["recall"], pt["precision"]) for pt in points if pt["precision"] is not None and pt["recall"]]
    poly = " ".join(xy(r, p) for r, p in pts)
    ticks = "".join(
        f'<text x="{pad + k / 4 * w:.0f}" y="{height - pad + 16}" font-size="11" text-anchor="middle">{k / 4:.2f}</text>'
        f'<text x="{pad - 6}" y="{pad + (1 - k / 4) * h + 4:.0f}" font-size="11" text-anchor="end">{k / 4:.2f}</text>'
        for k in range(5)
    )
    dots = "".join(
        f'<circle cx="{xy(r, p).split(",")[0]}" cy="{xy(r, p).split(",")[1]}" r="2.5"/>' for r, p in pts
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif">'
        f'<rect x="{pad}" y="{pad}" width="{w}" height="{h}" fill="none" stroke="#999"/>'
        f'<polyline points="{poly}" fill="none" stroke="#1f77b4" stroke-width="2"/>'
        f'<g fill="#1f77b4">{dots}</g>{ticks}'
        f'<text x="{width / 2:.0f}" y="{height - 6}" font-size="12" text-anchor="middle">recall</text>'
        f'<text x="12" y="{height / 2:.0f}" font-size="12" transform="rotate(-90 12 {height / 2:.0f})" '
        'text-anchor="middle">precision</text>'
        f'<text x="{width / 2:.0f}" y="20" font-size="13" text-anchor="middle">events: held-out precision–recall '
        "by confidence cut</text></svg>\n"
    )


SECTION_START = "<!-- confidence:start -->"
SECTION_END = "<!-- confidence:end -->"


def replace_section(page: str, section: str) -> str:
    """``page`` with the text between the confidence markers replaced (appended when there are none)."""
    block = f"{SECTION_START}\n{section.strip()}\n{SECTION_END}"
    if SECTION_START in page and SECTION_END in page:
        a, b = page.index(SECTION_START), page.index(SECTION_END) + len(SECTION_END)
        return page[:a] + block + page[b:]
    return page.rstrip() + "\n\n## Event confidence\n\n" + block + "\n"
