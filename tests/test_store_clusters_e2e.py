"""End to end: two differently worded reports of one meeting, through real extraction, make one cluster."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from newsevents.cli import app
from newsevents.store import Store

REPORTS = [
    "Ukrainian Foreign Minister Dmytro Kuleba met Russian Foreign Minister Sergei Lavrov in Antalya, Turkey, on "
    "Thursday. The talks, hosted by Turkey, ended without progress on a ceasefire, Kuleba told reporters afterwards.",
    "Russia's top diplomat Sergei Lavrov held talks with his Ukrainian counterpart Dmytro Kuleba on Thursday in the "
    "Turkish resort city of Antalya. Lavrov said afterwards that no agreement on a truce had been reached.",
]


def test_store_clusters_e2e_two_reports_of_kuleba_lavrov_meeting(tmp_path: Path) -> None:
    corpus = tmp_path / "reports.jsonl"
    rows = [
        {"id": f"report-{k}", "date": "2022-03-10", "source": f"outlet-{k}", "text": t}
        for k, t in enumerate(REPORTS)
    ]
    corpus.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    db = tmp_path / "e2e.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(corpus), "--db", str(db), "--no-progress"])
    assert result.exit_code == 0, result.output
    with Store(db, read_only=True) as store:
        consult = store.query(
            "SELECT n_articles, article_ids, date FROM event_clusters WHERE type = 'CONSULT' ORDER BY n_articles DESC"
        )
        assert store.query("SELECT count(*) AS n FROM articles WHERE duplicate_of IS NOT NULL")[0]["n"] == 0
    assert consult, "no CONSULT event was extracted"
    assert consult[0]["n_articles"] == 2
    assert sorted(consult[0]["article_ids"]) == ["report-0", "report-1"]
    assert consult[0]["date"] == "2022-03-10"
