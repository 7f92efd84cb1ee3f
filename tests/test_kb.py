"""Knowledge base: countries (names, demonyms, capitals), known actors with validity dates, user files."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.kb import actor_dictionary, countries, normalize, read_actor_file


@pytest.mark.parametrize(
    ("text", "iso3", "how"),
    [
        ("Iran", "IRN", "country"),
        ("the United States", "USA", "country"),
        ("U.S.", "USA", "country"),
        ("Britain", "GBR", "country"),
        ("North Korea", "PRK", "country"),
        ("Democratic People's Republic of Korea", "PRK", "country"),
        ("Iranian", "IRN", "demonym"),
        ("Palestinians", "PSE", "demonym"),
        ("Filipino", "PHL", "demonym"),
        ("Swiss", "CHE", "demonym"),
        ("Tehran", "IRN", "capital"),
        ("Moscow", "RUS", "capital"),
        ("Nairobi", "KEN", "capital"),
    ],
)
def test_kb_country_index_finds_names_demonyms_capitals(text: str, iso3: str, how: str) -> None:
    assert countries().any(text) == (iso3, how)


def test_kb_country_index_covers_every_iso_country() -> None:
    index = countries()
    assert len(index.by_iso3) >= 249
    assert index.by_iso3["IRN"].capital == "Tehran"
    assert index.any("Atlantis") is None


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("The Hamas", "hamas"),
        ("Lebanon\u2019s", "lebanon"),
        ("  White   House ", "white house"),
        ("U.S.", "u.s."),
    ],
)
def test_kb_normalize_strips_article_and_possessive(raw: str, key: str) -> None:
    assert normalize(raw) == key


@pytest.mark.parametrize(
    ("name", "date", "country", "sector"),
    [
        ("Hezbollah", None, "LBN", "REB"),
        ("the Kremlin", None, "RUS", "GOV"),
        ("Pentagon", None, "USA", "MIL"),
        ("NATO", None, None, "IGO"),
        ("Taliban", "2019-05-01", "AFG", "REB"),
        ("Taliban", "2022-05-01", "AFG", "GOV"),
    ],
)
def test_kb_actor_dictionary_lookup_respects_dates(
    name: str, date: str | None, country: str | None, sector: str
) -> None:
    entry = actor_dictionary().lookup(name, date)
    assert entry is not None
    assert (entry.country, entry.sector) == (country, sector)


def test_kb_actor_dictionary_partial_date_compares_prefix() -> None:
    entry = actor_dictionary().lookup("Taliban", "2022")
    assert entry is not None and entry.sector == "GOV"


def test_kb_user_yaml_file_overrides_builtin(tmp_path: Path) -> None:
    f = tmp_path / "mine.yaml"
    f.write_text(
        "- {name: Hezbollah, kind: ORG, country: LBN, sector: POL}\n"
        "- {name: Acme Mining, aliases: [Acme], kind: ORG, country: ZAF, sector: BUS}\n",
        encoding="utf-8",
    )
    d = actor_dictionary(str(f))
    assert d.lookup("Hezbollah").sector == "POL"  # type: ignore[union-attr]
    assert d.lookup("Acme").country == "ZAF"  # type: ignore[union-attr]


def test_kb_user_csv_file_reads_aliases(tmp_path: Path) -> None:
    f = tmp_path / "mine.csv"
    f.write_text(
        "name,aliases,kind,country,sector,valid_from,valid_to\n"
        "Kenya Defence Forces,KDF|Kenyan army,ORG,KEN,MIL,,\n",
        encoding="utf-8",
    )
    entries = read_actor_file(f)
    assert entries[0].aliases == ("KDF", "Kenyan army")
    assert actor_dictionary(str(f)).lookup("KDF").sector == "MIL"  # type: ignore[union-attr]


def test_kb_user_file_without_name_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "bad.yaml"
    f.write_text("- {country: KEN}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no name"):
        read_actor_file(f)


def test_kb_build_script_reproduces_committed_csv() -> None:
    import importlib.util

    root = Path(__file__).resolve().parents[1]
    spec = importlib.util.spec_from_file_location("build_kb", root / "scripts" / "build_kb.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rows = module.build_rows()
    committed = (root / "src" / "newsevents" / "kb" / "countries.csv").read_text(encoding="utf-8")
    assert len(committed.strip().splitlines()) == len(rows) + 1
    assert any(r["iso3"] == "PSE" and r["capital"] for r in rows)
