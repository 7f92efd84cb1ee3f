"""The knowledge base during extraction: codes, kb_id across articles, the date rule, surnames, agents."""

from __future__ import annotations

from test_actors_helpers import actor_with, actors_result


def test_kb_same_person_has_one_kb_id_across_two_articles() -> None:
    one = actors_result("Russian Foreign Minister Sergey Lavrov arrived in Ankara on Monday.", "2022-03-10")
    two = actors_result("Lavrov told reporters that the talks had failed.", "2023-07-01")
    a, b = actor_with(one, "Sergey Lavrov"), actor_with(two, "Lavrov")
    assert a.id != b.id  # actor ids are per article
    assert a.kb_id is not None and a.kb_id == b.kb_id
    assert (a.code, a.country, b.code) == ("RUSGOV", "RUS", "RUSGOV")
    assert a.kb_name == "Sergey Lavrov"


def test_kb_date_rule_role_held_at_article_date_wins() -> None:
    text = "Boris Johnson said the country would stand firm."
    as_foreign_secretary = actor_with(actors_result(text, "2017-05-01"), "Boris Johnson")
    as_prime_minister = actor_with(actors_result(text, "2021-05-01"), "Boris Johnson")
    assert as_foreign_secretary.kb_id == as_prime_minister.kb_id
    assert (as_prime_minister.country, as_prime_minister.sector) == ("GBR", "GOV")
    # an IGO role that ended before the article loses to the national office held then
    tusk = actor_with(actors_result("Donald Tusk spoke in Warsaw.", "2024-03-01"), "Donald Tusk")
    assert (tusk.country, tusk.code) == ("POL", "POLGOV")
    tusk_eu = actor_with(actors_result("Donald Tusk spoke in Brussels.", "2017-03-01"), "Donald Tusk")
    assert (tusk_eu.country, tusk_eu.sector) == (None, "IGO")


def test_kb_surname_alone_when_unique_in_kb() -> None:
    result = actors_result("Reznikov told reporters that more tanks were needed.", "2022-06-01")
    actor = actor_with(result, "Reznikov")
    assert actor.country == "UKR" and actor.kb_id is not None


def test_kb_different_forename_is_not_taken_for_a_kb_person() -> None:
    result = actors_result("Mark Lavrov, a baker from Ohio, said prices had doubled.", "2022-06-01")
    actor = actor_with(result, "Mark Lavrov")
    assert actor.kb_id is None


def test_kb_affiliation_gives_country_and_sector() -> None:
    result = actors_result("Hamas official Basem Qudwa said the group would not disarm.", "2023-11-01")
    actor = actor_with(result, "Basem Qudwa")
    assert (actor.country, actor.sector) == ("PSE", "REB")


def test_kb_agents_and_modifiers_give_codes() -> None:
    result = actors_result(
        "Iraqi police arrested three men. Ukrainian troops shelled the town.", "2023-01-01"
    )
    assert actor_with(result, "Iraqi police").code == "IRQCOP"
    assert actor_with(result, "Ukrainian troops").code == "UKRMIL"


def test_kb_group_placed_by_a_city_takes_its_country() -> None:
    result = actors_result("Protesters in Lima blocked the main roads on Friday.", "2023-01-01")
    actor = actor_with(result, "Protesters")
    assert (actor.country, actor.sector) == ("PER", "CIV")


def test_kb_named_body_without_country_takes_the_article_country() -> None:
    text = (
        "Kenyan lawmakers met in Nairobi on Monday. Kenya's president said Kenya would not back down. "
        "Parliament approved the budget later that day."
    )
    actor = actor_with(actors_result(text, "2023-01-01"), "Parliament")
    assert actor.country == "KEN"


def test_kb_phrase_country_reads_names_and_demonyms() -> None:
    from newsevents.kb import phrase_country

    assert phrase_country("Israeli Prime Minister Benjamin Netanyahu's office") == "ISR"
    assert phrase_country("Lavrov's spokesman", "2022-01-01") == "RUS"
    assert phrase_country("the statement") is None


def test_kb_coverage_counts_named_actors_and_speakers() -> None:
    import newsevents
    from newsevents.evaluation.coverage import coverage_of

    text = 'Russian Foreign Minister Sergey Lavrov met the UN envoy. "We will respond," Lavrov said.'
    c = coverage_of(newsevents.extract(text, date="2022-03-10"))
    assert c.named >= 1 and c.named_country >= 1 and c.named_kb >= 1
    assert c.speakers == 1 and c.speakers_country == 1


def test_kb_body_words_give_a_sector_without_making_role_nominals() -> None:
    from newsevents.extract.actors.roles import lexicon, sector_clue

    assert sector_clue(["independent", "national", "electoral", "commission"]) == "GOV"
    assert sector_clue(["public", "defender"]) == "GOV"
    assert lexicon().role("commission") is None  # "the commission" is not made a nominal mention by this
