"""Run the app in a background thread and drive it with headless Chromium (browser tests, screenshots).

Chromium and ChromeDriver come from Debian (``chromium``, ``chromium-driver``; ``scripts/setup.sh`` installs
them); Selenium is a dev dependency and is imported only when a driver is asked for.
"""

from __future__ import annotations

import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

import uvicorn
from fastapi import FastAPI

if TYPE_CHECKING:
    from newsevents.model import Result

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
# Without the background-networking flags Chromium keeps dialling Google services the sandbox refuses.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class BackgroundServer:
    """``with BackgroundServer(app) as url:`` — uvicorn on a free localhost port until the block ends."""

    def __init__(self, app: FastAPI, port: int | None = None) -> None:
        self.port = port or free_port()
        self.server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="off")
        )
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"the server did not start on port {self.port}")
            time.sleep(0.05)
        return self.url

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@contextmanager
def served_results(path: Path, results: Iterable[Result]) -> Iterator[str]:
    """Store ``results`` in a new store at ``path`` and serve it on localhost: yields the base URL.

    The browser tests and ``scripts/screenshot.py`` all need exactly this, so it lives here once.
    """
    from newsevents.server import create_app
    from newsevents.store import Store

    with Store(path) as store:
        store.add_results(list(results))
    app = create_app(str(path))
    try:
        with BackgroundServer(app) as url:
            yield url
    finally:
        app.state.store.close()


def chromium_available() -> bool:
    return Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()


class ChromiumDriver:
    """``with ChromiumDriver() as driver:`` — a Selenium WebDriver on headless Debian Chromium."""

    def __init__(self, width: int = 1400, height: int = 1000) -> None:
        self.size = (width, height)
        self.profile = tempfile.mkdtemp(prefix="newsevents-chromium-")
        self.driver: Any = None

    def __enter__(self) -> Any:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for flag in CHROMIUM_FLAGS:
            options.add_argument(flag)
        options.add_argument(f"--user-data-dir={self.profile}")
        options.add_argument(f"--window-size={self.size[0]},{self.size[1]}")
        self.driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
        return self.driver

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self.driver is not None:
            self.driver.quit()
        shutil.rmtree(self.profile, ignore_errors=True)
