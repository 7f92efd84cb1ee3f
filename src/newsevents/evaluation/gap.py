"""GAP (Webster et al. 2018): ambiguous-pronoun resolution on Wikipedia snippets, scored as in the paper.

Each GAP row gives a snippet, one pronoun (with its character offset) and two candidate names A and B (with
offsets), and says whether the pronoun refers to A, to B or to neither.  Here the snippet goes through the
real pipeline (parse + ``actors`` stage, the same coreference every article gets); the pronoun's actor is
looked up by its offset and the system says "A" when that actor has a mention overlapping A's name (or,
when the parse left A untagged, carries all of A's name words), the same for B.  A pronoun the actors stage
left unresolved says neither.

Scoring (the GAP paper, section 6): every row gives two binary decisions (A and B); TP/FP/FN are counted over
all of them; P, R and F1 overall and by the pronoun's gender (masculine: he/him/his/himself, feminine:
she/her/hers/herself), and the bias ratio F1(feminine) / F1(masculine).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsevents.evaluation.matching import PRF
from newsevents.model import Actor, Article, Result

FEMININE = frozenset({"she", "her", "hers", "herself"})
COLUMNS = ("ID", "Text", "Pronoun", "Pronoun-offset", "A", "A-offset", "A-coref", "B", "B-offset", "B-coref")
_WORD_RE = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class GapItem:
    """One GAP row."""

    id: str
    text: str
    pronoun: str
    pronoun_offset: int
    a: str
    a_offset: int
    a_coref: bool
    b: str
    b_offset: int
    b_coref: bool

    @property
    def gender(self) -> str:
        """``F`` or ``M``, from the pronoun."""
        return "F" if self.pronoun.lower() in FEMININE else "M"


@dataclass(frozen=True, slots=True)
class GapDecision:
    """The system's answer for one row, and the coreference rule that linked the pronoun (if any)."""

    id: str
    a: bool
    b: bool
    actor: str | None = None  # the name of the pronoun's actor
    rule: str | None = None  # Mention.resolved_by of the pronoun


@dataclass
class GapScore:
    """Counts of one GAP file, overall and by gender, with the rows the system got wrong."""

    name: str
    rows: int = 0
    overall: PRF = field(default_factory=PRF)
    by_gender: dict[str, PRF] = field(default_factory=lambda: {"M": PRF(), "F": PRF()})
    errors: list[tuple[GapItem, GapDecision]] = field(default_factory=list)

    @property
    def bias(self) -> float | None:
        """F1 of feminine pronouns over F1 of masculine ones (1.0: no gender gap)."""
        f, m = self.by_gender["F"].f1, self.by_gender["M"].f1
        return f / m if f is not None and m else None


def _bool(value: str) -> bool:
    return value.strip().upper() == "TRUE"


def read_gap(path: str | Path) -> Iterator[GapItem]:
    """The rows of a GAP TSV file (header line required)."""
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or ())]
        if missing:
            raise ValueError(f"{path}: not a GAP file (missing columns: {', '.join(missing)})")
        for row in reader:
            yield GapItem(
                id=row["ID"],
                text=row["Text"],
                pronoun=row["Pronoun"],
                pronoun_offset=int(row["Pronoun-offset"]),
                a=row["A"],
                a_offset=int(row["A-offset"]),
                a_coref=_bool(row["A-coref"]),
                b=row["B"],
                b_offset=int(row["B-offset"]),
                b_coref=_bool(row["B-coref"]),
            )


def _words(text: str) -> set[str]:
    return set(_WORD_RE.findall(text.casefold()))


def _refers_to(actor: Actor, name: str, offset: int) -> bool:
    """Does ``actor`` include the candidate name at ``offset``?"""
    end = offset + len(name)
    for m in actor.mentions:
        if m.kind != "pronoun" and m.span.start < end and offset < m.span.end:
            return True
    # The parse may have left the candidate untagged (no mention there): the actor's names then have to
    # carry every word of the candidate ("Leach" is not enough for "Bernard Leach").
    words = _words(name)
    names = _words(actor.name) | {w for m in actor.mentions if m.kind == "name" for w in _words(m.span.text)}
    return bool(words) and words <= names and not _any_mention_at(actor, offset, end)


def _any_mention_at(actor: Actor, start: int, end: int) -> bool:
    return any(m.span.start < end and start < m.span.end for m in actor.mentions)


def decide(item: GapItem, actors: Sequence[Actor]) -> GapDecision:
    """A, B or neither for one row, from the actors the pipeline built for its snippet."""
    for actor in actors:
        for m in actor.mentions:
            if m.kind == "pronoun" and m.span.start <= item.pronoun_offset < m.span.end:
                a = _refers_to(actor, item.a, item.a_offset)
                b = _refers_to(actor, item.b, item.b_offset) and not a
                return GapDecision(item.id, a, b, actor.name, m.resolved_by)
    return GapDecision(item.id, False, False)


def score_decisions(name: str, pairs: Iterable[tuple[GapItem, GapDecision]]) -> GapScore:
    """Count TP/FP/FN over the A and B decisions, overall and by gender."""
    score = GapScore(name)
    for item, d in pairs:
        score.rows += 1
        counts = PRF()
        for gold, pred in ((item.a_coref, d.a), (item.b_coref, d.b)):
            counts = counts + PRF(int(gold and pred), int(pred and not gold), int(gold and not pred))
        score.overall = score.overall + counts
        score.by_gender[item.gender] = score.by_gender[item.gender] + counts
        if counts.fp or counts.fn:
            score.errors.append((item, d))
    return score


def predict_gap(items: Sequence[GapItem], model: str | None = None) -> list[GapDecision]:
    """Run the parse and the actors stage on every snippet and decide each row."""
    from newsevents.pipeline import Options, process

    options = Options(model=model, stages=("actors",))
    articles = (Article(id=it.id, text=it.text, line=k) for k, it in enumerate(items))
    decisions: dict[str, GapDecision] = {}
    for out in process(articles, options):
        if isinstance(out, Result):
            it = items[out.article.line or 0]
            decisions[it.id] = decide(it, out.actors)
    return [decisions.get(it.id, GapDecision(it.id, False, False)) for it in items]


def evaluate_gap(path: str | Path, model: str | None = None) -> GapScore:
    """Score the pipeline's coreference on one GAP TSV file."""
    items = list(read_gap(path))
    return score_decisions(Path(path).stem, zip(items, predict_gap(items, model), strict=True))
