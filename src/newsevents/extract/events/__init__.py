"""Events: PLOVER triggers, participants, modality, date and place, and the ``events`` stage."""

from newsevents.extract.events import stage  # noqa: F401 - registers the stage

__all__ = ["stage"]
