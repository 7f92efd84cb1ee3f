"""People's names: the gender a forename implies (for he/she agreement), and whether a run of proper nouns
the entity tagger missed or mislabelled is a person's name (:func:`personal_name`).

Honorifics ("Mrs.", "Sen.") and gendered role words ("spokeswoman") are read where the mention is built;
this module answers for the forename.  Order: the project's short list of forenames common in news
(``kb/forenames.csv``, which settles a few names the general list gets wrong for news), then gender-guesser
(PyPI, the ~45,000-name dictionary of Jörg Michael with counts by country; "mostly male/female" are taken
as male/female, names used for both are left open).  The dictionary is read once per process, on first use
(~0.8 s), and answers are cached.
"""

from __future__ import annotations

import functools
from typing import Any

from newsevents.annotate.doc import AnnotatedDoc
from newsevents.extract.actors.roles import lexicon
from newsevents.kb import ActorDictionary, countries

_GUESSER_GENDER = {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f"}


@functools.cache
def _detector() -> Any:
    import gender_guesser.detector as gd  # no types; read lazily: importing newsevents stays cheap

    return gd.Detector(case_sensitive=False)


@functools.lru_cache(maxsize=16384)
def forename_gender(word: str) -> str | None:
    """``m``, ``f`` or None for a capitalised forename ("Sven" → m, "Liv" → f, "Xi" → None)."""
    w = word.strip(".,")
    if len(w) < 2 or not w[0].isupper() or not w.replace("-", "").replace("'", "").isalpha():
        return None  # initials ("J."), lower-case words and numbers say nothing
    hit = lexicon().gender_of_forename(w)
    if hit:
        return hit
    return _GUESSER_GENDER.get(_detector().get_gender(w))


def name_gender(name: str) -> str | None:
    """The gender of a person's full name: its first word that is not an initial decides."""
    for word in name.split():
        w = word.strip(".,")
        if len(w) <= 1:
            continue  # an initial: look at the next word
        return forename_gender(w)
    return None


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


def name_word(text: str) -> bool:
    return len(text) > 1 and text[0].isupper() and not text.isupper() and text.replace("-", "").isalpha()
