"""Cross-article event clusters: one row per real-world event, like POLECAT's de-duplicated records.

Two events support the same real-world event when (all configurable in :class:`ClusterRules`):

- they have the same PLOVER ``type`` (and the same ``mode`` when ``same_mode``);
- their actors match and their recipients match.  Actor ids are article-local, so participants are compared
  by *keys*: the normalised name (case, accents, punctuation and a leading "the" ignored), the last word of the
  name (the surname) together with the country (``kuleba|UKR``), and — when ``match_country_sector`` — the
  ``country|sector`` pair (POLECAT's actor coding: "Russia"'s government and "the Kremlin" meet).  Two
  participants match when they share a key; two missing participants match each other, a missing one never
  matches a present one.  For ``symmetric_types`` (default CONSULT: "A met B" is "B held talks with A")
  actor and recipient may be swapped;
- their dates are compatible: equal, one a prefix of the other (``2022-03`` holds ``2022-03-10``), or day
  dates at most ``max_day_gap`` days apart; an event without a date joins nothing;
- their places are compatible: same geonames id, same normalised name, or within ``max_km``; an event
  without a place is compatible with any place unless ``require_place``.

Events of near-duplicate articles (``articles.duplicate_of`` set) are left out, so a wire copy does not
count twice.  Clustering is greedy in ingest order (article ``ingest_seq``, then event ``seq``): an event
joins the first earlier cluster whose *first* event it is compatible with — deterministic, hence identical
for a clean run and for a killed-and-resumed one.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from newsevents.model import Event, stable_id


@dataclass(frozen=True)
class ClusterRules:
    same_mode: bool = False
    match_country_sector: bool = True
    max_day_gap: int = 0
    max_km: float = 50.0
    require_place: bool = False
    exclude_duplicates: bool = True
    min_confidence: float = 0.0
    # Types whose two sides are interchangeable ("A met B" = "B held talks with A"): matched in either order.
    symmetric_types: tuple[str, ...] = ("CONSULT",)

    @classmethod
    def from_file(cls, path: str | Path) -> ClusterRules:
        """Rules from a YAML (or JSON) mapping of field → value; unknown keys are refused."""
        import yaml

        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        if "symmetric_types" in data:
            data["symmetric_types"] = tuple(data["symmetric_types"] or ())
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"unknown cluster rule(s) {sorted(unknown)}; known: {sorted(known)}")
        return cls(**data)


@dataclass(frozen=True, slots=True)
class ClusterInput:
    """The parts of one stored event clustering looks at."""

    article_id: str
    event_id: str
    type: str
    mode: str | None
    actor_name: str | None
    actor_country: str | None
    actor_sector: str | None
    has_actor: bool
    recipient_name: str | None
    recipient_country: str | None
    recipient_sector: str | None
    has_recipient: bool
    date: str | None
    location_name: str | None = None
    location_country: str | None = None
    location_lat: float | None = None
    location_lon: float | None = None
    location_geonameid: int | None = None
    has_location: bool = False
    confidence: float = 1.0

    @classmethod
    def from_event(cls, e: Event) -> ClusterInput:
        a, r, loc = e.actor, e.recipient, e.location
        return cls(
            e.article_id, e.id, e.type, e.mode,
            a.name if a else None, a.country if a else None, a.sector if a else None, a is not None,
            r.name if r else None, r.country if r else None, r.sector if r else None, r is not None,
            e.date,
            loc.name if loc else None, loc.country if loc else None, loc.lat if loc else None,
            loc.lon if loc else None, loc.geonameid if loc else None, loc is not None, e.confidence,
        )  # fmt: skip


@dataclass(slots=True)
class Cluster:
    first: ClusterInput
    members: list[ClusterInput] = field(default_factory=list)
    rank: int = 0  # creation order: a new event joins the lowest-ranked compatible cluster
    stored_ids: list[str] = field(default_factory=list)  # an incremental update's stored members (keys)

    @property
    def date(self) -> str | None:
        return max((m.date for m in self.members if m.date), key=len, default=None)

    def row(self) -> tuple[Any, ...]:
        f = self.first
        event_ids = [f"{m.article_id}/{m.event_id}" for m in self.members]
        articles = list(dict.fromkeys(m.article_id for m in self.members))
        place = next((m for m in self.members if m.has_location), None)
        return (
            stable_id(*event_ids), f.type, f.mode,
            _primary_key(f.actor_name, f.actor_country, f.actor_sector, f.has_actor),
            _primary_key(f.recipient_name, f.recipient_country, f.recipient_sector, f.has_recipient),
            f.actor_name, f.actor_country, f.actor_sector, f.recipient_name, f.recipient_country,
            f.recipient_sector, self.date,
            place.location_name if place else None, place.location_country if place else None,
            place.location_lat if place else None, place.location_lon if place else None,
            len(self.members), len(articles), event_ids, articles, self.rank, event_ids[0],
        )  # fmt: skip


_PUNCT = re.compile(r"[^\w\s]")


def normalise_name(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = " ".join(_PUNCT.sub(" ", text).split())
    return text.removeprefix("the ")


def participant_keys(
    name: str | None, country: str | None, sector: str | None, present: bool, rules: ClusterRules
) -> frozenset[str]:
    if not present:
        return frozenset({"-"})
    keys = set()
    norm = normalise_name(name) if name else ""
    if norm:
        keys.add(f"n:{norm}")
        if country:  # "Kuleba" (UKR) is "Dmytro Kuleba" (UKR)
            keys.add(f"s:{norm.split()[-1]}|{country}")
    if rules.match_country_sector and country and sector:
        keys.add(f"c:{country}|{sector}")
    return frozenset(keys)


def _primary_key(name: str | None, country: str | None, sector: str | None, present: bool) -> str | None:
    if not present:
        return None
    if name and normalise_name(name):
        return normalise_name(name)
    return f"{country or '?'}|{sector or '?'}"


ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def _day(date: str) -> dt.date | None:
    # YYYY-MM-DD only (fromisoformat alone would also take "2022-W10-1"): what the SQL blocking assumes
    try:
        return dt.date.fromisoformat(date) if len(date) == 10 and ISO_DATE.fullmatch(date) else None
    except ValueError:
        return None


def dates_compatible(a: str | None, b: str | None, max_day_gap: int = 0) -> bool:
    if not a or not b:
        return False
    if a.startswith(b) or b.startswith(a):
        return True
    da, db = _day(a), _day(b)
    return da is not None and db is not None and abs((da - db).days) <= max_day_gap


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    # Haversine great-circle distance: three lines, not worth a geodesy dependency.
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def places_compatible(a: ClusterInput, b: ClusterInput, rules: ClusterRules) -> bool:
    if not (a.has_location and b.has_location):
        return not rules.require_place
    if a.location_geonameid is not None and a.location_geonameid == b.location_geonameid:
        return True
    if (
        a.location_name
        and b.location_name
        and normalise_name(a.location_name) == normalise_name(b.location_name)
    ):
        return True
    if None not in (a.location_lat, a.location_lon, b.location_lat, b.location_lon):
        return _km(a.location_lat, a.location_lon, b.location_lat, b.location_lon) <= rules.max_km  # type: ignore[arg-type]
    return False


def side_keys(ev: ClusterInput, rules: ClusterRules) -> tuple[frozenset[str], frozenset[str]]:
    """The keys of the event's actor side and recipient side."""
    a = participant_keys(ev.actor_name, ev.actor_country, ev.actor_sector, ev.has_actor, rules)
    r = participant_keys(
        ev.recipient_name, ev.recipient_country, ev.recipient_sector, ev.has_recipient, rules
    )
    return a, r


