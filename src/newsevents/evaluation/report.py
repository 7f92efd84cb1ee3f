"""Show an :class:`~newsevents.evaluation.runner.EvalReport`: rich tables, Markdown, or JSON."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.table import Table

from newsevents.evaluation.gap import GapItem, GapScore
from newsevents.evaluation.matching import NO_PREDICTION, PRF, Accuracy
from newsevents.evaluation.runner import EvalReport, Score

QUOTE_COLUMNS = (
    "gold file",
    "articles",
    "P",
    "R",
    "F1",
    "TP/FP/FN",
    "speaker acc",
    "speaker name acc",
    "content tok-F1",
)
GAP_COLUMNS = ("GAP file", "pronouns", "P", "R", "F1", "TP/FP/FN", "F1 masc.", "F1 fem.", "F/M")
EVENT_COLUMNS = (
    "gold file",
    "articles",
    "P",
    "R",
    "F1",
    "TP/FP/FN",
    "date acc",
    "place acc",
    "type acc",
    "actor country",
    "recipient country",
)


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.1f}"


def _acc(a: Accuracy) -> str:
    return "—" if not a.total else f"{_pct(a.value)} ({a.right}/{a.total})"


def _counts(prf: PRF) -> str:
    return f"{prf.tp}/{prf.fp}/{prf.fn}"


def _prf_cells(prf: PRF) -> list[str]:
    return [_pct(prf.precision), _pct(prf.recall), _pct(prf.f1), _counts(prf)]


def _scores(report: EvalReport) -> list[Score]:
    return [*report.files, report.overall] if len(report.files) > 1 else list(report.files)


def quote_rows(report: EvalReport) -> list[list[str]]:
    """One row per gold file that scores quotes (and the overall row)."""
    return [
        [
            s.name,
            str(s.quote_articles),
            *_prf_cells(s.quotes),
            _acc(s.speaker),
            _acc(s.speaker_name),
            _pct(s.content_f1),
        ]
        for s in _scores(report)
        if s.quote_articles
    ]


def event_rows(report: EvalReport) -> list[list[str]]:
    """One row per gold file that scores events (and the overall row)."""
    return [
        [
            s.name,
            str(s.event_articles),
            *_prf_cells(s.events),
            _acc(s.dates),
            _acc(s.places),
            _acc(s.event_type),
            _acc(s.actor_country),
            _acc(s.recipient_country),
        ]
        for s in _scores(report)
        if s.event_articles
    ]


def gap_rows(report: EvalReport) -> list[list[str]]:
    """One row per GAP file: P/R/F1 over the A and B decisions, F1 by gender and their ratio."""
    return [
        [
            g.name,
            str(g.rows),
            *_prf_cells(g.overall),
            _pct(g.by_gender["M"].f1),
            _pct(g.by_gender["F"].f1),
            "—" if g.bias is None else f"{g.bias:.3f}",
        ]
        for g in report.gap
    ]


def gap_error_rows(report: EvalReport) -> list[list[str]]:
    """GAP rows decided wrong: the pronoun, the gold answer, the system's answer and the rule behind it."""

    def answer(a: bool, b: bool, item: GapItem) -> str:
        return item.a if a else item.b if b else "neither"

    rows = []
    for g in report.gap:
        for item, d in g.errors:
            context = item.text[max(0, item.pronoun_offset - 80) : item.pronoun_offset + 40]
            rows.append(
                [
                    item.id,
                    f"{item.pronoun} @{item.pronoun_offset}",
                    answer(item.a_coref, item.b_coref, item),
                    answer(d.a, d.b, item) + (f" ({d.rule}: {d.actor})" if d.rule else ""),
                    context,
                ]
            )
    return rows


GAP_ERROR_COLUMNS = ("id", "pronoun", "gold", "predicted (rule: actor)", "context")


COVERAGE_COLUMNS = (
    "gold file",
    "named PERSON/ORG actors with a country",
    "... or an IGO/NGO code",
    "... in the KB",
    "speakers with a country",
)


def _share(part: int, total: int) -> str:
    return "—" if not total else f"{100 * part / total:.1f} ({part}/{total})"


