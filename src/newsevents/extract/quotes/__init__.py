"""Quotes: direct, indirect, mixed and run-on speech with its speaker, and the ``quotes`` stage."""

from newsevents.extract.quotes import stage  # noqa: F401 - registers the stage

__all__ = ["stage"]
