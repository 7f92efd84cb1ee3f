"""Opening a DuckDB file that another process may hold: bounded wait and retry, and a one-line error.

DuckDB locks the whole file per process (FIELD-NOTES "Scale and storage"): while one process has it open
for writing — or, while that connection is open, even read-only — no other process can open it for writing,
and a writer blocks every other opener.  So ``newsevents serve`` opens the file per request and closes it
after, and ``newsevents ingest`` opens it per committed batch; each side retries a refused open with a
growing pause for at most ``timeout`` seconds, then raises :class:`StoreBusyError` naming the process that
holds the file (DuckDB's message carries its PID; ``/proc`` gives its command line where there is one).

A writer that is refused leaves a small *intent* file ``<db>.writer`` (its PID) while it waits; readers that
honour it (the server) hold back new connections until the writer has had its turn, so a steady stream of
overlapping requests cannot starve an ingest.  A stale intent file (its process gone, or older than
``INTENT_MAX_AGE``) is ignored.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from collections.abc import Callable
from pathlib import Path

import duckdb

from newsevents.errors import NewsEventsError

INTENT_MAX_AGE = 120.0  # seconds: an intent older than this is a crashed writer's leftover
_HOLDER_RE = re.compile(r"Conflicting lock is held in (?P<prog>.*?) \(PID (?P<pid>\d+)\)")


class StoreBusyError(NewsEventsError):
    """Another process holds the store file for longer than we were willing to wait."""

    code = "E030"

    def __init__(self, path: str, holder: str, waited: float) -> None:
        self.path, self.holder, self.waited = path, holder, waited
        super().__init__(
            f"the store {path} is held by {holder} (waited {waited:.0f}s). A running `newsevents serve` "
            f"lets go between requests, so retry; otherwise stop that process, or run this on a copy."
        )


def is_lock_error(exc: BaseException) -> bool:
    text = str(exc)
    return isinstance(exc, duckdb.IOException) and (
        "Could not set lock" in text or "Conflicting lock" in text
    )


def lock_holder(message: str) -> str:
    """'PID 123 (newsevents serve --db x)' from DuckDB's lock error; 'another process' when it names none."""
    m = _HOLDER_RE.search(message)
    if m is None:
        return "another process"
    pid = int(m["pid"])
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
        argv = [a for a in raw.decode("utf-8", "replace").split("\0") if a]
        cmd = " ".join(Path(argv[0]).name if i == 0 else a for i, a in enumerate(argv[:6]))
    except OSError:  # not Linux, or the process just ended
        cmd = m["prog"]
    return f"PID {pid} ({cmd})"


def intent_path(db_path: str) -> Path:
    return Path(f"{db_path}.writer")


def writer_waiting(db_path: str) -> bool:
    """True while a live writer process has said it waits for the file (see the module docstring)."""
    p = intent_path(db_path)
    try:
        pid = int(p.read_text(encoding="ascii").strip() or 0)
        age = time.time() - p.stat().st_mtime
    except (OSError, ValueError):
        return False
    if pid == os.getpid() or age > INTENT_MAX_AGE:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # alive, another user's
    return True


def _say_intent(db_path: str) -> None:
    with contextlib.suppress(OSError):  # a read-only directory: we just lose the priority
        intent_path(db_path).write_text(str(os.getpid()), encoding="ascii")


def _drop_intent(db_path: str) -> None:
    p = intent_path(db_path)
    try:
        if p.read_text(encoding="ascii").strip() == str(os.getpid()):
            p.unlink()
    except (OSError, ValueError):
        pass


def open_with_retry(
    path: str,
    read_only: bool,
    timeout: float,
    *,
    defer_to_writer: bool = False,
    sleep: Callable[[float], None] = time.sleep,
) -> duckdb.DuckDBPyConnection:
    """``duckdb.connect`` that waits up to ``timeout`` s for another process to let go of the file.

    A writer (``read_only=False``) announces its wait with the intent file; a reader with
    ``defer_to_writer`` also waits while such a writer is waiting.
    """
    if path == ":memory:":
        return duckdb.connect(path)
    started = time.monotonic()
    pause = 0.02
    announced = False
    try:
        while True:
            if not (defer_to_writer and writer_waiting(path)):
                try:
                    return duckdb.connect(path, read_only=read_only)
                except duckdb.IOException as exc:
                    if not is_lock_error(exc):
                        raise
                    waited = time.monotonic() - started
                    if waited >= timeout:
                        raise StoreBusyError(path, lock_holder(str(exc)), waited) from None
                    if not read_only and not announced:
                        _say_intent(path)
                        announced = True
            elif time.monotonic() - started >= timeout:
                raise StoreBusyError(path, "a waiting writer", time.monotonic() - started)
            sleep(pause)
            pause = min(pause * 1.5, 0.5)
    finally:
        if announced:
            _drop_intent(path)
