"""`newsevents serve`: starts uvicorn over a store, refuses a missing database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from typer.testing import CliRunner

from newsevents.cli import app
from newsevents.server.browser import free_port
from newsevents.store import Store
from test_server_records import sample_results


def test_server_cli_missing_database_exits_2(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "NEWSEVENTS_TOKEN"}
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "absent.duckdb")], env=env)
    assert result.exit_code == 2
    assert "no database" in result.output


def test_server_cli_serves_the_store(tmp_path: Path) -> None:
    db = tmp_path / "store.duckdb"
    with Store(db) as store:
        store.add_results(sample_results())
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "NEWSEVENTS_TOKEN"}
    code = "from newsevents.cli import main; main()"
    cmd = [sys.executable, "-c", code, "serve", "--db", str(db), "--port", str(port)]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        stats = None
        for _ in range(300):  # up to ~30 s for the interpreter and imports on a busy machine
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stats", timeout=2) as response:
                    stats = json.load(response)
                break
            except (urllib.error.URLError, ConnectionError):
                if proc.poll() is not None:
                    break
                time.sleep(0.1)
        assert stats is not None, (
            proc.stderr.read().decode() if proc.poll() is not None else "server never answered"
        )
        assert stats["tables"]["articles"] == 3
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/api/articles",
            data=b'{"text": "x"}',
            headers={"Content-Type": "application/json"},
        )
        try:
            urllib.request.urlopen(request, timeout=10)
            raise AssertionError("ingest must be refused without NEWSEVENTS_TOKEN")
        except urllib.error.HTTPError as err:
            assert err.code == 403
    finally:
        proc.terminate()
        proc.wait(timeout=10)
