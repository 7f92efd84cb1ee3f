"""The scoring rules of the gold README, checked on hand-made gold and hand-made predictions."""

from __future__ import annotations

import pytest

from newsevents.evaluation.gold import gold_article, header_offset
from newsevents.evaluation.matching import (
    NO_PREDICTION,
    PRF,
    GoldEvent,
    GoldQuote,
    PredEvent,
    PredQuote,
    PredSide,
    alias_in,
    containment,
    event_counts,
    match_events,
    match_quotes,
    per_type_counts,
    quote_counts,
    token_f1,
    tokens,
    type_confusion,
)
from newsevents.evaluation.predictions import from_dict
from newsevents.evaluation.runner import Score, score_article


def gq(
    content: str, speaker: tuple[str, ...] | None = ("Merkel",), optional: bool = False, **kw
) -> GoldQuote:  # type: ignore[no-untyped-def]
    return GoldQuote(content=content, speaker=speaker, optional=optional, **kw)


def pq(content: str, speaker: str | None = "Angela Merkel", span: tuple[int, int] | None = None) -> PredQuote:
    return PredQuote(
        content=content, speaker=speaker, speaker_texts=(speaker,) if speaker else (), speaker_span=span
    )


def side(*texts: str) -> PredSide:
    return PredSide(texts[0], texts)


# ------------------------------------------------------------------------------------------ tokens
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The U.S. said: 'No!'", ["the", "u", "s", "said", "no"]),
        ("Al-Quds, 2022", ["al", "quds", "2022"]),
        ("Größe   über_alles", ["grösse", "über", "alles"]),
        ("", []),
    ],
)
def test_matching_tokens_are_lowercased_letter_digit_runs(text: str, expected: list[str]) -> None:
    assert tokens(text) == expected


@pytest.mark.parametrize(
    ("gold", "predicted", "share"),
    [
        ("the talks will resume in May", "officials said the talks will resume in May", 1.0),
        ("the talks will resume in May", "the talks will resume", 4 / 6),
        ("no no no deal", "no deal", 0.5),  # multiset: one "no" covers one of three
        ("", "anything", 0.0),
    ],
)
def test_matching_containment_counts_gold_tokens_found(gold: str, predicted: str, share: float) -> None:
    assert containment(gold, predicted) == pytest.approx(share)


def test_matching_token_f1_prefers_the_tighter_span() -> None:
    gold = "prices will fall next year"
    assert token_f1(gold, gold) == 1.0
    assert token_f1(gold, "he said prices will fall next year") > token_f1(
        gold, "he said on Monday in a long speech that prices will fall next year"
    )
    assert token_f1(gold, "nothing in common") == 0.0


# ----------------------------------------------------------------------------------------- aliases
@pytest.mark.parametrize(
    ("alias", "text", "expected"),
    [
        ("Merkel", "Chancellor Angela Merkel", True),
        ("merkel", "ANGELA MERKEL", True),
        ("Palestin", "Palestinian groups", True),  # long aliases are substrings
        ("US", "U.S. officials", True),  # dots dropped before the whole-token test
        ("US", "the US Navy", True),
        ("US", "told us", False),  # an all-capital code is case-sensitive
        ("US", "USA", False),  # short aliases match whole tokens only
        ("IRN", "IRN", True),
        ("EU", "Europe", False),
        ("Merkel", None, False),
        ("", "anything", False),
    ],
)
def test_matching_alias_in_text(alias: str, text: str | None, expected: bool) -> None:
    assert alias_in(alias, text) is expected


# ------------------------------------------------------------------------------------------ quotes
def test_matching_quote_found_at_sixty_percent_of_gold_tokens() -> None:
    gold = [gq("one two three four five")]
    assert match_quotes(gold, [pq("one two three")]).pairs == ((0, 0),)  # 3/5 = 60%
    assert match_quotes(gold, [pq("one two")]).missed == (0,)  # 2/5 = 40%


def test_matching_required_quote_takes_best_f1_prediction() -> None:
    gold = [gq("taxes will rise for the richest households")]
    preds = [
        pq("he warned in a speech on Tuesday that taxes will rise for the richest households this year"),
        pq("taxes will rise for the richest households"),
    ]
    m = match_quotes(gold, preds)
    assert m.pairs == ((0, 1),)
    assert m.false_positives == (0,)


def test_matching_each_prediction_matches_one_gold_quote() -> None:
    gold = [gq("the bridge will reopen"), gq("the bridge will reopen", speaker=("Mayor",))]
    m = match_quotes(gold, [pq("the bridge will reopen")])
    assert m.pairs == ((0, 0),)
    assert m.missed == (1,)


