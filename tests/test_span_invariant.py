"""The span invariant over a real corpus: for every span of every record, ``text[start:end] == span.text``.

Runs the whole pipeline on the first articles of the PolNeAR dev gold file, read through the JSONL reader
(which accepts its ``raw`` field with the date header), so offsets are checked after the header is stripped.
"""

from __future__ import annotations

import itertools

from conftest import GOLD, shared_file
from newsevents.model import Article, Result
from newsevents.pipeline import process
from newsevents.readers import read_inputs

N_ARTICLES = 20


def test_span_invariant_holds_on_real_articles() -> None:
    path = shared_file(GOLD / "polnear-dev.jsonl")
    articles = [a for a in itertools.islice(read_inputs([str(path)]), N_ARTICLES) if isinstance(a, Article)]
    assert len(articles) == N_ARTICLES
    assert all(not a.text.startswith(" date") and a.date for a in articles)
    results = [r for r in process(articles) if isinstance(r, Result)]
    assert len(results) == N_ARTICLES
    n_spans, broken = 0, []
    for result in results:
        text = result.article.text
        for span in result.spans():
            n_spans += 1
            if not (0 <= span.start <= span.end <= len(text) and text[span.start : span.end] == span.text):
                broken.append((result.article.id, span))
    assert not broken, broken[:5]
    assert n_spans > 20 * N_ARTICLES  # real extraction: actors, quotes and events all carry spans
    assert sum(len(r.quotes) for r in results) and sum(len(r.events) for r in results)
