"""Clause structure for pronouns (issue 14): binding with understood subjects, the subject of the nearest
governing clause, and names the entity tagger called a body.  Hand-made sentences only."""

from __future__ import annotations

from newsevents.annotate.doc import AnnotatedDoc
from newsevents.extract.actors import syntax
from test_actors_helpers import actor_with, actors_result, rule_of


def _doc(words: str, heads: list[int], deps: list[str], pos: list[str]) -> AnnotatedDoc:
    return AnnotatedDoc.from_tokens(words.split(), heads, deps, pos=pos)


# "Anna Lind forced Eva Berg to sell her car ." — by hand, so the rule is tested without the model.
FORCED = _doc(
    "Anna Lind forced Eva Berg to sell her car .",
    [1, 2, 2, 4, 2, 6, 2, 8, 6, 2],
    ["compound", "nsubj", "ROOT", "compound", "dobj", "aux", "xcomp", "poss", "dobj", "punct"],
    ["PROPN", "PROPN", "VERB", "PROPN", "PROPN", "PART", "VERB", "PRON", "NOUN", "PUNCT"],
)


def test_syntax_object_control_gives_the_understood_subject() -> None:
    # The subject of "sell" is the object of "forced" (Eva Berg), then the subject of "forced".
    assert syntax.clause_chain(FORCED, 7) == [(6, 4), (2, 1)]
    assert syntax.governing_subjects(FORCED, 7, set()) == [(4, 0), (1, 1)]


def test_syntax_possessive_in_predicate_is_not_the_subject() -> None:
    # "Eva Berg was her friend": "her" is not Eva Berg.
    doc = _doc(
        "Eva Berg was her friend .",
        [1, 2, 2, 4, 2, 2],
        ["compound", "nsubj", "ROOT", "poss", "attr", "punct"],
        ["PROPN", "PROPN", "AUX", "PRON", "NOUN", "PUNCT"],
    )
    assert syntax.bound_heads(doc, 3, possessive=True) == {1}


def test_syntax_reflexive_is_never_bound() -> None:
    doc = _doc(
        "Eva Berg saw herself .",
        [1, 2, 2, 2, 2],
        ["compound", "nsubj", "ROOT", "dobj", "punct"],
        ["PROPN", "PROPN", "VERB", "PRON", "PUNCT"],
    )
    assert syntax.bound_heads(doc, 3, possessive=False) == set()
    assert syntax.governing_subjects(doc, 3, set()) == [(1, 0)]


def test_coref_object_pronoun_is_not_the_understood_subject_of_its_clause() -> None:
    # The subject of "help" is Tomas Berg: "him" is the one who convinced him.
    result = actors_result("Karl Weiss convinced Tomas Berg to help him with the harvest.")
    assert actor_with(result, "him") is actor_with(result, "Karl Weiss")


def test_coref_object_pronoun_of_a_conjoined_verb_is_not_the_shared_subject() -> None:
    result = actors_result("Karl Weiss caught up with Tomas Berg and passed him near the bridge.")
    assert actor_with(result, "him") is actor_with(result, "Tomas Berg")


def test_coref_possessive_in_an_infinitive_takes_the_controlling_object() -> None:
    result = actors_result("Karl Weiss persuaded Tomas Berg to sell his boat.")
    assert actor_with(result, "his") is actor_with(result, "Tomas Berg")
    assert rule_of(result, "his") == "pronoun_governing_subject"


def test_coref_subject_pronoun_in_a_subordinate_clause_takes_the_governing_subject() -> None:
    # The lawyer speaks, but "he" is the subject of the clause that holds the "when" clause.
    result = actors_result("The lawyer for Karl Weiss said that Tomas Berg was alive when he was found.")
    assert actor_with(result, "he") is actor_with(result, "Tomas Berg")
    result = actors_result("Karl Weiss told the court that Tomas Berg had lied because he wanted the farm.")
    assert actor_with(result, "he") is actor_with(result, "Tomas Berg")


