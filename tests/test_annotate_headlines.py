"""Title Case lines are parsed in sentence case (annotate/headlines.py): hand-made headlines and bodies."""

from __future__ import annotations

import pytest

from newsevents.annotate import annotate
from newsevents.annotate.headlines import title_case_lines
from newsevents.annotate.spacy_pipeline import load_pipeline, recased_lines

BODY = (
    "Kurdish rebels in southeastern Turkey said on Monday the government had shelled two villages near the "
    "border with Iraq. The rebels said the attack killed four civilians."
)


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("Kurdish Rebels In Turkey Accuse Government Of Shelling Villages", True),
        ("Senate Passes Budget Bill After a Long Night of Votes.", True),
        (
            "Kurdish rebels accuse the government of shelling villages",
            False,
        ),  # sentence case already
        ("NATO ALLIES MEET IN BRUSSELS", False),  # capitals: no clue left to use
        ("By Ann Lee", False),  # too short to be a headline
    ],
)
def test_annotate_title_case_lines(line: str, title: bool) -> None:
    assert bool(title_case_lines(f"{line}\n\n{BODY}")) is title


def test_annotate_headline_parsed_in_sentence_case() -> None:
    text = f"Kurdish Rebels In Turkey Accuse Government Of Shelling Villages Near Border\n\n{BODY}"
    doc = annotate(text)
    by_text = {t.text: t for t in doc.tokens[:12]}
    accuse = by_text["Accuse"]
    assert accuse.pos == "VERB" and accuse.lemma == "accuse"
    assert doc.tokens[accuse.head].text == "Accuse"  # the root of the headline
    assert doc.tokens[by_text["Rebels"].i].dep == "nsubj"
    assert by_text["Turkey"].ent_type == "GPE"  # the body capitalises it: kept a name
    # the text and the offsets are the article's own
    for t in doc.tokens:
        assert doc.text[t.start : t.end] == t.text
    for e in doc.ents:
        assert doc.text[e.start : e.end] == e.text
    assert doc.sents[0].start == 0 and doc.sents[1].start_token == doc.sents[0].end_token


def test_annotate_only_lines_with_common_words_are_recased() -> None:
    nlp = load_pipeline()
    byline = nlp(f"By Maria Kowalska, Jan Nowak And Ewa Wisniewska\n\n{BODY}")
    assert recased_lines(nlp, [byline]) == [[]]  # names only: the body writes none of them in lower case
    headline = nlp(f"Kurdish Rebels In Turkey Accuse Government Of Shelling Villages\n\n{BODY}")
    [[(start, end, copy)]] = recased_lines(nlp, [headline])
    assert (start, copy.text) == (
        0,
        "Kurdish rebels in Turkey accuse government of shelling villages",
    )
    assert end == len(copy)
