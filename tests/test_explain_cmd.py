"""`newsevents explain FILE`: actors with mentions and link rules (rich text) or JSON records."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from newsevents.cli import app

TEXT = (
    "Senator John McCain visited Kabul on Monday. He said the trip was a success.\n\n"
    "The Taliban said the road to Kandahar was open."
)


def test_explain_prints_actors_mentions_and_rules(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(" date 2019-03-01 " + TEXT, encoding="utf-8")
    out = CliRunner().invoke(app, ["explain", str(f)], env={"COLUMNS": "200"})
    assert out.exit_code == 0, out.output
    assert "John McCain" in out.output
    assert "'He'" in out.output and "pronoun_subject" in out.output
    assert "Taliban" in out.output and "AFG" in out.output


def test_explain_json_gives_one_record_per_article(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(TEXT, encoding="utf-8")
    out = CliRunner().invoke(app, ["explain", "--json", str(f)])
    assert out.exit_code == 0, out.output
    records = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
    assert len(records) == 1
    names = {a["name"] for a in records[0]["actors"]}
    assert "John McCain" in names


def test_explain_reports_bad_input_without_crashing(tmp_path: Path) -> None:
    f = tmp_path / "empty.txt"
    f.write_text("   ", encoding="utf-8")
    out = CliRunner().invoke(app, ["explain", str(f)])
    assert out.exit_code == 0
    assert "error" in out.output
