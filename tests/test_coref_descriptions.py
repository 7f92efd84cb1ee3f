"""Appositions, pre-name titles, later role nominals, pronouns and opening cataphora."""

from __future__ import annotations

import pytest

from test_actors_helpers import actor_with, actors_result, rule_of


@pytest.mark.parametrize(
    ("text", "name", "description", "role_word"),
    [
        (
            "Sheikh Hassan Nasrallah, the leader of Lebanon's Hezbollah, warned Israel on Sunday.",
            "Hassan Nasrallah",
            "the leader",
            "leader",
        ),
        (
            "The Ghazni governor's spokesman, Mohammed Aref Noori, said five people died.",
            "Mohammed Aref Noori",
            "The Ghazni governor's spokesman",
            "spokesman",
        ),
    ],
)
def test_coref_apposition_describes_the_name(text: str, name: str, description: str, role_word: str) -> None:
    result = actors_result(text)
    actor = actor_with(result, name)
    assert actor is actor_with(result, description)
    assert rule_of(result, description) == "apposition"
    assert actor.role and role_word in actor.role


def test_coref_apposition_gives_affiliation_country_and_sector() -> None:
    result = actors_result(
        "Sheikh Hassan Nasrallah, the leader of Lebanon's Hezbollah, warned Israel on Sunday."
    )
    person = actor_with(result, "Hassan Nasrallah")
    group = actor_with(result, "Hezbollah")
    assert person.affiliation == group.id
    assert (person.country, person.sector) == ("LBN", "REB")


@pytest.mark.parametrize(
    ("text", "name", "title", "country", "sector"),
    [
        (
            "German Chancellor Angela Merkel met business leaders.",
            "Angela Merkel",
            "German Chancellor",
            "DEU",
            "GOV",
        ),
        (
            "Foreign ministry spokesman Saeed Farahvandi spoke to reporters.",  # invented: not in the KB
            "Saeed Farahvandi",
            "Foreign ministry spokesman",
            None,
            "GOV",
        ),
        (
            "Senator John McCain visited the troops.",
            "John McCain",
            "Senator",
            "USA",
            "LEG",
        ),  # country: the KB
        (
            "Pakistani Army General Qamar Bajwa met the envoy.",
            "Qamar Bajwa",
            "Pakistani Army General",
            "PAK",
            "MIL",
        ),
    ],
)
def test_coref_title_sets_role_country_sector(
    text: str, name: str, title: str, country: str | None, sector: str
) -> None:
    result = actors_result(text)
    actor = actor_with(result, name)
    assert actor is actor_with(result, title)
    assert rule_of(result, title) == "title"
    assert (actor.country, actor.sector) == (country, sector)


def test_coref_later_role_nominal_links_to_titled_person() -> None:
    text = (
        "Secretary of State John Kerry met Iranian Foreign Minister Mohammad Javad Zarif in Geneva. "
        "The Iranian foreign minister said the talks were useful."
    )
    result = actors_result(text)
    zarif = actor_with(result, "Mohammad Javad Zarif")
    assert actor_with(result, "The Iranian foreign minister") is zarif
    assert zarif.country == "IRN"


def test_coref_nominal_with_other_country_does_not_link() -> None:
    text = (
        "Iranian Foreign Minister Mohammad Javad Zarif met reporters on Monday. "
        "The Turkish foreign minister said he would visit Tehran next week."
    )
    result = actors_result(text)
    assert actor_with(result, "The Turkish foreign minister") is not actor_with(
        result, "Mohammad Javad Zarif"
    )


def test_coref_definite_nominal_repeats_join_and_indefinite_starts_new() -> None:
    text = "A judge in Lagos freed the activist on Monday. The judge said the police had no case. A judge in Abuja disagreed."
    result = actors_result(text)
    assert actor_with(result, "A judge") is actor_with(result, "The judge")
    assert actor_with(result, "A judge", 1) is not actor_with(result, "The judge")


@pytest.mark.parametrize(
    ("text", "pronoun", "nth", "antecedent"),
    [
        (
            "German Chancellor Angela Merkel met Emmanuel Macron. Merkel said she was confident of a deal.",
            "she",
            0,
            "Angela Merkel",
        ),
        ("Macron met Merkel in Paris. Macron said he agreed with most of the plan.", "he", 0, "Macron"),
        ("Senator John McCain visited Kabul. McCain said his trip was a success.", "his", 0, "John McCain"),
        (
            "Khalil al-Hayya, on his part, said the siege must end. He said the occupiers wanted to divide the city.",
            "He",
            0,
            "Khalil al-Hayya",
        ),
        (
            "Protesters gathered outside the parliament. The protesters said they wanted new elections.",
            "they",
            0,
            "Protesters",
        ),
    ],
)
def test_coref_pronoun_links_to_salient_compatible_actor(
    text: str, pronoun: str, nth: int, antecedent: str
) -> None:
    result = actors_result(text)
    assert actor_with(result, pronoun, nth) is actor_with(result, antecedent)
    assert rule_of(result, pronoun, nth).startswith("pronoun")


def test_coref_pronoun_gender_blocks_wrong_antecedent() -> None:
    result = actors_result("Mr. Warren met Ms. Lopez on Friday. Mr. Warren said she had been helpful.")
    she = actor_with(result, "she")
    assert she is actor_with(result, "Ms. Lopez")


def test_coref_pronoun_is_not_co_argument_of_its_antecedent() -> None:
    result = actors_result("President Barack Obama praised him during the meeting with Senator John McCain.")
    assert not any(m.span.text == "him" for m in actor_with(result, "Barack Obama").mentions)


def test_coref_opening_pronoun_links_forward_to_first_named_person() -> None:
    text = (
        "She told the rally that the country could not wait any longer.\n\n"
        "Opposition leader Winnie Byanyima made the remarks in Kampala on Saturday."
    )
    result = actors_result(text)
    assert actor_with(result, "She") is actor_with(result, "Winnie Byanyima")
    assert rule_of(result, "She") == "cataphora"


def test_coref_unresolvable_pronoun_is_left_out() -> None:
    result = actors_result("The weather turned cold on Monday. They said the roads were closed.")
    assert not any(m.span.text == "They" for a in result.actors for m in a.mentions)
