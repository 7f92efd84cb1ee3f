"""`newsevents kb lookup|stats`: what the actor knowledge base knows about a name, and what it holds."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import typer


def _role_dict(e: object, chosen: bool) -> dict[str, object]:
    from newsevents.kb import KnownActor

    assert isinstance(e, KnownActor)
    return {
        "kb_id": e.kb_id,
        "name": e.name,
        "kind": e.kind,
        "code": e.code,
        "country": e.country,
        "sector": e.sector,
        "from": e.valid_from,
        "to": e.valid_to,
        "role": e.note,
        "source": e.source,
        "chosen": chosen,
    }


def register(app: typer.Typer) -> None:
    """Add the ``kb`` command group to ``app``."""
    kb = typer.Typer(
        help="Look up names in the actor knowledge base; count its entries.", no_args_is_help=True
    )
    app.add_typer(kb, name="kb")

    @kb.command("lookup")
    def lookup(
        name: str = typer.Argument(..., help='a name as an article writes it: "Lavrov", "Hamas"'),
        date: str | None = typer.Option(None, "--date", help="article date (YYYY-MM-DD): which role applies"),
        actors: Path | None = typer.Option(
            None, "--actors", exists=True, dir_okay=False, help="your actor file (YAML, CSV or Phoenix)"
        ),
        as_json: bool = typer.Option(False, "--json", help="one JSON object per role"),
    ) -> None:
        """Every entry called NAME (or, failing that, the one person with that surname), each role with its
        code and dates; the role the extractor would use on --date is marked with *."""
        from newsevents.kb import actor_dictionary

        d = actor_dictionary(str(actors) if actors else None)
        roles = d.entries(name)
        chosen = d.lookup(name, date)
        if not roles:
            chosen = d.surname(name, date)
            roles = d.entries(chosen.name) if chosen is not None else []
        if not roles:
            typer.echo(f"no entry for {name!r}", err=True)
            raise typer.Exit(1)
        rows = [_role_dict(e, e is chosen) for e in roles]
        if chosen is not None and not any(r["chosen"] for r in rows):
            rows.append(_role_dict(chosen, True))  # a derived role: a former office holder (ELI)
        if as_json:
            for r in rows:
                typer.echo(json.dumps(r, ensure_ascii=False))
            return
        for r in rows:
            span = f"{r['from'] or '…'} – {r['to'] or '…'}"
            mark = "*" if r["chosen"] else " "
            line = f"{mark} {r['name']} [{r['kb_id']}] {r['code'] or '-'} {span}"
            typer.echo(line + (f"  {r['role']}" if r["role"] else "") + f"  ({r['source']})")

    @kb.command("stats")
    def stats(
        top: int = typer.Option(25, "--top", min=1, help="how many countries to list"),
        as_json: bool = typer.Option(False, "--json", help="the counts as one JSON object"),
    ) -> None:
        """Entries of the bundled KB by kind, by country and by sector (of each entry's latest code)."""
        from newsevents.kb import countries
        from newsevents.kb.compiled import compiled_entries
        from newsevents.kb.phoenix import split_code

        index = countries()
        by_kind: Counter[str] = Counter()
        by_country: Counter[str] = Counter()
        by_sector: Counter[str] = Counter()
        entries = compiled_entries()
        for e in entries:
            by_kind[e.kind] += 1
            latest = max(e.codes, key=lambda c: (c.valid_from or "", c.valid_to or "9999"))
            country, sector = split_code(latest.code, index.by_iso3.__contains__)
            by_country[country or "(none)"] += 1
            by_sector[sector or "(none)"] += 1
        if as_json:
            out = {"entries": len(entries), "kind": by_kind, "country": by_country, "sector": by_sector}
            typer.echo(json.dumps(out, indent=1))
            return
        typer.echo(f"{len(entries)} entries: " + ", ".join(f"{k} {n}" for k, n in by_kind.most_common()))
        typer.echo("by sector: " + ", ".join(f"{k} {n}" for k, n in by_sector.most_common()))
        typer.echo(
            f"by country (top {top}): " + ", ".join(f"{k} {n}" for k, n in by_country.most_common(top))
        )
