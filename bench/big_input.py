"""A 50 MB input file streams with bounded memory: peak RSS of `newsevents extract` on it.

The file mixes 90 oversized articles (over the per-article character limit: each must become one error row)
with short real-looking ones and broken lines, so the run ends in minutes while still reading all 50 MB.

    python3 bench/big_input.py [--mb 50]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SENTENCE = "The foreign minister said on Monday that talks with the rebels had failed in the capital. "


def write_file(path: Path, megabytes: int) -> tuple[int, int, int]:
    """Returns (short articles, oversized articles, broken lines) written."""
    target = megabytes * 1_000_000
    short = oversized = broken = 0
    with path.open("w", encoding="utf-8") as f:
        k = 0
        while f.tell() < target:
            k += 1
            if k % 50 == 0:
                f.write(f'{{"id": "broken-{k}", "text": \n')
                broken += 1
            elif k % 5 == 0:
                f.write(json.dumps({"id": f"huge-{k}", "text": SENTENCE * 6000}) + "\n")  # ~540k chars
                oversized += 1
            else:
                f.write(json.dumps({"id": f"short-{k}", "date": "2022-03-10", "text": SENTENCE * 3}) + "\n")
                short += 1
    return short, oversized, broken


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=int, default=50)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp())
    src = tmp / "big.jsonl"
    short, oversized, broken = write_file(src, args.mb)
    size = src.stat().st_size
    started = time.perf_counter()
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "newsevents.cli",
            "extract",
            str(src),
            "--out",
            str(tmp / "out"),
            "--no-progress",
        ],
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    articles = sum(1 for _ in (tmp / "out" / "articles.jsonl").open(encoding="utf-8"))
    errors = [json.loads(line) for line in (tmp / "out" / "errors.jsonl").open(encoding="utf-8")]
    too_long = sum("too long" in e["message"] for e in errors)
    malformed = sum("malformed" in e["message"].lower() for e in errors)
    print(
        f"input: {size / 1e6:.1f} MB, {short} short + {oversized} oversized articles + {broken} broken lines"
    )
    print(f"exit code {proc.returncode}; {elapsed:.1f}s; peak RSS of the extract process {peak_mb:.0f} MB")
    print(
        f"articles written: {articles}/{short}; too-long error rows: {too_long}/{oversized}; "
        f"malformed-line error rows: {malformed}/{broken}"
    )
    ok = proc.returncode == 0 and articles == short and too_long == oversized and malformed == broken
    print("nothing lost" if ok else "MISMATCH: " + proc.stderr[-2000:])
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