def test_coref_he_may_link_to_a_surname_the_tagger_called_a_body() -> None:
    # "Magee" is tagged ORG by the small model; nothing says it is a body, and it governs "his".
    result = actors_result(
        "Magee experimented with the teachings of Kenneth Grant and published his own books."
    )
    assert actor_with(result, "his") is actor_with(result, "Magee")


def test_coref_he_does_not_link_to_a_known_body() -> None:
    result = actors_result(
        "The United Nations criticised the plan, and Karl Weiss said his team would reply."
    )
    assert actor_with(result, "his") is actor_with(result, "Karl Weiss")


def test_syntax_subject_pronoun_is_not_its_clause_object() -> None:
    # "he tours with Ola Berg": "he" is not Ola Berg (nor the direct object of its verb).
    doc = _doc(
        "he tours with Ola Berg .",
        [1, 1, 1, 4, 2, 1],
        ["nsubj", "ROOT", "prep", "compound", "pobj", "punct"],
        ["PRON", "VERB", "ADP", "PROPN", "PROPN", "PUNCT"],
    )
    assert syntax.bound_heads(doc, 0, possessive=False) == {4}


def test_coref_fronted_pronoun_links_forward_past_its_clause_object() -> None:
    result = actors_result(
        "Although he often toured with Karl Weiss, Tomas Berg also played with many other bands."
    )
    assert actor_with(result, "he") is actor_with(result, "Tomas Berg")


def test_syntax_conjoined_owner_of_a_possessive() -> None:
    # "Eva Berg and all of her staff": the phrase holding "her" is conjoined to Eva Berg.
    doc = _doc(
        "Eva Berg and all of her staff left .",
        [1, 7, 1, 1, 3, 6, 4, 7, 7],
        ["compound", "nsubj", "cc", "conj", "prep", "poss", "pobj", "ROOT", "punct"],
        ["PROPN", "PROPN", "CCONJ", "PRON", "ADP", "PRON", "NOUN", "VERB", "PUNCT"],
    )
    assert syntax.conjoined_owner(doc, 5) == 1


def test_coref_possessive_in_a_conjunct_takes_the_name_it_is_joined_to() -> None:
    # The subject Anna Lind governs the clause, but "Eva Berg and her husband" is one phrase.
    result = actors_result("Anna Lind met Eva Berg and her husband at the station.")
    assert actor_with(result, "her") is actor_with(result, "Eva Berg")
    assert rule_of(result, "her") == "pronoun_conjunct"


def test_syntax_subject_of_an_infinitive_is_not_the_subject_above() -> None:
    # "Karl Weiss allowed him to sit": the parse makes "him" the subject of "sit"; he is not Karl Weiss.
    doc = _doc(
        "Karl Weiss allowed him to sit .",
        [1, 2, 2, 5, 5, 2, 2],
        ["compound", "nsubj", "ROOT", "nsubj", "aux", "ccomp", "punct"],
        ["PROPN", "PROPN", "VERB", "PRON", "PART", "VERB", "PUNCT"],
    )
    assert syntax.bound_heads(doc, 3, possessive=False) == {1}


def test_syntax_a_fronted_phrase_is_no_controller() -> None:
    # "After the match, Karl Weiss refused to go": "the match" comes before the verb, so it does not
    # control "go"; the subject of "refused" does.
    doc = _doc(
        "After the match , Karl Weiss refused to go .",
        [6, 2, 0, 6, 5, 6, 6, 8, 6, 6],
        ["prep", "det", "pobj", "punct", "compound", "nsubj", "ROOT", "aux", "xcomp", "punct"],
        ["ADP", "DET", "NOUN", "PUNCT", "PROPN", "PROPN", "VERB", "PART", "VERB", "PUNCT"],
    )
    assert syntax.subject_of(doc, 8) == 5
