"""Pronoun rules of issue 14: names' gender from the names dataset, forward links from fronted clauses,
parallelism, "It said" for bodies, untagged people and people named by office."""

from __future__ import annotations

import pytest

from newsevents.extract.actors.gender import forename_gender, name_gender
from test_actors_helpers import actor_with, actors_result, rule_of


@pytest.mark.parametrize(
    ("name", "gender"),
    [("Sven", "m"), ("Ingrid", "f"), ("Mohammad", "m"), ("Angela", "f"), ("Qwzxv", None), ("J.", None)],
)
def test_coref_forename_gender_from_names_dataset(name: str, gender: str | None) -> None:
    assert forename_gender(name) == gender


def test_coref_name_gender_skips_initials() -> None:
    assert name_gender("J. Edgar Hoover") == "m"
    assert name_gender("K. Ingrid Olsen") == "f"


def test_coref_pronoun_gender_from_dataset_forename() -> None:
    # Neither forename is in the project's short news list: the names dataset decides.
    text = "Sven Lindqvist met Ingrid Dahl at the harbour. She handed over the keys to the boat."
    result = actors_result(text)
    assert actor_with(result, "She") is actor_with(result, "Ingrid Dahl")


def test_coref_pronoun_in_fronted_clause_links_forward_to_subject() -> None:
    text = "Tomas Berg ran the old school for years. After his brother retired, Karl Weiss bought the farm."
    result = actors_result(text)
    assert actor_with(result, "his") is actor_with(result, "Karl Weiss")
    assert rule_of(result, "his") == "pronoun_fronted_clause"


def test_coref_possessive_prefers_subject_of_its_own_clause() -> None:
    text = "Anton Kramer visited the bank with Paul Heller. Later Heller sold his house in the city."
    result = actors_result(text)
    assert actor_with(result, "his") is actor_with(result, "Paul Heller")


def test_coref_subject_pronoun_prefers_subject_antecedent() -> None:
    text = "Martin Olsen thanked Peter Lund for the invitation. He then left for the airport."
    result = actors_result(text)
    assert actor_with(result, "He") is actor_with(result, "Martin Olsen")


def test_coref_guessed_gender_does_not_block_a_pronoun() -> None:
    # A forename the dataset lists for women, here a man's: with no other person near, "he" still links.
    text = (
        "Opposition leader Raila Odinga addressed a rally in Nairobi. Later he led a march to the city hall."
    )
    result = actors_result(text)
    assert actor_with(result, "he") is actor_with(result, "Raila Odinga")


def test_coref_it_as_subject_of_reporting_verb_is_the_body() -> None:
    text = (
        "The defence ministry of Armenia reported heavy shelling overnight. It said two soldiers were hurt."
    )
    result = actors_result(text)
    it = actor_with(result, "It")
    assert it.kind in ("ORG", "GPE") and it is actor_with(result, "defence ministry")


def test_coref_expletive_it_is_not_a_mention() -> None:
    result = actors_result("The ministry met on Monday. It is raining in the capital.")
    assert not any(m.span.text == "It" for a in result.actors for m in a.mentions)


def test_coref_untagged_forename_run_is_a_person() -> None:
    # Whatever the parser's entity tags, a run of proper nouns starting with a known forename is a person.
    text = "The committee heard Brandi Chastain on Tuesday. Chastain said she would run again."
    result = actors_result(text)
    person = actor_with(result, "Brandi Chastain")
    assert person.kind == "PERSON" and actor_with(result, "she") is person


def test_coref_office_holder_named_by_office_is_a_person() -> None:
    text = (
        "In a statement, Foreign Office Spokesperson said the remarks were baseless. "
        "He said the talks would go on."
    )
    result = actors_result(text)
    he = actor_with(result, "He")
    assert he.kind == "PERSON" and "Spokesperson" in he.name


def test_coref_distant_pronoun_takes_last_person_of_its_gender() -> None:
    text = (
        "Foreign Minister Ingrid Dahl spoke to reporters on Monday. "
        "The talks lasted four hours. Several countries made promises. The junta made none. "
        "Observers left early. She said the next round would be in May."
    )
    result = actors_result(text)
    assert actor_with(result, "She") is actor_with(result, "Ingrid Dahl")
    assert rule_of(result, "She") == "pronoun_distant"


def test_coref_body_split_by_the_tagger_is_one_name() -> None:
    result = actors_result("The US Department of the Treasury said the sanctions would start on Monday.")
    assert actor_with(result, "Department of the Treasury").name.endswith("Department of the Treasury")


def test_coref_body_nominal_does_not_join_another_kind_of_body() -> None:
    text = (
        "The embassy in Nairobi opened a relief office. The Kenyan government sent trucks. "
        "The government said the roads were open."
    )
    result = actors_result(text)
    assert actor_with(result, "The government") is not actor_with(result, "The embassy")


def test_coref_untagged_proper_noun_subject_is_a_person() -> None:
    # A surname the tagger leaves untagged as the subject of its clause is taken as a person.
    text = "In 1990 Wollmark fought the gang and later sold his share of the mill."
    result = actors_result(text)
    person = actor_with(result, "Wollmark")
    assert person.kind == "PERSON" and actor_with(result, "his") is person


def test_coref_untagged_title_subject_stays_a_description() -> None:
    result = actors_result("Later the Indonesian Foreign Minister said the talks went well.")
    assert not any(a.kind == "PERSON" and a.name == "Foreign Minister" for a in result.actors)
