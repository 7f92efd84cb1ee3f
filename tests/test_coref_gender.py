"""Gender of people's names (issue 14): titles, kinship and role nouns next to a name, family-name
endings, forenames the tagger mislabels as places or bodies, and family names standing alone."""

from __future__ import annotations

import pytest

from newsevents.annotate.spacy_pipeline import annotate
from newsevents.extract.actors.gender import common_forename, lone_forename, name_gender, surname_gender
from newsevents.extract.actors.names import name_mentions
from newsevents.kb import actor_dictionary
from test_actors_helpers import actor_with, actors_result


def _name(text: str, name: str) -> tuple[str | None, bool]:
    """(gender, guessed) of the name mention ``name`` in ``text``."""
    hits = [m for m in name_mentions(annotate(text)) if m.span.text.endswith(name)]
    assert hits, f"no name mention {name!r}"
    return hits[0].gender, hits[0].gender_guessed


@pytest.mark.parametrize(
    ("text", "name", "gender"),
    [
        ("Queen Ysolde opened the new bridge in the spring.", "Ysolde", "f"),  # title in the name
        ("The film starred actress Kerrin Vale as the pilot.", "Kerrin Vale", "f"),  # role noun before
        ("His wife, Dorrit Vance, stayed at home with the children.", "Dorrit Vance", "f"),  # apposition
        (
            "Dorrit Vance, his wife, stayed at home with the children.",
            "Dorrit Vance",
            "f",
        ),  # apposition after
        ("Ammon Quist was her only son.", "Ammon Quist", "m"),  # predicate of "be"
    ],
)
def test_gender_from_words_next_to_the_name_is_settled(text: str, name: str, gender: str) -> None:
    assert _name(text, name) == (gender, False)


def test_gender_from_forename_alone_is_only_guessed() -> None:
    assert _name("Ingrid Dahl opened the new bridge in the spring.", "Ingrid Dahl") == ("f", True)


@pytest.mark.parametrize(
    ("word", "gender"),
    [("Navratilova", "f"), ("Kowalska", "f"), ("Grybauskaite", "f"), ("Pospisilov", "m"), ("Ova", None)],
)
def test_family_name_endings(word: str, gender: str | None) -> None:
    assert surname_gender(word) == gender


def test_family_name_ending_counts_only_without_a_forename() -> None:
    assert name_gender("Y. Kuznetsova") == "f"
    assert name_gender("Ivan Kuznetsova") == "m"  # the forename speaks first


def test_forename_the_tagger_calls_a_place_is_a_person() -> None:
    known = actor_dictionary()
    doc = annotate("Rebecca smiled at the crowd. Florence was quiet. Jordan closed its border.")
    assert lone_forename(doc, 0, 1, "Rebecca", None, known)
    florence = next(t.i for t in doc.tokens if t.text == "Florence")
    jordan = next(t.i for t in doc.tokens if t.text == "Jordan")
    assert not lone_forename(doc, florence, florence + 1, "Florence", None, known)  # a city
    assert not lone_forename(doc, jordan, jordan + 1, "Jordan", None, known)  # a country


def test_woman_named_by_forename_alone_takes_she() -> None:
    text = "Rebecca moved to Leeds in 1990. There she opened a small bakery."
    result = actors_result(text)
    assert actor_with(result, "she") is actor_with(result, "Rebecca")


def test_lone_family_name_of_a_full_name_guesses_nothing() -> None:
    # "Johnson" alone is a family name here: it must not be a man because "Johnson" is a man's forename.
    text = "Johnson was born in Ohio to Robert Johnson, a farmer. Johnson later taught music."
    mentions = [m for m in name_mentions(annotate(text)) if m.span.text == "Johnson"]
    assert mentions and all(m.gender is None for m in mentions)


def test_names_of_different_genders_in_apposition_stay_two_people() -> None:
    text = (
        "The painting shows President George Halloway, First Lady Martha Halloway, their son and a servant."
    )
    result = actors_result(text)
    assert actor_with(result, "Martha Halloway") is not actor_with(result, "George Halloway")


def test_family_name_tagged_as_a_body_is_the_person_named_so_elsewhere() -> None:
    # The small model tags the first "Kvarme" as an organisation and the second as a person.
    text = "In 1931 Kvarme moved to Oslo. Kvarme married the painter Ole Brun in 1935."
    result = actors_result(text)
    first = actor_with(result, "Kvarme")
    assert first.kind == "PERSON" and first is actor_with(result, "Kvarme", 1)


def test_owner_of_a_kinship_noun_is_a_person() -> None:
    result = actors_result("After the war, Lindqvist's husband opened a bakery in Malmo.")
    assert actor_with(result, "Lindqvist").kind == "PERSON"


@pytest.mark.parametrize(
    ("word", "common"),
    [("Tony", True), ("Natasha", True), ("Jones", False), ("Walker", False), ("Hudson", False), ("x", False)],
)
def test_common_forename(word: str, common: bool) -> None:
    # Family names that are also (rare) men's forenames are not common forenames.
    assert common_forename(word) is common


def test_lone_common_forename_settles_the_gender() -> None:
    assert _name("Later that night Tony drove back to the farm.", "Tony") == ("m", False)


def test_her_does_not_go_to_a_man_named_by_his_forename() -> None:
    text = (
        "Marisol invited Tony to the harbour festival. When Tony arrived at her house that evening, "
        "the lights were off."
    )
    result = actors_result(text)
    her = actor_with(result, "her")
    assert her is not actor_with(result, "Tony")
    assert her is actor_with(result, "Marisol")


def test_common_forename_that_is_a_family_name_in_the_text_guesses_nothing() -> None:
    # "Thomas" alone is the family name of "Edith Thomas" here, not a man's forename.
    text = "Edith Thomas was born in Cardiff. Thomas later taught music at a school in Bristol."
    mentions = [m for m in name_mentions(annotate(text)) if m.span.text == "Thomas"]
    assert mentions and all(m.gender is None for m in mentions)
