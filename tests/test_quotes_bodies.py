"""Bodies that speak through documents ("the statement said" → the ministry that issued it), never the
word "statement"; hand-made sentences."""

from __future__ import annotations

import pytest
from tests.test_quotes_support import quotes


def _speaker_of(text: str, content_word: str) -> str | None:
    found = [q for q in quotes(text) if content_word in q.content.text]
    assert found, f"no quote holding {content_word!r}: {[q.content.text for q in quotes(text)]}"
    s = found[0].speaker
    return s.name if s is not None else None


@pytest.mark.parametrize(
    ("text", "word", "issuer"),
    [
        (
            "The Ministry of Defence issued a statement on Friday. The border would stay closed until "
            "further notice, the statement said.",
            "border",
            "Ministry of Defence",
        ),
        (
            "The harbour would reopen in May, according to a statement by the Port Authority of Lagos.",
            "harbour",
            "Port Authority of Lagos",
        ),
        (
            "The Kenyan Red Cross said in a statement that six people had died. "
            "The statement said more rain was expected on Sunday.",
            "rain",
            "Kenyan Red Cross",
        ),
    ],
)
def test_quotes_statement_speaks_for_its_issuer(text: str, word: str, issuer: str) -> None:
    name = _speaker_of(text, word)
    assert name is not None and issuer in name


def test_quotes_statement_without_issuer_is_no_speaker() -> None:
    text = "Heavy rain fell overnight. The roads would stay closed for two days, the statement said."
    name = _speaker_of(text, "roads")
    assert name is None or "statement" not in name.lower()


def test_quotes_outlet_citing_someone_is_not_the_speaker() -> None:
    text = (
        "Reuters cited party spokesperson Fadzai Moyo as telling journalists outside court: "
        "“This shows the arrest was an abuse of process.”"
    )
    assert _speaker_of(text, "abuse") == "Fadzai Moyo"


def test_quotes_body_named_by_its_members_keeps_them_in_its_name() -> None:
    text = "Police arrested 17 protesters in the capital, said a coalition of human rights groups."
    name = _speaker_of(text, "protesters")
    assert name is not None and "coalition of human rights groups" in name


def test_quotes_first_person_in_quote_gives_way_to_the_words_before_the_cue() -> None:
    # The parser misreads "PM Nadia Rahim" after the closing mark; the speaker is still not "I".
    text = "“I look forward to visiting the capital in March,” PM Nadia Rahim tweeted."
    name = _speaker_of(text, "visiting")
    assert name is not None and "Rahim" in name
