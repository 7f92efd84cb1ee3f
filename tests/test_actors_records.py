"""Actor records: country and sector from text and knowledge base, the ActorTable contract, seed article."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.extract.actors.table import ActorTable
from newsevents.model import Span
from test_actors_helpers import actor_with, actors_result


@pytest.mark.parametrize(
    ("text", "mention", "country", "sector"),
    [
        ("Iranian lawmakers approved the bill on Sunday.", "Iranian lawmakers", "IRN", "LEG"),
        ("Moscow's representative left the talks early.", "Moscow's representative", "RUS", "GOV"),
        ("Brazil's foreign ministry summoned the envoy.", "Brazil's foreign ministry", "BRA", "GOV"),
        ("Kenyan police fired tear gas at the crowd.", "Kenyan police", "KEN", "COP"),
        ("Syrian rebels shelled the town overnight.", "Syrian rebels", "SYR", "REB"),
        ("Thousands of Chilean protesters marched on Friday.", "Chilean protesters", "CHL", "CIV"),
        ("The Nigerian army said it had freed the hostages.", "The Nigerian army", "NGA", "MIL"),
    ],
)
def test_actors_nominal_country_and_sector_from_modifiers(
    text: str, mention: str, country: str, sector: str
) -> None:
    actor = actor_with(actors_result(text), mention)
    assert (actor.country, actor.sector) == (country, sector)


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        ("Dallas sued the state over the new voting law.", "Dallas", "USA"),
        ("Iowa rejected the federal funds on Monday.", "Iowa", "USA"),
        ("Lagos announced a curfew on Friday.", "Lagos", "NGA"),
        ("Mumbai imposed new restrictions on Friday.", "Mumbai", "IND"),
    ],
)
def test_actors_cities_and_us_states_take_their_country(text: str, mention: str, country: str) -> None:
    assert actor_with(actors_result(text), mention).country == country


@pytest.mark.parametrize(
    ("text", "mention", "country", "sector", "kind"),
    [
        ("The Kremlin denied the report.", "Kremlin", "RUS", "GOV", "ORG"),
        ("The Pentagon announced new deployments.", "Pentagon", "USA", "MIL", "ORG"),
        ("NATO leaders met in Brussels.", "NATO", None, "IGO", "ORG"),
        ("Hezbollah fired rockets at northern Israel.", "Hezbollah", "LBN", "REB", "ORG"),
        ("Iran rejected the offer.", "Iran", "IRN", None, "GPE"),
    ],
)
def test_actors_known_actor_country_and_sector(
    text: str, mention: str, country: str | None, sector: str | None, kind: str
) -> None:
    actor = actor_with(actors_result(text), mention)
    assert (actor.country, actor.sector, actor.kind) == (country, sector, kind)


def test_actors_dated_entry_follows_article_date() -> None:
    text = "The Taliban said the road to Kandahar was open."
    before = actor_with(actors_result(text, "2019-03-01"), "Taliban")
    after = actor_with(actors_result(text, "2022-03-01"), "Taliban")
    assert (before.sector, after.sector) == ("REB", "GOV")


def test_actors_user_dictionary_file_is_used(tmp_path: Path) -> None:
    f = tmp_path / "actors.yaml"
    f.write_text("- {name: Azimio, aliases: [Azimio coalition], kind: ORG, country: KEN, sector: POL}\n")
    result = actors_result("Azimio said it would hold protests on Monday.", None, str(f))
    actor = actor_with(result, "Azimio")
    assert (actor.country, actor.sector) == ("KEN", "POL")


def test_actors_spans_match_article_text() -> None:
    text = "Mr. Obama said the Democratic People's Republic of Korea (DPRK) fired a missile. He condemned it."
    result = actors_result(text)
    for actor in result.actors:
        assert actor.rule.startswith("actors.v2")
        for m in actor.mentions:
            assert result.article.text[m.span.start : m.span.end] == m.span.text


def test_actors_table_speaker_for_pronoun_returns_named_actor() -> None:
    result = actors_result("Senator John McCain visited Kabul. He said the trip was a success.")
    table = ActorTable.build(result.actors)
    text = result.article.text
    start = text.index("He said")
    speaker = table.speaker_for(Span(start, start + 2, "He"))
    assert speaker.name == "John McCain"
    assert speaker.resolved_by == "pronoun"
    participant = table.participant_for(Span(start, start + 2, "He"))
    assert participant.sector == "LEG"


def test_actors_table_unresolved_span_says_none() -> None:
    result = actors_result("It rained in the morning. They said the match was off.")
    text = result.article.text
    start = text.index("They")
    speaker = ActorTable.build(result.actors).speaker_for(Span(start, start + 4, "They"))
    assert speaker.resolved_by == "none" and speaker.actor_id is None


# -- the seed article (skips without ../shared) -------------------------------------------------------------
def _seed_actor(seed_result, text: str, nth: int = 0):  # type: ignore[no-untyped-def]
    return actor_with(seed_result, text, nth)


def test_actors_seed_qalibaf_is_one_iranian_legislator(seed_result) -> None:  # type: ignore[no-untyped-def]
    qalibaf = _seed_actor(seed_result, "Qalibaf")
    for words in ("He", "The top Iranian lawmaker", "The Iranian parliament speaker"):
        assert _seed_actor(seed_result, words) is qalibaf
    assert (qalibaf.country, qalibaf.sector) == ("IRN", "LEG")


def test_actors_seed_hayya_is_one_actor_linked_to_hamas(seed_result) -> None:  # type: ignore[no-untyped-def]
    hayya = _seed_actor(seed_result, "Khalil al-Hayya")
    hamas = _seed_actor(seed_result, "Hamas")
    assert _seed_actor(seed_result, "Al-Hayya") is hayya
    assert any(m.kind == "pronoun" and m.span.text == "he" for m in hayya.mentions)
    assert hayya.affiliation == hamas.id
    assert hayya.country == "PSE"


@pytest.mark.parametrize(
    ("mention", "country", "sector"),
    [("Qassem Soleimani", "IRN", "MIL"), ("US", "USA", None), ("Hezbollah", "LBN", "REB")],
)
def test_actors_seed_other_actors(seed_result, mention: str, country: str, sector: str | None) -> None:  # type: ignore[no-untyped-def]
    actor = next(a for a in seed_result.actors if a.name == mention)
    assert actor.country == country
    if sector:
        assert actor.sector == sector
