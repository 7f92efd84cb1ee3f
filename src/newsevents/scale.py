"""Scale-out on Dask: the same pipeline over partitions of the input on a ``dask.distributed`` cluster.

Input is partitioned into files, or line ranges of big JSON Lines files (cut at byte offsets, so a worker
reads only its slice).  Each partition is one task; a worker process keeps its spaCy pipeline between tasks
(``newsevents.annotate`` caches it per process), so the model loads once per worker.  A task writes its
records as Parquet shards (``part-NNNNN/<table>.parquet``, same columns as the DuckDB tables) in a shard
directory and returns only the path; the caller reads shards back in partition order, so the output order
is the input order and the records equal a single-process run.  Without a shared shard directory (a remote
scheduler and no ``shard_dir``), tasks return their records through Dask instead.
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import logging
import math
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsevents.model import Article, ErrorRecord, Result
from newsevents.pipeline import Options, process

JSONL_SPLITTABLE = (".jsonl", ".ndjson")


@dataclass(frozen=True)
class Partition:
    """One task: a whole file, or lines ``[first_line, first_line + n)`` of a JSONL file at ``byte_start``."""

    index: int
    path: str
    fmt: str | None
    byte_start: int = 0
    byte_end: int | None = None
    first_line: int = 1
    error: ErrorRecord | None = None  # an input that could not be expanded (missing file, empty glob)
    label: str | None = None  # the path as the user named it: records carry it, as in a one-process run
    items: tuple[Article | ErrorRecord, ...] | None = None  # stdin, read by the caller (workers cannot)


def _line_offsets(path: str, every: int) -> list[tuple[int, int]]:
    """(byte offset, line number) of every ``every``-th line start of ``path``."""
    marks = [(0, 1)]
    offset, line = 0, 1
    with open(path, "rb") as f:
        for raw in f:
            offset += len(raw)
            line += 1
            if (line - 1) % every == 0:
                marks.append((offset, line))
    if marks and marks[-1][0] >= offset and len(marks) > 1:
        marks.pop()  # no partition that starts at the end of the file
    return marks


def partition_inputs(
    inputs: Iterable[str],
    fmt: str | None,
    *,
    date: str | None = None,
    parts_per_worker: int = 4,
    workers: int = 1,
    max_lines: int = 2000,
) -> list[Partition]:
    """Split inputs into tasks, in input order; big JSONL files become line ranges."""
    from newsevents.readers import expand_inputs, format_for, read_path

    parts: list[Partition] = []
    for item in expand_inputs(inputs):
        if isinstance(item, ErrorRecord):
            parts.append(Partition(len(parts), item.path or "", fmt, error=item))
            continue
        if item == "-":
            parts.append(Partition(len(parts), "-", fmt, items=tuple(read_path("-", fmt, date=date))))
            continue
        path = str(Path(item).resolve())  # workers may run in another directory
        name = fmt or format_for(path)
        if name == "jsonl" and path.lower().endswith(JSONL_SPLITTABLE):
            with open(path, "rb") as f:
                n_lines = sum(1 for _ in f)
            every = max(20, min(max_lines, math.ceil(n_lines / max(1, workers * parts_per_worker))))
            marks = _line_offsets(path, every)
            for k, (start, line) in enumerate(marks):
                end = marks[k + 1][0] if k + 1 < len(marks) else None
                parts.append(Partition(len(parts), path, name, start, end, line, label=item))
        else:
            parts.append(Partition(len(parts), path, fmt, label=item))
    return parts


def read_partition(part: Partition, date: str | None) -> Iterator[Article | ErrorRecord]:
    from newsevents.readers import read_path
    from newsevents.registry import readers

    if part.error is not None:
        yield part.error
        return
    if part.items is not None:
        yield from part.items
        return
    label = part.label or part.path
    if part.byte_end is None and part.byte_start == 0:
        for item in read_path(part.path, part.fmt, date=date):
            yield dataclasses.replace(item, path=label) if item.path == part.path else item
        return
    with open(part.path, "rb") as f:
        f.seek(part.byte_start)
        data = f.read() if part.byte_end is None else f.read(part.byte_end - part.byte_start)
    shift = part.first_line - 1
    for item in readers.get(part.fmt or "jsonl").func(part.path, io.BytesIO(data), date=date):
        line = item.line + shift if item.line is not None else None
        yield dataclasses.replace(item, line=line, path=label)


def run_partition(
    part: Partition, options: Options, date: str | None, skip_ids: frozenset[str], shard_dir: str | None
) -> Any:
    """Worker task: read, extract, and write a shard (return its path) or return the records."""
    items = (it for it in read_partition(part, date) if not (isinstance(it, Article) and it.id in skip_ids))
    out = list(process(items, options))
    if shard_dir is None:
        return out
    return write_shard(out, Path(shard_dir) / f"part-{part.index:05d}")


def write_shard(items: list[Result | ErrorRecord], where: Path) -> str:
    """Parquet files of the records, in the DuckDB tables' columns; loose error rows keep their position."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from newsevents.store import rows as R

    tables: dict[str, list[R.Row]] = {name: [] for name in R.TABLE_OF}
    loose: list[tuple[int, R.Row]] = []
    for pos, item in enumerate(items):
        if isinstance(item, ErrorRecord):
            loose.append((pos, R.error_row(item)))
            continue
        for name, rows in R.result_rows(item, seq=pos).items():
            tables[name].extend(rows)
    where.mkdir(parents=True, exist_ok=True)
    for name, rows in tables.items():
        pq.write_table(R.to_arrow(R.TABLE_OF[name], rows), where / f"{name}.parquet")
    errors = R.to_arrow(R.TABLE_OF["errors"], [row for _, row in loose])
    errors = errors.append_column("pos", pa.array([pos for pos, _ in loose], type=pa.int64()))
    pq.write_table(errors, where / "loose_errors.parquet")
    return str(where)


