"""The Python API every front end (CLI, HTTP API, web page, Dask workers) calls."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from newsevents.errors import NewsEventsError
from newsevents.model import Article, ErrorRecord, Result
from newsevents.pipeline import Options, process


def extract(
    text: str,
    date: str | None = None,
    *,
    model: str | None = None,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    options: Options | None = None,
) -> Result:
    """Extract actors, quotes and events from one article's text.

    ``text`` may open with the seed format's `` date YYYY-MM-DD `` header; ``date`` is used when it does not.
    Problems (an empty text, a too-long text, an impossible date) come back in ``Result.errors``.
    """
    from newsevents.readers import read_string
    from newsevents.readers.base import make_article

    options = options or Options(model=model)
    item = read_string(text, date=date)
    if isinstance(item, Article) and (title or source or url):
        rebuilt = make_article(item.text, date=item.date, title=title, source=source, url=url)
        item = rebuilt if isinstance(rebuilt, Article) else item
    if isinstance(item, ErrorRecord):
        return Result(Article(Article.make_id(text), text), errors=(item,))
    out = next(process([item], options))
    if isinstance(out, ErrorRecord):
        return Result(item, errors=(out,))
    return out


def extract_many(
    articles: Iterable[Article | ErrorRecord | str],
    options: Options | None = None,
    *,
    model: str | None = None,
) -> Iterator[Result | ErrorRecord]:
    """Extract from many articles (``Article`` objects, reader error rows, or raw strings) lazily, in order."""
    from newsevents.readers import read_string

    def items() -> Iterator[Article | ErrorRecord]:
        for a in articles:
            yield read_string(a) if isinstance(a, str) else a

    yield from process(items(), options or Options(model=model))


__all__ = ["NewsEventsError", "extract", "extract_many"]
