"""``newsevents ingest / query / export / cluster`` through typer's CliRunner."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from newsevents.cli import app
from newsevents.store.schema import TABLES

ARTICLES = [
    "Police in Lagos arrested a journalist on Tuesday after he reported on a protest, his lawyer said.",
    "The Chilean president met union leaders in Santiago and promised a new pension law before winter.",
    "Indonesia's environment ministry fined a palm oil company for burning forest on Sumatra.",
    "Turkey's foreign minister said Ankara would host new grain talks between Kyiv and Moscow next month.",
]

runner = CliRunner()


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "in.jsonl"
    lines = [json.dumps({"id": f"c{k}", "date": f"2022-07-1{k}", "text": t}) for k, t in enumerate(ARTICLES)]
    lines.insert(2, "[1, 2")  # malformed: one error row, every good article still lands
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def contents(db: Path) -> dict[str, list[tuple[object, ...]]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t.name: con.execute(f"SELECT * FROM {t.name} ORDER BY ALL").fetchall() for t in TABLES}
    finally:
        con.close()


def ingest(*args: str) -> None:
    result = runner.invoke(app, ["ingest", *args, "--no-progress"])
    assert result.exit_code == 0, result.output


def test_store_cli_ingest_is_incremental_and_idempotent(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "n.duckdb"
    ingest(str(corpus), "--db", str(db))
    first = contents(db)
    assert len(first["articles"]) == 4 and len(first["errors"]) == 1
    ingest(str(corpus), "--db", str(db))
    assert contents(db) == first
    ingest(str(corpus), "--db", str(db), "--reprocess")
    assert contents(db) == first
    # A new article is added, the others untouched.
    more = tmp_path / "more.txt"
    more.write_text(
        " date 2022-07-20 Farmers in Punjab blocked a highway to demand higher wheat prices.",
        encoding="utf-8",
    )
    ingest(str(corpus), str(more), "--db", str(db))
    after = contents(db)
    assert len(after["articles"]) == 5
    assert set(first["actors"]) <= set(after["actors"])


def test_store_cli_ingest_max_chars_turns_long_articles_into_error_rows(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "limit.duckdb"
    limit = 95
    short = [t for t in ARTICLES if len(t) <= limit]
    assert 0 < len(short) < len(ARTICLES)  # the limit splits the corpus
    ingest(str(corpus), "--db", str(db), "--max-chars", str(limit), "--time-budget", "60")
    con = duckdb.connect(str(db), read_only=True)
    try:
        texts = [r[0] for r in con.execute("SELECT text FROM articles").fetchall()]
        messages = [r[0] for r in con.execute("SELECT message FROM errors").fetchall()]
    finally:
        con.close()
    assert sorted(texts) == sorted(short)
    too_long = [m for m in messages if "too long" in m]
    assert len(too_long) == len(ARTICLES) - len(short)
    assert len(messages) == len(too_long) + 1  # plus the malformed line


def test_store_cli_two_workers_store_the_same_rows(tmp_path: Path, corpus: Path) -> None:
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    ingest(str(corpus), "--db", str(one))
    ingest(str(corpus), "--db", str(two), "--workers", "2")
    assert contents(two) == contents(one)


@pytest.fixture()
def filled_db(tmp_path: Path, corpus: Path) -> Path:
    db = tmp_path / "q.duckdb"
    ingest(str(corpus), "--db", str(db))
    return db


@pytest.mark.parametrize("output", ["table", "csv", "json"])
def test_store_cli_query_outputs(filled_db: Path, output: str) -> None:
    sql = "SELECT id, date FROM articles ORDER BY id"
    result = runner.invoke(app, ["query", sql, "--db", str(filled_db), "--output", output])
    assert result.exit_code == 0, result.output
    if output == "json":
        rows = [json.loads(line) for line in result.stdout.splitlines()]
        assert [r["id"] for r in rows] == ["c0", "c1", "c2", "c3"]
    elif output == "csv":
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
        assert [r["date"] for r in rows] == ["2022-07-10", "2022-07-11", "2022-07-12", "2022-07-13"]
    else:
        assert "c3" in result.stdout and "2022-07-12" in result.stdout


@pytest.mark.parametrize(
    ("sql", "message"),
    [
        ("DELETE FROM articles", "read-only"),
        ("DROP TABLE events", "read-only"),
        ("INSERT INTO errors (id) VALUES ('x')", "read-only"),
        ("UPDATE articles SET text = ''", "read-only"),
        ("SELECT 1; DELETE FROM articles", "read-only"),
        ("SELECT * FROM nowhere", "nowhere"),
    ],
)
def test_store_cli_query_refuses_writes_and_reports_errors(filled_db: Path, sql: str, message: str) -> None:
    before = contents(filled_db)
    result = runner.invoke(app, ["query", sql, "--db", str(filled_db)])
    assert result.exit_code != 0
    assert message in result.output.lower() or message in (result.stderr or "").lower()
    assert contents(filled_db) == before


def test_store_cli_query_without_database_fails_clearly(tmp_path: Path) -> None:
    result = runner.invoke(app, ["query", "SELECT 1", "--db", str(tmp_path / "absent.duckdb")])
    assert result.exit_code != 0
    assert not (tmp_path / "absent.duckdb").exists()


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_store_cli_export_writes_flat_events_and_tables(tmp_path: Path, filled_db: Path, fmt: str) -> None:
    out = tmp_path / f"export-{fmt}"
    result = runner.invoke(app, ["export", "--db", str(filled_db), "--out", str(out), "--format", fmt])
    assert result.exit_code == 0, result.output
    for name in ("events_flat", "articles", "actors", "quotes", "events", "errors", "event_clusters"):
        assert (out / f"{name}.{fmt}").exists()
    if fmt == "parquet":
        articles = pq.read_table(out / "articles.parquet")
        assert articles.num_rows == 4
        flat = pq.read_schema(out / "events_flat.parquet").names
        for column in (
            "actor_name",
            "actor_country",
            "recipient_sector",
            "type",
            "mode",
            "date",
            "place",
            "lat",
            "lon",
            "evidence_text",
            "url",
        ):
            assert column in flat
    elif fmt == "jsonl":
        rows = [json.loads(x) for x in (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
        assert [r["id"] for r in rows] == ["c0", "c1", "c2", "c3"]


def test_store_cli_cluster_rebuild_with_rules_file(tmp_path: Path, filled_db: Path) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text("max_day_gap: 3\n", encoding="utf-8")
    result = runner.invoke(app, ["cluster", "--db", str(filled_db), "--cluster-config", str(rules)])
    assert result.exit_code == 0, result.output
    rules.write_text("bogus: 1\n", encoding="utf-8")
    result = runner.invoke(app, ["cluster", "--db", str(filled_db), "--cluster-config", str(rules)])
    assert result.exit_code != 0
