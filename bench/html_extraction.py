"""Measure the HTML reader on real pages with ground-truth article bodies.

Corpus: ../shared/corpus/html-pages (181 pages from Scrapinghub's article-extraction-benchmark, MIT),
``html/<id>.html.gz`` and ``ground-truth.json`` (``{id: {"articleBody": ..., "url": ...}}``).

For each page, the text the ``html`` reader returns is compared with the ground-truth body as bags of
lower-cased word tokens:

- recall: share of the body's tokens that the reader kept;
- boilerplate: share of the reader's tokens that are not in the body (navigation, captions, related links);
- F1 of the two.

Run: ``python3 bench/html_extraction.py [CORPUS_DIR]``; prints a Markdown table for docs/readers.md.
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from newsevents.model import Article
from newsevents.readers import read_path

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "html-pages"
TOKEN = re.compile(r"\w+", re.UNICODE)


def tokens(text: str) -> Counter[str]:
    return Counter(t.lower() for t in TOKEN.findall(text))


def main(corpus: Path) -> None:
    truth = json.loads((corpus / "ground-truth.json").read_text(encoding="utf-8"))
    recalls, boilerplates, f1s, seconds = [], [], [], []
    missing, with_date, with_title = 0, 0, 0
    for page_id, gold in sorted(truth.items()):
        path = corpus / "html" / f"{page_id}.html.gz"
        started = time.perf_counter()
        items = list(read_path(str(path)))
        seconds.append(time.perf_counter() - started)
        got = items[0] if items and isinstance(items[0], Article) else None
        want = tokens(gold.get("articleBody") or "")
        if not want:
            continue
        have = tokens(got.text) if got else Counter()
        if got is None:
            missing += 1
        else:
            with_date += got.date is not None
            with_title += got.title is not None
        kept = sum((want & have).values())
        recall = kept / sum(want.values())
        boiler = 1 - kept / sum(have.values()) if have else 0.0
        precision = 1 - boiler if have else 0.0
        recalls.append(recall)
        boilerplates.append(boiler)
        f1s.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    n = len(recalls)
    print(f"pages: {n}; no text extracted: {missing}; with a date: {with_date}; with a title: {with_title}")
    print("| measure | mean | median |")
    print("|---|---|---|")
    for name, values in (("token recall", recalls), ("boilerplate share", boilerplates), ("token F1", f1s)):
        print(f"| {name} | {statistics.mean(values):.3f} | {statistics.median(values):.3f} |")
    print(f"| seconds per page | {statistics.mean(seconds):.3f} | {statistics.median(seconds):.3f} |")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CORPUS)
