"""Indirect and mixed speech with the real model: cues, content boundaries, speakers, continuations."""

from __future__ import annotations

import pytest

from test_quotes_support import assert_spans_valid, only_quote, quotes, speaker_words


@pytest.mark.parametrize(
    ("text", "content", "speaker", "cue"),
    [
        (
            "Lavrov said that Moscow would respond to any new sanctions.",
            "Moscow would respond to any new sanctions",
            "Lavrov",
            "said",
        ),
        (
            "Erdogan said the occupiers must leave the region immediately.",
            "the occupiers must leave the region immediately",
            "Erdogan",
            "said",
        ),
        (
            "The prime minister noted that inflation had fallen for the third month in a row.",
            "inflation had fallen for the third month in a row",
            "prime minister",
            "noted",
        ),
        (
            "Guterres stressed that humanitarian aid must reach Gaza without delay.",
            "humanitarian aid must reach Gaza without delay",
            "Guterres",
            "stressed",
        ),
        (
            "The central bank warned that interest rates could rise again next year.",
            "interest rates could rise again next year",
            "central bank",
            "warned",
        ),
        (
            "Pentagon spokesman John Kirby told reporters the drills would continue through June.",
            "the drills would continue through June",
            "Kirby",
            "told",
        ),
    ],
)
def test_quotes_indirect_reporting_verb_with_content_clause(
    text: str, content: str, speaker: str, cue: str
) -> None:
    q = only_quote(text)
    assert (q.kind, q.rule) == ("indirect", "quotes.indirect.clause")
    assert q.content.text == content  # no cue, no speaker, no "that", no final period
    assert speaker in speaker_words(q)
    assert q.cue is not None and q.cue.text == cue
    assert_spans_valid(text, q)


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "New U.S. sanctions are proof of Washington's failure, spokesman Saeed Khatibzadeh said on Thursday.",
            "New U.S. sanctions are proof of Washington's failure",
            "Khatibzadeh",
        ),
        (
            "The border crossing will reopen on Monday, but trucks will still be inspected, officials said.",
            "The border crossing will reopen on Monday, but trucks will still be inspected",
            "officials",
        ),
    ],
)
def test_quotes_indirect_content_before_the_cue(text: str, content: str, speaker: str) -> None:
    q = only_quote(text)
    assert q.content.text == content
    assert speaker in speaker_words(q)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "But, she added, the government will not negotiate with armed groups.",
            "the government will not negotiate",
        ),
        ("And, he said, the army would stay in the north for now.", "the army would stay in the north"),
    ],
)
def test_quotes_indirect_parenthetical_cue(text: str, content: str) -> None:
    q = only_quote(text)
    assert q.rule == "quotes.indirect.parenthetical"
    assert q.content.text.startswith(content)
    assert q.speaker is not None and q.speaker.mention.text.lower() in ("she", "he")


@pytest.mark.parametrize("participle", ["adding", "stressing", "noting", "warning"])
def test_quotes_indirect_participial_continuation_is_a_new_quote_by_the_same_speaker(participle: str) -> None:
    text = (
        f"The finance minister said the economy was recovering, {participle} that unemployment "
        "would fall further this year."
    )
    first, second = quotes(text)
    assert first.content.text == "the economy was recovering"
    assert second.rule == "quotes.participial"
    assert second.content.text == "unemployment would fall further this year"
    assert first.speaker is not None and second.speaker is not None
    assert second.speaker.mention == first.speaker.mention
    assert "minister" in speaker_words(second)


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "According to the health ministry, at least 40 people were killed in the strikes.",
            "at least 40 people were killed in the strikes",
            "health ministry",
        ),
        (
            "At least 40 people were killed in the strikes, according to the health ministry.",
            "At least 40 people were killed in the strikes",
            "health ministry",
        ),
        # a report of speech reported by someone else: the outer source speaks, the content keeps "X said"
        (
            "Kim said she would vote against the budget, according to two reporters who were in the room.",
            "Kim said she would vote against the budget",
            "reporters",
        ),
        (
            "The governor told donors that the race was far from over, according to two people in the room.",
            "The governor told donors that the race was far from over",
            "two people",
        ),
    ],
)
def test_quotes_indirect_according_to(text: str, content: str, speaker: str) -> None:
    q = only_quote(text)
    assert q.rule == "quotes.indirect.according-to"
    assert q.content.text == content
    assert speaker in speaker_words(q)
    assert q.cue is not None and q.cue.text.lower() == "according to"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Kyiv accused Moscow of shelling civilian areas near the plant.",
            "Moscow of shelling civilian areas",
        ),
        (
            "The senator urged Congress to pass the aid package before the recess.",
            "Congress to pass the aid package",
        ),
    ],
)
def test_quotes_indirect_object_content(text: str, content: str) -> None:
    q = only_quote(text)
    assert q.rule == "quotes.indirect.object"
    assert q.content.text.startswith(content)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Turkey's foreign minister says talks with Sweden will resume next month.",
            "Turkey's foreign minister",
        ),
        ("EU leaders say the bloc will not recognise the vote.", "EU leaders"),
    ],
)
def test_quotes_indirect_headline_form_with_says(text: str, speaker: str) -> None:
    q = only_quote(text)
    assert q.speaker is not None and q.speaker.mention.text == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Officials said the bridge would remain closed until Friday.", "Officials"),
        ("Witnesses told the BBC that the shooting lasted several minutes.", "Witnesses"),
    ],
)
def test_quotes_indirect_generic_speaker_keeps_its_words(text: str, speaker: str) -> None:
    q = only_quote(text)
    assert q.speaker is not None
    assert (q.speaker.name, q.speaker.mention.text, q.speaker.resolved_by) == (speaker, speaker, "none")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The ministry said the convoy had been attacked near the border.", "ministry"),
        ("A statement from the army said two soldiers were wounded in the clash.", "statement"),
    ],
)
def test_quotes_indirect_organisations_and_documents_speak(text: str, speaker: str) -> None:
    q = only_quote(text)
    assert speaker in speaker_words(q)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("The mediators said they had made “no progress” on a ceasefire.", "“no progress”"),
        (
            'Critics argued the reform was "a gift to the banks" and would raise rents.',
            '"a gift to the banks"',
        ),
    ],
)
def test_quotes_indirect_with_quoted_fragment_is_mixed(text: str, fragment: str) -> None:
    q = only_quote(text)
    assert q.kind == "mixed"
    assert fragment in q.content.text


def test_quotes_indirect_repeated_lead_paragraph_yields_a_quote_per_occurrence() -> None:
    lead = "The foreign minister said the embassy would reopen in the spring."
    text = f"{lead}\n\nThe embassy closed in 2022.\n\n{lead}"
    found = quotes(text)
    assert len(found) == 2
    assert found[0].content.text == found[1].content.text
    assert found[0].content.start != found[1].content.start


def test_quotes_indirect_cue_of_a_direct_quote_is_not_reported_twice() -> None:
    text = "The minister told reporters: “We will open the border when it is safe to do so.”"
    q = only_quote(text)
    assert q.kind == "direct"


def test_quotes_indirect_non_speech_uses_of_cue_words_are_ignored() -> None:
    text = "The Islamic Republic will continue its support for the movement. She read the report twice."
    assert quotes(text) == ()


def test_quotes_indirect_relative_pronoun_speaker_is_the_noun_it_refers_to() -> None:
    text = "The plan was backed by David Kamin, a law professor, who said that it would simplify returns."
    q = only_quote(text)
    assert q.content.text == "it would simplify returns"
    assert q.speaker is not None
    assert "Kamin" in q.speaker.name and q.speaker.mention.text.endswith("who")
