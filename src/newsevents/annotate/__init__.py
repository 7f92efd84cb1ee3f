"""Annotation layer: the only code that touches spaCy (see :mod:`.spacy_pipeline`)."""

from newsevents.annotate.doc import AnnotatedDoc, Entity, Sentence, Token
from newsevents.annotate.spacy_pipeline import (
    annotate,
    annotate_texts,
    default_model_name,
    load_pipeline,
)

__all__ = [
    "AnnotatedDoc",
    "Entity",
    "Sentence",
    "Token",
    "annotate",
    "annotate_texts",
    "default_model_name",
    "load_pipeline",
]
