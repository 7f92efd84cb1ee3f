"""Actors: mentions, in-article coreference, the per-article actor table and the ``actors`` stage."""

from newsevents.extract.actors import build  # noqa: F401 - registers the stage

__all__ = ["build"]
