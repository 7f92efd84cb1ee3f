"""Name variants: surname, Arabic particles, "The X", bracketed acronyms, knowledge-base aliases, capitals."""

from __future__ import annotations

import pytest

from test_actors_helpers import actor_with, actors_result, rule_of


@pytest.mark.parametrize(
    ("text", "full", "short", "rule"),
    [
        (
            # invented names: a real leader's surname is an alias in the KB, which links it first (kb_alias)
            "German Chancellor Anna Brennecke met business leaders in Berlin. Brennecke said a deal was close.",
            "Anna Brennecke",
            "Brennecke",
            "surname",
        ),
        (
            "Sheikh Hassan Qudairi warned Israel on Sunday. Qudairi said his fighters were ready.",
            "Hassan Qudairi",
            "Qudairi",
            "surname",
        ),
        (
            "Officials met Khalil al-Hayya in Cairo on Monday. Al-Hayya said the talks had been useful.",
            "Khalil al-Hayya",
            "Al-Hayya",
            "surname",
        ),
    ],
)
def test_coref_names_surname_joins_full_name(text: str, full: str, short: str, rule: str) -> None:
    result = actors_result(text)
    assert actor_with(result, full) is actor_with(result, short)
    assert rule_of(result, short) == rule


def test_coref_names_different_forenames_stay_apart() -> None:
    text = (
        "Hillary Clinton spoke in Ohio on Monday. Her daughter Chelsea Clinton joined her later. "
        "Hillary Clinton said the campaign was going well."
    )
    result = actors_result(text)
    assert actor_with(result, "Chelsea Clinton") is not actor_with(result, "Hillary Clinton")
    assert actor_with(result, "Hillary Clinton", 0) is actor_with(result, "Hillary Clinton", 1)


def test_coref_names_definite_article_variant_is_same_actor() -> None:
    text = "Hamas fired rockets overnight. The Hamas said the strikes were a warning."
    result = actors_result(text)
    assert actor_with(result, "Hamas", 0) is actor_with(result, "Hamas", 1)


def test_coref_names_bracketed_acronym_joins_full_name() -> None:
    text = (
        "The Democratic People's Republic of Korea (DPRK) fired a missile. The DPRK said the test succeeded."
    )
    result = actors_result(text)
    actor = actor_with(result, "DPRK", 1)
    assert any(m.span.text.endswith("Democratic People's Republic of Korea") for m in actor.mentions)
    assert actor.country == "PRK"


@pytest.mark.parametrize(
    ("text", "first", "second", "country"),
    [
        (
            "The Federal Bureau of Investigation opened an inquiry. The FBI said it found nothing.",
            "Federal Bureau of Investigation",
            "FBI",
            "USA",
        ),
        (
            "The United States imposed sanctions. The U.S. said more would follow.",
            "United States",
            "U.S.",
            "USA",
        ),
    ],
)
def test_coref_names_knowledge_base_alias_joins(text: str, first: str, second: str, country: str) -> None:
    result = actors_result(text)
    actor = actor_with(result, first)
    assert actor is actor_with(result, second)
    assert actor.country == country
    assert rule_of(result, second) == "kb_alias"


def test_coref_names_acting_capital_stands_for_state() -> None:
    result = actors_result("Moscow rejected the proposal on Tuesday, saying it was unacceptable.")
    moscow = actor_with(result, "Moscow")
    assert (moscow.country, moscow.sector) == ("RUS", "GOV")
    assert rule_of(result, "Moscow") == "capital"


def test_coref_names_mister_is_part_of_the_mention() -> None:
    result = actors_result(
        "Mr. Grassley told reporters the hearing would go ahead. Grassley declined to say more."
    )
    actor = actor_with(result, "Mr. Grassley")
    assert actor is actor_with(result, "Grassley")