def coverage_rows(report: EvalReport) -> list[list[str]]:
    """One row per gold file run through the pipeline: the actor coding coverage (:mod:`.coverage`)."""
    return [
        [
            s.name,
            _share(s.coverage.named_country, s.coverage.named),
            _share(s.coverage.named_coded, s.coverage.named),
            _share(s.coverage.named_kb, s.coverage.named),
            _share(s.coverage.speakers_country, s.coverage.speakers),
        ]
        for s in _scores(report)
        if s.coverage.named or s.coverage.speakers
    ]


def coverage_json(s: Score) -> dict[str, Any]:
    c = s.coverage
    return {
        "named_actors": c.named,
        "named_actors_with_country": c.named_country,
        "named_actors_in_kb": c.named_kb,
        "named_actors_with_country_or_international_code": c.named_coded,
        "speakers": c.speakers,
        "speakers_with_country": c.speakers_country,
    }


def type_rows(s: Score) -> list[list[str]]:
    return [
        [t, _pct(prf.precision), _pct(prf.recall), _pct(prf.f1), _counts(prf)]
        for t, prf in sorted(s.per_type.items())
    ]


def confusion_matrix(s: Score) -> tuple[list[str], list[str], dict[tuple[str, str], int]]:
    """Gold types (rows) and predicted types (columns, ``(none)`` last) of the confusion table."""
    gold_types = sorted({g for g, _ in s.confusion})
    predicted = sorted({p for _, p in s.confusion if p != NO_PREDICTION})
    if any(p == NO_PREDICTION for _, p in s.confusion):
        predicted.append(NO_PREDICTION)
    return gold_types, predicted, dict(s.confusion)


def confusion_rows(s: Score) -> tuple[list[str], list[list[str]]]:
    gold_types, predicted, cells = confusion_matrix(s)
    header = ["gold \\ predicted", *predicted]
    rows = [[g, *(str(cells.get((g, p), "")) for p in predicted)] for g in gold_types]
    return header, rows


def off_diagonal_rows(s: Score) -> list[list[str]]:
    """The confusion table's off-diagonal cells, most frequent first (narrow enough for a terminal)."""
    cells = sorted(
        ((n, g, p) for (g, p), n in s.confusion.items() if g != p), key=lambda c: (-c[0], c[1], c[2])
    )
    return [[g, p, str(n)] for n, g, p in cells]


def _table(title: str, header: Sequence[str], rows: Sequence[Sequence[str]]) -> Table:
    table = Table(title=title, title_justify="left")
    for k, h in enumerate(header):
        table.add_column(h, justify="left" if k == 0 else "right", overflow="fold")
    for row in rows:
        table.add_row(*row)
    return table


def print_report(report: EvalReport, console: Console, *, errors: bool = False) -> None:
    if report.gap:
        console.print(_table(f"{report.system}: GAP pronouns (%)", GAP_COLUMNS, gap_rows(report)))
        if errors:
            console.print(_table("GAP rows decided wrong", GAP_ERROR_COLUMNS, gap_error_rows(report)))
    if quote_rows(report):
        console.print(_table(f"{report.system}: quotes (%)", QUOTE_COLUMNS, quote_rows(report)))
    if event_rows(report):
        console.print(_table(f"{report.system}: events (%)", EVENT_COLUMNS, event_rows(report)))
    if coverage_rows(report):
        console.print(_table(f"{report.system}: actor coding (%)", COVERAGE_COLUMNS, coverage_rows(report)))
    s = report.overall
    if s.per_type:
        console.print(
            _table("events per PLOVER type (%)", ["type", "P", "R", "F1", "TP/FP/FN"], type_rows(s))
        )
    confused = off_diagonal_rows(s)
    if confused:
        console.print(
            _table(
                "event type confusions (required gold events)",
                ["gold type", "predicted instead", "count"],
                confused,
            )
        )
    if s.failures:
        console.print(f"[yellow]{len(s.failures)} processing problems[/], first: {s.failures[0]}")
    if errors:
        err = _table(
            "misses and false positives",
            ["article", "part", "kind", "text", "detail"],
            [[e.article_id, e.part, e.kind, e.text, e.detail] for e in s.errors],
        )
        console.print(err)


# ------------------------------------------------------------------------------------------ markdown
def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").strip()


