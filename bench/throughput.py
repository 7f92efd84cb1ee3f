"""Throughput of bare spaCy vs the full newsevents pipeline on real articles, in one run.

    python3 bench/throughput.py                       # all 840 PolNeAR-train articles
    python3 bench/throughput.py --limit 50            # a quick run
    python3 bench/throughput.py --processes 2         # also the Dask path with 2 worker processes
    python3 bench/throughput.py --processes 2 --repeat 2 --write-docs   # record results in docs/performance.md

(a) ``nlp.pipe`` of the very pipeline newsevents loads (``newsevents.annotate.load_pipeline``, same model,
same batch size), documents thrown away; (b) ``newsevents.pipeline.process`` on the same articles (parse,
copy to ``AnnotatedDoc``, actors, quotes, events); (c) with ``--processes N``,
``newsevents.scale.process_distributed`` on a Dask LocalCluster of N workers, start-up and model loading
included.  (a) and (b) each run in a fresh process (spawned, nothing inherited) that reads the articles
with newsevents' JSON Lines reader and warms up the model and the extractors' lexicons on one short text
before the timed loop, as a long-running process would have them; ``--repeat K`` alternates K rounds of
(a) and (b) and keeps each one's best time, for noisy machines.  Words are whitespace-separated tokens of
the article text.  Peak RSS is the phase process's high-water mark (``resource.getrusage``); for (c) it is
the largest Dask worker's, sampled with psutil.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import multiprocessing
import os
import platform
import re
import resource
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from newsevents.model import Article, ErrorRecord
from newsevents.pipeline import Options, process
from newsevents.readers import read_path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT.parent / "shared" / "gold" / "polnear-train.jsonl"
DOCS = ROOT / "docs" / "performance.md"
SECTION = "## Throughput: spaCy alone vs the full pipeline"
GOAL_RATIO = 0.8
GOAL_RSS_MB = 1024


@dataclass(frozen=True)
class Phase:
    name: str
    articles: int
    words: int
    seconds: float
    peak_rss_mb: float
    errors: int = 0

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds if self.seconds else float("inf")

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else float("inf")

    def line(self) -> str:
        return (
            f"{self.name}: {self.articles} articles in {self.seconds:.2f} s = {self.articles_per_s:.2f} articles/s, "
            f"{self.words_per_s:,.0f} words/s, peak RSS {self.peak_rss_mb:,.0f} MB"
            + (f", {self.errors} error rows" if self.errors else "")
        )


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    # ru_maxrss is KiB on Linux (bytes on macOS).
    scale = 1 / (1024 * 1024) if sys.platform == "darwin" else 1 / 1024
    return resource.getrusage(who).ru_maxrss * scale


def read_articles(path: Path, limit: int | None) -> list[Article]:
    items: Iterator[Article | ErrorRecord] = read_path(str(path), "jsonl")
    arts = (a for a in items if isinstance(a, Article))
    return list(islice(arts, limit) if limit else arts)


def warm_up(options: Options) -> None:
    """Load the model and every lazily loaded lexicon/knowledge base before anything is timed."""
    warm = Article("warm-up", "Iran's foreign minister said on Monday he would meet Hamas leaders in Doha.")
    for _ in process([warm], options):
        pass


def run_phase(kind: str, path: Path, limit: int | None, model: str | None, batch_size: int) -> Phase:
    """One timed phase, meant to run in a fresh process: its peak RSS is then this phase's alone.

    Both phases read the articles and warm up the same way (not timed); only the loop is timed.
    """
    from newsevents.annotate import load_pipeline

    articles = read_articles(path, limit)
    words = sum(len(a.text.split()) for a in articles)
    options = Options(model=model, batch_size=batch_size)
    warm_up(options)
    n = errors = 0
    if kind == "spacy":
        nlp = load_pipeline(model)
        start = time.perf_counter()
        for _doc in nlp.pipe((a.text for a in articles), batch_size=batch_size):
            n += 1
        return Phase("(a) spaCy nlp.pipe", n, words, time.perf_counter() - start, peak_rss_mb())
    start = time.perf_counter()
    for item in process(articles, options):
        if isinstance(item, ErrorRecord):
            errors += 1
        else:
            n += 1
            errors += len(item.errors)
    return Phase("(b) newsevents pipeline", n, words, time.perf_counter() - start, peak_rss_mb(), errors)


def in_fresh_process(kind: str, path: Path, limit: int | None, model: str | None, batch_size: int) -> Phase:
    ctx = multiprocessing.get_context("spawn")  # nothing inherited: model loaded anew, RSS counted anew
    with ProcessPoolExecutor(max_workers=1, mp_context=ctx) as pool:
        return pool.submit(run_phase, kind, path, limit, model, batch_size).result()


class ChildRssSampler:
    """Peak RSS of the largest descendant process (the Dask workers), sampled every ``every`` seconds.

    ``getrusage(RUSAGE_CHILDREN)`` only covers children already reaped and inherits the parent's
    high-water mark through ``fork``, so the workers are sampled with psutil (a dask.distributed dependency).
    """

    def __init__(self, every: float = 0.25) -> None:
        self.every = every
        self.peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        import psutil

        me = psutil.Process()
        while not self._stop.wait(self.every):
            for child in me.children(recursive=True):
                with contextlib.suppress(psutil.Error):
                    self.peak_mb = max(self.peak_mb, child.memory_info().rss / 1024 / 1024)

    def __enter__(self) -> ChildRssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def bench_dask(path: Path, limit: int | None, options: Options, workers: int) -> Phase | str:
    try:
        from newsevents.scale import process_distributed
    except ImportError as exc:
        return f"not available ({exc})"
    with tempfile.TemporaryDirectory() as tmp:
        source = path
        if limit:  # the same first N articles, as a file the workers can partition
            source = Path(tmp) / "input.jsonl"
            with path.open(encoding="utf-8") as src, source.open("w", encoding="utf-8") as dst:
                dst.writelines(line for line in islice((ln for ln in src if ln.strip()), limit))
        words = sum(len(a.text.split()) for a in read_articles(source, None))
        n = errors = 0
        with ChildRssSampler() as sampler:
            start = time.perf_counter()
            for item in process_distributed(
                [str(source)], options, fmt="jsonl", date=None, workers=workers, scheduler=None
            ):
                if isinstance(item, ErrorRecord):
                    errors += 1
                else:
                    n += 1
                    errors += len(item.errors)
            seconds = time.perf_counter() - start
    name = f"(c) Dask, {workers} worker process{'es' if workers > 1 else ''}"
    return Phase(name, n, words, seconds, sampler.peak_mb, errors)


# ------------------------------------------------------------------------------------------ machine
def _cpuinfo_model() -> str:
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="utf-8")
    except OSError:
        return platform.processor() or "unknown"
    m = re.search(r"^model name\s*:\s*(.+)$", text, re.M)
    return m.group(1).strip() if m else platform.processor() or "unknown"


def _ram_gb() -> str:
    try:
        text = Path("/proc/meminfo").read_text(encoding="utf-8")
    except OSError:
        return "unknown"
    m = re.search(r"^MemTotal:\s*(\d+) kB", text, re.M)
    return f"{int(m.group(1)) / 1024 / 1024:.1f} GB" if m else "unknown"


def load_average() -> str:
    return ", ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "unknown"


def machine(model: str | None) -> dict[str, str]:
    import spacy

    from newsevents.annotate import default_model_name

    name = model or default_model_name()
    try:  # the installed package's meta: no need to load the model in this (unmeasured) process
        meta = spacy.util.get_model_meta(spacy.util.get_package_path(name))
    except (OSError, ValueError, ImportError):
        meta = {"lang": "", "name": name, "version": "?", "pipeline": []}
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {
        "CPU": _cpuinfo_model(),
        "cores (nproc)": str(usable),
        "RAM": _ram_gb(),
        "OS": f"{platform.system()} {platform.release()} {platform.machine()}",
        "Python": platform.python_version(),
        "spaCy": spacy.__version__,
        "model": f"{name} {meta.get('version')} (pipes: {', '.join(meta.get('pipeline') or ())})",
        "load average at start (1/5/15 min)": load_average(),
    }


# --------------------------------------------------------------------------------------------- docs
def section(
    command: str,
    info: dict[str, str],
    phases: list[Phase],
    ratio: float,
    dask: Phase | str | None,
    batch: int,
    source: str = "polnear-train.jsonl",
) -> str:
    rows = "\n".join(
        f"| {p.name} | {p.articles} | {p.seconds:.1f} | {p.articles_per_s:.2f} | {p.words_per_s:,.0f} "
        f"| {p.peak_rss_mb:,.0f} |"
        for p in phases
    )
    load_start = info.pop("load average at start (1/5/15 min)", "unknown")
    load_end = load_average()
    machine_rows = "\n".join(f"| {k} | {v} |" for k, v in info.items())
    rss_note = ""
    if phases[0].peak_rss_mb >= 0.8 * phases[1].peak_rss_mb:
        rss_note = (
            f" Bare spaCy alone peaks at {phases[0].peak_rss_mb:,.0f} MB on the same articles: most of the\n"
            f"pipeline's memory is the spaCy model and its batch of {batch} parsed documents, not the extractors."
        )
    dask_line = ""
    if isinstance(dask, Phase):
        dask_line = (
            f"\nScaling ratio, Dask ({dask.name.split(', ')[1]}) / one process (b): "
            f"**{dask.articles_per_s / phases[1].articles_per_s:.2f}×** (start-up and model loading in "
            "each worker included; the peak RSS shown for (c) is the largest worker's).\n"
        )
    elif isinstance(dask, str):
        dask_line = f"\nDask path: {dask}.\n"
    return f"""{SECTION}

