"""Data files: PLOVER ontology, event lexicons, place aliases (read with importlib.resources)."""
