"""The grammatical gender a person's name implies, for he/she agreement.

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

from newsevents.extract.actors.roles import lexicon

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