def test_matching_required_quotes_choose_before_optional_ones() -> None:
    # The optional gold quote comes first in the file, but the required one takes the only prediction.
    gold = [gq("the deal is dead", optional=True), gq("the deal is dead")]
    m = match_quotes(gold, [pq("the deal is dead")])
    assert m.pairs == ((1, 0),)
    assert m.missed == ()


def test_matching_prediction_of_an_optional_quote_is_no_false_positive() -> None:
    gold = [gq("we will appeal", optional=True), gq("the court erred")]
    preds = [pq("we will appeal the ruling"), pq("the weather was fine")]
    m = match_quotes(gold, preds)
    prf, _ = quote_counts(gold, m)
    assert (prf.tp, prf.fp, prf.fn) == (0, 1, 1)
    assert m.false_positives == (1,)


@pytest.mark.parametrize(
    ("gold_speaker", "gold_span", "pred_texts", "pred_span", "right"),
    [
        (("Merkel",), None, ("Angela Merkel",), None, True),
        (("Merkel",), None, ("Olaf Scholz",), None, False),
        (("DEU",), None, ("the spokeswoman", "DEU"), None, True),  # the predicted country
        (None, (10, 15), ("she",), (10, 13), True),  # pronoun source: the mention span overlaps
        (None, (10, 15), ("she",), (20, 23), False),
        (("Merkel",), None, (), None, False),  # no predicted speaker
    ],
)
def test_matching_speaker_accuracy(
    gold_speaker: tuple[str, ...] | None,
    gold_span: tuple[int, int] | None,
    pred_texts: tuple[str, ...],
    pred_span: tuple[int, int] | None,
    right: bool,
) -> None:
    gold = [GoldQuote("the economy is growing", gold_speaker, speaker_span=gold_span)]
    pred = [PredQuote("the economy is growing", None, pred_texts, pred_span)]
    _, acc = quote_counts(gold, match_quotes(gold, pred))
    assert (acc.right, acc.total) == (int(right), 1)


# ------------------------------------------------------------------------------------------ events
def ge(types: tuple[str, ...], actor, recipient, date: str = "", optional: bool = False) -> GoldEvent:  # type: ignore[no-untyped-def]
    return GoldEvent(types, actor, recipient, date, optional)


def pe(type_: str, actor: PredSide | None, recipient: PredSide | None, date: str | None = None) -> PredEvent:
    return PredEvent(type_, actor, recipient, date, evidence=f"{type_} evidence")


@pytest.mark.parametrize(
    ("gold", "pred", "found"),
    [
        (
            ge(("ASSAULT",), ("Russia", "RUS"), ("Ukraine",)),
            pe("ASSAULT", side("Russian forces", "RUS"), side("Ukraine")),
            True,
        ),
        (ge(("ASSAULT",), ("Russia",), ("Ukraine",)), pe("COERCE", side("Russia"), side("Ukraine")), False),
        (ge(("SUPPORT", "AID"), ("Japan",), ("Kenya",)), pe("AID", side("Japan"), side("Kenya")), True),
        (ge(("ACCUSE",), ("Russia",), ("Ukraine",)), pe("ACCUSE", side("Ukraine"), side("Russia")), False),
        (ge(("CONSULT",), ("Russia",), ("China",)), pe("CONSULT", side("China"), side("Russia")), True),
        (ge(("AGREE",), ("Chile",), None), pe("AGREE", side("Chile"), None), True),  # null side: anything
        (ge(("PROTEST",), None, ("government",)), pe("PROTEST", None, side("the government")), True),
        (ge(("REQUEST",), ("Iran",), ("IAEA",)), pe("REQUEST", side("Iran"), None), False),  # side missing
        (ge(("SANCTION",), ("US",), ("Iran",)), pe("SANCTION", side("USA"), side("Iran")), False),
        (ge(("SANCTION",), ("US",), ("Iran",)), pe("SANCTION", side("U.S. Treasury"), side("Iran")), True),
    ],
)
def test_matching_event_found(gold: GoldEvent, pred: PredEvent, found: bool) -> None:
    m = match_events([gold], [pred])
    assert (m.pairs == ((0, 0),)) is found


def test_matching_events_required_first_then_first_fitting_prediction() -> None:
    gold = [
        ge(("REJECT",), ("Iran",), None, optional=True),
        ge(("REJECT",), ("Iran",), None, date="2021-03"),
    ]
    preds = [
        pe("REJECT", side("Iran"), side("the proposal"), "2021-03-04"),
        pe("REJECT", side("Tehran", "IRN", "Iran"), None, "2020"),
    ]
    m = match_events(gold, preds)
    assert m.pairs == ((0, 1), (1, 0))  # required gold event takes the first fitting prediction
    prf, dates = event_counts(gold, m)
    assert (prf.tp, prf.fp, prf.fn) == (1, 0, 0)
    assert (dates.right, dates.total) == (1, 1)


