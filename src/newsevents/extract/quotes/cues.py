"""The reporting-cue lexicon (``ontology/cues.yaml``), loaded once and lazily."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml


@dataclass(frozen=True)
class Cues:
    """Reporting verbs and nouns, as sets of lower-cased lemmas."""

    speech_verbs: frozenset[str]
    object_content_verbs: frozenset[str]
    document_verbs: frozenset[str]
    document_nouns: frozenset[str]
    speech_nouns: frozenset[str]
    according_phrases: tuple[tuple[str, ...], ...]  # word sequences, e.g. ("according", "to")
    content_marks: frozenset[str]
    noun_object_verbs: frozenset[str] = frozenset()  # a bare noun object is content ("urged restraint")

    def is_speech_verb(self, lemma: str) -> bool:
        return lemma.lower() in self.speech_verbs

    def takes_object_content(self, lemma: str) -> bool:
        return lemma.lower() in self.object_content_verbs

    def takes_noun_content(self, lemma: str) -> bool:
        return lemma.lower() in self.noun_object_verbs


def _words(values: object) -> frozenset[str]:
    if isinstance(values, dict):
        values = list(values)
    if not isinstance(values, list):
        return frozenset()
    return frozenset(str(v).strip().lower() for v in values if str(v).strip())


def parse_cues(data: dict[str, object]) -> Cues:
    """Build a :class:`Cues` from the YAML mapping (unknown keys are ignored, missing ones are empty)."""
    phrases = tuple(
        tuple(p.split()) for p in sorted(_words(data.get("according_phrases")), key=len, reverse=True)
    )
    return Cues(
        speech_verbs=_words(data.get("speech_verbs")),
        object_content_verbs=_words(data.get("object_content_verbs")),
        document_verbs=_words(data.get("document_verbs")),
        document_nouns=_words(data.get("document_nouns")),
        speech_nouns=_words(data.get("speech_nouns")),
        according_phrases=phrases,
        content_marks=_words(data.get("content_marks")),
        noun_object_verbs=_words(data.get("noun_object_verbs")),
    )


@cache
def load_cues() -> Cues:
    """The packaged cue lexicon (read on first use, then cached for the process)."""
    text = resources.files("newsevents.ontology").joinpath("cues.yaml").read_text(encoding="utf-8")
    return parse_cues(yaml.safe_load(text) or {})
