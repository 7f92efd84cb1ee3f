"""Property tests: record → DuckDB (and → Parquet shard) → record gives back the same record."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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
from newsevents.scale import read_shard, write_shard
from newsevents.store import Store

WORDS = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=12)
OPT_STR = st.none() | st.text(max_size=10)
COUNTRY = st.none() | st.sampled_from(["UKR", "RUS", "TUR", "USA"])
SECTOR = st.none() | st.sampled_from(["GOV", "MIL", "MED", "BUS"])


@st.composite
def spans(draw: st.DrawFn, text: str) -> Span:
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return Span.of(text, start, end)


@st.composite
def participants(draw: st.DrawFn, text: str) -> Participant:
    return Participant(draw(WORDS), draw(st.none() | WORDS), draw(COUNTRY), draw(SECTOR), draw(spans(text)))


@st.composite
def events(draw: st.DrawFn, article_id: str, text: str, k: int) -> Event:
    location = draw(
        st.none()
        | st.builds(
            Location,
            st.text(max_size=8),
            COUNTRY,
            st.none() | st.floats(-90, 90),
            st.none() | st.floats(-180, 180),
            spans(text),
            st.none() | st.integers(1, 10**9),
            st.text(max_size=5),
        )
    )
    return Event(
        id=f"e{k}",
        article_id=article_id,
        type=draw(st.sampled_from(["CONSULT", "ACCUSE", "ASSAULT"])),
        mode=draw(OPT_STR),
        context=draw(OPT_STR),
        actor=draw(st.none() | participants(text)),
        recipient=draw(st.none() | participants(text)),
        date=draw(st.none() | st.sampled_from(["2022", "2022-03", "2022-03-10"])),
        date_source=draw(st.none() | st.sampled_from(["article", "text"])),
        date_span=draw(st.none() | spans(text)),
        location=location,
        trigger=draw(spans(text)),
        evidence=draw(spans(text)),
        rule=draw(st.text(max_size=8)),
        confidence=draw(st.floats(0, 1)),
        quote_id=draw(OPT_STR),
        claimant=draw(OPT_STR),
        extra_evidence=tuple(draw(st.lists(spans(text), max_size=3))),
        cameo=draw(OPT_STR),
    )


@st.composite
def results(draw: st.DrawFn) -> Result:
    text = draw(
        st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=80)
    )
    aid = draw(st.text(alphabet="abcdef0123456789", min_size=4, max_size=8))
    article = Article(aid, text, draw(st.none() | st.just("2022-03-10")), None, draw(OPT_STR), draw(OPT_STR), draw(OPT_STR), draw(OPT_STR), draw(st.none() | st.integers(1, 1000)))  # fmt: skip
    actors = tuple(
        Actor(
            f"a{k}",
            aid,
            draw(WORDS),
            draw(st.sampled_from(["PERSON", "ORG", "GPE"])),
            draw(COUNTRY),
            draw(SECTOR),
            draw(OPT_STR),
            tuple(
                draw(
                    st.lists(
                        st.builds(
                            Mention, spans(text), st.sampled_from(["name", "pronoun"]), st.text(max_size=5)
                        ),
                        max_size=3,
                    )
                )
            ),
            draw(st.none() | st.just("a0")),
        )  # fmt: skip
        for k in range(draw(st.integers(0, 3)))
    )
    quotes = tuple(
        Quote(
            f"q{k}",
            aid,
            draw(st.sampled_from(["direct", "indirect", "mixed"])),
            draw(
                st.none()
                | st.builds(Speaker, WORDS, st.none() | WORDS, COUNTRY, spans(text), st.just("name"))
            ),
            draw(st.none() | spans(text)),
            draw(spans(text)),
            draw(st.text(max_size=5)),
            draw(st.floats(0, 1)),
        )  # fmt: skip
        for k in range(draw(st.integers(0, 2)))
    )
    evs = tuple(draw(events(aid, text, k)) for k in range(draw(st.integers(0, 3))))
    errors = tuple(
        ErrorRecord(None, None, aid, "extract:events", m)
        for m in draw(st.lists(st.text(max_size=8), max_size=2, unique=True))
    )
    return Result(article, actors, quotes, evs, errors)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(results())
def test_store_roundtrip_record_to_duckdb_to_record(result: Result) -> None:
    with Store(":memory:") as store:
        store.add_results([result])
        back = store.get_result(result.article.id)
    assert back is not None
    assert back.article == result.article
    assert back.actors == result.actors
    assert back.quotes == result.quotes
    assert back.events == result.events
    assert set(back.errors) == set(result.errors)
    for span in back.spans():
        assert back.article.text[span.start : span.end] == span.text


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    st.lists(results(), min_size=1, max_size=4, unique_by=lambda r: r.article.id),
    st.lists(st.text(max_size=6), max_size=3),
)
def test_store_roundtrip_parquet_shard_keeps_records_and_order(
    tmp_path: Path, items: list[Result], messages: list[str]
) -> None:
    stream: list[Result | ErrorRecord] = list(items)
    for k, message in enumerate(messages):  # loose reader errors interleaved with results
        stream.insert(min(k * 2, len(stream)), ErrorRecord("in.jsonl", k + 1, None, "read", message))
    where = tmp_path / f"shard-{abs(hash(tuple(r.article.id for r in items)))}"
    back = read_shard(write_shard(stream, where))
    assert [type(x) for x in back] == [type(x) for x in stream]
    for got, want in zip(back, stream, strict=True):
        if isinstance(want, Result):
            assert isinstance(got, Result)
            assert (got.article, got.actors, got.quotes, got.events) == (
                want.article,
                want.actors,
                want.quotes,
                want.events,
            )
            assert set(got.errors) == set(want.errors)
        else:
            assert got == want
