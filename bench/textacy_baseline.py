"""Peer baseline for quotes: textacy's ``direct_quotations`` on the gold articles, as a predictions file.

textacy is not a newsevents dependency: run this with the interpreter of a separate virtual environment
that has it (its dependencies must not change the project's spaCy/numpy), e.g.::

    python3 -m venv --system-site-packages /tmp/newsevents-bench-venv
    /tmp/newsevents-bench-venv/bin/pip install textacy==0.13.0
    /tmp/newsevents-bench-venv/bin/python bench/textacy_baseline.py ../shared/gold/polnear-dev.jsonl \
        --out /tmp/textacy-polnear-dev.jsonl
    newsevents eval ../shared/gold/polnear-dev.jsonl --predictions /tmp/textacy-polnear-dev.jsonl --system textacy

The articles are read with newsevents' own JSON Lines reader (so the text and its offsets are the ones the
pipeline sees) and parsed by the same spaCy pipeline (``newsevents.annotate.load_pipeline``).  Each output
line is ``{"id", "quotes": [...]}`` in the shape of ``Quote.to_dict()``; there is no ``events`` key, so the
scorer does not score this system on events.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from typing import Any

from newsevents.annotate import load_pipeline
from newsevents.model import Article
from newsevents.readers import read_path


def _span(text: str, start: int, end: int) -> dict[str, Any]:
    return {"start": start, "end": end, "text": text[start:end]}


def quotes_of(doc: Any, text: str | None = None, shift: int = 0) -> list[dict[str, Any]]:
    """textacy's direct quotations of one parsed doc, as ``Quote.to_dict()``-shaped records.

    ``doc`` may be one paragraph of the article: ``shift`` is where it starts in the article ``text``.
    """
    from textacy.extract.triples import direct_quotations

    text = doc.text if text is None else text
    out = []
    for triple in direct_quotations(doc):
        content = triple.content
        record: dict[str, Any] = {
            "kind": "direct",
            "content": _span(text, shift + content.start_char, shift + content.end_char),
            "speaker": None,
            "cue": None,
            "rule": "textacy.direct_quotations",
        }
        if triple.speaker:
            start = shift + min(t.idx for t in triple.speaker)
            end = shift + max(t.idx + len(t.text) for t in triple.speaker)
            record["speaker"] = {
                "name": " ".join(t.text for t in triple.speaker),
                "actor_id": None,
                "country": None,
                "mention": _span(text, start, end),
                "resolved_by": "name",
            }
        if triple.cue:
            start = shift + min(t.idx for t in triple.cue)
            end = shift + max(t.idx + len(t.text) for t in triple.cue)
            record["cue"] = _span(text, start, end)
        out.append(record)
    return out


def paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """(offset, paragraph) for each non-blank line block of ``text``."""
    offset = 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            yield offset, line
        offset += len(line)


def quotes_by_paragraph(nlp: Any, text: str) -> tuple[list[dict[str, Any]], int]:
    """Fallback when textacy refuses a whole article: each paragraph on its own; (quotes, paragraphs refused)."""
    out: list[dict[str, Any]] = []
    refused = 0
    for offset, para in paragraphs(text):
        try:
            out.extend(quotes_of(nlp(para), text, offset))
        except ValueError:  # unbalanced quotation marks inside this paragraph too
            refused += 1
    return out, refused


def articles(paths: list[str]) -> Iterator[Article]:
    for path in paths:
        for item in read_path(path, "jsonl"):
            if isinstance(item, Article):
                yield item
            else:
                print(f"skipped: {item.path}:{item.line}: {item.message}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="+", help="gold JSON Lines files")
    parser.add_argument("--out", required=True, help="predictions JSONL to write")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: newsevents' default)")
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args(argv)

    nlp = load_pipeline(args.model)
    items = list(articles(args.gold))
    n_quotes = n_fallback = n_refused = 0
    with open(args.out, "w", encoding="utf-8") as out:
        for article, doc in zip(
            items, nlp.pipe((a.text for a in items), batch_size=args.batch_size), strict=True
        ):
            try:
                quotes = quotes_of(doc)
            except ValueError:
                # textacy bails out on the whole article when its quotation marks do not pair up (a quote
                # that runs over several paragraphs opens each paragraph without closing the previous):
                # retry paragraph by paragraph, which is fairer to the baseline than scoring nothing.
                quotes, refused = quotes_by_paragraph(nlp, article.text)
                n_fallback += 1
                n_refused += refused
            n_quotes += len(quotes)
            out.write(json.dumps({"id": article.id, "quotes": quotes}, ensure_ascii=False) + "\n")
    print(
        f"{len(items)} articles, {n_quotes} quotes -> {args.out} ({n_fallback} articles retried by "
        f"paragraph for unpaired quotation marks, {n_refused} paragraphs still refused)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
