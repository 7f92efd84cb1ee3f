"""People's gender and names: what a forename, a family name's ending, a title or a kinship/role noun next
to a name says about the person's gender (for he/she agreement), and whether a run of proper nouns the
entity tagger missed or mislabelled is a person's name (:func:`personal_name`, :func:`lone_forename`).

Evidence, strongest first (``gender_evidence``):

* a title or a gendered noun right next to the name — "Queen Elizabeth", "actress Meryl Streep", "his
  wife, Dorothy", "Dorothy, his wife", "Lucy was his daughter" (``kb/gender_words.yaml``); honorifics
  ("Mrs.", "Sir") are read where the mention is built.  These settle the gender;
* the forename: the project's short list of forenames common in news (``kb/forenames.csv``, which settles
  a few names the general list gets wrong for news), then gender-guesser (PyPI, the ~45,000-name
  dictionary of Jörg Michael with counts by country).  A forename gender-guesser calls plainly male or
  female, followed by a family name ("Rachel Hunter"), is *confident* and settles the gender; "mostly
  male/female" forenames, and a name of one word (in news and encyclopaedia text a lone "Allen" or
  "Johnson" is usually a family name), are only *guessed*: a pronoun of the other gender costs in the
  pronoun score but may still link.  Names used for both ("andy") or unknown say nothing;
* the ending of a family name that has a woman's and a man's form (Slavic and Baltic: "Sharapova" /
  "Sharapov", "Grybauskaitė"), guessed, when no forename says anything.

The dictionary is read once per process, on first use (~0.8 s), and answers are cached.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from newsevents.annotate.doc import AnnotatedDoc
from newsevents.extract.actors.roles import Honorific, lexicon
from newsevents.kb import ActorDictionary, countries

_GUESSER_GENDER = {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f"}
_CONFIDENT = frozenset({"male", "female"})


@dataclass(frozen=True, slots=True)
class GenderWords:
    """Contents of ``kb/gender_words.yaml``."""

    titles: dict[str, str]
    nouns: dict[str, str]
    endings: tuple[tuple[str, str], ...]  # (ending, gender), longest first


@functools.cache
def gender_words() -> GenderWords:
    data = yaml.safe_load(
        resources.files("newsevents.kb").joinpath("gender_words.yaml").read_text(encoding="utf-8")
    )

    def index(section: dict[str, list[str]]) -> dict[str, str]:
        return {w.lower(): g for g, words in section.items() for w in words}

    endings = sorted(
        ((e.lower(), g) for g, es in data["surname_endings"].items() for e in es), key=lambda p: -len(p[0])
    )
    return GenderWords(index(data["titles"]), index(data["nouns"]), tuple(endings))


@functools.cache
def _detector() -> Any:
    import gender_guesser.detector as gd  # no types; read lazily: importing newsevents stays cheap

    return gd.Detector(case_sensitive=False)


def _forename_word(word: str) -> str | None:
    w = word.strip(".,")
    if len(w) < 2 or not w[0].isupper() or not w.replace("-", "").replace("'", "").isalpha():
        return None  # initials ("J."), lower-case words and numbers say nothing
    return w


@functools.lru_cache(maxsize=16384)
def forename_info(word: str) -> tuple[str | None, bool]:
    """(``m``/``f``/None, confident) for a capitalised forename: the news list and gender-guesser's plain
    male/female are confident, its "mostly" answers are not."""
    w = _forename_word(word)
    if w is None:
        return None, False
    hit = lexicon().gender_of_forename(w)
    if hit:
        return hit, True
    answer = _detector().get_gender(w)
    return _GUESSER_GENDER.get(answer), answer in _CONFIDENT


# gender-guesser's counts are one hexadecimal digit a country (1: rare ... D: very common); its first three
# countries are Great Britain, Ireland and the USA, the English-speaking ones.
_ENGLISH_COUNTRIES = 3
_COMMON = 2


@functools.lru_cache(maxsize=16384)
def common_forename(word: str) -> bool:
    """Is ``word`` a forename common in English that is plainly male or female: one of the project's news
    forenames, or one gender-guesser calls male/female with a count of at least 2 in an English-speaking
    country.  Many English family names are also men's forenames, but rare ones ("Jones", "Walker",
    "Hudson" count 1); a forename used as often as "Tony" or "Natasha" is seldom a family name."""
    w = _forename_word(word)
    if w is None:
        return False
    if lexicon().gender_of_forename(w):
        return True
    detector = _detector()
    if detector.get_gender(w) not in _CONFIDENT:
        return False
    # ``names`` is the parsed dictionary (name -> gender -> counts by country); the API reads no counts.
    counts = detector.names.get(w.lower(), {}).values()
    return any(int(ch, 16) >= _COMMON for row in counts for ch in row[:_ENGLISH_COUNTRIES] if ch.strip())


def forename_gender(word: str) -> str | None:
    """``m``, ``f`` or None for a capitalised forename ("Sven" → m, "Liv" → f, "Xi" → None)."""
    return forename_info(word)[0]


def surname_gender(word: str) -> str | None:
    """The gender a family name's ending marks ("Navratilova" → f, "Pospisilov" → m), else None."""
    w = word.strip(".,").lower()
    if not w.isalpha():
        return None
    for ending, gender in gender_words().endings:
        if len(w) >= len(ending) + 3 and w.endswith(ending):
            return gender
    return None


