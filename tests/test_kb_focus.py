"""The article's country (focus) and the actors that take it: unnamed officials, parties, people, owned bodies."""

from __future__ import annotations

from test_actors_helpers import actor_with, actors_result

KENYA = (
    "Gunmen attacked a Kenyan army base near the border on Monday. Kenyan troops returned fire and two "
    "Kenyan soldiers were wounded. "
)


def test_focus_counts_demonyms_used_as_modifiers() -> None:
    # "Kenyan" is never a mention of its own: only the modifiers say what the text is about
    result = actors_result(KENYA + "Officials said the attackers fled into the forest.", "2023-03-01")
    officials = actor_with(result, "Officials")
    assert officials.country == "KEN"
    assert officials.rule == "actors.v2.article_focus"


def test_focus_reaches_descriptions_with_plain_modifiers() -> None:
    text = KENYA + "Senior security officials said the attackers fled into the forest."
    assert actor_with(actors_result(text, "2023-03-01"), "Senior security officials").country == "KEN"
    text = KENYA + "The main opposition parties said the government had failed."
    assert actor_with(actors_result(text, "2023-03-01"), "The main opposition parties").country == "KEN"


def test_focus_counts_country_words_in_organisation_names() -> None:
    text = (
        "Six rebels were killed in a clash with the Peruvian Army on Thursday. Captain Ramiro Quispe said the "
        "fighting lasted two hours. The Peruvian Navy sent boats to the area."
    )
    person = actor_with(actors_result(text, "2021-05-01"), "Ramiro Quispe")
    assert person.country == "PER" and person.rule == "actors.v2.article_focus_person"


def test_focus_a_tie_gives_no_country() -> None:
    text = (
        "Chilean and Bolivian ministers met in La Paz. Chile and Bolivia signed a water deal on Friday. "
        "Officials said more talks were planned."
    )
    assert actor_with(actors_result(text, "2022-01-01"), "Officials").country is None


def test_focus_demonyms_alone_do_not_make_one_sentence_about_a_country() -> None:
    text = "Two Palestinian gunmen opened fire near a Palestinian school in Haifa, police said."
    assert actor_with(actors_result(text, "2002-01-01"), "police").country is None


def test_focus_sides_of_talks_are_not_political_parties() -> None:
    text = KENYA + "The two parties agreed to a ceasefire, mediators said."
    assert actor_with(actors_result(text, "2023-03-01"), "The two parties").country is None


def test_focus_never_reaches_a_description_that_names_another_body() -> None:
    text = KENYA + "Officials of the World Bank said the attack would delay the road project."
    assert actor_with(actors_result(text, "2023-03-01"), "Officials").country is None


def test_owned_body_takes_its_owners_country() -> None:
    text = "Thousands marched in Harare against the government of President Emmerson Mnangagwa on Saturday."
    government = actor_with(actors_result(text, "2023-01-01"), "the government")
    assert (government.country, government.rule) == ("ZWE", "actors.v2.owner")


def test_a_country_that_owns_a_name_gives_its_country() -> None:
    text = "Ghana's state-run Ashanti Development Board said on Monday that the dam was safe."
    board = actor_with(actors_result(text, "2023-01-01"), "Ashanti Development Board")
    assert board.country == "GHA" and board.rule.startswith("actors.v2.possessor")


def test_a_city_or_state_among_a_descriptions_words_gives_its_country() -> None:
    result = actors_result("Jane Harlow, an Ohio lawmaker, said the bill was dead.", "2016-03-01")
    person = actor_with(result, "Jane Harlow")
    assert (person.country, person.rule) == ("USA", "actors.v2.nominal:state")
    police = actor_with(
        actors_result("Lagos police said the suspects were arrested on Monday."), "Lagos police"
    )
    assert (police.country, police.rule) == ("NGA", "actors.v2.nominal:city")
