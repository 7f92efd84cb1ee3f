"""Speaker resolution on PolNeAR-dev: does the actor we resolve at a gold source contain the gold source text?

    python3 bench/actor_resolution.py [path/to/polnear-dev.jsonl]

For every required gold quote whose source is a name or nominal (``speaker`` not null), take the actor that
owns the mention overlapping the gold ``speaker_span`` most (``ActorTable.head_mention``, the one ``speaker_for`` uses; offsets shifted by the
stripped `` date YYYY-MM-DD `` header).  It is *right* when a gold alias is contained (case-insensitively) in
the actor's name or in the text of one of its mentions; aliases of 3 characters or fewer must match a whole
word, as in the gold scoring rules.  Also reported: how often some actor mention overlaps the span at all.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

from newsevents.extract.actors.table import ActorTable
from newsevents.model import Actor, Article, Result
from newsevents.pipeline import Options, process
from newsevents.readers.base import make_article
from newsevents.readers.text import split_header

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "gold" / "polnear-dev.jsonl"


def contains(alias: str, texts: list[str]) -> bool:
    a = alias.strip().lower()
    if not a:
        return False
    if len(a) <= 3:
        pattern = re.compile(r"(?<!\w)" + re.escape(a) + r"(?!\w)")
        return any(pattern.search(t.lower()) for t in texts)
    return any(a in t.lower() for t in texts)


def head_part(source: str) -> str:
    """The source phrase up to its first comma or bracket: "Richard Revesz, director of ..." → "Richard Revesz"."""
    return re.split(r"[,(]", source, maxsplit=1)[0]


def actor_texts(actor: Actor) -> list[str]:
    return [actor.name, *(m.span.text for m in actor.mentions)]


def main(path: Path = DEFAULT) -> None:
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    articles, shifts = [], []
    for row in rows:
        date, text = split_header(row["raw"])
        shifts.append(len(row["raw"]) - len(text))
        art = make_article(text, date=date, source=row["id"])
        assert isinstance(art, Article)
        articles.append(art)
    results = [r for r in process(articles, Options(stages=("actors",))) if isinstance(r, Result)]
    counts: Counter[str] = Counter()
    misses: list[str] = []
    for row, shift, result in zip(rows, shifts, results, strict=True):
        table = ActorTable.build(result.actors)
        for q in row["quotes"]:
            if q["optional"] or not q["speaker"] or not q["speaker_span"]:
                continue
            counts["quotes"] += 1
            s, e = q["speaker_span"][0] - shift, q["speaker_span"][1] - shift
            hit = table.head_mention(s, e)
            if hit is None:
                misses.append(f"no actor   {q['speaker'][0]!r}")
                continue
            counts["overlap"] += 1
            _, actor = hit
            if any(contains(a, actor_texts(actor)) for a in q["speaker"]):
                counts["right"] += 1
                counts["head"] += 1
            elif any(contains(actor.name, [head_part(a)]) for a in q["speaker"]):
                counts["head"] += 1  # gold "Sen. Lindsey Graham (R-S.C.)", actor "Lindsey Graham"
            else:
                misses.append(f"wrong      {q['speaker'][0]!r} -> {actor.name!r}")
    n = counts["quotes"]
    print(f"gold sources (required, name or nominal): {n}")
    print(
        f"an actor mention overlaps the source:     {counts['overlap']} ({100 * counts['overlap'] / n:.1f}%)"
    )
    print(f"that actor contains the gold source text: {counts['right']} ({100 * counts['right'] / n:.1f}%)")
    print(f"... or its name is the head of the source:  {counts['head']} ({100 * counts['head'] / n:.1f}%)")
    if "-v" in sys.argv:
        print("\n".join(misses))


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    main(Path(args[0]) if args else DEFAULT)