def read_shard(where: str | Path) -> list[Result | ErrorRecord]:
    """The records of one shard, in their original order."""
    import pyarrow.parquet as pq

    from newsevents.store import rows as R

    where = Path(where)
    tables = {name: pq.read_table(where / f"{name}.parquet").to_pylist() for name in R.TABLE_OF}
    # results_from_rows returns results ordered by ingest_seq, which write_shard set to the stream position.
    seqs = sorted(r["ingest_seq"] for r in tables["articles"])
    positioned: list[tuple[int, Result | ErrorRecord]] = list(
        zip(seqs, R.results_from_rows(tables), strict=True)
    )
    for row in pq.read_table(where / "loose_errors.parquet").to_pylist():
        positioned.append((row["pos"], R.error_from_row(row)))
    positioned.sort(key=lambda p: p[0])
    return [item for _, item in positioned]


@contextlib.contextmanager
def dask_client(workers: int, scheduler: str | None) -> Iterator[Any]:
    """A client on ``scheduler``, or on a LocalCluster of ``workers`` processes with one thread each."""
    from dask.distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with (
        LocalCluster(
            n_workers=max(1, workers),
            threads_per_worker=1,  # spaCy and the stages are CPU-bound Python: processes, not threads
            processes=True,
            # ":0": a free port. None still binds the scheduler's HTTP server to 8787 and warns (an error under
            # pytest's -W error) when another cluster on the machine holds it.
            dashboard_address=":0",
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def process_partitions(
    inputs: list[str],
    options: Options,
    *,
    fmt: str | None = None,
    date: str | None = None,
    workers: int = 2,
    scheduler: str | None = None,
    skip_ids: Iterable[str] = (),
    shard_dir: str | None = None,
) -> Iterator[list[Result | ErrorRecord]]:
    """The records of each partition, one list per partition, in input order."""
    from newsevents.readers import parse_article_date

    if date:
        parse_article_date(date)
    parts = partition_inputs(inputs, fmt, date=date, workers=max(1, workers))
    own_shards = shard_dir is None and not scheduler
    shards = tempfile.mkdtemp(prefix="newsevents-shards-") if own_shards else shard_dir
    try:
        with dask_client(workers, scheduler) as client:
            skip_set = frozenset(skip_ids)
            # Sent once to every worker rather than with each task; wrapped in a list so Dask scatters the
            # set as one object instead of its elements.
            skip: Any = client.scatter([skip_set], broadcast=True)[0] if skip_set else skip_set
            futures = [
                client.submit(
                    run_partition,
                    p,
                    options,
                    date,
                    skip,
                    shards,
                    key=f"newsevents-part-{p.index}-{id(parts)}",
                )
                for p in parts
            ]
            for fut in futures:  # in submission order: deterministic output whatever finishes first
                value = fut.result()
                fut.release()
                yield read_shard(value) if isinstance(value, str) else value
    finally:
        if own_shards and shards:
            shutil.rmtree(shards, ignore_errors=True)


def process_distributed(
    inputs: list[str],
    options: Options,
    *,
    fmt: str | None,
    date: str | None,
    workers: int,
    scheduler: str | None,
    skip_ids: Iterable[str] = (),
    shard_dir: str | None = None,
) -> Iterator[Result | ErrorRecord]:
    """Like ``pipeline.process(read_inputs(inputs))`` but on Dask workers; same records, same order."""
    for batch in process_partitions(
        inputs,
        options,
        fmt=fmt,
        date=date,
        workers=workers,
        scheduler=scheduler,
        skip_ids=skip_ids,
        shard_dir=shard_dir,
    ):
        yield from batch
