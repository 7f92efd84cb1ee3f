"""``newsevents explain FILE``: every actor with its mentions and the rule behind each link, then quotes/events."""

from __future__ import annotations

import json
import sys

import typer
from rich.console import Console
from rich.table import Table
from rich.tree import Tree

from newsevents.cli.common import DATE_OPTION, FORMAT_OPTION, MODEL_OPTION, fail
from newsevents.errors import NewsEventsError
from newsevents.model import ErrorRecord, Result


def _actor_tree(result: Result) -> Tree:
    names = {a.id: a.name for a in result.actors}
    root = Tree(f"[bold]actors[/] ({len(result.actors)})")
    for a in result.actors:
        facts = [a.kind, a.country or "-", a.sector or "-"]
        if a.role:
            facts.append(f"role: {a.role}")
        if a.affiliation:
            facts.append(f"affiliation: {names.get(a.affiliation, a.affiliation)}")
        node = root.add(f"[bold cyan]{a.name}[/]  " + " · ".join(facts), highlight=False)
        for m in a.mentions:
            node.add(
                f"{m.span.start:>6}  {m.span.text!r}  [dim]{m.kind} ← {m.resolved_by}[/]", highlight=False
            )
    return root


def _quotes_table(result: Result) -> Table:
    table = Table(title=f"quotes ({len(result.quotes)})", show_lines=False)
    for col in ("kind", "speaker", "resolved by", "cue", "content", "rule"):
        table.add_column(col)
    for q in result.quotes:
        speaker = q.speaker
        content = q.content.text if len(q.content.text) <= 90 else q.content.text[:87] + "..."
        table.add_row(
            q.kind,
            f"{speaker.name} ({speaker.mention.text!r})" if speaker else "-",
            speaker.resolved_by if speaker else "-",
            q.cue.text if q.cue else "-",
            content,
            q.rule,
        )
    return table


def _events_table(result: Result) -> Table:
    table = Table(title=f"events ({len(result.events)})")
    for col in ("type", "actor", "recipient", "date", "trigger", "rule"):
        table.add_column(col)
    for e in result.events:
        table.add_row(
            e.type,
            f"{e.actor.name} [{e.actor.country or '-'}]" if e.actor else "-",
            f"{e.recipient.name} [{e.recipient.country or '-'}]" if e.recipient else "-",
            e.date or "-",
            e.trigger.text,
            e.rule,
        )
    return table


def print_explanation(result: Result, console: Console) -> None:
    """Human-readable account of one result: actors with coreference links, quotes, events, errors."""
    art = result.article
    console.print(f"[bold]article[/] {art.id}  date={art.date or '-'}  {art.path or ''}", highlight=False)
    console.print(_actor_tree(result))
    if result.quotes:
        console.print(_quotes_table(result))
    if result.events:
        console.print(_events_table(result))
    for err in result.errors:
        console.print(f"[red]error[/] {err.stage}: {err.message}", highlight=False)


def explain(
    inputs: list[str] = typer.Argument(..., help="Article files (text, jsonl, html, ...) or - for stdin."),
    fmt: str | None = FORMAT_OPTION,
    model: str | None = MODEL_OPTION,
    date: str | None = DATE_OPTION,
    actors: str | None = typer.Option(None, "--actors", help="Extra actor dictionary (YAML or CSV)."),
    as_json: bool = typer.Option(False, "--json", help="Print the full result records as JSON lines."),
) -> None:
    """Show each actor with its mentions and the rule behind every coreference link, then quotes and events."""
    from newsevents.pipeline import Options, process
    from newsevents.readers import read_inputs

    console = Console()
    options = Options(model=model, actors_file=actors)
    try:
        for item in process(read_inputs(inputs, fmt, date=date), options):
            if isinstance(item, ErrorRecord):
                if as_json:
                    sys.stdout.write(json.dumps({"error": item.to_dict()}, ensure_ascii=False) + "\n")
                else:
                    console.print(
                        f"[red]error[/] {item.path}:{item.line or ''} {item.message}", highlight=False
                    )
                continue
            if as_json:
                sys.stdout.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
            else:
                print_explanation(item, console)
    except NewsEventsError as exc:
        raise fail(str(exc)) from None


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""
    app.command("explain")(explain)