@pytest.mark.parametrize(
    ("gold_date", "pred_date", "right"),
    [
        ("2020-01", "2020-01-03", True),
        ("2020-01", "2020-01", True),
        ("2020-01-03", "2020-01", False),
        ("2020", None, False),
    ],
)
def test_matching_date_accuracy_by_prefix(gold_date: str, pred_date: str | None, right: bool) -> None:
    gold = [ge(("MOBILIZE",), ("army",), None, date=gold_date)]
    _, dates = event_counts(gold, match_events(gold, [pe("MOBILIZE", side("the army"), None, pred_date)]))
    assert (dates.right, dates.total) == (int(right), 1)


def test_matching_events_without_gold_date_are_not_date_scored() -> None:
    gold = [ge(("MOBILIZE",), ("army",), None)]
    _, dates = event_counts(gold, match_events(gold, [pe("MOBILIZE", side("army"), None, "2022")]))
    assert dates.total == 0


def test_matching_per_type_and_confusion() -> None:
    gold = [
        ge(("THREATEN",), ("Iran",), ("Israel",)),
        ge(("SANCTION",), ("EU",), ("Belarus",)),
        ge(("AID",), ("Japan",), ("Kenya",)),
    ]
    preds = [
        pe("THREATEN", side("Iran"), side("Israel")),
        pe("THREATEN", side("EU"), side("Belarus")),  # right participants, wrong type
    ]
    m = match_events(gold, preds)
    per_type = per_type_counts(gold, preds, m)
    assert per_type["THREATEN"] == PRF(tp=1, fp=1)
    assert per_type["SANCTION"] == PRF(fn=1)
    confusion = type_confusion(gold, preds, m)
    assert confusion[("THREATEN", "THREATEN")] == 1
    assert confusion[("SANCTION", "THREATEN")] == 1
    assert confusion[("AID", NO_PREDICTION)] == 1


def test_matching_prf_handles_empty_counts() -> None:
    assert PRF().precision is None and PRF().f1 is None
    assert PRF(tp=0, fp=2, fn=1).f1 == 0.0
    assert PRF(tp=3, fp=1, fn=1).f1 == pytest.approx(0.75)


# ----------------------------------------------------------------------------- gold and predictions
def test_gold_spans_move_from_raw_to_article_offsets() -> None:
    raw = " date 2021-05-02 Officials said the vote was fair, the minister told reporters."
    speaker = raw.index("the minister")
    rec = {
        "id": "a",
        "raw": raw,
        "quotes": [
            {"speaker": None, "speaker_span": [speaker, speaker + 12], "content": "the vote was fair"}
        ],
        "events": [],
    }
    gold = gold_article(rec, 1)
    assert header_offset(raw) == len(" date 2021-05-02 ")
    start, end = gold.quotes[0].speaker_span or (0, 0)
    assert gold.text[start:end] == "the minister"
    assert gold.quotes_scored and gold.events_scored  # absent flags mean "annotated"


def test_predictions_file_records_score_like_pipeline_results() -> None:
    raw = " date 2021-05-02 The minister said the vote was fair."
    gold = gold_article(
        {
            "id": "a",
            "raw": raw,
            "quotes": [{"speaker": ["minister"], "content": "the vote was fair"}],
            "events_scored": False,
        },
        1,
    )
    text = gold.text
    s = text.index("the vote")
    rec = {
        "id": "a",
        "quotes": [
            {
                "content": {"start": s, "end": s + 17, "text": text[s : s + 17]},
                "speaker": {"name": "The minister", "mention": {"start": 0, "end": 12, "text": text[:12]}},
            }
        ],
    }
    score = Score("t")
    score_article(gold, from_dict(rec), score)
    assert score.quotes == PRF(tp=1)
    assert (score.speaker.right, score.speaker.total) == (1, 1)
    assert score.content_f1 == 1.0  # the predicted content is exactly the snippet
    assert score.event_articles == 0


def test_quotes_only_predictions_are_not_scored_on_events() -> None:
    gold = gold_article(
        {
            "id": "b",
            "raw": "Rain fell.",
            "events": [{"types": ["ASSAULT"], "actor": None, "recipient": None}],
        },
        1,
    )
    score = Score("t")
    score_article(gold, from_dict({"id": "b", "quotes": []}), score)
    assert score.event_articles == 0 and score.quote_articles == 1
    score_article(gold, None, score)  # no prediction at all: every required item is missed
    assert score.events == PRF(fn=1)
