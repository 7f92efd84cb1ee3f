"""A real ``newsevents ingest`` killed with SIGKILL mid-way and restarted ends with the rows of one clean run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from newsevents.store.schema import TABLES

PEOPLE = [
    ("Foreign Minister Dmytro Kuleba", "Kyiv"),
    ("Chancellor Olaf Scholz", "Berlin"),
    ("President Emmanuel Macron", "Paris"),
    ("Prime Minister Fumio Kishida", "Tokyo"),
    ("Secretary of State Antony Blinken", "Washington"),
    ("President Recep Tayyip Erdogan", "Ankara"),
]
VERBS = [
    "met union leaders in {place} on Monday and promised new talks on wages.",
    "accused the opposition of spreading false claims about the budget, according to a statement from {place}.",
    "said in {place} that the government would send more aid to flooded regions next week.",
    "visited a hospital in {place} and praised the doctors who treated victims of the fire.",
    "criticised the central bank in {place}, calling its decision to raise rates 'a mistake'.",
]


def write_corpus(path: Path) -> int:
    """30 short articles, a malformed line and an empty article: the errors must be idempotent too."""
    lines = []
    for k in range(30):
        who, place = PEOPLE[k % len(PEOPLE)]
        what = VERBS[(k // len(PEOPLE)) % len(VERBS)].format(place=place)
        text = f"{who} {what} Officials said the meeting number {k} lasted about {k + 1} hours."
        lines.append(json.dumps({"id": f"art-{k:02d}", "date": f"2022-03-{k % 28 + 1:02d}", "text": text}))
        if k == 10:
            lines.append('{"id": "broken", "text": ')
        if k == 20:
            lines.append(json.dumps({"id": "blank", "text": "   "}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 30


def ingest_cmd(db: Path, corpus: Path) -> list[str]:
    code = "from newsevents.cli import main; main()"
    return [
        sys.executable,
        "-c",
        code,
        "ingest",
        str(corpus),
        "--db",
        str(db),
        "--batch-size",
        "2",
        "--no-progress",
    ]


def table_contents(db: Path) -> dict[str, list[tuple[object, ...]]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t.name: con.execute(f"SELECT * FROM {t.name} ORDER BY ALL").fetchall() for t in TABLES}
    finally:
        con.close()


def n_articles(db: Path) -> int:
    if not db.exists():
        return 0
    con = duckdb.connect(str(db), read_only=True)
    try:
        return int(con.execute("SELECT count(*) FROM articles").fetchone()[0])  # type: ignore[index]
    finally:
        con.close()


def wal_size(wal: Path) -> int:
    return wal.stat().st_size if wal.exists() else 0


def wait_for_growth(proc: subprocess.Popen[bytes], wal: Path, size: int, deadline: float) -> None:
    while wal_size(wal) <= size and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)


def test_store_crash_kill9_then_rerun_equals_clean_run(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    total = write_corpus(corpus)
    clean, crashed = tmp_path / "clean.duckdb", tmp_path / "crashed.duckdb"
    subprocess.run(ingest_cmd(clean, corpus), check=True, capture_output=True, timeout=300)
    assert n_articles(clean) == total

    partial_counts = []
    wal = Path(str(crashed) + ".wal")
    for attempt in range(6):
        proc = subprocess.Popen(
            ingest_cmd(crashed, corpus), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        # The schema is written to the WAL at start-up, then the model loads (seconds), then batches commit:
        # wait for the first commit after start-up, so the kill lands between batches or inside one.
        deadline = time.monotonic() + 180
        wait_for_growth(proc, wal, 0, deadline)
        time.sleep(0.3)
        wait_for_growth(proc, wal, wal_size(wal), deadline)
        time.sleep(0.15 * attempt)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
        done = n_articles(crashed)
        partial_counts.append(done)
        if done == total:
            break
    assert any(0 < c < total for c in partial_counts), f"no kill landed mid-run: {partial_counts}"

    subprocess.run(ingest_cmd(crashed, corpus), check=True, capture_output=True, timeout=300)
    assert table_contents(crashed) == table_contents(clean)
    # And once more: a complete store gains nothing from a re-run.
    subprocess.run(ingest_cmd(crashed, corpus), check=True, capture_output=True, timeout=300)
    assert table_contents(crashed) == table_contents(clean)
