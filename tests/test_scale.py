"""Dask scale-out: partitions read exactly what one reader reads; 2 workers give the one-process records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsevents.model import Result
from newsevents.pipeline import Options, process
from newsevents.readers import read_inputs
from newsevents.scale import partition_inputs, process_distributed, read_partition

SENTENCES = [
    "The mayor of Lyon opened a new tram line on Saturday and said traffic would ease within months.",
    "Kenyan police arrested three men suspected of smuggling ivory through the port of Mombasa.",
    "Brazil's central bank raised its benchmark rate by half a point, citing stubborn food prices.",
    "Health officials in Manila warned of a dengue outbreak after weeks of heavy rain.",
    "The Norwegian energy minister visited an offshore wind farm and promised faster permits.",
    "Students in Santiago marched against tuition increases, and the education minister agreed to meet them.",
    "A court in Warsaw sentenced a former official to four years in prison for taking bribes.",
]


def make_corpus(tmp: Path, n: int) -> list[str]:
    lines = []
    for k in range(n):
        text = f"{SENTENCES[k % len(SENTENCES)]} Item {k} of the wire was filed in the afternoon."
        lines.append(json.dumps({"id": f"s{k}", "date": f"2023-05-0{k % 9 + 1}", "text": text}))
        if k == 5:
            lines.append("{not json")
    jsonl = tmp / "big.jsonl"
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    txt = tmp / "one.txt"
    txt.write_text(" date 2023-05-02 " + SENTENCES[0], encoding="utf-8")
    return [str(jsonl), str(txt), str(tmp / "missing.jsonl")]


@pytest.mark.parametrize("workers", [1, 2, 5])
def test_scale_partitions_read_the_same_items_with_the_same_lines(tmp_path: Path, workers: int) -> None:
    inputs = make_corpus(tmp_path, 90)
    parts = partition_inputs(inputs, None, workers=workers)
    assert len(parts) >= 3  # the JSONL is split into line ranges, plus the text file and the missing one
    from_parts = [item for p in parts for item in read_partition(p, None)]
    assert from_parts == list(read_inputs(inputs))


def test_scale_two_workers_give_the_single_process_records(tmp_path: Path) -> None:
    inputs = make_corpus(tmp_path, 24)
    options = Options()
    single = list(process(read_inputs(inputs), options))
    distributed = list(process_distributed(inputs, options, fmt=None, date=None, workers=2, scheduler=None))
    # process() lets error rows through at once while articles wait for their nlp.pipe batch, so results
    # and loose error rows are compared as two sequences, each in input order.
    results = [x for x in single if isinstance(x, Result)]
    got_results = [x for x in distributed if isinstance(x, Result)]
    assert len(results) == 25 and len(got_results) == 25
    for got, want in zip(got_results, results, strict=True):
        assert (got.article, got.actors, got.quotes, got.events) == (
            want.article,
            want.actors,
            want.quotes,
            want.events,
        )
        assert set(got.errors) == set(want.errors)
    errors = [x for x in single if not isinstance(x, Result)]
    assert [x for x in distributed if not isinstance(x, Result)] == errors
    assert {(e.line, e.message[:9]) for e in errors} == {(7, "malformed"), (None, "no such f")}
