"""The public API is deliberate (after httpx's tests/test_exported_members.py)."""

from __future__ import annotations

import newsevents


def test_exported_members_match_all() -> None:
    public = {name for name in dir(newsevents) if not name.startswith("_")}
    # Submodules appear as attributes once imported; they are not part of the flat API.
    modules = {name for name in public if type(getattr(newsevents, name)).__name__ == "module"}
    assert public - modules == set(newsevents.__all__) - {"__version__"}


def test_exported_members_are_documented() -> None:
    for name in newsevents.__all__:
        obj = getattr(newsevents, name)
        if callable(obj):
            assert obj.__doc__, f"{name} has no docstring"


def test_exported_members_import_is_cheap() -> None:
    # Importing the package must not load spaCy or a model: that happens on first use.
    import subprocess
    import sys

    code = "import sys, newsevents; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
