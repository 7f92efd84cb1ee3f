"""Documentation cannot fall behind the code (after sqlite-utils' tests/test_docs.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer.main

from newsevents.cli import app

DOCS = Path(__file__).resolve().parents[1] / "docs"
COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("command", COMMANDS)
def test_docs_every_command_has_a_cli_section(command: str) -> None:
    assert f"## `newsevents {command}`" in (DOCS / "cli.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", COMMANDS)
def test_docs_every_option_is_mentioned(command: str) -> None:
    cli_doc = (DOCS / "cli.md").read_text(encoding="utf-8")
    section = cli_doc.split(f"## `newsevents {command}`", 1)[1].split("\n## ", 1)[0]
    click_cmd = typer.main.get_command(app).commands[command]  # type: ignore[attr-defined]
    for param in click_cmd.params:
        names = [
            o
            for o in [*getattr(param, "opts", []), *getattr(param, "secondary_opts", [])]
            if o.startswith("--")
        ]
        if names and names != ["--help"]:
            assert any(n in section for n in names), f"{command}: {names} undocumented"