Measured by `{command}` on {dt.date.today().isoformat()}: {phases[0].articles} articles of `{source}`,
{phases[0].words:,} words, batch size {batch}. Load average (1/5/15 min) at start {load_start}, at end
{load_end}, on {info["cores (nproc)"]} cores: a load near or above the core count means other jobs shared
the CPU, so treat the figures as rough and re-run the bench for your own.

| phase | articles | seconds | articles/s | words/s | peak RSS (MB) |
|---|---:|---:|---:|---:|---:|
{rows}

Ratio (b)/(a), full pipeline / bare spaCy throughput: **{ratio:.2f}** (goal ≥ {GOAL_RATIO}); peak RSS of
one process {phases[1].peak_rss_mb:,.0f} MB (goal < {GOAL_RSS_MB} MB).{rss_note}
{dask_line}
| machine | |
|---|---|
{machine_rows}
"""


def write_section(path: Path, text: str) -> None:
    """Replace this bench's ``##`` section of ``path`` (other sections are kept), or append it."""
    old = path.read_text(encoding="utf-8") if path.exists() else "# Performance\n"
    pattern = re.compile(rf"^{re.escape(SECTION)}\n.*?(?=^## |\Z)", re.M | re.S)
    new = pattern.sub(lambda _m: text.rstrip() + "\n\n", old) if pattern.search(old) else None
    if new is None:
        new = old.rstrip() + "\n\n" + text.rstrip() + "\n"
    path.write_text(new.rstrip() + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="JSONL with a 'raw' or 'text' field")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--processes", type=int, default=0, help="also run the Dask path with N workers")
    parser.add_argument("--batch-size", type=int, default=Options().batch_size)
    parser.add_argument("--model", default=None)
    parser.add_argument(
        "--repeat", type=int, default=1, help="rounds of (a)+(b); the best time of each counts"
    )
    parser.add_argument("--write-docs", action="store_true", help=f"record the results in {DOCS.name}")
    args = parser.parse_args(argv)

    if not args.gold.exists():
        print(f"{args.gold} not found", file=sys.stderr)
        return 2
    options = Options(model=args.model, batch_size=args.batch_size)
    info = machine(args.model)
    articles = read_articles(args.gold, args.limit)
    words = sum(len(a.text.split()) for a in articles)
    print(f"{len(articles)} articles, {words:,} words, batch size {args.batch_size}, model {info['model']}")
    del articles  # each phase reads its own copy in its own process

    best: dict[str, Phase] = {}
    for round_ in range(args.repeat):  # a, b, a, b, ...: both see the same drift in machine load
        for kind in ("spacy", "pipeline"):
            phase = in_fresh_process(kind, args.gold, args.limit, args.model, args.batch_size)
            suffix = f" [round {round_ + 1}/{args.repeat}]" if args.repeat > 1 else ""
            print(phase.line() + suffix, flush=True)
            if kind not in best or phase.seconds < best[kind].seconds:
                best[kind] = phase
    spacy_phase, full = best["spacy"], best["pipeline"]
    ratio = full.articles_per_s / spacy_phase.articles_per_s
    print(f"ratio b/a: {ratio:.2f} (goal >= {GOAL_RATIO}){' (best of each)' if args.repeat > 1 else ''}")
    phases = [spacy_phase, full]
    dask: Phase | str | None = None
    if args.processes:
        dask = bench_dask(args.gold, args.limit, options, args.processes)
        if isinstance(dask, Phase):
            phases.append(dask)
            print(dask.line())
            print(f"scaling ratio c/b: {dask.articles_per_s / full.articles_per_s:.2f}")
        else:
            print(f"(c) Dask: {dask}")
    if args.write_docs:
        command = "python3 bench/throughput.py" + "".join(
            f" {flag} {value}"
            for flag, value in (
                ("--limit", args.limit),
                ("--processes", args.processes or None),
                ("--repeat", args.repeat if args.repeat > 1 else None),
            )
            if value
        )
        write_section(
            DOCS,
            section(command + " --write-docs", info, phases, ratio, dask, args.batch_size, args.gold.name),
        )
        print(f"wrote {DOCS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
