"""``newsevents eval``: on the seed gold (skipped without ../shared) and on small hand-made gold files."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from conftest import GOLD, shared_file
from newsevents.cli import app

runner = CliRunner()


def _write_jsonl(path: Path, records: list[dict]) -> Path:  # type: ignore[type-arg]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_eval_cli_seed_json_has_every_metric(tmp_path: Path) -> None:
    seed = shared_file(GOLD / "seed.jsonl")
    report = tmp_path / "eval.md"
    result = runner.invoke(app, ["eval", str(seed), "--json", "--errors", "--report", str(report)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    seed_score = data["files"][0]
    assert seed_score["name"] == "seed" and seed_score["articles"] == 1
    for part in ("quotes", "events"):
        counts = seed_score[part]
        # 12 required quotes and 3 required events in the seed gold: each is found or missed
        assert counts["tp"] + counts["fn"] == {"quotes": 12, "events": 3}[part]
        assert 0.0 <= (counts["f1"] or 0.0) <= 1.0
    assert seed_score["speaker"]["total"] == seed_score["quotes"]["tp"]
    assert "quotes (%)" in report.read_text(encoding="utf-8")


def test_eval_cli_runs_pipeline_on_hand_made_gold(tmp_path: Path) -> None:
    raw = (
        " date 2023-06-01 The prime minister said the new border checks would start next week. "
        "Opposition leaders criticised the plan on Thursday."
    )
    gold = _write_jsonl(
        tmp_path / "mini.jsonl",
        [
            {
                "id": "mini",
                "raw": raw,
                "quotes_scored": True,
                "events_scored": False,
                "quotes": [
                    {"speaker": ["prime minister"], "content": "the new border checks would start next week"},
                    {"speaker": ["Opposition"], "content": "a sentence nobody wrote", "optional": False},
                ],
                "events": [],
            }
        ],
    )
    result = runner.invoke(app, ["eval", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    score = json.loads(result.output)["overall"]
    assert score["quotes"]["tp"] + score["quotes"]["fn"] == 2
    assert score["quotes"]["fn"] >= 1  # the invented snippet cannot be found
    assert score["events"] is None  # events_scored false: no event score at all


def test_eval_cli_scores_a_predictions_file(tmp_path: Path) -> None:
    raw = " date 2020-02-02 Rebels attacked the town, a witness said."
    gold = _write_jsonl(
        tmp_path / "g.jsonl",
        [
            {
                "id": "x",
                "raw": raw,
                "quotes": [{"speaker": ["witness"], "content": "Rebels attacked the town"}],
                "events": [
                    {"types": ["ASSAULT"], "actor": ["Rebels"], "recipient": ["town"], "date": "2020-02"}
                ],
            }
        ],
    )
    preds = _write_jsonl(
        tmp_path / "p.jsonl",
        [{"id": "x", "quotes": [{"content": {"start": 0, "end": 24, "text": "Rebels attacked the town"}}]}],
    )
    result = runner.invoke(
        app, ["eval", str(gold), "--predictions", str(preds), "--system", "mine", "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["system"] == "mine"
    assert data["overall"]["quotes"]["tp"] == 1
    assert data["overall"]["speaker"] == {"right": 0, "total": 1, "accuracy": 0.0}  # no speaker predicted
    assert data["overall"]["events"] is None  # a quotes-only system is not scored on events


def test_eval_cli_missing_gold_file_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 2
    assert "not found" in result.output