def md_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(_md_cell(h) for h in header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def markdown(report: EvalReport, *, errors: bool = False, heading: str = "###") -> str:
    s = report.overall
    parts: list[str] = []
    if report.gap:
        parts += [
            f"{heading} {report.system}: GAP pronouns (%)",
            "",
            md_table(GAP_COLUMNS, gap_rows(report)),
            "",
        ]
    if quote_rows(report):
        parts += [
            f"{heading} {report.system}: quotes (%)",
            "",
            md_table(QUOTE_COLUMNS, quote_rows(report)),
            "",
        ]
    if event_rows(report):
        parts += [
            f"{heading} {report.system}: events (%)",
            "",
            md_table(EVENT_COLUMNS, event_rows(report)),
            "",
        ]
    if coverage_rows(report):
        parts += [
            f"{heading} {report.system}: actor coding (%)",
            "",
            md_table(COVERAGE_COLUMNS, coverage_rows(report)),
            "",
        ]
    if s.per_type:
        parts += [f"{heading} Events per PLOVER type (%)", ""]
        parts += [md_table(["type", "P", "R", "F1", "TP/FP/FN"], type_rows(s)), ""]
    if s.confusion:
        header, rows = confusion_rows(s)
        parts += [f"{heading} Event type confusion (required gold events)", ""]
        parts += [
            "Rows: gold type; columns: the type of the first prediction whose actor and recipient fit the gold",
            "event (the diagonal are matches; `(none)`: no prediction with those participants).",
            "",
            md_table(header, rows),
            "",
        ]
    if errors and s.errors:
        parts += [f"{heading} Misses and false positives", ""]
        rows = [[e.article_id, e.part, e.kind, e.text[:300], e.detail] for e in s.errors]
        parts += [md_table(["article", "part", "kind", "text", "detail"], rows), ""]
    return "\n".join(parts)


# ---------------------------------------------------------------------------------------------- JSON
def _prf_json(prf: PRF) -> dict[str, Any]:
    return {
        "tp": prf.tp,
        "fp": prf.fp,
        "fn": prf.fn,
        "precision": prf.precision,
        "recall": prf.recall,
        "f1": prf.f1,
    }


def _acc_json(a: Accuracy) -> dict[str, Any]:
    return {"right": a.right, "total": a.total, "accuracy": a.value}


def score_json(s: Score, *, errors: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {
        "name": s.name,
        "articles": s.articles,
        "quotes": _prf_json(s.quotes) if s.quote_articles else None,
        "speaker": _acc_json(s.speaker) if s.quote_articles else None,
        "speaker_name": _acc_json(s.speaker_name) if s.quote_articles else None,
        "content_token_f1": s.content_f1 if s.quote_articles else None,
        "events": _prf_json(s.events) if s.event_articles else None,
        "dates": _acc_json(s.dates) if s.event_articles else None,
        "places": _acc_json(s.places) if s.event_articles else None,
        "event_type": _acc_json(s.event_type) if s.event_articles else None,
        "actor_country": _acc_json(s.actor_country) if s.event_articles else None,
        "recipient_country": _acc_json(s.recipient_country) if s.event_articles else None,
        "per_type": {t: _prf_json(p) for t, p in sorted(s.per_type.items())},
        "confusion": [{"gold": g, "predicted": p, "count": n} for (g, p), n in sorted(s.confusion.items())],
        "coverage": coverage_json(s),
        "failures": s.failures,
    }
    if errors:
        out["errors"] = [
            {"article_id": e.article_id, "part": e.part, "kind": e.kind, "text": e.text, "detail": e.detail}
            for e in s.errors
        ]
    return out


def gap_json(g: GapScore, *, errors: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {
        "name": g.name,
        "pronouns": g.rows,
        "overall": _prf_json(g.overall),
        "by_gender": {k: _prf_json(v) for k, v in sorted(g.by_gender.items())},
        "bias_f_over_m": g.bias,
    }
    if errors:
        out["errors"] = [
            {
                "id": item.id,
                "gold": {"a": item.a_coref, "b": item.b_coref},
                "predicted": {"a": d.a, "b": d.b},
                "rule": d.rule,
                "actor": d.actor,
            }
            for item, d in g.errors
        ]
    return out


def report_json(report: EvalReport, *, errors: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {
        "system": report.system,
        "files": [score_json(f, errors=errors) for f in report.files],
        "overall": score_json(report.overall, errors=errors),
    }
    if report.gap:
        out["gap"] = [gap_json(g, errors=errors) for g in report.gap]
    return out
