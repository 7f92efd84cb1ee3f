"""Place accuracy of matched events (beyond the gold README's metrics, defined like date accuracy).

Among matched *required* gold events whose ``location`` is not null, the predicted place is right when one
of the gold location aliases matches one of the predicted location's texts: its geocoded ``name``, its
``country`` (ISO alpha-3) and the text of its evidence span (the toponym as the article writes it, so that
"Mekelle" matches a GeoNames name spelt "Mek'ele").  Aliases follow the speaker/participant rule of
:func:`~newsevents.evaluation.matching.alias_in`: those of three characters or fewer (``IRQ``, ``US``) must
equal a whole token, so an ISO3 alias matches the predicted country code exactly.  A matched event with no
predicted location is wrong; a gold ``location`` of null is not counted.

Kept in its own module so the other evaluation columns can change independently.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newsevents.evaluation.matching import Accuracy, EventMatching, GoldEvent, PredEvent, any_alias_in
from newsevents.model import Location


def place_texts(location: Location | None) -> tuple[str, ...]:
    """The texts a gold location alias may match: name, country code, the toponym as written."""
    if location is None:
        return ()
    return tuple(t for t in (location.name, location.country or "", location.span.text) if t)


def place_texts_dict(location: Any) -> tuple[str, ...]:
    """The same texts from an ``Event.to_dict()`` location (a predictions file)."""
    if not isinstance(location, dict):
        return ()
    span = location.get("span")
    span_text = str(span.get("text") or "") if isinstance(span, dict) else ""
    return tuple(
        t for t in (str(location.get("name") or ""), str(location.get("country") or ""), span_text) if t
    )


def place_right(aliases: Sequence[str], texts: Sequence[str]) -> bool:
    return bool(texts) and any_alias_in(aliases, texts)


def place_counts(gold: Sequence[GoldEvent], predicted: Sequence[PredEvent], m: EventMatching) -> Accuracy:
    """Right / total over matched required gold events that carry a location."""
    right = total = 0
    for gi, pi in m.pairs:
        g = gold[gi]
        if g.optional or g.location is None:
            continue
        total += 1
        right += int(place_right(g.location, predicted[pi].place))
    return Accuracy(right, total)


def wrong_places(
    gold: Sequence[GoldEvent], predicted: Sequence[PredEvent], m: EventMatching
) -> list[tuple[int, int]]:
    """(gold index, prediction index) of the matched required events whose place is wrong."""
    return [
        (gi, pi)
        for gi, pi in m.pairs
        if not gold[gi].optional
        and gold[gi].location is not None
        and not place_right(gold[gi].location or (), predicted[pi].place)
    ]
