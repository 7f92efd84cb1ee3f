"""Output writers: the five tables in JSON Lines and Parquet, with fixed schemas that match model.py."""

from __future__ import annotations

import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newsevents import output
from newsevents.model import (
    Actor,
    Article,
    ErrorRecord,
    Event,
    Location,
    Mention,
    Participant,
    Quote,
    Result,
    Span,
    Speaker,
)
from newsevents.output import TABLES, RecordWriter, result_rows
from newsevents.output_schema import TABLE_SCHEMAS

TEXT = "Turkey's foreign minister met Sweden's envoy in Ankara on Tuesday. “We want progress,” he said."


def span(words: str, after: int = 0) -> Span:
    start = TEXT.index(words, after)
    return Span.of(TEXT, start, start + len(words))


def full_result() -> Result:
    """A result in which every optional field is set, so every column and nested field is exercised."""
    article = Article(
        "art1", TEXT, "2023-01-10", "day", "Ankara talks", "Wire", "https://w.example/1", "in.txt", 3
    )
    minister, envoy, he, quoted = (
        span("Turkey's foreign minister"),
        span("Sweden's envoy"),
        span("he"),
        span("“We want progress,”"),
    )
    actor = Actor(
        "act1", "art1", "Turkey's foreign minister", "PERSON", "TUR", "GOV", "foreign minister",
        (Mention(minister, "nominal", "name"), Mention(he, "pronoun", "pronoun")), "act9",
    )  # fmt: skip
    speaker = Speaker("Turkey's foreign minister", "act1", "TUR", Span.of(TEXT, 87, 89), "pronoun")
    quote = Quote(
        "q1", "art1", "direct", speaker, Span.of(TEXT, 90, 94), Span.of(TEXT, 67, 84), "quotes.direct", 0.9
    )
    place = Location("Ankara", "TUR", 39.92, 32.85, Span.of(TEXT, 47, 53), 323786, "places.city")
    event = Event(
        "e1", "art1", "CONSULT", "meet", None,
        Participant("Turkey's foreign minister", "act1", "TUR", "GOV", minister),
        Participant("Sweden's envoy", None, "SWE", "GOV", envoy),
        "2023-01-10", "text", span("Tuesday"), place, span("met"), span(TEXT.split(" “")[0]),
        "events.consult.meet", 0.8, "q1", "Turkey's foreign minister", (quoted,), "04",
    )  # fmt: skip
    error = ErrorRecord("in.txt", 3, "art1", "extract:events", "slow")
    return Result(article, (actor,), (quote,), (event,), (error,))


def bare_result() -> Result:
    """Every nullable field None and every list empty: types must not be inferred from these rows."""
    article = Article("art2", TEXT)
    actor = Actor("act2", "art2", "Sweden", "GPE")
    quote = Quote("q2", "art2", "indirect", None, None, span("“We want progress,”"), "quotes.indirect")
    event = Event(
        "e2", "art2", "CONSULT", None, None, None, None, None, None, None, None,
        span("met"), span("Turkey's foreign minister met"), "events.consult", 0.5,
    )  # fmt: skip
    return Result(article, (actor,), (quote,), (event,), (ErrorRecord(None, None, None, "read", "x"),))


def _field_tree(t: pa.DataType | pa.Schema) -> object:
    fields = list(t) if isinstance(t, pa.Schema) else [t.field(i) for i in range(t.num_fields)]
    out = {}
    for f in fields:
        kind = f.type.value_type if pa.types.is_list(f.type) else f.type
        out[f.name] = _field_tree(kind) if pa.types.is_struct(kind) else None
    return out


def _dict_tree(value: object) -> object:
    if isinstance(value, list):
        return _dict_tree(value[0]) if value else None
    if isinstance(value, dict):
        return {k: _dict_tree(v) for k, v in value.items()}
    return None


@pytest.mark.parametrize("table", TABLES)
def test_output_schema_matches_record_to_dict(table) -> None:  # type: ignore[no-untyped-def]
    # A field added to a record's to_dict without its column would be dropped from Parquet: fail here.
    [row] = result_rows(full_result())[table]
    assert _field_tree(TABLE_SCHEMAS[table]) == _dict_tree(row)


@pytest.mark.parametrize("make", [full_result, bare_result])
def test_output_parquet_round_trip_keeps_every_value_and_type(tmp_path, make) -> None:  # type: ignore[no-untyped-def]
    result = make()
    with RecordWriter(tmp_path, "parquet") as writer:
        writer.write(result)
    for table, rows in result_rows(result).items():
        read = pq.read_table(tmp_path / f"{table}.parquet")
        assert read.schema == TABLE_SCHEMAS[table]  # all-null columns keep their declared types
        assert read.to_pylist() == rows


def test_output_parquet_empty_tables_and_row_groups(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(output, "PARQUET_ROW_GROUP", 2)
    errors = [ErrorRecord(f"f{k}.jsonl", k, None, "read", "malformed JSON") for k in range(5)]
    with RecordWriter(tmp_path, "parquet") as writer:
        for e in errors:
            writer.write(e)
    assert writer.counts["errors"] == 5 and writer.counts["articles"] == 0
    written = pq.ParquetFile(tmp_path / "errors.parquet")
    assert written.metadata.num_rows == 5 and written.metadata.num_row_groups == 3
    assert pq.read_table(tmp_path / "errors.parquet").column("line").to_pylist() == list(range(5))
    for table in ("articles", "actors", "quotes", "events"):
        empty = pq.read_table(tmp_path / f"{table}.parquet")
        assert empty.num_rows == 0 and empty.schema == TABLE_SCHEMAS[table]


def test_output_jsonl_writes_one_line_per_row(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with RecordWriter(tmp_path, "jsonl") as writer:
        writer.write(full_result())
        writer.write(bare_result())
        writer.write(ErrorRecord("x.csv", 9, None, "read", "row has 7 fields"))
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{t}.jsonl" for t in TABLES)
    lines = {t: (tmp_path / f"{t}.jsonl").read_text(encoding="utf-8").splitlines() for t in TABLES}
    assert {t: len(v) for t, v in lines.items()} == writer.counts == {
        "articles": 2, "actors": 2, "quotes": 2, "events": 2, "errors": 3,
    }  # fmt: skip
    event = json.loads(lines["events"][0])
    assert event["trigger"] == span("met").to_dict()
    assert json.loads(lines["events"][0])["extra_evidence"] == [span("“We want progress,”").to_dict()]
    assert "“We want progress,”" in lines["events"][0]  # the evidence span, written without ASCII escapes


def test_output_unknown_format_and_write_outside_block(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match="jsonl or parquet"):
        RecordWriter(tmp_path, "xlsx")
    with pytest.raises(RuntimeError):
        RecordWriter(tmp_path).write(bare_result())
