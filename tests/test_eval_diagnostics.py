"""Event diagnostics of ``newsevents eval``: type accuracy and actor / recipient country accuracy.

Hand-made gold events against hand-made predictions; the rules are those of the
:mod:`newsevents.evaluation.matching` docstring.
"""

from __future__ import annotations

import pytest

from newsevents.evaluation.gold import gold_article
from newsevents.evaluation.matching import (
    Accuracy,
    GoldEvent,
    PredEvent,
    PredSide,
    country_codes,
    type_and_country_counts,
)
from newsevents.evaluation.predictions import from_dict
from newsevents.evaluation.report import EVENT_COLUMNS, event_rows, markdown, report_json
from newsevents.evaluation.runner import Score, _report, score_article


def ge(
    types: tuple[str, ...],
    actor: tuple[str, ...] | None,
    recipient: tuple[str, ...] | None,
    optional: bool = False,
) -> GoldEvent:
    return GoldEvent(types=types, actor=actor, recipient=recipient, optional=optional)


def side(name: str, country: str | None = None) -> PredSide:
    return PredSide(name, (name, country or ""), country)


def pe(type_: str, actor: PredSide | None, recipient: PredSide | None) -> PredEvent:
    return PredEvent(type=type_, actor=actor, recipient=recipient)


def counts(gold: list[GoldEvent], preds: list[PredEvent]) -> tuple[tuple[int, int], ...]:
    return tuple((a.right, a.total) for a in type_and_country_counts(gold, preds))


# ------------------------------------------------------------------------------------ country codes
@pytest.mark.parametrize(
    ("aliases", "codes"),
    [
        (("Iran", "IRN", "Tehran"), {"IRN"}),
        (("United States", "USA", "Jordan", "JOR"), {"USA", "JOR"}),
        (("Asia-Pacific Economic Cooperation", "IGO"), {"IGO"}),  # not ISO, still a code
        (("US", "EU", "Usa", "USAF", "U.S"), set()),  # two or four letters, lower case, dots: no code
        ((" IRN ",), {"IRN"}),
        (None, set()),
    ],
)
def test_diagnostics_country_codes_are_three_uppercase_letters(
    aliases: tuple[str, ...] | None, codes: set[str]
) -> None:
    assert country_codes(aliases) == codes


# ------------------------------------------------------------------------------------ type accuracy
def test_diagnostics_type_right_whatever_the_participants() -> None:
    gold = [
        ge(("ASSAULT",), ("Russia", "RUS"), ("Ukraine", "UKR")),
        ge(("SUPPORT", "AID"), ("Japan", "JPN"), ("Kenya", "KEN")),
        ge(("SANCTION",), ("EU",), ("Belarus", "BLR")),
    ]
    preds = [
        pe("ASSAULT", side("rebels"), side("the village")),  # type right, participants wrong
        pe("AID", None, None),  # the gold's second type counts too
        pe("THREATEN", side("EU"), side("Belarus", "BLR")),  # right participants, wrong type
    ]
    typed, _, _ = type_and_country_counts(gold, preds)
    assert (typed.right, typed.total) == (2, 3)


def test_diagnostics_only_required_gold_events_count() -> None:
    gold = [ge(("REJECT",), ("Iran", "IRN"), None), ge(("PROTEST",), ("USA",), None, optional=True)]
    preds = [pe("PROTEST", side("US", "USA"), None)]
    assert counts(gold, preds) == ((0, 1), (0, 0), (0, 0))  # the optional event's hit is not counted


def test_diagnostics_no_predictions_and_no_gold() -> None:
    gold = [ge(("CONSULT",), ("Qatar", "QAT"), ("Iran", "IRN"))]
    assert counts(gold, []) == ((0, 1), (0, 0), (0, 0))  # country only for type-right events
    assert all(a.value is None for a in type_and_country_counts([], [pe("CONSULT", None, None)]))


# --------------------------------------------------------------------------------- country accuracy
def test_diagnostics_country_of_the_first_prediction_of_the_type() -> None:
    gold = [ge(("THREATEN",), ("Iran", "IRN"), ("Israel", "ISR"))]
    preds = [
        pe("ACCUSE", side("Iran", "IRN"), side("Israel", "ISR")),  # other type: skipped
        pe("THREATEN", side("Tehran", "IRN"), side("Washington", "USA")),  # first of the type: decides
        pe("THREATEN", side("Iran", "IRN"), side("Israel", "ISR")),  # later: ignored
    ]
    assert counts(gold, preds) == ((1, 1), (1, 1), (0, 1))


