"""Role lexicon (``kb/roles.yaml``) and the country/sector clues read off words around a mention.

A role noun ("lawmaker", "ministry", "protesters") can head a nominal mention and brings a kind
(person/group/org/country), a sector and sometimes a gender; demonyms, country names, possessive capitals
("Tehran's") give a country.  All word lists are data; this module only indexes them (once per process).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from newsevents.annotate.doc import AnnotatedDoc
from newsevents.kb import countries


@dataclass(frozen=True, slots=True)
class RoleWord:
    lemma: str
    kind: str  # person, group, org, country
    sector: str | None
    gender: str | None


@dataclass(frozen=True, slots=True)
class Honorific:
    gender: str | None
    role: str | None
    sector: str | None


@dataclass(frozen=True, slots=True)
class PronounInfo:
    gender: str  # m, f, n
    number: str  # sg, pl


class Lexicon:
    """Indexed contents of ``roles.yaml`` and ``forenames.csv``."""

    def __init__(self, data: dict[str, Any], forenames: dict[str, str]) -> None:
        self.roles = {
            k.lower(): RoleWord(k.lower(), v.get("kind", "person"), v.get("sector"), v.get("gender"))
            for k, v in data["roles"].items()
        }
        self.sector_words: dict[str, str] = {k.lower(): v for k, v in data["sector_words"].items()}
        self.honorifics = {
            k.lower(): Honorific(v.get("gender"), v.get("role"), v.get("sector"))
            for k, v in data["honorifics"].items()
        }
        self.reporting_verbs = frozenset(v.lower() for v in data["reporting_verbs"])
        self.pronouns = {k: PronounInfo(v["gender"], v["number"]) for k, v in data["pronouns"].items()}
        self.forenames = forenames

    def role(self, word: str) -> RoleWord | None:
        return self.roles.get(word.lower())

    def honorific(self, word: str) -> Honorific | None:
        return self.honorifics.get(word.lower().rstrip("."))

    def sector_of_word(self, word: str) -> str | None:
        w = word.lower()
        hit = self.sector_words.get(w)
        if hit:
            return hit
        role = self.roles.get(w)
        return role.sector if role else None

    def gender_of_forename(self, word: str) -> str | None:
        return self.forenames.get(word.lower())


@functools.cache
def lexicon() -> Lexicon:
    """The role lexicon, loaded once per process."""
    pkg = resources.files("newsevents.kb")
    data = yaml.safe_load(pkg.joinpath("roles.yaml").read_text(encoding="utf-8"))
    forenames: dict[str, str] = {}
    for line in pkg.joinpath("forenames.csv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and line != "forename,gender":
            name, _, gender = line.partition(",")
            forenames[name.strip().lower()] = gender.strip()
    return Lexicon(data, forenames)


def country_clue(doc: AnnotatedDoc, tokens: list[int]) -> tuple[str, str] | None:
    """The first (ISO alpha-3, how) given by the tokens: demonym, country name, a capital's name, or a place
    name the gazetteer knows (a city or US state: "the California Democrat" → USA).

    Entity spans are looked up whole ("South Korean", "the United States"); other words one by one
    (spaCy does not always tag a demonym adjective as NORP).
    """
    index = countries()
    seen_ents: set[int] = set()
    for i in tokens:
        tok = doc.tokens[i]
        k = doc.ent_of_token[i]
        if k is not None and k not in seen_ents and doc.ents[k].label in ("GPE", "NORP", "LOC", "ORG"):
            seen_ents.add(k)
            hit = index.any(doc.ents[k].text)
            if hit is None and doc.ents[k].label == "GPE":
                hit = place_country(doc.ents[k].text)  # "the California Democrat", "the Lagos governor"
            if hit is not None:
                return hit
        if tok.text[:1].isupper():  # then the word alone: "Pakistani" in the ORG "Pakistani Army"
            hit = index.any(tok.text)
            if hit is not None:
                return hit
    return None


def place_country(name: str) -> tuple[str, str] | None:
    """(country, "city"/"state"/...) of a populated place or US state the gazetteer knows (GeoNames)."""
    from newsevents.extract.places import gazetteer  # built on first use: only articles that need it pay

    found = gazetteer().lookup(name)
    if found is not None and found[0].country:
        return found[0].country, found[0].kind
    return None


def sector_clue(words: list[str]) -> str | None:
    """The sector of the right-most word that has one ("foreign ministry spokesman" → GOV)."""
    lex = lexicon()
    for w in reversed(words):
        sector = lex.sector_of_word(w)
        if sector:
            return sector
    return None