def name_gender_info(name: str) -> tuple[str | None, bool]:
    """(gender, confident) of a person's full name: the first word that is not an initial, as a forename
    (confident only when a family name follows it), else the last word's ending as a family name."""
    words = [w for w in name.split() if len(w.strip(".,")) > 1]
    if not words:
        return None, False
    gender, confident = forename_info(words[0])
    if gender is not None:
        return gender, confident and len(words) > 1
    return surname_gender(words[-1]), False


def name_gender(name: str) -> str | None:
    """The gender a person's full name suggests (see :func:`name_gender_info`)."""
    return name_gender_info(name)[0]


def _gender_noun(doc: AnnotatedDoc, i: int) -> str | None:
    tok = doc.tokens[i]
    words = gender_words().nouns
    return words.get(tok.lemma.lower()) or words.get(tok.lower)


def context_gender(doc: AnnotatedDoc, start: int, end: int, head: int) -> tuple[str, str] | None:
    """(gender, how) from the words next to a person's name ``[start, end)``: a title right before it
    ("Lady Mary"), a gendered noun before it in the same phrase ("actress Meryl Streep", "his wife
    Dorothy"), in apposition either way ("his wife, Dorothy" / "Dorothy, his wife") or as the predicate of
    "be" with the name as subject ("Lucy was his daughter")."""
    if start > 0:
        before = doc.tokens[start - 1]
        title = gender_words().titles.get(before.lower.rstrip("."))
        if title and before.text[:1].isupper() and before.sent == doc.tokens[start].sent:
            return title, "title"
        noun = _gender_noun(doc, start - 1)
        if noun and (start <= before.head < end or doc.tokens[head].head == start - 1):
            return noun, "noun_before"
    tok = doc.tokens[head]
    if tok.dep == "appos" and tok.head != head:
        noun = _gender_noun(doc, tok.head)
        if noun:
            return noun, "apposition"
    for c in doc.children[head]:
        if doc.tokens[c].dep == "appos" and c > head:
            noun = _gender_noun(doc, c)
            if noun:
                return noun, "apposition"
    if tok.dep in ("nsubj", "nsubjpass") and doc.tokens[tok.head].lemma.lower() == "be":
        for c in doc.children[tok.head]:
            if doc.tokens[c].dep == "attr" and c > head:
                noun = _gender_noun(doc, c)
                if noun:
                    return noun, "predicate"
    return None


def person_gender(
    doc: AnnotatedDoc, start: int, end: int, head: int, text_key: str, honorific: Honorific | None
) -> tuple[str | None, bool]:
    """(gender, guessed) of a person's name mention: honorific ("Mrs."), else the words next to the name
    (:func:`context_gender`), else the name itself, guessed (:func:`name_gender`)."""
    if honorific is not None and honorific.gender:
        return honorific.gender, False
    first = text_key.split()[0] if " " in text_key else ""
    title = gender_words().titles.get(first.lower().rstrip("."))
    if title and first[:1].isupper():
        return title, False  # the tagger kept the title in the name: "Queen Elizabeth", "Lady Mary"
    near = context_gender(doc, start, end, head)
    if near is not None:
        return near[0], False
    gender = name_gender(text_key)
    if gender is not None and " " not in text_key and common_forename(text_key):
        # A lone common forename ("Tony", "Natasha") is how fiction and biographies name a person: it
        # settles the gender, so "her" no longer goes to a Tony (common family names stay guessed).
        return gender, False
    return gender, gender is not None


# Entity labels spaCy's small model gives to people it does not recognise as such ("AnnaLynne McCord" as a
# PRODUCT); a run of proper nouns under them, or under no entity, may still be a person's name.
MISLABELLED = frozenset({"", "PRODUCT", "WORK_OF_ART", "FAC", "LOC", "EVENT", "LAW"})


