"""The annotation layer's copy of spaCy's analysis: clause-shaped "entities" (an NER error of the small
model) are not kept, real names are (docs built by hand, so those tests do not depend on the model); a line
break always ends a sentence."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from newsevents.annotate.spacy_pipeline import to_annotated


def _doc(words, heads, deps, pos, ents):  # type: ignore[no-untyped-def]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, ents=ents)


def test_annotate_entities_clause_shaped_entity_is_dropped() -> None:
    words = ["They", "fought", "before", "Garrett", "hit", "Rudolph", "."]
    heads = [1, 1, 4, 4, 1, 4, 1]
    deps = ["nsubj", "ROOT", "mark", "nsubj", "advcl", "dobj", "punct"]
    pos = ["PRON", "VERB", "SCONJ", "PROPN", "VERB", "PROPN", "PUNCT"]
    doc = to_annotated(_doc(words, heads, deps, pos, ["O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O"]))
    assert doc.ents == ()
    assert all(t.ent_type == "" for t in doc.tokens)


def test_annotate_entities_names_with_verbs_are_kept() -> None:
    # "Black Lives Matter" has a verb but no object; "Hamas" is a plain name beside a clause.
    words = ["Black", "Lives", "Matter", "met", "Hamas", "."]
    heads = [1, 2, 3, 3, 3, 3]
    deps = ["amod", "nsubj", "nsubj", "ROOT", "dobj", "punct"]
    pos = ["ADJ", "NOUN", "VERB", "VERB", "PROPN", "PUNCT"]
    doc = to_annotated(_doc(words, heads, deps, pos, ["B-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "O"]))
    assert [e.text for e in doc.ents] == ["Black Lives Matter", "Hamas"]
    assert doc.tokens[4].ent_type == "ORG"


def test_annotate_line_break_ends_a_sentence() -> None:
    from newsevents.annotate import annotate

    text = "Kenya signs tax bill despite protests\nThe president said on Tuesday that the law was needed."
    doc = annotate(text)
    second = text.index("The president")
    assert any(doc.tokens[s.start_token].start == second for s in doc.sents)
    assert all(not (s.start < second < s.end) for s in doc.sents)  # no sentence runs over the line break


def test_annotate_tokens_within_matches_the_linear_definition() -> None:
    from newsevents.annotate import annotate

    doc = annotate("The minister said on Tuesday that “the talks failed.”\n\nIran rejected it.")
    n = len(doc.text)
    for a in range(n + 1):
        for b in range(a, n + 1, 3):
            expected = [t.i for t in doc.tokens if t.start >= a and t.end <= b]
            assert list(doc.tokens_within(a, b)) == expected, (a, b)
