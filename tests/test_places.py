"""The offline gazetteer: countries beat towns, the alias table fills GeoNames' gaps, ranking by context."""

from __future__ import annotations

import pytest

from newsevents.extract.places import gazetteer


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Lebanon", "LBN"),
        ("Georgia", "GEO"),
        ("Palestine", "PSE"),
        ("the United States", "USA"),
        ("Britain", "GBR"),
    ],
)
def test_places_country_beats_same_named_town(name: str, country: str) -> None:
    hit = gazetteer().lookup(name)
    assert hit is not None
    place, rule = hit
    assert (place.kind, place.country, rule) == ("country", country, "places.country")
    assert place.lat is not None  # capital coordinates stand in for the country


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Gaza Strip", "PSE"),
        ("the West Bank", "PSE"),
        ("Al-Aqsa Mosque", "PSE"),
        ("Donbas", "UKR"),
        ("Crimea", "UKR"),
        ("Kashmir", "IND"),
        ("Helmand province", "AFG"),
        ("Idlib", "SYR"),
    ],
)
def test_places_alias_table_covers_regions_and_sites(name: str, country: str) -> None:
    hit = gazetteer().lookup(name)
    assert hit is not None
    assert hit[0].country == country and hit[1] == "places.alias"


def test_places_larger_city_wins_without_context() -> None:
    hit = gazetteer().lookup("Tehran")
    assert hit is not None and hit[0].country == "IRN" and hit[0].population > 1_000_000


def test_places_article_countries_rank_candidates() -> None:
    default = gazetteer().lookup("Paris")
    in_texas = gazetteer().lookup("Paris", context_countries=["USA"])
    assert default is not None and default[0].country == "FRA"
    assert (
        in_texas is not None and in_texas[0].country == "USA" and in_texas[1] == "places.city.context-country"
    )


@pytest.mark.parametrize(("name", "country"), [("Basra", "IRQ"), ("Khatmandu", "NPL"), ("Kathmandu", "NPL")])
def test_places_alternate_spellings_resolve(name: str, country: str) -> None:
    hit = gazetteer().lookup(name)
    assert hit is not None and hit[0].country == country


@pytest.mark.parametrize("name", ["Narnia", "", "the"])
def test_places_unknown_names_give_nothing(name: str) -> None:
    assert gazetteer().lookup(name) is None


@pytest.mark.parametrize(("name", "kind"), [("Iowa", "state"), ("Vermont", "state"), ("New York", "city")])
def test_places_us_states_after_cities(name: str, kind: str) -> None:
    hit = gazetteer().lookup(name)
    assert hit is not None and hit[0].country == "USA" and hit[0].kind == kind


@pytest.mark.parametrize(
    ("name", "kind", "country"),
    [("Florida", "state", "USA"), ("Delaware", "state", "USA"), ("Washington", "city", "USA")],
)
def test_places_state_beats_small_same_named_city(name: str, kind: str, country: str) -> None:
    hit = gazetteer().lookup(name)
    assert hit is not None and (hit[0].kind, hit[0].country) == (kind, country)
