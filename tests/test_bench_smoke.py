"""Smoke test of bench/throughput.py: a 3-article run prints every field (no timing is asserted)."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

from conftest import GOLD, ROOT, shared_file

BENCH = ROOT / "bench" / "throughput.py"


def _load_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("throughput_bench", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


def test_bench_smoke_prints_every_field() -> None:
    gold = shared_file(GOLD / "polnear-train.jsonl")
    done = subprocess.run(
        [sys.executable, str(BENCH), "--gold", str(gold), "--limit", "3"],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.startswith("3 articles,")
    for phase in ("(a) spaCy nlp.pipe", "(b) newsevents pipeline"):
        line = next(ln for ln in out.splitlines() if ln.startswith(phase))
        assert re.search(
            r"3 articles in [\d.]+ s = [\d.]+ articles/s, [\d,]+ words/s, peak RSS [\d,]+ MB", line
        )
    assert re.search(r"^ratio b/a: [\d.]+", out, re.M)


def test_bench_write_section_keeps_other_sections(tmp_path: Path) -> None:
    bench = _load_bench()
    doc = tmp_path / "performance.md"
    doc.write_text("# Performance\n\n## Store and scale-out\n\nstore figures\n", encoding="utf-8")
    bench.write_section(doc, f"{bench.SECTION}\n\nfirst run\n")
    bench.write_section(doc, f"{bench.SECTION}\n\nsecond run\n")
    text = doc.read_text(encoding="utf-8")
    assert "store figures" in text
    assert "second run" in text and "first run" not in text
    assert text.count(bench.SECTION) == 1
    # a section after ours survives a rewrite too
    doc.write_text(text + "\n## Later section\n\nlater\n", encoding="utf-8")
    bench.write_section(doc, f"{bench.SECTION}\n\nthird run\n")
    text = doc.read_text(encoding="utf-8")
    assert "later" in text and "third run" in text and "second run" not in text
