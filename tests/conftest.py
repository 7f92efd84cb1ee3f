"""Shared fixtures. Gold and corpus data live in ../shared (never copied here); tests needing them skip."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED_ARTICLE = SHARED / "examples" / "seed-article.txt"
GOLD = SHARED / "gold"
CORPUS = SHARED / "corpus"


def shared_file(path: Path) -> Path:
    """Return ``path`` or skip the test when ../shared is absent."""
    if not path.exists():
        pytest.skip(f"{path} not available (../shared is absent)")
    return path


@pytest.fixture(scope="session")
def seed_raw() -> str:
    return shared_file(SEED_ARTICLE).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_result(seed_raw: str):  # type: ignore[no-untyped-def]
    import newsevents

    return newsevents.extract(seed_raw)
