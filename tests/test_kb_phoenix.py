"""Phoenix/PETRARCH dictionary reader, CAMEO codes, the compiled KB and its date rule (hand-written snippets)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.kb import ActorDictionary, KnownActor, actor_dictionary, kb_id_of, make_code, read_actor_file
from newsevents.kb.phoenix import CodeRange, parse_actors, parse_agents, parse_date, split_code

ACTORS = """\
# a comment line
ATLANTIS_  [ATL]
+ATLANTEAN_
+POSEIDONIA_ # its capital

JOHN_QWERTY_  # CountryInfo.txt
+QWERTY
+PRESIDENT_JOHN_QWERTY
\t[ATLELI 600101-990630]
\t[ATLGOV 990630-20101231] # President
\t[ATLELI]
MARIA_ZXCV_
\t[ATLGOV >20150301]  # Foreign Minister
\t[ATLJUD <19991231]
FIRST_FRONT_
SECOND_FRONT_
\t[ATLREB]
BROKEN_DATES_
\t[ATLGOV 2004017-20061201]
\t[ATLGOV]
TWO_HATS_ [IGOEUREEC 950701-951231][IGOWSTNAT 951205-991006] # two codes on one line
"""


def test_phoenix_parser_reads_synonyms_codes_and_dates() -> None:
    errors: list[str] = []
    entries = list(parse_actors(ACTORS.splitlines(), errors))
    assert [e.names[0] for e in entries] == [
        "ATLANTIS",
        "JOHN QWERTY",
        "MARIA ZXCV",
        "FIRST FRONT",
        "BROKEN DATES",
        "TWO HATS",
    ]
    atl, qwerty, maria, front, broken, hats = entries
    assert [c.code for c in hats.codes] == ["IGOEUREEC", "IGOWSTNAT"]
    assert atl.names == ("ATLANTIS", "ATLANTEAN", "POSEIDONIA") and atl.codes == (CodeRange("ATL"),)
    assert qwerty.comment == "CountryInfo.txt"
    assert qwerty.codes == (
        CodeRange("ATLELI", "1960-01-01", "1999-06-30"),
        CodeRange("ATLGOV", "1999-06-30", "2010-12-31", "President"),
        CodeRange("ATLELI"),
    )
    assert maria.codes == (
        CodeRange("ATLGOV", "2015-03-01", None, "Foreign Minister"),
        CodeRange("ATLJUD", None, "1999-12-31"),
    )
    # PETRARCH: a primary phrase with no code shares the codes of the next entry that has some
    assert front.names == ("FIRST FRONT", "SECOND FRONT") and front.codes == (CodeRange("ATLREB"),)
    assert broken.codes == (CodeRange("ATLGOV"),) and len(errors) == 1 and "2004017" in errors[0]


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("040309", "2004-03-09"),
        ("700101", "1970-01-01"),
        ("20120507", "2012-05-07"),
        ("2004017", None),
        ("20121340", None),
    ],
)
def test_phoenix_dates_two_and_four_digit_years(raw: str, iso: str | None) -> None:
    assert parse_date(raw) == iso


def test_phoenix_agents_plurals_markers_and_placement() -> None:
    text = """\
