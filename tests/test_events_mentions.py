"""One record per happening: merging repeated mentions (``extract/events/mentions.py``)."""

from __future__ import annotations

from newsevents.extract.events.mentions import merge_mentions, same_party
from newsevents.model import Event, Participant, Span
from test_events_helpers import events

TEXT = "x" * 400


def _p(name: str, country: str | None = None, actor_id: str | None = None, at: int = 0) -> Participant:
    return Participant(name, actor_id, country, None, Span(at, at + len(name), name))


def _e(type_: str, actor: Participant, recipient: Participant | None, at: int, date: str = "2023-03-15",
       source: str = "article") -> Event:  # fmt: skip
    return Event(
        id=f"e{at}", article_id="a", type=type_, mode=None, context=None, actor=actor, recipient=recipient,
        date=date, date_source=source, date_span=None, location=None,  # type: ignore[arg-type]
        trigger=Span(at, at + 3, "met"), evidence=Span(at, at + 10, f"sentence {at}"), rule="events.x.y.verb",
        confidence=0.8,
    )  # fmt: skip


def test_events_mentions_same_party_rules() -> None:
    assert same_party(_p("PM Modi"), _p("Narendra Modi"), by_country=False)  # a shared name word
    assert same_party(_p("the American side", "USA"), _p("US", "USA"), by_country=True)
    # two groups of one country are not one recipient
    assert not same_party(_p("17 protesters", "KEN"), _p("11 activists", "KEN"), by_country=False)
    assert not same_party(_p("Somali soldiers", "SOM"), _p("the Somali government", "SOM"), by_country=False)


def test_events_mentions_headline_and_body_merge_into_one_with_evidence() -> None:
    head = _e("ACCUSE", _p("Pakistan", "PAK", "a1"), _p("India", "IND", "a2"), 0)
    body = _e("ACCUSE", _p("Islamabad", "PAK", "a1"), _p("New Delhi", "IND", "a2"), 100, "2023-03-13", "text")
    merged = merge_mentions([head, body])
    assert len(merged) == 1
    assert merged[0].evidence == head.evidence and merged[0].extra_evidence == (body.evidence,)
    assert merged[0].date == "2023-03-15"  # the first mention's date stays


def test_events_mentions_different_dates_or_recipients_stay_apart() -> None:
    a = _e("ASSAULT", _p("Russia", "RUS", "r"), _p("Kyiv", "UKR", "k"), 0, "2023-03-13", "text")
    b = _e("ASSAULT", _p("Russia", "RUS", "r"), _p("Kyiv", "UKR", "k"), 100, "2023-03-14", "text")
    c = _e("ASSAULT", _p("Russia", "RUS", "r"), _p("Kharkiv", "UKR", "h"), 200, "2023-03-13", "text")
    assert len(merge_mentions([a, b, c])) == 3


def test_events_mentions_symmetric_types_merge_in_either_direction() -> None:
    a = _e("CONSULT", _p("Putin", "RUS", "p"), _p("Erdogan", "TUR", "e"), 0)
    b = _e("CONSULT", _p("Erdogan", "TUR", "e"), _p("Putin", "RUS", "p"), 100)
    assert len(merge_mentions([a, b])) == 1


def test_events_mentions_whole_text_headline_lead_body() -> None:
    text = (
        "Kenya expels Somali ambassador\n\n"
        "NAIROBI — Kenya expelled the Somali ambassador on Tuesday, the foreign ministry said.\n\n"
        "Kenya expelled the ambassador after weeks of tension over the border."
    )
    found = [e for e in events(text) if e.type == "SANCTION"]
    assert len(found) == 1, found
    assert len(found[0].extra_evidence) >= 1


def test_events_mentions_open_ended_types_merge_with_and_without_counterpart() -> None:
    a = _e("RETREAT", _p("Mario Draghi", "ITA", "d"), None, 0)
    b = _e("RETREAT", _p("Draghi", "ITA", "d"), _p("the president", "ITA", "m"), 100)
    assert len(merge_mentions([a, b])) == 1
    c = _e("ACCUSE", _p("Draghi", "ITA", "d"), None, 0)
    d = _e("ACCUSE", _p("Draghi", "ITA", "d"), _p("the president", "ITA", "m"), 100)
    assert len(merge_mentions([c, d])) == 2  # a dyadic act needs the same counterpart