def lookup_keys(ev: ClusterInput, rules: ClusterRules) -> list[tuple[str, str | None, str, str]]:
    """(type, mode, actor key, recipient key) of every index entry the event looks up, or makes if it is first."""
    mode = ev.mode if rules.same_mode else None
    a_keys, r_keys = side_keys(ev, rules)
    lookup = [(ev.type, mode, a, r) for a in sorted(a_keys) for r in sorted(r_keys)]
    if ev.type in rules.symmetric_types:
        lookup += [(ev.type, mode, r, a) for a in sorted(a_keys) for r in sorted(r_keys)]
    return lookup


def cluster_events(
    events: Iterable[ClusterInput],
    rules: ClusterRules | None = None,
    *,
    seed: Iterable[Cluster] = (),
    first_rank: int = 0,
) -> list[Cluster]:
    """Greedy clustering of events given in ingest order (see the module docstring for the rule).

    ``seed``: clusters already made from earlier events (an incremental update passes the stored ones these
    events could join); new clusters are ranked from ``first_rank`` on.  Returns seeds and new clusters.
    """
    rules = rules or ClusterRules()
    clusters: list[Cluster] = []
    # Candidate lookup: (type, mode, actor key, recipient key) → clusters, so each event is compared only
    # with clusters it could join (linear in the number of events, not quadratic).
    index: dict[tuple[str, str | None, str, str], list[Cluster]] = defaultdict(list)
    for c in sorted(seed, key=lambda c: c.rank):
        clusters.append(c)
        for k in lookup_keys(c.first, rules):
            index[k].append(c)
    rank = first_rank
    for ev in events:
        if ev.confidence < rules.min_confidence:
            continue
        lookup = lookup_keys(ev, rules)
        home = None
        if ev.date:
            candidates = {id(c): c for k in lookup for c in index.get(k, ())}
            for c in sorted(candidates.values(), key=lambda c: c.rank):  # oldest first
                if dates_compatible(c.first.date, ev.date, rules.max_day_gap) and places_compatible(
                    c.first, ev, rules
                ):
                    home = c
                    break
        if home is None:
            home = Cluster(ev, rank=rank)
            rank += 1
            clusters.append(home)
            for k in lookup:
                index[k].append(home)
        home.members.append(ev)
    return clusters
