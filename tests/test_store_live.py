"""A live store: `newsevents serve` and `newsevents ingest` on one file at once, and clear lock errors.

DuckDB locks a file per process; the server opens the store per request and the ingest per batch, each
waiting a bounded time for the other (store/locking.py).  These tests run the real processes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # see test_server_api.py: Starlette's httpx2 notice
    from fastapi.testclient import TestClient
from newsevents.cli import app
from newsevents.server import create_app, routes_read
from newsevents.server.browser import free_port
from newsevents.store import Store
from newsevents.store.locking import StoreBusyError, lock_holder, open_with_retry, writer_waiting
from test_server_records import sample_results

# Hand-written articles, one sentence each, so an ingest commits several small batches.
NEW_ARTICLES = [
    "The mayor of Porto met fishermen on Monday to discuss the new harbour fees.",
    "Kenya's parliament rejected a bill on mobile money taxes after a long debate.",
    "Students in Dhaka protested against higher bus fares outside the transport ministry.",
    "Peru's foreign minister visited Quito and signed a border trade agreement.",
    "The Danish navy rescued forty migrants from a sinking boat in the Baltic.",
    "Farmers in Punjab blocked a highway to demand a higher price for wheat.",
]
CODE = "from newsevents.cli import main; main()"


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "NEWSEVENTS_TOKEN"}
    env["PYTHONPATH"] = os.pathsep.join(sys.path)
    return env


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "live.duckdb"
    with Store(path) as store:
        store.add_results(sample_results())
    return path


@pytest.fixture()
def holder(db: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the store open for writing (as an old-style server would)."""
    code = (
        "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
        "print('ready', flush=True); time.sleep(120)"
    )
    proc = subprocess.Popen([sys.executable, "-c", code, str(db)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    yield proc
    proc.kill()
    proc.wait(timeout=10)


def _get(url: str) -> tuple[int, dict[str, object]]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as err:
        return err.code, {}


def test_store_live_ingest_while_serving(tmp_path: Path, db: Path) -> None:
    corpus = tmp_path / "more.jsonl"
    corpus.write_text(
        "".join(json.dumps({"id": f"n{k}", "date": "2024-02-0" + str(k + 1), "text": t}) + "\n"
                for k, t in enumerate(NEW_ARTICLES)),
        encoding="utf-8",
    )  # fmt: skip
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    serve = subprocess.Popen(
        [sys.executable, "-c", CODE, "serve", "--db", str(db), "--port", str(port)],
        env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    answers: list[tuple[float, str, int]] = []
    stop = threading.Event()

    def read() -> None:
        paths = ["/api/stats", "/api/articles", "/api/events?type=PROTEST", "/api/network"]
        k = 0
        while not stop.is_set():
            path = paths[k % len(paths)]
            status, _ = _get(base + path)
            answers.append((time.monotonic(), path, status))
            k += 1
            time.sleep(0.05)

    try:
        for _ in range(300):  # the server's interpreter and imports, on a busy machine
            try:
                if _get(base + "/api/stats")[0] == 200:
                    break
            except (urllib.error.URLError, ConnectionError):
                assert serve.poll() is None, serve.stderr.read() if serve.stderr else ""
                time.sleep(0.1)
        reader = threading.Thread(target=read)
        reader.start()
        started = time.monotonic()
        ingest = subprocess.run(
            [sys.executable, "-c", CODE, "ingest", str(corpus), "--db", str(db), "--batch-size", "1",
             "--no-progress"],
            env=_env(), capture_output=True, text=True, timeout=600,
        )  # fmt: skip
        ended = time.monotonic()
        stop.set()
        reader.join(timeout=60)
        assert ingest.returncode == 0, ingest.stderr
        assert "Traceback" not in ingest.stderr
        during = [a for a in answers if started <= a[0] <= ended]
        assert len(during) >= 5, f"readers got {len(during)} answers during the ingest"
        assert {status for _, _, status in answers} == {200}, [a for a in answers if a[2] != 200][:5]
        status, stats = _get(base + "/api/stats")
        assert status == 200
        assert stats["tables"]["articles"] == 3 + len(NEW_ARTICLES)  # type: ignore[index]
    finally:
        stop.set()
        serve.terminate()
        serve.wait(timeout=20)


def test_store_live_cli_names_the_process_holding_the_store(
    tmp_path: Path, db: Path, holder: subprocess.Popen[str]
) -> None:
    more = tmp_path / "one.txt"
    more.write_text(NEW_ARTICLES[0], encoding="utf-8")
    runner = CliRunner()
    for args in (
        ["ingest", str(more), "--db", str(db), "--lock-timeout", "0.3", "--no-progress"],
        ["export", "--db", str(db), "--out", str(tmp_path / "x")],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, result.output
        text = " ".join(result.output.split())
        assert f"PID {holder.pid}" in text and "retry" in text, text
        assert "Traceback" not in result.output and isinstance(result.exception, SystemExit)


def test_store_live_server_answers_503_while_held(
    db: Path, holder: subprocess.Popen[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(routes_read, "READ_WAIT_S", 0.3)
    web = create_app(str(db))  # starts although the file is held: requests wait for it
    with TestClient(web) as client:
        response = client.get("/api/stats")
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "2"
    assert f"PID {holder.pid}" in response.json()["detail"]


def test_store_live_server_lets_a_waiting_writer_go_first(db: Path) -> None:
    intent = Path(f"{db}.writer")
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        intent.write_text(str(sleeper.pid), encoding="ascii")
        assert writer_waiting(str(db))
        with pytest.raises(StoreBusyError, match="waiting writer"):
            open_with_retry(str(db), True, 0.2, defer_to_writer=True)
        open_with_retry(str(db), True, 0.2).close()  # a reader that does not defer is not held back
    finally:
        sleeper.kill()
        sleeper.wait(timeout=10)
    assert not writer_waiting(str(db))  # its process is gone: a stale intent is ignored
    open_with_retry(str(db), True, 0.2, defer_to_writer=True).close()


def test_store_live_lock_holder_parses_duckdb_message() -> None:
    msg = 'IO Error: Could not set lock on file "x.duckdb": Conflicting lock is held in /usr/bin/python3 (PID 999999999).'
    assert lock_holder(msg) == "PID 999999999 (/usr/bin/python3)"
    assert lock_holder("something else") == "another process"


def test_store_live_per_operation_store_releases_the_file(db: Path) -> None:
    store = Store(db, keep_open=False)
    assert store.tables()["articles"] == 3
    code = "import duckdb, sys; duckdb.connect(sys.argv[1]).close()"
    subprocess.run([sys.executable, "-c", code, str(db)], check=True, timeout=60)  # the file is free
