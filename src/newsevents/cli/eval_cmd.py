"""``newsevents eval GOLD.jsonl …``: run the pipeline on gold articles and print the gold README's metrics."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console

from newsevents.cli.common import MIN_CONFIDENCE_OPTION, MODEL_OPTION, fail
from newsevents.errors import NewsEventsError


def eval_command(
    gold: list[Path] = typer.Argument(
        ...,
        help="Gold JSON Lines files (the format of ../shared/gold/README.md), or GAP TSV files (pronoun "
        "resolution: P/R/F1 over the A and B decisions, by gender, and the F/M ratio).",
    ),
    model: str | None = MODEL_OPTION,
    report: Path | None = typer.Option(
        None, "--report", help="Also write the tables as Markdown to this file."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON instead of tables."),
    errors: bool = typer.Option(False, "--errors", help="List every miss and false positive with its text."),
    predictions: Path | None = typer.Option(
        None,
        "--predictions",
        help="Score this predictions JSONL file (one Result-shaped object per article, matched by id) "
        "instead of running newsevents.",
    ),
    system: str | None = typer.Option(None, "--system", help="Name of the scored system in the output."),
    min_confidence: float | None = MIN_CONFIDENCE_OPTION,
    held_out: bool = typer.Option(
        False,
        "--held-out",
        help="Score each article's events with the confidence model of the cross-validation fold that never "
        "saw it (the figures for the sets the model was fitted on, real-dev and plover-dev, are then "
        "held-out, not in-sample; see docs/evaluation.md).",
    ),
) -> None:
    """Score newsevents (or a predictions file) on gold files: quote P/R/F1, speaker accuracy, event
    P/R/F1, date accuracy, event type and actor/recipient country accuracy, per-type scores and the type
    confusion table; speaker name accuracy (the alias rule alone); GAP pronoun resolution for .tsv files."""
    from newsevents.evaluation import evaluate, evaluate_predictions
    from newsevents.evaluation.report import markdown, print_report, report_json
    from newsevents.pipeline import Options

    missing = [str(p) for p in gold if not p.is_file()]
    if missing:
        raise fail(f"gold file not found: {', '.join(missing)}")
    if predictions is not None and not predictions.is_file():
        raise fail(f"predictions file not found: {predictions}")
    paths = [str(p) for p in gold]
    if held_out and predictions is None:
        from newsevents.extract.events.confidence import load_model

        shipped = load_model()
        if shipped is None or not shipped.fold_models:
            # without fold models every article would be scored by the full model: in-sample, not held-out
            raise fail(
                "the shipped confidence model has no fold models; refit: python scripts/fit_confidence.py"
            )
    try:
        if predictions is not None:
            result = evaluate_predictions(paths, str(predictions), system)
        else:
            extra = {"held_out": True} if held_out else {}
            result = evaluate(paths, Options(model=model, min_confidence=min_confidence, extra=extra))
            if system:
                result.system = system
            elif held_out:
                result.system = f"{result.system} (held-out confidence)"
    except NewsEventsError as exc:
        raise fail(str(exc)) from exc
    except (ValueError, OSError) as exc:  # a broken gold/predictions line: say which, do not trace back
        raise fail(f"cannot score: {exc}") from exc
    if as_json:
        typer.echo(json.dumps(report_json(result, errors=errors), ensure_ascii=False, indent=2))
    else:
        print_report(result, Console(), errors=errors)
    if report is not None:
        report.write_text(markdown(result, errors=errors) + "\n", encoding="utf-8")


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""
    app.command("eval")(eval_command)