def personal_name(
    doc: AnnotatedDoc, start: int, end: int, text: str, date: str | None, known: ActorDictionary
) -> bool:
    """Two or three capitalised proper nouns, the first a forename the names dataset knows, none a word
    of an office, body or sector, and not a known actor: a person whatever the entity tagger said."""
    words = text.split()
    if not 2 <= len(words) <= 3 or end - start != len(words):
        return False
    lex = lexicon()
    if any(doc.tokens[k].pos != "PROPN" or not name_word(doc.tokens[k].text) for k in range(start, end)):
        return False
    if any(lex.role(w) or lex.sector_of_word(w) or countries().any(w) for w in words):
        return False
    return forename_gender(words[0]) is not None and known.lookup(text, date) is None


def lone_forename(
    doc: AnnotatedDoc, start: int, end: int, text: str, date: str | None, known: ActorDictionary
) -> bool:
    """One proper noun the tagger called an organisation, a place or a nationality that is a forename the
    names dataset calls plainly male or female ("Matilda", "Rebecca"), and no country, city, US state,
    office, body or known actor: a person.  (The small model tags many women's names ending in -a as
    places.)"""
    # (A sentence's first word inside an entity may be tagged NOUN: "Rebecca smiled".)
    if end - start != 1 or doc.tokens[start].pos not in ("PROPN", "NOUN") or not name_word(text):
        return False
    gender, confident = forename_info(text)
    if gender is None or not confident:
        return False
    lex = lexicon()
    if lex.role(text) or lex.sector_of_word(text) or countries().any(text) or known.lookup(text, date):
        return False
    from newsevents.extract.places import gazetteer  # built on first use (~0.25 s), only when needed

    place = gazetteer().lookup(text)
    # The gazetteer also answers alternate spellings ("Nina" → Neenah): only a place of that very name, or
    # a big one, outweighs the forename.
    return place is None or (place[0].name != text and place[0].population < 500_000)


def name_word(text: str) -> bool:
    return len(text) > 1 and text[0].isupper() and not text.isupper() and text.replace("-", "").isalpha()


def family_names_alone(names: list[Any]) -> None:
    """A one-word name that is the last word of a person's full name elsewhere in the text ("Johnson" and
    "George C. Johnson") is a family name: its forename guess says nothing (a woman called Johnson is not a
    man because "Johnson" is also a man's forename).  ``names``: the article's name mentions."""
    surnames = {
        m.text_key.split()[-1].lower() for m in names if m.label == "PERSON" and len(m.text_key.split()) > 1
    }
    for m in names:
        if (
            m.label == "PERSON"
            and (m.gender_guessed or _from_common_forename(m))
            and " " not in m.text_key
            and m.text_key.lower() in surnames
        ):
            m.gender, m.gender_guessed = None, False


def _from_common_forename(m: Any) -> bool:
    """Was the gender of a one-word name settled by :func:`common_forename` only (no honorific; a title or
    kinship noun next to it could also agree, and is then lost: rare for a family name)?"""
    return m.honorific is None and common_forename(m.text_key) and m.gender == forename_gender(m.text_key)


# Verbs whose subject (or, passive, object) can only be a person: "Flagstad married ...", "was born".
PERSON_VERBS = frozenset({"marry", "divorce", "wed", "bear", "die"})


def people_named_alone(doc: AnnotatedDoc, names: list[Any], known: ActorDictionary, date: str | None) -> None:
    """A one-word name the tagger called an organisation, a place or a nationality is a person when the
    same word is a person's name elsewhere in the text (the small model tags one surname differently from
    one sentence to the next), when it is the subject of a verb only people do ("Flagstad married ...",
    "Streep was born ..."), or when it owns a kinship noun ("Flagstad's husband").  Countries and known
    actors stay what they are.  ``names``: the article's name mentions, relabelled in place."""
    person_words = {w.lower() for m in names if m.label == "PERSON" for w in m.text_key.split() if len(w) > 2}
    for m in names:
        if (
            m.label not in ("ORG", "GPE", "NORP", "LOC", "FAC")
            or " " in m.text_key
            or not name_word(m.text_key)
        ):
            continue
        if countries().any(m.text_key) or known.lookup(m.text_key, date):
            continue
        tok = doc.tokens[m.head]
        governor = doc.tokens[tok.head]
        acts = tok.dep in ("nsubj", "nsubjpass") and governor.lemma.lower() in PERSON_VERBS
        owns = tok.dep == "poss" and governor.lemma.lower() in gender_words().nouns
        if m.text_key.lower() in person_words or acts or owns:
            m.label, m.country = "PERSON", None
            m.gender, m.gender_guessed = person_gender(doc, m.start, m.end, m.head, m.text_key, None)
