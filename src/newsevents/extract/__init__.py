"""Extractors: one module per family; importing this package registers the built-in stages."""

from newsevents.extract import actors, events, quotes  # noqa: F401 - registration

__all__ = ["actors", "events", "quotes"]