def test_diagnostics_country_compares_codes_not_names() -> None:
    gold = [ge(("AGREE",), ("United States", "USA", "Jordan", "JOR"), ("Japan", "JAP"))]
    # the actor's country is one of the two codes; the recipient is Japan, but PLOVER's JAP is not ISO JPN
    preds = [pe("AGREE", side("Amman", "JOR"), side("Japan", "JPN"))]
    assert counts(gold, preds) == ((1, 1), (1, 1), (0, 1))


def test_diagnostics_country_of_a_name_alone_is_wrong() -> None:
    gold = [ge(("REQUEST",), ("Iran", "IRN"), ("IAEA", "IGO"))]
    preds = [pe("REQUEST", PredSide("Iran", ("Iran", "IRN")), side("IAEA"))]  # IRN only among texts
    assert counts(gold, preds) == ((1, 1), (0, 1), (0, 1))


def test_diagnostics_sides_without_codes_are_not_counted() -> None:
    gold = [
        ge(("PROTEST",), ("students",), None),  # no code on either side
        ge(("COERCE",), ("police", "GOV"), ("protesters",)),
        ge(("MOBILIZE",), None, ("Taiwan", "TWN")),
    ]
    preds = [
        pe("PROTEST", side("students"), None),
        pe("COERCE", side("police", "GOV"), side("protesters")),
        pe("MOBILIZE", side("China", "CHN"), None),  # the gold recipient has a code, no predicted side
    ]
    assert counts(gold, preds) == ((3, 3), (1, 1), (0, 1))


def test_diagnostics_symmetric_types_are_not_swapped() -> None:
    gold = [ge(("CONSULT",), ("Russia", "RUS"), ("China", "CHN"))]
    preds = [pe("CONSULT", side("Beijing", "CHN"), side("Moscow", "RUS"))]  # found by the matcher, swapped
    assert counts(gold, preds) == ((1, 1), (0, 1), (0, 1))


# ---------------------------------------------------------------------- predictions, runner, report
def test_diagnostics_country_from_predictions_file_participant_or_linked_actor() -> None:
    gold = gold_article(
        {
            "id": "s1",
            "raw": " date 2020-01-01 Tehran threatened Israel and the IAEA.",
            "quotes_scored": False,
            "events": [
                {"types": ["THREATEN"], "actor": ["Iran", "IRN"], "recipient": ["Israel", "ISR"]},
                {"types": ["THREATEN"], "actor": ["Iran", "IRN"], "recipient": ["IAEA", "IGO"]},
            ],
        },
        1,
    )
    rec = {
        "id": "s1",
        "actors": [{"id": "a1", "name": "Israel", "country": "ISR"}],
        "events": [
            {
                "type": "threaten",
                "actor": {"name": "Tehran", "country": "IRN"},
                "recipient": {"name": "Israel", "actor_id": "a1", "country": None},  # from the actor record
            }
        ],
    }
    score = Score("plover")
    score_article(gold, from_dict(rec), score)
    assert (score.event_type.right, score.event_type.total) == (2, 2)
    assert (score.actor_country.right, score.actor_country.total) == (2, 2)
    assert (score.recipient_country.right, score.recipient_country.total) == (1, 2)
    assert score.events.tp == 1 and score.events.fn == 1  # the matching itself is unchanged


def _events_score(name: str, typed: Accuracy, actor: Accuracy, recipient: Accuracy) -> Score:
    return Score(
        name, articles=4, event_articles=4, event_type=typed, actor_country=actor, recipient_country=recipient
    )


def test_diagnostics_in_event_tables_and_json() -> None:
    report = _report(
        "newsevents",
        [
            _events_score("a", Accuracy(3, 4), Accuracy(2, 3), Accuracy(0, 0)),
            _events_score("b", Accuracy(1, 4), Accuracy(1, 1), Accuracy(1, 2)),
        ],
    )
    assert EVENT_COLUMNS[-3:] == ("type acc", "actor country", "recipient country")
    rows = {r[0]: r[-3:] for r in event_rows(report)}
    assert rows["a"] == ["75.0 (3/4)", "66.7 (2/3)", "—"]
    assert rows["overall"] == ["50.0 (4/8)", "75.0 (3/4)", "50.0 (1/2)"]
    assert "| a | 4 | — | — | — | 0/0/0 | — | — | 75.0 (3/4) | 66.7 (2/3) | — |" in markdown(report)
    data = report_json(report)
    assert data["overall"]["event_type"] == {"right": 4, "total": 8, "accuracy": 0.5}
    assert data["files"][0]["recipient_country"] == {"right": 0, "total": 0, "accuracy": None}
    quotes_only = report_json(_report("x", [Score("q", articles=1, quote_articles=1)]))["files"][0]
    assert quotes_only["event_type"] is None and quotes_only["actor_country"] is None