!PERSON! = MAN, WOMAN
POLICE {} [~COP]
TROOP [~MIL] # automatic plural
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]
CONGRESS!PERSON! [~LEG]
HUMAN_RIGHTS_BODY_ [NGO~]
"""
    agents = {a.phrase: (a.code, a.after_country) for a in parse_agents(text.splitlines())}
    assert agents["POLICE"] == ("COP", True) and "POLICES" not in agents
    assert agents["TROOPS"] == ("MIL", True)
    assert agents["ATTORNEYS GENERAL"] == ("GOVATG", True)
    assert {"CONGRESSMAN", "CONGRESSWOMAN"} <= set(agents)
    assert agents["HUMAN RIGHTS BODY"] == ("NGO", False) and "HUMAN RIGHTS BODYS" not in agents


@pytest.mark.parametrize(
    ("code", "country", "sector"),
    [
        ("RUSGOV", "RUS", "GOV"),
        ("PSEREB", "PSE", "REB"),
        ("IGOUNO", None, "IGO"),
        ("USAGOVLEG", "USA", "LEG"),
        ("IRQCVL", "IRQ", "CIV"),
        ("AFG", "AFG", None),
        ("ELI", None, "ELI"),
        ("IMGMUSALQ", None, "REB"),
    ],
)
def test_cameo_codes_split_into_country_and_sector(
    code: str, country: str | None, sector: str | None
) -> None:
    assert split_code(code) == (country, sector)


def test_make_code_from_country_and_sector() -> None:
    assert make_code("IRQ", "COP") == "IRQCOP"
    assert make_code("PER", "CIV") == "PERCVL"
    assert make_code(None, "IGO") == "IGO"
    assert make_code(None, None) is None


def _role(code: str, start: str | None, end: str | None) -> KnownActor:
    country, sector = split_code(code)
    return KnownActor(
        "Jan Kowal",
        ("Kowal",),
        "PERSON",
        country,
        sector,
        start,
        end,
        "kb:compiled",
        code,
        kb_id_of("PERSON", "Jan Kowal"),
    )


def test_date_rule_role_valid_at_article_date_wins_over_ended_one() -> None:
    d = ActorDictionary([_role("POLGOV", "2001-01-01", "2009-12-31"), _role("POLLEG", "2015-06-01", None)])
    assert d.lookup("Kowal", "2020-05-01").code == "POLLEG"  # type: ignore[union-attr]
    assert d.lookup("Jan Kowal", "2005-05-01").code == "POLGOV"  # type: ignore[union-attr]


def test_date_rule_only_ended_role_makes_a_former_office_holder() -> None:
    d = ActorDictionary([_role("POLGOV", "2001-01-01", "2009-12-31")])
    former = d.lookup("Kowal", "2012-01-01")
    assert former is not None and (former.country, former.sector, former.code) == ("POL", "ELI", "POLELI")
    assert d.lookup("Kowal", "2013-01-01") is former  # one object per role: coreference compares identities


def test_date_rule_in_the_compiled_kb() -> None:
    kb = actor_dictionary()
    lavrov = kb.lookup("Lavrov", "2022-03-10")
    assert lavrov is not None and lavrov.code == "RUSGOV" and lavrov.country == "RUS"
    putin = kb.lookup("Vladimir Putin", "1995-01-01")
    assert putin is not None and putin.sector == "ELI"  # before he took office: an elite, not the government
    assert kb.lookup("Vladimir Putin", "2022-01-01").sector == "GOV"  # type: ignore[union-attr]


def test_compiled_kb_has_the_dictionaries_and_stable_ids() -> None:
    kb = actor_dictionary()
    assert kb.lookup("Hezbollah").country == "LBN"  # type: ignore[union-attr]
    un = kb.lookup("United Nations")
    assert un is not None and un.sector == "IGO"
    a, b = kb.lookup("Sergey Lavrov", "2020-01-01"), kb.lookup("Sergei Lavrov", "2012-01-01")
    assert a is not None and b is not None and a.kb_id == b.kb_id
    assert kb.lookup("Kabul") is None  # a country's synonyms are places, not actors


def test_surname_lookup_needs_a_single_person() -> None:
    d = ActorDictionary(
        [
            _role("POLGOV", "2015-01-01", None),
            KnownActor("Anna Nowak", (), "PERSON", "POL", "GOV", None, None, "kb:compiled", "POLGOV", "x1"),
            KnownActor("Piotr Nowak", (), "PERSON", "POL", "MIL", None, None, "kb:compiled", "POLMIL", "x2"),
        ]
    )
    assert d.surname("Kowal", "2020-01-01").code == "POLGOV"  # type: ignore[union-attr]
    assert d.surname("Nowak") is None
    assert d.surname("Nowak", initial="P").code == "POLMIL"  # type: ignore[union-attr]


def test_user_phoenix_file_overrides_bundled_kb(tmp_path: Path) -> None:
    f = tmp_path / "mine.actors.txt"
    f.write_text(
        "SERGEY_LAVROV_\n+LAVROV\n\t[RUSMIL >20200101]\nACME_MINING_CORP_ [ZAFBUS]\n", encoding="utf-8"
    )
    entries = read_actor_file(f)
    assert {e.code for e in entries} == {"RUSMIL", "ZAFBUS"}
    kb = actor_dictionary(str(f))
    assert kb.lookup("Lavrov", "2022-01-01").code == "RUSMIL"  # type: ignore[union-attr]
    assert kb.lookup("Acme Mining Corp").country == "ZAF"  # type: ignore[union-attr]
    assert actor_dictionary().lookup("Lavrov", "2022-01-01").code == "RUSGOV"  # type: ignore[union-attr]
