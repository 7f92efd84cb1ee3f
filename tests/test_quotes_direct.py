"""Direct quotes with the real model: cue after, before or inside, paragraphs, continuations, stray marks."""

from __future__ import annotations

import pytest

from test_quotes_support import assert_spans_valid, only_quote, quotes, speaker_words


@pytest.mark.parametrize(
    ("text", "content", "speaker", "cue"),
    [
        (
            "“We will not give up an inch of our land,” Kuleba told reporters in Brussels.",
            "We will not give up an inch of our land",
            "Kuleba",
            "told",
        ),
        (
            '"The reactor is stable and there is no leak," the agency said in a statement on Sunday.',
            "The reactor is stable and there is no leak",
            "agency",
            "said",
        ),
        (
            "“Why should farmers pay for a crisis they did not cause?” asked Maria Lopez, a union leader.",
            "Why should farmers pay for a crisis they did not cause?",
            "Lopez",
            "asked",
        ),
        (
            "''The bill is dead for this session,'' said Senator Harold Baines of Ohio.",
            "The bill is dead for this session",
            "Baines",
            "said",
        ),
    ],
)
def test_quotes_direct_cue_after_the_quote(text: str, content: str, speaker: str, cue: str) -> None:
    q = only_quote(text)
    assert q.kind == "direct"
    assert q.rule == "quotes.direct.after"
    assert q.content.text.rstrip("?") == content.rstrip("?")
    assert speaker in speaker_words(q)
    assert q.cue is not None and q.cue.text == cue
    assert_spans_valid(text, q)


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The minister said: “Our doors remain open to dialogue.”",
            "Our doors remain open to dialogue",
            "minister",
        ),
        (
            # a document speaks for whoever issued it (issue 14), never as the word "statement"
            "The Foreign Ministry's statement reads: “The government condemns the attack in the strongest terms.”",
            "The government condemns the attack in the strongest terms",
            "Foreign Ministry",
        ),
        (
            'In a televised address, President Ruto said, "Kenya will not be intimidated."',
            "Kenya will not be intimidated",
            "Ruto",
        ),
    ],
)
def test_quotes_direct_cue_before_the_quote(text: str, content: str, speaker: str) -> None:
    q = only_quote(text)
    assert (q.kind, q.rule) == ("direct", "quotes.direct.before")
    assert q.content.text == content
    assert speaker in speaker_words(q)


def test_quotes_direct_lead_in_sentence_ending_with_colon_attributes_next_paragraph() -> None:
    text = "The mayor wrote on Facebook:\n\n“Crime is down in every district of this city.”"
    q = only_quote(text)
    assert "mayor" in speaker_words(q)
    assert q.content.text == "Crime is down in every district of this city"


@pytest.mark.parametrize(
    "text",
    [
        "“We have a plan,” the senator said, “and we intend to carry it out.”",
        "“The talks were useful,” the senator said. “But there is still a long way to go.”",
    ],
)
def test_quotes_direct_interrupted_quote_is_one_quote(text: str) -> None:
    q = only_quote(text)
    assert "senator" in speaker_words(q)
    assert q.content.text.startswith(("We have a plan", "The talks were useful"))
    assert q.content.text.endswith(("carry it out", "long way to go"))


def test_quotes_direct_pronoun_speaker_keeps_its_mention() -> None:
    text = "Angela Merkel met the press on Friday.\n\n“Europe must stand together,” she said."
    q = only_quote(text)
    assert q.speaker is not None and q.speaker.mention.text == "she"


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        (
            "“Europe must stand together. We cannot afford division now,” Merkel said.\n\n"
            "“The coming winter will test every one of us.”",
            "Europe must stand together",
            "test every one of us",
        ),
        (
            "The coach was blunt after the defeat. “We were beaten by a better side,” Hansen said. "
            "“Nobody in that dressing room should feel sorry for themselves.”",
            "We were beaten by a better side",
            "feel sorry for themselves",
        ),
        (
            "The senator spoke for an hour.\n\n"
            "“This bill protects farmers,” she told the chamber.\n\n"
            "“It protects families too.”\n\n"
            "“And it costs less than the alternative.”",
            "This bill protects farmers",
            "costs less than the alternative",
        ),
    ],
)
def test_quotes_direct_following_all_quoted_paragraphs_continue_the_quote(
    text: str, first: str, last: str
) -> None:
    q = only_quote(text)
    assert q.content.text.startswith(first) and q.content.text.endswith(last)
    assert_spans_valid(text, q)


def test_quotes_direct_continuation_after_someone_elses_cue_is_its_own_quote() -> None:
    text = (
        "“The plant will close in May,” Keller said, adding that the union had warned of cuts.\n\n"
        "“The coming winter will test every one of us.”"
    )
    found = quotes(text)
    second = found[-1]
    assert second.rule == "quotes.direct.continued"
    assert second.content.text == "The coming winter will test every one of us"
    assert second.speaker is not None and "Keller" in second.speaker.name


def test_quotes_direct_quote_spanning_paragraphs_is_one_quote() -> None:
    text = (
        "The mayor wrote:\n\n"
        '"The city has never been safer. Crime is down in every district.\n\n'
        '"We owe this to our police officers and to our neighbours."'
    )
    q = only_quote(text)
    assert q.content.text.startswith("The city has never been safer")
    assert q.content.text.endswith("to our neighbours")


def test_quotes_direct_scare_quotes_inside_a_clause_are_not_direct_quotes() -> None:
    text = "The opposition called the budget “a betrayal” during the debate."
    assert all(q.kind != "direct" for q in quotes(text))


@pytest.mark.parametrize(
    "stray",
    [
        'The 12" pipes burst overnight.',
        'Protesters chanted "down with the government as police watched.',
        "The company’ s shares fell ” sharply.",
    ],
)
def test_quotes_direct_odd_number_of_quote_marks_keeps_the_other_quotes(stray: str) -> None:
    text = (
        f"{stray}\n\n"
        "“We will rebuild every house,” Governor Ana Ruiz said on Monday.\n\n"
        "The governor said the state would pay for temporary shelters."
    )
    found = quotes(text)
    contents = [q.content.text for q in found]
    assert "We will rebuild every house" in contents
    assert any("temporary shelters" in c for c in contents)
    for q in found:
        assert_spans_valid(text, q)
