"""Place accuracy of matched events: aliases against the predicted location's name, country and toponym."""

from __future__ import annotations

from newsevents.evaluation.gold import GoldArticle, gold_event
from newsevents.evaluation.matching import GoldEvent, PredEvent, PredSide, match_events
from newsevents.evaluation.places import place_counts, place_right, place_texts_dict, wrong_places
from newsevents.evaluation.predictions import from_dict
from newsevents.evaluation.report import EVENT_COLUMNS
from newsevents.evaluation.runner import Score, score_article

IRQ = PredSide("Iraq", ("Iraq", "IRQ"), "IRQ")


def _pred(place: tuple[str, ...]) -> PredEvent:
    return PredEvent("CONSULT", IRQ, None, "2022-06", "Iraq hosted talks.", place)


def test_place_gold_location_is_read_as_aliases() -> None:
    g = gold_event(
        {"types": ["CONSULT"], "actor": ["Iraq"], "recipient": None, "location": ["Baghdad", "IRQ"]}
    )
    assert g.location == ("Baghdad", "IRQ")
    assert gold_event({"types": ["CONSULT"], "location": None}).location is None


def test_place_short_alias_is_a_whole_token_iso3_matches_the_country() -> None:
    assert place_right(("IRQ",), ("Basra", "IRQ", "Basra"))
    assert not place_right(("IR",), ("Basra", "IRQ", "Basra"))  # no partial code
    assert place_right(("Baghdad",), ("Baghdad", "IRQ", "the Iraqi capital Baghdad"))
    assert not place_right(("Baghdad",), ())


def test_place_counts_only_matched_required_events_with_a_location() -> None:
    gold = [
        GoldEvent(("CONSULT",), ("Iraq",), None, location=("Baghdad", "IRQ")),  # right: country code
        GoldEvent(("CONSULT",), ("Iraq",), None, location=("Tehran", "IRN")),  # wrong place
        GoldEvent(("CONSULT",), ("Iraq",), None, location=None),  # not counted
        GoldEvent(("CONSULT",), ("Iraq",), None, location=("Mosul",), optional=True),  # not counted
        GoldEvent(("CONSULT",), ("Iraq",), None, location=("Erbil",)),  # missing prediction: wrong
    ]
    preds = [
        _pred(("Basra", "IRQ", "Basra")),
        _pred(("Baghdad", "IRQ", "Baghdad")),
        _pred(()),
        _pred(()),
        _pred(()),
    ]
    m = match_events(gold, preds)
    acc = place_counts(gold, preds, m)
    assert (acc.right, acc.total) == (1, 3)
    assert [gi for gi, _ in wrong_places(gold, preds, m)] == [1, 4]


def test_place_texts_from_a_predictions_file() -> None:
    loc = {"name": "Mek'ele", "country": "ETH", "span": {"start": 0, "end": 7, "text": "Mekelle"}}
    assert place_texts_dict(loc) == ("Mek'ele", "ETH", "Mekelle")
    rec = {"id": "a", "events": [{"type": "assault", "actor": None, "recipient": None, "location": loc}]}
    events = from_dict(rec).events
    assert events is not None and events[0].place == ("Mek'ele", "ETH", "Mekelle")


def test_place_column_and_wrong_place_errors() -> None:
    assert EVENT_COLUMNS[EVENT_COLUMNS.index("date acc") + 1] == "place acc"
    gold = GoldArticle(
        "a",
        1,
        "Iraq hosted talks.",
        0,
        False,
        True,
        (),
        (GoldEvent(("CONSULT",), ("Iraq",), None, location=("IRN",)),),
    )
    from newsevents.evaluation.predictions import ArticlePredictions

    score = Score("a")
    score_article(gold, ArticlePredictions("a", None, (_pred(("Basra", "IRQ", "Basra")),)), score)
    assert (score.places.right, score.places.total) == (0, 1)
    assert [e.kind for e in score.errors] == ["wrong place"]
