"""scripts/compile_kb.py: how curated rows merge into the dictionary entries (made-up entries, no files)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from newsevents.kb.phoenix import CodeRange

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "compile_kb.py"


def _compiler() -> ModuleType:
    spec = importlib.util.spec_from_file_location("compile_kb_under_test", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_curated_row_of_a_respelt_person_reaches_the_dictionary_entry() -> None:
    b = _compiler().Builder()
    b.add("PERSON", "Marta Nunez", [], [CodeRange("XYZGOV", "2001-01-01", "2003-12-31", "")], "dict")
    # the first row finds the dictionary entry through its alias; the next ones only give the accented name
    b.add_curated({"name": "Marta Núñez", "aliases": ["Marta Nunez"], "country": "XYZ", "sector": "GOV",
                   "from": "2010-01-01", "to": "2012-12-31"}, "leaders.yaml")  # fmt: skip
    b.add_curated(
        {"name": "Marta Núñez", "country": "XYZ", "sector": "LEG", "from": "2013-01-01"}, "leaders.yaml"
    )
    assert len(b.entries) == 1
    (entry,) = b.entries.values()
    assert entry["name"] == "Marta Núñez" and "Marta Nunez" in entry["aliases"]
    assert [(c.code, c.valid_from) for c in entry["codes"]] == [
        ("XYZGOV", "2001-01-01"),
        ("XYZGOV", "2010-01-01"),
        ("XYZLEG", "2013-01-01"),
    ]
