"""Dependency-tree helpers shared by the event modules: "between" phrases and coordinated side modifiers."""

from __future__ import annotations

from newsevents.annotate.doc import AnnotatedDoc
from newsevents.annotate.spacy_pipeline import annotate
from newsevents.extract.events.syntax import between_objects, coordinated_modifiers


def _index(doc: AnnotatedDoc, word: str) -> int:
    return next(t.i for t in doc.tokens if t.text == word)


def test_between_objects_is_the_first_side_of_the_phrase() -> None:
    doc = annotate("The talks between Norway and Chile ended on Friday.")
    sides = between_objects(doc, _index(doc, "talks"))
    assert [doc.tokens[i].text for i in sides] == ["Norway"]


def test_between_objects_is_empty_without_the_phrase() -> None:
    doc = annotate("The talks with Norway ended on Friday.")
    assert between_objects(doc, _index(doc, "talks")) == []


def test_coordinated_modifiers_are_the_sides_when_all_name_one() -> None:
    doc = annotate("Swedish and Danish negotiators met in Oslo.")
    head = _index(doc, "negotiators")
    found = coordinated_modifiers(doc, head, lambda m: doc.tokens[m].ent_type in ("NORP", "GPE"))
    assert [doc.tokens[i].text for i in found] == ["Swedish", "Danish"]


def test_coordinated_modifiers_need_every_member_to_name_a_side() -> None:
    doc = annotate("Swedish and Danish negotiators met in Oslo.")
    head = _index(doc, "negotiators")
    assert coordinated_modifiers(doc, head, lambda m: doc.tokens[m].text == "Swedish") == []
