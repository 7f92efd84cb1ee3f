"""How much the actors stage adds to the spaCy time, on the first N PolNeAR-train articles.

    python3 bench/actors_overhead.py [N]      (default 100; needs ../shared/gold/polnear-train.jsonl)

Parses all articles first (``annotate_texts``, the pipeline's own parser) and times that, then times
``build_actors`` (mentions + coreference + knowledge base) on the parsed documents.  The knowledge base is
warmed up once before timing, as a long-running process would have it.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from newsevents.annotate.spacy_pipeline import annotate_texts, load_pipeline
from newsevents.extract.actors.build import build_actors
from newsevents.readers.text import split_header

GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "gold" / "polnear-train.jsonl"


def main(n: int = 100) -> None:
    if not GOLD.exists():
        sys.exit(f"{GOLD} not found")
    texts = []
    with GOLD.open(encoding="utf-8") as fh:
        for line in fh:
            texts.append(split_header(json.loads(line)["raw"])[1])
            if len(texts) >= n:
                break
    load_pipeline()
    build_actors(next(annotate_texts(["Warm-up: Iran's foreign minister said he would go."])), "warm")
    t0 = time.perf_counter()
    docs = list(annotate_texts(texts))
    spacy_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    n_actors = sum(len(build_actors(d, str(k))) for k, d in enumerate(docs))
    actors_s = time.perf_counter() - t0
    words = sum(len(t.split()) for t in texts)
    print(f"articles: {len(texts)}  words: {words}  actors: {n_actors}")
    print(f"spaCy:        {spacy_s:7.2f} s  ({words / spacy_s:,.0f} words/s)")
    print(f"actors stage: {actors_s:7.2f} s  ({words / actors_s:,.0f} words/s)")
    print(f"overhead:     {100 * actors_s / spacy_s:6.1f} % of the spaCy time")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
