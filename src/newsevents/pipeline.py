"""Runs the registered stages over annotated articles.

One bad article (or one stage failing on it) becomes an :class:`ErrorRecord`; the batch always goes on.
The stages are ``actors`` → ``quotes`` → ``events``; each is a registered function that receives the
:class:`Context` and returns the value for the field it ``assigns``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator

from newsevents.annotate.doc import AnnotatedDoc
from newsevents.extract.context import (
    DEFAULT_MAX_CHARS,
    DEFAULT_STAGES,
    DEFAULT_TIME_BUDGET_S,
    Context,
    Options,
)
from newsevents.model import Actor, Article, ErrorRecord, Result
from newsevents.registry import stages

log = logging.getLogger(__name__)

__all__ = [
    "DEFAULT_MAX_CHARS",
    "DEFAULT_STAGES",
    "DEFAULT_TIME_BUDGET_S",
    "Context",
    "Options",
    "check_article",
    "process",
    "run_stages",
]


def _ensure_stages_registered() -> None:
    # Imported lazily so that importing newsevents stays cheap (no work at import time).
    import newsevents.extract.actors
    import newsevents.extract.events
    import newsevents.extract.quotes  # noqa: F401


def run_stages(article: Article, doc: AnnotatedDoc, options: Options | None = None) -> Result:
    """Apply every stage to one annotated article; a failing stage is reported, later stages still run."""
    _ensure_stages_registered()
    options = options or Options()
    ctx = Context(article, doc, options)
    started = time.perf_counter()
    for k, name in enumerate(options.stages):
        spent = time.perf_counter() - started
        if spent > options.time_budget_s:
            skipped = ", ".join(options.stages[k:])
            ctx.errors.append(
                ErrorRecord(
                    article.path,
                    article.line,
                    article.id,
                    f"extract:{name}",
                    f"time budget of {options.time_budget_s:g}s spent ({spent:.1f}s); skipped stages: {skipped}",
                )
            )
            break
        entry = stages.get(name)
        try:
            value = entry.func(ctx)
        except Exception as exc:  # noqa: BLE001 - a stage bug must not kill the batch; it is reported
            log.exception("stage %s failed on article %s", name, article.id)
            ctx.errors.append(
                ErrorRecord(
                    article.path, article.line, article.id, f"extract:{name}", f"{type(exc).__name__}: {exc}"
                )
            )
            continue
        for attr in entry.assigns:
            setattr(ctx, attr, value)
    actors: tuple[Actor, ...] = ctx.actors.actors
    return Result(article, actors, tuple(ctx.quotes), tuple(ctx.events), tuple(ctx.errors))


def check_article(article: Article, options: Options) -> ErrorRecord | None:
    """Reasons to refuse an article before parsing it."""
    if not article.text.strip():
        return ErrorRecord(article.path, article.line, article.id, "read", "empty article")
    if len(article.text) > options.max_chars:
        return ErrorRecord(
            article.path,
            article.line,
            article.id,
            "read",
            f"article too long: {len(article.text):,} characters > limit {options.max_chars:,} "
            f"(raise it with --max-chars)",
        )
    return None


def process(
    items: Iterable[Article | ErrorRecord], options: Options | None = None
) -> Iterator[Result | ErrorRecord]:
    """Annotate articles in batches with ``nlp.pipe`` and run the stages; error rows pass through in order."""
    from newsevents.annotate.spacy_pipeline import annotate_texts

    options = options or Options()
    batch: list[Article] = []

    def flush() -> Iterator[Result | ErrorRecord]:
        if not batch:
            return
        try:
            docs = list(annotate_texts([a.text for a in batch], options.model, options.batch_size))
        except Exception as exc:  # noqa: BLE001 - retry one by one to isolate the bad article
            log.warning("batch annotation failed (%s); retrying articles one by one", exc)
            docs = []
            for a in batch:
                try:
                    docs.extend(annotate_texts([a.text], options.model))
                except Exception as one_exc:  # noqa: BLE001
                    docs.append(None)  # type: ignore[arg-type]
                    yield ErrorRecord(
                        a.path, a.line, a.id, "annotate", f"{type(one_exc).__name__}: {one_exc}"
                    )
        for article, doc in zip(batch, docs, strict=True):
            if doc is not None:
                yield run_stages(article, doc, options)
        batch.clear()

    for item in items:
        if isinstance(item, ErrorRecord):
            yield item
            continue
        refusal = check_article(item, options)
        if refusal is not None:
            yield refusal
            continue
        batch.append(item)
        if len(batch) >= options.batch_size:
            yield from flush()
    yield from flush()
